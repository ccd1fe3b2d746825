"""Pasted job offers: extract the facts, each with the span of the offer text it came from.

Offline rules handle US, UK and Indian forms ("$85,000 per annum", "£42k", "INR 12,00,000
CTC", "start on Monday, 4 January 2027", bullet lists, signature blocks). A placeholder is
never taken as a fact. The text is data: instructions inside it are never followed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field

from .extract import HONORIFIC, HONORIFIC_WORDS, find_amounts, find_dates, honorific_form

Period = Literal["year", "month", "week", "day", "hour"]
MAX_OFFER_CHARS = 100_000


class Span(BaseModel):
    """A value and where it is in the pasted text."""

    value: str
    start: int
    end: int


class Salary(Span):
    """The pay, with its amount, currency and period."""

    amount: float
    currency: str | None = None
    period: Period | None = None


class Contact(Span):
    """The person who signed or sent the offer."""

    honorific: str | None = None
    title: str | None = None


class OfferFacts(BaseModel):
    """What `offer --json` prints."""

    is_template: bool = False
    verbal: bool = False
    warnings: list[str] = Field(default_factory=list)
    company: Span | None = None
    position: Span | None = None
    salary: Salary | None = None
    start_date: Span | None = None
    respond_by: Span | None = None
    contact: Contact | None = None
    conditions: list[Span] = Field(default_factory=list)
    benefits: list[Span] = Field(default_factory=list)

    def spans(self) -> list[Span]:
        """Return every extracted value that points into the text."""
        single = [
            self.company,
            self.position,
            self.salary,
            self.start_date,
            self.respond_by,
            self.contact,
        ]
        return [f for f in [*single, *self.conditions, *self.benefits] if f is not None]


PLACEHOLDER = re.compile(
    r"\[[^\]\n]{1,40}\]|\{\{?[^}\n]{1,40}\}?\}|<[A-Za-z][A-Za-z _]{1,30}>|_{3,}|\bX{2,}[X,.]*\b"
    r"|\((?:start date|salary|candidate(?: name)?|name|position|job title|date|amount|company)\)",
    re.I,
)
_INSTRUCTION = re.compile(
    r"\b(?:ignore|disregard|forget) (?:all |any )?(?:previous|prior|above|earlier)\b"
    r"|\byou are (?:now )?(?:an? )?(?:ai|assistant|language model)\b|\bsystem prompt\b"
    r"|\b(?:write|say|tell|include|add) (?:in )?(?:the|your) (?:letter|reply|response)\b",
    re.I,
)
_HIDDEN = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_COMPANY_NAME = (
    r"(?P<co>(?:[A-Z][\w&'’.-]*|&|of|and|the)(?:[ \t]+(?:[A-Z][\w&'’.-]*|&|of|and|for))*"
    r"(?:,? (?:Inc|LLC|Ltd|Limited|LLP|plc|GmbH|Pvt\.? Ltd|Private Limited|Corp|Co)\.?)?)"
)
_TITLE_WORDS = r"[A-Z][\w/&'’+-]*(?:[ \t]+(?:[A-Z][\w/&'’+-]*|of|and|&|for|in|-|–|I{1,3}|IV))*"
_POSITION_PATTERNS = [
    r"(?:Position|Job Title|Title|Role|Designation)[ \t]*[:\-–][ \t]*(?P<t>[^\n]+)",
    rf"\b(?:position|role|post) of (?:an? )?(?P<t>{_TITLE_WORDS})",
    rf"\boffer you (?:the |a |an )?(?:position|role|post|job) (?:as|of) (?:an? )?(?P<t>{_TITLE_WORDS})",
    rf"\boffer you (?:the |a |an )?(?P<t>{_TITLE_WORDS}) (?:position|role|job|post)\b",
    rf"\b(?:the |a |an |our )(?P<t>{_TITLE_WORDS}) (?:position|role|job|post)\b",
    rf"\b(?:join|joining) [^\n.]{{0,60}}? as (?:an? |our )?(?P<t>{_TITLE_WORDS})",
    rf"\bas (?:an? |our )(?P<t>{_TITLE_WORDS})(?=[,.]| (?:at|with|in|on|for)\b)",
]
_COMPANY_PATTERNS = [
    r"(?:Company|Employer|Organi[sz]ation)[ \t]*[:\-–][ \t]*(?P<co>[^\n]+)",
    rf"\b[Oo]n behalf of (?:the )?(?:team at |everyone at |all of us at )?{_COMPANY_NAME}",
    rf"\b{_COMPANY_NAME},? (?:(?:is|are) (?:very |so )?(?:pleased|delighted|happy|excited|thrilled)|would like to|wants to|(?:has )?made (?:me|you)|(?:has )?offered (?:me|you))",
    rf"\b(?:position|role|post) of [^\n.]{{1,60}}? (?:at|with) {_COMPANY_NAME}",
    rf"\bGreetings from {_COMPANY_NAME}",
    rf"\binterview(?:ing|ed|s)? (?:with|at) {_COMPANY_NAME}",
    rf"\b(?:offer of employment|employment offer|offer|employment) (?:with|from|at) {_COMPANY_NAME}",
    rf"\b(?:join|joining) (?:the team at |us at |the [\w ]{{1,30}} team at )?{_COMPANY_NAME}",
    rf"\b(?:position|role) (?:at|with) {_COMPANY_NAME}",
]
_STOP_COMPANY = re.compile(r"^(?:us|our|the team|you|We|I|This|The|Our)$", re.I)
_START_KEYS = re.compile(
    r"\b(?:start(?:s|ing)?(?: date)?|commence(?:ment)?(?: date)?|joining date|date of joining"
    r"|first day|begin(?:ning)?|report(?:ing)? (?:to work|for duty|date))\b",
    re.I,
)
_RESPOND_KEYS = re.compile(
    r"\b(?:respond|reply|response|answer|let (?:us|him|her|them|me) know|hear (?:back )?from you|confirm|acceptance|accept|sign(?:ed)? and return"
    r"|return (?:the|a) signed|deadline|valid until|expires?|open until|decision by|no later than)\b",
    re.I,
)
_PERIODS: list[tuple[str, Period]] = [
    (
        r"per annum|per year|a year|annually|annual|/ ?(?:year|yr|annum)|p\.a\.|yearly|CTC|LPA",
        "year",
    ),
    (r"per month|a month|monthly|/ ?(?:month|mo)\b|p\.m\.", "month"),
    (r"per week|a week|weekly|/ ?(?:week|wk)", "week"),
    (r"per day|a day|daily|/ ?day", "day"),
    (r"per hour|an hour|hourly|/ ?(?:hour|hr)", "hour"),
]
_SALARY_KEYS = re.compile(
    r"\b(?:salary|compensation|pay|CTC|stipend|rate|wage|remuneration|base)\b", re.I
)
_LEXICON = yaml.safe_load((Path(__file__).parent / "lexicons" / "offers.yaml").read_text())
_CONDITIONS: dict[str, str] = _LEXICON["conditions"]
_BENEFITS: dict[str, str] = _LEXICON["benefits"]
_CLOSINGS = re.compile(
    r"^[ \t]*(?:Sincerely|Yours sincerely|Yours faithfully|Yours truly|Best regards|Kind regards"
    r"|Warm regards|Regards|Best|Best wishes|Cheers|Thanks|Thank you|With best wishes|Warmly"
    r"|Thanks (?:&|and) regards|Talk soon|Speak soon|All the best|Many thanks)"
    r"[ \t]*,?[ \t]*$",
    re.I | re.M,
)
_HONORIFIC = re.compile(rf"^({HONORIFIC_WORDS})\.?\s+", re.I)
_VERBAL = re.compile(
    r"\bverbal(?:ly)? offer\b|\bverbal(?:ly)?\b.{0,40}\boffer\b|\boffer(?:ed)?\b.{0,60}\b(?:over the phone|on the phone|by phone|on (?:a|the|our) call)\b"
    r"|\b(?:over the phone|on the phone|by phone|on (?:a|the|our) call)\b.{0,60}\boffer",
    re.I | re.S,
)
_IN_WRITING = re.compile(
    r"\b(?:attached|enclosed|this letter|offer letter is attached|in writing)\b", re.I
)


def clean(text: str) -> tuple[str, list[str]]:
    """Normalise pasted text (hidden characters out, spans kept meaningful) and warn."""
    warnings: list[str] = []
    if _HIDDEN.search(text):
        warnings.append("the offer contained hidden characters; they were ignored")
        text = _HIDDEN.sub("", text)
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return text, warnings


def extract(text: str, today: dt.date | None = None) -> tuple[str, OfferFacts]:
    """Extract an offer's facts; return the cleaned text the spans point into, and the facts."""
    if len(text) > MAX_OFFER_CHARS:
        from .errors import InputError

        raise InputError(
            f"the offer is {len(text):,} characters; Afterword reads at most {MAX_OFFER_CHARS:,}. "
            "Paste only the offer itself."
        )
    text, warnings = clean(text)
    today = today or dt.date.today()
    holes = [(m.start(), m.end()) for m in PLACEHOLDER.finditer(text)]
    facts = OfferFacts(warnings=warnings, is_template=bool(holes))
    if holes:
        shown = ", ".join(sorted({text[s:e] for s, e in holes})[:4])
        facts.warnings.append(
            f"this looks like an unfilled template ({shown}); fill in the blanks or ask the "
            "employer for the completed offer. No placeholder was taken as a fact."
        )
    if _INSTRUCTION.search(text):
        facts.warnings.append(
            "the offer contains text that reads like instructions to an AI; it was treated as "
            "data and not followed"
        )

    def ok(span: Span | None) -> Span | None:
        if span is None or not span.value.strip():
            return None
        if any(s < span.end and span.start < e for s, e in holes):
            return None
        return span

    facts.position = ok(_position(text))
    facts.company = ok(_company(text, facts.position))
    facts.salary = ok(_salary(text))  # type: ignore[assignment]
    facts.start_date = ok(_date_after(text, _START_KEYS, today))
    facts.respond_by = ok(_date_after(text, _RESPOND_KEYS, today, exclude=facts.start_date))
    facts.contact = ok(_contact(text))  # type: ignore[assignment]
    facts.conditions = [s for s in _phrases(text, _CONDITIONS) if ok(s)]
    facts.benefits = [s for s in _phrases(text, _BENEFITS) if ok(s)]
    facts.verbal = bool(_VERBAL.search(text)) and not _IN_WRITING.search(text)
    if facts.verbal:
        facts.warnings.append(
            "this offer was made verbally: ask for it in writing before you accept"
        )
    return text, facts


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


def _position(text: str) -> Span | None:
    for pattern in _POSITION_PATTERNS:
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


def _company(text: str, position: Span | None) -> Span | None:
    for pattern in _COMPANY_PATTERNS:
        for m in re.finditer(pattern, text):
            name = m.group("co")
            name = re.split(r"\s+(?:as|for|in|on|is|are|to|and we|we|starting)\s|\n", name)[0]
            name = re.split(r"(?<!Ltd)(?<!Inc)(?<!Pvt)(?<!Co)(?<!Corp)\.\s", name)[0]
            span = _trim(text, m.start("co"), m.start("co") + len(name))
            if not span or _STOP_COMPANY.match(span.value) or len(span.value) > 80:
                continue
            if position and span.value.lower() == position.value.lower():
                continue
            return span
    return None


def _period(after: str) -> Period | None:
    for pattern, period in _PERIODS:
        if re.match(rf"\s*(?:\w+\s+){{0,2}}?(?:{pattern})", after, re.I):
            return period
    return None


_LPA = re.compile(r"\b(?P<n>\d+(?:\.\d+)?)\s*(?:LPA|lakhs? per annum)\b", re.I)


def _salary(text: str) -> Salary | None:
    lpa = _LPA.search(text)
    if lpa and not any(True for _ in find_amounts(text[max(0, lpa.start() - 40) : lpa.end()])):
        yearly = float(Decimal(lpa.group("n")) * 100_000)
        return Salary(
            value=lpa.group(), start=lpa.start(), end=lpa.end(), amount=yearly, period="year"
        )
    best: tuple[int, Salary] | None = None
    for amount in find_amounts(text):
        line_start = text.rfind("\n", 0, amount.start) + 1
        before = text[max(line_start, amount.start - 80) : amount.start]
        after = text[amount.end : amount.end + 40]
        lakhs = re.match(r"\s*(?:LPA|lakhs? per annum)", after, re.I)
        period = _period(after) or ("year" if re.search(r"\bCTC\b|annual", before, re.I) else None)
        score = (2 if _SALARY_KEYS.search(before) else 0) + (1 if period else 0)
        if score == 0:
            continue
        end = amount.end
        tail = re.match(
            r"\s*(?:\w+\s+){0,2}?(?:" + "|".join(p for p, _ in _PERIODS) + r")", after, re.I
        )
        if tail:
            end += tail.end()
        value = float(amount.value * (100_000 if lakhs else 1))
        currency = _currency(amount.currency)
        found = Salary(
            value=text[amount.start : end].strip(),
            start=amount.start,
            end=amount.start + len(text[amount.start : end].strip()),
            amount=value,
            currency=currency,
            period=period,
        )
        if best is None or score > best[0]:
            best = (score, found)
    return best[1] if best else None


def _currency(mark: str | None) -> str | None:
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


def _date_after(
    text: str, keys: re.Pattern[str], today: dt.date, exclude: Span | None = None
) -> Span | None:
    dates = list(find_dates(text, today))
    for key in keys.finditer(text):
        for d in dates:
            if exclude and d.start == exclude.start:
                continue
            if key.end() <= d.start <= key.end() + 90 and "\n\n" not in text[key.end() : d.start]:
                return Span(value=d.value.isoformat(), start=d.start, end=d.end)
    return None


def _contact(text: str) -> Contact | None:
    closings = list(_CLOSINGS.finditer(text))
    if not closings:
        return None
    last = closings[-1]
    lines = [m for m in re.finditer(r"[^\n]+", text[last.end() :]) if m.group().strip()][:3]
    if not lines:
        return None
    first = lines[0]
    raw = first.group().strip()
    if not re.match(rf"^(?:{HONORIFIC}\.?\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){{0,3}}$", raw):
        return None
    start = last.end() + first.start() + (len(first.group()) - len(first.group().lstrip()))
    honorific = None
    name = raw
    m = _HONORIFIC.match(raw)
    if m:
        honorific = honorific_form(m.group(1))
        name = raw[m.end() :]
        start += m.end()
    title = lines[1].group().strip() if len(lines) > 1 else None
    if title and (re.search(r"@|\d{3}", title) or len(title) > 60):
        title = None
    return Contact(value=name, start=start, end=start + len(name), honorific=honorific, title=title)


def _phrases(text: str, table: dict[str, str]) -> list[Span]:
    out = []
    for value, pattern in table.items():
        m = re.search(pattern, text, re.I)
        if m:
            out.append(Span(value=value, start=m.start(), end=m.end()))
    return sorted(out, key=lambda s: s.start)


def fill_facts(data: dict[str, Any], found: OfferFacts) -> dict[str, Any]:
    """Fill a facts mapping from an offer; whatever the mapping already says wins."""
    out = dict(data)
    for key, value in to_facts_mapping(found).items():
        if key == "offer":
            out["offer"] = {**value, **(out.get("offer") or {})}
        else:
            out.setdefault(key, value)
    return out


def to_facts_mapping(facts: OfferFacts) -> dict[str, Any]:
    """Return the facts-file fields an offer supplies (for merging into a profile)."""
    out: dict[str, Any] = {}
    if facts.company:
        out["company"] = facts.company.value
    if facts.position:
        out["position"] = facts.position.value
    offer: dict[str, Any] = {}
    if facts.salary:
        offer["salary"] = facts.salary.value
    if facts.start_date:
        offer["start_date"] = facts.start_date.value
    if facts.respond_by:
        offer["respond_by"] = facts.respond_by.value
    if offer:
        out["offer"] = offer
    if facts.contact:
        person: dict[str, Any] = {"name": facts.contact.value}
        if facts.contact.honorific:
            person["honorific"] = facts.contact.honorific
        if facts.contact.title:
            person["title"] = facts.contact.title
        out["recipients"] = [person]
    return out
