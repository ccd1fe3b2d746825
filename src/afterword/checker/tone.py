"""Tone: curated phrase lexicons (tone.yaml), since sentiment scores misread apology."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..models import Kind
from . import tone_clauses
from .doc import Doc, fold_name
from .lexicon import phrases_regex
from .registry import Hit, lexicon_rule, rule

lexicon_rule(
    "tone.apologetic",
    "error",
    "Apologetic: state the point confidently instead",
    "tone",
    "apologetic",
)
lexicon_rule("tone.desperate", "error", "Sounds desperate", "tone", "desperate")


@rule("tone.casual", "error", "Too casual for a professional letter")
def _casual(doc: Doc) -> Iterator[Hit]:
    """Slang blocks a letter; in a note opened "Hi Rachel" (a contact, on first names) it is
    worth a look only: "no worries if you're busy" suits a LinkedIn message."""
    greeting = doc.salutation.text if doc.salutation else ""
    relaxed = re.match(r"(?:Hi|Hello)\b", greeting, re.I) is not None
    for m in phrases_regex("tone", "casual").finditer(doc.text):
        yield Hit(m.start(), m.end(), f'"{m.group()}"', severity="warning" if relaxed else None)


lexicon_rule("tone.defensive", "warning", "Sounds defensive", "tone", "defensive")
lexicon_rule(
    "tone.sarcastic",
    "error",
    "Sarcastic: it reads as the opposite of what it says",
    "tone",
    "sarcasm",
)
lexicon_rule(
    "tone.self_deprecating",
    "warning",
    "Runs yourself down; state your strengths instead",
    "tone",
    "self_deprecating",
)
lexicon_rule("tone.cliche", "suggestion", "A cliché; say it plainly", "tone", "cliche")
lexicon_rule("tone.ai_tell", "suggestion", "Reads like machine-written filler", "tone", "ai_tell")


@rule("tone.exclamation", "warning", "Too many exclamation marks: one at most")
def _exclamation(doc: Doc) -> Iterator[Hit]:
    marks = list(re.finditer(r"!+", doc.body.text))
    base = doc.body.start
    for m in marks:
        if len(m.group()) > 1 or (len(marks) > 1 and m is not marks[0]):
            yield Hit(base + m.start(), base + m.end())


def _listed(doc: Doc, name: str) -> Iterator[Hit]:
    base = doc.body.start
    for m in phrases_regex("tone", name).finditer(doc.body.text):
        yield Hit(base + m.start(), base + m.end(), f'"{m.group()}"')


def _once(*sources: Iterable[Hit]) -> Iterator[Hit]:
    """Yield the hits of every source, leaving out any that overlaps one already given."""
    taken: list[tuple[int, int]] = []
    for source in sources:
        for hit in source:
            span = (hit.start or 0, hit.end or 0)
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            taken.append(span)
            yield hit


@rule("tone.pushy", "warning", "Sounds pushy")
def _pushy(doc: Doc) -> Iterator[Hit]:
    # A sentence that makes a threat is reported once, as the ultimatum.
    threats = [h.start or 0 for h in _ultimatum(doc)]
    threatened = [
        (s.start, s.end) for s in doc.sentences if any(s.start <= t < s.end for t in threats)
    ]
    for hit in _once(_listed(doc, "pushy"), tone_clauses.pushy(doc)):
        if not any(start <= (hit.start or 0) < end for start, end in threatened):
            yield hit


@rule("tone.ultimatum", "error", "An ultimatum: ask for what you need without a threat")
def _ultimatum(doc: Doc) -> Iterator[Hit]:
    yield from _once(_listed(doc, "ultimatum"), tone_clauses.ultimatums(doc))


# Single words ("terrible", "too low") are read as about the employer in the letters that
# turn it down or leave it; a put-down in a whole clause is one in any letter.
_NEGATIVE_KINDS = (Kind.DECLINE, Kind.RESIGNATION, Kind.WITHDRAWAL, Kind.INQUIRY, Kind.EXTENSION)


@rule("tone.negative_employer", "error", "Says something negative about the employer")
def _negative_employer(doc: Doc) -> Iterator[Hit]:
    words = _listed(doc, "negative_employer") if doc.kind in _NEGATIVE_KINDS else ()
    yield from _once(words, tone_clauses.put_downs(doc))


@rule("tone.grievance", "warning", "A grievance as the reason; give a neutral or positive reason")
def _grievance(doc: Doc) -> Iterator[Hit]:
    yield from _once(_listed(doc, "grievance"), _listed(doc, "slighted"))


# Before an offer, the job is not yet won: no start date, no "when I join", no offer awaited.
_BEFORE_OFFER = (Kind.THANK_YOU, Kind.INQUIRY)


@rule(
    "tone.presumptuous",
    "warning",
    "Presumes the outcome or flatters; keep it modest and sincere",
    [k for k in Kind if k not in (Kind.ACCEPTANCE, Kind.RESIGNATION)],
)
def _presumptuous(doc: Doc) -> Iterator[Hit]:
    won = _listed(doc, "job_won") if doc.kind in _BEFORE_OFFER else ()
    yield from _once(_listed(doc, "presumptuous"), _listed(doc, "best_candidate"), won)


@rule("tone.shouting", "error", "Written in capitals, which reads as shouting")
def _shouting(doc: Doc) -> Iterator[Hit]:
    letters = _NOT_LETTERS.sub("", doc.text)
    upper = sum(map(str.isupper, letters))
    cased = upper + sum(map(str.islower, letters))
    if cased >= _SHOUT_MIN_LETTERS and upper >= _SHOUT_SHARE * cased:
        yield Hit(detail="write it in normal sentence case")
        return
    base = doc.body.start
    for m in _CAPS_RUN.finditer(doc.body.text):
        if sum(c.isalpha() for c in m.group()) >= _SHOUT_RUN_LETTERS and not _named(doc, m):
            yield Hit(base + m.start(), base + m.end(), f'"{m.group()}"', severity="warning")


# A letter with at least this many letters, this share of them capitals, is shouted; within a
# sentence, four capitalised words in a row with this many letters are ("I AM VERY EXCITED").
_SHOUT_MIN_LETTERS = 40
_SHOUT_SHARE = 0.7
_SHOUT_RUN_LETTERS = 12
_NOT_LETTERS = re.compile(r"[\W\d_]+")
_CAPS_RUN = re.compile(r"\b[A-Z][A-Z'’]*(?:[ \t]+[A-Z][A-Z'’]*\b){3,}[!?]*")


def _named(doc: Doc, m: re.Match[str]) -> bool:
    """Say whether a run of capitals is a name the facts give (a company in capitals)."""
    run = fold_name(m.group().rstrip("!?"))
    facts = doc.facts
    names = [facts.company, facts.position or "", *(r.name for r in facts.recipients)]
    return any(run in fold_name(n) for n in names if n)
