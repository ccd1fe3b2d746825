"""What the facts make known: names, words, dates and amounts a letter may use."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import lru_cache

from pydantic import BaseModel

from ..extract import amount_of, find_amounts
from ..models import Facts
from ..names import NAME_WORD_RE


def fact_strings(facts: Facts) -> list[str]:
    """Return every text value in the facts."""
    out: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                walk(getattr(value, name))

    walk(facts)
    return out


def fact_dates(facts: Facts) -> set[dt.date]:
    """Return every date in the facts."""
    out: set[dt.date] = {facts.sent_on}

    def walk(value: object) -> None:
        if isinstance(value, dt.date):
            out.add(value)
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                walk(getattr(value, name))

    walk(facts)
    return out


def fact_amounts(facts: Facts) -> set[Decimal]:
    """Return every amount of money the facts state."""
    out: set[Decimal] = set()
    if facts.offer and facts.offer.salary:
        value = amount_of(facts.offer.salary)
        if value is not None:
            out.add(value)
    for text in fact_strings(facts):
        out.update(a.value for a in find_amounts(text))
    return out


def person_names(facts: Facts) -> list[str]:
    """Return the full names of everyone the facts name (and how each is addressed)."""
    people = [*facts.recipients, *facts.references, *([facts.contact] if facts.contact else [])]
    forms = [r.salutation_form for r in people if r.salutation_form]
    return [facts.candidate.name, *(r.name for r in people), *forms]


def name_parts(facts: Facts) -> set[str]:
    """Return every word of every person's name."""
    return {part for name in person_names(facts) for part in NAME_WORD_RE.findall(name)}


@lru_cache(maxsize=64)
def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.findall(r"[A-Za-z][\w'’-]*", text))


def fact_words(facts: Facts) -> frozenset[str]:
    """Return every word in the facts, lowercased."""
    return _words(" ".join(fact_strings(facts)))
