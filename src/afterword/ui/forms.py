"""A form that asks only what a letter kind needs (kinds.py), and turns it into facts."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import streamlit as st

from ..extract import HONORIFIC_CHOICES
from ..kinds import spec_for
from ..models import Kind

Widget = Literal["text", "date", "lines"]
FIELDS: dict[str, tuple[str, Widget]] = {
    "position": ("Position", "text"),
    "company": ("Company", "text"),
    "candidate.current_employer": ("Your current employer", "text"),
    "interview.date": ("Interview date", "date"),
    "interview.points": ("What you discussed (one per line)", "lines"),
    "interview.strengths": ("Strengths they cared about (one per line)", "lines"),
    "next_step.text": ("Next step, as a phrase (e.g. hear back on Monday)", "text"),
    "next_step.date": ("The date you were told to expect news", "date"),
    "offer.salary": ("Salary, exactly as offered", "text"),
    "offer.start_date": ("Start date", "date"),
    "offer.respond_by": ("Offer's response deadline", "date"),
    "offer.received": ("Date the offer arrived", "date"),
    "decision.reason": ("Your reason", "text"),
    "decision.requested_date": ("The date you will answer by", "date"),
    "decision.last_day": ("Your last day", "date"),
    "news": ("Your news since you met", "text"),
    "candidate.phone": ("Your phone number (said twice in the voicemail)", "text"),
    "promise.what": ("What you promised to send (e.g. a writing sample)", "text"),
    "promise.due": ("The day you promised it by", "date"),
}
OPTIONAL: dict[Kind, tuple[str, ...]] = {
    Kind.INQUIRY: ("interview.points",),
    Kind.EXTENSION: ("offer.respond_by",),
    Kind.ACCEPTANCE: ("offer.received",),
    Kind.DECLINE: ("offer.respond_by",),
    Kind.RESIGNATION: ("position", "company", "decision.reason"),
    Kind.REFERENCE_UPDATE: ("interview.points", "interview.strengths", "next_step.text"),
    Kind.NETWORKING_THANKS: ("interview.points", "next_step.text"),
    Kind.STAY_IN_TOUCH: ("interview.date", "news"),
    Kind.WITHDRAWAL: (),
    Kind.THANK_YOU: ("interview.strengths", "next_step.text"),
    Kind.WRITTEN_OFFER_REQUEST: ("offer.salary", "offer.start_date", "offer.respond_by"),
    Kind.PHONE_FOLLOW_UP: ("next_step.date",),
    Kind.PROMISED_FOLLOW_UP: ("interview.points", "next_step.text"),
    Kind.REFERENCE_CHECK_IN: ("interview.points", "interview.strengths"),
    Kind.THANKS_AFTER_LANDING: ("offer.start_date",),
}


def _set(data: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value


def kind_form(kind: Kind, prefix: str, preset: dict[str, Any] | None = None) -> dict[str, Any]:
    """Ask for the recipient and the facts this kind needs; return a facts mapping."""
    preset = preset or {}
    data: dict[str, Any] = {"kind": kind.value}
    c1, c2, c3 = st.columns([3, 1, 2])
    person = {
        "name": c1.text_input("Recipient's name", key=f"{prefix}_rname"),
        "honorific": c2.selectbox(
            "Title",
            HONORIFIC_CHOICES,
            key=f"{prefix}_rhon",
            format_func=lambda x: x or "(none)",
        ),
        "title": c3.text_input("Their job title (optional)", key=f"{prefix}_rtitle"),
        "first_name_ok": st.checkbox(
            "They asked me to use their first name", key=f"{prefix}_rfirst"
        ),
    }
    if kind is Kind.THANKS_AFTER_LANDING:
        person["helped"] = st.text_input(
            "What they did for you (e.g. introducing me to the hiring team)",
            key=f"{prefix}_rhelped",
        ).strip()
    data["recipients"] = [{k: v for k, v in person.items() if v}]
    spec = spec_for(kind)
    wanted = ["company", *(f for f, _ in spec.required), *OPTIONAL.get(kind, ())]
    for dotted in dict.fromkeys(wanted):
        label, widget = FIELDS[dotted]
        required = dotted in {f for f, _ in spec.required} or dotted == "company"
        label = label if required else f"{label} (optional)"
        key = f"{prefix}_{dotted}"
        value: Any
        if widget == "date":
            value = st.date_input(label, value=preset.get(dotted), key=key)
            value = value.isoformat() if isinstance(value, dt.date) else None
        elif widget == "lines":
            value = [x.strip() for x in st.text_area(label, key=key).splitlines() if x.strip()]
        else:
            value = st.text_input(label, value=preset.get(dotted, ""), key=key).strip()
        if value:
            _set(data, dotted, value)
    if kind is Kind.PHONE_FOLLOW_UP:  # spoken: a voicemail and a call script
        data["channel"] = "phone"
        return data
    data["channel"] = (
        st.segmented_control(
            "Send as", ["email", "card", "letter"], default="email", key=f"{prefix}_channel"
        )
        or "email"
    )
    return data
