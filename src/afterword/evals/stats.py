"""Small statistics for evals: a seeded bootstrap interval, the spread of repeated runs, and
whether a difference is bigger than the noise. Pure Python: the samples are tens of values."""

from __future__ import annotations

import random
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


def bootstrap_interval(
    values: Sequence[float], resamples: int = 2000, seed: int = 0, level: float = 0.95
) -> tuple[float, float]:
    """Return the percentile bootstrap interval of the mean of `values` (seeded: the same
    values give the same interval)."""
    if not values:
        raise ValueError("no values to bootstrap")
    rng = random.Random(seed)
    n = len(values)
    means = sorted(sum(rng.choices(values, k=n)) / n for _ in range(resamples))
    tail = (1 - level) / 2
    low = means[int(tail * (resamples - 1))]
    high = means[round((1 - tail) * (resamples - 1))]
    return low, high


@dataclass(frozen=True)
class Spread:
    """How one metric varied over repeated runs."""

    values: tuple[float, ...]

    @property
    def low(self) -> float:
        """Return the smallest value."""
        return min(self.values)

    @property
    def median(self) -> float:
        """Return the median value."""
        return statistics.median(self.values)

    @property
    def high(self) -> float:
        """Return the largest value."""
        return max(self.values)

    @property
    def stdev(self) -> float:
        """Return the sample standard deviation (0 for a single run)."""
        return statistics.stdev(self.values) if len(self.values) > 1 else 0.0

    def as_dict(self) -> dict[str, Any]:
        """Return the spread for a summary."""
        return {
            "min": round(self.low, 4),
            "median": round(self.median, 4),
            "max": round(self.high, 4),
            "stdev": round(self.stdev, 4),
            "runs": len(self.values),
            "values": list(self.values),
        }


def beyond_noise(a: Spread, b: Spread) -> bool | None:
    """Say whether two metrics' medians differ by more than either's run-to-run range.

    None when neither was repeated: one run each cannot tell a difference from noise."""
    if len(a.values) < 2 and len(b.values) < 2:
        return None
    noise = max(a.high - a.low, b.high - b.low)
    return abs(a.median - b.median) > noise
