"""One way through: facts -> drafter -> checker -> checked letters."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import AfterwordError
from .models import Draft, DraftOptions, Facts, Letter
from .settings import Settings, choose_backend

if TYPE_CHECKING:
    from .drafting.calling import Words
    from .drafting.chain import LetterRun, Progress
    from .store import Store


def check_draft(draft: Draft, facts: Facts, notices: list[str] | None = None) -> Letter:
    """Run the checker over one draft and return it as a checked letter."""
    from .checker import check

    index = next(i for i, r in enumerate(facts.recipients) if r.name == draft.recipient)
    report = check(draft.text, facts, draft.kind, subject=draft.subject or "", recipient=index)
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
    words: Words | None = None,
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

        runs = Chain(settings).draft(facts, progress, options, words)
        letters = [r.letter for r in runs if r.letter is not None]
    extra = offer_notices(facts)
    return [x.model_copy(update={"notices": [*x.notices, *extra]}) for x in letters], runs


def keep(
    store: Store | None,
    facts: Facts,
    letters: list[Letter],
    problem: str = "",
    workspace: str | None = None,
) -> list[Letter]:
    """Save the drafts, and the follow-ups they belong to, before they are shown. A history
    that cannot be written becomes a notice on each letter; the letters are never lost."""
    from .plan import build_plan

    if store is not None:
        try:
            store.save_letters(facts, letters, workspace)
            store.save_plan(facts, build_plan(facts))
            return letters
        except AfterwordError as err:
            problem = str(err)
    note = (
        f"not saved to the history: {problem.rstrip('.')}; your letter is below and was not saved"
    )
    return [x.model_copy(update={"notices": [*x.notices, note]}) for x in letters]
