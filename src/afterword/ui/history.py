"""History & plan: past drafts grouped by application, the follow-up plan, export and erase."""

from __future__ import annotations

import datetime as dt
import functools
import json
from typing import Any

import streamlit as st
from pydantic import ValidationError

from ..models import Facts, Letter
from ..plan import build_plan, plan_ics
from . import session
from .letters import show_letter
from .text import show_plain


def when(stamp: str) -> str:
    """Write a stored timestamp as people read it: 'Sun 29 Nov 2026, 18:04'."""
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{moment:%a} {moment.day} {moment:%b %Y, %H:%M}"


def groups(rows: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Group drafts by application (company and position), newest application first; each
    group's drafts newest first."""
    by_app: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in sorted(rows, key=lambda r: (r["created_at"], r["id"]), reverse=True):
        by_app.setdefault((row["company"], row.get("position") or ""), []).append(row)
    return [
        (f"{company}, {position}" if position else company, drafts)
        for (company, position), drafts in by_app.items()
    ]


def history_tab() -> None:
    """Past drafts by application, the follow-up plan, export and erase."""
    db = session.store()
    if db is None:
        show_plain(f"The history cannot be opened: {st.session_state.get('store_error')}", "error")
        return
    session.workspace()  # sets the id of this workspace: its drafts are the only ones shown
    sid = st.session_state.sid
    rows = db.drafts(500, workspace=sid)
    st.subheader(f"Past drafts ({len(rows)})")
    for n, (title, drafts) in enumerate(groups(rows)):
        latest = when(drafts[0]["created_at"])
        with st.expander(f"{title}: {len(drafts)} draft(s), latest {latest}", expanded=n == 0):
            picked = st.selectbox(
                "Open a draft (newest first)",
                [r["id"] for r in drafts],
                key=f"history_pick_{n}",
                format_func=functools.partial(_row_label, drafts),
            )
            if picked is not None:
                _open(db, int(picked))
    _plan(db)
    st.subheader("Your data")
    st.download_button(
        "Export my history (JSON)",
        json.dumps(db.export(workspace=sid), indent=2, default=str),
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


def _row_label(drafts: list[dict[str, Any]], draft_id: int) -> str:
    row = next(r for r in drafts if r["id"] == draft_id)
    kind = str(row["kind"]).replace("_", " ")
    ready = "ready" if row["passed"] else "NOT READY"
    return f"{when(row['created_at'])}: {kind} to {row['recipient']} ({ready})"


def _open(db: Any, draft_id: int) -> None:
    row = db.draft(draft_id)
    if not row:
        return
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
    body = db.facts_body(row["facts_id"]) if row.get("facts_id") else None
    try:
        facts = Facts.model_validate_json(body) if body else None
    except ValidationError:  # saved by another version of Afterword: show the letter alone
        facts = None
    show_letter(letter, facts, key=f"hist-{row['id']}")
    if st.button("Delete this draft", key=f"history_delete_{row['id']}"):
        db.delete_draft(row["id"])
        st.rerun()


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
