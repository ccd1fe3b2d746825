"""The checker: every draft is read by these rules before anyone sees it."""

from __future__ import annotations

from ..models import Channel, Facts, Kind, Report
from . import (  # noqa: F401  (importing a family registers its rules)
    facts_rules,
    grounding,
    kinds_more,
    length,
    mechanics,
    names,
    speech,
    structure,
    timing,
    tone,
)
from .doc import Doc
from .registry import RULES, Rule
from .speech import WRITTEN_ONLY

__all__ = ["RULES", "Rule", "check"]

_ORDER = {"error": 0, "warning": 1, "suggestion": 2}


def check(
    text: str,
    facts: Facts,
    kind: Kind | str | None = None,
    *,
    subject: str | None = None,
    recipient: int | None = None,
) -> Report:
    """Check a letter against the facts and return every finding, errors first."""
    doc = Doc(text, facts, Kind(kind or facts.kind), subject=subject, recipient_index=recipient)
    spoken = doc.facts.channel is Channel.PHONE
    rules = [r for r in RULES.values() if not (spoken and r.id in WRITTEN_ONLY)]
    findings = [f for r in rules if r.applies(doc.kind) for f in r.run(doc)]
    findings.sort(key=lambda f: (_ORDER[f.severity], f.start if f.start is not None else -1))
    return Report(passed=not any(f.severity == "error" for f in findings), findings=findings)
