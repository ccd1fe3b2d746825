"""Read a recruiter's reply (.eml or pasted text): an offer, a rejection, a new date, a request.

Everything found points at the words it came from, like an offer's facts, and is shown for
the person to confirm before it moves the application. An offer in the reply is read by the
offer reader itself (offers.extract), so both are grounded the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field

from .applications import Event, EventKind
from .extract import find_dates, find_weekdays
from .offers import OfferFacts, Span, clean, extract

What = Literal["offer", "rejection", "new_date", "request"]
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class Said(BaseModel):
    """One thing the reply says, the words it is in, and the date it gives (if any)."""

    what: What
    value: str
    start: int
    end: int
    date: dt.date | None = None


class ReplyRead(BaseModel):
    """A reply as read: its text (spans point into it), what it says, and any offer."""

    text: str
    said: list[Said] = Field(default_factory=list)
    offer: OfferFacts | None = None
    warnings: list[str] = Field(default_factory=list)


@cache
def _patterns(name: str) -> list[re.Pattern[str]]:
    data = yaml.safe_load((Path(__file__).parent / "lexicons" / "replies.yaml").read_text())
    return [re.compile(p, re.I) for p in data[name]]


def email_text(raw: bytes) -> str:
    """Return the readable body of an .eml message (plain text, or HTML stripped of tags)."""
    message = BytesParser(policy=policy.default).parsebytes(raw)
    assert isinstance(message, EmailMessage)
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    text = str(body.get_content())
    if body.get_content_type() == "text/html":
        text = re.sub(r"<(?:br|/p|/div)[^>]*>", "\n", text, flags=re.I)
        text = re.sub(r"<[^>]+>", "", text)
    subject = message.get("subject")
    return f"Subject: {subject}\n\n{text}" if subject else text


def read_reply(text: str, today: dt.date | None = None) -> ReplyRead:
    """Find what the reply says, each with the span it came from."""
    text, warnings = clean(text)
    today = today or dt.date.today()
    said: list[Said] = []
    kinds: tuple[What, ...] = ("rejection", "offer")
    for what in kinds:
        m = next((m for p in _patterns(what) if (m := p.search(text))), None)
        if m:
            said.append(Said(what=what, value=m.group(), start=m.start(), end=m.end()))
    offer = None
    if any(s.what == "offer" for s in said):
        text, offer = extract(text, today)
        warnings += offer.warnings
    said += _new_dates(text, today, offer)
    said += _requests(text, today)
    return ReplyRead(text=text, said=said, offer=offer, warnings=warnings)


def _sentences(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in re.finditer(r"[^.!?\n]+[.!?]?", text)]


def _date_in(sentence: str, base: int, today: dt.date) -> tuple[int, int, dt.date] | None:
    for d in find_dates(sentence, today):
        return base + d.start, base + d.end, d.value
    for w in find_weekdays(sentence):
        ahead = (_WEEKDAYS.index(w.text.lower()) - today.weekday() - 1) % 7 + 1
        return base + w.start, base + w.end, today + dt.timedelta(days=ahead)
    return None


def _new_dates(text: str, today: dt.date, offer: OfferFacts | None) -> list[Said]:
    taken = {(s.start, s.end) for s in (offer.spans() if offer else []) if isinstance(s, Span)}
    out = []
    for base, sentence in _sentences(text):
        if not any(p.search(sentence) for p in _patterns("decision_cue")):
            continue
        if any(p.search(sentence) for p in _patterns("request")):
            continue  # a date in a request is when they want it, not when they decide
        found = _date_in(sentence, base, today)
        if found and (found[0], found[1]) not in taken and found[2] >= today:
            out.append(
                Said(
                    what="new_date",
                    value=text[found[0] : found[1]],
                    start=found[0],
                    end=found[1],
                    date=found[2],
                )
            )
            break
    return out


def _requests(text: str, today: dt.date) -> list[Said]:
    out = []
    for base, sentence in _sentences(text):
        m = next((m for p in _patterns("request") if (m := p.search(sentence))), None)
        if m is None:
            continue
        what = re.sub(r"\s+(?:by|before|no later than)\s.*$", "", m.group("what")).strip(" ,")
        found = _date_in(sentence, base, today)
        start = base + m.start("what")
        out.append(
            Said(
                what="request",
                value=what,
                start=start,
                end=start + len(what),
                date=found[2] if found else None,
            )
        )
    return out


def reply_events(reply: ReplyRead, today: dt.date) -> list[Event]:
    """Turn what a reply says into the events that move the application (to confirm first)."""
    events = [Event(kind="answered", day=today)]
    for s in reply.said:
        if s.what == "rejection":
            events.append(Event(kind="rejected", day=today))
        elif s.what == "new_date" and s.date:
            events.append(Event(kind="promised", day=today, detail={"date": s.date.isoformat()}))
        elif s.what == "request":
            detail = {"what": s.value, **({"due": s.date.isoformat()} if s.date else {})}
            events.append(Event(kind="request", day=today, detail=detail))
    if reply.offer is not None and not any(s.what == "rejection" for s in reply.said):
        o = reply.offer
        terms = {"salary": o.salary, "start_date": o.start_date, "respond_by": o.respond_by}
        offer = {k: span.value for k, span in terms.items() if span is not None}
        kind: EventKind = "verbal_offer" if o.verbal else "offer"
        events.append(Event(kind=kind, day=today, detail=offer))
    return events
