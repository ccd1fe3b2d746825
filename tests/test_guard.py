"""The literal guard skips a regex scan only when the regex cannot match: every pattern the
checker guards finds exactly what it finds unguarded, on every letter we hold and on the
same letters bent the ways real text bends (case, wrapping, curly quotes, Turkish letters)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from afterword.checker import grammar
from afterword.checker.guard import Guarded, fold, needs
from afterword.checker.lexicon import load, phrases_regex
from afterword.evals.corpus import load_corpus

DATA = Path(__file__).parent / "data" / "strangers"


def _bent(text: str) -> list[str]:
    """The text and the same text as people and mail programs change it."""
    return [
        text,
        text.upper(),
        text.replace(" ", "\n"),
        text.replace(" ", "  \t"),
        text.replace("'", "’"),
        text.replace("’", "'"),
        text.replace("i", "İ").replace("s", "ſ"),
        text.replace("I", "ı"),
    ]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    letters = [item.text for item in load_corpus()][::3]
    letters += [p.read_text(encoding="utf-8") for p in sorted(DATA.rglob("*.txt"))][::4]
    return [bent for text in letters for bent in _bent(text)]


def _guarded() -> list[tuple[str, Guarded]]:
    out: list[tuple[str, Guarded]] = []
    for family in ("tone", "mechanics", "structure", "more", "dates", "names"):
        for name, entries in load(family).items():
            if isinstance(entries, list) and entries and all(isinstance(e, str) for e in entries):
                try:
                    out.append((f"{family}.{name}", phrases_regex(family, name)))
                except (re.error, KeyError):
                    continue  # a list of words used otherwise, not phrases
    for rule_id in ("word_choice", "missing_to", "look_forward"):
        out += [(f"grammar.{rule_id}", p.regex) for p in grammar.patterns(rule_id)]
    return out


def test_guarded_patterns_find_what_the_regex_finds(texts: list[str]) -> None:
    guarded = _guarded()
    assert len(guarded) > 80
    assert sum(g.literals is not None for _, g in guarded) > 0.8 * len(guarded)
    skipped = 0
    for name, pattern in guarded:
        for text in texts:
            want = [m.span() for m in pattern.regex.finditer(text)]
            assert [m.span() for m in pattern.finditer(text)] == want, (name, text[:80])
            skipped += not pattern.possible(text)
    assert skipped > len(guarded) * len(texts) // 3  # the guard does skip most scans


@pytest.mark.parametrize(
    ("pattern", "flags", "literals"),
    [
        (r"\bpleased\s+relocate\b", re.I, {"pleased relocate"}),
        (r"(?:glad|happy) to (?:hear|meet)", re.I, {"glad", "happy"}),
        (r"\b(?:I am|I'm) sorry for", re.I, {" sorry for"}),
        (r"I['’]m\s+(?=\w)sorry", re.I, {"i'm sorry"}),
        (r"[Tt]hank\s+you", 0, {"thank you"}),
        (r"(?:know|realize)\b", re.I, {"know", "realize"}),
        (r"\d{3}-\d{4}", 0, {"-"}),
    ],
)
def test_literals_read_from_the_pattern(pattern: str, flags: int, literals: set[str]) -> None:
    assert needs(re.compile(pattern, flags)) == frozenset(literals)


@pytest.mark.parametrize(
    "pattern", [r"\d+", r"\w+y?", r"(?:a|\d)x?", r"x*", r"(?:foo)?", r"[ab]c?", r"\s+"]
)
def test_a_pattern_without_a_sure_literal_is_always_scanned(pattern: str) -> None:
    guarded = Guarded.of(re.compile(pattern))
    assert guarded.literals is None
    assert guarded.possible("nothing in common here " * 10)


def test_text_is_folded_as_the_regex_engine_compares() -> None:
    assert fold("İNTERVİEW") == "interview"
    assert fold("The\n\t  end’s ſoon") == "the end's soon"
    long_text = "Dear Ayşe,\n\n" + "We spoke about the İstanbul office. " * 6
    guarded = Guarded.of(re.compile(r"istanbul office", re.I))
    assert [m.group() for m in guarded.finditer(long_text)] == ["İstanbul office"] * 6
