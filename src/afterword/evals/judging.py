"""A judged eval: the judge's scores on every letter of a run, their means per criterion, and
the spread of repeated runs (so a difference smaller than the noise is called so)."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from typing import Any

from ..errors import BackendError
from .judge import CRITERIA, Judge
from .runner import CaseResult
from .stats import Spread, beyond_noise


def judge_results(
    judge: Judge, results: list[CaseResult], progress: Callable[[str], None] | None = None
) -> None:
    """Score every letter of every case; a letter the judge could not score says why."""
    for n, result in enumerate(results, 1):
        if progress:
            progress(f"judging case {n} of {len(results)}, {result.case.id}")
        result.judge = []
        for letter in result.letters:
            try:
                scores = judge.score(letter.kind, letter.text)
            except BackendError as err:
                result.judge.append({"error": str(err)})
                continue
            result.judge.append({name: s.model_dump() for name, s in scores.items()})


def judge_means(results: list[CaseResult]) -> dict[str, float]:
    """Return the judge's mean score per criterion over every scored letter."""
    found: dict[str, list[int]] = {c: [] for c in CRITERIA}
    for result in results:
        for scores in result.judge:
            for name, s in scores.items():
                if name in found:
                    found[name].append(int(s["score"]))
    return {c: round(statistics.mean(v), 3) for c, v in found.items() if v}


# The metrics whose spread a repeated run reports.
SPREAD_METRICS = (
    "pass_rate",
    "slot_recall",
    "grounding_precision",
    "in_band",
    "fallbacks",
    "timeouts",
    "retries",
    "latency_ms_p50",
)


def spreads(summaries: list[dict[str, Any]]) -> dict[str, Spread]:
    """Return each metric's spread over repeated runs, the judge's means included."""
    found = {m: Spread(tuple(float(s[m]) for s in summaries)) for m in SPREAD_METRICS}
    for c in CRITERIA:
        values = [
            s["judge"]["means"][c] for s in summaries if c in s.get("judge", {}).get("means", {})
        ]
        if len(values) == len(summaries):
            found[f"judge_{c}"] = Spread(tuple(values))
    return found


def case_spread(runs: list[list[CaseResult]]) -> dict[str, dict[str, Any]]:
    """Return, per case, how often it passed over the repeats (a case that passes sometimes is
    noise, not a result)."""
    out: dict[str, dict[str, Any]] = {}
    for results in runs:
        for r in results:
            row = out.setdefault(r.case.id, {"passed": 0, "runs": 0})
            row["runs"] += 1
            row["passed"] += r.passed
    return {k: v for k, v in sorted(out.items())}


def noise_lines(a: dict[str, Spread], b: dict[str, Spread]) -> list[str]:
    """Say, metric by metric, whether two repeated runs differ beyond their own noise."""
    lines = []
    for metric in sorted(set(a) & set(b)):
        verdict = beyond_noise(a[metric], b[metric])
        said = {None: "one run each: cannot tell", True: "beyond the noise"}.get(
            verdict, "within the noise"
        )
        lines.append(f"{metric}: {a[metric].median:.3f} vs {b[metric].median:.3f}, {said}")
    return lines
