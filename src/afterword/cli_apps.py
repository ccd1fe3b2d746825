"""Commands for what to send when: plan (one facts file) and, for every application in
flight, track, event, reply and status.

They share cli.py's typer app (importing this module registers them), its error edge and
its exit codes: 0 done, 2 bad input or usage.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer

from .applications import EVENT_KINDS, Event, applications, find, record, track
from .cli import FactsArg, JsonOpt, _fail, _store, app
from .errors import AfterwordError, InputError
from .facts import MAX_INPUT_BYTES, decode_text, load_facts
from .terminal import echo

AppArg = Annotated[str, typer.Argument(help="The application: its id, or words of its company.")]
_YMD = ["%Y-%m-%d"]
TodayOpt = Annotated[
    dt.datetime | None,
    typer.Option(formats=_YMD, help="Plan as if today were this day (default: today)."),
]
_FLAGS = {"overdue": "OVERDUE", "due": "TODAY", "upcoming": "", "done": "done"}


def _day(value: dt.datetime | None, default: dt.date | None = None) -> dt.date:
    return value.date() if value else (default or dt.date.today())


@app.command()
def plan(
    facts_file: FactsArg,
    ics: Annotated[Path | None, typer.Option(help="Write the plan as a calendar file.")] = None,
    as_json: JsonOpt = False,
    today: TodayOpt = None,
) -> None:
    """Print the follow-up timeline: what to send when, and why."""
    from .plan import build_plan, plan_ics

    try:
        facts = load_facts(facts_file)
    except AfterwordError as err:
        _fail(err)
    day = today.date() if today else dt.date.today()
    steps = build_plan(facts, day)
    if ics is not None:
        ics.write_bytes(plan_ics(steps, facts, day))
    if as_json:
        echo(json.dumps({"steps": [s.model_dump(mode="json") for s in steps]}, indent=2))
        return
    if not steps:
        echo("No follow-ups: the facts give no interview or offer dates.")
    for s in steps:
        extra = " (optional)" if s.optional else ""
        echo(f"{s.due:%a %Y-%m-%d} {_FLAGS[s.status]:8} {s.action}{extra}\n{'':24}{s.why}")
    if ics is not None:
        ahead = sum(1 for s in steps if s.due >= day)
        echo(f"\nCalendar written to {ics} ({ahead} events; past days left out).")


@app.command("track")
def track_cmd(
    facts_file: Annotated[Path, typer.Argument(help="Facts file (YAML or JSON).")],
) -> None:
    """Add an application (or new facts for one) to the history, without drafting."""
    try:
        facts = load_facts(facts_file)
    except AfterwordError as err:
        _fail(err)
    store = _store()
    app_id = track(store, facts)
    echo(f"Tracking application {app_id}: {facts.company}: {facts.position or ''}")


@app.command("event")
def event_cmd(
    application: AppArg,
    kind: Annotated[str, typer.Argument(help="What happened: " + ", ".join(EVENT_KINDS))],
    on: Annotated[
        dt.datetime | None, typer.Option(formats=_YMD, help="The day it happened (default: today).")
    ] = None,
    date: Annotated[
        dt.datetime | None, typer.Option(formats=_YMD, help="interviewed/promised: the date.")
    ] = None,
    respond_by: Annotated[
        dt.datetime | None, typer.Option(formats=_YMD, help="offer: the answer deadline.")
    ] = None,
    start_date: Annotated[
        dt.datetime | None, typer.Option(formats=_YMD, help="offer: the start date.")
    ] = None,
    salary: Annotated[str | None, typer.Option(help="offer: the salary as offered.")] = None,
    what: Annotated[str | None, typer.Option(help="request: what they asked for.")] = None,
    due: Annotated[dt.datetime | None, typer.Option(formats=_YMD, help="request: by when.")] = None,
    letter: Annotated[str | None, typer.Option(help="sent: the letter kind.")] = None,
    to: Annotated[str | None, typer.Option(help="sent: to whom.")] = None,
) -> None:
    """Record what happened to an application; its plan moves with it."""
    if kind not in EVENT_KINDS:
        echo(f"afterword: kind: expected one of {', '.join(EVENT_KINDS)}", err=True)
        raise typer.Exit(2)
    given = {
        "date": date and date.date().isoformat(),
        "respond_by": respond_by and respond_by.date().isoformat(),
        "start_date": start_date and start_date.date().isoformat(),
        "salary": salary,
        "what": what,
        "due": due and due.date().isoformat(),
        "kind": letter,
        "recipient": to,
    }
    detail = {k: v for k, v in given.items() if v}
    needs = {"interviewed": "date", "promised": "date", "request": "what", "sent": "kind"}
    if kind in needs and needs[kind] not in detail:
        flag = {"kind": "--letter", "what": "--what", "date": "--date"}[needs[kind]]
        _fail(InputError(f"{flag}: a {kind} event needs it"))
    store = _store()
    try:
        target = find(applications(store), application)
    except AfterwordError as err:
        _fail(err)
    event = Event.model_validate({"kind": kind, "day": _day(on), "detail": detail})
    record(store, target.id, event)
    echo(f"{target.label}: {kind} recorded for {event.day}.")


@app.command("reply")
def reply_cmd(
    application: AppArg,
    reply_file: Annotated[Path, typer.Argument(help="The recruiter's email: .eml or text.")],
    yes: Annotated[bool, typer.Option("--yes", help="Record what it says.")] = False,
    today: TodayOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Read a recruiter's reply, show what it says, and (with --yes) move the application."""
    from .replies import email_text, read_reply, reply_events

    try:
        raw = reply_file.read_bytes()
        text = (
            email_text(raw)
            if reply_file.suffix.lower() == ".eml"
            else decode_text(raw, str(reply_file), limit=MAX_INPUT_BYTES)
        )
        store = _store()
        target = find(applications(store), application)
    except OSError as err:
        _fail(InputError(f"{reply_file}: cannot be read ({err.strerror})"))
    except AfterwordError as err:
        _fail(err)
    day = _day(today)
    found = read_reply(text, day)
    events = reply_events(found, day)
    if as_json:
        payload = {
            "said": [s.model_dump(mode="json") for s in found.said],
            "events": [e.model_dump(mode="json") for e in events],
        }
        echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        for warning in found.warnings:
            echo(f"! {warning}")
        for s in found.said:
            when = f" ({s.date})" if s.date else ""
            echo(f'{s.what:10} "{s.value}"{when}  [{s.start}-{s.end}]')
        if not found.said:
            echo("Nothing found beyond a reply: no offer, rejection, date or request.")
    if yes:
        for event in events:
            record(store, target.id, event)
        echo(f"Recorded {len(events)} event(s) for {target.label}.")
    elif not as_json:
        echo("Check the above, then run again with --yes to record it.")


@app.command("status")
def status_cmd(
    ics: Annotated[Path | None, typer.Option(help="Write every owed letter to a calendar.")] = None,
    today: TodayOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List what is owed to whom, and by when, across every application, most urgent first."""
    from .plan import plan_ics
    from .status import owed

    day = _day(today)
    apps = applications(_store())
    steps = owed(apps, day)
    if ics is not None:
        ics.write_bytes(plan_ics(steps, None, day))
    if as_json:
        payload = {
            "today": day.isoformat(),
            "applications": [{"id": a.id, "label": a.label, "state": a.state} for a in apps],
            "steps": [s.model_dump(mode="json") for s in steps],
        }
        echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    if not apps:
        echo("No applications yet: draft a letter or `afterword track FACTS`.")
    for a in apps:
        echo(f"[{a.id}] {a.label}: {a.state}")
    echo("")
    for s in steps:
        extra = " (proposed: confirm before sending)" if s.proposed else ""
        extra += " (optional)" if s.optional else ""
        echo(f"{s.due:%a %Y-%m-%d} {_FLAGS[s.status]:8} {s.application} | {s.kind}")
        echo(f"{'':24}{s.action}{extra}\n{'':24}{s.why}")
    if ics is not None:
        echo(f"\nCalendar written to {ics} (one event per owed letter, updated in place).")
