"""The offline composer's letter for a kind's example facts, edited as a writer would, and
what one rule makes of it: the rest of the letter is known to be clean."""

from __future__ import annotations

from afterword.checker import check
from afterword.drafting.offline import compose
from afterword.models import Facts, Kind, Severity

from .conftest import example_facts


def severities(kind: Kind, edits: tuple[tuple[str, str], ...], rule: str) -> set[Severity]:
    """Return the severities the rule gives the kind's letter with the edits made."""
    facts = example_facts(kind)
    draft = compose(facts)[0]
    text = draft.text
    for old, new in edits:
        assert old in text, f"edit does not apply: {old!r}"
        text = text.replace(old, new)
    report = check(text, facts, kind, subject=draft.subject, recipient=0)
    return {f.severity for f in report.findings if f.rule == rule}


def facts_of(base: dict[str, object], kind: Kind, **more: object) -> Facts:
    """Return a table's base facts as a kind's, with fields replaced (`more`)."""
    return Facts.model_validate({**base, "kind": kind.value, **more})
