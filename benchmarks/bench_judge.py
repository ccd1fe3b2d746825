"""Time a judged eval: replayed from evals/cassettes/judge (target under 5 s for every case),
and, when OPENAI_BASE_URL is set, live against that model, with its settings printed.

    python benchmarks/bench_judge.py                 # replay, then live if a model is set
    python benchmarks/bench_judge.py --record-canned # re-record the stand-in cassette

The committed cassette is recorded from tests/openai_server.py's canned judge unless a real
model was used: re-record it with a real model with
    rm -rf evals/cassettes/judge && afterword eval --judge --mode record --out runs/judged
(OPENAI_BASE_URL and AFTERWORD_MODEL pointing at the model), as docs/evals.md says.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from afterword.evals.judge import JUDGE_CASSETTES, open_judge  # noqa: E402
from afterword.evals.judging import judge_means, judge_results  # noqa: E402
from afterword.evals.rated import agreement_lines, judge_rated, load_rated  # noqa: E402
from afterword.evals.runner import RunConfig, run  # noqa: E402
from afterword.settings import load_settings  # noqa: E402


def judged_run(mode: str) -> tuple[float, float, str, list[str]]:
    """Draft every case offline, judge every letter and the rated letters; return the seconds
    the whole run took, the judge's share, the judge's name and the agreement lines."""
    began = time.perf_counter()
    results = run(RunConfig("offline"))
    judge, close = open_judge(mode)
    try:
        judging = time.perf_counter()
        judge_results(judge, results)
        agreed, _ = judge_rated(judge, load_rated())
        judged = time.perf_counter() - judging
    finally:
        close()
    letters = sum(len(r.letters) for r in results)
    means = judge_means(results)
    lines = [f"{len(results)} cases, {letters} letters; judge means {means}"]
    lines += [f"judge stats {judge.stats.as_dict()}", *agreement_lines(agreed, judge.name)]
    return time.perf_counter() - began, judged, judge.name, lines


def record_canned() -> None:
    """Record the stand-in cassette from the test server's canned judge (no model needed)."""
    from tests.openai_server import FakeOpenAI

    server = FakeOpenAI().start()
    os.environ["OPENAI_BASE_URL"] = server.url
    os.environ["AFTERWORD_MODEL"] = "canned-test-judge"
    shutil.rmtree(JUDGE_CASSETTES, ignore_errors=True)
    try:
        _, _, name, lines = judged_run("record")
    finally:
        server.stop()
    print(f"recorded {len(list(JUDGE_CASSETTES.glob('*.json')))} answers from {name}")
    print("\n".join(lines))


def main() -> None:
    """Print the replayed judged eval's time, then a live one's when a model is configured."""
    if "--record-canned" in sys.argv:
        record_canned()
        return
    total, judged, name, lines = judged_run("replay")
    print(f"replayed judged eval of every case: {total:.2f} s (judge {judged:.2f} s; target < 5 s)")
    print("\n".join(lines))
    settings = load_settings()
    if not settings.model_configured:
        print("live: skipped (OPENAI_BASE_URL is not set)")
        return
    total, judged, name, lines = judged_run("live")
    print(
        f"live judged eval: {total:.1f} s (judge {judged:.1f} s) with {name}, "
        f"timeout {settings.timeout:g} s, retries {settings.retries}, temperature 0"
    )
    print("\n".join(lines))


if __name__ == "__main__":
    main()
