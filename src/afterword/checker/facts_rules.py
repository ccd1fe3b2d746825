"""Facts: the position, the company and each kind's key terms appear exactly as the facts say."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from ..extract import Found, find_amounts, find_dates, same_day
from ..models import Channel, Kind, Severity
from ..money import other_currency
from ..names import fold
from .doc import Doc
from .known import offered_pay, writes_day_first
from .lexicon import phrases_regex
from .registry import Hit, rule

_WITH_POSITION = [k for k in Kind if k is not Kind.RESIGNATION]


def _fuzzy_span(needle: str, doc: Doc) -> tuple[int, int, float]:
    found = fuzz.partial_ratio_alignment(needle.lower(), doc.body.text.lower())
    if found is None:
        return 0, 0, 0.0
    start, end, text = found.dest_start, found.dest_end, doc.body.text
    while start > 0 and text[start - 1].isalnum():  # widen to whole words
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return doc.body.start + start, doc.body.start + end, found.score


# Legal forms that letters drop: "Acme Corp." is "Acme", "Grupo Alfa S.A. de C.V." "Grupo Alfa".
_LEGAL = frozenset(
    "inc incorporated corp corporation co company ltd limited llc llp lp plc pc gmbh mbh ag kg "
    "ohg ug se sa sas sarl sl sau spa srl bv nv pty pvt pte oy oyj ab as asa aps kk sp z oo "
    "sro doo kft zrt bhd sdn ltda lda cv de jsc pjsc ojsc tbk sc gk ou oü ood eood ad sprl bvba "
    "ehf hf ltee ltée & and".split()
)


def company_forms(name: str) -> list[str]:
    """Return the ways a letter may write an organization's name ('Acme Corp.' or 'Acme')."""
    forms = [name.strip(), name.strip().rstrip(".")]
    words = name.split()
    while len(words) > 1 and fold(re.sub(r"[().,]", "", words[-1])).lower() in _LEGAL:
        words.pop()
        forms.append(" ".join(words).rstrip(",").strip())
    if len(words) > 1 and words[0].lower() == "the":
        forms.append(" ".join(words[1:]).rstrip(","))
    return forms


def _named(needle: str, doc: Doc, *, head: bool = False) -> bool:
    """Say whether the body (and, with `head`, a posted letter's inside address) names it."""
    text = doc.body.text if not head else doc.text[: doc.body.end]
    # Accents may be missing from a keyboard ("Texteis" for "Têxteis"): compared without them.
    text = fold(text.replace("’", "'"))
    forms = [
        re.escape(fold(form.replace("’", "'"))).replace(r"\ ", r"\s+")  # a hard-wrapped line
        for form in company_forms(needle)
        if form
    ]
    return any(re.search(rf"(?<!\w){form}(?!\w)", text, re.I) for form in forms)


# The kinds whose every model names the job (DESIGN.md's "must contain"); the answers to an
# offer should; a note to a contact or a reference, or sending what was promised, may not.
_MUST_NAME_JOB = {Kind.THANK_YOU, Kind.INQUIRY, Kind.ACCEPTANCE, Kind.PHONE_FOLLOW_UP}
_SHOULD_NAME_JOB = {Kind.DECLINE, Kind.WITHDRAWAL, Kind.EXTENSION, Kind.WRITTEN_OFFER_REQUEST}


@rule("facts.position", "error", "The position is not named", _WITH_POSITION)
def _position(doc: Doc) -> Iterator[Hit]:
    position = doc.facts.position
    if not position or _named(position, doc) or _in_subject(position, doc):
        return
    _, _, score = _fuzzy_span(position, doc)
    if score < 85:
        severity: Severity | None = (
            None
            if doc.kind in _MUST_NAME_JOB
            else "warning"
            if doc.kind in _SHOULD_NAME_JOB
            else "suggestion"
        )
        yield Hit(None, None, f'name it as "{position}"', position, severity)


@rule("facts.position_near", "warning", "The position is named inexactly", _WITH_POSITION)
def _position_near(doc: Doc) -> Iterator[Hit]:
    position = doc.facts.position
    if not position or _named(position, doc):
        return
    start, end, score = _fuzzy_span(position, doc)
    if score >= 85:
        yield Hit(start, end, f'"{doc.text[start:end]}"; the facts say "{position}"', position)


@rule("facts.company", "error", "The organization is not named")
def _company(doc: Doc) -> Iterator[Hit]:
    f = doc.facts
    name = f.candidate.current_employer if doc.kind is Kind.RESIGNATION else f.company
    if not name or _named(name, doc, head=doc.posted) or _in_subject(name, doc):
        return
    severity: Severity | None = None
    if f.channel is Channel.CARD or doc.kind in _TO_THE_READER or doc.kind is Kind.RESIGNATION:
        # A card, a call or a promised item goes to someone who knows where they work; a
        # resignation, to one's own manager
        severity = "suggestion"
    elif f.position and (_named(f.position, doc) or _in_subject(f.position, doc)):
        severity = "warning"  # "Re: Offer - Junior DevOps Engineer": clear which job it is
    yield Hit(None, None, f'name "{name}"', name, severity)


_TO_THE_READER = (Kind.PROMISED_FOLLOW_UP, Kind.PHONE_FOLLOW_UP)


def _in_subject(needle: str, doc: Doc) -> bool:
    """Say whether the subject line (given, or in the letter's header) names it."""
    subject = (doc.subject or "").replace("’", "'").lower()
    return any(form.lower() in subject for form in company_forms(needle.replace("’", "'")) if form)


def _date_rule(doc: Doc, want: dt.date | None, what: str, cue: str) -> Iterator[Hit]:
    """Find the wanted date; report only the dates said about it (`cue`, a lexicon entry), so
    the date of the offer letter is never called a wrong start date."""
    if want is None:
        return
    dates = list(find_dates(doc.body.text, doc.facts.sent_on, writes_day_first(doc.facts)))
    if any(same_day(d, want) for d in dates):
        return
    said = f"{want:%B} {want.day}, {want.year}"
    about = [d for d in dates if _said_about(doc.body.text, d, cue)]
    if about:  # a date is given for it, but not the one the facts give
        found = ", ".join(f'"{d.text}"' for d in about[:3])
        yield Hit(None, None, f"the letter says {found}; the facts say {said}", said)
    else:
        yield Hit(None, None, f"state {what} as {said}", said)


def _said_about(text: str, found: Found, cue: str) -> bool:
    """Say whether a cue word stands in the date's sentence before it, or just after it."""
    start = max(text.rfind(stop, 0, found.start) for stop in (". ", "! ", "? ", "\n\n", "; "))
    before, after = (
        text[max(start, found.start - 120) : found.start],
        text[found.end : found.end + 30],
    )
    pattern = phrases_regex("dates", cue)
    return bool(pattern.search(before) or pattern.match(re.split(r"[.;!?\n]", after)[0]))


@rule("facts.salary", "error", "The salary is not confirmed as offered", [Kind.ACCEPTANCE])
def _salary(doc: Doc) -> Iterator[Hit]:
    offer, pay = doc.facts.offer, offered_pay(doc.facts)
    if pay is None or offer is None or offer.salary is None:
        return
    want, period = pay
    amounts = list(find_amounts(doc.body.text))
    base = doc.body.start
    offered = next(iter(find_amounts(offer.salary)), None)
    for a in amounts:
        if a.value == want and offered and other_currency(a.currency, offered.currency):
            detail = f'"{a.text}" is in another currency than the offer ({offer.salary})'
            yield Hit(base + a.start, base + a.end, detail, offer.salary)
        elif a.value != want:
            detail = f'"{a.text}" differs from the offer ({offer.salary})'
            yield Hit(base + a.start, base + a.end, detail, offer.salary)
        elif a.period and a.period != period:
            detail = f'"{a.text}" is per {a.period}; the offer is per {period} ({offer.salary})'
            yield Hit(base + a.start, base + a.end, detail, offer.salary)
    if not amounts:
        yield Hit(None, None, f"confirm {offer.salary}", offer.salary)


@rule("facts.start_date", "error", "The start date is not confirmed as offered", [Kind.ACCEPTANCE])
def _start_date(doc: Doc) -> Iterator[Hit]:
    offer = doc.facts.offer
    yield from _date_rule(doc, offer.start_date if offer else None, "the start date", "start_words")


@rule("facts.last_day", "error", "The last day of work is not stated", [Kind.RESIGNATION])
def _last_day(doc: Doc) -> Iterator[Hit]:
    d = doc.facts.decision
    yield from _date_rule(doc, d.last_day if d else None, "your last day", "last_day_words")


@rule(
    "facts.requested_date", "error", "The date you will answer by is not stated", [Kind.EXTENSION]
)
def _requested(doc: Doc) -> Iterator[Hit]:
    d = doc.facts.decision
    yield from _date_rule(
        doc, d.requested_date if d else None, "the date you will answer by", "answer_words"
    )


@rule(
    "facts.interview_date",
    "error",
    "Neither the interview date nor the promised date is stated",
    [Kind.INQUIRY],
)
def _inquiry_dates(doc: Doc) -> Iterator[Hit]:
    f = doc.facts
    wanted = {
        d
        for d in (
            f.interview.date if f.interview else None,
            f.next_step.date if f.next_step else None,
        )
        if d
    }
    if not wanted:
        return
    found = list(find_dates(doc.body.text, f.sent_on, writes_day_first(f)))
    if any(same_day(d, w) for d in found for w in wanted):
        return
    # "the interview on the 10th", "news by the 17th": the day alone, in the month of the talk
    days = {int(m.group(1)) for m in _ORDINAL_DAY.finditer(doc.body.text)}
    if not any(w.day in days for w in wanted):
        yield Hit(None, None, "say when you interviewed or when you were told to expect news")


_ORDINAL_DAY = re.compile(
    r"\bthe\s+([1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:time|floor|year|century|candidate|round))",
    re.I,
)
