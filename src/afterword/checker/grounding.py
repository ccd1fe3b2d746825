"""Grounding: every name, date, amount, email, phone number and link is traced to the facts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from rapidfuzz.distance import DamerauLevenshtein

from ..extract import (
    HONORIFIC,
    digits,
    find_amounts,
    find_dates,
    find_emails,
    find_phones,
    find_urls,
    find_weekdays,
    same_day,
)
from ..names import NAME_WORD, is_particle
from .doc import Doc
from .known import (
    fact_amounts,
    fact_dates,
    fact_strings,
    fact_words,
    name_parts,
    writes_day_first,
)
from .lexicon import load
from .registry import Hit, rule


@rule("grounding.date", "error", "A date the facts do not give")
def _dates(doc: Doc) -> Iterator[Hit]:
    known = fact_dates(doc.facts)
    texts = " ".join(fact_strings(doc.facts)).lower()
    for d in find_dates(doc.text, doc.facts.sent_on, writes_day_first(doc.facts)):
        if not any(same_day(d, k) for k in known) and d.text.lower() not in texts:
            yield Hit(d.start, d.end, f'"{d.text}"')
    weekdays = {k.strftime("%A").lower() for k in known}
    for w in find_weekdays(doc.text):
        name = w.text.lower()
        if name not in weekdays and name not in texts:
            yield Hit(w.start, w.end, f'"{w.text}"')


@rule("grounding.amount", "error", "An amount of money the facts do not give")
def _amounts(doc: Doc) -> Iterator[Hit]:
    known = fact_amounts(doc.facts)
    for a in find_amounts(doc.text):
        if a.value not in known:
            yield Hit(a.start, a.end, f'"{a.text}"')


@rule("grounding.email", "error", "An email address the facts do not give")
def _emails(doc: Doc) -> Iterator[Hit]:
    known = {s.lower() for s in fact_strings(doc.facts)}
    for e in find_emails(doc.text):
        if e.text.lower() not in known:
            yield Hit(e.start, e.end, f'"{e.text}"')


@rule("grounding.phone", "error", "A phone number the facts do not give")
def _phones(doc: Doc) -> Iterator[Hit]:
    known = {digits(s) for s in fact_strings(doc.facts) if len(digits(s)) >= 7}
    for p in find_phones(doc.text):
        said = digits(p.text)
        # "555-0100" for "+1 555 0100": the same number without its country or area code.
        if not any(k.endswith(said) or said.endswith(k) for k in known if len(said) >= 7):
            yield Hit(p.start, p.end, f'"{p.text}"')


@rule("grounding.url", "error", "A link the facts do not give")
def _urls(doc: Doc) -> Iterator[Hit]:
    texts = " ".join(fact_strings(doc.facts)).lower()
    for u in find_urls(doc.text):
        if u.text.lower() not in texts:
            yield Hit(u.start, u.end, f'"{u.text}"')


@cache
def _first_names() -> frozenset[str]:
    return frozenset(load("names")["first_names"])


# A title and the name after it, up to three words ("Dr. Taro Yamada", "Ms. de la Cruz").
_TITLED = re.compile(
    rf"\b{HONORIFIC}\.?[ \t]+(?P<n>{NAME_WORD})(?P<rest>(?:[ \t]+{NAME_WORD}){{0,2}})"
)
_FULL = re.compile(r"\b(?P<n>[A-Z][a-z]+)\s+[A-Z][a-z'’-]+\b")


@rule("grounding.name", "error", "A person the facts do not name")
def _names(doc: Doc) -> Iterator[Hit]:
    known = {p.lower() for p in name_parts(doc.facts)}
    words = fact_words(doc.facts)
    for m in [*_TITLED.finditer(doc.text), *_FULL.finditer(doc.text)]:
        name = m.group("n")
        if m.re is _FULL and name not in _first_names():
            continue
        if m.re is _TITLED:
            end, said = m.end("n"), [name.lower()]
            for w in re.finditer(r"\S+", m.group("rest")):
                if not (w.group()[0].isupper() or is_particle(w.group())):
                    break
                end, said = m.start("rest") + w.end(), [*said, w.group().lower()]
            if any(w in known or w in words or _near(w, known) for w in said if w[0].isalpha()):
                continue  # one known word makes the person known ("Dr. Taro Yamada")
            if name[0].isupper():
                yield Hit(m.start(), end, f'"{doc.text[m.start() : end]}"')
            continue
        low = name.lower()
        if low in known or low in words or _near(low, known):
            continue  # known, or a misspelling that names.misspelt reports
        yield Hit(m.start(), m.end(), f'"{m.group()}"')


def _near(word: str, known: set[str]) -> bool:
    return any(DamerauLevenshtein.distance(word, k) <= 2 for k in known if len(k) >= 3)
