"""Show a checked letter: verdict badge, findings highlighted in the text (errors first),
copy, downloads (.txt, .eml, .docx) and a mail-app link; and draft with progress shown."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from ..errors import AfterwordError
from ..export import file_stem, mailto, to_docx, to_eml, to_txt
from ..models import DraftOptions, Facts, Finding, Letter
from ..render import highlight, sorted_findings
from . import session

LETTER_STYLE = """<style>
.aw-letter{white-space:pre-wrap;font-family:Georgia,serif;line-height:1.5;border:1px solid #ddd;
 border-radius:6px;padding:1em 1.2em;background:#fff;color:#222}
.aw-letter mark.error{background:#ffcdd2}.aw-letter mark.warning{background:#fff3c4}
.aw-letter mark.suggestion{background:#e3f2fd}
</style>"""
_ICON = {"error": "🔴", "warning": "🟡", "suggestion": "🔵"}


def show_marked(text: str, findings: list[Finding]) -> None:
    """Show a text in the letter box with each located finding marked."""
    st.html(LETTER_STYLE + f'<div class="aw-letter">{highlight(text, findings)}</div>')


def show_findings(text: str, findings: list[Finding]) -> None:
    """List the findings, errors first, each with the text it points at."""
    for f in sorted_findings(findings):
        where = f' "{text[f.start : f.end]}"' if f.start is not None and f.end is not None else ""
        fix = f" Suggestion: {f.suggestion}" if f.suggestion else ""
        st.markdown(f"{_ICON[f.severity]} **{f.severity}** `{f.rule}`{where}: {f.message}.{fix}")


def show_letter(letter: Letter, facts: Facts | None, key: str) -> None:
    """Render one checked letter with its verdict, findings and ways to take it away."""
    errors = [f for f in letter.findings if f.severity == "error"]
    title = f"To {letter.recipient}"
    if letter.passed:
        st.badge(f"{title}: ready, every check passed", icon=":material/check:", color="green")
    else:
        st.badge(
            f"{title}: NOT READY, {len(errors)} error(s) to fix",
            icon=":material/error:",
            color="red",
        )
    who = (
        "offline composer"
        if letter.backend == "offline"
        else letter.backend.replace("openai:", "model ")
    )
    st.caption(f"Drafted by the {who}; checked by Afterword's checker.")
    for notice in letter.notices:
        st.info(notice)
    if letter.subject:
        st.markdown(f"**Subject:** {letter.subject}")
    show_marked(letter.text, letter.findings)
    if letter.findings:
        with st.expander(f"Checks ({len(letter.findings)})", expanded=not letter.passed):
            show_findings(letter.text, letter.findings)
    with st.expander("Plain text to copy"):
        st.code(to_txt(letter).decode(), language=None, wrap_lines=True)
    stem = file_stem(letter)
    cols = st.columns(4)
    cols[0].download_button(".txt", to_txt(letter), f"{stem}.txt", "text/plain", key=f"{key}-txt")
    cols[2].download_button(
        ".docx",
        to_docx(letter),
        f"{stem}.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        key=f"{key}-docx",
    )
    if facts is not None:
        cols[1].download_button(
            ".eml", to_eml(letter, facts), f"{stem}.eml", "message/rfc822", key=f"{key}-eml"
        )
        cols[3].link_button("Open in mail app", mailto(letter, facts))


def draft(facts: Facts, options: DraftOptions | None = None) -> list[Letter]:
    """Draft and check letters, showing progress; save them before they are shown."""
    from ..pipeline import draft_runs, keep
    from .streaming import live_drafting

    settings = session.settings()
    backend = "openai" if settings.model_configured else "offline"
    label = "Drafting with the model" if backend == "openai" else "Drafting offline"
    with live_drafting(label) as (progress, words):
        letters, _ = draft_runs(facts, "auto", settings, progress, options, words)
    return keep(session.store(), facts, letters, st.session_state.get("store_error") or "")


def with_profile(data: dict[str, Any], profile: dict[str, str], source: str) -> Facts:
    """Complete a facts mapping with the user's details from the sidebar, and validate it."""
    from ..facts import facts_from_mapping

    candidate = {k: v for k, v in profile.items() if v}
    if not candidate.get("name"):
        raise AfterwordError("add your name in the sidebar (Your details) so the letter is signed")
    merged = {**data, "candidate": {**candidate, **data.get("candidate", {})}}
    merged.setdefault("sent_on", dt.date.today().isoformat())
    return facts_from_mapping(merged, source)


def guarded(action: Any, *args: Any) -> Any:
    """Run an action; show an error a person can act on instead of a traceback."""
    try:
        return action(*args)
    except AfterwordError as err:
        st.error(str(err))
    return None
