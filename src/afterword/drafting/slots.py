"""The user's words for one letter, each already in the form its template slot needs.

A template never pastes raw facts into a frame: it receives a noun phrase for "about ...", a
whole sentence where the words are a sentence, and nothing where the user asked to leave a
thing out. See phrasing.py for how a phrase's form is told.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import DraftOptions, Facts
from . import phrasing as ph
from .phrasing import Reader


@dataclass(frozen=True)
class Point:
    """A discussion point: a noun phrase for "about ...", or a sentence of its own."""

    np: str | None
    sentence: str | None


@dataclass(frozen=True)
class Slots:
    """Everything from the user's words that one letter may say."""

    lead: Point | None
    strengths: str | None
    strength_sentences: list[str] = field(default_factory=list)
    clarification: str | None = None
    mentions: list[str] = field(default_factory=list)
    job: str | None = None
    reason_because: str | None = None
    reason_sentence: str | None = None
    resign_reason: str | None = None
    news: str | None = None


def _avoided(text: str, avoid: list[str]) -> bool:
    return any(ph.covers(text, phrase) for phrase in avoid)


def point(text: str, reader: Reader | None) -> Point:
    """Shape a discussion point for the reader."""
    text = ph.topic(text)
    kind = ph.form_of(text)
    if kind in ("sentence", "clause"):
        return Point(None, ph.as_sentence(text, reader))
    phrase = ph.noun_phrase(text, reader)
    if kind == "verb":
        phrase = f"how to {phrase}"
    elif kind == "infinitive":
        phrase = f"how {phrase}"
    return Point(phrase, None)


def _join(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s+|\n", text.strip(), maxsplit=1)[0]


def job_sentence(notes: str, reader: Reader | None) -> str:
    """Say what the job entails, in the user's words, as a sentence of enthusiasm."""
    text = ph.tidy(_first_sentence(notes))
    kind = ph.form_of(text)
    if kind in ("sentence", "clause"):
        return f"I was glad to hear that {ph.lower_first(ph.to_reader(text, reader))}."
    phrase = ph.noun_phrase(text, reader)
    if kind == "verb":
        return f"I would be glad to {phrase}."
    if kind == "infinitive":
        return f"I would be glad {phrase}."
    if kind == "wh":
        return f"I am keen to learn more about {phrase}."
    return f"I am especially looking forward to {phrase}."


def _mentions_for(facts: Facts, index: int, options: DraftOptions) -> list[str]:
    mentions = list(facts.interview.mentions) if facts.interview else []
    name = facts.recipients[index].name
    chosen = []
    for text in mentions:
        target = options.mention_to.get(text)
        if target == "*" or target == name or (target is None and index == 0):
            chosen.append(text)
        elif target is not None and all(r.name != target for r in facts.recipients):
            chosen += [text] if index == 0 else []  # the named person left the panel
    return chosen


def slots(facts: Facts, index: int, options: DraftOptions) -> Slots:
    """Build the slots for the letter to the recipient at `index`."""
    person = facts.recipients[index]
    reader = Reader.of(person)
    avoid = options.avoid
    interview = facts.interview
    points = [p for p in (interview.points if interview else []) if not _avoided(p, avoid)]
    lead = point(points[index % len(points)], reader) if points else None
    raw = [s for s in (interview.strengths if interview else []) if not _avoided(s, avoid)]
    shaped = [(s, ph.strength(s, reader)) for s in raw]
    clar = interview.clarification if interview else None
    notes = interview.notes if interview else None
    decision = facts.decision
    reason = decision.reason if decision and decision.reason else None
    return Slots(
        lead=lead,
        strengths=_join([p for _, p in shaped if p]) or None,
        strength_sentences=[
            f"I was glad that {ph.lower_first(ph.to_reader(ph.tidy(s), reader))}."
            for s, p in shaped
            if p is None
        ],
        clarification=_clarification(clar, reader) if clar and not _avoided(clar, avoid) else None,
        mentions=[
            ph.mention(m, reader)
            for m in _mentions_for(facts, index, options)
            if not _avoided(m, avoid)
        ],
        job=job_sentence(notes, reader) if notes and not _avoided(notes, avoid) else None,
        reason_because=ph.because(reason, reader) if reason else None,
        reason_sentence=ph.decision_sentence(reason, reader) if reason else None,
        resign_reason=ph.decision_sentence(reason, reader, noun="It is {}.") if reason else None,
        news=ph.as_sentence(facts.news, reader) if facts.news else None,
    )


def _clarification(text: str, reader: Reader) -> str:
    text = ph.topic(text)
    kind = ph.form_of(text)
    if kind in ("noun", "wh", "gerund"):
        return f"I would also like to add to my answer about {ph.noun_phrase(text, reader)}."
    if kind in ("verb", "infinitive"):
        how = ph.noun_phrase(text, reader).removeprefix("to ")
        return f"I would also like to add to my answer about how to {how}."
    return f"I would also like to add to one of my answers: {ph.as_sentence(text, reader)}"
