"""Build the chat messages for a letter from the jinja2 prompts in prompts/llm."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import jinja2

from ..kinds import spec_for
from ..models import DraftOptions, Facts, Finding
from ..paths import prompts_dir
from ..tokens import NOTES_BUDGET, Counter

Messages = list[tuple[str, str]]


@cache
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(prompts_dir() / "llm")),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )


def facts_block(facts: Facts, index: int) -> str:
    """Return the facts for one letter as JSON: only this recipient, no pasted notes."""
    data: dict[str, Any] = facts.model_dump(mode="json", exclude_none=True)
    data["recipients"] = [data["recipients"][index]]
    if "interview" in data:
        data["interview"].pop("notes", None)
    # "<\/" is the same string in JSON, and no fact can close the <facts> block early.
    return json.dumps(data, indent=1, ensure_ascii=False).replace("</", "<\\/")


def _inert(text: str) -> str:
    """Keep user text from closing a <facts> or <pasted> block early."""
    return text.replace("</", "< /")


def letter_messages(
    facts: Facts,
    index: int,
    counter: Counter,
    notices: list[str],
    options: DraftOptions | None = None,
) -> Messages:
    """Return the system and user messages asking for one letter."""
    spec = spec_for(facts.kind)
    recipient = facts.recipients[index]
    points = facts.interview.points if facts.interview else []
    notes = (facts.interview.notes or "") if facts.interview else ""
    if notes and counter.count(notes) > NOTES_BUDGET:
        before = counter.count(notes)
        notes = counter.trim(notes, NOTES_BUDGET)
        notices.append(
            f"your interview notes were trimmed from {before} to {NOTES_BUDGET} tokens before "
            "sending; the rest was not used"
        )
    notes = _inert(notes)
    salutation = "Dear " + recipient.addressed_as + (":" if facts.channel == "letter" else ",")
    if facts.channel == "phone":
        salutation = recipient.addressed_as
    user = (
        _env()
        .get_template("letter.j2")
        .render(
            spec=spec,
            kind=facts.kind.value,
            channel=facts.channel.value,
            words=spec.words[facts.channel],
            several=len(facts.recipients) > 1 and bool(points),
            count=len(facts.recipients),
            lead_point=_inert(points[index % len(points)]) if points else "",
            recipient_line=_inert(
                recipient.name + (f", {recipient.title}" if recipient.title else "")
            ),
            salutation=_inert(salutation),
            facts_json=facts_block(facts, index),
            notes=notes,
            options=options or DraftOptions(),
        )
    )
    system = _env().get_template("system.j2").render()
    return [("system", system), ("human", user)]


def revision_messages(first: Messages, letter_text: str, findings: list[Finding]) -> Messages:
    """Return the conversation asking the model to fix the checker's error findings."""
    shown = [
        {
            "rule": f.rule,
            "message": f.message,
            "quote": letter_text[f.start : f.end] if f.start is not None else None,
            "suggestion": f.suggestion,
        }
        for f in findings
    ]
    ask = _env().get_template("revise.j2").render(findings=shown)
    return [*first, ("ai", letter_text), ("human", ask)]
