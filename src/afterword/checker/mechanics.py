"""Mechanics: placeholders, refusals, repeats, confusables, spelling and spacing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from rapidfuzz import fuzz, process

from ..extract import mask_addresses
from .dictionary import speller
from .doc import Doc
from .known import fact_words
from .lexicon import load, phrase_pattern
from .registry import Hit, lexicon_rule, rule

lexicon_rule(
    "mechanics.placeholder",
    "error",
    "A placeholder was left in",
    "mechanics",
    "placeholders",
    where="text",
)
lexicon_rule(
    "mechanics.refusal",
    "error",
    "Model refusal text, not a letter",
    "mechanics",
    "refusal",
    where="text",
)


@rule("mechanics.repeated_sentence", "error", "A sentence is repeated")
def _repeated(doc: Doc) -> Iterator[Hit]:
    seen: list[str] = []
    for s in doc.sentences:
        norm = re.sub(r"\W+", " ", s.text.lower()).strip()
        if len(norm.split()) >= 4 and process.extractOne(
            norm, seen, scorer=fuzz.ratio, score_cutoff=90
        ):
            yield Hit(s.start, s.end, f'"{s.text}"')
        seen.append(norm)


@rule("mechanics.doubled_word", "error", "A word is doubled")
def _doubled(doc: Doc) -> Iterator[Hit]:
    allowed = set(load("mechanics")["doubled_ok"])
    for m in re.finditer(r"\b(\w+)\s+(\1)\b(?![&'’-]\w)", doc.text, re.I):
        first, second = m.group(1), m.group(2)
        if first.lower() in allowed or first.isdigit():
            continue
        if first.isupper() != second.isupper() and len(first) > 1:
            continue  # "at AT&T", "it IT": a word beside an acronym
        yield Hit(m.start(), m.end(), f'"{m.group()}"', first)


@cache
def _confusables() -> list[tuple[re.Pattern[str], str, str]]:
    return [
        (re.compile(phrase_pattern(c["pattern"]), re.I), c["suggestion"], c["message"])
        for c in load("mechanics")["confusables"]
    ]


@rule("mechanics.confusable", "error", "Confused words")
def _confusable(doc: Doc) -> Iterator[Hit]:
    for pattern, suggestion, message in _confusables():
        for m in pattern.finditer(doc.text):
            yield Hit(m.start(), m.end(), f'"{m.group()}": {message}', suggestion)


@rule("mechanics.spelling", "warning", "Possible misspelling")
def _spelling(doc: Doc) -> Iterator[Hit]:
    sp = speller()
    allowed = fact_words(doc.facts)
    base = doc.body.start
    body = mask_addresses(doc.body.text)
    for m in re.finditer(r"(?<![\w@./'’-])[a-z][a-z'’]+(?![\w@/-])", body):
        word = m.group().replace("’", "'")
        if word in allowed or word.endswith("'s") or word in sp:
            continue
        fix = sp.correction(word)
        yield Hit(base + m.start(), base + m.end(), f'"{word}"', fix if fix != word else None)


@rule("mechanics.double_space", "warning", "Two spaces between words")
def _double_space(doc: Doc) -> Iterator[Hit]:
    for m in re.finditer(r"(?<=[^\s.!?:])  +(?=\S)", doc.text):  # two after a stop is a style
        yield Hit(m.start(), m.end(), suggestion=" ")


@rule("mechanics.sender_address", "warning", "Send from a personal, professional address")
def _sender(doc: Doc) -> Iterator[Hit]:
    cand = doc.facts.candidate
    email = (cand.email or "").lower()
    if not email:
        return
    local, _, domain = email.partition("@")
    employer = re.sub(r"\W", "", (cand.current_employer or "").lower())
    at = doc.text.lower().find(email)
    start, end = (at, at + len(email)) if at >= 0 else (None, None)
    if employer and employer in re.sub(r"\W", "", domain):
        yield Hit(start, end, f"{email} is a work address at {cand.current_employer}")
        return
    for word in load("mechanics")["unprofessional_email"]:
        if str(word) in local:
            yield Hit(start, end, f"{email} looks unprofessional")
            return
