"""Draft every example in examples/ through the real model named by OPENAI_BASE_URL and print,
per letter and in total: ready or not, errors left, model calls, prompt and completion tokens,
seconds and offline fallbacks. Every letter is written to a folder so a person can read it.

Start a model first (../shared/tools/local-llm start, then export the lines it prints), then:
TIKTOKEN_CACHE_DIR=../shared/tiktoken .venv/bin/python benchmarks/bench_live.py runs/live [NAME ...]
(targets: >= 11 of 14 ready, <= 1.3 calls a letter, no letter over 60 s, 0 fallbacks)
Never part of the unit suite or CI: a CPU model takes 15-45 s a letter.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import httpx  # noqa: E402

from afterword.drafting.chain import Chain, LetterRun, default_model  # noqa: E402
from afterword.facts import load_facts  # noqa: E402
from afterword.models import Letter  # noqa: E402
from afterword.settings import load_settings  # noqa: E402


@dataclass
class Row:
    """One letter's figures."""

    name: str
    ready: bool
    errors: int
    calls: int
    prompt: int
    completion: int
    seconds: float
    fallback: bool


def row_for(name: str, run: LetterRun) -> Row:
    """Return the figures of one drafted letter."""
    letter = run.letter
    assert letter is not None
    fallback = letter.backend == "offline"
    return Row(
        name=name,
        ready=letter.passed and not fallback,
        errors=sum(f.severity == "error" for f in letter.findings),
        calls=run.calls,
        # every try's tokens where the chain counts them (failed tries too), else the letters'
        prompt=getattr(run, "prompt_tokens", sum(a.prompt_tokens for a in run.attempts)),
        completion=getattr(
            run, "completion_tokens", sum(a.completion_tokens for a in run.attempts)
        ),
        seconds=run.total_ms / 1000,
        fallback=fallback,
    )


def write_letter(folder: Path, name: str, letter: Letter, run: LetterRun) -> None:
    """Write the letter as it would be sent, then its findings and notices, for reading."""
    head = f"Subject: {letter.subject}\n\n" if letter.subject else ""
    found = [f"- {f.severity} [{f.rule}] {f.message}" for f in letter.findings]
    tail = ["", "----", f"backend: {letter.backend}; passed: {letter.passed}", *found]
    tail += [f"- notice: {n}" for n in letter.notices]
    for t in getattr(run, "tries", []):
        tail.append(f"- try: {t.method}, {t.outcome}, {t.latency_ms / 1000:.1f} s")
    (folder / f"{name}.txt").write_text(head + letter.text + "\n".join(tail) + "\n")


def main() -> None:
    """Draft, print and write every example letter."""
    settings = load_settings()
    if not settings.model_configured:
        sys.exit("no model configured: export the lines `local-llm start` prints")
    folder = ROOT / (sys.argv[1] if len(sys.argv) > 1 else "runs/live")
    folder.mkdir(parents=True, exist_ok=True)
    print(f"model {settings.model} at {settings.base_url}; letters in {folder}")
    rows: list[Row] = []
    sent: list[object] = []  # every HTTP request, counted by the transport: failed tries too
    client = httpx.Client(event_hooks={"request": [sent.append]})
    model = default_model(settings, http_client=client)
    began = time.perf_counter()
    only = set(sys.argv[2:])  # example names to draft (all when none are given)
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        if only and path.stem not in only:
            continue
        facts = load_facts(path)
        before = len(sent)
        runs = Chain(settings, model=model).draft(facts)
        requests = len(sent) - before
        for i, run in enumerate(runs):
            assert run.letter is not None
            name = f"{path.stem}-{i + 1}" if len(facts.recipients) > 1 else path.stem
            write_letter(folder, name, run.letter, run)
            rows.append(row := row_for(name, run))
            print(
                f"{name:22} {'ready' if row.ready else 'NOT READY':9} errors {row.errors}  "
                f"calls {row.calls}  tokens {row.prompt:5} + {row.completion:4}  "
                f"{row.seconds:5.1f} s{'  FALLBACK' if row.fallback else ''}",
                flush=True,
            )
        print(f"{'':22} {requests} HTTP requests for {path.name}", flush=True)
    n = len(rows)
    calls = sum(r.calls for r in rows)
    print(
        f"total: ready {sum(r.ready for r in rows)} of {n}; calls {calls} "
        f"({calls / n:.2f} a letter); prompt tokens {sum(r.prompt for r in rows)}, "
        f"completion tokens {sum(r.completion for r in rows)}; "
        f"seconds {time.perf_counter() - began:.0f} (slowest letter "
        f"{max(r.seconds for r in rows):.1f}); fallbacks {sum(r.fallback for r in rows)}; "
        f"HTTP requests {len(sent)}"
    )


if __name__ == "__main__":
    main()
