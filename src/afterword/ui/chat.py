"""The chat: the recap questions one at a time, an editable facts card, the notes, and
refinements ("shorter", "more formal", "warmer", "mention …") with every version kept."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from ..models import DraftOptions, Facts, Letter
from ..recap import (
    QUESTIONS,
    AnswerError,
    apply_answer,
    extract_recap,
    next_question,
    parse_refinement,
)
from . import session
from .letters import draft, guarded, show_letter, with_profile
from .text import plain

CHAT_LIMIT = 4_000
GREETING = (
    "Let's write your thank-you notes. I'll ask what a career coach would ask, one "
    "question at a time; you can edit everything before anything is drafted."
)
GREETING_MODEL = (
    "With a model configured, you can also tell me about the interview in your own words, "
    "all at once; I'll fill in what I can and ask for the rest."
)


def _say(ws: dict[str, Any], role: str, text: str) -> None:
    ws["chat"].append({"role": role, "text": text})


def _facts(ws: dict[str, Any], profile: dict[str, str], channel: str) -> Facts:
    data = {k: v for k, v in ws["facts"].items() if not k.startswith("_")}
    data.update(kind="thank_you", channel=channel)
    return with_profile(data, profile, "the facts card")


def _from_model(ws: dict[str, Any], text: str) -> bool:
    """With a model, read a free-text recap at once; say whether it filled anything."""
    settings = session.settings()
    if not settings.model_configured or ws["answers"] or len(text.split()) < 12:
        return False
    from ..drafting.chain import default_model

    try:
        with st.spinner("Reading your recap…"):
            facts, answered = extract_recap(text, default_model(settings), dt.date.today())
    except Exception:  # any failure of the model: the guided questions still work
        _say(ws, "assistant", "I could not reach the model, so let's go one question at a time.")
        return False
    if not answered:
        return False
    ws["facts"] = facts
    ws["answers"] = {key: text for key in answered}
    ws["card_rev"] = ws.get("card_rev", 0) + 1
    got = ", ".join(sorted(answered))
    _say(ws, "assistant", f"I took these from your recap: {got}. Check them in the facts card.")
    return True


def _on_message(ws: dict[str, Any], text: str) -> None:
    _say(ws, "user", text)
    question = next_question(set(ws["answers"]))
    if question is None:
        _refine(ws, text)
        return
    if _from_model(ws, text):
        following = next_question(set(ws["answers"]))
        _say(
            ws,
            "assistant",
            following.text
            if following
            else "Press **Draft my notes** when the facts card looks right.",
        )
        return
    try:
        apply_answer(ws["facts"], question.key, text, dt.date.today())
    except AnswerError as err:
        _say(ws, "assistant", f"I could not use that: {err}. {question.text}")
        return
    ws["answers"][question.key] = text
    ws["card_rev"] = ws.get("card_rev", 0) + 1  # the card shows the new answer
    if question.key == "want" and ws["facts"].get("_wants_job") is False:
        _say(
            ws,
            "assistant",
            "Noted. If you would rather withdraw, the Other letters tab writes "
            "a courteous withdrawal. A thank-you is still worth sending.",
        )
    following = next_question(set(ws["answers"]))
    if following:
        _say(ws, "assistant", following.text)
    else:
        _say(
            ws,
            "assistant",
            "Thank you. Check the facts card below, edit anything, then press "
            "**Draft my notes**. I will write one note per interviewer.",
        )


def _refine(ws: dict[str, Any], text: str) -> None:
    if not ws["versions"]:
        _say(
            ws,
            "assistant",
            "Press **Draft my notes** below the facts card first; then tell me "
            "'shorter', 'more formal', 'warmer' or 'mention …'.",
        )
        return
    interview = ws["facts"].setdefault("interview", {})
    try:
        names = [p.get("name", "") for p in ws["facts"].get("recipients", [])]
        options, mentions, reply = parse_refinement(
            text, DraftOptions(**ws["options"]), interview.get("mentions", []), names
        )
    except AnswerError as err:
        _say(ws, "assistant", str(err))
        return
    ws["options"] = options.model_dump()
    interview["mentions"] = mentions
    ws["pending_draft"] = reply


def _facts_card(ws: dict[str, Any]) -> None:
    facts = ws["facts"]
    interview = facts.setdefault("interview", {})
    done = next_question(set(ws["answers"])) is None
    rev = ws.get("card_rev", 0)
    with st.expander("Facts for your notes (edit anything)", expanded=done):
        people = facts.get("recipients") or [{"name": ""}]
        rows = [
            {
                "name": p.get("name", ""),
                "honorific": p.get("honorific") or "",
                "title": p.get("title") or "",
                "first_name_ok": bool(p.get("first_name_ok")),
                "email": p.get("email") or "",
            }
            for p in people
        ]
        edited = st.data_editor(
            rows,
            num_rows="dynamic",
            key=f"recipients_editor_{rev}",
            column_config={"first_name_ok": "first name OK"},
        )
        c1, c2 = st.columns(2)
        facts["position"] = c1.text_input(
            "Position", facts.get("position", ""), key=f"f_position_{rev}"
        )
        facts["company"] = c2.text_input(
            "Company", facts.get("company", ""), key=f"f_company_{rev}"
        )
        day = interview.get("date")
        picked = st.date_input(
            "Interview date", dt.date.fromisoformat(day) if day else None, key=f"f_date_{rev}"
        )
        interview["date"] = picked.isoformat() if isinstance(picked, dt.date) else None
        points = st.text_area(
            "What you discussed (one point per line)",
            "\n".join(interview.get("points", [])),
            key=f"f_points_{rev}",
        )
        interview["points"] = [p.strip() for p in points.splitlines() if p.strip()]
        strengths = st.text_input(
            "Strengths they responded to (comma separated)",
            ", ".join(interview.get("strengths", [])),
            key=f"f_strengths_{rev}",
        )
        interview["strengths"] = [s.strip() for s in strengths.split(",") if s.strip()]
        interview["notes"] = (
            st.text_area(
                "What the job entails (your words, used in the notes)",
                interview.get("notes") or "",
                key=f"f_notes_{rev}",
            ).strip()
            or None
        )
        interview["clarification"] = (
            st.text_input(
                "An answer to add to (optional)",
                interview.get("clarification") or "",
                key=f"f_clarify_{rev}",
            )
            or None
        )
        step = facts.get("next_step") or {}
        text = st.text_input("Next step (optional)", step.get("text", ""), key=f"f_next_{rev}")
        facts["next_step"] = {**step, "text": text} if text else None
        facts["recipients"] = [
            {k: v for k, v in row.items() if v not in ("", None, False)}
            for row in edited
            if str(row.get("name") or "").strip()
        ]


def _draft_version(ws: dict[str, Any], profile: dict[str, str], reply: str | None) -> bool:
    """Draft the notes from the card's facts as a new version; say whether it worked."""
    channel = st.session_state.get("chat_channel") or "email"
    facts = guarded(_facts, ws, profile, channel)
    letters = guarded(draft, facts, DraftOptions(**ws["options"])) if facts is not None else None
    if letters is None:
        return False
    edited = _edited_version(ws)
    n = len(ws["versions"]) + 1
    label = f"Version {n}" + (f" ({reply.rstrip('.').split(': ', 1)[-1]})" if reply else "")
    ws["versions"].append(
        {
            "label": label,
            "facts": facts.model_dump(mode="json"),
            "letters": [x.model_dump(mode="json") for x in letters],
        }
    )
    ready = sum(x.passed for x in letters)
    _say(
        ws,
        "assistant",
        (reply + " " if reply else "") + f"{len(letters)} note(s) drafted and "
        f"checked ({ready} ready). Ask for changes here: 'shorter', 'more formal', 'warmer', "
        "or 'mention …'."
        + (
            f" Your own edits are kept in {edited}: choose it under Versions to see them, "
            "as this version is drafted afresh from the facts."
            if edited
            else ""
        ),
    )
    ws["version_shown"] = len(ws["versions"]) - 1
    return True


def _edited_version(ws: dict[str, Any]) -> str | None:
    """Name the version shown when the user has edited a letter in it by hand, else None."""
    if not ws["versions"]:
        return None
    shown = min(ws.get("version_shown", len(ws["versions"]) - 1), len(ws["versions"]) - 1)
    edits = ws.get("edits", {})
    for i, raw in enumerate(ws["versions"][shown]["letters"]):
        work = edits.get(f"v{shown}-{i}", {}).get("work")
        if work is not None and work != raw["text"]:
            return str(ws["versions"][shown]["label"])
    return None


def chat_tab(profile: dict[str, str]) -> None:
    """Render the chat tab."""
    ws = session.workspace()
    if not ws["chat"]:
        model = session.settings().model_configured
        _say(ws, "assistant", GREETING + (" " + GREETING_MODEL if model else ""))
        _say(ws, "assistant", QUESTIONS[0].text)
    reply = ws.pop("pending_draft", None)
    if reply:
        _draft_version(ws, profile, reply)
    for message in ws["chat"]:
        with st.chat_message(message["role"]):
            # What the person typed is shown as typed; the assistant's own lines use markdown.
            said = message["text"]
            st.markdown(plain(said) if message["role"] == "user" else said.replace("\n", "  \n"))
    _facts_card(ws)
    st.segmented_control(
        "Send as", ["email", "card", "letter"], default="email", key="chat_channel"
    )
    left, right = st.columns([1, 1])
    drafted = left.button("Draft my notes", type="primary", key="draft_notes")
    if drafted and _draft_version(ws, profile, None):
        session.save()
        st.rerun()
    if right.button("Start over", key="chat_reset"):
        session.reset(("chat", "answers", "facts", "options", "versions"))
        st.rerun()
    _show_versions(ws)
    prompt = st.chat_input("Type your answer", key="chat_input")
    if prompt and len(prompt) > CHAT_LIMIT:
        _say(ws, "user", prompt)  # kept, so nothing typed is lost
        _say(
            ws,
            "assistant",
            f"That message is {len(prompt):,} characters; I read at most {CHAT_LIMIT:,} at a "
            "time. Send the part that answers my question.",
        )
        session.save()
        st.rerun()
    elif prompt:
        _on_message(ws, prompt)
        session.save()
        st.rerun()


def _show_versions(ws: dict[str, Any]) -> None:
    if not ws["versions"]:
        return
    labels = [v["label"] for v in ws["versions"]]
    shown = min(ws.get("version_shown", len(labels) - 1), len(labels) - 1)
    chosen = st.selectbox(
        "Versions (earlier ones are kept)", labels, index=shown, key=f"version_pick_{len(labels)}"
    )
    version = ws["versions"][labels.index(chosen)]
    facts = Facts.model_validate(version["facts"])
    for i, raw in enumerate(version["letters"]):
        st.divider()
        show_letter(Letter.model_validate(raw), facts, key=f"v{labels.index(chosen)}-{i}")
