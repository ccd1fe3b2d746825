"""What the facts make known: names, words, dates and amounts a letter may use."""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from functools import cache, lru_cache, wraps
from typing import Any, TypeVar

from pydantic import BaseModel

from ..extract import amount_of, find_amounts, period_of
from ..models import Facts
from ..money import Period
from ..names import NAME_WORD_RE
from .lexicon import load

T = TypeVar("T")
# What the facts make known is asked for by a dozen rules in one check: while a check runs,
# each answer is kept for its facts (per thread); outside a check nothing is kept, so facts
# changed between two checks are read afresh.
_MEMO = threading.local()


@contextmanager
def checking(facts: Facts) -> Iterator[None]:
    """Keep what the facts make known for the length of one check."""
    _MEMO.facts, _MEMO.values = facts, {}
    try:
        yield
    finally:
        _MEMO.facts, _MEMO.values = None, {}


def per_check(fn: Callable[[Facts], T]) -> Callable[[Facts], T]:
    """Keep fn's answer for the facts of the check in progress."""

    @wraps(fn)
    def kept(facts: Facts) -> T:
        if getattr(_MEMO, "facts", None) is not facts:
            return fn(facts)
        values: dict[str, Any] = _MEMO.values
        if fn.__name__ not in values:
            values[fn.__name__] = fn(facts)
        return values[fn.__name__]  # type: ignore[no-any-return]

    return kept


@per_check
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


@per_check
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


@per_check
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


@per_check
def offered_pay(facts: Facts) -> tuple[Decimal, Period] | None:
    """Return the offer's salary and its period (a salary said without one is yearly)."""
    salary = facts.offer.salary if facts.offer else None
    value = amount_of(salary) if salary else None
    if salary is None or value is None:
        return None
    return value, period_of(salary) or "year"


@per_check
def person_names(facts: Facts) -> list[str]:
    """Return the full names of everyone the facts name (and how each is addressed)."""
    people = [*facts.recipients, *facts.references, *([facts.contact] if facts.contact else [])]
    forms = [r.salutation_form for r in people if r.salutation_form]
    return [facts.candidate.name, *(r.name for r in people), *forms]


@per_check
def name_parts(facts: Facts) -> set[str]:
    """Return every word of every person's name."""
    return {part for name in person_names(facts) for part in NAME_WORD_RE.findall(name)}


@lru_cache(maxsize=64)
def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.findall(r"[A-Za-z][\w'’-]*", text))


@per_check
def fact_words(facts: Facts) -> frozenset[str]:
    """Return every word in the facts, lowercased."""
    return _words(" ".join(fact_strings(facts)))


def _country_in(text: str, countries: str) -> bool:
    return bool(text) and _countries(countries).search(text) is not None


@cache
def _countries(key: str) -> re.Pattern[str]:
    """One regex for a list of dates.yaml's country names, each a whole word."""
    names = "|".join(re.escape(c) for c in load("dates")[key])
    return re.compile(rf"(?<!\w)(?:{names})(?!\w)")


# A US address ends with a state's two letters and a ZIP code: "Austin, TX 78701".
_US_ZIP = re.compile(r"\b[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?\b")


@per_check
def writes_day_first(facts: Facts) -> bool | None:
    """Say whether the writer reads '04/01/2027' as 4 January (True), 1 April (False), or None.

    Told by the addresses in the facts (a country, or a US ZIP code), then by the currency of
    the offer's salary; None when nothing tells.
    """
    data = load("dates")
    people = [*facts.recipients, *([facts.contact] if facts.contact else [])]
    addresses = " ".join(a for a in (facts.candidate.address, *(p.address for p in people)) if a)
    if _country_in(addresses, "day_first_countries"):
        return True
    if _country_in(addresses, "month_first_countries") or _US_ZIP.search(addresses):
        return False
    found = (
        next(find_amounts(facts.offer.salary), None) if facts.offer and facts.offer.salary else None
    )
    if found is None or found.currency is None:
        return None
    mark = found.currency.strip()
    if mark in data["day_first_currencies"] or mark.lower() in data["day_first_currencies"]:
        return True
    return False if mark in data["month_first_currencies"] else None
