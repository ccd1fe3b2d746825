"""One way through: facts -> drafter -> checker -> checked letters."""

from __future__ import annotations

from .models import Draft, Facts, Letter


def check_draft(draft: Draft, facts: Facts, notices: list[str] | None = None) -> Letter:
    """Run the checker over one draft and return it as a checked letter."""
    from .checker import check

    index = next(i for i, r in enumerate(facts.recipients) if r.name == draft.recipient)
    report = check(draft.text, facts, draft.kind, subject=draft.subject, recipient=index)
    return Letter(
        kind=draft.kind,
        channel=draft.channel,
        recipient=draft.recipient,
        backend=draft.backend,
        subject=draft.subject,
        text=draft.text,
        passed=report.passed,
        findings=report.findings,
        notices=list(notices or []),
    )


def draft_offline(facts: Facts) -> list[Letter]:
    """Draft every letter with the offline composer and check each one."""
    from .drafting.offline import compose

    return [check_draft(d, facts) for d in compose(facts)]
