"""Build the chat messages for a letter from the jinja2 prompts in prompts/llm."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import jinja2
import yaml

from ..kinds import spec_for
from ..models import DraftOptions, Facts, Finding
from ..paths import prompts_dir
from ..tokens import NOTES_BUDGET, Counter
from .parts import LetterParts

Messages = list[tuple[str, str]]


@cache
def prompt_env(folder: str = "llm") -> jinja2.Environment:
    """Return the jinja2 environment of one prompts/ folder (the drafter's, the judge's)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(prompts_dir() / folder)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )


# What the letter's body never holds (a printed letter's addresses are added by Afterword, the
# reader's email is the envelope's): left out when an outline is given.
_NOT_WRITTEN_PERSON = ("address", "email")


def facts_block(facts: Facts, index: int, lean: bool = False) -> str:
    """Return the facts for one letter as JSON: only this recipient, no pasted notes; `lean`
    leaves out what the letter's text never holds."""
    data: dict[str, Any] = facts.model_dump(mode="json", exclude_none=True)
    data["recipients"] = [data["recipients"][index]]
    if "interview" in data:
        data["interview"].pop("notes", None)
    if lean:
        data["candidate"].pop("address", None)
        for person in data["recipients"]:
            for key in _NOT_WRITTEN_PERSON:
                person.pop(key, None)
    data = _without_empty(data)
    # "<\/" is the same string in JSON, and no fact can close the <facts> block early.
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def _without_empty(value: Any) -> Any:
    """Drop empty lists and mappings: they cost tokens and tell the model nothing."""
    if isinstance(value, dict):
        kept = {k: _without_empty(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in ([], {}, "")}
    if isinstance(value, list):
        return [_without_empty(v) for v in value]
    return value


def inert(text: str) -> str:
    """Keep user text (or a letter shown to the judge) from closing its block early."""
    return text.replace("</", "< /")


def letter_messages(
    facts: Facts,
    index: int,
    counter: Counter,
    notices: list[str],
    options: DraftOptions | None = None,
    outline: bool = True,
) -> Messages:
    """Return the system and user messages asking for one letter; with `outline`, the
    offline composer's body is given to write from."""
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
    notes = inert(notes)
    user = (
        prompt_env()
        .get_template("letter.j2")
        .render(
            spec=spec,
            kind=facts.kind.value,
            channel=facts.channel.value,
            words=spec.words[facts.channel],
            several=len(facts.recipients) > 1 and bool(points),
            count=len(facts.recipients),
            lead_point=inert(points[index % len(points)]) if points else "",
            recipient_line=inert(
                recipient.name + (f", {recipient.title}" if recipient.title else "")
            ),
            salutation=salutation_for(facts, index),
            fields=field_lines(facts, index),
            facts_json=facts_block(facts, index, lean=outline),
            notes=notes,
            options=options or DraftOptions(),
            outline=inert(outline_for(facts, index, options)) if outline else "",
        )
    )
    system = prompt_env().get_template("system.j2").render()
    return [("system", system), ("human", user)]


def outline_for(facts: Facts, index: int, options: DraftOptions | None) -> str:
    """Return the offline composer's body for this letter: every fact placed right, for the
    model to write from (a small model invents dates and mixes up who did what without it)."""
    from .offline import compose_one  # late: offline imports the checker, which imports this

    draft = compose_one(facts, index, options=options)
    body = "\n\n".join(draft.paragraphs)
    # An email's subject too: left to itself a small model wrote "Thank you for the Senior
    # Sales Consultant Role" (as if offered it) and "Check-in with <the reader's name>".
    return f"Subject: {draft.subject}\n\n{body}" if draft.subject else body


def salutation_for(facts: Facts, index: int) -> str:
    """Return the greeting the letter must open with (a phone script says the name alone)."""
    if facts.channel.value == "phone":
        return facts.recipients[index].addressed_as
    punct = ":" if facts.channel.value == "letter" else ","
    return "Dear " + facts.recipients[index].addressed_as + punct


CLOSING = "Best regards,"


@cache
def _instructions() -> dict[str, str]:
    data = yaml.safe_load((prompts_dir() / "llm" / "instructions.yaml").read_text("utf-8"))
    assert isinstance(data, dict) and "default" in data, "instructions.yaml needs a default"
    return {str(k): str(v) for k, v in data.items()}


def instruction(finding: Finding, quote: str, facts: Facts, index: int) -> str:
    """Phrase one checker finding as an instruction the model can follow, with its quote."""
    table = _instructions()
    family = finding.rule.split(".")[0]
    template = table.get(finding.rule) or table.get(family) or table["default"]
    values = {
        "quote": quote,
        "suggestion": finding.suggestion or "",
        "message": finding.message,
        "message_lower": finding.message[:1].lower() + finding.message[1:],
        "name": facts.candidate.name,
        "salutation": salutation_for(facts, index),
        "closing": CLOSING,
        "company": facts.company,
        "position": facts.position or "",
        "quote_tail": f' (at "{quote}")' if quote else "",
        "suggestion_tail": f'; for example "{finding.suggestion}"' if finding.suggestion else "",
    }
    return template.format_map(values)


def field_lines(facts: Facts, index: int) -> list[tuple[str, str]]:
    """Return what each field of the reply holds: the contract's description, then what it
    must say in this letter (a small model sees only the schema's shape, not its words)."""
    described = {name: f.description or "" for name, f in LetterParts.model_fields.items()}
    name = facts.candidate.name
    subject = "null." if facts.channel.value != "email" else "required."
    this = {
        "subject": subject,
        "salutation": f'exactly "{inert(salutation_for(facts, index))}"; nothing else.',
        "paragraphs": "the body only: never the greeting, the sign-off, your name or any "
        "address, date or contact line.",
        "closing": f'"{CLOSING}" alone, without your name.',
        "signature": f'["{inert(name)}"], then only contact details from the facts.',
    }
    if facts.channel.value == "phone":  # spoken: the script's parts are all paragraphs
        this |= {
            "salutation": '"" (empty).',
            "paragraphs": "the voicemail, then the call script, each part a paragraph.",
            "closing": '"" (empty).',
            "signature": "[] (empty).",
        }
    return [(k, f"{described[k]} Here: {this[k]}") for k in described]


def revision_messages(
    first: Messages, letter_text: str, findings: list[Finding], facts: Facts, index: int
) -> Messages:
    """Return the conversation asking the model to fix the checker's error findings."""
    asks = []
    for f in findings:
        quote = letter_text[f.start : f.end].strip() if f.start is not None else ""
        asks.append(inert(instruction(f, quote, facts, index)))
    ask = prompt_env().get_template("revise.j2").render(instructions=list(dict.fromkeys(asks)))
    return [*first, ("ai", letter_text), ("human", ask)]
