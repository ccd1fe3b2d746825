"""Check a pasted letter with no facts given: only the rules that need no facts run.

Names, the company, the position, dates and amounts can only be checked against facts, so
those rules are skipped and the user is told so. The greeting's and the signature's names are
read from the letter itself, so the spelling rule does not flag them.
"""

from __future__ import annotations

import datetime as dt
import re

from .extract import HONORIFIC
from .models import Facts, Kind, Report

SKIPPED = (
    "facts.",
    "grounding.",
    "timing.",
    "names.misspelt",
    "names.case",
    "names.honorific",
    "names.salutation_recipient",
    "names.first_name_only",
    "names.signature",
    "names.generic_greeting",
    "structure.specific_point",
    "mechanics.sender_address",
)
SKIPPED_NOTE = (
    "Checked without the facts: names, the company, the position, dates and amounts were not "
    "compared with anything. Turn on 'Also check names, dates and amounts against the facts' "
    "to check those too."
)
_GREETING = re.compile(
    r"^\s*(?:dear|hello|hi|good (?:morning|afternoon))\s+(.+?)\s*[,:]?\s*$", re.I | re.M
)


def _reader(text: str) -> str:
    m = _GREETING.search(text)
    if not m:
        return "the reader"
    name = re.sub(rf"^(?:{HONORIFIC})\.?\s+", "", m.group(1).strip(), flags=re.I)
    return name.strip(" ,:") or "the reader"


def _signer(text: str) -> str:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    for line in reversed(lines[-3:]):
        if re.fullmatch(r"[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,4}", line):
            return line
    return "the writer"


def check_alone(
    text: str, kind: Kind | str, subject: str | None = None, today: dt.date | None = None
) -> tuple[Report, str]:
    """Check a letter without facts; return the report and a note saying what was skipped.
    Without a subject the letter may be a card or a printed letter: no subject is asked for."""
    from .checker import check

    facts = Facts.model_validate(
        {
            "kind": Kind(kind),
            "sent_on": (today or dt.date.today()).isoformat(),
            "candidate": {"name": _signer(text)},
            "company": "the company",
            "recipients": [{"name": _reader(text)}],
        }
    )
    report = check(text, facts, kind, subject=subject)
    skipped = SKIPPED if subject else (*SKIPPED, "structure.subject")
    kept = [f for f in report.findings if not f.rule.startswith(skipped)]
    passed = not any(f.severity == "error" for f in kept)
    return Report(passed=passed, findings=kept), SKIPPED_NOTE
