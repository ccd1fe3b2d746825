"""Length: the body's words within the kind's band for the channel; no overlong sentences."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Severity
from .doc import Doc
from .registry import Hit, rule

MAX_SENTENCE_WORDS = 40


@rule("length.words", "warning", "Length outside the usual range for this letter")
def _words(doc: Doc) -> Iterator[Hit]:
    low, high = doc.spec.words[doc.facts.channel]
    n = doc.body_words
    if n > high:
        severity: Severity | None = "error" if n > high * 1.5 else None
        yield Hit(None, None, f"{n} words; aim for {low} to {high}", severity=severity)
    elif n < low and not doc.inferred:  # without facts the channel (a card?) is unknown
        yield Hit(None, None, f"{n} words; aim for {low} to {high}")


@rule("length.sentence", "suggestion", "A long sentence; consider splitting it")
def _sentence(doc: Doc) -> Iterator[Hit]:
    for s in doc.sentences:
        n = len(s.text.split())
        if n > MAX_SENTENCE_WORDS:
            yield Hit(s.start, s.end, f"{n} words")
