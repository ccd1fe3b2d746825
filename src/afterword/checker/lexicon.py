"""Phrase lists live in YAML data files beside this module; this turns them into regexes."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

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


@cache
def phrases_regex(family: str, name: str, *, anchored: bool = False) -> re.Pattern[str]:
    """Compile one list of a family's lexicon into a single case-insensitive regex."""
    phrases = load(family)[name]
    alternatives = "|".join(phrase_pattern(p) for p in phrases)
    if anchored:  # a whole line holding only the phrase (a greeting or a sign-off)
        return re.compile(rf"^[ \t]*(?:{alternatives})[ \t]*[,.!:]?[ \t]*$", re.I | re.M)
    return re.compile(f"(?:{alternatives})", re.I)
