"""The checker's labelled letters (evals/letters): load them and score every rule on them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..facts import facts_from_mapping, merge
from ..models import Facts, Finding, Kind
from ..paths import evals_dir


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
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in data["letters"]:
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


@dataclass
class RuleScore:
    """How one rule did on the corpus."""

    rule: str
    severity: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fp_letters: list[str] = field(default_factory=list)
    fn_letters: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Return TP / (TP + FP), 1.0 when the rule never fired."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Return TP / (TP + FN), 1.0 when no letter expects the rule."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def lintscore(self) -> float:
        """Return proselint's lintscore T * (T / (T + F))^2."""
        return self.tp * self.precision**2


@dataclass
class CorpusResult:
    """Per-rule scores, and each letter's findings."""

    scores: dict[str, RuleScore]
    findings: dict[str, list[Finding]]
    letters: list[LabelledLetter]

    @property
    def total_lintscore(self) -> float:
        """Return the lintscore over every rule's hits taken together."""
        tp = sum(s.tp for s in self.scores.values())
        fp = sum(s.fp for s in self.scores.values())
        return tp * (tp / (tp + fp)) ** 2 if tp + fp else 0.0

    def error_false_positives(self) -> list[tuple[str, str]]:
        """Return (letter, rule) pairs where an error rule fired unexpectedly."""
        return [
            (letter, s.rule)
            for s in self.scores.values()
            if s.severity == "error"
            for letter in s.fp_letters
        ]

    def misses(self) -> list[tuple[str, str]]:
        """Return (letter, rule) pairs where a labelled flaw was not caught."""
        return [(letter, s.rule) for s in self.scores.values() for letter in s.fn_letters]


def score_corpus(letters: list[LabelledLetter] | None = None) -> CorpusResult:
    """Check every labelled letter and score each rule against the labels."""
    from ..checker import RULES, check

    letters = letters if letters is not None else load_corpus()
    scores = {rid: RuleScore(rid, r.severity) for rid, r in RULES.items()}
    all_findings: dict[str, list[Finding]] = {}
    for item in letters:
        report = check(
            item.text, item.facts, item.kind, subject=item.subject, recipient=item.recipient
        )
        all_findings[item.id] = report.findings
        fired = Counter(f.rule for f in report.findings)
        for rid in set(fired) | item.expect:
            s = scores[rid]
            if rid in fired and rid in item.expect:
                s.tp += 1
            elif rid in fired:
                s.fp += 1
                s.fp_letters.append(item.id)
            else:
                s.fn += 1
                s.fn_letters.append(item.id)
    return CorpusResult(scores, all_findings, letters)


def format_scores(result: CorpusResult) -> str:
    """Render the per-rule table as text."""
    lines = [
        f"{'rule':32} {'sev':10} {'TP':>3} {'FP':>3} {'FN':>3} "
        f"{'prec':>5} {'recall':>6} {'lint':>5}"
    ]
    for s in sorted(result.scores.values(), key=lambda s: s.rule):
        if s.tp + s.fp + s.fn == 0:
            continue
        lines.append(
            f"{s.rule:32} {s.severity:10} {s.tp:>3} {s.fp:>3} {s.fn:>3} "
            f"{s.precision:>5.2f} {s.recall:>6.2f} {s.lintscore:>5.1f}"
        )
    tp = sum(s.tp for s in result.scores.values())
    fp = sum(s.fp for s in result.scores.values())
    fn = sum(s.fn for s in result.scores.values())
    lines.append(
        f"{len(result.letters)} letters; all rules: TP {tp}, FP {fp}, FN {fn}, "
        f"lintscore {result.total_lintscore:.1f}"
    )
    for letter, rule in result.error_false_positives():
        lines.append(f"ERROR false positive: {rule} on {letter}")
    for letter, rule in result.misses():
        lines.append(f"missed: {rule} on {letter}")
    return "\n".join(lines)
