"""The offline composer: jinja2 letter templates filled from the facts, deterministic."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from ..kinds import require_facts, spec_for
from ..models import Channel, Draft, DraftOptions, Facts, Kind, Recipient
from ..paths import prompts_dir
from ..speech import spoken_number
from . import phrasing
from .more import promised, thanks_for
from .phrasing import Reader
from .slots import Slots, slots

_CLOSINGS = {
    Channel.EMAIL: "Best regards,",
    Channel.CARD: "Warm regards,",
    Channel.LETTER: "Sincerely,",
}


def long_date(day: dt.date, today: dt.date | None = None) -> str:
    """Write a date as 'Monday, November 23', adding the year when it is not the send year."""
    text = f"{day:%A}, {day:%B} {day.day}"
    if today is None or day.year != today.year:
        text += f", {day.year}"
    return text


def plain_date(day: dt.date, today: dt.date | None = None) -> str:
    """Write a date as 'November 23', adding the year when it is not the send year."""
    text = f"{day:%B} {day.day}"
    if today is None or day.year != today.year:
        text += f", {day.year}"
    return text


_NOT_AT_INTERVIEW = frozenset(
    {Kind.NETWORKING_THANKS, Kind.REFERENCE_UPDATE, Kind.REFERENCE_CHECK_IN}
)


def next_step_sentence(facts: Facts, reader: Reader | None = None) -> str:
    """Say what comes next using only the facts, or a plain expectation when none is given."""
    step = facts.next_step
    if step and step.text:
        # A reference or a contact was not at the interview: nothing was discussed with them.
        return phrasing.next_step(step.text, reader, facts.kind not in _NOT_AT_INTERVIEW)
    if step and step.date:
        return f"I understand a decision is expected by {long_date(step.date, facts.sent_on)}."
    return "I look forward to hearing from you about the next steps."


@cache
def _environment(root: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(root),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        autoescape=False,
    )
    env.filters["long_date"] = long_date
    env.filters["plain_date"] = plain_date
    env.filters["spoken"] = spoken_number
    env.filters["promised"] = promised
    env.filters["thanks_for"] = thanks_for
    return env


def _paragraphs(rendered: str) -> list[str]:
    blocks = re.split(r"\n\s*\n", rendered.strip())
    # A name that ends in a full stop ("Acme Corp.") ends its sentence with that one stop.
    return [
        re.sub(r"(?<!\.)\.\.(?!\.)", ".", re.sub(r"\s+", " ", b)).strip()
        for b in blocks
        if b.strip()
    ]


def _salutation(recipient: Recipient, channel: Channel) -> str:
    mark = ":" if channel is Channel.LETTER else ","
    return f"Dear {recipient.addressed_as}{mark}"


def _signature(facts: Facts) -> list[str]:
    cand = facts.candidate
    if facts.channel is not Channel.EMAIL:
        return [cand.name]
    contact = " | ".join(x for x in (cand.email, cand.phone) if x)
    return [cand.name, contact] if contact else [cand.name]


def _letter_head(facts: Facts, recipient: Recipient) -> list[str]:
    cand = facts.candidate
    head = [cand.name]
    head += [x for x in (cand.address, cand.email, cand.phone) if x]
    head += ["", f"{facts.sent_on:%B} {facts.sent_on.day}, {facts.sent_on.year}", ""]
    head.append(
        f"{recipient.honorific} {recipient.name}" if recipient.honorific else recipient.name
    )
    if recipient.title:
        head.append(recipient.title)
    company = _letter_company(facts)
    if not recipient.address or company.lower() not in recipient.address.lower():
        head.append(company)
    if recipient.address:
        head.append(recipient.address)
    return [*head, ""]


def _letter_company(facts: Facts) -> str:
    if facts.kind == "resignation" and facts.candidate.current_employer:
        return facts.candidate.current_employer
    return facts.company


_TONE_CLOSINGS = {"formal": "Sincerely,", "warm": "Warm regards,"}


def assemble(
    facts: Facts,
    recipient: Recipient,
    paragraphs: list[str],
    subject: str | None,
    options: DraftOptions | None = None,
) -> Draft:
    """Join the parts of a letter into its text in the channel's form."""
    if facts.channel is Channel.PHONE:
        return _spoken(facts, recipient, paragraphs)
    salutation = _salutation(recipient, facts.channel)
    tone = options.tone if options else "neutral"
    closing = _TONE_CLOSINGS.get(tone, _CLOSINGS[facts.channel])
    signature = _signature(facts)
    lines = _letter_head(facts, recipient) if facts.channel is Channel.LETTER else []
    lines.append(salutation)
    for para in paragraphs:
        lines += ["", para]
    lines += ["", closing, *signature]
    return Draft(
        kind=facts.kind,
        channel=facts.channel,
        recipient=recipient.name,
        backend="offline",
        subject=subject if facts.channel is Channel.EMAIL else None,
        salutation=salutation,
        paragraphs=paragraphs,
        closing=closing,
        signature=signature,
        text="\n".join(lines) + "\n",
    )


def _spoken(facts: Facts, recipient: Recipient, paragraphs: list[str]) -> Draft:
    """A phone script: its parts only, no greeting line, sign-off or subject."""
    return Draft(
        kind=facts.kind,
        channel=facts.channel,
        recipient=recipient.name,
        backend="offline",
        subject=None,
        salutation="",
        paragraphs=paragraphs,
        closing="",
        signature=[],
        text="\n\n".join(paragraphs) + "\n",
    )


def subject_line(facts: Facts) -> str:
    """Return the email subject for the facts' kind."""
    return (
        spec_for(facts.kind)
        .subject.format(position=facts.position or "", company=facts.company)
        .strip()
    )


def template_context(
    facts: Facts, index: int, options: DraftOptions | None = None
) -> dict[str, Any]:
    """Build the variables every letter template sees."""
    options = options or DraftOptions()
    recipient = facts.recipients[index]
    reader = Reader.of(recipient)

    def pick(options: list[str]) -> str:
        return options[index % len(options)]

    shaped = slots(facts, index, options)
    return {
        **_plain_slots(facts, shaped, options),
        "f": facts,
        "r": recipient,
        "c": facts.candidate,
        "company": facts.company,
        "position": facts.position,
        "card": facts.channel is Channel.CARD,
        "brief": facts.channel is Channel.CARD or options.length == "short",
        "tone": options.tone,
        "s": shaped,
        "channel": facts.channel.value,
        "i": index,
        "pick": pick,
        "interview": facts.interview,
        "offer": facts.offer,
        "decision": facts.decision,
        "next_step": next_step_sentence(facts, reader),
        "today": facts.sent_on,
        "several": len(facts.recipients) > 1,
    }


def _plain_slots(facts: Facts, shaped: Slots, options: DraftOptions) -> dict[str, Any]:
    """The older template variables, for templates that do not read `s` yet: the lead point
    as a noun phrase, and strengths without a leading "my" (templates write "my {{ ... }}")."""
    interview = facts.interview
    strengths = [
        re.sub(r"^(?:my|the|a|an)\s+", "", phrasing.lower_first(phrasing.tidy(x)), flags=re.I)
        for x in (interview.strengths if interview else [])
        if not any(phrasing.covers(x, a) for a in options.avoid)
        and phrasing.form_of(x) in ("noun", "gerund")  # a clause cannot follow "my"
    ]
    return {
        "lead_point": shaped.lead.np if shaped.lead else None,
        "strengths": strengths,
        "mentions": list(interview.mentions) if interview else [],
    }


def compose_one(
    facts: Facts, index: int, templates: Path | None = None, options: DraftOptions | None = None
) -> Draft:
    """Write the letter to the recipient at `index`."""
    env = _environment(str(templates or prompts_dir() / "letters"))
    template = env.get_template(f"{facts.kind.value}.j2")
    try:
        rendered = template.render(**template_context(facts, index, options))
    except jinja2.UndefinedError as err:  # a template bug, never a user's fault
        raise RuntimeError(f"template {facts.kind.value}.j2: {err}") from err
    subject = subject_line(facts) if facts.channel is Channel.EMAIL else None
    return assemble(facts, facts.recipients[index], _paragraphs(rendered), subject, options)


def compose(
    facts: Facts, templates: Path | None = None, options: DraftOptions | None = None
) -> list[Draft]:
    """Write one letter per recipient, refusing when a required fact is missing."""
    require_facts(facts)
    return [compose_one(facts, i, templates, options) for i in range(len(facts.recipients))]
