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
from .text import show_plain


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
                # The form's boxes keep what they showed unless cleared: a second offer read
                # would otherwise be answered with the first one's company, pay and contact.
                for key in [k for k in st.session_state if str(k).startswith("o_")]:
                    del st.session_state[key]
    if not ws.get("offer"):
        return
    found = OfferFacts.model_validate(ws["offer"]["found"])
    for warning in found.warnings:
        show_plain(warning, "warning")
    marks = [
        Finding(rule=name, severity="suggestion", message=name, start=f.start, end=f.end)
        for name in ("company", "position", "salary", "start_date", "respond_by", "contact")
        if (f := getattr(found, name)) is not None
    ]
    with st.expander("Where each fact came from", expanded=True):
        show_marked(ws["offer"]["text"], marks)
    _offer_form(ws, found, profile)


def _offer_form(ws: dict[str, Any], found: OfferFacts, profile: dict[str, str]) -> None:
    kept: dict[str, Any] = ws.setdefault("offer_form", {})  # typed entries survive a reload
    chosen = _choose_conflicts(found)

    def value(name: str) -> str:
        if name in chosen:
            return chosen[name]
        if name in kept:
            return str(kept[name] or "")
        if name == "email":  # the address signed under the contact's name
            return (found.contact.email or "") if found.contact else ""
        field = getattr(found, name, None)
        return str(field.value) if field else ""

    def remember(name: str, got: Any) -> Any:
        kept[name] = got.isoformat() if isinstance(got, dt.date) else got
        return got

    st.subheader("Confirm the offer's facts")
    c1, c2 = st.columns(2)
    company = remember("company", c1.text_input("Company", value("company"), key="o_company"))
    position = remember("position", c2.text_input("Position", value("position"), key="o_position"))
    salary = remember(
        "salary",
        c1.text_input(
            "Salary, as offered", value("salary"), key=_key("o_salary", chosen.get("salary"))
        ),
    )
    start = remember(
        "start_date",
        c2.date_input(
            "Start date", _day(value("start_date")), key=_key("o_start", chosen.get("start_date"))
        ),
    )
    respond = remember(
        "respond_by", c1.date_input("Answer by", _day(value("respond_by")), key="o_respond")
    )
    received = remember(
        "received",
        c2.date_input(
            "Offer received", _day(value("received")) or dt.date.today(), key="o_received"
        ),
    )
    contact = remember("contact", c1.text_input("Write to", value("contact"), key="o_contact"))
    email = remember(
        "email",
        c2.text_input("Their email (for the .eml and mail link)", value("email"), key="o_email"),
    )
    seen = kept.get("honorific", found.contact.honorific if found.contact else None)
    honorific = remember(
        "honorific",
        c1.selectbox(
            "Their title",
            HONORIFIC_CHOICES,
            index=HONORIFIC_CHOICES.index(seen) if seen in HONORIFIC_CHOICES else 0,
            key="o_hon",
            format_func=lambda x: x or "(none)",
        ),
    )
    answers = ["Accept", "Decline", "Ask for more time"]
    if found.verbal:  # a verbal offer is first confirmed in writing
        answers.insert(0, "Ask for it in writing")
    default = kept.get("choice", answers[0])
    choice = remember(
        "choice",
        st.radio(
            "Your answer",
            answers,
            index=answers.index(default) if default in answers else 0,
            horizontal=True,
            key="o_choice",
        ),
    )
    decision: dict[str, Any] = {}
    if choice == "Decline":
        decision["reason"] = remember(
            "reason",
            st.text_input(
                "Your reason (e.g. a role closer to my family)", value("reason"), key="o_reason"
            ),
        )
    if choice == "Ask for more time":
        decision["reason"] = remember(
            "ext_reason",
            st.text_input(
                "Why you need time (e.g. I have another interview next week)",
                value("ext_reason"),
                key="o_ext_reason",
            ),
        )
        asked = remember(
            "requested_date",
            st.date_input(
                "The date you will answer by", _day(value("requested_date")), key="o_ext_date"
            ),
        )
        decision["requested_date"] = asked.isoformat() if isinstance(asked, dt.date) else None
    if st.button("Draft the letter", type="primary", key="offer_draft"):
        kind = {
            "Accept": "acceptance",
            "Decline": "decline",
            "Ask for it in writing": "written_offer_request",
        }.get(choice, "extension")
        offer = {
            "salary": salary or None,
            "received": received.isoformat() if received else None,
            "start_date": start.isoformat() if isinstance(start, dt.date) else None,
            "respond_by": respond.isoformat() if isinstance(respond, dt.date) else None,
        }
        person = {"name": contact, "honorific": honorific or None, "email": email or None}
        data = {
            "kind": kind,
            "company": company,
            "position": position or None,
            "recipients": [{k: v for k, v in person.items() if v}] if contact else [],
            "offer": {k: v for k, v in offer.items() if v},
            "decision": {k: v for k, v in decision.items() if v} or None,
        }
        if not contact.strip():
            st.error("Write to: add the name of the person to address (the offer names none).")
            return
        facts = guarded(with_profile, data, profile, "the form")
        letters = guarded(draft, facts) if facts is not None else None
        if letters is not None:
            notes = (
                ["this offer was made verbally: ask for it in writing before you accept"]
                if found.verbal and kind != "written_offer_request"
                else []
            )
            ws["offer_letters"] = [
                x.model_copy(update={"notices": [*notes, *x.notices]}).model_dump(mode="json")
                for x in letters
            ]
            ws["offer_facts"] = facts.model_dump(mode="json")
    _show_saved(ws.get("offer_letters", []), ws.get("offer_facts"), "offer")


def _choose_conflicts(found: OfferFacts) -> dict[str, str]:
    """Ask which value is right where the offer gives two; nothing is picked for the person."""
    chosen: dict[str, str] = {}
    for conflict in found.conflicts:
        label = conflict.field.replace("_", " ")
        picked = st.radio(
            f"The offer gives different values for the {label}: which one were you offered?",
            [o.value for o in conflict.options],
            index=None,
            key=f"o_conflict_{conflict.field}",
        )
        if picked is not None:
            chosen[conflict.field] = str(picked)
    return chosen


def _key(base: str, picked: str | None) -> str:
    """Name a field's widget after the value picked for it, so a new pick refills the field."""
    return f"{base}:{picked}" if picked else base


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
