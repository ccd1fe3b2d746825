"""A checked letter as a file or a link: plain text, an .eml draft, a Word document, mailto."""

from __future__ import annotations

import io
import re
from email.message import EmailMessage
from urllib.parse import quote

from .models import Facts, Letter
from .names import transliterate


def to_txt(letter: Letter) -> bytes:
    """Return the letter as UTF-8 text, with its subject line for email."""
    head = f"Subject: {letter.subject}\n\n" if letter.subject else ""
    return (head + letter.text).encode("utf-8")


def _recipient_email(facts: Facts, letter: Letter) -> str | None:
    return next((r.email for r in facts.recipients if r.name == letter.recipient), None)


def to_eml(letter: Letter, facts: Facts) -> bytes:
    """Return an unsent email draft (.eml) that mail apps open for editing."""
    msg = EmailMessage()
    if facts.candidate.email:
        msg["From"] = f"{facts.candidate.name} <{facts.candidate.email}>"
    to = _recipient_email(facts, letter)
    if to:  # a name without an address is not a valid To header: the mail app asks instead
        msg["To"] = f"{letter.recipient} <{to}>"
    msg["Subject"] = letter.subject or ""
    msg["X-Unsent"] = "1"
    msg.set_content(letter.text)
    return bytes(msg)


def to_docx(letter: Letter) -> bytes:
    """Return the letter as a Word document, one paragraph per block."""
    from docx import Document

    doc = Document()
    for block in re.split(r"\n\s*\n", letter.text.strip()):
        para = doc.add_paragraph()
        lines = block.split("\n")
        for i, line in enumerate(lines):
            run = para.add_run(line)
            if i < len(lines) - 1:
                run.add_break()
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def mailto(letter: Letter, facts: Facts) -> str:
    """Return a mailto: link that opens the letter in the mail app."""
    to = _recipient_email(facts, letter) or ""
    subject = quote(letter.subject or "")
    return f"mailto:{quote(to, safe='@')}?subject={subject}&body={quote(letter.text)}"


def file_stem(letter: Letter) -> str:
    """Return a safe file name for the letter, marked NOT-READY while errors remain."""
    said = transliterate(f"{letter.kind.value}-{letter.recipient}")  # "Seán" -> "Sean"
    name = re.sub(r"[^A-Za-z0-9]+", "-", said).strip("-")
    return (name.lower() or "letter") + ("" if letter.passed else "-NOT-READY")
