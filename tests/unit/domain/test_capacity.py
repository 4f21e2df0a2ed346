from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsdesk.domain.capacity import plan_capacity
from opsdesk.domain.errors import FieldErrors

GOOD = {
    "market_size": 20_000, "share_percent": 5, "deal_cycle_days": 45, "visits_per_deal": 4,
    "visits_per_person_per_day": 8, "working_days_per_month": 26, "ramp_months": 6,
}


def test_hand_computed_ramp() -> None:
    p = plan_capacity(**GOOD)
    assert p.customers_to_win == 1000
    assert p.visits_needed == 4000
    assert p.visits_per_person_month == 208
    assert p.lead_months == 1  # 45 days reach back one whole month
    # deals 1000 × i / 21 for i = 1..6, largest remainder: 47.6 95.2 142.9 190.5 238.1 285.7
    assert [m.deals for m in p.months] == [0, 48, 95, 143, 190, 238, 286]
    assert [m.cumulative_deals for m in p.months][-1] == 1000
    # visits 4000 × i / 21, each closing month's visits half in that month, half the month before
    assert [m.visits for m in p.months] == [96, 286, 476, 666, 857, 1048, 571]
    assert [m.staff for m in p.months] == [1, 2, 3, 4, 5, 6, 3]
    assert [m.visits_per_day for m in p.months] == [4, 11, 19, 26, 33, 41, 22]
    assert p.staff_needed == 6


def test_one_month_no_cycle() -> None:
    p = plan_capacity(market_size=1000, share_percent=10, deal_cycle_days=0, visits_per_deal=10,
                      visits_per_person_per_day=5, working_days_per_month=20, ramp_months=1)
    assert (p.customers_to_win, p.visits_needed, p.staff_needed, len(p.months)) == (100, 1000,
                                                                                    10, 1)
    one_more = plan_capacity(market_size=1001, share_percent=10, deal_cycle_days=29,
                             visits_per_deal=10, visits_per_person_per_day=5,
                             working_days_per_month=20, ramp_months=1)
    # 100.1 customers -> 101, 1,010 visits need an eleventh person
    assert (one_more.customers_to_win, one_more.staff_needed, one_more.lead_months) == (101, 11, 0)


def test_fractional_rates() -> None:
    p = plan_capacity(market_size=333, share_percent="12.5", deal_cycle_days=60,
                      visits_per_deal="2.5", visits_per_person_per_day=Fraction(7, 2),
                      working_days_per_month=22, ramp_months=3)
    assert p.customers_to_win == 42  # 41.625 -> 42
    assert p.visits_needed == 105
    assert p.visits_per_person_month == 77
    assert p.lead_months == 2
    assert len(p.months) == 5
    assert [m.deals for m in p.months[:2]] == [0, 0]


def test_every_bad_field_at_once() -> None:
    with pytest.raises(FieldErrors) as e:
        plan_capacity(market_size=0, share_percent=0, deal_cycle_days=-1, visits_per_deal="x",
                      visits_per_person_per_day=0, working_days_per_month=32, ramp_months=0)
    codes = {k: v.code for k, v in e.value.errors.items()}
    assert codes == {
        "market_size": "capacity.out_of_range",
        "share_percent": "capacity.share_out_of_range",
        "deal_cycle_days": "capacity.out_of_range",
        "visits_per_deal": "capacity.invalid_number",
        "visits_per_person_per_day": "capacity.not_positive",
        "working_days_per_month": "capacity.out_of_range",
        "ramp_months": "capacity.out_of_range",
    }
    assert dict(e.value.errors["working_days_per_month"].params) == {"min": 1, "max": 31}


@pytest.mark.parametrize(("field", "value", "code"), [
    ("share_percent", "100.01", "capacity.share_out_of_range"),
    ("share_percent", -5, "capacity.share_out_of_range"),
    ("market_size", 10.5, "capacity.invalid_number"),
    ("ramp_months", True, "capacity.invalid_number"),
    ("visits_per_deal", -1, "capacity.not_positive"),
])
def test_one_bad_field(field: str, value: object, code: str) -> None:
    with pytest.raises(FieldErrors) as e:
        plan_capacity(**(GOOD | {field: value}))
    assert {k: v.code for k, v in e.value.errors.items()} == {field: code}


def test_whole_market_is_allowed() -> None:
    assert plan_capacity(**(GOOD | {"share_percent": 100})).customers_to_win == 20_000


@given(st.integers(1, 10**6), st.integers(1, 1000), st.integers(0, 400), st.integers(1, 300),
       st.integers(1, 200), st.integers(1, 31), st.integers(1, 36))
def test_ramp_properties(market: int, share_tenths: int, cycle: int, vpd_tenths: int,
                         per_day_tenths: int, days: int, ramp: int) -> None:
    p = plan_capacity(market_size=market, share_percent=Fraction(share_tenths, 10),
                      deal_cycle_days=cycle, visits_per_deal=Fraction(vpd_tenths, 10),
                      visits_per_person_per_day=Fraction(per_day_tenths, 10),
                      working_days_per_month=days, ramp_months=ramp)
    assert p.customers_to_win == math.ceil(Fraction(market * share_tenths, 1000))
    assert len(p.months) == p.lead_months + ramp == cycle // 30 + ramp
    assert sum(m.deals for m in p.months) == p.customers_to_win == p.months[-1].cumulative_deals
    assert sum(m.visits for m in p.months) == p.visits_needed
    assert all(m.deals == 0 for m in p.months[:p.lead_months])
    closing = [m.deals for m in p.months[p.lead_months:]]
    assert all(abs(b - a - Fraction(p.customers_to_win * 2, ramp * (ramp + 1))) < 2
               for a, b in zip(closing, closing[1:], strict=False))  # a straight line
    for m in p.months:
        assert m.staff * p.visits_per_person_month >= m.visits  # never short of hands
        assert (m.staff - 1) * p.visits_per_person_month < m.visits or m.staff == 0
        assert m.visits_per_day * days >= m.visits
    assert p.staff_needed == max(m.staff for m in p.months)
