"""One way through: facts -> drafter -> checker -> checked letters."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .models import Draft, DraftOptions, Facts, Letter
from .settings import Settings, choose_backend

if TYPE_CHECKING:
    from .drafting.chain import LetterRun, Progress


def check_draft(draft: Draft, facts: Facts, notices: list[str] | None = None) -> Letter:
    """Run the checker over one draft and return it as a checked letter."""
    from .checker import check

    index = next(i for i, r in enumerate(facts.recipients) if r.name == draft.recipient)
    report = check(draft.text, facts, draft.kind, subject=draft.subject, recipient=index)
    return Letter.from_draft(draft, report.findings, notices or [])


def draft_offline(facts: Facts, options: DraftOptions | None = None) -> list[Letter]:
    """Draft every letter with the offline composer and check each one."""
    from .drafting.offline import compose

    return [check_draft(d, facts) for d in compose(facts, options=options)]


def draft_runs(
    facts: Facts,
    backend: str,
    settings: Settings,
    progress: Progress | None = None,
    options: DraftOptions | None = None,
) -> tuple[list[Letter], list[LetterRun]]:
    """Draft with the chosen backend ('auto' picks the model when configured); every letter
    comes back checked. The runs record the model's attempts (empty offline)."""
    from .kinds import require_facts
    from .plan import offer_notices

    require_facts(facts)
    runs: list[LetterRun] = []
    if choose_backend(backend, settings) == "offline":
        letters = draft_offline(facts, options)
    else:
        from .drafting.chain import Chain

        runs = Chain(settings).draft(facts, progress, options)
        letters = [r.letter for r in runs if r.letter is not None]
    extra = offer_notices(facts)
    return [x.model_copy(update={"notices": [*x.notices, *extra]}) for x in letters], runs
