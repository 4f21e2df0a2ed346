from __future__ import annotations

import calendar
import json
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.money import MAX_MINOR
from opsdesk.domain.targets import (
    EVERY_DAY,
    FLAT,
    FunnelHistory,
    Indicator,
    IndicatorPlan,
    Plan,
    RatioSource,
    as_fraction,
    baselines,
    check_plan_sums,
    check_total,
    choose_ratios,
    dated,
    last_year_share_weights,
    plan_indicator,
    plan_unit,
    reverse_by_period,
    reverse_calculate,
    seasonality_from_percent,
    seasonality_last_year,
    split_by_weights,
    split_month_to_days,
    split_to_months,
    week_rows,
    week_totals,
)

YUAN = 100


def year_of(year: int, values: list[int]) -> dict[tuple[int, int], int]:
    return {(year, m): v for m, v in enumerate(values, start=1)}


# ----------------------------------------------------------------------------- numbers

def test_indicator_units() -> None:
    assert {i for i in Indicator if i.is_money} == {
        Indicator.REVENUE, Indicator.GROSS_PROFIT, Indicator.TOPUPS}


@pytest.mark.parametrize(("value", "expected"), [
    ("0.1", Fraction(1, 10)), (0.1, Fraction(1, 10)), (Decimal("2.5"), Fraction(5, 2)),
    (3, Fraction(3)), (Fraction(1, 3), Fraction(1, 3)), (" 7 ", Fraction(7)),
])
def test_as_fraction(value: object, expected: Fraction) -> None:
    assert as_fraction(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [True, "abc", "nan", "inf", None, ""])
def test_as_fraction_refuses(value: object) -> None:
    with pytest.raises(ValidationError) as e:
        as_fraction(value, field="w")  # type: ignore[arg-type]
    assert e.value.code == "targets.invalid_number"
    assert e.value.field == "w"


@pytest.mark.parametrize(("value", "code"), [
    (-1, "targets.negative_total"), (MAX_MINOR + 1, "targets.too_large"),
    (True, "targets.invalid_number"), (1.5, "targets.invalid_number"),
])
def test_check_total_refuses(value: object, code: str) -> None:
    with pytest.raises(ValidationError) as e:
        check_total(value)  # type: ignore[arg-type]
    assert e.value.code == code


# ----------------------------------------------------------------------------- baselines

def test_baselines_steady_growth() -> None:
    history = year_of(2023, [100 * YUAN * m for m in range(1, 13)])
    history |= year_of(2024, [110 * YUAN * m for m in range(1, 13)])
    b = baselines(history, 2025)
    assert b.starting.value == 110 * YUAN * 78
    assert (b.starting.first, b.starting.last, b.starting.months) == ((2024, 1), (2024, 12), 12)
    assert not b.starting.annualised
    assert b.growth == Fraction(1, 10)
    assert b.growth_samples == 12
    assert b.forecast.value == 121 * YUAN * 78  # 8,580 × 1.1
    assert b.peak.value == b.starting.value
    assert (b.peak.first, b.peak.last) == ((2024, 1), (2024, 12))


def test_peak_is_an_earlier_better_year_and_forecast_shrinks() -> None:
    history = year_of(2022, [1000] * 12) | year_of(2023, [500] * 12)
    b = baselines(history, 2024)
    assert b.peak.value == 12000
    assert (b.peak.first, b.peak.last) == ((2022, 1), (2022, 12))
    assert b.starting.value == 6000
    assert b.growth == Fraction(-1, 2)
    assert b.forecast.value == 3000


def test_peak_is_a_rolling_year() -> None:
    # The best 12 months straddle two calendar years.
    history = year_of(2022, [0] * 6 + [900] * 6) | year_of(2023, [900] * 6 + [100] * 6)
    b = baselines(history, 2024)
    assert b.peak.value == 900 * 12
    assert (b.peak.first, b.peak.last) == ((2022, 7), (2023, 6))


def test_median_growth_ignores_one_freak_month() -> None:
    history = year_of(2023, [1000] * 12)
    history |= year_of(2024, [1100] * 11 + [6000])  # a one-off group order in December
    b = baselines(history, 2025)
    assert b.growth == Fraction(1, 10)
    assert b.forecast.value == (1100 * 11 + 6000) * 11 // 10


def test_short_history_is_annualised_without_growth() -> None:
    history = {(2024, m): 700 for m in range(6, 13)}  # opened in June
    b = baselines(history, 2025)
    assert b.starting.value == 8400
    assert b.starting.annualised and b.starting.months == 7
    assert b.starting.first == (2024, 6)
    assert b.peak.value == 8400 and b.peak.annualised
    assert b.growth == 0 and b.growth_samples == 0
    assert b.forecast.value == 8400


def test_a_gap_inside_the_history_counts_as_zero() -> None:
    b = baselines({(2024, 1): 1200, (2024, 12): 1200}, 2025)
    assert b.starting.value == 2400
    assert b.starting.months == 12


def test_months_of_the_planned_year_are_ignored() -> None:
    history = year_of(2023, [10] * 12) | year_of(2024, [20] * 12)
    assert baselines(history | {(2025, 1): 10**9}, 2025) == baselines(history, 2025)


def test_a_loss_is_not_grown_and_the_forecast_is_never_negative() -> None:
    loss = year_of(2023, [100] * 12) | year_of(2024, [-50] * 12)
    b = baselines(loss, 2025)
    assert b.starting.value == -600
    assert b.forecast.value == -600
    swing = year_of(2023, [100] * 12) | year_of(2024, [-50] * 11 + [1000])
    b = baselines(swing, 2025)
    assert b.starting.value == 450
    assert b.growth == Fraction(-3, 2)
    assert b.forecast.value == 0


@pytest.mark.parametrize("history", [{}, {(2022, m): 5 for m in range(1, 13)}])
def test_no_history_for_last_year(history: dict[tuple[int, int], int]) -> None:
    with pytest.raises(ValidationError) as e:
        baselines(history, 2024)
    assert e.value.code == "targets.no_history"
    assert e.value.params["year"] == 2023


@pytest.mark.parametrize("history", [{(2024, 13): 1}, {(2024, 1): 1.5}, {2024: 1}])
def test_malformed_history(history: dict) -> None:
    with pytest.raises(ValidationError) as e:
        baselines(history, 2025)
    assert e.value.code == "targets.history_invalid"


@given(st.lists(st.integers(0, 10**9), min_size=1, max_size=48))
def test_baseline_properties(values: list[int]) -> None:
    first = 2024 * 12 + 11 - len(values) + 1  # the history ends in December 2024
    history = {(i // 12, i % 12 + 1): v for i, v in zip(range(first, first + len(values)),
                                                      values, strict=True)}
    b = baselines(history, 2025)
    assert b.forecast.value >= 0
    if len(values) >= 12:
        assert b.peak.value >= sum(values[-12:])  # last year is one of the windows
        assert b.starting.value == sum(values[-12:])
    if len(values) <= 12:
        assert b.growth_samples == 0 and b.forecast.value == b.starting.value


# ----------------------------------------------------------------------------- split to people

def test_seed_001_ten_million_among_ten_sellers() -> None:
    sellers = {f"seller{i}": 1 for i in range(10)}
    shares = split_by_weights(10_000_000 * YUAN, sellers)
    assert set(shares.values()) == {1_000_000 * YUAN}
    assert list(shares) == list(sellers)


def test_weighted_by_ability() -> None:
    shares = split_by_weights(100, {"a": 3, "b": 2, "c": 1})
    # exact 50, 33.33, 16.67: the fen left over goes to the largest remainder (c)
    assert shares == {"a": 50, "b": 33, "c": 17}
    ability = split_by_weights(10_000_000 * YUAN, {"senior": "1.5", "mid": 1, "junior": 0.5})
    assert ability == {"senior": 5_000_000 * YUAN, "mid": 3_333_333_33, "junior": 1_666_666_67}


def test_zero_weight_gets_exactly_zero_and_one_person_everything() -> None:
    assert split_by_weights(999_99, {"a": 0, "b": 7, "c": 0}) == {"a": 0, "b": 999_99, "c": 0}
    assert split_by_weights(12_345, {"only": Decimal("0.01")}) == {"only": 12_345}


@pytest.mark.parametrize(("total", "weights", "code", "params"), [
    (100, {"a": 0, "b": 0}, "targets.zero_weights", {}),
    (100, {}, "targets.no_units", {}),
    (100, {"a": 1, "b": -1}, "targets.negative_weight", {"unit": "b"}),
    (-100, {"a": 1}, "targets.negative_total", {"value": -100}),
    (100, {"a": "x"}, "targets.invalid_number", {"text": "x"}),
])
def test_split_by_weights_refuses(total: int, weights: dict, code: str, params: dict) -> None:
    with pytest.raises(ValidationError) as e:
        split_by_weights(total, weights)
    assert e.value.code == code
    assert dict(e.value.params) == params


@given(st.integers(0, MAX_MINOR),
       st.lists(st.integers(0, 1000), min_size=1, max_size=30).filter(any))
def test_split_by_weights_properties(total: int, weights: list[int]) -> None:
    shares = split_by_weights(total, dict(enumerate(weights)))
    assert sum(shares.values()) == total
    for i, w in enumerate(weights):
        exact = Fraction(total * w, sum(weights))
        assert abs(shares[i] - exact) < 1
        if w == 0:
            assert shares[i] == 0


def test_last_year_share_weights() -> None:
    weights = last_year_share_weights({
        "ann": year_of(2024, [100] * 12) | year_of(2023, [999] * 12),
        "bob": year_of(2024, [-10] * 12),  # a loss gives no share
        "new": {},
    }, 2024)
    assert weights == {"ann": 1200, "bob": 0, "new": 0}
    with pytest.raises(ValidationError) as e:
        last_year_share_weights({"new": {}}, 2024)
    assert e.value.code == "targets.no_history"


# ----------------------------------------------------------------------------- split to months

def test_flat_and_last_year_seasonality() -> None:
    assert split_to_months(1200, FLAT) == (100,) * 12
    assert sum(split_to_months(1213, FLAT)) == 1213
    history = year_of(2024, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 5, 5])
    weights = seasonality_last_year(history, 2024)
    assert split_to_months(2000, weights) == (100,) * 10 + (500, 500)
    loss_month = seasonality_last_year(year_of(2024, [-5] + [1] * 11), 2024)
    assert loss_month[0] == 0


def test_last_year_seasonality_needs_history() -> None:
    with pytest.raises(ValidationError) as e:
        seasonality_last_year({(2023, 1): 10}, 2024)
    assert (e.value.code, e.value.params["year"]) == ("targets.no_history", 2024)


def test_custom_percentages() -> None:
    percents = ["10", "10", "10", "10", "10", "10", "10", "10", "7.5", "7.5", "5", 0]
    weights = seasonality_from_percent(percents)
    assert split_to_months(10_000, weights) == (1000,) * 8 + (750, 750, 500, 0)


@pytest.mark.parametrize(("percents", "code", "params"), [
    (["8.33"] * 12, "targets.percent_sum", {"sum": "99.96"}),
    ([10] * 12, "targets.percent_sum", {"sum": "120"}),
    ([Fraction(100, 3)] * 3 + [0] * 8 + [Fraction(1, 3)], "targets.percent_sum",
     {"sum": "100.33"}),
    ([110, -10] + [0] * 10, "targets.negative_percent", {"month": 2}),
    ([50, 50], "targets.month_count", {"count": 2}),
])
def test_custom_percentages_refused(percents: list, code: str, params: dict) -> None:
    with pytest.raises(ValidationError) as e:
        seasonality_from_percent(percents)
    assert e.value.code == code
    assert dict(e.value.params) == params
    assert e.value.field == "seasonality"


@pytest.mark.parametrize(("weights", "code"), [
    ([0] * 12, "targets.zero_weights"), ([1] * 11, "targets.month_count"),
    ([1] * 11 + [-1], "targets.negative_weight"),
])
def test_split_to_months_refuses(weights: list[int], code: str) -> None:
    with pytest.raises(ValidationError) as e:
        split_to_months(100, weights)
    assert e.value.code == code


@given(st.integers(0, MAX_MINOR), st.lists(st.integers(0, 50), min_size=12, max_size=12)
       .filter(any))
def test_split_to_months_sums(total: int, weights: list[int]) -> None:
    months = split_to_months(total, weights)
    assert sum(months) == total
    assert all(m == 0 for m, w in zip(months, weights, strict=True) if w == 0)


# ----------------------------------------------------------------------------- days

@pytest.mark.parametrize(("year", "month", "days"), [
    (2025, 2, 28), (2024, 2, 29), (2000, 2, 29), (1900, 2, 28), (2025, 4, 30), (2025, 1, 31),
])
def test_month_lengths(year: int, month: int, days: int) -> None:
    split = split_month_to_days(days * 100 + 7, year, month)
    assert len(split) == days
    assert sum(split) == days * 100 + 7
    assert sorted(set(split)) == [100, 101]


def test_leap_day_carries_its_share() -> None:
    feb = dated(2024, 2, split_month_to_days(2900, 2024, 2))
    assert feb[date(2024, 2, 29)] == 100


def test_weekend_weighs_more() -> None:
    # February 2021 starts on a Monday: four of each weekday, total weight 4 × (5 + 2 + 2) = 36.
    days = dated(2021, 2, split_month_to_days(3600, 2021, 2, (1, 1, 1, 1, 1, 2, 2)))
    assert {v for d, v in days.items() if d.weekday() < 5} == {100}
    assert {v for d, v in days.items() if d.weekday() >= 5} == {200}


def test_closed_weekday_and_holidays_get_nothing() -> None:
    closed = {date(2025, 10, d) for d in range(1, 8)}  # national holiday week
    days = dated(2025, 10, split_month_to_days(1_000_000, 2025, 10, (0, 1, 1, 1, 1, 1, 1),
                                               closed))
    assert sum(days.values()) == 1_000_000
    for d, v in days.items():
        assert (v == 0) == (d.weekday() == 0 or d in closed)


@pytest.mark.parametrize(("weekday_weights", "closed"), [
    ((0,) * 7, ()),
    (EVERY_DAY, {date(2025, 2, 1) + timedelta(days=i) for i in range(28)}),
    ((1, 0, 0, 0, 0, 0, 0), {date(2025, 2, d) for d in (3, 10, 17, 24)}),  # every Monday closed
])
def test_month_without_working_days(weekday_weights: tuple, closed: set[date]) -> None:
    with pytest.raises(ValidationError) as e:
        split_month_to_days(1, 2025, 2, weekday_weights, closed)
    assert e.value.code == "targets.no_working_days"
    assert dict(e.value.params) == {"year": 2025, "month": 2}
    assert split_month_to_days(0, 2025, 2, weekday_weights, closed) == (0,) * 28


@pytest.mark.parametrize(("args", "code"), [
    ((100, 2025, 2, (1,) * 6), "targets.weekday_count"),
    ((100, 2025, 2, (1, 1, 1, 1, 1, 1, -1)), "targets.negative_weight"),
    ((100, 2025, 13), "targets.invalid_month"),
    ((100, 0, 1), "targets.invalid_year"),
    ((-1, 2025, 1), "targets.negative_total"),
])
def test_split_month_to_days_refuses(args: tuple, code: str) -> None:
    with pytest.raises(ValidationError) as e:
        split_month_to_days(*args)
    assert e.value.code == code


@given(st.integers(0, 10**12), st.integers(1990, 2100), st.integers(1, 12),
       st.lists(st.integers(0, 9), min_size=7, max_size=7).filter(any),
       st.sets(st.integers(1, 31), max_size=10))
def test_days_properties(amount: int, year: int, month: int, weekday: list[int],
                         closed_days: set[int]) -> None:
    n = calendar.monthrange(year, month)[1]
    closed = {date(year, month, d) for d in closed_days if d <= n}
    try:
        days = dated(year, month, split_month_to_days(amount, year, month, weekday, closed))
    except ValidationError as e:
        assert e.code == "targets.no_working_days"
        assert amount > 0
        assert all(weekday[date(year, month, d).weekday()] == 0 or date(year, month, d) in closed
                   for d in range(1, n + 1))
        return
    assert len(days) == n
    assert sum(days.values()) == amount
    for d, v in days.items():
        if d in closed or weekday[d.weekday()] == 0:
            assert v == 0


# ----------------------------------------------------------------------------- weeks

def test_week_rows_of_march_2025() -> None:
    days = split_month_to_days(3100, 2025, 3)  # 100 a day
    rows = week_rows(2025, 3, days)
    assert [(r.iso_week, r.first.day, r.last.day, r.amount, r.partial) for r in rows] == [
        (9, 1, 2, 200, True), (10, 3, 9, 700, False), (11, 10, 16, 700, False),
        (12, 17, 23, 700, False), (13, 24, 30, 700, False), (14, 31, 31, 100, True)]
    assert sum(r.amount for r in rows) == 3100


def test_a_week_across_the_new_year() -> None:
    dec = split_month_to_days(3100, 2024, 12)
    jan = split_month_to_days(3100, 2025, 1)
    last = week_rows(2024, 12, dec)[-1]
    first = week_rows(2025, 1, jan)[0]
    assert (last.iso_year, last.iso_week, last.first, last.last) == (
        2025, 1, date(2024, 12, 30), date(2024, 12, 31))
    assert (first.iso_year, first.iso_week, first.first, first.last) == (
        2025, 1, date(2025, 1, 1), date(2025, 1, 5))
    assert last.partial and first.partial
    daily = dated(2024, 12, dec) | dated(2025, 1, jan)
    assert week_totals(daily)[(2025, 1)] == last.amount + first.amount == 700


def test_week_rows_need_every_day() -> None:
    with pytest.raises(ValidationError) as e:
        week_rows(2025, 2, (1,) * 29)
    assert e.value.code == "targets.plan_days"


# ----------------------------------------------------------------------------- reverse

def test_seed_001_ten_visits_per_deal() -> None:
    last_october = FunnelHistory(revenue=60_000 * YUAN, deals=6, visits=60, leads=30)
    req = reverse_calculate(10, last_october, last_october, Indicator.DEALS)
    assert (req.deals, req.visits, req.leads) == (10, 100, 50)
    assert req.ratios.conversion == Fraction(1, 10)


def test_revenue_to_deals_visits_leads() -> None:
    person = FunnelHistory(revenue=100_000 * YUAN, deals=50, visits=500, leads=250)
    store = FunnelHistory(revenue=1, deals=1, visits=1, leads=1)
    req = reverse_calculate(1_000_000 * YUAN, person, store)
    assert (req.deals, req.visits, req.leads) == (500, 5000, 2500)
    assert not req.ratios.uses_store
    one_fen_more = reverse_calculate(1_000_000 * YUAN + 1, person, store)
    assert (one_fen_more.deals, one_fen_more.visits, one_fen_more.leads) == (501, 5010, 2505)


def test_store_ratios_fill_what_the_person_lacks() -> None:
    store = FunnelHistory(revenue=300_000 * YUAN, deals=100, visits=400, leads=100)
    newcomer = FunnelHistory(revenue=0, deals=0, visits=30, leads=10)
    ratios = choose_ratios(newcomer, store)
    assert (ratios.ticket_source, ratios.conversion_source, ratios.lead_source) == (
        RatioSource.STORE, RatioSource.STORE, RatioSource.PERSON)
    assert ratios.uses_store
    req = reverse_calculate(30_000 * YUAN, newcomer, store)
    assert (req.deals, req.visits, req.leads) == (10, 40, 14)  # 40 / 3 = 13.3 -> 14
    nobody = choose_ratios(None, store)
    assert {nobody.ticket_source, nobody.conversion_source, nobody.lead_source} == {
        RatioSource.STORE}


def test_no_ratio_anywhere() -> None:
    store = FunnelHistory(revenue=100, deals=2, visits=0, leads=0)
    with pytest.raises(ValidationError) as e:
        reverse_calculate(1000, None, store)
    assert (e.value.code, e.value.params["ratio"]) == ("targets.no_ratio", "conversion")


def test_reverse_refuses() -> None:
    h = FunnelHistory(revenue=100, deals=1, visits=1, leads=1)
    with pytest.raises(ValidationError) as e:
        reverse_calculate(100, h, h, Indicator.GROSS_PROFIT)
    assert e.value.code == "targets.reverse_unsupported"
    with pytest.raises(ValidationError) as e:
        FunnelHistory(revenue=100, deals=-1, visits=1, leads=1)
    assert (e.value.code, e.value.field) == ("targets.history_negative", "deals")
    with pytest.raises(ValidationError) as e:
        reverse_calculate(-5, h, h)
    assert e.value.code == "targets.negative_total"


def test_reverse_by_day_rounds_each_day_up() -> None:
    person = FunnelHistory(revenue=3000 * YUAN, deals=10, visits=50, leads=25)  # ticket ¥300
    october = split_month_to_days(31 * 1000 * YUAN, 2025, 10)  # ¥1,000 a day
    by_day = reverse_by_period(dated(2025, 10, october), person, person)
    month = reverse_calculate(sum(october), person, person)
    assert month.deals == 104  # 31,000 / 300 = 103.3
    assert {r.deals for r in by_day.values()} == {4}  # 1,000 / 300 = 3.3 each day
    assert sum(r.deals for r in by_day.values()) >= month.deals


@given(st.integers(0, 10**12), st.integers(1, 10**9), st.integers(1, 10**4),
       st.integers(1, 10**5), st.integers(1, 10**5))
def test_rounding_up_never_undershoots(target: int, revenue: int, deals: int, visits: int,
                                       leads: int) -> None:
    h = FunnelHistory(revenue=revenue, deals=deals, visits=visits, leads=leads)
    req = reverse_calculate(target, h, h)
    ticket = Fraction(revenue, deals)
    assert req.deals * ticket >= target
    assert req.deals == 0 or (req.deals - 1) * ticket < target  # and not more than needed
    assert req.visits * Fraction(deals, visits) >= req.deals
    assert req.leads * Fraction(visits, leads) >= req.visits


# ----------------------------------------------------------------------------- plan

SELLERS = {f"staff:{i}": 1 for i in range(1, 11)}


def seed_plan() -> Plan:
    revenue = plan_indicator(2025, Indicator.REVENUE, 10_000_000 * YUAN, SELLERS,
                             seasonality_from_percent([6, 6, 8, 8, 8, 8, 8, 8, 8, 10, 10, 12]),
                             weekday_weights=(1, 1, 1, 1, 1, 2, 0))
    members = plan_indicator(2025, Indicator.NEW_MEMBERS, 1201, {"dept:1": 2, "dept:2": 1})
    return Plan(2025, (revenue, members))


def test_seed_plan_adds_up() -> None:
    plan = seed_plan()
    check_plan_sums(plan)
    revenue = plan.indicator(Indicator.REVENUE)
    assert {u.total for u in revenue.units} == {1_000_000 * YUAN}
    assert revenue.unit("staff:3").months[9].total == 100_000 * YUAN  # October: 10 %
    daily = plan.daily(Indicator.REVENUE)
    assert len(daily) == 365
    assert sum(daily.values()) == 10_000_000 * YUAN
    assert all(v == 0 for d, v in daily.items() if d.weekday() == 6)  # closed on Sundays
    assert sum(plan.daily(Indicator.NEW_MEMBERS, "dept:2").values()) == 400
    with pytest.raises(KeyError):
        plan.indicator(Indicator.DEALS)
    with pytest.raises(KeyError):
        revenue.unit("staff:99")


def test_plan_round_trips_through_json() -> None:
    plan = seed_plan()
    data = json.loads(json.dumps(plan.to_dict()))
    assert Plan.from_dict(data) == plan
    assert data["indicators"][0]["units"][0]["months"][1]["days"][28:] == []  # 2025: no Feb 29


def test_per_unit_seasonality() -> None:
    ip = plan_indicator(2024, Indicator.DEALS, 240, {"a": 1, "b": 1},
                        {"a": [1] * 6 + [0] * 6})
    assert [m.total for m in ip.unit("a").months] == [20] * 6 + [0] * 6
    assert [m.total for m in ip.unit("b").months] == [10] * 12
    assert len(ip.unit("b").months[1].days) == 29


def _with_month(plan: Plan, month: int, **changes: object) -> Plan:
    ip = plan.indicators[0]
    unit = ip.units[0]
    months = list(unit.months)
    months[month - 1] = replace(months[month - 1], **changes)
    new_unit = replace(unit, months=tuple(months))
    return replace(plan, indicators=(replace(ip, units=(new_unit, *ip.units[1:])),
                                     *plan.indicators[1:]))


def test_check_plan_sums_finds_each_level() -> None:
    plan = seed_plan()
    jan = plan.indicators[0].units[0].months[0]

    bad_day = _with_month(plan, 1, days=(jan.days[0] + 1, *jan.days[1:]))
    with pytest.raises(ValidationError) as e:
        check_plan_sums(bad_day)
    assert e.value.code == "targets.plan_sum_mismatch"
    assert {k: e.value.params[k] for k in ("level", "unit", "month")} == {
        "level": "month", "unit": "staff:1", "month": 1}
    assert e.value.params["actual"] == e.value.params["expected"] + 1

    moved = _with_month(plan, 1, days=(jan.days[0] + 1, *jan.days[1:]), total=jan.total + 1)
    with pytest.raises(ValidationError) as e:
        check_plan_sums(moved)
    assert (e.value.params["level"], e.value.params["unit"]) == ("unit", "staff:1")

    ip = plan.indicators[0]
    with pytest.raises(ValidationError) as e:
        check_plan_sums(replace(plan, indicators=(replace(ip, total=ip.total - 1),)))
    assert e.value.params["level"] == "indicator"
    assert e.value.params["indicator"] == "revenue"


def test_check_plan_sums_structure() -> None:
    plan = seed_plan()
    ip = plan.indicators[0]
    unit = ip.units[0]
    cases = [
        (replace(plan, indicators=(ip, ip)), "targets.plan_duplicate"),
        (replace(plan, indicators=(replace(ip, units=(unit, unit)),)), "targets.plan_duplicate"),
        (replace(plan, indicators=(replace(ip, units=(replace(unit, months=unit.months[:11]),)),
                                   )), "targets.plan_months"),
        (_with_month(plan, 2, days=(*plan.indicators[0].units[0].months[1].days, 0)),
         "targets.plan_days"),
        (_with_month(plan, 3, days=(-1,) + (0,) * 30, total=-1), "targets.plan_negative"),
        (replace(plan, year=0), "targets.invalid_year"),
    ]
    for bad, code in cases:
        with pytest.raises(ValidationError) as e:
            check_plan_sums(bad)
        assert e.value.code == code


@pytest.mark.parametrize(("mutate", "path"), [
    (lambda d: d.update(format=99), "format"),
    (lambda d: d.update(year="2025"), "year"),
    (lambda d: d["indicators"][0].update(indicator="profit"), "indicators[0].indicator"),
    (lambda d: d["indicators"][0]["units"][0].update(unit=7), "indicators[0].units[0]"),
    (lambda d: d["indicators"][0]["units"][0]["months"][0]["days"].__setitem__(0, True),
     "indicators[0].units[0].months[0].days"),
    (lambda d: d["indicators"][0]["units"][0]["months"][0].pop("total"),
     "indicators[0].units[0].months[0].total"),
    (lambda d: d["indicators"][1].update(units={}), "indicators[1].units"),
])
def test_from_dict_refuses_damage(mutate, path: str) -> None:  # noqa: ANN001
    data = seed_plan().to_dict()
    mutate(data)
    with pytest.raises(ValidationError) as e:
        Plan.from_dict(data)
    assert (e.value.code, e.value.params["path"]) == ("targets.plan_invalid", path)


def test_from_dict_refuses_a_plan_that_does_not_add_up() -> None:
    data = seed_plan().to_dict()
    data["indicators"][1]["total"] += 1
    with pytest.raises(ValidationError) as e:
        Plan.from_dict(data)
    assert e.value.code == "targets.plan_sum_mismatch"


@given(st.integers(0, 10**12), st.integers(2000, 2100),
       st.lists(st.integers(0, 5), min_size=1, max_size=6).filter(any),
       st.lists(st.integers(0, 9), min_size=12, max_size=12).filter(any),
       st.lists(st.integers(1, 9), min_size=7, max_size=7))
def test_plan_sums_exact_at_every_level(total: int, year: int, units: list[int],
                                        months: list[int], weekday: list[int]) -> None:
    ip = plan_indicator(year, Indicator.TOPUPS, total,
                        {f"u{i}": w for i, w in enumerate(units)}, months, weekday)
    plan = Plan(year, (ip,))
    check_plan_sums(plan)
    assert sum(plan.daily(Indicator.TOPUPS).values()) == total
    assert len(plan.daily(Indicator.TOPUPS)) == (366 if calendar.isleap(year) else 365)
    whole_weeks = week_totals(plan.daily(Indicator.TOPUPS))
    rows = [r for u in ip.units for m in u.months for r in week_rows(year, m.month, m.days)]
    assert sum(whole_weeks.values()) == total == sum(r.amount for r in rows)
    for key, amount in whole_weeks.items():
        assert amount == sum(r.amount for r in rows if (r.iso_year, r.iso_week) == key)
    assert Plan.from_dict(json.loads(json.dumps(plan.to_dict()))) == plan


def test_plan_unit_defaults_are_flat() -> None:
    unit = plan_unit(2025, "staff:1", 365 * 12)
    assert [m.total for m in unit.months] == [365] * 12
    assert unit.months[0].days[:2] == (12, 12) and unit.months[1].days[:2] == (14, 13)
    check_plan_sums(Plan(2025, (IndicatorPlan(Indicator.DEALS, unit.total, (unit,)),)))
