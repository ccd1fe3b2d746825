"""What is owed to whom, and by when, across every application in flight.

Events move each application's plan: an accepted offer brings the resignation and the
thanks to the people who helped, and proposes a withdrawal (a decline, where there is an
offer) to every other open application, whose own plan stands until the person confirms it
(records the withdrawal) or keeps the application open; a verbal offer is answered with a
request for it in writing; a promised date that passes unanswered raises the inquiry, then
the call; a rejection brings a short note every six months. Every step is a draft the
person confirms, never something sent.
"""

from __future__ import annotations

import datetime as dt

from .applications import OPEN_STATES, Application
from .models import Facts, Kind
from .plan import (
    Step,
    add_business_days,
    answered_steps,
    build_plan,
    dated,
    months_later,
)

STALE_DAYS = 7  # a thank-you or a note to a reference this late no longer helps
_EARLY = ("thank_you", "reference_update", "networking_thanks")
_RANK = {"overdue": 0, "due": 1, "upcoming": 2, "done": 3}


def owed(apps: list[Application], today: dt.date | None = None) -> list[Step]:
    """Return every application's steps, most urgent first (overdue, today, then by date)."""
    today = today or dt.date.today()
    steps = [s for app in apps for s in application_steps(app, apps, today)]
    return sorted(steps, key=lambda s: (_RANK[s.status], s.due, s.application, s.kind))


def application_steps(app: Application, apps: list[Application], today: dt.date) -> list[Step]:
    """Return one application's steps, moved by its events and by the others' events."""
    facts = app.current_facts()
    if facts is None or app.state in ("declined", "withdrawn"):
        return []
    steps = _steps(app, facts, _accepted_elsewhere(app, apps), today)
    sent = {
        (e.detail.get("kind"), e.detail.get("recipient")) for e in app.events if e.kind == "sent"
    }
    for step in steps:
        step.application = app.label
        if (step.kind, step.recipient) in sent or (step.kind, None) in sent:
            step.status = "done"
    steps = dated(steps, today)
    offered = facts.offer is not None and facts.offer.received is not None
    return [s for s in steps if not _moot(s, today, offered)]


def _steps(
    app: Application, facts: Facts, elsewhere: Application | None, today: dt.date
) -> list[Step]:
    if app.state == "accepted":
        accepted = app.last("accepted")
        assert accepted is not None
        return answered_steps(facts.model_copy(update={"kind": Kind.ACCEPTANCE}), accepted.day)
    if app.state == "rejected":
        rejected = app.last("rejected")
        assert rejected is not None
        return [_keep_in_touch(facts, rejected.day, today)]
    # Still open: its own plan stands until the person confirms a proposal (or keeps it open).
    proposals = [_proposal(app, facts, elsewhere)] if elsewhere is not None else []
    if app.verbal:
        kind = Kind.WRITTEN_OFFER_REQUEST
        return [*build_plan(facts.model_copy(update={"kind": kind}), today), *proposals]
    steps = build_plan(facts.model_copy(update={"kind": Kind.THANK_YOU}), today)
    answered = app.last("answered")
    promised = facts.next_step.date if facts.next_step else None
    if answered and (promised is None or answered.day >= promised):
        steps = [s for s in steps if s.kind not in ("inquiry", "phone_follow_up")]
    return [*steps, *proposals]


def _accepted_elsewhere(app: Application, apps: list[Application]) -> Application | None:
    """Return the application accepted after this one was opened, unless kept open."""
    if app.state not in OPEN_STATES:
        return None
    kept = app.last("keep_open")
    for other in apps:
        accepted = other.last("accepted") if other is not app else None
        if accepted and other.state == "accepted" and not (kept and kept.day >= accepted.day):
            return other
    return None


def _proposal(app: Application, facts: Facts, elsewhere: Application) -> Step:
    accepted = elsewhere.last("accepted")
    assert accepted is not None
    name = facts.recipients[0].name
    has_offer = app.state == "offer"
    return Step(
        due=add_business_days(accepted.day, 1),
        kind="decline" if has_offer else "withdrawal",
        recipient=name,
        proposed=True,
        action=(
            f"Decline the {app.label} offer, writing to {name}"
            if has_offer
            else f"Withdraw from {app.label}, writing to {name}"
        ),
        why=f"you accepted {elsewhere.label} on {accepted.day:%B} {accepted.day.day}; "
        "tell them promptly and courteously",
    )


def _keep_in_touch(facts: Facts, rejected: dt.date, today: dt.date) -> Step:
    """Return the next six-monthly note after a rejection (the first one not yet past)."""
    n = 1
    while months_later(rejected, 6 * n) < today:
        n += 1
    name = facts.recipients[0].name
    return Step(
        due=months_later(rejected, 6 * n),
        kind="stay_in_touch",
        recipient=name,
        occurrence=n,
        action=f"Send {name} a short note with your news",
        why="after a rejection, a note every six months keeps the door open",
    )


def _moot(step: Step, today: dt.date, offered: bool) -> bool:
    """Say whether a past step no longer helps: optional, or an early note overtaken by events
    (an offer came) or long overdue."""
    if step.status != "overdue":
        return False
    stale = step.kind in _EARLY and (offered or (today - step.due).days > STALE_DAYS)
    return (step.optional and step.kind != "phone_follow_up") or stale
