"""Mechanics: placeholders, model text, repeats, confusables, spelling and spacing."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from functools import cache

from rapidfuzz import fuzz, process

from ..extract import find_dates, mask_addresses
from .dictionary import is_known_spelling, speller
from .doc import Doc
from .known import fact_words, name_parts
from .lexicon import load, phrase_pattern, phrases_regex
from .registry import Hit, lexicon_rule, rule

lexicon_rule(
    "mechanics.refusal",
    "error",
    "Model refusal text, not a letter",
    "mechanics",
    "refusal",
    where="text",
)
lexicon_rule(
    "mechanics.model_talk",
    "error",
    "Text about the model or its instructions, not part of a letter",
    "mechanics",
    "model_talk",
    where="text",
)
# What a placeholder stands for, and the fact that fills it.
_FILLS: list[tuple[re.Pattern[str], Callable[[Doc], str | None]]] = [
    (re.compile(r"company|organi[sz]ation|employer", re.I), lambda d: d.facts.company),
    (re.compile(r"position|job|title|role", re.I), lambda d: d.facts.position),
    (
        re.compile(r"manager|interviewer|recipient|contact", re.I),
        lambda d: d.recipient.addressed_as if d.recipient else None,
    ),
    (re.compile(r"your name|full name|signature", re.I), lambda d: d.facts.candidate.name),
]


def _fill(doc: Doc, placeholder: str) -> str | None:
    if doc.inferred:
        return None
    for pattern, value in _FILLS:
        if pattern.search(placeholder):
            return value(doc)
    return None


@rule("mechanics.placeholder", "error", "A placeholder was left in")
def _placeholder(doc: Doc) -> Iterator[Hit]:
    for m in phrases_regex("mechanics", "placeholders").finditer(doc.text):
        yield Hit(m.start(), m.end(), f'"{m.group()}"', _fill(doc, m.group()))


def _words_of(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]+", " ", text.lower()).split())


@rule("mechanics.repeated_sentence", "error", "A sentence is repeated")
def _repeated(doc: Doc) -> Iterator[Hit]:
    seen: list[str] = []
    for s in doc.sentences:
        norm = _words_of(s.text)
        if len(norm.split()) >= 4 and (
            process.extractOne(norm, seen, scorer=fuzz.ratio, score_cutoff=90)
            # "..., I am submitting my resignation. I am submitting my resignation."
            or (seen and len(seen[-1]) > len(norm) and seen[-1].endswith(" " + norm))
        ):
            yield Hit(s.start, s.end, f'"{s.text}"')
        seen.append(norm)


@rule("mechanics.repeated_phrase", "warning", "A phrase is used twice; vary the wording")
def _repeated_phrase(doc: Doc) -> Iterator[Hit]:
    stop = set(load("mechanics")["stopwords"])
    f = doc.facts
    named = " ".join(
        [*name_parts(f), f.company, f.position or "", f.candidate.current_employer or ""]
    )
    known = set(_words_of(named).split())
    tokens: list[tuple[int, int, str, int]] = []  # start, end, word, sentence
    earlier = ""
    for n, s in enumerate(doc.sentences):
        words = _words_of(s.text)
        if len(words.split()) >= 4 and words in earlier:
            continue  # a repeated sentence: mechanics.repeated_sentence reports it
        earlier += " " + words
        for m in re.finditer(r"[\w'’]+", s.text):
            tokens.append((s.start + m.start(), s.start + m.end(), m.group().lower(), n))
    first: dict[tuple[str, ...], int] = {}
    flagged_until = -1
    for i in range(len(tokens) - 3):
        if tokens[i][3] != tokens[i + 3][3]:
            continue  # a phrase stays inside one sentence
        gram = tuple(t[2] for t in tokens[i : i + 4])
        content = [w for w in gram if w not in stop]
        if len(content) < 2 or all(w in known for w in content):
            continue
        seen_at = first.setdefault(gram, i)
        if seen_at + 4 <= i and i > flagged_until:
            n = 4  # widen to the whole repeated run, reported once
            while (
                i + n < len(tokens)
                and tokens[i + n][3] == tokens[i][3]
                and tokens[i + n][2] == tokens[seen_at + n][2]
            ):
                n += 1
            flagged_until = i + n - 1
            start, end = tokens[i][0], tokens[i + n - 1][1]
            yield Hit(start, end, f'"{doc.text[start:end]}"')


@rule("mechanics.doubled_word", "error", "A word is doubled")
def _doubled(doc: Doc) -> Iterator[Hit]:
    allowed = set(load("mechanics")["doubled_ok"])
    # Not when the second word begins an address: "Nguyễn Thị Lan" over "lan.nguyen@...".
    for m in re.finditer(r"\b(\w+)\s+(\1)\b(?![&'’-]\w|[.@_+]\w)", doc.text, re.I):
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
    allowed = fact_words(doc.facts)
    base = doc.body.start
    body = mask_addresses(doc.body.text)
    for m in re.finditer(r"(?<![\w@./'’-])[a-z][a-z'’]+(?![\w@/-])", body):
        word = m.group().replace("’", "'")
        if word in allowed or word.endswith("'s") or is_known_spelling(word):
            continue
        fix = speller().correction(word)
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


_WEEKDAYS = ("Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun")


@rule("mechanics.weekday", "error", "The weekday does not match the date")
def _weekday(doc: Doc) -> Iterator[Hit]:
    """'Tuesday, November 21' when November 21 is a Saturday: one of the two is wrong. A date
    without its year passes when the weekday fits it in the year before, this one or the next."""
    for d in find_dates(doc.text, doc.facts.sent_on):
        if not d.weekday:
            continue
        said = _WEEKDAYS.index(d.weekday.capitalize())
        years = [d.value.year] if d.year_given else [d.value.year + k for k in (-1, 0, 1)]
        days = [_on(year, d.value) for year in years]
        if any(day is not None and day.weekday() == said for day in days):
            continue
        actual = f"{_WEEKDAYS[d.value.weekday()]}day"
        yield Hit(
            d.start,
            d.end,
            f'"{d.text}": {d.value:%B} {d.value.day}, {d.value.year} is a {actual}',
            suggestion=re.sub(r"^\w+day", actual, d.text),
        )


def _on(year: int, day: dt.date) -> dt.date | None:
    try:
        return day.replace(year=year)
    except ValueError:  # February 29 in another year
        return None
