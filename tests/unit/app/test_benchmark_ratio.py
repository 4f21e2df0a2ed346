"""The benchmarks' ratio against a baseline: for launches measured back to back it is the median
of the pairs' ratios, so that a machine whose speed drifts between pairs does not move it."""

from __future__ import annotations

import pytest

from benchmarks.core import Goal, Result


def test_unpaired_ratio_is_the_quotient_of_the_figures() -> None:
    r = Result("x", 130.0, "ms", baseline=100.0, goal=Goal(max_ratio=1.3))
    assert r.ratio == pytest.approx(1.3)
    assert r.passed


def test_paired_ratio_cancels_drift_between_pairs() -> None:
    # The machine runs at half speed for the second half of the pairs; every pair is 1.2x.
    bare = [100.0, 100.0, 100.0, 200.0, 200.0, 200.0, 200.0]
    app = [b * 1.2 for b in bare]
    app[0] = 100.0 * 1.5  # one disturbed pair
    r = Result("x", 240.0, "ms", baseline=200.0, samples=app, baseline_samples=bare,
               goal=Goal(max_ratio=1.3), paired=True)
    assert r.ratio == pytest.approx(1.2)
    assert r.passed
    assert r.as_json()["ratio"] == pytest.approx(1.2)


def test_paired_ratio_fails_a_slow_app() -> None:
    bare = [100.0, 150.0, 120.0]
    r = Result("x", 200.0, "ms", baseline=120.0, samples=[b * 1.4 for b in bare],
               baseline_samples=bare, goal=Goal(max_ratio=1.3), paired=True)
    assert r.ratio == pytest.approx(1.4)
    assert r.passed is False
