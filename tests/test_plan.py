"""The follow-up plan: the advice's steps on the right dates, and an .ics that parses back."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from afterword.cli import app
from afterword.models import Facts
from afterword.plan import add_business_days, build_plan, plan_ics

D = dt.date


def _facts(**over: object) -> Facts:
    data: dict[str, object] = {
        "kind": "thank_you",
        "sent_on": "2026-11-20",
        "candidate": {"name": "Jane Doe"},
        "company": "ABC Company",
        "position": "Senior Sales Consultant",
        "recipients": [{"name": "Tom Jones", "honorific": "Mr."}, {"name": "Priya Raman"}],
        "references": [{"name": "Alan Brooks"}],
        "contact": {"name": "Grace Chen"},
        "interview": {"date": "2026-11-20", "points": ["European expansion"]},  # a Friday
        "next_step": {"date": "2026-11-27"},  # a Friday
    }
    data.update(over)
    return Facts.model_validate(data)


OFFER = {"received": "2026-12-10", "respond_by": "2026-12-14"}
TODAY = D(2026, 11, 20)


def _due(facts: Facts) -> dict[tuple[str, str | None, bool], D]:
    return {(s.kind, s.recipient, s.optional): s.due for s in build_plan(facts, TODAY)}


def test_realistic_application_plan() -> None:
    due = _due(_facts())
    assert due[("thank_you", "Tom Jones", False)] == D(2026, 11, 21)  # within 24 hours
    assert due[("thank_you", "Priya Raman", False)] == D(2026, 11, 21)
    assert due[("thank_you", "Tom Jones", True)] == D(2026, 11, 20)  # card mailed same day
    assert due[("reference_update", "Alan Brooks", False)] == D(2026, 11, 20)
    assert due[("networking_thanks", "Grace Chen", False)] == D(2026, 11, 21)
    assert due[("inquiry", "Tom Jones", False)] == D(2026, 11, 30)  # Friday promise -> Monday
    assert due[("phone_follow_up", "Tom Jones", True)] == D(2026, 12, 3)  # three days later
    assert due[("stay_in_touch", "Tom Jones", True)] == D(2027, 5, 20)
    assert due[("reference_check_in", "Alan Brooks", True)] == D(2026, 11, 27)
    offered = _due(_facts(offer=OFFER))
    assert offered[("acceptance", None, False)] == D(2026, 12, 14)  # deadline before day five
    assert offered[("extension", None, True)] == D(2026, 12, 11)  # Saturday moves to Friday
    assert "inquiry" not in {kind for kind, _, _ in offered}  # the decision came


def test_promised_date_already_passed_is_overdue() -> None:
    steps = build_plan(_facts(sent_on="2026-11-20"), D(2026, 12, 3))
    inquiry = next(s for s in steps if s.kind == "inquiry")
    assert inquiry.status == "overdue"
    assert next(s for s in steps if s.kind == "phone_follow_up").status == "due"


def test_today_is_today_not_the_send_date() -> None:
    facts = _facts(sent_on="2020-01-01")
    today = dt.date.today()
    for step in build_plan(facts):
        assert step.status == (
            "overdue" if step.due < today else "due" if step.due == today else "upcoming"
        )


@pytest.mark.parametrize(
    ("over", "kinds"),
    [
        (
            {
                "kind": "acceptance",
                "sent_on": "2026-12-11",
                "offer": OFFER,
                "candidate": {"name": "Jane Doe", "current_employer": "Emblem"},
            },
            {"resignation", "thanks_after_landing"},
        ),
        ({"kind": "acceptance", "sent_on": "2026-12-11", "offer": OFFER}, {"thanks_after_landing"}),
        ({"kind": "decline", "sent_on": "2026-12-11", "offer": OFFER}, set()),
        (
            {"kind": "written_offer_request", "offer": {"received": "2026-12-10"}},
            {
                "thank_you",
                "reference_update",
                "networking_thanks",
                "reference_check_in",
                "written_offer_request",
            },
        ),
        (
            {"promise": {"what": "a report", "due": "2026-11-25"}},
            {
                "thank_you",
                "reference_update",
                "networking_thanks",
                "reference_check_in",
                "inquiry",
                "phone_follow_up",
                "stay_in_touch",
                "promised_follow_up",
            },
        ),
    ],
)
def test_answering_an_offer_replaces_inquiries_with_what_follows(
    over: dict[str, object], kinds: set[str]
) -> None:
    steps = build_plan(_facts(**over), TODAY)
    assert {s.kind for s in steps} == kinds


def test_promise_is_planned_the_business_day_before_it_is_due() -> None:
    steps = build_plan(_facts(promise={"what": "a report", "due": "2026-11-30"}), TODAY)
    step = next(s for s in steps if s.kind == "promised_follow_up")
    assert step.due == D(2026, 11, 27) and "a report" in step.action  # Monday -> Friday


def test_no_promised_date_waits_two_business_weeks() -> None:
    steps = build_plan(_facts(next_step=None), TODAY)
    inquiry = next(s for s in steps if s.kind == "inquiry")
    assert inquiry.due == D(2026, 12, 4) and "no decision date" in inquiry.why


def test_no_dates_no_steps() -> None:
    assert build_plan(_facts(interview=None), TODAY) == []


@pytest.mark.parametrize(
    ("start", "n", "end"),
    [
        (D(2026, 11, 20), 1, D(2026, 11, 23)),
        (D(2026, 11, 21), 1, D(2026, 11, 23)),
        (D(2026, 11, 23), 5, D(2026, 11, 30)),
    ],
)
def test_business_days(start: D, n: int, end: D) -> None:
    assert add_business_days(start, n) == end


def test_ics_parses_back_with_the_same_events() -> None:
    facts = _facts()
    steps = build_plan(facts, TODAY)
    cal = Calendar.from_ical(plan_ics(steps, facts, TODAY))
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(steps)
    for event, step in zip(events, steps, strict=True):
        assert event.decoded("dtstart") == step.due
        assert str(event["summary"]) == f"{step.action} (ABC Company)"
        assert [a["action"] for a in event.walk("VALARM")] == ["DISPLAY"]
    assert len({str(e["uid"]) for e in events}) == len(events)


def test_ics_leaves_out_past_days_and_done_steps_and_keeps_uids_when_dates_move() -> None:
    facts = _facts()
    later = D(2026, 11, 28)
    steps = build_plan(facts, later)
    steps[-1].status = "done"
    events = list(Calendar.from_ical(plan_ics(steps, facts, later)).walk("VEVENT"))
    ahead = [s for s in steps[:-1] if s.due >= later]
    assert [e.decoded("dtstart") for e in events] == [s.due for s in ahead]
    moved = build_plan(_facts(next_step={"date": "2026-12-04"}), TODAY)
    uid = {s.kind: s.uid for s in build_plan(facts, TODAY)}
    assert next(s for s in moved if s.kind == "inquiry").uid == uid["inquiry"]


def test_plan_command_writes_ics(tmp_path: Path) -> None:
    facts = tmp_path / "f.json"
    facts.write_text(_facts().model_dump_json())
    out = tmp_path / "plan.ics"
    args = ["plan", str(facts), "--ics", str(out), "--today", "2026-11-20"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "Email a thank-you note to Tom Jones" in result.stdout
    assert len(list(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))) == len(
        build_plan(_facts(), TODAY)
    )


def test_plan_command_json(tmp_path: Path) -> None:
    facts = tmp_path / "f.json"
    facts.write_text(_facts().model_dump_json())
    result = CliRunner().invoke(app, ["plan", str(facts), "--json", "--today", "2026-11-20"])
    steps = json.loads(result.stdout)["steps"]
    first = {"due": "2026-11-20", "kind": "reference_update", "status": "due", "optional": False}
    assert steps[0] == {**steps[0], **first}
    assert {s["kind"] for s in steps} >= {"thank_you", "inquiry", "phone_follow_up"}


def test_two_companies_plans_never_share_a_calendar_uid() -> None:
    one = build_plan(_facts(offer=OFFER), TODAY)
    other = build_plan(_facts(offer=OFFER, company="Brennan & Doyle"), TODAY)
    assert not {s.uid for s in one} & {s.uid for s in other}
