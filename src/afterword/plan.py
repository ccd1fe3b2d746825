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

Status = Literal["overdue", "due", "upcoming", "done"]
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
    application: str = ""  # "Company: Position", when the plan covers several
    proposed: bool = False  # raised by an event; a draft the person confirms, never sent
    occurrence: int = 0  # which repeat of a recurring step (a note every six months)

    @property
    def uid(self) -> str:
        """Return an id that stays the same when the step's date moves (calendar updates)."""
        key = f"{self.application}|{self.kind}|{self.recipient}|{self.optional}|{self.occurrence}"
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


def months_later(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def build_plan(facts: Facts, today: dt.date | None = None) -> list[Step]:
    """Return the dated follow-ups the facts call for, earliest first; today is today."""
    if facts.kind in ANSWERS:  # the offer is answered: what follows the answer, no inquiries
        steps = answered_steps(facts, facts.sent_on)
    else:
        steps = [*_interview_steps(facts), *_offer_steps(facts), *_promise_steps(facts)]
    label = f"{facts.company}: {facts.position}" if facts.position else facts.company
    for step in steps:  # one company's calendar events never replace another's
        step.application = label
    return dated(steps, today or dt.date.today())


ANSWERS = ("acceptance", "decline")


def dated(steps: list[Step], today: dt.date) -> list[Step]:
    """Set each step's status against today and sort them earliest first."""
    for step in steps:
        if step.status != "done":
            late = step.due < today
            step.status = "overdue" if late else "due" if step.due == today else "upcoming"
    return sorted(steps, key=lambda s: (s.due, s.kind, s.recipient or ""))


def answered_steps(facts: Facts, on: dt.date) -> list[Step]:
    """After an acceptance: resign, thank each reference and contact; a decline needs nothing."""
    if facts.kind != "acceptance":
        return []
    steps = []
    employer = facts.candidate.current_employer
    if employer:
        steps.append(
            Step(
                due=add_business_days(on, 1),
                kind="resignation",
                action=f"Resign from {employer}",
                why="resign as soon as the new job is confirmed, cordially",
            )
        )
    helpers = [*facts.references, *([facts.contact] if facts.contact else [])]
    steps += [
        Step(
            due=add_business_days(on, 2),
            kind="thanks_after_landing",
            recipient=r.name,
            action=f"Tell {r.name} the news and thank them",
            why="the references and contacts who helped should hear it from you",
        )
        for r in helpers
    ]
    return steps


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
    steps += [
        Step(
            due=day + dt.timedelta(days=7),
            kind="reference_check_in",
            recipient=r.name,
            optional=True,
            action=f"Ask {r.name} whether anyone has called",
            why="about a week after the interview, while you wait",
        )
        for r in facts.references
    ]
    if facts.offer and facts.offer.received:
        return steps  # the decision came: no inquiry, no call, no keeping in touch
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
            kind="phone_follow_up",
            recipient=first,
            optional=True,
            action=f"Phone {first} if the inquiry has had no answer",
            why="a call a few days after an unanswered email is polite and effective",
        )
    )
    steps.append(
        Step(
            due=months_later(day, 6),
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
    if facts.kind == "written_offer_request" and offer.received:
        return [
            Step(
                due=offer.received + dt.timedelta(days=1),
                kind="written_offer_request",
                recipient=facts.recipients[0].name,
                action=f"Ask {facts.recipients[0].name} for the offer in writing",
                why="a verbal offer is confirmed in writing before you answer it",
            )
        ]
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


def _promise_steps(facts: Facts) -> list[Step]:
    promise = facts.promise
    if promise is None or promise.due is None:
        return []
    due = _previous_business_day(promise.due - dt.timedelta(days=1))
    if facts.interview and facts.interview.date:
        due = max(due, facts.interview.date)
    name = facts.recipients[0].name
    return [
        Step(
            due=due,
            kind="promised_follow_up",
            recipient=name,
            action=f"Send {name} {promise.what or 'what you promised'}",
            why=f"you promised it by {promise.due:%A, %B} {promise.due.day}; send it a day early",
        )
    ]


def plan_ics(steps: list[Step], facts: Facts | None = None, today: dt.date | None = None) -> bytes:
    """Return an iCalendar file: one all-day event and a 9 a.m. reminder per step still ahead.

    Done steps and days already past are left out, so no alarm fires for the past; each
    event's UID is stable, so importing the file again updates events in place.
    """
    from icalendar import Alarm, Calendar, Event

    today = today or dt.date.today()
    cal = Calendar()
    cal.add("prodid", "-//Afterword//follow-up plan//EN")
    cal.add("version", "2.0")
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for step in steps:
        if step.status == "done" or step.due < today:
            continue
        where = facts.company if facts else step.application
        event = Event()
        event.add("uid", step.uid)
        event.add("summary", f"{step.action} ({where})" if where else step.action)
        event.add("description", step.why)
        event.add("dtstart", step.due)
        event.add("dtend", step.due + dt.timedelta(days=1))
        event.add("dtstamp", stamp)
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
