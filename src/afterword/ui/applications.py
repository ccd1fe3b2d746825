"""The Applications view: every application in flight, what is owed to whom and by when,
what happened (recorded here), and a recruiter's reply read and confirmed before it counts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from ..applications import EVENT_KINDS, Application, Event, applications, record
from ..facts import MAX_INPUT_BYTES
from ..plan import Step, plan_ics
from ..status import owed
from . import session
from .text import plain, show_plain

_FLAGS = {"overdue": "overdue", "due": "today", "upcoming": "", "done": "done"}
_DATED = {"interviewed", "promised"}  # events that carry a date of their own


def applications_tab(today: dt.date | None = None) -> None:
    """Show every application, the letters owed across them, and record what happened."""
    db = session.store()
    if db is None:
        show_plain(f"The history cannot be opened: {st.session_state.get('store_error')}", "error")
        return
    today = today or _today()
    apps = applications(db)
    st.subheader(f"Applications ({len(apps)})")
    if not apps:
        st.caption("Draft a letter for a job and it appears here with what you owe next.")
        return
    st.dataframe(
        [{"id": a.id, "application": a.label, "state": a.state} for a in apps],
        hide_index=True,
        key="apps_table",
    )
    steps = owed(apps, today)
    st.subheader("What you owe, most urgent first")
    st.dataframe([_row(s) for s in steps], hide_index=True, key="apps_owed")
    st.caption("Every letter is a draft you confirm; nothing is ever sent for you.")
    st.download_button(
        "Add every application to my calendar (.ics)",
        plan_ics(steps, None, today),
        "afterword-applications.ics",
        "text/calendar",
        key="apps_ics",
    )
    _record_event(db, apps, today)
    _import_reply(db, apps, today)


def _today() -> dt.date:
    """Return today, or the day the session was told to act on (for tests and demos)."""
    forced = st.session_state.get("apps_today")
    return dt.date.fromisoformat(forced) if forced else dt.date.today()


def _row(step: Step) -> dict[str, Any]:
    return {
        "due": step.due.isoformat(),
        "status": _FLAGS[step.status],
        "application": step.application,
        "letter": step.kind,
        "to": step.recipient or "",
        "what": step.action + (" (proposed)" if step.proposed else ""),
        "reason": step.why,
    }


def _pick(apps: list[Application], key: str) -> Application:
    chosen = st.selectbox(
        "Application", [a.id for a in apps], key=key, format_func=lambda i: _label(apps, i)
    )
    return next(a for a in apps if a.id == chosen)


def _label(apps: list[Application], app_id: int) -> str:
    return next(a.label for a in apps if a.id == app_id)


def _record_event(db: Any, apps: list[Application], today: dt.date) -> None:
    with st.expander("Record what happened"):
        target = _pick(apps, "apps_event_app")
        kind = st.selectbox("What happened", EVENT_KINDS, key="apps_event_kind")
        day = st.date_input("On", value=today, key="apps_event_day")
        detail: dict[str, Any] = {}
        if kind in _DATED:
            when = st.date_input("The date they gave", value=None, key="apps_event_date")
            if when:
                detail["date"] = when.isoformat()
        detail.update(_event_detail(kind))
        if st.button("Record", key="apps_event_record"):
            need = {"promised": "date", "interviewed": "date", "request": "what", "sent": "kind"}
            if kind in need and need[kind] not in detail:
                st.error(f"{need[kind]}: needed for this event")
                return
            event = Event.model_validate({"kind": kind, "day": day, "detail": detail})
            record(db, target.id, event)
            st.rerun()


def _event_detail(kind: str) -> dict[str, Any]:
    """Ask what a request or a sent letter needs: what was asked for, or which letter to whom."""
    from ..models import Kind

    out: dict[str, Any] = {}
    if kind == "request":
        out["what"] = st.text_input("What they asked for", key="apps_event_what").strip()
        due = st.date_input("By when", value=None, key="apps_event_due")
        out["due"] = due.isoformat() if due else None
    elif kind == "sent":
        out["kind"] = st.selectbox("Which letter", [k.value for k in Kind], key="apps_event_letter")
        out["recipient"] = st.text_input("To whom", key="apps_event_to").strip()
    return {k: v for k, v in out.items() if v}


def _import_reply(db: Any, apps: list[Application], today: dt.date) -> None:
    from ..replies import read_reply, reply_events

    with st.expander("Import a recruiter's reply"):
        target = _pick(apps, "apps_reply_app")
        text = st.text_area("Paste the email", key="apps_reply_text", max_chars=MAX_INPUT_BYTES)
        if st.button("Read it", key="apps_reply_read") and text.strip():
            st.session_state.apps_reply = read_reply(text, today).model_dump(mode="json")
        found = st.session_state.get("apps_reply")
        if not found:
            return
        from ..replies import ReplyRead

        reply = ReplyRead.model_validate(found)
        for warning in reply.warnings:
            show_plain(warning, "warning")
        for s in reply.said:
            when = f" ({s.date})" if s.date else ""
            st.markdown(f"- **{s.what}**: " + plain(f"“{reply.text[s.start : s.end]}”{when}"))
        if not reply.said:
            st.caption("Nothing beyond a reply: no offer, rejection, new date or request.")
        if st.button("Confirm and update the application", key="apps_reply_confirm"):
            for event in reply_events(reply, today):
                record(db, target.id, event)
            st.session_state.apps_reply = None
            st.rerun()
