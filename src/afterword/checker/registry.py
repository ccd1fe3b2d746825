"""Rules as declarations: an id, a severity, the kinds it applies to, a message and a matcher."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..models import Finding, Kind, Severity
from .doc import Doc
from .lexicon import phrases_regex


@dataclass(frozen=True)
class Hit:
    """Where a rule matched, with anything the rule adds to its message."""

    start: int | None = None
    end: int | None = None
    detail: str | None = None
    suggestion: str | None = None
    severity: Severity | None = None


Matcher = Callable[[Doc], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """One check: `family.name`, its severity and message, and the kinds it reads."""

    id: str
    severity: Severity
    message: str
    matcher: Matcher
    kinds: frozenset[Kind] | None = None
    needs_facts: bool = False  # skipped when the facts were read from the letter alone

    def applies(self, kind: Kind) -> bool:
        """Say whether the rule reads letters of this kind."""
        return self.kinds is None or kind in self.kinds

    def run(self, doc: Doc) -> Iterator[Finding]:
        """Run the matcher and turn its hits into findings."""
        for hit in self.matcher(doc):
            message = self.message + (f": {hit.detail}" if hit.detail else "")
            yield Finding(
                rule=self.id,
                severity=hit.severity or self.severity,
                message=message,
                start=hit.start,
                end=hit.end,
                suggestion=hit.suggestion,
            )


RULES: dict[str, Rule] = {}
# Families that compare the letter with the facts, so they cannot run on a letter alone.
_FACT_FAMILIES = frozenset({"facts", "grounding", "timing"})


def rule(
    rule_id: str,
    severity: Severity,
    message: str,
    kinds: Iterable[Kind | str] | None = None,
    *,
    needs_facts: bool = False,
) -> Callable[[Matcher], Matcher]:
    """Register a matcher as a rule."""

    def register(fn: Matcher) -> Matcher:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} is declared twice")
        kind_set = frozenset(Kind(k) for k in kinds) if kinds is not None else None
        needs = needs_facts or rule_id.split(".")[0] in _FACT_FAMILIES
        RULES[rule_id] = Rule(rule_id, severity, message, fn, kind_set, needs)
        return fn

    return register


def lexicon_rule(
    rule_id: str,
    severity: Severity,
    message: str,
    family: str,
    name: str,
    kinds: Iterable[Kind | str] | None = None,
    where: str = "body",
) -> None:
    """Register a rule that flags every phrase of a lexicon list found in the letter."""

    def matcher(doc: Doc) -> Iterator[Hit]:
        span = doc.body if where == "body" else None
        base, text = (span.start, span.text) if span else (0, doc.text)
        for m in phrases_regex(family, name).finditer(text):
            yield Hit(base + m.start(), base + m.end(), f'"{m.group()}"')

    rule(rule_id, severity, message, kinds)(matcher)


def present(doc: Doc, family: str, name: str) -> bool:
    """Say whether any phrase of a lexicon list is in the letter's body."""
    return phrases_regex(family, name).search(doc.body.text) is not None
