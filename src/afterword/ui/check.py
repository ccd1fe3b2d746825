"""Check my letter: a pasted letter checked alone, or against the facts when they are added,
then edited in place and re-checked as it is typed, with one-click fixes, copy and downloads;
and the limit on what a paste may hold."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ..checker import check
from ..checker.infer import infer_facts
from ..kinds import SPECS
from ..models import Channel, Facts, Kind, Letter, Report
from . import session
from .forms import kind_form
from .letters import guarded, show_letter, with_profile

CHECK_KINDS = [
    Kind.THANK_YOU,
    Kind.DECLINE,
    Kind.ACCEPTANCE,
    Kind.EXTENSION,
    Kind.STAY_IN_TOUCH,
    Kind.NETWORKING_THANKS,
    Kind.REFERENCE_UPDATE,
    Kind.RESIGNATION,
    Kind.WITHDRAWAL,
    Kind.INQUIRY,
]

LETTER_LIMIT = 20_000  # characters: a long letter is about 3,000
OFFER_LIMIT = 100_000


def too_long(text: str, limit: int, what: str) -> bool:
    """Say (and show) whether a paste is over the limit; the text stays in the box."""
    if len(text) <= limit:
        return False
    st.error(
        f"{what} is {len(text):,} characters long; the limit is {limit:,}. Paste only the "
        "letter itself (without earlier messages in the thread) and try again."
    )
    return True


def check_tab(profile: dict[str, str]) -> None:
    """Check any letter the user pastes: alone, or against the facts when they add them."""
    ws = session.workspace()
    text = st.text_area("Paste your letter", ws.get("check_text", ""), height=260, key="check_text")
    ws["check_text"] = text
    subject = st.text_input(
        "Subject line (for an email; optional)", ws.get("check_subject", ""), key="check_subject"
    )
    ws["check_subject"] = subject
    kind = st.selectbox(
        "What kind of letter is it?",
        CHECK_KINDS,
        key="check_kind",
        format_func=lambda k: SPECS[k].title,
    )
    with_facts = st.toggle(
        "Also check names, dates and amounts against the facts", key="check_with_facts"
    )
    data = kind_form(kind, "check") if with_facts else None
    over = too_long(text, LETTER_LIMIT, "Your paste")
    if st.button("Check my letter", type="primary", key="check_run"):
        if not text.strip():
            st.error("Paste the letter first.")
        elif not over:
            _run_check(ws, text, subject.strip() or None, kind, data, profile)
    if ws.get("check"):
        _show_check(ws["check"], text)


def _run_check(
    ws: dict[str, Any],
    text: str,
    subject: str | None,
    kind: Kind,
    data: dict[str, Any] | None,
    profile: dict[str, str],
) -> None:
    note = ""
    facts: Facts | None = None
    if data is None:
        from ..pasted import check_alone

        report, note = check_alone(text, kind, subject)
    else:
        facts = guarded(with_profile, data, profile, "the form")
        if facts is None:
            return
        report = check(text, facts, kind, subject=subject)
    ws["check"] = {
        "text": text,
        "subject": subject,
        "kind": kind.value,
        "facts": facts.model_dump(mode="json") if facts else None,
        "report": report.model_dump(mode="json"),
        "note": note,
    }


def _show_check(saved: dict[str, Any], pasted: str) -> None:
    """Show the checked letter as an editable letter: re-checked as it is edited (with the
    same facts, or alone), each fix one click away, copy and downloads below it."""
    if "kind" not in saved:  # kept by an older version of the app: check it again
        return
    facts = Facts.model_validate(saved["facts"]) if saved.get("facts") else None
    letter = _as_letter(saved, facts)
    if pasted.strip() and pasted != saved["text"]:
        st.info(
            "The letter in the box above has changed since it was checked: press "
            "**Check my letter** to check the new text. The checked copy is below."
        )
    if saved.get("note"):
        st.caption(saved["note"])
    show_letter(letter, facts, "pasted")


def _as_letter(saved: dict[str, Any], facts: Facts | None) -> Letter:
    """Return the checked paste as a Letter, named for its reader when the facts or its
    greeting say who that is."""
    report = Report.model_validate(saved["report"])
    text, subject = saved["text"], saved.get("subject")
    read = facts or infer_facts(text, saved["kind"])
    reader = read.recipients[0].name if read.recipients else ""
    return Letter(
        kind=Kind(saved["kind"]),
        channel=Channel.EMAIL if subject else read.channel,
        recipient=reader if reader and reader != "(not given)" else "your reader",
        backend="pasted",
        subject=subject,
        text=text,
        passed=report.passed,
        findings=report.findings,
    )
