"""Helpers shared by the benchmark scripts: example letters and a cold-start timer."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def cold_start(args: list[str], runs: int = 7) -> float:
    """Return the median wall time in ms of running `python -m afterword ARGS` afresh."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "afterword", *args], capture_output=True, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def median_ms(fn: object, repeat: int) -> float:
    """Return the median time in ms of calling fn() `repeat` times."""
    assert callable(fn)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)
