"""Print the checker's median time per letter (after warm-up), `afterword check`'s cold start,
and, on the same letters in the same run, proselint's library API for comparison.

Run: .venv/bin/python benchmarks/bench_checker.py   (targets: < 5 ms per letter, < 1 s cold)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import ROOT, cold_start, median_ms

from afterword.checker import check
from afterword.evals.corpus import load_corpus


def _proselint() -> object | None:
    try:
        import proselint.checks
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return None
    registry = CheckRegistry()
    registry.register_many(proselint.checks.__register__)
    return lambda text: LintFile("<letter>", text).lint()


def main() -> None:
    """Measure and print."""
    items = load_corpus()
    for item in items:  # warm-up: lexicons, the word list, regex caches
        check(item.text, item.facts, item.kind)
    ours = [median_ms(lambda i=i: check(i.text, i.facts, i.kind), 20) for i in items]
    print(
        f"afterword checker: {len(items)} letters, median {statistics.median(ours):.2f} ms "
        f"per letter, p95 {sorted(ours)[int(len(ours) * 0.95)]:.2f} ms"
    )
    item = items[0]
    sentences = [
        f"Our discussion number {n} covered the plan for the next quarter." for n in range(1600)
    ]
    huge = "Dear Mr. Jones,\n\n" + " ".join(sentences) + "\n\nBest regards,\nJane Doe\n"
    took = median_ms(lambda: check(huge, item.facts, item.kind), 3)
    print(f"a {len(huge) // 1000} KB pasted letter: {took:.0f} ms")
    lint = _proselint()
    if lint is None:
        print("proselint: not installed (pip install -e '.[dev]')")
    else:
        assert callable(lint)
        for item in items:
            lint(item.text)
        theirs = [median_ms(lambda i=i: lint(i.text), 5) for i in items]
        print(f"proselint lint: same letters, median {statistics.median(theirs):.2f} ms per letter")
    item = items[0]
    with tempfile.TemporaryDirectory() as tmp:
        letter = Path(tmp) / "letter.txt"
        letter.write_text(item.text)
        args = ["check", str(letter), "--facts", str(item.facts_path), "--kind", item.kind.value]
        print(f"cold start `afterword check`: {cold_start(args):.0f} ms median of 7")
    print(f"(corpus: {ROOT / 'evals' / 'letters'})")


if __name__ == "__main__":
    main()
