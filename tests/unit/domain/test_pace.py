from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.pace import PaceStatus, pace, planned_between, status_for
from opsdesk.domain.targets import Indicator, Plan, plan_indicator

# June 2025, open Monday to Friday only: 100 planned on every weekday.
JUNE = {date(2025, 6, 1) + timedelta(days=i): 0 for i in range(30)}
JUNE |= {d: 100 for d in JUNE if d.weekday() < 5}
MONTH = {"start": date(2025, 6, 1), "end": date(2025, 6, 30)}


def test_due_counts_planned_days_up_to_and_including_today() -> None:
    p = pace(JUNE, 500, date(2025, 6, 6), **MONTH)  # Mon 2 .. Fri 6 are due
    assert (p.target, p.due, p.actual) == (2100, 500, 500)
    assert p.attainment == 1 and p.percent == 100
    assert p.status is PaceStatus.GREEN
    assert (p.behind, p.remaining) == (0, 1600)
    weekend = pace(JUNE, 500, date(2025, 6, 8), **MONTH)  # closed days add nothing
    assert weekend.due == 500


@pytest.mark.parametrize(("actual", "status", "percent"), [
    (600, PaceStatus.GREEN, 120), (500, PaceStatus.GREEN, 100), (499, PaceStatus.AMBER, 100),
    (460, PaceStatus.AMBER, 92), (450, PaceStatus.AMBER, 90), (449, PaceStatus.RED, 90),
    (440, PaceStatus.RED, 88), (0, PaceStatus.RED, 0), (-20, PaceStatus.RED, -4),
])
def test_default_thresholds(actual: int, status: PaceStatus, percent: int) -> None:
    p = pace(JUNE, actual, date(2025, 6, 6), **MONTH)
    assert p.status is status
    assert p.percent == percent
    assert p.behind == max(0, 500 - actual)


def test_percent_rounds_half_up() -> None:
    assert pace({date(2025, 1, 1): 200}, 179, date(2025, 1, 1)).percent == 90  # 89.5 %
    assert pace({date(2025, 1, 1): 200}, 178, date(2025, 1, 1)).percent == 89


def test_custom_thresholds() -> None:
    p = pace(JUNE, 480, date(2025, 6, 6), **MONTH, green="0.95", amber=Fraction(4, 5))
    assert p.status is PaceStatus.GREEN
    assert pace(JUNE, 420, date(2025, 6, 6), **MONTH, green=0.95, amber=0.8).status \
        is PaceStatus.AMBER
    assert pace(JUNE, 399, date(2025, 6, 6), **MONTH, green=0.95, amber=0.8).status \
        is PaceStatus.RED


def test_nothing_due_yet() -> None:
    before = pace(JUNE, 0, date(2025, 5, 31), **MONTH)
    assert (before.due, before.target, before.attainment, before.percent) == (0, 2100, None, None)
    assert before.status is PaceStatus.GREEN
    sunday_first = pace(JUNE, 0, date(2025, 6, 1), **MONTH)
    assert sunday_first.due == 0 and sunday_first.status is PaceStatus.GREEN


def test_after_the_period_everything_is_due() -> None:
    p = pace(JUNE, 2000, date(2025, 7, 15), **MONTH)
    assert p.due == p.target == 2100
    assert p.status is PaceStatus.AMBER
    week = pace(JUNE, 500, date(2025, 6, 20), start=date(2025, 6, 9), end=date(2025, 6, 15))
    assert (week.target, week.due, week.status) == (500, 500, PaceStatus.GREEN)


def test_year_to_date_from_a_plan() -> None:
    ip = plan_indicator(2025, Indicator.REVENUE, 365 * 1000, {"staff:1": 1, "staff:2": 1})
    daily = Plan(2025, (ip,)).daily(Indicator.REVENUE, "staff:1")
    p = pace(daily, 10_000, date(2025, 1, 31), start=date(2025, 1, 1), end=date(2025, 12, 31))
    assert p.target == 365 * 500
    assert p.due == sum(ip.unit("staff:1").months[0].days)
    assert p.status is PaceStatus.RED  # 10,000 of about 15,500 due


@pytest.mark.parametrize(("green", "amber"), [(1, "1.1"), (1, -1), ("0.5", "0.6")])
def test_thresholds_refused(green: object, amber: object) -> None:
    with pytest.raises(ValidationError) as e:
        pace(JUNE, 1, date(2025, 6, 6), green=green, amber=amber)  # type: ignore[arg-type]
    assert e.value.code == "pace.thresholds_invalid"
    assert e.value.field == "amber"


def test_bad_input_refused() -> None:
    with pytest.raises(ValidationError) as e:
        pace(JUNE, 1, date(2025, 6, 6), start=date(2025, 6, 30), end=date(2025, 6, 1))
    assert e.value.code == "pace.period_invalid"
    with pytest.raises(ValidationError) as e:
        pace(JUNE, 1.5, date(2025, 6, 6))  # type: ignore[arg-type]
    assert e.value.code == "targets.invalid_number"
    with pytest.raises(ValidationError) as e:
        pace(JUNE, 1, date(2025, 6, 6), green="lots")
    assert e.value.code == "targets.invalid_number"


def test_status_for() -> None:
    assert status_for(None) is PaceStatus.GREEN
    assert status_for(Fraction(9, 10)) is PaceStatus.AMBER
    assert status_for(Fraction(89, 100)) is PaceStatus.RED
    assert status_for(Fraction(89, 100), amber=0) is PaceStatus.AMBER


@given(st.lists(st.integers(0, 10**6), min_size=1, max_size=60), st.integers(-5, 70),
       st.integers(-10**6, 10**8), st.integers(0, 10**8))
def test_pace_properties(plan: list[int], day: int, actual: int, more: int) -> None:
    first = date(2024, 2, 1)
    daily = {first + timedelta(days=i): v for i, v in enumerate(plan)}
    today = first + timedelta(days=day)
    p = pace(daily, actual, today)
    assert p.due == sum(v for d, v in daily.items() if d <= today)
    assert 0 <= p.due <= p.target == sum(plan)
    assert p.due == planned_between(daily, None, today)
    order = [PaceStatus.RED, PaceStatus.AMBER, PaceStatus.GREEN]
    better = pace(daily, actual + more, today)
    assert order.index(better.status) >= order.index(p.status)
    if p.due:
        assert (p.status is PaceStatus.GREEN) == (actual >= p.due)
