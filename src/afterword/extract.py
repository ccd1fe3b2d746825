"""Find dates, amounts, email addresses, phone numbers and links in text, with their spans."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

# Titles before a name. One list, so every rule that looks for names agrees.
HONORIFIC_WORDS = "Mr|Mrs|Ms|Miss|Mx|Dr|Prof"
HONORIFIC = rf"(?:{HONORIFIC_WORDS})"
HONORIFIC_CHOICES = ("", "Mr.", "Ms.", "Mrs.", "Miss", "Mx.", "Dr.", "Prof.")


def honorific_form(word: str) -> str:
    """Write a title as a salutation does: 'mr' -> 'Mr.', 'miss' -> 'Miss'."""
    word = word.rstrip(".").capitalize()
    return word if word == "Miss" else f"{word}."


MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}
MONTH_ALT = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_WEEKDAY = r"(?:(?P<wd>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?:the\s+)?)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
DATE_RE = re.compile(
    rf"\b{_WEEKDAY}(?:(?P<mon>{MONTH_ALT})\.?\s+{_DAY}(?!\d)(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    rf"|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{MONTH_ALT})\.?"
    r"(?:,?\s+(?P<year2>(?:19|20)\d\d))?)\b"
    r"|\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b"
    r"|\b(?P<num>[01]?\d/[0-3]?\d/(?:19|20)?\d\d)\b"
    r"|\b(?P<dotted>[0-3]?\d\.[01]?\d\.(?:19|20)\d\d)\b",
    re.I,
)
WEEKDAY_RE = re.compile(r"\b(?P<wd>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.I)
_CUR = (
    r"(?:US\$|A\$|C\$|NZ\$|S\$|HK\$|R\$|\$|£|€|₹|¥|₩|₺|₦|₱|₪|zł|Rs\.?|INR|USD|GBP|EUR|CAD|AUD"
    r"|NZD|SGD|HKD|CHF|JPY|CNY|RMB|KRW|SEK|NOK|DKK|PLN|CZK|HUF|RON|ZAR|BRL|MXN|AED|ILS"
    r"|NGN|KES|MYR|IDR|THB|VND|PKR|EGP)"
)
# Currencies written after the amount ("24 000 PLN", "10 dollars").
_WORD_CUR = (
    "dollars|pounds|euros|rupees|złoty|zł"
    "|USD|GBP|EUR|INR|CHF|PLN|SEK|NOK|DKK|CZK|HUF|ZAR|JPY|CAD|AUD"
)
AMOUNT_RE = re.compile(
    rf"(?P<cur>{_CUR})\s?(?P<num>\d{{1,3}}(?:[,.]\d{{2,3}})+|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<k>[kK]\b|lakh|million|m\b))?"
    r"|\b(?P<num2>\d{1,3}(?:,\d{2,3})+|\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:\.\d+)?)"
    rf"(?:\s?(?P<k2>[kK]\b))?\s?(?P<cur2>{_WORD_CUR})(?!\w)",
    re.I,
)
EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
URL_RE = re.compile(r"\b(?:https?://|www\.)[^\s<>\"')\]]+", re.I)
# Phone punctuation stays on one line: an address line below a number is not part of it.
PHONE_RE = re.compile(r"(?<![\w$£€])\+?\(?\d[\d \t().-]{6,}\d(?!\w)")


@dataclass(frozen=True)
class Found:
    """A value found in text, with where it was."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class FoundDate(Found):
    """A date found in text; `year_given` is False when the year was inferred."""

    value: dt.date
    year_given: bool
    weekday: str | None = None  # the weekday written before it ("Tues" for "Tuesday, May 12")


@dataclass(frozen=True)
class FoundAmount(Found):
    """An amount of money found in text."""

    value: Decimal
    currency: str | None


def same_day(found: FoundDate, want: dt.date) -> bool:
    """Say whether a found date is the wanted one (month and day only when no year was written)."""
    if found.year_given:
        return found.value == want
    return (found.value.month, found.value.day) == (want.month, want.day)


def _year_near(month: int, day: int, today: dt.date) -> dt.date | None:
    best: dt.date | None = None
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            cand = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((cand - today).days) < abs((best - today).days):
            best = cand
    return best


def find_dates(text: str, today: dt.date) -> Iterator[FoundDate]:
    """Yield the calendar dates written in the text (a missing year is the nearest one)."""
    return iter(_dates(text, today))


@lru_cache(maxsize=256)  # the checker's rules read the same letter and facts several times
def _dates(text: str, today: dt.date) -> tuple[FoundDate, ...]:
    return tuple(_each_date(text, today))


def _each_date(text: str, today: dt.date) -> Iterator[FoundDate]:
    for m in DATE_RE.finditer(text):
        g = m.groupdict()
        try:
            if g["iso"]:
                yield FoundDate(
                    m.start(), m.end(), m.group(), dt.date.fromisoformat(g["iso"]), True
                )
                continue
            if g["dotted"]:  # day.month.year, as most of Europe writes it
                d, mo, y = (int(x) for x in g["dotted"].split("."))
                yield FoundDate(m.start(), m.end(), m.group(), dt.date(y, mo, d), True)
                continue
            if g["num"]:
                mo, d, y = (int(x) for x in g["num"].split("/"))
                y = y + 2000 if y < 100 else y
                yield FoundDate(m.start(), m.end(), m.group(), dt.date(y, mo, d), True)
                continue
        except ValueError:
            continue
        mon = (g["mon"] or g["mon2"] or "").lower().rstrip(".")
        day = int(g["day"] or g["day2"])
        year = g["year"] or g["year2"]
        month = MONTHS.get(mon)
        if not month:
            continue
        try:
            value = dt.date(int(year), month, day) if year else _year_near(month, day, today)
        except ValueError:
            continue
        if value:
            yield FoundDate(m.start(), m.end(), m.group(), value, bool(year), g["wd"])


def find_weekdays(text: str) -> Iterator[Found]:
    """Yield weekday names that do not stand at the head of a full date."""
    covered = [(d.start(), d.end()) for d in DATE_RE.finditer(text)]
    for m in WEEKDAY_RE.finditer(text):
        if not any(s <= m.start() < e for s, e in covered):
            yield Found(m.start(), m.end(), m.group())


def parse_number(raw: str) -> Decimal | None:
    """Read '85,000', '85.000' (European thousands) or '12,00,000' (Indian) as a number."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw):
        raw = raw.replace(".", "")
    try:
        return Decimal(re.sub(r"[,\s]", "", raw))
    except InvalidOperation:
        return None


_MULT = {"k": 1000, "lakh": 100_000, "million": 1_000_000, "m": 1_000_000}


def find_amounts(text: str) -> Iterator[FoundAmount]:
    """Yield amounts of money: a currency sign or word is required."""
    return iter(_amounts(text))


@lru_cache(maxsize=256)
def _amounts(text: str) -> tuple[FoundAmount, ...]:
    return tuple(_each_amount(text))


def _each_amount(text: str) -> Iterator[FoundAmount]:
    for m in AMOUNT_RE.finditer(text):
        raw = m.group("num") or m.group("num2")
        value = parse_number(raw)
        if value is None:
            continue
        mult = (m.group("k") or m.group("k2") or "").lower()
        value *= _MULT.get(mult, 1)
        currency = m.group("cur") or m.group("cur2")
        yield FoundAmount(m.start(), m.end(), m.group().strip(), value, currency)


def amount_of(text: str) -> Decimal | None:
    """Return the first amount in a text such as '$85,000 per year', currency sign or not."""
    found = next(find_amounts(text), None)
    if found:
        return found.value
    m = re.search(r"\d[\d,.]*\s?[kK]?\b", text)
    if not m:
        return None
    value = parse_number(m.group().rstrip("kK ").strip())
    if value is not None and m.group().strip()[-1] in "kK":
        value *= 1000
    return value


def find_emails(text: str) -> Iterator[Found]:
    """Yield email addresses."""
    for m in EMAIL_RE.finditer(text):
        yield Found(m.start(), m.end(), m.group())


def find_urls(text: str) -> Iterator[Found]:
    """Yield links."""
    for m in URL_RE.finditer(text):
        yield Found(m.start(), m.end(), m.group().rstrip(".,;:"))


def find_phones(text: str) -> Iterator[Found]:
    """Yield phone numbers: runs of at least seven digits with phone punctuation."""
    for m in PHONE_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if 7 <= len(digits) <= 15 and not DATE_RE.fullmatch(m.group().strip()):
            yield Found(m.start(), m.end(), m.group().strip())


def digits(text: str) -> str:
    """Return only the digits of a text."""
    return re.sub(r"\D", "", text)


def mask_addresses(text: str) -> str:
    """Blank out email addresses and links (keeping offsets), for rules that read words."""
    for found in (*find_emails(text), *find_urls(text)):
        text = text[: found.start] + " " * (found.end - found.start) + text[found.end :]
    return text
