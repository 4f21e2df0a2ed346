"""Dashboard arithmetic on small hand-computed data, plus properties."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsdesk.domain import metrics as m


def test_funnel_rates_over_previous_and_top():
    layers = m.funnel([("lead", 200), ("visited", 120), ("qualified", 60), ("deal", 30)])
    assert [x.count for x in layers] == [200, 120, 60, 30]
    assert [x.rate for x in layers] == [None, Fraction(3, 5), Fraction(1, 2), Fraction(1, 2)]
    assert [x.rate_from_top for x in layers] == [1, Fraction(3, 5), Fraction(3, 10),
                                                 Fraction(3, 20)]
    assert m.weakest_layer(layers).step == "qualified"  # the first of the two halvings


def test_funnel_after_an_empty_layer_has_no_rate():
    layers = m.funnel([("lead", 0), ("visited", 0)])
    assert layers[0].rate_from_top is None and layers[1].rate is None
    assert m.weakest_layer(layers) is None


def test_percent_tenths_rounds_half_up():
    assert m.percent_tenths(Fraction(1, 3)) == 333
    assert m.percent_tenths(Fraction(1, 8)) == 125
    assert m.percent_tenths(Fraction(2, 3)) == 667
    assert m.percent_tenths(Fraction(1, 2000)) == 1  # 0.05 % -> 0.1 %
    assert m.percent_tenths(None) is None


def test_median_odd_even_and_empty():
    assert m.median([3, 1, 2]) == 2
    assert m.median([4, 1, 3, 2]) == Fraction(5, 2)
    assert m.median([]) is None


def person(i: int, visits: int, visited: int, deals: int, revenue: int = 0) -> m.PersonFigures:
    return m.PersonFigures(i, f"p{i}", visits, visited, deals, revenue)


def test_quadrants_split_at_the_medians():
    people = [
        person(1, 100, 50, 25),  # many visits, 50 %
        person(2, 90, 45, 5),  # many visits, 11 %
        person(3, 20, 10, 6),  # few, 60 %
        person(4, 10, 10, 1),  # few, 10 %
        person(5, 0, 0, 0, revenue=5000),  # front desk: sells, visits nobody
    ]
    r = m.read_quadrants(people)
    # medians over the four who visited: visits (20+90)/2 = 55; conversion (1/9 + 1/2)/2 = 11/36
    assert r.median_visits == 55
    assert r.median_conversion == (Fraction(1, 9) + Fraction(1, 2)) / 2
    assert r.quadrant == {1: m.Quadrant.MODEL, 2: m.Quadrant.COACH_SKILLS,
                          3: m.Quadrant.MORE_VISITS, 4: m.Quadrant.ATTITUDE}


def test_a_point_on_the_median_counts_as_high():
    assert m.quadrant_of(5, Fraction(1, 2), Fraction(5), Fraction(1, 2)) is m.Quadrant.MODEL


def test_period_pairs_to_date():
    # Thursday 2026-11-19: week from Monday 16th; month from the 1st
    wow, mom, yoy = m.period_pairs(date(2026, 11, 19))
    assert (wow.current.start, wow.current.end) == (date(2026, 11, 16), date(2026, 11, 20))
    assert (wow.previous.start, wow.previous.end) == (date(2026, 11, 9), date(2026, 11, 13))
    assert (mom.current.start, mom.current.end) == (date(2026, 11, 1), date(2026, 11, 20))
    assert (mom.previous.start, mom.previous.end) == (date(2026, 10, 1), date(2026, 10, 20))
    assert (yoy.previous.start, yoy.previous.end) == (date(2025, 11, 1), date(2025, 11, 20))


def test_month_comparison_clamps_to_a_shorter_month():
    _w, mom, yoy = m.period_pairs(date(2026, 3, 31))
    assert (mom.previous.start, mom.previous.end) == (date(2026, 2, 1), date(2026, 3, 1))
    assert yoy.previous.end == date(2025, 4, 1)


def test_change_and_its_rate():
    assert m.Change(120, 100).rate == Fraction(1, 5)
    assert m.Change(80, 100).delta == -20
    assert m.Change(5, 0).rate is None
    assert m.Change(-50, -100).rate == Fraction(1, 2)  # less negative is up


def test_months_back():
    ps = m.months_back(date(2026, 1, 15), 3)
    assert [(p.start, p.end) for p in ps] == [
        (date(2025, 11, 1), date(2025, 12, 1)), (date(2025, 12, 1), date(2026, 1, 1)),
        (date(2026, 1, 1), date(2026, 1, 16))]


def test_trend_line_through_exact_points():
    assert m.trend_line([1, 3, 5, 7]) == (2, 1)
    assert m.trend_line([4]) is None
    slope, icept = m.trend_line([0, 0, 3])
    assert slope == Fraction(3, 2) and icept == Fraction(-1, 2)


def test_growth_levers_multiply_to_revenue():
    lv = m.GrowthLevers(customers=40, purchases=60, revenue=1_200_000)
    assert lv.average_ticket == 20_000 and lv.frequency == Fraction(3, 2)
    assert lv.customers * lv.average_ticket * lv.frequency == lv.revenue
    ch = m.lever_changes(lv, m.GrowthLevers(50, 60, 1_000_000))
    assert ch.customers == Fraction(-1, 5)
    assert ch.average_ticket == Fraction(1, 5)
    assert ch.frequency == Fraction(1, 4)  # 1.5 against 1.2
    assert ch.revenue == Fraction(1, 5)
    assert m.lever_changes(lv, m.GrowthLevers(0, 0, 0)).revenue is None


def test_cohort_spend_per_customer_and_completeness():
    c = m.cohort_spend(date(2026, 9, 1), 3, 10_000, 20_001, as_of=date(2026, 10, 30))
    assert c.per_customer_30 == 3333 and c.per_customer_365 == 6667
    assert c.complete_30 and not c.complete_365  # 30 Sept + 30 days = 30 Oct
    assert not m.cohort_spend(date(2026, 9, 1), 3, 0, 0, date(2026, 10, 29)).complete_30
    assert m.cohort_spend(date(2026, 9, 1), 0, 0, 0, date(2026, 10, 29)).per_customer_30 is None


def test_rates():
    r = m.Rates(paying=50, repeat=20, customers=80, referred_in=10, referrers=8, referrers_again=2)
    assert r.repeat_rate == Fraction(2, 5)
    assert r.referral_rate == Fraction(1, 5)
    assert r.referrer_share == Fraction(4, 25)
    assert r.refer_again_share == Fraction(1, 4)
    assert m.Rates(0, 0, 0, 0, 0, 0).repeat_rate is None


def test_role_mix_margin():
    mix = m.RoleMix("profit", revenue=10_000, cost=3_500, quantity=4)
    assert mix.margin == 6_500 and mix.margin_rate == Fraction(13, 20)
    assert m.RoleMix("traffic", 0, 300, 2).margin_rate is None


def test_acquisition_cost_and_shares():
    assert m.acquisition_cost(100_000, 3) == 33_333
    assert m.acquisition_cost(100_000, 0) is None
    assert m.shares({"a": 1, "b": 3}) == {"a": Fraction(1, 4), "b": Fraction(3, 4)}


def test_negative_count_is_refused():
    with pytest.raises(ValueError):
        m.funnel([("lead", -1)])


# ----------------------------------------------------------------------------- properties


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=8))
def test_nested_funnel_rates_stay_within_one(counts):
    nested = sorted(counts, reverse=True)
    layers = m.funnel([(str(i), n) for i, n in enumerate(nested)])
    for x in layers:
        assert x.rate is None or 0 <= x.rate <= 1
        assert x.rate_from_top is None or 0 <= x.rate_from_top <= 1
    # the product of the step rates is the rate from the top
    if all(x.rate is not None for x in layers[1:]) and nested[0]:
        prod = Fraction(1)
        for x in layers[1:]:
            prod *= x.rate
        assert prod == layers[-1].rate_from_top


@given(st.lists(st.integers(min_value=-10**6, max_value=10**6), min_size=1, max_size=30))
def test_median_splits_the_values(xs):
    med = m.median(xs)
    assert sum(1 for x in xs if x < med) <= len(xs) / 2
    assert sum(1 for x in xs if x > med) <= len(xs) / 2


@given(st.integers(0, 10**4), st.integers(1, 10**4), st.integers(0, 10**9))
def test_levers_always_multiply_back(customers, purchases, revenue):
    lv = m.GrowthLevers(customers or 1, purchases, revenue)
    assert lv.customers * lv.average_ticket * lv.frequency == revenue


@given(st.dates(min_value=date(2001, 1, 1), max_value=date(2099, 12, 31)))
def test_period_pairs_compare_equal_or_clamped_spans(as_of):
    for p in m.period_pairs(as_of):
        assert p.current.end == as_of.fromordinal(as_of.toordinal() + 1)
        assert p.previous.end <= p.current.start or p.kind is m.Comparison.WEEK
        assert 0 < p.previous.days <= p.current.days
        if p.kind is m.Comparison.WEEK:
            assert p.previous.days == p.current.days


@given(st.lists(st.integers(-1000, 1000), min_size=2, max_size=20))
def test_trend_line_residuals_sum_to_zero(ys):
    slope, icept = m.trend_line(ys)
    assert sum(Fraction(y) - (slope * i + icept) for i, y in enumerate(ys)) == 0
