"""The model's output contract (LetterParts) and how it becomes a Draft."""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from ..checker.doc import Doc
from ..models import Channel, Draft, Facts
from .offline import assemble


class LetterParts(BaseModel):
    """A letter in parts, as the model writes it."""

    subject: str | None = Field(
        description="Email subject line of under ten words; null for a card or a printed letter."
    )
    salutation: str = Field(description="The greeting line, for example 'Dear Ms. Raman,'.")
    paragraphs: list[str] = Field(
        description="The body paragraphs in order, plain text, without greeting or sign-off."
    )
    closing: str = Field(description="The sign-off line, for example 'Best regards,'.")
    signature: list[str] = Field(
        description="Lines under the sign-off: the candidate's name, then only contact "
        "details given in the facts."
    )


def parts_from_text(text: str, facts: Facts) -> LetterParts:
    """Read a plain-text letter (from a server without structured output) into parts."""
    if facts.channel is Channel.PHONE:  # a script: its labelled parts, nothing around them
        blocks = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", text.strip())]
        return LetterParts(
            subject=None,
            salutation="",
            paragraphs=[b for b in blocks if b],
            closing="",
            signature=[],
        )
    doc = Doc(text.strip() + "\n", facts, facts.kind)
    if doc.salutation is None or not doc.body.text.strip():
        raise ValueError("the reply is not a letter: no greeting or no body")
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", doc.body.text)]
    signature = [ln.strip() for ln in doc.signature.text.splitlines() if ln.strip()]
    return LetterParts(
        subject=doc.subject,
        salutation=doc.salutation.text,
        paragraphs=[p for p in paragraphs if p],
        closing=doc.closing.text if doc.closing else "",
        signature=signature,
    )


def draft_from_parts(facts: Facts, index: int, parts: LetterParts, backend: str) -> Draft:
    """Assemble the model's parts in the channel's form, keeping the model's own words."""
    paragraphs = [p.strip() for p in parts.paragraphs if p.strip()]
    subject = (parts.subject or "").strip() or None
    draft = assemble(facts, facts.recipients[index], paragraphs, subject)
    if facts.channel is Channel.PHONE:  # spoken: the parts alone, nothing to replace
        return draft.model_copy(update={"backend": backend})
    lines = draft.text.rstrip("\n").split("\n")
    # Replace the composer's greeting, sign-off and signature with the model's, so the
    # checker reads exactly what the model wrote.
    at = lines.index(draft.salutation)
    body = lines[at + 1 : len(lines) - len(draft.signature) - 1]
    signature = [s.strip() for s in parts.signature if s.strip()]
    text_lines = [*lines[:at], parts.salutation.strip(), *body, parts.closing.strip(), *signature]
    return draft.model_copy(
        update={
            "backend": backend,
            "subject": subject if facts.channel is Channel.EMAIL else None,
            "salutation": parts.salutation.strip(),
            "closing": parts.closing.strip(),
            "signature": signature,
            "text": "\n".join(text_lines) + "\n",
        }
    )
