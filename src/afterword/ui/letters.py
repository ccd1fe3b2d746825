"""Show a checked letter: verdict badge, findings highlighted in the text (errors first),
copy, downloads (.txt, .eml, .docx) and a mail-app link; and draft with progress shown."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import streamlit as st

from ..errors import AfterwordError
from ..export import file_stem, mailto, to_docx, to_eml, to_txt
from ..models import DraftOptions, Facts, Finding, Letter
from ..render import highlight, sorted_findings
from . import session
from .editor import apply_fix, compare, editor, keep, replace
from .editor import state as editor_state
from .text import plain as as_text
from .text import show_plain

LETTER_STYLE = """<style>
.aw-letter{white-space:pre-wrap;font-family:Georgia,serif;line-height:1.5;border:1px solid #ddd;
 border-radius:6px;padding:1em 1.2em;background:#fff;color:#222}
.aw-letter mark.error{background:#ffcdd2}.aw-letter mark.warning{background:#fff3c4}
.aw-letter mark.suggestion{background:#e3f2fd}
</style>"""
# Material icons ship with Streamlit, so they show where no emoji font is installed.
_ICON = {
    "error": ":red[:material/error:] **Fix before sending**",
    "warning": ":orange[:material/warning:] **Worth a look**",
    "suggestion": ":blue[:material/lightbulb:] **Suggestion**",
}
# Plain words for rule messages that read oddly to someone who has not sent the letter yet.
_PLAIN = {
    "structure.subject": "An email needs a subject line: add one in your mail app",
}


def show_marked(text: str, findings: list[Finding]) -> None:
    """Show a text in the letter box with each located finding marked."""
    st.html(LETTER_STYLE + f'<div class="aw-letter">{highlight(text, findings)}</div>')


def plain(f: Finding, text: str) -> str:
    """Say a finding in plain words, with the words it points at and what to write instead."""
    message = _PLAIN.get(f.rule, f.message)
    quoted = text[f.start : f.end] if f.start is not None and f.end is not None else ""
    where = f' "{quoted}"' if quoted and f'"{quoted}"' not in message else ""
    fix = f" Try: {f.suggestion}." if f.suggestion and f.suggestion.strip() else ""
    return _ICON[f.severity] + as_text(f"{where}: {message}.{fix}".replace("..", "."))


def show_findings(text: str, findings: list[Finding], key: str | None = None) -> Finding | None:
    """List the findings, errors first, in plain words with the rule id in a details line;
    with a key, offer each fix as a button and return the finding whose fix was pressed."""
    pressed = None
    for n, f in enumerate(sorted_findings(findings)):
        st.markdown(plain(f, text))
        st.caption(f"Details: rule `{f.rule}`")
        if key and apply_fix(text, f) is not None:
            shown = f.suggestion if f.suggestion and f.suggestion.strip() else "the fix"
            if st.button(f"Apply: {as_text(shown)}", key=f"{key}-fix-{n}-{f.rule}-{f.start}"):
                pressed = f
    return pressed


def _recheck(letter: Letter, text: str, facts: Facts | None) -> Letter:
    """Check an edited text again; without facts, only the rules that need none."""
    if text == letter.text:
        return letter
    if facts is None:
        from ..pasted import check_alone

        report, _ = check_alone(text, letter.kind, letter.subject)
    else:
        from ..checker import check

        index = next((i for i, r in enumerate(facts.recipients) if r.name == letter.recipient), 0)
        report = check(text, facts, letter.kind, subject=letter.subject, recipient=index)
    return letter.model_copy(
        update={"text": text, "findings": report.findings, "passed": report.passed}
    )


@st.fragment
def show_letter(letter: Letter, facts: Facts | None, key: str) -> None:
    """Render one checked letter, editable and re-checked as it is edited, with its
    verdict, findings with one-click fixes, versions and ways to take it away. A fragment:
    typing reruns this letter alone, so the findings follow the keys quickly."""
    edit = editor_state(session.workspace(), key, letter.text)
    box = st.container()
    before = edit["work"]
    text = editor(edit, key, f"Letter to {letter.recipient}")
    if text != before:
        session.save()  # a fragment's rerun skips the app's save at the end of the page
    current = _recheck(letter, text, facts)
    with box:
        _verdict(current)
        for notice in letter.notices:
            show_plain(notice[:1].upper() + notice[1:], "info")
        if current.subject:
            st.markdown(f"**Subject:** {as_text(current.subject)}")
    st.caption("Edit the letter above; it is checked again as you type.")
    if current.findings:
        with st.expander(f"Checks ({len(current.findings)})", expanded=not current.passed):
            if any(f.start is not None for f in current.findings):
                show_marked(current.text, current.findings)
            pressed = show_findings(current.text, current.findings, key)
        if pressed is not None:
            fixed = apply_fix(current.text, pressed)
            if fixed is not None:
                replace(edit, fixed)
                session.save()
                st.rerun()
    left, right = st.columns([1, 3])
    if left.button("Keep this version", key=f"{key}-keep"):
        st.toast("Kept." if keep(edit) else "This version is already kept.")
        session.save()
    with right:
        compare(edit, key)
    _exports(current, facts, key)


def _verdict(letter: Letter) -> None:
    errors = [f for f in letter.findings if f.severity == "error"]
    pasted = letter.backend == "pasted"
    title = "Your letter" if pasted else f"To {letter.recipient}"
    looks = sum(f.severity == "warning" for f in letter.findings)
    if letter.passed and looks:
        worth = f"{looks} thing{'s' if looks > 1 else ''} worth a look below"
        st.badge(f"{title}: ready, no errors; {worth}", icon=":material/check:", color="green")
    elif letter.passed:
        st.badge(f"{title}: ready, every check passed", icon=":material/check:", color="green")
    else:
        st.badge(
            f"{title}: NOT READY, {len(errors)} error(s) to fix",
            icon=":material/error:",
            color="red",
        )
    if pasted:
        st.caption("Your own letter, checked by Afterword's checker.")
        return
    who = (
        "offline composer"
        if letter.backend == "offline"
        else letter.backend.replace("openai:", "model ")
    )
    st.caption(f"Drafted by the {who}; checked by Afterword's checker.")


def _exports(letter: Letter, facts: Facts | None, key: str) -> None:
    """Download and mail buttons (copying is the editor's own button); a letter with errors
    is marked in its file name. The files are made when pressed, not at every keystroke."""
    stem = file_stem(letter)
    if not letter.passed:
        st.warning(
            "This letter still has errors: fix them first. Downloads are marked NOT-READY "
            "in the file name."
        )
    cols = st.columns(4)
    txt = functools.partial(to_txt, letter)
    cols[0].download_button(".txt", txt, f"{stem}.txt", "text/plain", key=f"{key}-txt")
    cols[2].download_button(
        ".docx",
        functools.partial(to_docx, letter),
        f"{stem}.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        key=f"{key}-docx",
    )
    if facts is not None:
        cols[1].download_button(
            ".eml",
            functools.partial(to_eml, letter, facts),
            f"{stem}.eml",
            "message/rfc822",
            key=f"{key}-eml",
        )
        cols[3].link_button("Open in mail app", mailto(letter, facts))
    else:
        cols[1].caption(
            "Turn on the facts above for an .eml file and a mail link."
            if letter.backend == "pasted"
            else "No facts kept with this letter: no .eml or mail link."
        )


def draft(facts: Facts, options: DraftOptions | None = None) -> list[Letter]:
    """Draft and check letters, showing progress; save them before they are shown."""
    from ..pipeline import draft_runs, keep
    from .streaming import live_drafting

    settings = session.settings()
    backend = "openai" if settings.model_configured else "offline"
    label = "Drafting with the model" if backend == "openai" else "Drafting offline"
    with live_drafting(label) as (progress, words):
        letters, _ = draft_runs(facts, "auto", settings, progress, options, words)
    problem = st.session_state.get("store_error") or ""
    return keep(session.store(), facts, letters, problem, workspace=st.session_state.get("sid"))


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
        show_plain(str(err), "error")
    return None
