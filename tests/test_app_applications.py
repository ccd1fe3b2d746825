"""The app's Other letters (the five later kinds) and its Applications view, through AppTest."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from afterword.applications import Event, applications, record, track
from afterword.facts import load_facts
from afterword.models import Kind
from afterword.settings import load_settings
from afterword.status import owed
from afterword.store import Store

from .conftest import EXAMPLES

APP = str(Path(__file__).resolve().parents[1] / "app.py")
TODAY = dt.date.today()


def _app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    at.sidebar.text_input(key="p_name").set_value("Jane Doe").run()
    at.sidebar.text_input(key="p_email").set_value("jane.doe@example.com").run()
    return at


FORMS: dict[Kind, dict[str, Any]] = {
    Kind.WRITTEN_OFFER_REQUEST: {"other_offer.received": TODAY - dt.timedelta(days=1)},
    Kind.PHONE_FOLLOW_UP: {
        "other_interview.date": TODAY - dt.timedelta(days=20),
        "other_candidate.phone": "+1 555 0142",
    },
    Kind.PROMISED_FOLLOW_UP: {
        "other_promise.what": "a short case study on churn",
        "other_promise.due": TODAY + dt.timedelta(days=2),
    },
    Kind.REFERENCE_CHECK_IN: {"other_interview.date": TODAY - dt.timedelta(days=7)},
    Kind.THANKS_AFTER_LANDING: {"other_rhelped": "introducing me to the hiring team"},
}


@pytest.mark.parametrize("kind", list(FORMS), ids=lambda k: k.value)
def test_other_letters_drafts_each_later_kind(kind: Kind) -> None:
    at = _app()
    at.selectbox(key="other_kind").set_value(kind).run()
    at.text_input(key="other_rname").set_value("Ngozi Okonkwo").run()
    at.selectbox(key="other_rhon").set_value("Dr.").run()
    at.text_input(key="other_company").set_value("Lekki Analytics").run()
    at.text_input(key="other_position").set_value("Data Scientist").run()
    for key, value in FORMS[kind].items():
        widget = at.date_input(key=key) if isinstance(value, dt.date) else at.text_input(key=key)
        widget.set_value(value).run()
    at.button(key="other_draft").click().run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    badges = [m.value for m in at.markdown if "-badge[" in m.value]
    assert any("To Ngozi Okonkwo: ready" in b for b in badges), badges


def _three_in_app(today: dt.date) -> tuple[Store, AppTest]:
    """The three applications kept, and the app run on `today` showing them."""
    store = _three(today)
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["apps_today"] = today.isoformat()
    at.run()
    return store, at


def _harbor(store: Store) -> int:
    return next(a.id for a in applications(store) if a.company == "Harbor & Finch")


def _three(today: dt.date) -> Store:
    store = Store(load_settings().db_path)
    ids = {}
    for name in ("lindqvist", "harbor", "kowalski"):
        ids[name] = track(store, load_facts(EXAMPLES / "applications" / f"{name}.yaml"))
    record(store, ids["kowalski"], Event(kind="verbal_offer", day=dt.date(2026, 12, 3)))
    record(store, ids["lindqvist"], Event(kind="accepted", day=today))
    return store


def test_applications_view_shows_what_status_lists() -> None:
    today = dt.date(2026, 12, 4)
    store, at = _three_in_app(today)
    assert not at.exception, at.exception
    frames = [d.value for d in at.dataframe]
    shown = next(v for v in frames if "letter" in getattr(v, "columns", []))
    rows = [(r["application"], r["letter"], r["to"], r["due"]) for _, r in shown.iterrows()]
    steps = owed(applications(store), today)
    expected = [(s.application, s.kind, s.recipient or "", s.due.isoformat()) for s in steps]
    assert rows == expected and len(rows) == 9  # the same letters, in the same order
    states = next(v for v in frames if "state" in getattr(v, "columns", []))
    assert list(states["state"]) == ["accepted", "waiting", "offer"]


def test_a_pasted_reply_is_shown_then_moves_the_application() -> None:
    today = dt.date(2026, 12, 4)
    store, at = _three_in_app(today)
    harbor = _harbor(store)
    at.selectbox(key="apps_reply_app").set_value(harbor).run()
    reply = "Thanks for waiting. We now expect to make a decision by December 11."
    at.text_area(key="apps_reply_text").set_value(reply).run()
    at.button(key="apps_reply_read").click().run()
    assert any("December 11" in m.value for m in at.markdown)
    before = {
        s.kind for s in owed(applications(store), today) if s.application.startswith("Harbor")
    }
    assert "inquiry" in before  # shown, not yet recorded
    at.button(key="apps_reply_confirm").click().run()
    assert not at.exception, at.exception
    steps = [s for s in owed(applications(store), today) if s.application.startswith("Harbor")]
    inquiry = next(s for s in steps if s.kind == "inquiry")
    assert inquiry.due == dt.date(2026, 12, 14)  # the business day after the new date


def test_a_verbal_offer_offers_the_request_for_it_in_writing() -> None:
    at = _app()
    verbal = (
        "Hi Jane, great speaking on the phone today. As discussed, we'd like to offer you the "
        "Data Scientist position at Lekki Analytics with a salary of $98,000 per year. "
        "Paperwork to follow.\nBest, Ngozi Okonkwo"
    )
    at.text_area(key="offer_text").set_value(verbal).run()
    at.button(key="read_offer").click().run()
    assert any("verbally" in w.value for w in at.warning)
    assert at.radio(key="o_choice").value == "Ask for it in writing"
    at.text_input(key="o_contact").set_value("Ngozi Okonkwo").run()
    at.selectbox(key="o_hon").set_value("Dr.").run()
    at.button(key="offer_draft").click().run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    badges = [m.value for m in at.markdown if "-badge[" in m.value]
    assert any("To Ngozi Okonkwo: ready" in b for b in badges), badges


def test_a_letter_marked_sent_in_the_app_is_done() -> None:
    today = dt.date(2026, 12, 4)
    store, at = _three_in_app(today)
    harbor = _harbor(store)
    at.selectbox(key="apps_event_app").set_value(harbor).run()
    at.selectbox(key="apps_event_kind").set_value("request").run()
    at.button(key="apps_event_record").click().run()
    assert any("what: needed" in e.value for e in at.error)  # what they asked for, named
    at.selectbox(key="apps_event_kind").set_value("sent").run()
    at.selectbox(key="apps_event_letter").set_value("inquiry").run()
    at.text_input(key="apps_event_to").set_value("Laura Whitfield").run()
    at.button(key="apps_event_record").click().run()
    assert not at.exception, at.exception
    steps = owed(applications(store), today)
    inquiry = next(s for s in steps if s.kind == "inquiry")
    assert inquiry.status == "done"
