"""Find each field of an offer (position, company, salary, dates, contact) in cleaned text."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from decimal import Decimal

from ..extract import find_amounts, find_dates, honorific_form
from .model import Contact, Period, Salary, Span
from .patterns import (
    CLOSINGS,
    COMPANY_PATTERNS,
    HONORIFIC_HEAD,
    NOT_PAY_KEYS,
    PERIODS,
    POSITION_PATTERNS,
    SALARY_KEYS,
    STOP_COMPANY,
)


def _trim(text: str, start: int, end: int) -> Span | None:
    value = text[start:end]
    stripped = value.strip().rstrip(",;:").strip()
    if stripped.endswith(".") and not re.search(
        r"\b(?:Ltd|Inc|Co|Corp|Pvt|L\.P|S\.A)\.$", stripped
    ):
        stripped = stripped[:-1].strip()
    if not stripped:
        return None
    s = start + value.index(stripped)
    return Span(value=stripped, start=s, end=s + len(stripped))


def find_position(text: str) -> Span | None:
    for pattern in POSITION_PATTERNS:
        for m in re.finditer(pattern, text):
            title = m.group("t")
            cut = re.search(
                r"\s+(?:at|with|in|on|for|starting|reporting|based|effective)(?:\s|$)|[,.(;!]",
                title,
            )
            end = m.start("t") + (cut.start() if cut else len(title))
            span = _trim(text, m.start("t"), end)
            if span and 2 <= len(span.value) <= 80 and span.value.lower() not in ("the", "this"):
                return span
    return None


def find_company(text: str, position: Span | None) -> Span | None:
    for pattern in COMPANY_PATTERNS:
        for m in re.finditer(pattern, text):
            name = m.group("co")
            name = re.split(r"\s+(?:as|for|in|on|is|are|to|and we|we|starting)\s|\n", name)[0]
            name = re.split(r"(?<!Ltd)(?<!Inc)(?<!Pvt)(?<!Co)(?<!Corp)\.\s", name)[0]
            span = _trim(text, m.start("co"), m.start("co") + len(name))
            if not span or STOP_COMPANY.match(span.value) or len(span.value) > 80:
                continue
            if position and span.value.lower() == position.value.lower():
                continue
            return span
    return None


_PERIOD = re.compile(
    r"\s*(?:\w+\s+){0,2}?(?:" + "|".join(f"(?P<{p}>{pattern})" for pattern, p in PERIODS) + ")",
    re.I,
)
_LAKHS = re.compile(r"\s*(?:LPA|lakhs? per annum)", re.I)
_YEARLY = re.compile(r"\bCTC\b|annual", re.I)
_LPA = re.compile(r"\b(?P<n>\d+(?:\.\d+)?)\s*(?:LPA|lakhs? per annum)\b", re.I)
MAX_CANDIDATES = 200  # no offer states its pay more often; a bound keeps odd pastes fast


def period_after(after: str) -> Period | None:
    """Return the pay period written just after an amount ("per year", "/hr"), if any."""
    m = _PERIOD.match(after)
    return m.lastgroup if m else None  # type: ignore[return-value]


class _Keys:
    """Where a pattern matches in the text, to ask in log time what lies just before a point."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        found = [(m.start(), m.end()) for m in pattern.finditer(text)]
        self.starts = [s for s, _ in found]
        self.ends = [e for _, e in found]

    def last(self, lo: int, hi: int) -> int:
        """Return the end of the last match lying within [lo, hi), or -1."""
        i = bisect.bisect_right(self.ends, hi) - 1
        return self.ends[i] if i >= 0 and self.starts[i] >= lo else -1


def salary_candidates(text: str) -> list[tuple[int, Salary]]:
    """Return every amount that reads as the pay, each with how sure the reading is (1-3)."""
    lpa = _LPA.search(text)
    lo = max(0, lpa.start() - 40) if lpa else 0
    # "24 LPA" alone is the pay; an amount written before it ("₹24 LPA") is read below
    if lpa and not any(lo + a.start < lpa.start() for a in find_amounts(text[lo : lpa.end()])):
        yearly = float(Decimal(lpa.group("n")) * 100_000)
        found = Salary(
            value=lpa.group(), start=lpa.start(), end=lpa.end(), amount=yearly, period="year"
        )
        return [(3, found)]
    pay, not_pay, annual = (_Keys(k, text) for k in (SALARY_KEYS, NOT_PAY_KEYS, _YEARLY))
    out: list[tuple[int, Salary]] = []
    for amount in find_amounts(text):
        lo = text.rfind("\n", max(0, amount.start - 80), amount.start) + 1
        lo = max(lo, amount.start - 80)
        after = text[amount.end : amount.end + 40]
        tail = _PERIOD.match(after)
        said_yearly = "year" if annual.last(lo, amount.start) >= 0 else None
        # the amount's own unit may say it ("24 LPA" is lakhs per annum)
        period = tail.lastgroup if tail else (amount.period or said_yearly)
        key, other = pay.last(lo, amount.start), not_pay.last(lo, amount.start)
        score = (2 if key >= 0 else 0) + (1 if period else 0)
        if score == 0 or other > key:  # the nearest key word names something else (a bonus)
            continue
        value = text[amount.start : amount.end + (tail.end() if tail else 0)].strip()
        lakhs = 100_000 if _LAKHS.match(after) else 1
        found = Salary(
            value=value,
            start=amount.start,
            end=amount.start + len(value),
            amount=float(amount.value * lakhs),
            currency=currency_code(amount.currency),
            period=period,  # type: ignore[arg-type]
        )
        out.append((score, found))
        if len(out) >= MAX_CANDIDATES:
            break
    return out


_PER_YEAR = {"year": 1, "month": 12, "week": 52, "day": 260, "hour": 2080}


def same_pay(a: Salary, b: Salary) -> bool:
    """Say whether two amounts are one pay (the same figure, or the same a year within 2%)."""
    if a.amount == b.amount and (a.period == b.period or None in (a.period, b.period)):
        return True
    if a.period is None or b.period is None or a.currency != b.currency:
        return False
    x, y = a.amount * _PER_YEAR[a.period], b.amount * _PER_YEAR[b.period]
    return abs(x - y) <= 0.02 * max(x, y)


def currency_code(mark: str | None) -> str | None:
    if not mark:
        return None
    table = {
        "$": "USD",
        "us$": "USD",
        "£": "GBP",
        "€": "EUR",
        "₹": "INR",
        "rs": "INR",
        "rs.": "INR",
        "dollars": "USD",
        "pounds": "GBP",
        "euros": "EUR",
        "rupees": "INR",
        "c$": "CAD",
        "a$": "AUD",
    }
    return table.get(mark.lower(), mark.upper())


def dates_after(
    text: str, keys: re.Pattern[str], today: dt.date, exclude: Span | None = None
) -> list[Span]:
    """Return, for each key phrase, the first date at most 90 characters after it."""
    dates = [d for d in find_dates(text, today) if not (exclude and d.start == exclude.start)]
    starts = [d.start for d in dates]
    out: list[Span] = []
    for key in keys.finditer(text):
        i = bisect.bisect_left(starts, key.end())
        if i < len(dates):
            d = dates[i]
            if d.start <= key.end() + 90 and "\n\n" not in text[key.end() : d.start]:
                out.append(Span(value=d.value.isoformat(), start=d.start, end=d.end))
    return out


# Lower-case words a family name may hold: "María de la Cruz", "Ludwig van der Berg".
_PARTICLES = frozenset(
    "de la del della di da das dos du le van von der den ter ten y e bin binti bint al el ibn "
    "zu af av ó ní nic ua mac".split()
)


def is_person_name(raw: str) -> bool:
    """Say whether a signature line reads as a person's name, in any script, particles allowed."""
    words = raw.split()
    if not 1 <= len(words) <= 6:
        return False
    named = False
    for word in words:
        if not all(ch.isalpha() or ch in "'’.-" for ch in word) or not word[0].isalpha():
            return False
        if word.lower() in _PARTICLES:
            continue
        if word[0].islower():
            return False
        named = True
    return named


def find_contact(text: str) -> Contact | None:
    """Return the person who signed the offer: the name on the line after its last closing."""
    closings = list(CLOSINGS.finditer(text))
    if not closings:
        return None
    last = closings[-1]
    found = (m for m in re.finditer(r"[^\n]+", text[last.end() : last.end() + 600]))
    lines = list(itertools.islice((m for m in found if m.group().strip()), 2))
    if not lines:
        return None
    first = lines[0]
    raw = first.group().strip()
    start = last.end() + first.start() + (len(first.group()) - len(first.group().lstrip()))
    honorific = None
    name = raw
    m = HONORIFIC_HEAD.match(raw)
    if m:
        honorific = honorific_form(m.group(1))
        name = raw[m.end() :]
        start += m.end()
    if not is_person_name(name):
        return None
    title = lines[1].group().strip() if len(lines) > 1 else None
    if title and (re.search(r"@|\d{3}", title) or len(title) > 60):
        title = None
    return Contact(value=name, start=start, end=start + len(name), honorific=honorific, title=title)


def find_phrases(text: str, table: dict[str, str]) -> list[Span]:
    out = []
    for value, pattern in table.items():
        m = re.search(pattern, text, re.I)
        if m:
            out.append(Span(value=value, start=m.start(), end=m.end()))
    return sorted(out, key=lambda s: s.start)
