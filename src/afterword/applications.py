"""Every application in flight: its latest facts, what has happened to it, and its state.

An application is a company and a position. Its facts are the last ones drafted or tracked
for it; events (an interview, a promised date, an offer, an answer, a reply, a letter sent)
move it on. The state is read from both, never stored, so it cannot drift from the events.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from pydantic import BaseModel, Field

from .errors import InputError
from .models import Facts, Offer, Promise
from .store import Store

State = Literal[
    "applied", "interviewed", "waiting", "offer", "accepted", "declined", "withdrawn", "rejected"
]
EventKind = Literal[
    "interviewed",  # detail: date
    "promised",  # they gave a date to expect news by; detail: date
    "offer",  # a written offer; detail: received, respond_by, salary, start_date
    "verbal_offer",  # an offer made by phone or in person; same detail
    "accepted",
    "declined",
    "withdrawn",
    "rejected",
    "answered",  # they replied, so no inquiry is owed for the date that passed
    "request",  # they asked for something; detail: what, due
    "sent",  # a letter went out; detail: kind, recipient
    "keep_open",  # after accepting elsewhere, keep this application open after all
]
EVENT_KINDS: tuple[str, ...] = get_args(EventKind)
CLOSING: dict[str, State] = {
    "accepted": "accepted",
    "declined": "declined",
    "withdrawn": "withdrawn",
    "rejected": "rejected",
}
OPEN_STATES = ("applied", "interviewed", "waiting", "offer")


class Event(BaseModel):
    """One thing that happened to an application, on a day."""

    kind: EventKind
    day: dt.date
    detail: dict[str, Any] = Field(default_factory=dict)


@dataclass
class Application:
    """A company and position, the facts last used for it, and its events in order."""

    id: int
    company: str
    position: str
    facts: Facts | None
    events: list[Event] = field(default_factory=list)

    @property
    def label(self) -> str:
        """Return "Company: Position" (or the company alone)."""
        return f"{self.company}: {self.position}" if self.position else self.company

    def last(self, *kinds: str) -> Event | None:
        """Return the latest event of any of the kinds."""
        found = [e for e in self.events if e.kind in kinds]
        return found[-1] if found else None

    @property
    def state(self) -> State:
        """Return where the application stands, from its events and facts."""
        closing = self.last(*CLOSING)
        if closing is not None:
            return CLOSING[closing.kind]
        facts = self.current_facts()
        if facts and facts.offer and facts.offer.received:
            return "offer"
        if facts and facts.next_step and facts.next_step.date:
            return "waiting"
        if facts and facts.interview and facts.interview.date:
            return "interviewed"
        return "applied"

    @property
    def verbal(self) -> bool:
        """Say whether the latest offer was made verbally (and not yet in writing)."""
        offer = self.last("offer", "verbal_offer")
        return offer is not None and offer.kind == "verbal_offer"

    def current_facts(self) -> Facts | None:
        """Return the facts with every event applied (dates moved, offers and requests added)."""
        if self.facts is None:
            return None
        data = self.facts.model_dump(mode="json")
        for e in self.events:
            _apply(data, e)
        return Facts.model_validate(data)


def _apply(data: dict[str, Any], event: Event) -> None:
    detail = event.detail
    if event.kind == "interviewed":
        data["interview"] = {**(data.get("interview") or {}), "date": detail.get("date", event.day)}
    elif event.kind == "promised":
        data["next_step"] = {**(data.get("next_step") or {}), "date": detail["date"]}
    elif event.kind in ("offer", "verbal_offer"):
        offer = {k: detail.get(k) for k in Offer.model_fields if detail.get(k)}
        data["offer"] = {**(data.get("offer") or {}), "received": event.day, **offer}
    elif event.kind == "request":
        promise = {k: detail.get(k) for k in Promise.model_fields if detail.get(k)}
        data["promise"] = promise


def track(store: Store, facts: Facts) -> int:
    """Keep an application's facts in the history; return its id."""
    with store.transaction() as db:
        app_id = store.application_id(db, facts)
        db.execute(
            "INSERT INTO facts (application_id, kind, body, created_at) VALUES (?, ?, ?, ?)",
            (app_id, facts.kind.value, facts.model_dump_json(), _now()),
        )
    return app_id


def record(store: Store, application_id: int, event: Event) -> None:
    """Add an event to an application."""
    with store.transaction() as db:
        db.execute(
            "INSERT INTO events (application_id, kind, day, detail, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                application_id,
                event.kind,
                event.day.isoformat(),
                json.dumps(event.detail, default=str),
                _now(),
            ),
        )


def applications(store: Store) -> list[Application]:
    """Return every application with its latest facts and its events, oldest first."""
    rows = store.rows("SELECT id, company, position FROM applications ORDER BY id")
    out = []
    for row in rows:
        facts_row = store.rows(
            "SELECT body FROM facts WHERE application_id = ? ORDER BY id DESC LIMIT 1", (row["id"],)
        )
        facts = Facts.model_validate_json(facts_row[0]["body"]) if facts_row else None
        events = [
            Event(kind=e["kind"], day=e["day"], detail=json.loads(e["detail"]))
            for e in store.rows(
                "SELECT kind, day, detail FROM events WHERE application_id = ? ORDER BY day, id",
                (row["id"],),
            )
        ]
        out.append(Application(row["id"], row["company"], row["position"], facts, events))
    return out


def find(apps: list[Application], query: str) -> Application:
    """Find one application by id, or by words of its company and position."""
    if query.isdigit():
        found = [a for a in apps if a.id == int(query)]
    else:
        words = query.lower().split()
        found = [a for a in apps if all(w in a.label.lower() for w in words)]
    if len(found) == 1:
        return found[0]
    known = "; ".join(f"{a.id}: {a.label}" for a in apps) or "none yet"
    why = "matches several" if found else "matches none"
    raise InputError(f'application "{query}" {why}; the applications are: {known}')


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
