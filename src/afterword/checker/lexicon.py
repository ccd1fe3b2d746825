"""Phrase lists live in YAML data files beside this module; this turns them into regexes."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .guard import Guarded

_DIR = Path(__file__).parent / "lexicons"


@cache
def load(family: str) -> dict[str, Any]:
    """Load one family's lexicon file."""
    # libyaml reads the lexicons about ten times faster: a cold `afterword check` loads them all
    data = yaml.load((_DIR / f"{family}.yaml").read_text(encoding="utf-8"), yaml.CSafeLoader)
    assert isinstance(data, dict), f"{family}.yaml must be a mapping"
    return data


def phrase_pattern(phrase: str) -> str:
    """Turn a phrase into a regex: `re:` entries are used as they are, others match whole words."""
    if phrase.startswith("re:"):
        return phrase[3:]
    words = [re.escape(w).replace("'", "['’]") for w in phrase.split()]
    body = r"\s+".join(words)
    left = r"\b" if phrase[0].isalnum() else ""
    right = r"\b" if phrase[-1].isalnum() else ""
    return f"{left}{body}{right}"


def _alternatives(phrases: list[str]) -> str:
    """Join the phrases' patterns, in order, as one alternation. A run of phrases that start
    with a letter shares one leading word boundary and a look-ahead at its first letters, so the
    regex engine leaves most positions of a letter at once instead of trying every phrase there
    (about twice as fast on the long lists)."""
    out: list[str] = []
    run: list[str] = []
    for phrase in [*phrases, ""]:
        if phrase and not phrase.startswith("re:") and phrase[0].isalnum():
            run.append(phrase)
            continue
        if run:
            firsts = re.escape("".join(sorted({c for p in run for c in _cases(p[0])})))
            bodies = "|".join(phrase_pattern(p).removeprefix(r"\b") for p in run)
            out.append(rf"\b(?=[{firsts}])(?:{bodies})")
            run = []
        if phrase:
            out.append(phrase_pattern(phrase))
    return "|".join(out)


def _cases(letter: str) -> set[str]:
    return {letter, letter.lower(), letter.upper()}


@cache
def phrases_regex(family: str, name: str, *, anchored: bool = False) -> Guarded:
    """Compile one list of a family's lexicon into a single case-insensitive regex, guarded
    by the words its matches need (a letter without them is not scanned)."""
    alternatives = _alternatives(load(family)[name])
    if anchored:  # a whole line holding only the phrase (a greeting or a sign-off)
        source = rf"^[ \t]*(?:{alternatives})[ \t]*[,.!:]?[ \t]*$"
        return Guarded.of(re.compile(source, re.I | re.M))
    return Guarded.of(re.compile(f"(?:{alternatives})", re.I))
