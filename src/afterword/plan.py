"""The follow-up plan: what to send when, from the facts, with an .ics export.

Timing comes from post-interview advice: thanks within 24 hours (a card mailed the same day
if wanted), references and the introducing contact right away, an inquiry once the promised
date has passed and a call a few days later, an answer to an offer within five days, and a
short note every six months to a company still wanted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Literal

from pydantic import BaseModel

from .models import Facts

Status = Literal["overdue", "due", "upcoming"]
INQUIRY_WITHOUT_DATE = 10  # business days to wait when no decision date was given
CALL_AFTER_INQUIRY = 3  # business days


class Step(BaseModel):
    """One follow-up: what to do, for whom, by when, and why."""

    due: dt.date
    kind: str  # a letter kind, or "call"
    action: str
    why: str
    recipient: str | None = None
    optional: bool = False
    status: Status = "upcoming"

    @property
    def uid(self) -> str:
        """Return a stable id for calendar events."""
        key = f"{self.due}|{self.kind}|{self.recipient}|{self.action}"
        return hashlib.sha1(key.encode()).hexdigest()[:16] + "@afterword"


def add_business_days(day: dt.date, n: int) -> dt.date:
    """Move n business days forward, skipping Saturdays and Sundays."""
    while n > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def _previous_business_day(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def _months_later(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def build_plan(facts: Facts, today: dt.date | None = None) -> list[Step]:
    """Return the dated follow-ups the facts call for, earliest first."""
    today = today or facts.sent_on
    steps = [*_interview_steps(facts), *_offer_steps(facts)]
    for step in steps:
        step.status = "overdue" if step.due < today else "due" if step.due == today else "upcoming"
    return sorted(steps, key=lambda s: (s.due, s.kind, s.recipient or ""))


def _interview_steps(facts: Facts) -> list[Step]:
    iv = facts.interview
    if iv is None or iv.date is None:
        return []
    day, pos = iv.date, facts.position or "the position"
    steps = [
        Step(
            due=day + dt.timedelta(days=1),
            kind="thank_you",
            recipient=r.name,
            action=f"Email a thank-you note to {r.name}",
            why="a thank-you is expected within 24 hours of the interview",
        )
        for r in facts.recipients
    ]
    steps += [
        Step(
            due=day,
            kind="thank_you",
            recipient=r.name,
            optional=True,
            action=f"Mail a handwritten card to {r.name}",
            why="a card mailed the same day arrives while you are still remembered",
        )
        for r in facts.recipients
    ]
    steps += [
        Step(
            due=day,
            kind="reference_update",
            recipient=r.name,
            action=f"Tell {r.name} how the interview went",
            why="a reference who knows what the interviewer cared about gives a better reference",
        )
        for r in facts.references
    ]
    if facts.contact:
        steps.append(
            Step(
                due=day + dt.timedelta(days=1),
                kind="networking_thanks",
                recipient=facts.contact.name,
                action=f"Thank {facts.contact.name} for the introduction",
                why="the contact who opened the door should hear how it went",
            )
        )
    promised = facts.next_step.date if facts.next_step else None
    if promised:
        inquiry = add_business_days(promised, 1)
        why = f"you were told to expect news by {promised:%A, %B} {promised.day}"
    else:
        inquiry = add_business_days(day, INQUIRY_WITHOUT_DATE)
        why = "no decision date was given; two weeks is a reasonable wait"
    first = facts.recipients[0].name
    steps.append(
        Step(
            due=inquiry,
            kind="inquiry",
            recipient=first,
            action=f"Ask {first} about the status of the {pos} decision",
            why=why,
        )
    )
    steps.append(
        Step(
            due=add_business_days(inquiry, CALL_AFTER_INQUIRY),
            kind="call",
            recipient=first,
            optional=True,
            action=f"Phone {first} if the inquiry has had no answer",
            why="a call a few days after an unanswered email is polite and effective",
        )
    )
    steps.append(
        Step(
            due=_months_later(day, 6),
            kind="stay_in_touch",
            recipient=first,
            optional=True,
            action=f"Send {first} a short note with your news",
            why="every six months, if you still want to join the company",
        )
    )
    return steps


def _offer_steps(facts: Facts) -> list[Step]:
    offer = facts.offer
    if offer is None or not (offer.received or offer.respond_by):
        return []
    candidates = [
        d for d in (offer.received and offer.received + dt.timedelta(days=5), offer.respond_by) if d
    ]
    due = min(candidates)
    steps = [
        Step(
            due=due,
            kind="acceptance",
            action="Answer the offer: accept or decline",
            why="an offer deserves an answer within five days and before its deadline",
        )
    ]
    if offer.respond_by:
        ask_by = _previous_business_day(offer.respond_by - dt.timedelta(days=2))
        ask_by = max(ask_by, offer.received or ask_by)
        steps.append(
            Step(
                due=ask_by,
                kind="extension",
                optional=True,
                action="If you need more time, ask for it with a specific date",
                why=f"ask before the deadline of {offer.respond_by:%B} {offer.respond_by.day}",
            )
        )
    return steps


def plan_ics(steps: list[Step], facts: Facts) -> bytes:
    """Return an iCalendar file with one all-day event and a 9 a.m. reminder per step."""
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//Afterword//follow-up plan//EN")
    cal.add("version", "2.0")
    for step in steps:
        event = Event()
        event.add("uid", step.uid)
        event.add("summary", f"{step.action} ({facts.company})")
        event.add("description", step.why)
        event.add("dtstart", step.due)
        event.add("dtend", step.due + dt.timedelta(days=1))
        event.add("dtstamp", dt.datetime.combine(facts.sent_on, dt.time(), tzinfo=dt.UTC))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", step.action)
        alarm.add("trigger", dt.timedelta(hours=9))
        event.add_component(alarm)
        cal.add_component(event)
    return bytes(cal.to_ical())


def offer_notices(facts: Facts, today: dt.date | None = None) -> list[str]:
    """Warn when the five-day answer window or the offer's deadline is near or past."""
    offer, today = facts.offer, today or facts.sent_on
    if offer is None or facts.kind not in ("acceptance", "decline", "extension"):
        return []
    notes = []
    if offer.received:
        window = offer.received + dt.timedelta(days=5)
        left = (window - today).days
        if left < 0:
            notes.append(
                f"the five-day window to answer this offer ended on {window:%B} {window.day}"
            )
        elif left <= 1:
            notes.append(
                f"the five-day window to answer this offer ends on {window:%B} {window.day}"
            )
    if offer.respond_by:
        left = (offer.respond_by - today).days
        day = f"{offer.respond_by:%A, %B} {offer.respond_by.day}"
        if left < 0:
            notes.append(f"the offer's deadline ({day}) has passed: call before you send this")
        elif left <= 2:
            notes.append(f"the offer's deadline is {day}, in {left} day(s)")
    return notes
