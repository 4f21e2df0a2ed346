"""Two-level splits (departments, then people) and last year's months for a plan made before
last year is over."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.targets import (
    Indicator,
    Plan,
    check_plan_sums,
    plan_indicator_split,
    seasonality_latest,
    split_by_groups,
)

YUAN = 100


def test_seed_001_departments_then_ten_sellers_by_ability() -> None:
    # ¥10,000,000: the sellers' department carries it all, ten sellers weighted by ability.
    ability = {f"staff:{i}": w for i, w in enumerate((3, 3, 2, 2, 2, 1, 1, 1, 1, 1), start=1)}
    shares = split_by_groups(10_000_000 * YUAN, {"sell": 100, "track": 0},
                             {"sell": ability, "track": {"staff:99": 1}})
    assert sum(shares.values()) == 10_000_000 * YUAN
    assert abs(shares["staff:1"] - 10_000_000 * YUAN * 3 / 17) < 1  # about ¥1.76M for ability 3
    assert shares["staff:99"] == 0
    plan = Plan(2025, (plan_indicator_split(2025, Indicator.REVENUE, shares),))
    check_plan_sums(plan)


@pytest.mark.parametrize(("groups", "members", "code"), [
    ({"a": 0, "b": 0}, {"a": {"x": 1}}, "targets.zero_weights"),
    ({"a": 1}, {"a": {"x": 0, "y": 0}}, "targets.zero_weights"),
    ({"a": 1}, {}, "targets.no_units"),
    ({"a": -1}, {"a": {"x": 1}}, "targets.negative_weight"),
    ({"a": 1}, {"a": {"x": -2}}, "targets.negative_weight"),
])
def test_bad_weights_are_refused(groups, members, code) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as e:
        split_by_groups(1000, groups, members)
    assert e.value.code == code


def test_negative_target_refused() -> None:
    with pytest.raises(ValidationError) as e:
        split_by_groups(-1, {"a": 1}, {"a": {"x": 1}})
    assert e.value.code == "targets.negative_total"


@given(total=st.integers(0, 10**12),
       groups=st.lists(st.integers(1, 50), min_size=1, max_size=4),
       people=st.lists(st.integers(0, 9), min_size=1, max_size=6))
def test_parts_add_up_exactly(total: int, groups: list[int], people: list[int]) -> None:
    if not any(people):
        people = [*people[:-1], 1]
    gw = {f"g{i}": w for i, w in enumerate(groups)}
    mw = {g: {f"{g}:p{j}": w for j, w in enumerate(people)} for g in gw}
    shares = split_by_groups(total, gw, mw)
    assert sum(shares.values()) == total
    assert all(v >= 0 for v in shares.values())


def test_latest_twelve_months_by_calendar_month() -> None:
    # Planning 2027 in November 2026: December 2025 .. October 2026 plus November 2025.
    history = {(2025, m): m * 10 for m in range(6, 13)} | {(2026, m): m for m in range(1, 11)}
    weights = seasonality_latest(history, 2027)
    assert weights == (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 110, 120)


def test_latest_needs_a_year_of_history() -> None:
    with pytest.raises(ValidationError) as e:
        seasonality_latest({(2026, m): 5 for m in range(1, 11)}, 2027)
    assert e.value.code == "targets.no_history" and e.value.params["year"] == 2026
