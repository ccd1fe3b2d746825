"""The other tabs: paste an offer, other letters, check my letter, history and plan."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import streamlit as st

from ..checker import check
from ..extract import HONORIFIC_CHOICES
from ..models import Facts, Finding, Kind, Letter
from ..offers import OfferFacts, extract
from ..plan import build_plan, plan_ics
from . import session
from .forms import kind_form
from .letters import draft, guarded, show_findings, show_letter, show_marked, with_profile


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
        max_chars=100_000,
    )
    ws["offer_text"] = text
    if st.button("Read the offer", key="read_offer"):
        if not text.strip():
            st.error("Paste the offer's text first.")
        else:
            got = guarded(extract, text)
            if got is not None:
                ws["offer"] = {"text": got[0], "found": got[1].model_dump(mode="json")}
                ws["offer_letters"] = []
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


def _offer_form(ws: dict[str, Any], found: OfferFacts, profile: dict[str, str]) -> None:
    def value(name: str) -> str:
        field = getattr(found, name)
        return str(field.value) if field else ""

    st.subheader("Confirm the offer's facts")
    c1, c2 = st.columns(2)
    company = c1.text_input("Company", value("company"), key="o_company")
    position = c2.text_input("Position", value("position"), key="o_position")
    salary = c1.text_input("Salary, as offered", value("salary"), key="o_salary")
    start = c2.date_input("Start date", _day(value("start_date")), key="o_start")
    respond = c1.date_input("Answer by", _day(value("respond_by")), key="o_respond")
    received = c2.date_input("Offer received", dt.date.today(), key="o_received")
    contact = c1.text_input("Write to", value("contact"), key="o_contact")
    seen = found.contact.honorific if found.contact else None
    honorific = c2.selectbox(
        "Their title",
        HONORIFIC_CHOICES,
        index=HONORIFIC_CHOICES.index(seen) if seen in HONORIFIC_CHOICES else 0,
        key="o_hon",
        format_func=lambda x: x or "(none)",
    )
    answers = ["Accept", "Decline", "Ask for more time"]
    if found.verbal:  # a verbal offer is first confirmed in writing
        answers.insert(0, "Ask for it in writing")
    choice = st.radio("Your answer", answers, horizontal=True, key="o_choice")
    decision: dict[str, Any] = {}
    if choice == "Decline":
        decision["reason"] = st.text_input(
            "Your reason (e.g. a role closer to my family)", key="o_reason"
        )
    if choice == "Ask for more time":
        decision["reason"] = st.text_input(
            "Why you need time (e.g. I have another interview next week)", key="o_ext_reason"
        )
        asked = st.date_input("The date you will answer by", None, key="o_ext_date")
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
        person = {"name": contact, "honorific": honorific or None}
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
    from ..kinds import SPECS

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


def check_tab(profile: dict[str, str]) -> None:
    """Check any letter the user pastes against the key facts."""
    ws = session.workspace()
    text = st.text_area(
        "Paste your letter",
        ws.get("check_text", ""),
        height=260,
        key="check_text",
        max_chars=100_000,
    )
    ws["check_text"] = text
    kind = st.selectbox(
        "What kind of letter is it?",
        OTHER_KINDS[::-1],
        key="check_kind",
        format_func=lambda k: k.value.replace("_", " "),
    )
    data = kind_form(kind, "check")
    if st.button("Check my letter", type="primary", key="check_run"):
        if not text.strip():
            st.error("Paste the letter first.")
        else:
            facts = guarded(with_profile, data, profile, "the form")
            if facts is not None:
                report = check(text, facts, kind)
                ws["check"] = {"text": text, "report": report.model_dump(mode="json")}
    if ws.get("check"):
        report = ws["check"]["report"]
        findings = [Finding.model_validate(f) for f in report["findings"]]
        errors = sum(f.severity == "error" for f in findings)
        if report["passed"]:
            st.badge("Ready: no errors", icon=":material/check:", color="green")
        else:
            st.badge(f"NOT READY: {errors} error(s)", icon=":material/error:", color="red")
        show_marked(ws["check"]["text"], findings)
        show_findings(ws["check"]["text"], findings)


def history_tab() -> None:
    """Past drafts, the follow-up plan, export and erase."""
    db = session.store()
    if db is None:
        st.error(f"The history cannot be opened: {st.session_state.get('store_error')}")
        return
    rows = db.drafts(200)
    st.subheader(f"Past drafts ({len(rows)})")
    if rows:
        st.dataframe(
            [
                {
                    "id": r["id"],
                    "when": r["created_at"][:16],
                    "kind": r["kind"],
                    "to": r["recipient"],
                    "company": r["company"],
                    "ready": "yes" if r["passed"] else "NO",
                }
                for r in rows
            ],
            hide_index=True,
            key="history_table",
        )
        picked = st.selectbox(
            "Open a draft",
            [r["id"] for r in rows],
            key="history_pick",
            format_func=lambda i: next(
                f"#{r['id']} {r['kind']} to {r['recipient']}" for r in rows if r["id"] == i
            ),
        )
        row = db.draft(int(picked)) if picked is not None else None
        if row:
            letter = Letter(
                kind=row["kind"],
                channel=row["channel"],
                recipient=row["recipient"],
                backend=row["backend"],
                subject=row["subject"],
                text=row["text"],
                passed=row["passed"],
                findings=row["findings"],
                notices=row["notices"],
            )
            show_letter(letter, None, key=f"hist-{row['id']}")
            if st.button("Delete this draft", key="history_delete"):
                db.delete_draft(row["id"])
                st.rerun()
    _plan(db)
    st.subheader("Your data")
    st.download_button(
        "Export my history (JSON)",
        json.dumps(db.export(), indent=2, default=str),
        "afterword-history.json",
        "application/json",
        key="history_export",
    )
    confirm = st.text_input(
        "Type ERASE to delete the whole history from this computer", key="erase_confirm"
    )
    if st.button("Erase everything", key="history_erase", disabled=confirm != "ERASE"):
        db.erase()
        st.session_state.pop("store", None)
        st.success("Erased.")


def _plan(db: Any) -> None:
    ws = session.workspace()
    latest = (ws["versions"][-1]["facts"] if ws["versions"] else None) or ws.get("offer_facts")
    st.subheader("Follow-up plan")
    if not latest:
        st.caption("Draft a thank-you note or answer an offer to see what to send when.")
        return
    facts = Facts.model_validate(latest)
    steps = build_plan(facts, dt.date.today())
    saved = {
        (r["due"], r["kind"], r["action"]): r
        for r in db.followups()
        if (r["company"], r["position"]) == (facts.company, facts.position or "")
    }
    rows = []
    for step in steps:
        row = saved.get((step.due.isoformat(), step.kind, step.action), {})
        if row.get("done_at"):
            step.status = "done"  # kept out of the calendar
        rows.append(
            {
                "done": bool(row.get("done_at")),
                "due": step.due.isoformat(),
                "status": step.status,
                "what": step.action,
                "why": step.why,
                "optional": step.optional,
                "id": row.get("id"),
            }
        )
    edited = st.data_editor(
        rows,
        hide_index=True,
        key="plan_table",
        disabled=["due", "status", "what", "why", "optional", "id"],
        column_config={"id": None},
    )
    for before, after in zip(rows, edited, strict=True):
        if after["done"] != before["done"] and before["id"] is not None:
            db.mark_done(int(before["id"]), bool(after["done"]))
    st.download_button(
        "Add to my calendar (.ics)",
        plan_ics(steps, facts, dt.date.today()),
        "afterword-plan.ics",
        "text/calendar",
        key="plan_ics",
    )
