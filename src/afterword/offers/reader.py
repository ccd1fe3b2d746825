"""Read a pasted offer: clean it, find its fields, warn about what a person must check.

Only the offer's own visible text is a source. What reads as instructions to an AI stays on
screen but is masked before any field is looked for; a word mixing alphabets is never taken;
two different values for one field become a conflict for the person to settle.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from ..errors import InputError
from ..extract import EMAIL_RE
from ..names import fold
from .fields import (
    dates_after,
    find_company,
    find_contact,
    find_phrases,
    find_position,
    salary_candidates,
    same_pay,
)
from .model import Conflict, Contact, OfferFacts, Salary, Span
from .patterns import (
    BENEFITS,
    CONDITIONS,
    IN_WRITING,
    PLACEHOLDER,
    RESPOND_KEYS,
    START_KEYS,
    VERBAL,
)
from .sanitize import instruction_regions, mask, mixed_script_words, normalise, quote

MAX_OFFER_CHARS = 100_000
MAX_OPTIONS = 10
Check = Callable[[Span | None], Span | None]


def clean(text: str) -> tuple[str, list[str]]:
    """Return the text a person reads in the paste, with a warning for each thing removed."""
    return normalise(text)


def extract(text: str, today: dt.date | None = None) -> tuple[str, OfferFacts]:
    """Extract an offer's facts; return the cleaned text the spans point into, and the facts."""
    if len(text) > MAX_OFFER_CHARS:
        raise InputError(
            f"the offer is {len(text):,} characters; Afterword reads at most {MAX_OFFER_CHARS:,}. "
            "Paste only the offer itself."
        )
    text, warnings = clean(text)
    today = today or dt.date.today()
    facts = OfferFacts(warnings=warnings)
    readable = _without_instructions(text, facts)
    untrusted = _untrusted(text, readable, facts)

    def ok(span: Span | None) -> Span | None:
        if span is None or not span.value.strip():
            return None
        if any(s < span.end and span.start < e for s, e in untrusted):
            return None
        return span

    facts.position = ok(find_position(readable))
    facts.company = ok(find_company(readable, facts.position))
    _salary(facts, readable, ok)
    facts.start_date = _one_date(facts, "start_date", dates_after(readable, START_KEYS, today), ok)
    facts.respond_by = ok(
        next(iter(dates_after(readable, RESPOND_KEYS, today, facts.start_date)), None)
    )
    facts.contact = ok(find_contact(readable))  # type: ignore[assignment]
    if facts.contact is not None:
        facts.contact.email = _contact_email(readable, facts.contact)
    facts.conditions = [s for s in find_phrases(readable, CONDITIONS) if ok(s)]
    facts.benefits = [s for s in find_phrases(readable, BENEFITS) if ok(s)]
    facts.verbal = bool(VERBAL.search(readable)) and not IN_WRITING.search(readable)
    if facts.verbal:
        facts.warnings.append(
            "this offer was made verbally: ask for it in writing before you accept"
        )
    return text, facts


def _without_instructions(text: str, facts: OfferFacts) -> str:
    """Mask what is addressed to an AI, and name it in a warning."""
    regions = instruction_regions(text)
    if regions:
        shown = "; ".join(f'"{quote(text[r.start : r.end])}"' for r in regions[:3])
        more = f" and {len(regions) - 3} more" if len(regions) > 3 else ""
        facts.warnings.append(
            "the offer contains text that reads like instructions to an AI, not part of the "
            f"offer: {shown}{more}. It was not followed and no fact was taken from it."
        )
    return mask(text, regions)


def _untrusted(text: str, readable: str, facts: OfferFacts) -> list[tuple[int, int]]:
    """Return the parts no fact may come from: placeholders and words mixing alphabets."""
    holes = [(m.start(), m.end()) for m in PLACEHOLDER.finditer(readable)]
    facts.is_template = bool(holes)
    if holes:
        shown = ", ".join(sorted({text[s:e] for s, e in holes[:200]})[:4])
        facts.warnings.append(
            f"this looks like an unfilled template ({shown}); fill in the blanks or ask the "
            "employer for the completed offer. No placeholder was taken as a fact."
        )
    mixed = mixed_script_words(readable)
    if mixed:
        named = {word: " and ".join(s) for _, word, s in mixed}
        shown = ", ".join(f'"{word}" ({scripts})' for word, scripts in list(named.items())[:4])
        facts.warnings.append(
            f"some words mix letters of different alphabets, a way to make one name look like "
            f"another: {shown}. No fact was taken from them; type the real value yourself."
        )
    return holes + [(r.start, r.end) for r, _, _ in mixed]


def _salary(facts: OfferFacts, readable: str, ok: Check) -> None:
    """Take the pay when the offer states one; two different figures are a conflict."""
    groups: list[list[tuple[int, Salary]]] = []
    for score, found in salary_candidates(readable):
        if ok(found) is None:
            continue
        group = next((g for g in groups if same_pay(g[0][1], found)), None)
        if group is not None:
            group.append((score, found))
        elif len(groups) < MAX_OPTIONS:
            groups.append([(score, found)])
    best = [max(g, key=lambda x: x[0])[1] for g in groups]  # first of the surest in each
    if len(best) == 1:
        facts.salary = best[0]
    elif best:
        _conflict(facts, "salary", list(best), "salaries")


def _one_date(facts: OfferFacts, field: str, found: list[Span], ok: Check) -> Span | None:
    """Take a date the offer gives once (or always the same); different ones are a conflict."""
    options: dict[str, Span] = {}
    for span in found:
        if ok(span) is not None and len(options) < MAX_OPTIONS:
            options.setdefault(span.value, span)
    if len(options) == 1:
        return next(iter(options.values()))
    if options:
        _conflict(facts, field, list(options.values()), field.replace("_", " ") + "s")
    return None


def _conflict(facts: OfferFacts, field: str, options: list[Any], plural: str) -> None:
    options.sort(key=lambda o: o.start)
    shown = ", ".join(o.value for o in options)
    message = (
        f"the offer gives {len(options)} different {plural} ({shown}); none was taken: "
        "choose the one you were offered"
    )
    facts.conflicts.append(Conflict(field=field, options=options, message=message))
    facts.warnings.append(message)


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
        if facts.contact.email:
            person["email"] = facts.contact.email
        out["recipients"] = [person]
    return out


def _contact_email(text: str, contact: Contact) -> str | None:
    """Return the address that carries the contact's name ("katarzyna.nowak@...", "knowak@"),
    or else the one signed just under their name; None when there is neither."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]{3,}", fold(contact.value))]
    for m in EMAIL_RE.finditer(text):
        local = fold(m.group().split("@")[0]).lower()
        if any(w in local for w in words):
            return m.group()
    near = EMAIL_RE.search(text, contact.end, contact.end + 300)
    return near.group() if near else None
