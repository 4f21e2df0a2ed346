from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsdesk.domain.errors import FieldErrors, ValidationError
from opsdesk.domain.ponds import (
    Conversion,
    Period,
    PondCustomer,
    PondTerms,
    Spend,
    add_months,
    check_settleable,
    contract_periods,
    covered_days,
    period_of,
    pond_conversion,
    settle_month,
    settlement_period,
    validate_terms,
)

YUAN = 100
MARCH = Period(2024, 3)
TERMS = PondTerms(date(2024, 1, 1), None, fee_per_customer=20 * YUAN, share_rate="10%",
                  share_months=2, monthly_minimum=0)


# ----------------------------------------------------------------------------- periods


def test_period_helpers() -> None:
    p = settlement_period(2024, 2)
    assert (p.first, p.last, p.days) == (date(2024, 2, 1), date(2024, 2, 29), 29)
    assert Period(2024, 12).next() == Period(2025, 1)
    assert Period(2024, 1).previous() == Period(2023, 12)
    assert period_of(date(2024, 7, 31)) == Period(2024, 7)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2023, 1, 31), 1) == date(2023, 2, 28)
    assert add_months(date(2024, 11, 15), 3) == date(2025, 2, 15)


@pytest.mark.parametrize(("year", "month"), [(2024, 0), (2024, 13), (1800, 1), (2024, True)])
def test_bad_periods(year: int, month: int) -> None:
    with pytest.raises(ValidationError) as e:
        settlement_period(year, month)
    assert e.value.code == "pond.month_invalid"


def test_settleable_only_after_the_month_and_while_unlocked() -> None:
    check_settleable(MARCH, date(2024, 4, 1))
    with pytest.raises(ValidationError) as e:
        check_settleable(MARCH, date(2024, 3, 31))
    assert e.value.code == "pond.period_not_ended"
    with pytest.raises(ValidationError) as e2:
        check_settleable(MARCH, date(2024, 5, 1), locked={Period(2024, 3)})
    assert e2.value.code == "pond.settlement_locked"
    assert e2.value.params == {"year": 2024, "month": 3}


def test_contract_periods() -> None:
    t = PondTerms(date(2024, 11, 20), date(2025, 2, 3))
    assert contract_periods(t, date(2030, 1, 1)) == (Period(2024, 11), Period(2024, 12),
                                                    Period(2025, 1), Period(2025, 2))
    assert contract_periods(t, date(2024, 12, 5)) == (Period(2024, 11), Period(2024, 12))


# ----------------------------------------------------------------------------- terms


@pytest.mark.parametrize(("terms", "field", "expected"), [
    (PondTerms(date(2024, 3, 2), date(2024, 3, 1)), "valid_to", "pond.validity_invalid"),
    (PondTerms(date(2024, 1, 1), share_rate="101%", share_months=3), "share_rate",
     "pond.rate_over_100"),
    (PondTerms(date(2024, 1, 1), share_rate="-1%", share_months=3), "share_rate",
     "pond.rate_negative"),
    (PondTerms(date(2024, 1, 1), share_rate="10%"), "share_months", "pond.share_months_required"),
    (PondTerms(date(2024, 1, 1), share_months=121), "share_months", "pond.share_months_invalid"),
    (PondTerms(date(2024, 1, 1), fee_per_customer=-1), "fee_per_customer", "money.negative"),
    (PondTerms(date(2024, 1, 1), monthly_minimum=1.5), "monthly_minimum",  # type: ignore[arg-type]
     "money.invalid"),
])
def test_bad_terms(terms: PondTerms, field: str, expected: str) -> None:
    with pytest.raises(FieldErrors) as e:
        validate_terms(terms)
    assert {k: v.code for k, v in e.value.errors.items()} == {field: expected}


def test_one_day_contract_and_100_percent_share_are_valid() -> None:
    assert validate_terms(PondTerms(date(2024, 3, 1), date(2024, 3, 1), share_rate="100%",
                                    share_months=1)) == 1


# ----------------------------------------------------------------------------- settlement


def test_fee_for_customers_registered_in_the_month() -> None:
    cs = [PondCustomer(1, date(2024, 2, 29)), PondCustomer(2, date(2024, 3, 1)),
          PondCustomer(3, date(2024, 3, 31)), PondCustomer(4, date(2024, 4, 1))]
    s = settle_month(TERMS, MARCH, cs, [])
    assert s.new_customers == 2 and s.fee_total == 40 * YUAN
    assert [line.customer_id for line in s.lines] == [2, 3]
    assert s.owed == 40 * YUAN and s.share == 0


def test_share_for_m_months_from_registration_to_the_day() -> None:
    c = PondCustomer(1, date(2024, 1, 15))  # window [15 Jan, 15 Mar)
    spend = [Spend(1, date(2024, 3, 14), 1000 * YUAN), Spend(1, date(2024, 3, 15), 500 * YUAN),
             Spend(1, date(2024, 2, 10), 9999 * YUAN)]
    s = settle_month(TERMS, MARCH, [c], spend)
    assert s.share_base == 1000 * YUAN and s.share == 100 * YUAN
    assert s.lines[0].new is False and s.lines[0].share == 100 * YUAN
    feb = settle_month(TERMS, Period(2024, 2), [c], spend)
    assert feb.share_base == 9999 * YUAN and feb.share == 99990


def test_share_rounds_half_up_once_and_lines_add_up() -> None:
    cs = [PondCustomer(i, date(2024, 3, 1)) for i in range(3)]
    spend = [Spend(i, date(2024, 3, 2), 5) for i in range(3)]  # 15 × 10 % = 1.5 -> 2
    s = settle_month(TERMS, MARCH, cs, spend)
    assert s.share == 2 and sum(line.share for line in s.lines) == 2


def test_minimum_applied_when_fees_and_share_fall_short() -> None:
    t = PondTerms(date(2024, 1, 1), fee_per_customer=20 * YUAN, monthly_minimum=500 * YUAN)
    s = settle_month(t, MARCH, [PondCustomer(1, date(2024, 3, 5))], [])
    assert (s.subtotal, s.minimum, s.minimum_topup, s.owed) == (
        20 * YUAN, 500 * YUAN, 480 * YUAN, 500 * YUAN)
    many = [PondCustomer(i, date(2024, 3, 5)) for i in range(30)]
    s2 = settle_month(t, MARCH, many, [])
    assert (s2.owed, s2.minimum_topup) == (600 * YUAN, 0)


def test_minimum_exactly_met_adds_nothing() -> None:
    t = PondTerms(date(2024, 1, 1), fee_per_customer=100, monthly_minimum=300)
    s = settle_month(t, MARCH, [PondCustomer(i, date(2024, 3, 5)) for i in range(3)], [])
    assert (s.owed, s.minimum_topup) == (300, 0)


def test_contract_starting_mid_month() -> None:
    t = PondTerms(date(2024, 3, 16), fee_per_customer=10 * YUAN, share_rate="10%",
                  share_months=12, monthly_minimum=310 * YUAN)
    cs = [PondCustomer(1, date(2024, 3, 15)), PondCustomer(2, date(2024, 3, 16))]
    spend = [Spend(1, date(2024, 3, 20), 1000 * YUAN), Spend(2, date(2024, 3, 16), 200 * YUAN)]
    s = settle_month(t, MARCH, cs, spend)
    assert s.covered_days == 16
    assert s.minimum == 160 * YUAN  # 310 × 16/31
    assert [line.customer_id for line in s.lines] == [2]  # 1 came before the contract
    assert (s.fee_total, s.share) == (10 * YUAN, 20 * YUAN)
    assert s.owed == 160 * YUAN


def test_contract_ending_mid_month() -> None:
    t = PondTerms(date(2024, 1, 1), date(2024, 3, 10), fee_per_customer=10 * YUAN,
                  share_rate="10%", share_months=12, monthly_minimum=100 * YUAN)
    cs = [PondCustomer(1, date(2024, 3, 10)), PondCustomer(2, date(2024, 3, 11))]
    spend = [Spend(1, date(2024, 3, 10), 100 * YUAN), Spend(1, date(2024, 3, 11), 500 * YUAN),
             Spend(2, date(2024, 3, 12), 500 * YUAN)]
    s = settle_month(t, MARCH, cs, spend)
    assert s.covered_days == 10
    assert s.minimum == round_half_up_int(100 * YUAN * 10, 31)
    assert (s.new_customers, s.fee_total, s.share_base, s.share) == (1, 10 * YUAN, 100 * YUAN,
                                                                      10 * YUAN)
    april = settle_month(t, Period(2024, 4), cs, [Spend(1, date(2024, 4, 1), 100 * YUAN)])
    assert april.owed == 0 and april.covered_days == 0 and april.lines == ()


def round_half_up_int(n: int, d: int) -> int:
    q, r = divmod(n, d)
    return q + (2 * r >= d)


def test_refunds_reduce_a_customer_but_never_below_zero() -> None:
    cs = [PondCustomer(1, date(2024, 3, 1)), PondCustomer(2, date(2024, 3, 1))]
    spend = [Spend(1, date(2024, 3, 2), 100 * YUAN), Spend(1, date(2024, 3, 3), -300 * YUAN),
             Spend(2, date(2024, 3, 2), 50 * YUAN)]
    s = settle_month(TERMS, MARCH, cs, spend)
    assert s.share_base == 50 * YUAN and s.share == 5 * YUAN
    assert s.lines[0].share_base == 0


def test_settlement_input_errors() -> None:
    with pytest.raises(ValidationError) as e:
        settle_month(TERMS, MARCH, [PondCustomer(1, date(2024, 3, 1))] * 2, [])
    assert e.value.code == "pond.duplicate_customer"
    with pytest.raises(ValidationError) as e2:
        settle_month(TERMS, MARCH, [], [Spend(9, date(2024, 3, 1), 1)])
    assert e2.value.code == "pond.unknown_customer"
    with pytest.raises(FieldErrors):
        settle_month(PondTerms(date(2024, 1, 1), share_rate="150%", share_months=1), MARCH, [],
                     [])


def test_covered_days() -> None:
    assert covered_days(PondTerms(date(2024, 2, 10), date(2024, 2, 10)), Period(2024, 2)) == 1
    assert covered_days(PondTerms(date(2024, 1, 1)), Period(2024, 2)) == 29
    assert covered_days(PondTerms(date(2024, 3, 1)), Period(2024, 2)) == 0


day_offsets = st.integers(-60, 120)


@given(st.lists(st.tuples(day_offsets, st.lists(st.tuples(day_offsets,
                                                          st.integers(-10**6, 10**6)),
                                                max_size=4)), max_size=10),
       st.integers(0, 10**6), st.integers(0, 10**6),
       st.sampled_from(["0", "7.5%", "33.33%", "100%"]), st.integers(1, 6),
       st.integers(0, 60), st.none() | st.integers(0, 90))
def test_settlement_is_never_negative_and_adds_up(rows: list, fee: int, minimum: int, rate: str,
                                                  months: int, start: int,
                                                  length: int | None) -> None:
    base = date(2024, 2, 1)
    valid_from = base + timedelta(days=start)
    t = PondTerms(valid_from, None if length is None else valid_from + timedelta(days=length),
                  fee, rate, months, minimum)
    cs = [PondCustomer(i, base + timedelta(days=r)) for i, (r, _) in enumerate(rows)]
    spend = [Spend(i, base + timedelta(days=d), a) for i, (_, sp) in enumerate(rows)
             for d, a in sp]
    for p in (Period(2024, 2), MARCH, Period(2024, 4)):
        s = settle_month(t, p, cs, spend)
        assert s.owed >= 0 and s.share >= 0 and s.minimum_topup >= 0
        assert s.owed == max(s.fee_total + s.share, s.minimum)
        assert s.fee_total == sum(line.fee for line in s.lines)
        assert s.share == sum(line.share for line in s.lines)
        assert s.share_base == sum(line.share_base for line in s.lines)
        assert s.minimum <= minimum
        if s.covered_days == 0:
            assert s.owed == 0


# ----------------------------------------------------------------------------- conversion


def test_conversion_of_handed_over_customers() -> None:
    cs = [PondCustomer(i, date(2024, 3, i + 1)) for i in range(5)]
    assert pond_conversion(cs, {0, 2, 99}) == Conversion(5, 2, Fraction(2, 5))
    assert pond_conversion(cs, {0, 2}, start=date(2024, 3, 2), end=date(2024, 3, 3)) == \
        Conversion(2, 1, Fraction(1, 2))
    assert pond_conversion([], {1}) == Conversion(0, 0, None)
