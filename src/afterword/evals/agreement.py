"""How far a judge agrees with ratings made by hand: per criterion, exact agreement, agreement
within one point, quadratic-weighted Cohen's kappa and Spearman's rank correlation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

SCALE = (1, 2, 3, 4, 5)


def exact(a: Sequence[int], b: Sequence[int]) -> float:
    """Return the share of items both raters scored the same."""
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def within_one(a: Sequence[int], b: Sequence[int]) -> float:
    """Return the share of items the raters scored at most one point apart."""
    return sum(abs(x - y) <= 1 for x, y in zip(a, b, strict=True)) / len(a)


def weighted_kappa(
    a: Sequence[int], b: Sequence[int], scale: Sequence[int] = SCALE
) -> float | None:
    """Return Cohen's kappa with quadratic weights (1 agreement, 0 chance, below 0 worse than
    chance); None when chance alone would explain every rating (no disagreement possible)."""
    k, n = len(scale), len(a)
    index = {v: i for i, v in enumerate(scale)}
    observed = [[0.0] * k for _ in range(k)]
    for x, y in zip(a, b, strict=True):
        observed[index[x]][index[y]] += 1 / n
    rows = [sum(r) for r in observed]
    cols = [sum(observed[i][j] for i in range(k)) for j in range(k)]

    def weight(i: int, j: int) -> float:
        return (i - j) ** 2 / (k - 1) ** 2

    seen = sum(weight(i, j) * observed[i][j] for i in range(k) for j in range(k))
    chance = sum(weight(i, j) * rows[i] * cols[j] for i in range(k) for j in range(k))
    return None if chance == 0 else 1 - seen / chance


def _ranks(values: Sequence[float]) -> list[float]:
    """Return ranks from 1, ties given the mean of the ranks they share."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for m in range(i, j + 1):
            ranks[order[m]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(a: Sequence[float], b: Sequence[float]) -> float | None:
    """Return Spearman's rank correlation; None when either side never varies."""
    ra, rb = _ranks(a), _ranks(b)
    ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb, strict=True))
    va = sum((x - ma) ** 2 for x in ra)
    vb = sum((y - mb) ** 2 for y in rb)
    return None if va == 0 or vb == 0 else cov / (va * vb) ** 0.5


def strength(kappa: float | None) -> str:
    """Name how far to trust a judge from its weighted kappa (Landis and Koch's bands)."""
    if kappa is None or kappa < 0.2:
        return "weak"
    if kappa < 0.4:
        return "fair"
    if kappa < 0.6:
        return "moderate"
    return "good" if kappa < 0.8 else "strong"


@dataclass(frozen=True)
class Agreement:
    """One criterion's agreement between the judge and the human ratings."""

    criterion: str
    n: int
    exact: float
    within_one: float
    kappa: float | None
    spearman: float | None

    @property
    def strength(self) -> str:
        """Name how far to trust the judge on this criterion."""
        return strength(self.kappa)

    def as_dict(self) -> dict[str, Any]:
        """Return the figures for a summary."""

        def r(v: float | None) -> float | None:
            return None if v is None else round(v, 3)

        return {
            "n": self.n,
            "exact": r(self.exact),
            "within_one": r(self.within_one),
            "kappa": r(self.kappa),
            "spearman": r(self.spearman),
            "strength": self.strength,
        }


def agreement(criterion: str, human: Sequence[int], judge: Sequence[int]) -> Agreement:
    """Return the agreement on one criterion over paired ratings."""
    if len(human) != len(judge) or not human:
        raise ValueError(f"{criterion}: need the same, non-zero number of ratings on each side")
    return Agreement(
        criterion,
        len(human),
        exact(human, judge),
        within_one(human, judge),
        weighted_kappa(human, judge),
        spearman(human, judge),
    )
