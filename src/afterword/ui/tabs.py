"""The offer and other-letters tabs: paste an offer and answer it; draft any other kind."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from ..extract import HONORIFIC_CHOICES
from ..kinds import SPECS
from ..models import Facts, Finding, Kind, Letter
from ..offers import OfferFacts, extract
from . import session
from .check import OFFER_LIMIT, too_long
from .forms import kind_form
from .letters import draft, guarded, show_letter, show_marked, with_profile


def _show_saved(letters: list[dict[str, Any]], facts: dict[str, Any] | None, key: str) -> None:
    parsed = Facts.model_validate(facts) if facts else None
    for i, raw in enumerate(letters):
        show_letter(Letter.model_validate(raw), parsed, key=f"{key}-{i}")


def offer_tab(profile: dict[str, str]) -> None:
    """Paste an offer, confirm its facts, then accept, decline or ask for more time."""
    ws = session.workspace()
    text = st.text_area(
        "Paste the offer (email or letter)",
        ws.get("offer_text", ""),
        height=220,
        key="offer_text",
    )
    ws["offer_text"] = text
    over = too_long(text, OFFER_LIMIT, "The offer you pasted")
    if st.button("Read the offer", key="read_offer") and not over:
        if not text.strip():
            st.error("Paste the offer's text first.")
        else:
            got = guarded(extract, text)
            if got is not None:
                ws["offer"] = {"text": got[0], "found": got[1].model_dump(mode="json")}
                ws["offer_letters"] = []
                ws["offer_form"] = {}
    if not ws.get("offer"):
        return
    found = OfferFacts.model_validate(ws["offer"]["found"])
    for warning in found.warnings:
        st.warning(warning)
    marks = [
        Finding(rule=name, severity="suggestion", message=name, start=f.start, end=f.end)
        for name in ("company", "position", "salary", "start_date", "respond_by", "contact")
        if (f := getattr(found, name)) is not None
    ]
    with st.expander("Where each fact came from", expanded=True):
        show_marked(ws["offer"]["text"], marks)
    _offer_form(ws, found, profile)


class _Kept:
    """The offer form's entries, kept in the workspace so they survive a reload; a value not
    typed yet comes from what was found in the offer."""

    def __init__(self, ws: dict[str, Any], found: OfferFacts) -> None:
        self.kept: dict[str, Any] = ws.setdefault("offer_form", {})
        self.found = found

    def value(self, name: str) -> str:
        """Return the entry as typed, or as found in the offer, or empty."""
        if name in self.kept:
            return str(self.kept[name] or "")
        field = getattr(self.found, name, None)
        return str(field.value) if field else ""

    def day(self, name: str) -> dt.date | None:
        """Return a date entry."""
        return _day(self.value(name))

    def __call__(self, name: str, got: Any) -> Any:
        """Keep what a widget returned and hand it back."""
        self.kept[name] = got.isoformat() if isinstance(got, dt.date) else got
        return got


def _offer_fields(keep: _Kept) -> dict[str, Any]:
    st.subheader("Confirm the offer's facts")
    c1, c2 = st.columns(2)
    got = {
        "company": c1.text_input("Company", keep.value("company"), key="o_company"),
        "position": c2.text_input("Position", keep.value("position"), key="o_position"),
        "salary": c1.text_input("Salary, as offered", keep.value("salary"), key="o_salary"),
        "start_date": c2.date_input("Start date", keep.day("start_date"), key="o_start"),
        "respond_by": c1.date_input("Answer by", keep.day("respond_by"), key="o_respond"),
        "received": c2.date_input(
            "Offer received", keep.day("received") or dt.date.today(), key="o_received"
        ),
        "contact": c1.text_input("Write to", keep.value("contact"), key="o_contact"),
        "email": c2.text_input(
            "Their email (for the .eml and mail link)", keep.value("email"), key="o_email"
        ),
    }
    found = keep.found.contact.honorific if keep.found.contact else None
    seen = keep.kept.get("honorific", found)
    got["honorific"] = c1.selectbox(
        "Their title",
        HONORIFIC_CHOICES,
        index=HONORIFIC_CHOICES.index(seen) if seen in HONORIFIC_CHOICES else 0,
        key="o_hon",
        format_func=lambda x: x or "(none)",
    )
    return {name: keep(name, value) for name, value in got.items()}


_ANSWERS = ["Accept", "Decline", "Ask for more time"]


def _decision_fields(keep: _Kept) -> tuple[str, dict[str, Any]]:
    choice = keep(
        "choice",
        st.radio(
            "Your answer",
            _ANSWERS,
            index=_ANSWERS.index(keep.kept.get("choice", "Accept")),
            horizontal=True,
            key="o_choice",
        ),
    )
    decision: dict[str, Any] = {}
    if choice == "Decline":
        label = "Your reason (e.g. a role closer to my family)"
        decision["reason"] = keep(
            "reason", st.text_input(label, keep.value("reason"), key="o_reason")
        )
    if choice == "Ask for more time":
        label = "Why you need time (e.g. I have another interview next week)"
        decision["reason"] = keep(
            "ext_reason", st.text_input(label, keep.value("ext_reason"), key="o_ext_reason")
        )
        asked = keep(
            "requested_date",
            st.date_input(
                "The date you will answer by", keep.day("requested_date"), key="o_ext_date"
            ),
        )
        decision["requested_date"] = asked.isoformat() if isinstance(asked, dt.date) else None
    return choice, decision


def _offer_form(ws: dict[str, Any], found: OfferFacts, profile: dict[str, str]) -> None:
    keep = _Kept(ws, found)
    fields = _offer_fields(keep)
    choice, decision = _decision_fields(keep)
    if st.button("Draft the letter", type="primary", key="offer_draft"):
        if not str(fields["contact"]).strip():
            st.error("Write to: add the name of the person to address (the offer names none).")
            return
        _draft_offer(ws, found, profile, _offer_data(fields, choice, decision))
    _show_saved(ws.get("offer_letters", []), ws.get("offer_facts"), "offer")


def _offer_data(fields: dict[str, Any], choice: str, decision: dict[str, Any]) -> dict[str, Any]:
    def iso(day: Any) -> str | None:
        return day.isoformat() if isinstance(day, dt.date) else None

    offer = {
        "salary": fields["salary"] or None,
        "received": iso(fields["received"]),
        "start_date": iso(fields["start_date"]),
        "respond_by": iso(fields["respond_by"]),
    }
    person = {
        "name": fields["contact"],
        "honorific": fields["honorific"] or None,
        "email": fields["email"] or None,
    }
    return {
        "kind": {"Accept": "acceptance", "Decline": "decline"}.get(choice, "extension"),
        "company": fields["company"],
        "position": fields["position"] or None,
        "recipients": [{k: v for k, v in person.items() if v}],
        "offer": {k: v for k, v in offer.items() if v},
        "decision": {k: v for k, v in decision.items() if v} or None,
    }


def _draft_offer(
    ws: dict[str, Any], found: OfferFacts, profile: dict[str, str], data: dict[str, Any]
) -> None:
    facts = guarded(with_profile, data, profile, "the form")
    letters = guarded(draft, facts) if facts is not None else None
    if letters is None:
        return
    notes = (
        ["this offer was made verbally: ask for it in writing before you accept"]
        if found.verbal
        else []
    )
    ws["offer_letters"] = [
        x.model_copy(update={"notices": [*notes, *x.notices]}).model_dump(mode="json")
        for x in letters
    ]
    ws["offer_facts"] = facts.model_dump(mode="json")


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


OTHER_KINDS = [
    Kind.INQUIRY,
    Kind.PHONE_FOLLOW_UP,
    Kind.WRITTEN_OFFER_REQUEST,
    Kind.PROMISED_FOLLOW_UP,
    Kind.REFERENCE_CHECK_IN,
    Kind.THANKS_AFTER_LANDING,
    Kind.WITHDRAWAL,
    Kind.RESIGNATION,
    Kind.REFERENCE_UPDATE,
    Kind.NETWORKING_THANKS,
    Kind.STAY_IN_TOUCH,
    Kind.EXTENSION,
    Kind.ACCEPTANCE,
    Kind.DECLINE,
    Kind.THANK_YOU,
]


def other_tab(profile: dict[str, str]) -> None:
    """Draft any other kind from a form that asks only what the kind needs."""
    ws = session.workspace()
    kind = st.selectbox(
        "Which letter?",
        OTHER_KINDS,
        key="other_kind",
        format_func=lambda k: f"{SPECS[k].title}: {SPECS[k].purpose}",
    )
    data = kind_form(kind, "other")
    if st.button("Draft the letter", type="primary", key="other_draft"):
        facts = guarded(with_profile, data, profile, "the form")
        letters = guarded(draft, facts) if facts is not None else None
        if letters is not None:
            ws["other_letters"] = [x.model_dump(mode="json") for x in letters]
            ws["other_facts"] = facts.model_dump(mode="json")
    _show_saved(ws.get("other_letters", []), ws.get("other_facts"), "other")
