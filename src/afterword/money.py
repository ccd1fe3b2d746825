"""Amounts of money as people write them, with the period of pay when one is said.

A currency can stand before the figure ("R$ 180.000", "EUR 60.000", "Rs. 24 lakh") or after it
("60 000 €", "650万円", "6.5 million yen"); thousands are grouped with commas, dots, spaces or
in lakhs ("24,00,000"); units scale the figure (k, lakh, crore, million, 万). A figure with a
unit but no currency ("85k", "24 LPA", "1.2 crore") is money only where the words around it
speak of pay, so "10k users" is not an amount.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Literal

Period = Literal["year", "month", "week", "day", "hour"]

_SIGNS = (
    r"US\$|A\$|C\$|NZ\$|S\$|HK\$|R\$|JP¥|CN¥|\$|£|€|₹|¥|₩|₺|₦|₱|₪|₫|zł|Rs\.?|Rp\.?|KSh|kr\.?"
    r"|R(?=\s?\d{1,3}[ ,.]\d{3}|\s?\d{1,3}(?:[.,]\d{1,2})?[kKmM]\b)"  # the rand, only
    # before a grouped figure or thousands and millions: "R900,000", "R650k", "R1.2m"
    r"|(?:LE|L\.E\.|E£)(?=\s?(?:\d{1,3}[ ,.]\d{3}|\d{4,}))"  # the Egyptian pound: "LE 38,000"
    # the peso and the lira, whose codes are also words ("PHP 8", "try 20 times"): only before
    # a grouped figure or one of four digits or more
    r"|(?:PHP|TRY)(?=\s?(?:\d{1,3}[ ,.]\d{3}|\d{4,}))"
)
_CODES = (
    r"INR|USD|GBP|EUR|CAD|AUD|NZD|SGD|HKD|CHF|JPY|CNY|RMB|KRW|SEK|NOK|DKK|PLN|CZK|HUF|RON|ZAR"
    r"|BRL|MXN|AED|ILS|NGN|KES|MYR|IDR|THB|VND|PKR|EGP|COP|CLP|ARS|PEN|TWD|SAR|QAR|KWD"
    r"|UAH|BDT|LKR|NPR|GHS|MAD|TND|RUB|BGN|ISK|UGX|TZS|ETB|XOF|XAF|JMD|TTD|DOP"
)
_BEFORE = rf"(?<![A-Za-z])(?:{_SIGNS}|(?:{_CODES})(?![A-Za-z]))"
# Currencies written after the figure: signs need no word boundary, words and codes do.
_AFTER = (
    r"(?:[€£$₹¥円元₫]|zł|(?:kr|dollars?|pounds?|euros?|rupees?|yen|yuan|reais|złoty|zloty"
    rf"|naira|rand|pesos?|francs?|kronor|kroner|{_CODES})(?![A-Za-z]))"
)
# A figure: Western or Indian commas, European dots, spaces, or plain with decimals.
# Groups are bounded (to a trillion) so a long run of "000 000 ..." is read in linear time.
_NUM = (
    r"(?:\d{1,3}(?:,\d{2,3}){0,5},\d{3}(?:\.\d{1,2})?"
    r"|\d{1,3}(?:\.\d{3}){1,4}(?:,\d{1,2})?"
    r"|\d{1,3}(?:[ \u00a0\u202f\u2009'’]\d{3}){1,4}(?:[.,]\d{1,2})?"  # "60 000", "120'000"
    r"|\d{1,15}(?:[.,]\d{1,15})?)(?!\d)"
)
_UNIT = (
    r"(?:[kK](?![A-Za-z])|(?-i:L)(?![A-Za-z])|thousand\b|lakhs?\b|lacs?\b|LPA\b|crores?\b"
    r"|cr\b|million\b|mn\b|mio\b|[mM](?![A-Za-z])|billion\b|bn\b|万|億|千)"
)
_SCALE = {
    "k": 1000,
    "thousand": 1000,
    "千": 1000,
    "万": 10_000,
    "lakh": 100_000,
    "lac": 100_000,
    "l": 100_000,  # "₹24L", written in capitals only
    "lpa": 100_000,
    "crore": 10_000_000,
    "cr": 10_000_000,
    "million": 1_000_000,
    "mn": 1_000_000,
    "mio": 1_000_000,
    "m": 1_000_000,
    "億": 100_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
}
_NOT_DIGIT_BEFORE = r"(?<![0-9A-Za-z_.,])"  # CJK may touch a figure: "年収650万円"
AMOUNT_RE = re.compile(
    rf"(?P<cur>{_BEFORE})\s?(?P<num>{_NUM})(?:\s?(?P<unit>{_UNIT}))?"
    rf"|{_NOT_DIGIT_BEFORE}(?P<num2>{_NUM})(?:\s?(?P<unit2>{_UNIT}))?\s?(?P<cur2>{_AFTER})"
    rf"|{_NOT_DIGIT_BEFORE}(?P<num3>{_NUM})\s?(?P<unit3>{_UNIT})",
    re.I,
)
# Words that make a bare "85k" or "24 lakh" pay rather than a count.
_PAY_WORDS = re.compile(
    r"\b(?:salary|salaries|ctc|pay|paid|package|compensation|remuneration|stipend|wages?"
    r"|bonus|rate|income|earn\w*|per annum|p\.a|annual(?:ly)?|monthly|hourly)\b"
    r"|年収|年俸|月給|月収|時給|給与",
    re.I,
)
_PERIOD_AFTER = re.compile(
    r"(?:/-)?\s*(?:\(?(?:gross|net|base|fixed|before tax|pre-tax)\)?\s+)?(?:"
    r"(?:per|a|an|each|every|/)\s*(?P<u>year|yr|annum|month|mo|week|wk|day|hour|hr|h)\b"
    r"|(?P<adv>annually|yearly|monthly|weekly|daily|hourly)\b"
    r"|(?P<ab>p\.\s?a\b\.?|pa\b|p\.\s?m\b\.?|pm\b|p\.\s?h\b\.?|ph\b|pw\b|p/[amhw]\b))",
    re.I,
)
_PERIOD_BEFORE = re.compile(
    r"(?P<w>annual|annually|yearly|per annum|monthly|weekly|daily|hourly|年収|年俸|月給|月収|時給)",
    re.I,
)
_PERIOD_WORDS: dict[str, Period] = {
    "year": "year",
    "yr": "year",
    "annum": "year",
    "annual": "year",
    "annually": "year",
    "yearly": "year",
    "per annum": "year",
    "pa": "year",
    "年収": "year",
    "年俸": "year",
    "month": "month",
    "mo": "month",
    "monthly": "month",
    "pm": "month",
    "月給": "month",
    "月収": "month",
    "week": "week",
    "wk": "week",
    "weekly": "week",
    "pw": "week",
    "day": "day",
    "daily": "day",
    "hour": "hour",
    "hr": "hour",
    "h": "hour",
    "hourly": "hour",
    "ph": "hour",
    "時給": "hour",
}


@dataclass(frozen=True)
class FoundAmount:
    """An amount of money found in text, with the period of pay said beside it, if any."""

    start: int
    end: int
    text: str
    value: Decimal
    currency: str | None
    period: Period | None = None


def parse_number(raw: str) -> Decimal | None:
    """Read '85,000', '60.000' and '60 000' (thousands), '12,00,000' (lakhs), '6,5' (decimal)."""
    raw = raw.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?", raw):  # European: dots group thousands
        raw = raw.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:[ \u00a0\u202f\u2009'’]\d{3})+(?:[.,]\d{1,2})?", raw):
        raw = re.sub(r"[\s'’]", "", raw).replace(",", ".")
    elif re.fullmatch(r"\d+,\d{1,2}", raw):  # a decimal comma: "6,5 million"
        raw = raw.replace(",", ".")
    try:
        return Decimal(raw.replace(",", ""))
    except InvalidOperation:
        return None


def find_amounts(text: str) -> Iterator[FoundAmount]:
    """Yield amounts of money: a currency, or a unit among words about pay, is required."""
    return iter(_amounts(text))


@lru_cache(maxsize=256)
def _amounts(text: str) -> tuple[FoundAmount, ...]:
    return tuple(_each_amount(text))


def _each_amount(text: str) -> Iterator[FoundAmount]:
    last = 0  # where the amount before ended: a period said before it is not this one's
    for m in AMOUNT_RE.finditer(text):
        g = m.groupdict()
        value = parse_number(g["num"] or g["num2"] or g["num3"])
        unit = (g["unit"] or g["unit2"] or g["unit3"] or "").lower()
        if value is None or (g["num3"] and not _bare_is_pay(text, m, unit)):
            continue
        value *= _scale(unit)
        currency = g["cur"] or g["cur2"] or ("INR" if unit in _INDIAN else None)
        period = period_near(text, m.start(), m.end(), last) or ("year" if unit == "lpa" else None)
        last = m.end()
        yield FoundAmount(m.start(), m.end(), m.group().strip(), value, currency, period)


_INDIAN = ("lakh", "lakhs", "lac", "lacs", "l", "lpa", "crore", "crores", "cr")


def _bare_is_pay(text: str, m: re.Match[str], unit: str) -> bool:
    """Say whether a figure with a unit and no currency is pay: '24 LPA' always is."""
    if unit == "lpa":
        return True
    if _PERIOD_AFTER.match(text, m.end()):
        return True
    if unit in _INDIAN and re.match(r"\s*(?:[.,;:!?)]|$)", text[m.end() : m.end() + 2]):
        return True  # "I accept 1.2 crore."
    return bool(_PAY_WORDS.search(text, max(0, m.start() - 60), min(len(text), m.end() + 30)))


def period_near(text: str, start: int, end: int, since: int = 0) -> Period | None:
    """Return the period of pay said just after an amount, or just before it in its clause
    (and after `since`, where the amount before it ended)."""
    after = _PERIOD_AFTER.match(text, end)
    if after:
        word = after.group("u") or after.group("adv") or after.group("ab")
        return _PERIOD_WORDS.get(re.sub(r"[./\s]", "", word.lower()))
    lo = max(since, start - 40)
    clause = re.split(r"[.!?;\n]\s", text[lo:start])[-1]
    said = list(_PERIOD_BEFORE.finditer(clause))
    return _PERIOD_WORDS.get(said[-1].group("w").lower()) if said else None


# A period in the facts' own words, in the languages offers come in ("R$ 15.000 mensais").
_PERIOD_IN_FACTS: list[tuple[str, Period]] = [
    (r"hour|hora|stunde|heure|godzin|時給", "hour"),
    (r"week|semana|woche|semaine|tydzie", "week"),
    (r"month|/mo\b|\bmes\b|mês|mensa|mensu|monat|mois|miesi|月給|月収", "month"),
    (
        r"year|annum|annual|/yr\b|p\.a\b|\bpa\b|anual|\bano\b|año|jahr|jährlich|par an|rocz|年",
        "year",
    ),
]


def period_of(text: str) -> Period | None:
    """Return the period of the first amount in a text ('$85,000 per year' -> 'year')."""
    found = next(find_amounts(text), None)
    if found and found.period:
        return found.period
    for words, period in _PERIOD_IN_FACTS:
        if re.search(words, text, re.I):
            return period
    return None


_FIGURE = re.compile(rf"(?P<num>{_NUM})\s?(?P<unit>{_UNIT})?", re.I)


def amount_of(text: str) -> Decimal | None:
    """Return the first amount in a text such as '$85,000 per year' or '6.5 million'."""
    found = next(find_amounts(text), None)
    if found:
        return found.value
    m = _FIGURE.search(text)
    value = parse_number(m.group("num")) if m else None
    if m is None or value is None:
        return None
    return value * _scale((m.group("unit") or "").lower())


def _scale(unit: str) -> int:
    return _SCALE.get(unit[:-1] if unit[:-1] in _SCALE else unit, 1)  # "lakhs", "crores"


# What each way of writing a currency may stand for. "$" is any dollar (and the peso's sign);
# "¥" the yen or the yuan; "kr" any of the Nordic crowns. A code or a word names one.
_DOLLARS = "USD CAD AUD NZD SGD HKD TWD MXN ARS CLP COP JMD TTD DOP".split()
_CURRENCY = {
    "$": _DOLLARS,
    "dollar": _DOLLARS,
    "dollars": _DOLLARS,
    "us$": ["USD"],
    "a$": ["AUD"],
    "c$": ["CAD"],
    "nz$": ["NZD"],
    "s$": ["SGD"],
    "hk$": ["HKD"],
    "r$": ["BRL"],
    "reais": ["BRL"],
    "€": ["EUR"],
    "euro": ["EUR"],
    "euros": ["EUR"],
    "£": ["GBP"],
    "pound": ["GBP", "EGP"],
    "pounds": ["GBP", "EGP"],
    "e£": ["EGP"],
    "le": ["EGP"],
    "l.e.": ["EGP"],
    "₹": ["INR"],
    "rs": ["INR", "PKR", "LKR", "NPR"],
    "rs.": ["INR", "PKR", "LKR", "NPR"],
    "rupee": ["INR", "PKR", "LKR", "NPR"],
    "rupees": ["INR", "PKR", "LKR", "NPR"],
    "¥": ["JPY", "CNY"],
    "jp¥": ["JPY"],
    "円": ["JPY"],
    "yen": ["JPY"],
    "cn¥": ["CNY"],
    "元": ["CNY"],
    "yuan": ["CNY"],
    "rmb": ["CNY"],
    "₩": ["KRW"],
    "₺": ["TRY"],
    "₦": ["NGN"],
    "naira": ["NGN"],
    "₱": ["PHP"],
    "pesos": ["PHP", *_DOLLARS],
    "peso": ["PHP", *_DOLLARS],
    "₪": ["ILS"],
    "₫": ["VND"],
    "zł": ["PLN"],
    "złoty": ["PLN"],
    "zloty": ["PLN"],
    "rp": ["IDR"],
    "rp.": ["IDR"],
    "ksh": ["KES"],
    "kr": ["SEK", "NOK", "DKK", "ISK"],
    "kr.": ["SEK", "NOK", "DKK", "ISK"],
    "kronor": ["SEK"],
    "kroner": ["NOK", "DKK"],
    "r": ["ZAR"],
    "rand": ["ZAR"],
    "franc": ["CHF"],
    "francs": ["CHF"],
}


def currencies(written: str | None) -> frozenset[str] | None:
    """Return the currencies a written sign, word or code may stand for; None when unknown."""
    if not written:
        return None
    key = written.strip().lower()
    named = _CURRENCY.get(key)
    if named is None and re.fullmatch(r"[a-z]{3}", key):  # a code: "USD", "eur"
        return frozenset({key.upper()})
    return frozenset(named) if named else None


def other_currency(said: str | None, wanted: str | None) -> bool:
    """Say whether two written currencies cannot be the same one ("€" for "USD")."""
    a, b = currencies(said), currencies(wanted)
    return a is not None and b is not None and not a & b
