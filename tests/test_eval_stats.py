"""The numbers behind judged evals: bootstrap intervals, spreads, and judge-human agreement."""

from __future__ import annotations

import random

import pytest

from afterword.evals.agreement import agreement, spearman, strength, weighted_kappa
from afterword.evals.stats import Spread, beyond_noise, bootstrap_interval


@pytest.mark.parametrize(
    ("values", "interval"),
    [([1.0] * 30, (1.0, 1.0)), ([0.0] * 12, (0.0, 0.0)), ([0.5] * 7, (0.5, 0.5))],
)
def test_a_unanimous_sample_has_a_point_interval(
    values: list[float], interval: tuple[float, float]
) -> None:
    assert bootstrap_interval(values) == interval


def test_the_bootstrap_is_seeded_and_contains_the_mean() -> None:
    values = [1.0, 0.0, 1.0, 0.5, 1.0, 1.0, 0.0, 1.0, 0.5, 1.0]
    assert bootstrap_interval(values, seed=7) == bootstrap_interval(values, seed=7)
    low, high = bootstrap_interval(values)
    assert low < sum(values) / len(values) < high
    random.seed(1)
    first = bootstrap_interval(values, resamples=50)
    random.seed(2)  # the global generator has no say in it
    assert bootstrap_interval(values, resamples=50) == first


def test_the_interval_narrows_as_pairs_accrue() -> None:
    pattern = [1.0, 0.0, 1.0, 1.0, 0.5]
    widths = []
    for n in (1, 4, 16, 64):
        low, high = bootstrap_interval(pattern * n)
        widths.append(high - low)
    assert widths == sorted(widths, reverse=True) and widths[-1] < widths[0] / 3


def test_no_values_is_an_error() -> None:
    with pytest.raises(ValueError, match="no values"):
        bootstrap_interval([])


@pytest.mark.parametrize(
    ("a", "b", "beyond"),
    [
        ((0.80, 0.82, 0.81), (0.90, 0.91, 0.92), True),
        ((0.80, 0.90, 0.85), (0.86, 0.84, 0.88), False),
        ((0.8,), (0.9,), None),
        ((0.5, 0.5), (0.5, 0.5), False),
    ],
)
def test_a_difference_is_weighed_against_the_run_to_run_spread(
    a: tuple[float, ...], b: tuple[float, ...], beyond: bool | None
) -> None:
    assert beyond_noise(Spread(a), Spread(b)) is beyond


def test_a_spread_reports_min_median_max_and_stdev() -> None:
    s = Spread((3.0, 1.0, 2.0)).as_dict()
    assert (s["min"], s["median"], s["max"], s["stdev"], s["runs"]) == (1.0, 2.0, 3.0, 1.0, 3)


# Hand-worked tables. Quadratic weights on a 1-5 scale: w = (i - j)^2 / 16.
# human [1, 2, 3, 4, 5], judge [2, 2, 3, 4, 4]: observed weight sum 2/16 over 5 = 0.025;
# the chance term weighs every (human, judge) combination by its margins: judge 2 and 4 (2/5
# each) meet the uniform human side at a mean weight of 15/80, judge 3 (1/5) at 10/80, so
# 0.4 * 15/80 * 2 + 0.2 * 10/80 = 0.175; kappa = 1 - 0.025 / 0.175 = 0.8571.
@pytest.mark.parametrize(
    ("human", "judge", "exact", "within", "kappa"),
    [
        ([1, 2, 3, 4, 5], [1, 2, 3, 4, 5], 1.0, 1.0, 1.0),
        ([1, 2, 3, 4, 5], [2, 2, 3, 4, 4], 0.6, 1.0, 0.8571),
        ([1, 1, 5, 5], [5, 5, 1, 1], 0.0, 0.0, -1.0),
        ([4, 4, 4, 4], [4, 4, 4, 4], 1.0, 1.0, None),
        ([2, 3, 4, 5], [3, 3, 3, 3], 0.25, 0.75, 0.0),
    ],
)
def test_agreement_on_hand_made_tables(
    human: list[int], judge: list[int], exact: float, within: float, kappa: float | None
) -> None:
    found = agreement("genuine", human, judge)
    assert (found.exact, found.within_one) == (exact, within)
    if kappa is None:
        assert found.kappa is None and found.strength == "weak"
    else:
        assert found.kappa == pytest.approx(kappa, abs=1e-4)


@pytest.mark.parametrize(
    ("a", "b", "rho"),
    [
        ([1, 2, 3, 4], [10, 20, 30, 40], 1.0),
        ([1, 2, 3, 4], [4, 3, 2, 1], -1.0),
        ([1, 2, 2, 3], [1, 2, 3, 4], 0.9487),  # ties share the mean rank
        ([3, 3, 3], [1, 2, 3], None),
    ],
)
def test_spearman_on_hand_made_tables(a: list[int], b: list[int], rho: float | None) -> None:
    got = spearman(a, b)
    assert got == (None if rho is None else pytest.approx(rho, abs=1e-4))


@pytest.mark.parametrize(
    ("kappa", "said"),
    [
        (None, "weak"),
        (-0.3, "weak"),
        (0.3, "fair"),
        (0.5, "moderate"),
        (0.7, "good"),
        (0.9, "strong"),
    ],
)
def test_kappa_names_how_far_to_trust_a_judge(kappa: float | None, said: str) -> None:
    assert strength(kappa) == said


def test_uneven_ratings_are_an_error() -> None:
    with pytest.raises(ValueError, match="brief"):
        agreement("brief", [1, 2], [1])
    assert weighted_kappa([1, 5], [5, 1]) == pytest.approx(-1.0)
