"""Tone that a phrase list alone cannot judge: who a deadline binds, a condition with a threat.

"By Friday at the latest" is pressure when the reader is told to act ("please confirm by
Friday at the latest") and a courtesy when the writer promises it ("I will reply by Friday at
the latest"). "Unless you can match this offer" is a threat only with leaving as its
consequence. These matchers read each sentence of the body with the lists of tone.yaml
(whoever was last told to act before a deadline is the one it binds) and yield hits for the
rules in tone.py.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from .doc import Doc, Span
from .lexicon import phrases_regex
from .registry import Hit


def _has(name: str, text: str) -> re.Match[str] | None:
    return phrases_regex("tone", name).search(text)


def _own_promise(before: str) -> bool:
    """Say whether the writer, not the reader, is the last one told to act before a deadline:
    "I will reply by ... at the latest", not "..., so please confirm by tomorrow"."""
    own = [m.start() for m in phrases_regex("tone", "own_promise").finditer(before)]
    told = [m.start() for m in phrases_regex("tone", "demand").finditer(before)]
    return bool(own) and own[-1] > max(told, default=-1)


def _in_sentences(doc: Doc, name: str) -> Iterator[tuple[Span, re.Match[str]]]:
    """Yield each match of a list in the body with the sentence it sits in. The body is
    searched once (a 1 MB paste has tens of thousands of sentences, and matches are rare)."""
    sentences = doc.sentences
    starts = [s.start for s in sentences]
    base = doc.body.start
    pattern = phrases_regex("tone", name)
    for m in pattern.finditer(doc.body.text):
        i = bisect_right(starts, base + m.start()) - 1
        if i < 0 or base + m.end() > sentences[i].end:
            continue  # across a sentence's end: not one remark
        s = sentences[i]
        local = pattern.match(s.text, base + m.start() - s.start)  # offsets in the sentence
        if local:
            yield s, local


def pushy(doc: Doc) -> Iterator[Hit]:
    """Yield deadlines put on the reader: firm ones unless the writer promises them, urgent
    ones ("by tomorrow", "within 24 hours") when the reader is told to act and not asked."""
    for s, m in _in_sentences(doc, "deadline_firm"):
        if not _own_promise(s.text[: m.start()]):
            yield _hit(s, m)
    for s, m in _in_sentences(doc, "deadline_urgent"):
        if s.text.rstrip().endswith("?") or _has("soft_request", s.text):
            continue
        before = s.text[: m.start()]
        if _has("demand", before) and not _own_promise(before):
            yield _hit(s, m)


def ultimatums(doc: Doc) -> Iterator[Hit]:
    """Yield sentences that make leaving the consequence of a condition put to the reader:
    "If you cannot ..., I will accept another offer", "Unless you match it, consider this my
    resignation", "Otherwise I will withdraw"."""
    for s, consequence in _in_sentences(doc, "threat_consequence"):
        condition = _has("threat_condition", s.text)
        if condition and not _has("threat_default", s.text):
            start = min(condition.start(), consequence.start())
            end = max(condition.end(), consequence.end())
            yield Hit(s.start + start, s.start + end, f'"{s.text[start:end]}"')


def put_downs(doc: Doc) -> Iterator[Hit]:
    """Yield remarks that run the employer down: its pay, process or people judged in one
    clause ("the salary you offered is well below the market rate"), a comparison against
    their offer ("a much better package than yours"), sarcasm ("I'm sure you will manage
    without someone who keeps asking questions")."""
    judged = phrases_regex("tone", "employer_judged")
    for s, thing in _in_sentences(doc, "employer_thing"):
        verdict = judged.match(s.text, _skip_to_verb(s.text, thing.end()))
        if verdict:
            end = verdict.start() + len(verdict.group().rstrip())
            yield Hit(s.start + thing.start(), s.start + end, f'"{s.text[thing.start() : end]}"')
    for name in ("belittling_comparison", "put_down"):
        for s, m in _in_sentences(doc, name):
            yield _hit(s, m)


_TO_VERB = re.compile(
    r"[^.;!?]{0,40}?(?=\b(?:is|was|were|are|seemed|seems|felt|feels|has|have|"
    r"remains|looked)\b)"
)


def _skip_to_verb(text: str, at: int) -> int:
    """Return where the verb after a subject starts ("the salary [you offered] is ...")."""
    m = _TO_VERB.match(text, at)
    return m.end() if m else at


def _hit(s: Span, m: re.Match[str]) -> Hit:
    return Hit(s.start + m.start(), s.start + m.end(), f'"{m.group()}"')
