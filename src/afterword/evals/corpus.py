"""The checker's labelled letters (evals/letters): load them and score every rule on them.

A rule counts as fired on a letter when it reports at error or warning severity there;
suggestions are advice and are not scored. A labelled flaw is caught when its rule fires.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import InputError
from ..facts import facts_from_mapping, merge
from ..models import Facts, Finding, Kind
from ..paths import evals_dir

FAMILIES = (
    "names",
    "grammar",
    "tone",
    "mechanics",
    "structure",
    "facts",
    "grounding",
    "length",
    "timing",
)
# The targets: each error rule's precision, and recall overall and per family.
ERROR_PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.75
_SCORED = {"warning": 1, "error": 2}


@dataclass(frozen=True)
class LabelledLetter:
    """One letter of the corpus, its facts and the rules it must trigger."""

    id: str
    kind: Kind
    facts: Facts
    facts_path: Path
    text: str
    expect: frozenset[str]
    recipient: int | None = None
    subject: str | None = None
    notes: str | None = None


def load_corpus(folder: Path | None = None) -> list[LabelledLetter]:
    """Load every labelled letter under the folder (evals/letters by default)."""
    folder = folder or evals_dir() / "letters"
    items: list[LabelledLetter] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in data["letters"]:
            if entry["id"] in seen:  # scores are kept by id: a clash would merge two letters
                raise InputError(f"{path.name}: id {entry['id']!r} is also in {seen[entry['id']]}")
            seen[entry["id"]] = path.name
            raw = merge(data["facts"], entry.get("facts", {}))
            facts = facts_from_mapping(raw, f"{path.name}:{entry['id']}")
            items.append(
                LabelledLetter(
                    id=entry["id"],
                    kind=facts.kind,
                    facts=facts,
                    facts_path=path,
                    text=entry["text"],
                    expect=frozenset(entry.get("expect", [])),
                    recipient=entry.get("recipient"),
                    subject=entry.get("subject"),
                    notes=entry.get("notes"),
                )
            )
    return items


def family_of(rule_id: str) -> str:
    """Return the family of a rule id (the part before the first dot)."""
    return rule_id.split(".", 1)[0]


def _ratio(hits: int, total: int) -> float | None:
    return hits / total if total else None


@dataclass
class Tally:
    """Hits, false alarms and misses of a rule or a family of rules."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        """Return TP / (TP + FP), None when nothing fired."""
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """Return TP / (TP + FN), None when no letter is labelled with it."""
        return _ratio(self.tp, self.tp + self.fn)

    def add(self, other: Tally) -> None:
        """Add another tally's counts to this one."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class RuleScore(Tally):
    """How one rule did on the corpus; `severity` is "missing" for a label no rule has yet."""

    rule: str = ""
    severity: str = ""
    error_tp: int = 0
    error_fp: int = 0
    fp_letters: list[str] = field(default_factory=list)
    fn_letters: list[str] = field(default_factory=list)

    @property
    def error_precision(self) -> float | None:
        """Return the precision of the rule's error-severity findings, None when it gave none."""
        return _ratio(self.error_tp, self.error_tp + self.error_fp)

    @property
    def lintscore(self) -> float:
        """Return proselint's lintscore T * (T / (T + F))^2."""
        return self.tp * (self.precision or 0.0) ** 2

    def count(self, letter: str, expected: bool, fired: str | None) -> None:
        """Count one letter: whether it is labelled with this rule and how the rule fired."""
        if fired and expected:
            self.tp += 1
            self.error_tp += fired == "error"
        elif fired:
            self.fp += 1
            self.error_fp += fired == "error"
            self.fp_letters.append(letter)
        elif expected:
            self.fn += 1
            self.fn_letters.append(letter)


def fired_rules(findings: list[Finding]) -> dict[str, str]:
    """Map each rule that fired at error or warning to the highest severity it fired at."""
    fired: dict[str, str] = {}
    for f in findings:
        if f.severity in _SCORED and _SCORED[f.severity] > _SCORED.get(fired.get(f.rule, ""), 0):
            fired[f.rule] = f.severity
    return fired


@dataclass
class CorpusResult:
    """Per-rule scores, and each letter's findings and scored firings."""

    scores: dict[str, RuleScore]
    findings: dict[str, list[Finding]]
    letters: list[LabelledLetter]
    fired: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def total_lintscore(self) -> float:
        """Return the lintscore over every rule's hits taken together."""
        total = self.overall()
        return total.tp * (total.precision or 0.0) ** 2

    def overall(self) -> Tally:
        """Return the counts over every rule."""
        total = Tally()
        for s in self.scores.values():
            total.add(s)
        return total

    def families(self) -> dict[str, Tally]:
        """Return the counts of each family, in the contract's order."""
        out = {name: Tally() for name in FAMILIES}
        for s in self.scores.values():
            out.setdefault(family_of(s.rule), Tally()).add(s)
        return out

    def severity_precision(self, severity: str) -> Tally:
        """Return hits and false alarms of the findings that fired at this severity."""
        out = Tally()
        for item in self.letters:
            for rule, sev in self.fired.get(item.id, {}).items():
                if sev == severity:
                    out.tp += rule in item.expect
                    out.fp += rule not in item.expect
        return out

    def error_false_positives(self) -> list[tuple[str, str]]:
        """Return (letter, rule) pairs where a rule fired at error severity unlabelled."""
        return [
            (item.id, rule)
            for item in self.letters
            for rule, sev in self.fired.get(item.id, {}).items()
            if sev == "error" and rule not in item.expect
        ]

    def false_positives(self) -> dict[str, list[tuple[str, str]]]:
        """Map each letter to the (rule, severity) pairs that fired there unlabelled."""
        out: dict[str, list[tuple[str, str]]] = {}
        for item in self.letters:
            wrong = [(r, s) for r, s in self.fired.get(item.id, {}).items() if r not in item.expect]
            if wrong:
                out[item.id] = sorted(wrong, key=lambda p: (p[1] != "error", p[0]))
        return out

    def misses(self) -> list[tuple[str, str]]:
        """Return (letter, rule) pairs where a labelled flaw was not caught."""
        return [(letter, s.rule) for s in self.scores.values() for letter in s.fn_letters]

    def misses_by_family(self) -> dict[str, list[tuple[str, str]]]:
        """Group the misses by the family of the rule that should have fired."""
        out: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for letter, rule in sorted(self.misses(), key=lambda p: (p[1], p[0])):
            out[family_of(rule)].append((letter, rule))
        return {name: out[name] for name in [*FAMILIES, *sorted(out)] if name in out}

    def below_target(self) -> list[str]:
        """List what misses the issue's targets: error precision per rule, recall."""
        out = [
            f"{s.rule}: error precision {s.error_precision:.2f} < {ERROR_PRECISION_FLOOR}"
            for s in sorted(self.scores.values(), key=lambda s: s.rule)
            if s.error_precision is not None and s.error_precision < ERROR_PRECISION_FLOOR
        ]
        tallies = {"all rules": self.overall(), **self.families()}
        out += [
            f"{name}: recall {t.recall:.2f} < {RECALL_FLOOR}"
            for name, t in tallies.items()
            if t.recall is not None and t.recall < RECALL_FLOOR
        ]
        return out


def score_corpus(letters: list[LabelledLetter] | None = None) -> CorpusResult:
    """Check every labelled letter and score each rule against the labels."""
    from ..checker import RULES, check

    letters = letters if letters is not None else load_corpus()
    scores = {rid: RuleScore(rule=rid, severity=r.severity) for rid, r in RULES.items()}
    result = CorpusResult(scores, {}, letters)
    for item in letters:
        report = check(
            item.text, item.facts, item.kind, subject=item.subject, recipient=item.recipient
        )
        result.findings[item.id] = report.findings
        fired = result.fired[item.id] = fired_rules(report.findings)
        for rid in set(fired) | item.expect:
            score = scores.setdefault(rid, RuleScore(rule=rid, severity="missing"))
            score.count(item.id, rid in item.expect, fired.get(rid))
    return result
