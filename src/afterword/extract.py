"""Find dates, amounts, email addresses, phone numbers and links in text, with their spans."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

# Money lives in its own module; these names stay importable from here for every reader.
from .money import FoundAmount as FoundAmount
from .money import amount_of as amount_of
from .money import find_amounts as find_amounts
from .money import parse_number as parse_number
from .money import period_of as period_of

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
# Months as letters in Spanish, Portuguese, Italian, French, German, Dutch, Swedish and Polish
# write them: read only in a whole date, day first with its year ("15 februari 2027", "1°
# febbraio 2027", "4 de enero de 2027"), where no English word can stand.
FOREIGN_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            "enero janeiro gennaio janvier januar januari stycznia",
            "febrero fevereiro febbraio février fevrier februar februari lutego",
            "marzo março marco mars märz maerz maart marca",
            "abril aprile avril kwietnia",
            "mayo maio maggio mai mei maj maja",
            "junio junho giugno juin juni czerwca",
            "julio julho luglio juillet juli lipca",
            "agosto août aout augusti augustus sierpnia",
            "septiembre setiembre setembro settembre septembre września wrzesnia",
            "octubre outubro ottobre octobre oktober października pazdziernika",
            "noviembre novembro novembre listopada",
            "diciembre dezembro dicembre décembre decembre dezember december grudnia",
        ]
    )
    for name in names.split()
}
_FOREIGN_ALT = "|".join(sorted(FOREIGN_MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:(?P<wd>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?:the\s+)?)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_CUE = "(?:{})".format(
    "|".join(
        f"(?<=\\b{w}{sep})"
        for w in "on by from until till before after Monday Tuesday Wednesday Thursday Friday "
        "Saturday Sunday Mon Tue Wed Thu Fri Sat Sun".split()
        for sep in (" ", ", ")
    )
)
DATE_RE = re.compile(
    rf"\b{_WEEKDAY}(?:(?P<mon>{MONTH_ALT})\.?\s+(?:the\s+)?{_DAY}(?!\d)"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    rf"|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|-)(?P<mon2>{MONTH_ALT})\.?"
    r"(?:(?:,?\s+|-)(?P<year2>(?:19|20)\d\d))?)\b"  # "4 January 2027", "4-Jan-2027"
    # The forms below start with a digit: one look ahead leaves every other position at once.
    r"|(?<!\d)(?=\d)(?:\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b"
    rf"|\b(?P<day3>[0-3]?\d)[.°º]?\s+(?:de\s+)?(?P<mon3>{_FOREIGN_ALT})\.?,?\s+(?:de\s+)?"
    r"(?P<year3>(?:19|20)\d\d)\b"
    # year first: "2027/01/04", "2027. 01. 04." (Korea, Hungary)
    r"|\b(?P<ymd>(?:19|20)\d\d(?:[/.]|\.[ \t])[01]?\d(?:[/.]|\.[ \t])[0-3]?\d)\b"
    # Japanese and Chinese: "2027年1月4日", "1月4日"
    r"|(?:(?P<cy>(?:19|20)\d\d)年\s?)?(?P<cm>1[0-2]|0?[1-9])月\s?(?P<cd>[0-3]?\d)日"
    # All-number dates: "04/01/2027" is 1 April in India, the UK or Europe, 4 January in the US.
    # "15. 2. 2027" (Czech, German, Polish) and "15/2 2027" too.
    r"|\b(?P<a>[0-3]?\d)(?P<sep>[/.-])(?:(?<=\.)[ \t])?(?P<b>[0-3]?\d)"
    r"(?:(?P=sep)(?:(?<=\.)[ \t])?|,?[ \t]+(?=(?:19|20)\d\d\b))(?P<y>(?:19|20)\d\d|\d\d)\b"
    # Day and month alone after a weekday or "on": "Monday 15/2", "on 2/15" (not "3/4 of").
    rf"|{_CUE}(?P<a4>[0-3]?\d)/(?P<b4>[0-3]?\d)(?![/\d]))",
    re.I,
)
WEEKDAY_RE = re.compile(r"\b(?P<wd>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.I)
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
    other: dt.date | None = None  # the other reading of an all-number date such as "04/01/2027"


def same_day(found: FoundDate, want: dt.date) -> bool:
    """Say whether a found date is the wanted one, in either reading of an all-number date
    ("04/01/2027" is 4 January or 1 April) and by month and day when no year was written."""
    if found.year_given:
        return want in (found.value, found.other)
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


def find_dates(text: str, today: dt.date, day_first: bool | None = None) -> Iterator[FoundDate]:
    """Yield the calendar dates written in the text (a missing year is the nearest one).

    An all-number date is read day first or month first as the letter's other dates are
    written; where they do not tell, as `day_first` says (from the facts); else month first.
    """
    return iter(_dates(text, today, day_first))


@lru_cache(maxsize=256)  # the checker's rules read the same letter and facts several times
def _dates(text: str, today: dt.date, day_first: bool | None) -> tuple[FoundDate, ...]:
    return tuple(_each_date(text, today, day_first))


def _each_date(text: str, today: dt.date, day_first: bool | None) -> Iterator[FoundDate]:
    matches = list(DATE_RE.finditer(text))
    written = _order_written(matches)
    order = day_first if written is None else written
    # The other reading of "01/04/2027" stands only while the order is in doubt: not when the
    # letter's own dates tell it, nor when the writer's country or currency writes day first
    # (a dollar offer is made all over the world, so month first from it alone stays in doubt).
    strict = written is not None or day_first is True
    for m in matches:
        g = m.groupdict()
        if g["iso"]:
            try:
                value = dt.date.fromisoformat(g["iso"])
            except ValueError:
                continue
            yield FoundDate(m.start(), m.end(), m.group(), value, True)
        elif g["ymd"]:
            y, mo, d = (int(x) for x in re.split(r"[/.]", g["ymd"]))
            ymd = _on_day(y, mo, d)
            if ymd:
                yield FoundDate(m.start(), m.end(), m.group(), ymd, True)
        elif g["a4"]:  # "on 2/15": the year is the nearest one
            read = _all_numbers(m, bool(order), today)
            if read:
                other = None if strict else read[1]
                yield FoundDate(m.start(), m.end(), m.group(), read[0], False, other=other)
        elif g["sep"] == ".":  # "11.01.2027": dots are Europe's, always day first
            read = _all_numbers(m, True)
            if read:
                yield FoundDate(m.start(), m.end(), m.group(), read[0], True)
        elif g["sep"]:
            read = _all_numbers(m, bool(order))
            if read:
                other = None if strict else read[1]
                yield FoundDate(m.start(), m.end(), m.group(), read[0], True, other=other)
        else:
            found = _worded(m, today)
            if found:
                yield found


def _worded(m: re.Match[str], today: dt.date) -> FoundDate | None:
    g = m.groupdict()
    month = (
        int(g["cm"])
        if g["cm"]
        else FOREIGN_MONTHS.get(g["mon3"].lower())
        if g["mon3"]
        else MONTHS.get((g["mon"] or g["mon2"] or "").lower().rstrip("."))
    )
    day = int(g["day"] or g["day2"] or g["cd"] or g["day3"])
    year = g["year"] or g["year2"] or g["cy"] or g["year3"]
    if not month:
        return None
    try:
        value = dt.date(int(year), month, day) if year else _year_near(month, day, today)
    except ValueError:
        return None
    return FoundDate(m.start(), m.end(), m.group(), value, bool(year), g["wd"]) if value else None


def _all_numbers(
    m: re.Match[str], day_first: bool, today: dt.date | None = None
) -> tuple[dt.date, dt.date | None] | None:
    """Read '04/01/2027' both ways: the preferred reading first, the other when it differs.
    With `today`, a day and month alone ("2/15") in the year nearest to it."""
    if today is not None:
        first, second = int(m["a4"]), int(m["b4"])
        month_first, day_first_read = (
            _near(first, second, today),
            _near(second, first, today),
        )
    else:
        first, second, year = int(m["a"]), int(m["b"]), int(m["y"])
        if year < 100:
            if m["sep"] != "/":  # "1.2.26" is a version number more often than a date
                return None
            year += 2000
        month_first, day_first_read = _on_day(year, first, second), _on_day(year, second, first)
    ways = [day_first_read, month_first] if day_first else [month_first, day_first_read]
    readings = [w for w in ways if w is not None]
    if not readings:
        return None
    other = readings[1] if len(readings) > 1 and readings[1] != readings[0] else None
    return readings[0], other


def _near(month: int, day: int, today: dt.date) -> dt.date | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    try:
        return _year_near(month, day, today)
    except ValueError:
        return None


def _on_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _order_written(matches: list[re.Match[str]]) -> bool | None:
    """Say whether the text writes dates day first (True), month first (False), or cannot tell.

    Evidence: an all-number date with a day over 12 ("25/12/2026"), a dotted date, and worded
    dates ("4 January" against "January 4"); the larger side wins.
    """
    day_first = month_first = 0
    for m in matches:
        if m["sep"]:
            a, b = int(m["a"]), int(m["b"])
            day_first += m["sep"] == "." or (a > 12 >= b)
            month_first += m["sep"] != "." and b > 12 >= a
        elif m["mon2"]:
            day_first += 1
        elif m["mon"]:
            month_first += 1
    if day_first == month_first:
        return None
    return day_first > month_first


def find_weekdays(text: str) -> Iterator[Found]:
    """Yield weekday names that do not stand at the head of a full date."""
    covered = [(d.start(), d.end()) for d in DATE_RE.finditer(text)]
    for m in WEEKDAY_RE.finditer(text):
        if not any(s <= m.start() < e for s, e in covered):
            yield Found(m.start(), m.end(), m.group())


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
        if _REFERENCE.search(text, max(0, m.start() - 16), m.start()):
            continue  # "Ref. DE-2026-114", "Job ID 2026-0114": a reference, not a number to call
        if 7 <= len(digits) <= 15 and not DATE_RE.fullmatch(m.group().strip()):
            yield Found(m.start(), m.end(), m.group().strip())


# What stands before a reference number: letters joined to it ("DE-"), or its label.
_REFERENCE = re.compile(
    r"(?:[A-Za-z]-|#[ \t]?|\b(?:Ref|Reference|Req|Requisition|Job|Vacancy|Posting|Position|"
    r"Order|Case|Ticket|Invoice|Application|Candidate|Employee)(?:[ \t]?(?:ID|No|Number|Code))?"
    r"\.?:?[ \t]?(?:[A-Z]{1,5}-?)?)$",
    re.I,
)


def digits(text: str) -> str:
    """Return only the digits of a text."""
    return re.sub(r"\D", "", text)


def mask_addresses(text: str) -> str:
    """Blank out email addresses and links (keeping offsets), for rules that read words."""
    for found in (*find_emails(text), *find_urls(text)):
        text = text[: found.start] + " " * (found.end - found.start) + text[found.end :]
    return text
