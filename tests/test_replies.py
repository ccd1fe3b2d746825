"""A recruiter's reply read for what it says, each finding pointing at its words."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from pathlib import Path

import pytest
from typer.testing import CliRunner

from afterword.cli import app
from afterword.replies import email_text, read_reply, reply_events

from .conftest import EXAMPLES

TODAY = dt.date(2026, 12, 4)  # a Friday

REPLIES = [
    (
        "Hi Amara, thanks for your patience. The panel is still meeting; we now expect to make "
        "a decision by December 11.\nBest, Laura",
        {"new_date": "December 11"},
        {"answered", "promised"},
    ),
    (
        "Dear Ms. Okafor,\nThank you for your interest. After careful consideration we have "
        "decided not to proceed with your application at this time.",
        {"rejection": "decided not to proceed"},
        {"answered", "rejected"},
    ),
    (
        "Hello! Unfortunately the position has been filled. We will keep your CV on file.",
        {"rejection": "position has been filled"},
        {"answered", "rejected"},
    ),
    (
        "Hi Amara,\nBefore we decide, could you please send us two references by Wednesday? "
        "We'll get back to you next week.",
        {"request": "two references"},
        {"answered", "request"},
    ),
    (
        "Dear Amara,\nWe are delighted to offer you the position of Product Manager at Kowalski "
        "Analytics, with a salary of PLN 240,000 per year and a start date of January 11, 2027. "
        "Please let us know by December 10, 2026. The offer letter is attached.",
        {"offer": "delighted to offer"},
        {"answered", "offer"},
    ),
    (
        "Great speaking with you on the phone just now - as discussed, we'd like to offer you the "
        "role. Paperwork to follow.",
        {"offer": "offer you"},
        {"answered", "verbal_offer"},
    ),
    ("Thanks, got it. Speak soon.", {}, {"answered"}),
]


@pytest.mark.parametrize(("text", "said", "events"), REPLIES)
def test_what_a_reply_says_with_its_span(text: str, said: dict[str, str], events: set[str]) -> None:
    found = read_reply(text, TODAY)
    got = {s.what: s for s in found.said}
    assert set(got) == set(said)
    for what, words in said.items():
        s = got[what]
        assert words in s.value and found.text[s.start : s.end] == s.value
    assert {e.kind for e in reply_events(found, TODAY)} == events


def test_weekday_and_offer_terms_become_event_details() -> None:
    found = read_reply(REPLIES[3][0], TODAY)
    request = next(e for e in reply_events(found, TODAY) if e.kind == "request")
    assert request.detail == {"what": "two references", "due": "2026-12-09"}
    offer = next(
        e for e in reply_events(read_reply(REPLIES[4][0], TODAY), TODAY) if e.kind == "offer"
    )
    assert offer.detail["start_date"] == "2027-01-11" and offer.detail["respond_by"] == "2026-12-10"


def _eml(html: bool) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Laura Whitfield <laura@harborfinch.example>"
    msg["Subject"] = "Marketing Coordinator update"
    plain = "We now expect to make a decision by December 11."
    if html:
        msg.set_content(plain)
        msg.add_alternative(
            "<p>We now expect to <b>make a decision</b> by December 11.</p>", subtype="html"
        )
    else:
        msg.set_content(plain)
    return bytes(msg)


@pytest.mark.parametrize("html", [False, True])
def test_an_eml_is_read_from_its_body(html: bool) -> None:
    text = email_text(_eml(html))
    assert text.startswith("Subject: Marketing Coordinator update")
    assert [s.date for s in read_reply(text, TODAY).said] == [dt.date(2026, 12, 11)]


def test_reply_command_shows_then_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AFTERWORD_DB", str(tmp_path / "h.db"))
    runner = CliRunner()
    assert (
        runner.invoke(app, ["track", str(EXAMPLES / "applications" / "harbor.yaml")]).exit_code == 0
    )
    eml = tmp_path / "reply.eml"
    eml.write_bytes(_eml(True))
    shown = runner.invoke(app, ["reply", "harbor", str(eml), "--today", "2026-12-04"])
    assert shown.exit_code == 0 and "new_date" in shown.stdout and "--yes" in shown.stdout
    status = runner.invoke(app, ["status", "--today", "2026-12-04"]).stdout
    assert "inquiry" in status  # nothing recorded until confirmed
    done = runner.invoke(app, ["reply", "harbor", str(eml), "--yes", "--today", "2026-12-04"])
    assert done.exit_code == 0 and "Recorded 2 event(s)" in done.stdout
    status = runner.invoke(app, ["status", "--today", "2026-12-04"]).stdout
    assert "Tue 2026-12-01" not in status and "2026-12-14" in status  # the inquiry moved on


def test_a_missing_reply_file_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AFTERWORD_DB", str(tmp_path / "h.db"))
    result = CliRunner().invoke(app, ["reply", "harbor", str(tmp_path / "none.eml")])
    assert result.exit_code == 2 and "none.eml" in result.output
