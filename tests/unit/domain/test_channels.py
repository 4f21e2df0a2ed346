from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsdesk.domain.channels import (
    POND,
    PROMOTER,
    REFERRAL,
    ChannelCost,
    ChannelCustomer,
    CostItem,
    CostKind,
    Purchase,
    SpendFigure,
    acquisition_costs,
    anniversary,
    early_spend,
    first_days_end,
    per_head,
)
from opsdesk.domain.errors import ValidationError

YUAN = 100
START, END = date(2024, 3, 1), date(2024, 3, 31)


def cust(cid: int, channel: str, reg: date, paid: date | None = None) -> ChannelCustomer:
    return ChannelCustomer(cid, channel, reg, paid)


# ----------------------------------------------------------------------------- acquisition cost


def test_cost_per_new_paying_customer_by_channel() -> None:
    costs = [
        CostItem("flyers", CostKind.SPEND, 300 * YUAN),
        CostItem("flyers", CostKind.SPEND, 100 * YUAN),
        CostItem(PROMOTER, CostKind.COMMISSION, 90 * YUAN),
        CostItem(POND, CostKind.POND_FEE, 500 * YUAN),
        CostItem(REFERRAL, CostKind.REFERRAL_REWARD, 80 * YUAN),
    ]
    customers = [
        cust(1, "flyers", date(2024, 2, 20), date(2024, 3, 1)),
        cust(2, "flyers", date(2024, 3, 5), date(2024, 3, 31)),
        cust(3, "flyers", date(2024, 3, 5), date(2024, 4, 1)),  # pays next month
        cust(4, "flyers", date(2024, 3, 5)),  # never paid
        cust(5, PROMOTER, date(2024, 3, 5), date(2024, 3, 6)),
        cust(6, PROMOTER, date(2024, 3, 5), date(2024, 3, 7)),
        cust(7, PROMOTER, date(2024, 3, 5), date(2024, 3, 8)),
        cust(8, "walk_in", date(2024, 3, 5), date(2024, 3, 5)),
    ]
    got = {c.channel: c for c in acquisition_costs(costs, customers, START, END)}
    assert got["flyers"] == ChannelCost("flyers", 400 * YUAN, 0, 0, 0, 2, 200 * YUAN)
    assert got[PROMOTER].per_customer == 3000  # 90 / 3
    assert got[POND] == ChannelCost(POND, 0, 0, 500 * YUAN, 0, 0, None)  # no division by zero
    assert got[REFERRAL].per_customer is None and got[REFERRAL].total == 80 * YUAN
    assert got["walk_in"].per_customer == 0
    assert list(got) == sorted(got)


def test_cost_per_customer_rounds_half_up() -> None:
    assert per_head(100, 3) == 33 and per_head(200, 3) == 67 and per_head(5, 2) == 3
    assert per_head(5, 0) is None


@pytest.mark.parametrize(("item", "expected"), [
    (CostItem("ads", CostKind.SPEND, -1), "money.negative"),
    (CostItem("", CostKind.SPEND, 1), "channel.key_invalid"),
    (CostItem("ads", "bribes", 1), "channel.cost_kind_invalid"),  # type: ignore[arg-type]
])
def test_bad_cost_items(item: CostItem, expected: str) -> None:
    with pytest.raises(ValidationError) as e:
        acquisition_costs([item], [], START, END)
    assert e.value.code == expected


def test_bad_period_and_duplicates() -> None:
    with pytest.raises(ValidationError) as e:
        acquisition_costs([], [], END, START)
    assert e.value.code == "channel.period_invalid"
    with pytest.raises(ValidationError) as e2:
        acquisition_costs([], [cust(1, "a", START), cust(1, "b", START)], START, END)
    assert e2.value.code == "channel.duplicate_customer"


@given(st.lists(st.tuples(st.sampled_from("abc"), st.none() | st.integers(0, 365)),
                max_size=30),
       st.lists(st.tuples(st.sampled_from("abcd"), st.integers(0, 10**6)), max_size=10))
def test_months_add_up_to_the_year(rows: list, costs: list) -> None:
    jan1 = date(2024, 1, 1)
    customers = [cust(i, ch, jan1, None if d is None else jan1 + timedelta(days=d))
                 for i, (ch, d) in enumerate(rows)]
    year = {c.channel: c.new_paying for c in acquisition_costs([], customers, jan1,
                                                               date(2024, 12, 31))}
    month_sum: dict[str, int] = {}
    for m in range(1, 13):
        end = date(2024, m + 1, 1) - timedelta(days=1) if m < 12 else date(2024, 12, 31)
        for c in acquisition_costs([], customers, date(2024, m, 1), end):
            month_sum[c.channel] = month_sum.get(c.channel, 0) + c.new_paying
    assert year == month_sum
    items = [CostItem(ch, CostKind.SPEND, a) for ch, a in costs]
    for c in acquisition_costs(items, customers, jan1, date(2024, 12, 31)):
        assert c.total == sum(a for ch, a in costs if ch == c.channel)
        assert (c.per_customer is None) == (c.new_paying == 0)


# ----------------------------------------------------------------------------- early spend


def test_windows() -> None:
    assert first_days_end(date(2024, 3, 1)) == date(2024, 3, 31)  # 1..30 March
    assert anniversary(date(2024, 2, 29)) == date(2025, 3, 1)
    assert anniversary(date(2024, 3, 1)) == date(2025, 3, 1)


def test_day_30_is_in_day_31_is_out() -> None:
    reg = date(2024, 3, 1)
    customers = [cust(1, "ads", reg)]
    purchases = [Purchase(1, reg, 100), Purchase(1, date(2024, 3, 30), 20),
                 Purchase(1, date(2024, 3, 31), 5), Purchase(1, date(2025, 2, 28), 7),
                 Purchase(1, date(2025, 3, 1), 1000), Purchase(1, date(2024, 2, 29), 999)]
    (row,) = early_spend(customers, purchases, as_of=date(2025, 6, 1))
    assert row.first_30_days == SpendFigure(1, 1, 120, 120, 120)
    assert row.first_year == SpendFigure(1, 1, 132, 132, 132)


def test_only_customers_whose_window_has_ended_count() -> None:
    reg = date(2024, 3, 1)
    customers = [cust(1, "ads", reg), cust(2, "ads", reg + timedelta(days=1))]
    purchases = [Purchase(1, reg, 100), Purchase(2, reg + timedelta(days=1), 300)]
    # Customer 1's 30 days end on 30 March; customer 2's on 31 March.
    (row,) = early_spend(customers, purchases, as_of=date(2024, 3, 30))
    assert row.registered == 2
    assert row.first_30_days == SpendFigure(1, 1, 100, 100, 100)
    assert row.first_year == SpendFigure(0, 0, 0, None, None)
    (row2,) = early_spend(customers, purchases, as_of=date(2024, 3, 31))
    assert row2.first_30_days.customers == 2 and row2.first_30_days.per_customer == 200


def test_averages_per_customer_and_per_paying_customer() -> None:
    reg = date(2024, 1, 10)
    customers = [cust(1, "ads", reg), cust(2, "ads", reg), cust(3, "ads", reg)]
    purchases = [Purchase(1, reg, 100), Purchase(2, reg, 50), Purchase(2, reg, -50)]
    (row,) = early_spend(customers, purchases, as_of=date(2024, 12, 31))
    # Customer 2 refunded everything: not paying. 100 / 3 = 33.33 -> 33; 100 / 1 = 100.
    assert row.first_30_days == SpendFigure(3, 1, 100, 33, 100)


def test_by_channel_and_cohort_month() -> None:
    customers = [cust(1, "ads", date(2024, 1, 31)), cust(2, "ads", date(2024, 2, 1)),
                 cust(3, POND, date(2024, 1, 5))]
    purchases = [Purchase(1, date(2024, 2, 2), 300), Purchase(2, date(2024, 2, 2), 500),
                 Purchase(3, date(2024, 1, 5), 80), Purchase(99, date(2024, 1, 5), 1)]
    rows = early_spend(customers, purchases, as_of=date(2024, 6, 1), by_cohort=True)
    assert [(r.channel, r.cohort, r.first_30_days.spend) for r in rows] == [
        ("ads", (2024, 1), 300), ("ads", (2024, 2), 500), (POND, (2024, 1), 80)]
    merged = early_spend(customers, purchases, as_of=date(2024, 6, 1))
    assert [(r.channel, r.cohort, r.first_30_days.per_customer) for r in merged] == [
        ("ads", None, 400), (POND, None, 80)]


@given(st.lists(st.tuples(st.sampled_from("xy"), st.integers(0, 400)), min_size=1, max_size=12),
       st.lists(st.tuples(st.integers(0, 11), st.integers(0, 800), st.integers(-500, 5000)),
                max_size=30),
       st.integers(0, 900))
def test_cohorts_add_up_to_the_channel(custs: list, buys: list, as_of_days: int) -> None:
    base = date(2023, 1, 1)
    customers = [cust(i, ch, base + timedelta(days=d)) for i, (ch, d) in enumerate(custs)]
    purchases = [Purchase(i % len(custs), base + timedelta(days=d), a) for i, d, a in buys]
    as_of = base + timedelta(days=as_of_days)
    merged = {r.channel: r for r in early_spend(customers, purchases, as_of)}
    cohorts = early_spend(customers, purchases, as_of, by_cohort=True)
    for ch, row in merged.items():
        parts = [r for r in cohorts if r.channel == ch]
        assert row.registered == sum(r.registered for r in parts)
        for name in ("first_30_days", "first_year"):
            fig = getattr(row, name)
            assert fig.spend == sum(getattr(r, name).spend for r in parts)
            assert fig.customers == sum(getattr(r, name).customers for r in parts)
            assert fig.paying <= fig.customers <= row.registered
        assert row.first_year.customers <= row.first_30_days.customers
