"""Run the eval cases through a backend, score them, and compare with a baseline."""

from __future__ import annotations

import itertools
import json
import math
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import AfterwordError, MissingFactError
from ..models import Letter
from ..settings import Settings, load_settings
from .cases import Case, load_cases
from .cassette import MissingRecording
from .metrics import case_metrics, traps


@dataclass
class RunConfig:
    """How to run the evals."""

    backend: str = "offline"
    mode: str = "replay"  # replay | record | live (model backends only)
    cases: str = "*"
    cassettes: Path | None = None
    templates: Path | None = None
    max_concurrency: int | None = None  # None: 1 for a model on this machine, else 4
    settings: Settings | None = None
    case_deadline: float | None = None  # seconds for all of a case's letters (model only)

    def concurrency(self, settings: Settings) -> int:
        """Return how many cases run at once: one for a local server, which a second
        request would only slow down until both time out."""
        if self.max_concurrency is not None:
            return max(1, self.max_concurrency)
        return 1 if settings.local_server else 4


@dataclass
class CaseResult:
    """What one case produced and how it scored."""

    case: Case
    letters: list[Letter] = field(default_factory=list)
    error: str | None = None
    error_fields: list[str] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)
    traps: dict[str, bool] = field(default_factory=dict)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = None
    latency_ms: float = 0.0
    calls: int = 0
    fallbacks: int = 0  # letters the offline composer wrote because the model gave none
    timeouts: int = 0  # tries cut off by the letter's deadline
    retries: int = 0  # tries repeated with the same output method after a fault
    judge: list[dict[str, Any]] = field(default_factory=list)  # per letter, when judged

    @property
    def passed(self) -> bool:
        """Say whether the case holds: its letters pass, or its expected error was raised.
        A letter the offline composer wrote in the model's place is never a model pass."""
        wanted = self.case.expect.get("error")
        if wanted:
            return self.error is not None and set(wanted) <= set(self.error_fields)
        if self.error is not None or self.fallbacks:
            return False
        m = self.metrics
        return bool(
            m["checker_pass"]
            and m["grounding_precision"] == 1.0
            and not m["placeholder_leaks"]
            and not m["refusal_leaks"]
            and m["distinct"]
            and all(self.traps.values())
        )

    def as_dict(self) -> dict[str, Any]:
        """Return the result as one JSON line."""
        return {
            "id": self.case.id,
            "kind": self.case.kind,
            "tags": list(self.case.tags),
            "channel": self.case.data.get("channel", "email"),
            "passed": self.passed,
            "error": self.error,
            "error_fields": self.error_fields,
            "metrics": self.metrics,
            "traps": self.traps,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "cost_usd": self.cost_usd,
            "latency_ms": round(self.latency_ms, 2),
            "calls": self.calls,
            "fallbacks": self.fallbacks,
            "timeouts": self.timeouts,
            "retries": self.retries,
            "judge": self.judge,
            "letters": [x.model_dump(mode="json") for x in self.letters],
        }


def drafter(config: RunConfig) -> tuple[Any, Any]:
    """Return a function that drafts a case's letters, and one that releases its resources."""
    if config.backend == "offline":
        from ..drafting.offline import compose
        from ..pipeline import check_draft

        def offline(case: Case, facts: Any) -> tuple[list[Letter], list[Any]]:
            return [check_draft(d, facts) for d in compose(facts, config.templates)], []

        return offline, lambda: None
    import httpx

    from ..drafting.chain import Chain, default_model
    from .cassette import RecordingTransport, ReplayTransport

    settings = config.settings or load_settings()
    if config.mode == "replay" and not settings.model_configured:
        settings = load_settings(openai_base_url="http://replay.invalid/v1", model=settings.model)
    folder = config.cassettes or Path("evals/cassettes")
    transport: httpx.BaseTransport | None = None
    if config.mode == "replay":
        transport = ReplayTransport(folder)
    elif config.mode == "record":
        transport = RecordingTransport(folder)
    client = httpx.Client(transport=transport, timeout=settings.timeout) if transport else None
    model = default_model(settings, http_client=client)

    def with_model(case: Case, facts: Any) -> tuple[list[Letter], list[Any]]:
        chain = Chain(settings, model=model)
        until = time.monotonic() + config.case_deadline if config.case_deadline else math.inf
        runs = [chain.draft_one(facts, i, deadline=until) for i in range(len(facts.recipients))]
        return [r.letter for r in runs if r.letter is not None], runs

    return with_model, (client.close if client else lambda: None)


def run_case(case: Case, draft: Any) -> CaseResult:
    """Draft, check and score one case."""
    result = CaseResult(case)
    began = time.perf_counter()
    try:
        facts = case.facts()
        from ..kinds import require_facts

        require_facts(facts)
        letters, runs = draft(case, facts)
    except MissingFactError as err:
        result.error, result.error_fields = str(err), err.fields
        return result
    except MissingRecording:
        raise  # a replay must never quietly become something else
    except AfterwordError as err:
        result.error = str(err)
        return result
    result.latency_ms = (time.perf_counter() - began) * 1000
    result.letters = letters
    result.metrics = case_metrics(facts, letters)
    result.traps = traps(case.expect, letters)
    for run in runs:
        result.prompt_tokens += run.prompt_tokens
        result.completion_tokens += run.completion_tokens
        result.calls += run.calls
        result.fallbacks += run.fallback
        result.timeouts += sum(t.outcome == "ran out of time" for t in run.tries)
        result.retries += retried(run.tries)
        if run.cost_usd is not None:
            result.cost_usd = (result.cost_usd or 0.0) + run.cost_usd
    return result


def retried(tries: list[Any]) -> int:
    """Count the tries that repeated the one before with the same output method after it
    failed (a step down to another method, or a revision after a letter, is not a retry)."""
    return sum(
        before.outcome != "letter" and before.method == after.method
        for before, after in itertools.pairwise(tries)
    )


def run(config: RunConfig) -> list[CaseResult]:
    """Run every matching case; results sorted by case id so reports are stable."""
    cases = load_cases(config.cases)
    draft, close = drafter(config)
    try:
        sequential = config.backend == "offline" or config.mode == "replay"
        workers = 1 if sequential else config.concurrency(config.settings or load_settings())
        if workers == 1:
            results = [run_case(c, draft) for c in cases]
        else:
            with ThreadPoolExecutor(max_workers=workers) as pool:
                results = list(pool.map(lambda c: run_case(c, draft), cases))
    finally:
        close()
    return sorted(results, key=lambda r: r.case.id)


def summarize(results: list[CaseResult], backend: str) -> dict[str, Any]:
    """Summarise a run per kind and per metric."""
    ok = [r for r in results if r.error is None]
    lat = sorted(r.latency_ms for r in ok) or [0.0]
    per_kind: dict[str, dict[str, Any]] = {}
    for r in results:
        k = per_kind.setdefault(r.case.kind, {"cases": 0, "passed": 0, "fallbacks": 0})
        k["cases"] += 1
        k["passed"] += r.passed
        k["fallbacks"] += r.fallbacks
    for k in per_kind.values():
        k["pass_rate"] = k["passed"] / k["cases"]
    families = ok[0].metrics["family_pass"].keys() if ok else []
    return {
        "backend": backend,
        "cases": len(results),
        "passed": sum(r.passed for r in results),
        "pass_rate": sum(r.passed for r in results) / len(results) if results else 0.0,
        "per_kind": dict(sorted(per_kind.items())),
        "family_pass_rate": {f: _mean([r.metrics["family_pass"][f] for r in ok]) for f in families},
        "slot_recall": _mean([r.metrics["slot_recall"] for r in ok]),
        "grounding_precision": _mean([r.metrics["grounding_precision"] for r in ok]),
        "placeholder_leaks": sum(r.metrics["placeholder_leaks"] for r in ok),
        "refusal_leaks": sum(r.metrics["refusal_leaks"] for r in ok),
        "in_band": _mean([r.metrics["in_band"] for r in ok]),
        "distinct": _mean([r.metrics["distinct"] for r in ok if len(r.letters) > 1]),
        "traps_held": sum(r.passed for r in results if "trap" in r.case.tags),
        "traps": sum(1 for r in results if "trap" in r.case.tags),
        "calls": sum(r.calls for r in results),
        "fallbacks": sum(r.fallbacks for r in results),
        "timeouts": sum(r.timeouts for r in results),
        "retries": sum(r.retries for r in results),
        "prompt_tokens": sum(r.prompt_tokens for r in results),
        "completion_tokens": sum(r.completion_tokens for r in results),
        "cost_usd": sum(r.cost_usd or 0.0 for r in results),
        "latency_ms_p50": round(statistics.median(lat), 2),
        "latency_ms_p95": round(lat[min(len(lat) - 1, int(len(lat) * 0.95))], 2),
        "results": {r.case.id: r.passed for r in results},
    }


def _mean(values: list[Any]) -> float:
    return sum(float(v) for v in values) / len(values) if values else 1.0


def compare(summary: dict[str, Any], baseline: dict[str, Any]) -> dict[str, list[str]]:
    """List pass-to-fail flips (regressions) first, then fixes, new and missing cases."""
    now, then = summary["results"], baseline.get("results", {})
    return {
        "regressions": sorted(c for c in now if then.get(c) is True and now[c] is False),
        "fixed": sorted(c for c in now if then.get(c) is False and now[c] is True),
        "new": sorted(c for c in now if c not in then),
        "missing": sorted(c for c in then if c not in now),
    }


def bless(summary: dict[str, Any], path: Path) -> None:
    """Save a run's summary as the baseline (only ever on request)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n")
