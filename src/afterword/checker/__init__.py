"""The checker: every draft is read by these rules before anyone sees it."""

from __future__ import annotations

from ..models import Channel, Facts, Finding, Kind, Report
from . import (  # noqa: F401  (importing a family registers its rules)
    facts_other,
    facts_rules,
    grammar,
    grounding,
    kinds_more,
    length,
    mechanics,
    names,
    pastes,
    signature,
    speech,
    structure,
    subject_line,
    timing,
    tone,
    vocative,
)
from .doc import Doc
from .grammar import begin as begin_grammar
from .infer import cued_kind, infer_facts
from .known import checking
from .normalize import normalize
from .registry import RULES, Rule
from .speech import WRITTEN_ONLY

__all__ = ["RULES", "Rule", "check"]

_ORDER = {"error": 0, "warning": 1, "suggestion": 2}
# Harper's rules last: the lint collects what Harper worked out while the other rules ran, and
# spelling asks Harper's dictionary, which a new process is still building meanwhile.
_LAST = ("mechanics.spelling", "grammar.harper")
_IN_ORDER = sorted(RULES.values(), key=lambda r: _LAST.index(r.id) if r.id in _LAST else -1)


def check(
    text: str,
    facts: Facts | None = None,
    kind: Kind | str | None = None,
    *,
    subject: str | None = None,
    recipient: int | None = None,
) -> Report:
    """Check a letter against the facts (or what the letter says of itself) and return every
    finding, errors first, with spans into the text as given."""
    inferred = facts is None
    facts = facts if facts is not None else infer_facts(normalize(text).text, kind)
    doc = Doc(
        text,
        facts,
        Kind(kind or facts.kind),
        subject=subject,
        recipient_index=recipient,
        inferred=inferred,
    )
    with checking(facts):
        findings, skipped = _run(doc, inferred)
    # A letter alone, with no word saying what it is, is read as a thank-you note; what only
    # that kind must say is then a warning, not a block (a note to keep in touch is no
    # thank-you): the report says what it was read as.
    guessed = inferred and kind is None and cued_kind(doc.text) is None
    if guessed:
        for f in findings:
            if f.severity == "error" and RULES[f.rule].kinds is not None:
                f.severity = "warning"
    findings.sort(key=lambda f: (_ORDER[f.severity], f.start if f.start is not None else -1))
    return Report(
        passed=not any(f.severity == "error" for f in findings),
        findings=findings,
        skipped=skipped,
        read_as=doc.kind if guessed else None,
    )


def _run(doc: Doc, inferred: bool) -> tuple[list[Finding], list[str]]:
    """Run every rule that reads this kind of letter; return the findings and the rules
    skipped for want of facts."""
    findings: list[Finding] = []
    skipped: list[str] = []
    spoken = doc.facts.channel is Channel.PHONE
    if RULES["grammar.harper"].applies(doc.kind):
        begin_grammar(doc)
    for r in _IN_ORDER:
        if not r.applies(doc.kind) or (spoken and r.id in WRITTEN_ONLY):
            continue
        if inferred and r.needs_facts:
            skipped.append(r.id)
            continue
        for f in r.run(doc):
            f.start, f.end = doc.norm.to_raw(f.start, f.end)
            findings.append(f)
    return findings, skipped
