"""Print the LLM chain's prompt tokens per kind, calls per letter, and its own overhead per
letter (excluding time spent waiting on the model), against the local test server.

Run: TIKTOKEN_CACHE_DIR=../shared/tiktoken .venv/bin/python benchmarks/bench_chain.py
(targets: < 900 prompt tokens for a thank-you with three points; 1 call when the first
draft passes, at most 2; < 50 ms overhead per letter)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from afterword.drafting.chain import Chain  # noqa: E402
from afterword.facts import load_facts  # noqa: E402
from afterword.settings import load_settings  # noqa: E402
from tests.conftest import KIND_EXAMPLES  # noqa: E402
from tests.openai_server import FakeOpenAI, Reply  # noqa: E402


def main() -> None:
    """Measure and print."""
    server = FakeOpenAI().start()
    home = tempfile.mkdtemp(prefix="afterword-bench-")  # the method memory goes here
    os.environ.update(
        OPENAI_API_KEY="sk-bench",
        OPENAI_BASE_URL=server.url,
        AFTERWORD_BACKOFF="0",
        AFTERWORD_HOME=home,
    )
    chain = Chain(load_settings())
    print(f"token counter exact: {chain.counter.exact} ({chain.counter.note or 'tiktoken'})")
    overheads: list[float] = []
    for kind, name in KIND_EXAMPLES.items():
        facts = load_facts(ROOT / "examples" / name)
        chain.draft(facts)  # warm-up
        runs = [run for _ in range(5) for run in chain.draft(facts)]
        tokens = runs[0].attempts[0].estimated_prompt_tokens
        calls = {r.calls for r in runs}
        overheads += [r.overhead_ms for r in runs]
        points = len(facts.interview.points) if facts.interview else 0
        print(f"{kind.value:18} prompt {tokens:5} tokens ({points} points), calls {sorted(calls)}")
    server.queue.append(Reply(transform=lambda p: {**p, "salutation": "Dear Mr. Jnoes,"}))
    first = load_facts(ROOT / "examples" / KIND_EXAMPLES[next(iter(KIND_EXAMPLES))])
    revised = chain.draft_one(first, 0)
    passed = revised.letter is not None and revised.letter.passed
    print(f"a first draft with a misspelt name: {revised.calls} calls, passed {passed}")
    median = statistics.median(overheads)
    print(
        f"chain overhead per letter (excluding the model): median {median:.1f} ms, "
        f"max {max(overheads):.1f} ms over {len(overheads)} letters"
    )
    server.stop()


if __name__ == "__main__":
    main()
