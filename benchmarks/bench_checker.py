"""Print, side by side in one process on the same letters, the median ms per letter of the
whole checker (grammar family included), of Harper alone and of proselint, each letter read
once as a user's letter is (Harper keeps the lints of text it has seen, so a letter read again
costs a fraction: that figure is printed too, it is what the editor's re-check pays); then
the cost of switching Harper's dictionary to another letter's facts, the time to check pastes
of 100 KB, 500 KB and 1 MB (the checker must be linear), and `afterword check`'s cold start,
in its own process and answered by the resident checker (afterword/resident.py).

Run: .venv/bin/python benchmarks/bench_checker.py [--cold]
Targets: the whole checker no slower than proselint per letter; cold start under 0.5 s.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import yaml
from common import ROOT, median_ms

from afterword import resident
from afterword.checker import check, grammar
from afterword.checker.infer import infer_facts
from afterword.evals.corpus import LabelledLetter, load_corpus

PARAGRAPH = (
    "Our discussion number {n} covered the plan for the next quarter. I enjoyed hearing how "
    "the team in Kraków shares dashboards with the office in Osaka, and I would be glad to "
    "help with the migration. Please let me know if I can send anything further."
)


def _proselint() -> Callable[[str], object] | None:
    try:
        import proselint.checks
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return None
    CheckRegistry().register_many(proselint.checks.__register__)  # the default check set
    return lambda text: LintFile("<letter>", text).lint()


def cpu_ms(fn: Callable[[], object], repeat: int) -> float:
    """Return the median CPU time in ms of fn(): on a shared machine, wall time mostly
    measures the other processes."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


def _per_letter(
    label: str,
    items: list[LabelledLetter],
    fn: Callable[[LabelledLetter], object],
    warm: list[LabelledLetter],
) -> float:
    """Time fn once per letter, on letters it has not seen; return the median wall ms.

    Each tool first reads the `warm` letters, untimed: other letters, as a checker that has
    been running a while has read (the app, or the resident checker of `afterword check`).
    Reading them fills the lexicons, regex caches and Harper's process-wide word caches: in
    a fresh process Harper's first hundred letters cost about half as much again. Wall and
    CPU are both printed: the checker runs Harper on a second thread while its own rules
    run, so its CPU time is above its wall time."""
    for item in warm:
        fn(item)
    wall, cpu = [], []
    for item in items:
        start, used = time.perf_counter(), time.process_time()
        fn(item)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - used) * 1000)
    again = statistics.median(median_ms(lambda i=i: fn(i), 3) for i in items)
    print(
        f"{label:<34} median {statistics.median(wall):6.2f} ms wall per letter "
        f"(p95 {sorted(wall)[int(len(wall) * 0.95)]:6.2f}; CPU {statistics.median(cpu):6.2f}; "
        f"the same letter again {again:5.2f})"
    )
    return statistics.median(wall)


_CHILD = """
import json, statistics, sys, time
from pathlib import Path
import harper
from afterword.checker import grammar
from afterword.evals.corpus import load_corpus
config = grammar.linter().get_lint_config()
if sys.argv[1] == "none":
    config = dict.fromkeys(config, False)
own = harper.Linter(harper.Dialect.AMERICAN)
own.set_lint_config(config)
for path in sorted(Path(sys.argv[2]).rglob("*.txt")):
    own.organized_lints(path.read_text(encoding="utf-8"), language="plaintext")
times = []
for item in load_corpus():
    start = time.perf_counter()
    own.organized_lints(item.text, language="plaintext")
    times.append((time.perf_counter() - start) * 1000)
print(json.dumps([statistics.median(times), sorted(times)[int(len(times) * 0.95)]]))
"""


def _harper_alone(lints: bool) -> None:
    """Lint the same letters with Harper alone, in a process of its own: Harper keeps what it
    has read of a text for the whole process (a letter read again costs a third), so in this
    process every letter has been read by the checker already. The child warms on the same
    other letters first. With every lint off, this is what Harper costs to read a letter at
    all (tokens, dictionary, tagging) before any lint runs."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, "ours" if lints else "none", str(STRANGERS)],
        capture_output=True,
        text=True,
        check=True,
    )
    median, p95 = json.loads(done.stdout.strip().splitlines()[-1])
    label = "Harper alone, our lints" if lints else "Harper reading only (no lint on)"
    print(f"{label + ', own process':<34} median {median:6.2f} ms wall per letter (p95 {p95:6.2f})")


STRANGERS = ROOT / "tests" / "data" / "strangers"
_HARPER_MS: list[float] = []


def _timed_check(item: LabelledLetter) -> object:
    """Check a letter, keeping the time Harper's thread spent linting it."""
    grammar.TIMING.set()
    grammar.HARPER_SECONDS.clear()
    report = check(item.text, item.facts, item.kind)
    _HARPER_MS.append(sum(grammar.HARPER_SECONDS) * 1000)
    return report


def _others() -> list[LabelledLetter]:
    """The letters strangers wrote (tests/data/strangers), read as letters alone."""
    out = []
    for path in sorted(STRANGERS.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        facts = infer_facts(text, None)
        out.append(LabelledLetter(path.stem, facts.kind, facts, path, text, frozenset()))
    return out


def _dictionary_switch(items: list[LabelledLetter]) -> None:
    words = [grammar.fact_vocabulary(i.facts) for i in items]
    pair = [words[0], next(w for w in words if w != words[0])]
    took = cpu_ms(lambda: [grammar.harper_lints("A short note.", w) for w in pair], 9) / 2
    alone = cpu_ms(lambda: grammar.harper_lints("A short note.", pair[1]), 9)
    grammar.harper_lints("", ())  # leave the dictionary as the checker keeps it
    print(
        f"Harper's added words switched to another letter's facts: {took:.1f} ms CPU "
        f"(a lint without a switch: {alone:.1f} ms); the checker switches only when "
        "Harper's SpellCheck is on"
    )


def _pastes(item: LabelledLetter) -> None:
    for size_kb in (100, 500, 1000):
        paragraphs, n = [], 0
        while sum(len(p) + 2 for p in paragraphs) < size_kb * 1000:
            paragraphs.append(PARAGRAPH.format(n=n))
            n += 1
        text = "Dear Mr. Jones,\n\n" + "\n\n".join(paragraphs) + "\n\nBest regards,\nJane Doe\n"
        start, cpu = time.perf_counter(), time.process_time()
        check(text, item.facts, item.kind)
        took, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(
            f"a {len(text) // 1000:>4} KB paste: {cpu:6.2f} s CPU "
            f"({cpu * 1e6 / len(text):.1f} µs/char; wall {took:.2f} s)"
        )


def _cold_start(item: LabelledLetter, runs: int = 5) -> None:
    """Time `afterword check` as a user runs it: each run a new process. In its own process
    every run builds Harper's dictionary; with the resident checker (the default) the first
    run leaves a process behind that answers the next ones."""
    with tempfile.TemporaryDirectory(prefix="aw-") as tmp:
        letter = Path(tmp) / "letter.txt"
        letter.write_text(item.text)
        facts = Path(tmp) / "facts.yaml"
        facts.write_text(yaml.safe_dump(item.facts.model_dump(mode="json", exclude_none=True)))
        env = {**os.environ, "XDG_RUNTIME_DIR": tmp}
        args = [sys.executable, "-m", "afterword", "check", str(letter)]
        for label, extra in (("", []), (" --facts F", ["--facts", str(facts)])):
            alone = _timed([*args, *extra], {**env, "AFTERWORD_RESIDENT": "0"}, runs)
            print(f"cold start `afterword check letter.txt{label}`, in its own process: {alone}")
        first = _timed(args, {**env, "AFTERWORD_RESIDENT": "1"}, 1)
        print(f"  the first run, which starts the resident checker: {first}")
        time.sleep(3)  # the resident checker builds Harper's dictionary
        for label, extra in (("", []), (" --facts F", ["--facts", str(facts)])):
            answered = _timed([*args, *extra], {**env, "AFTERWORD_RESIDENT": "1"}, runs)
            print(f"`afterword check letter.txt{label}` answered by the resident: {answered}")
        for sock in Path(tmp).glob("afterword/*.sock"):
            resident.stop(sock)
    took = _harper_build()
    print(f"  Harper's dictionary build (harper.Linter()): {took:.2f} s CPU")


def _timed(args: list[str], env: dict[str, str], runs: int) -> str:
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(args, capture_output=True, check=False, env=env)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    if done.returncode == 2:
        return "usage error (exit 2), not timed"
    return (
        f"{statistics.median(walls):.2f} s wall, {statistics.median(cpus):.2f} s CPU "
        f"(median of {runs})"
    )


def _harper_build() -> float:
    code = "import time, harper; t = time.process_time(); harper.Linter()"
    code += "; print(time.process_time() - t)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(done.stdout)


def main() -> None:
    """Measure and print."""
    items = load_corpus()
    if sys.argv[1:] == ["--cold"]:  # the cold start alone
        _cold_start(items[0])
        return
    others = _others()
    print(
        f"{len(items)} letters from {ROOT / 'evals' / 'letters'}, each tool warmed on "
        f"{len(others)} others from {STRANGERS}"
    )
    ours = _per_letter(
        "whole checker (grammar included)",
        items,
        lambda i: _timed_check(i),
        others,
    )
    inside = statistics.median(_HARPER_MS[len(others) : len(others) + len(items)])
    print(f"  of which Harper's thread, linting: median {inside:.2f} ms a letter (same run)")
    _harper_alone(lints=True)
    _harper_alone(lints=False)
    lint = _proselint()
    if lint is None:
        print("proselint: not installed (pip install -e '.[dev]')")
    else:
        theirs = _per_letter("proselint", items, lambda i: lint(i.text), others)
        print(f"whole checker / proselint: {ours / theirs:.2f}")
    _dictionary_switch(items)
    _pastes(items[0])
    _cold_start(items[0])


if __name__ == "__main__":
    main()
