"""Blind pairwise comparison of two runs' letters by the judge.

Each pair is shown as "Letter 1" and "Letter 2" in a seeded random order, then again the other
way round. A side wins only when both orders pick it; otherwise the pair is a tie, or a flip when
the two orders picked different letters (the judge followed the position, not the letter).
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import AfterwordError, BackendError
from ..paths import ROOT
from .judge import Judge
from .stats import bootstrap_interval


@dataclass
class Side:
    """One letter of a run, with the checker's verdict on it."""

    key: str
    kind: str
    text: str
    passed: bool
    errors: list[str] = field(default_factory=list)
    backend: str = ""


def load_run(folder: Path) -> dict[str, Side]:
    """Read a run's letters: `afterword eval`'s results.jsonl, or bench_live's .txt letters."""
    if (folder / "results.jsonl").exists():
        return _from_results(folder / "results.jsonl")
    texts = sorted(folder.glob("*.txt"))
    if not texts:
        raise AfterwordError(
            f"{folder}: no results.jsonl (from `afterword eval`) and no .txt letters "
            "(from benchmarks/bench_live.py) to compare"
        )
    return {p.stem: _from_text(p) for p in texts}


def _from_results(path: Path) -> dict[str, Side]:
    sides: dict[str, Side] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        for i, letter in enumerate(row.get("letters") or []):
            errors = [f["rule"] for f in letter["findings"] if f["severity"] == "error"]
            key = f"{row['id']}/{i + 1}"
            sides[key] = Side(
                key, row["kind"], letter["text"], letter["passed"], errors, letter["backend"]
            )
    return sides


def _from_text(path: Path) -> Side:
    """Read one bench_live letter: its text, then after '----' the backend and findings."""
    from ..facts import load_facts

    body, _, tail = path.read_text(encoding="utf-8").partition("\n----\n")
    body = re.sub(r"\ASubject: .*\n\n", "", body)
    stem = re.sub(r"-\d+$", "", path.stem)  # a panel's letters are name-1, name-2 ...
    example = ROOT / "examples" / f"{stem}.yaml"
    if not example.exists():
        raise AfterwordError(f"{path}: no example {example.name} to tell the letter's kind")
    found = re.search(r"backend: (\S+); passed: (True|False)", tail)
    errors = re.findall(r"^- error \[([\w.]+)\]", tail, re.M)
    return Side(
        path.stem,
        load_facts(example).kind.value,
        body.strip(),
        bool(found and found.group(2) == "True"),
        errors,
        found.group(1) if found else "",
    )


def draft_examples(draft: Any) -> dict[str, Side]:
    """Draft every facts file in examples/ with a runner's draft function, keyed as
    benchmarks/bench_live.py names its letters (a panel's as name-1, name-2 ...)."""
    from ..facts import load_facts

    sides: dict[str, Side] = {}
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        facts = load_facts(path)
        letters, _ = draft(None, facts)
        for i, letter in enumerate(letters):
            key = f"{path.stem}-{i + 1}" if len(facts.recipients) > 1 else path.stem
            errors = [f.rule for f in letter.findings if f.severity == "error"]
            sides[key] = Side(
                key, letter.kind.value, letter.text, letter.passed, errors, letter.backend
            )
    return sides


@dataclass
class Pair:
    """One compared pair: both letters, both orders' picks and the outcome."""

    key: str
    a: Side
    b: Side
    outcome: str  # "A", "B", "tie", "flip", or "error"
    picks: list[dict[str, Any]] = field(default_factory=list)

    @property
    def b_score(self) -> float:
        """Return B's score: 1 a win, 0 a loss, 0.5 a tie or flip."""
        return {"B": 1.0, "A": 0.0}.get(self.outcome, 0.5)


def judge_pair(judge: Judge, key: str, a: Side, b: Side, rng: random.Random) -> Pair:
    """Ask the judge both orders, starting with a random one; keep both picks."""
    if a.text.strip() == b.text.strip():
        return Pair(key, a, b, "tie", [{"order": "-", "pick": "identical letters"}])
    a_first = rng.random() < 0.5
    orders = [("A", "B"), ("B", "A")] if a_first else [("B", "A"), ("A", "B")]
    pair = Pair(key, a, b, "error")
    winners = []
    for first, second in orders:
        shown = {"A": a, "B": b}
        try:
            got = judge.pick(a.kind, shown[first].text, shown[second].text)
        except BackendError as err:
            pair.picks.append({"order": f"{first}{second}", "error": str(err)})
            return pair
        winner = {1: first, 2: second}.get(got.better, "tie")
        winners.append(winner)
        pair.picks.append({"order": f"{first}{second}", "pick": winner, "reason": got.reason})
    if winners[0] == winners[1]:
        pair.outcome = winners[0]
    elif "tie" in winners:
        pair.outcome = "tie"
    else:
        pair.outcome = "flip"
    return pair


def compare_runs(
    judge: Judge,
    a: dict[str, Side],
    b: dict[str, Side],
    seed: int = 0,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Compare every letter the two runs share; return the win rate of B over A with its
    bootstrap interval, the counts, the flips and every pair. `progress` hears of each pair
    as it is judged (a live judge takes seconds a pair)."""
    rng = random.Random(seed)
    keys = sorted(set(a) & set(b))
    pairs = []
    for n, k in enumerate(keys, 1):
        pairs.append(pair := judge_pair(judge, k, a[k], b[k], rng))
        if progress:
            progress(f"pair {n} of {len(keys)}, {k}: {pair.outcome}")
    judged = [p for p in pairs if p.outcome != "error"]
    scores = [p.b_score for p in judged]
    counts = {o: sum(p.outcome == o for p in pairs) for o in ("A", "B", "tie", "flip", "error")}
    interval = bootstrap_interval(scores, seed=seed) if scores else None
    return {
        "pairs": len(judged),
        "counts": counts,
        "win_rate_b": sum(scores) / len(scores) if scores else None,
        "interval": interval,
        "flipped": [p.key for p in pairs if p.outcome == "flip"],
        "only_a": sorted(set(a) - set(b)),
        "only_b": sorted(set(b) - set(a)),
        "checker": {
            "a_passed": sum(p.a.passed for p in pairs),
            "b_passed": sum(p.b.passed for p in pairs),
        },
        "judge": judge.name,
        "judge_stats": judge.stats.as_dict(),
        "seed": seed,
        "rows": pairs,
    }
