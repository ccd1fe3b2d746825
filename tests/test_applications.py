"""Every application in flight: events move the plans; status and its calendar show them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from afterword.applications import Event, applications, find, record, track
from afterword.cli import app
from afterword.errors import InputError
from afterword.facts import load_facts
from afterword.status import owed
from afterword.store import Store

from .conftest import EXAMPLES

D = dt.date
APPS = EXAMPLES / "applications"
TODAY = "2026-12-04"


def _cli(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _steps(today: str = TODAY) -> set[tuple[str, str, str, bool]]:
    data = json.loads(_cli("status", "--json", "--today", today))
    return {
        (s["application"].split(":")[0], s["kind"], s["due"], s["proposed"]) for s in data["steps"]
    }


@pytest.fixture
def three(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three applications: an offer (accepted later), one past its promised date, a verbal offer."""
    monkeypatch.setenv("AFTERWORD_DB", str(tmp_path / "history.db"))
    for name in ("lindqvist", "harbor", "kowalski"):
        _cli("track", str(APPS / f"{name}.yaml"))
    _cli("event", "kowalski", "verbal_offer", "--on", "2026-12-03")
    return tmp_path


def test_three_applications_before_and_after_accepting_one(three: Path) -> None:
    assert _steps() == {
        ("Harbor & Finch", "inquiry", "2026-12-01", False),  # promised Nov 30, nothing came
        ("Harbor & Finch", "phone_follow_up", "2026-12-04", False),  # then the call
        ("Harbor & Finch", "stay_in_touch", "2027-05-18", False),
        ("Kowalski Analytics", "written_offer_request", "2026-12-04", False),  # verbal offer
        ("Lindqvist & Berg", "acceptance", "2026-12-04", False),
    }
    _cli("event", "lindqvist", "accepted", "--on", TODAY)
    after = _steps()
    assert after == {
        ("Harbor & Finch", "inquiry", "2026-12-01", False),
        ("Harbor & Finch", "phone_follow_up", "2026-12-04", False),
        ("Harbor & Finch", "stay_in_touch", "2027-05-18", False),
        ("Harbor & Finch", "withdrawal", "2026-12-07", True),  # proposed, to confirm
        ("Kowalski Analytics", "written_offer_request", "2026-12-04", False),
        ("Kowalski Analytics", "decline", "2026-12-07", True),  # it holds an offer
        ("Lindqvist & Berg", "resignation", "2026-12-07", False),
        ("Lindqvist & Berg", "thanks_after_landing", "2026-12-08", False),  # Alan Brooks
    }
    text = _cli("status", "--today", TODAY)
    assert text.index("OVERDUE") < text.index("TODAY") < text.index("2026-12-07")
    assert "Tell Grace Chen the news" in text and "Tell Alan Brooks the news" in text
    assert "(proposed: confirm before sending)" in text
    _cli("event", "harbor", "withdrawn", "--on", TODAY)
    _cli("event", "kowalski", "keep_open", "--on", TODAY)
    left = {(a, k) for a, k, _, _ in _steps()}
    assert not any(a == "Harbor & Finch" for a, _ in left)
    assert ("Kowalski Analytics", "decline") not in left


def test_one_calendar_for_every_application_updated_in_place(three: Path) -> None:
    out = three / "all.ics"
    _cli("status", "--today", TODAY, "--ics", str(out))
    first = {
        str(e["uid"]): e.decoded("dtstart")
        for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    }
    assert len(first) == 4  # the past inquiry is left out; the other four are ahead
    _cli("event", "harbor", "promised", "--date", "2026-12-09", "--on", TODAY)
    _cli("status", "--today", TODAY, "--ics", str(out))
    second = {
        str(e["uid"]): e.decoded("dtstart")
        for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    }
    moved = {uid for uid in first if uid in second and first[uid] != second[uid]}
    assert moved, "a new promised date moves the inquiry and the call under the same UIDs"
    assert set(first) <= set(second)


@pytest.mark.parametrize(
    ("events", "today", "want"),
    [
        (
            [Event(kind="rejected", day=D(2026, 12, 2))],
            D(2026, 12, 4),
            {("stay_in_touch", D(2027, 6, 2))},
        ),
        (
            [Event(kind="rejected", day=D(2026, 1, 10))],
            D(2026, 12, 4),
            {("stay_in_touch", D(2027, 1, 10))},
        ),
        (
            [Event(kind="answered", day=D(2026, 12, 1))],
            D(2026, 12, 4),
            {("stay_in_touch", D(2027, 5, 18))},
        ),
        (
            [
                Event(
                    kind="request",
                    day=D(2026, 12, 2),
                    detail={"what": "two references", "due": "2026-12-08"},
                )
            ],
            D(2026, 12, 4),
            {
                ("inquiry", D(2026, 12, 1)),
                ("phone_follow_up", D(2026, 12, 4)),
                ("stay_in_touch", D(2027, 5, 18)),
                ("promised_follow_up", D(2026, 12, 7)),
            },
        ),
        ([Event(kind="withdrawn", day=D(2026, 12, 2))], D(2026, 12, 4), set()),
        ([Event(kind="declined", day=D(2026, 12, 2))], D(2026, 12, 4), set()),
        (
            [
                Event(
                    kind="sent",
                    day=D(2026, 12, 2),
                    detail={"kind": "inquiry", "recipient": "Laura Whitfield"},
                )
            ],
            D(2026, 12, 4),
            {
                ("inquiry", D(2026, 12, 1)),
                ("phone_follow_up", D(2026, 12, 4)),
                ("stay_in_touch", D(2027, 5, 18)),
            },
        ),
    ],
)
def test_events_move_the_plan(
    events: list[Event], today: D, want: set[tuple[str, D]], tmp_path: Path
) -> None:
    store = Store(tmp_path / "h.db")
    app_id = track(store, load_facts(APPS / "harbor.yaml"))
    for event in events:
        record(store, app_id, event)
    steps = owed(applications(store), today)
    assert {(s.kind, s.due) for s in steps} == want
    sent = [s for s in steps if s.status == "done"]
    assert all(e.kind != "sent" for e in events) or [s.kind for s in sent] == ["inquiry"]


@pytest.mark.parametrize(
    ("over", "state"),
    [
        ({}, "waiting"),
        ({"next_step": None}, "interviewed"),
        ({"next_step": None, "interview": None}, "applied"),
        ({"offer": {"received": "2026-12-01"}}, "offer"),
    ],
)
def test_state_comes_from_facts_and_events(
    over: dict[str, Any], state: str, tmp_path: Path
) -> None:
    from afterword.facts import facts_from_mapping, merge

    store = Store(tmp_path / "h.db")
    base = load_facts(APPS / "harbor.yaml").model_dump(mode="json")
    track(store, facts_from_mapping(merge(base, over)))
    assert applications(store)[0].state == state


def test_an_unknown_application_names_the_ones_there_are(tmp_path: Path) -> None:
    store = Store(tmp_path / "h.db")
    track(store, load_facts(APPS / "harbor.yaml"))
    with pytest.raises(InputError, match="Harbor & Finch"):
        find(applications(store), "acme")


def test_event_kind_and_missing_detail_are_usage_errors(three: Path) -> None:
    bad = CliRunner().invoke(app, ["event", "harbor", "hired"])
    assert bad.exit_code == 2 and "kind: expected one of" in bad.output
    missing = CliRunner().invoke(app, ["event", "harbor", "promised"])
    assert missing.exit_code == 2 and "--date" in missing.output
