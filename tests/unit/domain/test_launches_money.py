"""Launch money totals, stored refund shares and refunds back onto a stored-value card."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.launches import (
    BASIS_POINTS,
    DepositEntry,
    DepositKind,
    LaunchMoney,
    card_refund_parts,
    launch_money,
    rule_from_bp,
    share_to_bp,
)


def test_shares_round_trip_through_basis_points() -> None:
    assert share_to_bp("0.5") == 5000 and share_to_bp(1) == BASIS_POINTS
    assert share_to_bp(Fraction(1, 3)) == 3333
    assert share_to_bp("0.00005") == 1  # half a basis point rounds up
    assert rule_from_bp(10000, 5000).after_deadline == Fraction(1, 2)
    with pytest.raises(ValidationError) as e:
        share_to_bp("half")
    assert e.value.code == "targets.invalid_number"


def test_money_of_a_launch_keeps_deposits_held_out_of_revenue() -> None:
    m = launch_money(
        [("entry", 9900), ("entry", 9900), ("entry_refund", -9900), ("balance", 580000)],
        [DepositEntry(DepositKind.DEPOSIT, 1, 100000), DepositEntry(DepositKind.DEPOSIT, 2, 100000),
         DepositEntry(DepositKind.DEPOSIT, 3, 100000), DepositEntry(DepositKind.APPLIED, 1, -100000),
         DepositEntry(DepositKind.REFUND, 2, -50000), DepositEntry(DepositKind.FORFEITED, 2, -50000)])
    assert m == LaunchMoney(19800, 9900, 300000, 50000, 50000, 100000, 580000)
    assert m.deposits_held == 100000
    assert m.revenue == 9900 + 50000 + 100000 + 580000
    assert m.collected == m.revenue + m.deposits_held


def test_unknown_payment_kind_is_refused() -> None:
    with pytest.raises(ValueError):
        launch_money([("bonus", 5)], [])


def test_card_refund_splits_in_the_spend_proportion() -> None:
    assert card_refund_parts(5000, 8000, 2000) == (4000, 1000)
    assert card_refund_parts(1, 1, 1) == (1, 0)  # half up on the principal
    assert card_refund_parts(10000, 10000, 0) == (10000, 0)
    with pytest.raises(ValidationError) as e:
        card_refund_parts(10001, 8000, 2000)
    assert (e.value.code, e.value.params) == ("launch.refund_exceeds_paid", {"max": 10000})
    with pytest.raises(ValidationError):
        card_refund_parts(0, 8000, 2000)


@given(p=st.integers(0, 10**9), b=st.integers(0, 10**9), data=st.data())
def test_property_card_refund_parts_add_up_and_stay_within_each_part(p, b, data) -> None:  # noqa: ANN001
    if p + b == 0:
        return
    amount = data.draw(st.integers(1, p + b))
    rp, rb = card_refund_parts(amount, p, b)
    assert rp + rb == amount
    assert 0 <= rp <= p and 0 <= rb <= b


@given(st.lists(st.tuples(st.sampled_from(["deposit", "refund", "forfeited", "applied"]),
                          st.integers(1, 10**7)), max_size=30),
       st.lists(st.tuples(st.sampled_from(["entry", "entry_refund", "balance"]),
                          st.integers(0, 10**7)), max_size=30))
def test_property_collected_is_money_in_less_money_out(deps, pays) -> None:  # noqa: ANN001
    entries = [DepositEntry(DepositKind(k), 1, a if k == "deposit" else -a) for k, a in deps]
    signed = [(k, -a if k == "entry_refund" else a) for k, a in pays]
    m = launch_money(signed, entries)
    money_in = sum(a for k, a in signed if a > 0) + sum(e.amount for e in entries if e.amount > 0)
    money_out = -sum(a for _k, a in signed if a < 0) - sum(
        e.amount for e in entries if e.kind is DepositKind.REFUND)
    assert m.collected == money_in - money_out
