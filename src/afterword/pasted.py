"""Check a pasted letter with no facts given, as the app's "Check my letter" does.

The checker itself reads a letter alone (checker/infer.py: the greeting's name, the signer,
the kind) and skips the rules that need facts; this adds the note the person reads, and leaves
the subject out when none was given (the letter may be a card or a printed letter).
"""

from __future__ import annotations

from .models import Kind, Report

SKIPPED_NOTE = (
    "Checked without the facts: names, the company, the position, dates and amounts were not "
    "compared with anything. Turn on 'Also check names, dates and amounts against the facts' "
    "to check those too."
)


def check_alone(text: str, kind: Kind | str, subject: str | None = None) -> tuple[Report, str]:
    """Check a letter without facts; return the report and a note saying what was skipped."""
    from .checker import check

    report = check(text, None, kind, subject=subject)
    if subject is None:
        kept = [f for f in report.findings if f.rule != "structure.subject"]
        report = report.model_copy(update={"findings": kept})
    return report, SKIPPED_NOTE
