from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.stored_value import (
    Balance,
    Entry,
    EntryKind,
    RefundPlan,
    SpendPlan,
    TopUpPlan,
    adjustment_entry,
    balance,
    plan_refund,
    plan_spend,
    plan_topup,
    refund_entry,
    reversal_entries,
    spend_entry,
    topup_entries,
    verify_ledger,
)
from opsdesk.domain.tiers import BonusBracket, Tier, TierKind

YUAN = 100
GOLD = Tier(3, TierKind.REGULAR, "金卡", rank=30, discount=Decimal("0.88"),
            bonus_brackets=(BonusBracket(1000 * YUAN, 200 * YUAN),
                            BonusBracket(2000 * YUAN, 500 * YUAN)))


def code(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return exc.value.code


# ----------------------------------------------------------------------------- top-up


def test_topup_with_bonus_posts_two_entries() -> None:
    assert plan_topup(1000 * YUAN, GOLD) == TopUpPlan(1000 * YUAN, 200 * YUAN)
    assert topup_entries(1000 * YUAN, GOLD) == (
        Entry(EntryKind.TOPUP, 1000 * YUAN, 0),
        Entry(EntryKind.BONUS, 0, 200 * YUAN),
    )


def test_topup_below_every_bracket_or_without_tier_posts_one_entry() -> None:
    assert topup_entries(1000 * YUAN - 1, GOLD) == (Entry(EntryKind.TOPUP, 1000 * YUAN - 1, 0),)
    assert topup_entries(5000 * YUAN, None) == (Entry(EntryKind.TOPUP, 5000 * YUAN, 0),)


@pytest.mark.parametrize(("amount", "expected"), [
    (0, "money.zero"), (-1, "money.negative"), (10**16, "money.too_large"), (12.5, "money.invalid"),
])
def test_topup_refuses_bad_amounts(amount: int, expected: str) -> None:
    with pytest.raises(ValidationError) as e:
        plan_topup(amount, GOLD)
    assert (code(e), e.value.field) == (expected, "amount")


# ----------------------------------------------------------------------------- spend


def test_spend_is_proportional_to_principal_and_bonus() -> None:
    b = Balance(1000 * YUAN, 200 * YUAN)  # 5 : 1
    assert plan_spend(b, 120 * YUAN) == SpendPlan(100 * YUAN, 20 * YUAN)
    assert plan_spend(b, 1) == SpendPlan(1, 0)  # 0.83 : 0.17 -> the larger remainder wins
    assert plan_spend(b, 6) == SpendPlan(5, 1)
    assert plan_spend(Balance(1, 1), 1) == SpendPlan(1, 0)  # a tie goes to the principal
    assert spend_entry(b, 120 * YUAN) == Entry(EntryKind.SPEND, -100 * YUAN, -20 * YUAN)


def test_spend_of_the_whole_balance_empties_both_parts() -> None:
    b = Balance(333, 77)
    assert plan_spend(b, 410) == SpendPlan(333, 77)
    assert b.apply(spend_entry(b, 410)) == Balance(0, 0)


def test_spend_from_one_part_only() -> None:
    assert plan_spend(Balance(500, 0), 500) == SpendPlan(500, 0)
    assert plan_spend(Balance(0, 500), 499) == SpendPlan(0, 499)


def test_spend_never_goes_below_zero() -> None:
    with pytest.raises(ValidationError) as e:
        plan_spend(Balance(1000, 200), 1201)  # one fen too many
    assert code(e) == "stored_value.insufficient"
    assert e.value.params == {"part": "total", "available": 1200, "requested": 1201}
    with pytest.raises(ValidationError) as e:
        plan_spend(Balance(), 1)
    assert code(e) == "stored_value.insufficient"


def test_spend_refuses_zero_and_negative() -> None:
    for amount, expected in ((0, "money.zero"), (-5, "money.negative")):
        with pytest.raises(ValidationError) as e:
            plan_spend(Balance(1000, 0), amount)
        assert code(e) == expected


# ----------------------------------------------------------------------------- refund


def test_full_refund_returns_all_principal_and_forfeits_all_bonus() -> None:
    b = Balance(800 * YUAN, 160 * YUAN)
    assert plan_refund(b) == RefundPlan(800 * YUAN, 160 * YUAN)
    assert b.apply(refund_entry(b)) == Balance(0, 0)


def test_partial_refund_forfeits_the_bonus_that_came_with_it() -> None:
    b = Balance(1000 * YUAN, 200 * YUAN)
    assert plan_refund(b, 500 * YUAN) == RefundPlan(500 * YUAN, 100 * YUAN)
    assert refund_entry(b, 500 * YUAN) == Entry(EntryKind.REFUND, -500 * YUAN, -100 * YUAN)
    # 1/3 of 100 fen bonus = 33.33 -> 33; 2/3 -> 66.67 -> 67 (half up)
    assert plan_refund(Balance(300, 100), 100) == RefundPlan(100, 33)
    assert plan_refund(Balance(300, 100), 200) == RefundPlan(200, 67)
    assert plan_refund(Balance(2, 1), 1) == RefundPlan(1, 1)  # 0.5 rounds half up


def test_refund_exactly_at_the_principal_and_one_fen_over() -> None:
    b = Balance(1000, 500)
    assert plan_refund(b, 1000) == RefundPlan(1000, 500)
    with pytest.raises(ValidationError) as e:
        plan_refund(b, 1001)
    assert code(e) == "stored_value.refund_exceeds_principal"
    assert e.value.params == {"max": 1000}


def test_bonus_is_never_refunded() -> None:
    with pytest.raises(ValidationError) as e:
        plan_refund(Balance(0, 500))
    assert code(e) == "stored_value.nothing_to_refund"
    with pytest.raises(ValidationError) as e:
        plan_refund(Balance(0, 500), 100)
    assert code(e) == "stored_value.nothing_to_refund"


def test_refund_refuses_zero_and_negative() -> None:
    for amount, expected in ((0, "money.zero"), (-1, "money.negative")):
        with pytest.raises(ValidationError) as e:
            plan_refund(Balance(1000, 0), amount)
        assert code(e) == expected


# ----------------------------------------------------------------------------- adjust, reverse


def test_adjustment_needs_a_reason() -> None:
    for reason in (None, "", "   "):
        with pytest.raises(ValidationError) as e:
            adjustment_entry(Balance(), 100, 0, reason)
        assert (code(e), e.value.field) == ("stored_value.reason_required", "reason")
    with pytest.raises(ValidationError) as e:
        adjustment_entry(Balance(), 100, 0, "x" * 201)
    assert code(e) == "text.too_long"
    assert adjustment_entry(Balance(), 100, -0, " 旧系统迁移 ") == Entry(
        EntryKind.ADJUST, 100, 0, "旧系统迁移")


def test_adjustment_cannot_be_zero_or_go_below_zero() -> None:
    with pytest.raises(ValidationError) as e:
        adjustment_entry(Balance(100, 100), 0, 0, "nothing")
    assert code(e) == "stored_value.zero_adjustment"
    assert adjustment_entry(Balance(100, 100), -100, -100, "clear").total == -200
    with pytest.raises(ValidationError) as e:
        adjustment_entry(Balance(100, 100), 0, -101, "too much")
    assert code(e) == "stored_value.insufficient"
    assert e.value.params == {"part": "bonus", "available": 100, "requested": 101}
    assert e.value.field == "bonus"


def test_reversal_negates_an_operation() -> None:
    ops = topup_entries(1000 * YUAN, GOLD)
    b = balance(ops)
    rev = reversal_entries(b, ops, "输错金额")
    assert rev == (Entry(EntryKind.REVERSAL, -1000 * YUAN, 0, "输错金额"),
                   Entry(EntryKind.REVERSAL, 0, -200 * YUAN, "输错金额"))
    assert balance([*ops, *rev]) == Balance()


def test_reversing_a_spend_restores_both_parts() -> None:
    b = Balance(1000, 200)
    s = spend_entry(b, 600)
    after = b.apply(s)
    (r,) = reversal_entries(after, [s])
    assert after.apply(r) == b


def test_reversal_refusals() -> None:
    ops = topup_entries(1000 * YUAN, GOLD)
    b = balance(ops).apply(spend_entry(balance(ops), 300 * YUAN))
    with pytest.raises(ValidationError) as e:
        reversal_entries(b, ops)  # part of the top-up is already spent
    assert code(e) == "stored_value.insufficient"
    with pytest.raises(ValidationError) as e:
        reversal_entries(b, [Entry(EntryKind.REVERSAL, 5, 0)])
    assert code(e) == "stored_value.cannot_reverse"
    with pytest.raises(ValidationError) as e:
        reversal_entries(b, [])
    assert code(e) == "stored_value.cannot_reverse"


# ----------------------------------------------------------------------------- ledger checks


def test_verify_ledger() -> None:
    entries = [*topup_entries(1000, None), Entry(EntryKind.SPEND, -400, 0)]
    assert verify_ledger(entries) == Balance(600, 0) == balance(entries)
    # Kinds read back from the database as plain strings are accepted.
    assert verify_ledger([Entry("topup", 5, 0)]) == Balance(5, 0)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [
    Entry(EntryKind.TOPUP, 0, 0), Entry(EntryKind.TOPUP, 100, 10), Entry(EntryKind.TOPUP, -5, 0),
    Entry(EntryKind.BONUS, 5, 5), Entry(EntryKind.BONUS, 0, -5),
    Entry(EntryKind.SPEND, 0, 0), Entry(EntryKind.SPEND, 5, -10),
    Entry(EntryKind.REFUND, 0, -1), Entry(EntryKind.REFUND, -5, 1),
    Entry(EntryKind.ADJUST, 5, 0, ""), Entry(EntryKind.ADJUST, 0, 0, "why"),
    Entry(EntryKind.REVERSAL, 0, 0), Entry("gift", 5, 0),  # type: ignore[arg-type]
    Entry(EntryKind.TOPUP, 1.5, 0),  # type: ignore[arg-type]
])
def test_verify_ledger_refuses_malformed_entries(bad: Entry) -> None:
    with pytest.raises(ValidationError) as e:
        verify_ledger([Entry(EntryKind.TOPUP, 10_000, 0), Entry(EntryKind.BONUS, 0, 10_000), bad])
    assert code(e) == "stored_value.bad_entry"
    assert e.value.params["index"] == 2


def test_verify_ledger_refuses_a_negative_running_balance() -> None:
    entries = [Entry(EntryKind.TOPUP, 100, 0), Entry(EntryKind.SPEND, -101, 0),
               Entry(EntryKind.TOPUP, 100, 0)]
    assert balance(entries) == Balance(99, 0)  # the end sum alone would look fine
    with pytest.raises(ValidationError) as e:
        verify_ledger(entries)
    assert (code(e), e.value.params) == ("stored_value.ledger_negative",
                                         {"index": 1, "part": "principal"})


# ----------------------------------------------------------------------------- properties

_AMOUNT = st.integers(1, 50_000 * YUAN)
_TIER = st.sampled_from([None, GOLD])

_OP = st.one_of(
    st.tuples(st.just("topup"), _AMOUNT, _TIER),
    st.tuples(st.just("spend"), _AMOUNT),
    st.tuples(st.just("spend_all")),
    st.tuples(st.just("refund"), st.none() | _AMOUNT),
    st.tuples(st.just("adjust"), st.integers(-5000, 5000), st.integers(-5000, 5000)),
    st.tuples(st.just("reverse"), st.integers(0, 1000)),
)


def _run(ops: list[tuple]) -> tuple[list[Entry], list[list[Entry]], int, int]:
    """Apply the operations a front desk might try; refused ones post nothing."""
    entries: list[Entry] = []
    operations: list[list[Entry]] = []
    topped = refunded = 0
    for op in ops:
        current = balance(entries)
        try:
            match op:
                case ("topup", amount, tier):
                    posted = list(topup_entries(amount, tier))
                case ("spend", amount):
                    plan = plan_spend(current, amount)
                    assert plan.from_principal + plan.from_bonus == amount
                    assert 0 <= plan.from_principal <= current.principal
                    assert 0 <= plan.from_bonus <= current.bonus
                    posted = [spend_entry(current, amount)]
                case ("spend_all",):
                    posted = [spend_entry(current, current.total)]
                case ("refund", amount):
                    plan = plan_refund(current, amount)
                    assert plan.principal <= current.principal
                    assert plan.bonus_forfeited <= current.bonus
                    posted = [refund_entry(current, amount)]
                case ("adjust", p, b):
                    posted = [adjustment_entry(current, p, b, "property test")]
                case ("reverse", i):
                    if not operations:
                        continue
                    posted = list(reversal_entries(current, operations[i % len(operations)]))
        except ValidationError as e:
            assert e.code.startswith(("stored_value.", "money."))
            continue
        for e in posted:
            if e.kind is EntryKind.TOPUP:
                topped += e.principal
            if e.kind is EntryKind.REFUND:
                refunded -= e.principal
        entries += posted
        operations.append(posted)
        after = balance(entries)
        assert after.principal >= 0 and after.bonus >= 0
    return entries, operations, topped, refunded


@given(st.lists(_OP, max_size=30))
def test_any_sequence_balances_and_never_goes_negative(ops: list[tuple]) -> None:
    entries, _, _, _ = _run(ops)
    total = balance(entries)
    assert total == Balance(sum(e.principal for e in entries), sum(e.bonus for e in entries))
    assert verify_ledger(entries) == total


@given(st.lists(_OP.filter(lambda op: op[0] in ("topup", "spend", "spend_all", "refund")),
                max_size=30))
def test_refunds_never_exceed_principal_paid(ops: list[tuple]) -> None:
    entries, _, topped, refunded = _run(ops)
    assert refunded <= topped
    assert sum(e.bonus for e in entries if e.kind is EntryKind.REFUND) <= 0  # bonus never paid out


@given(st.integers(0, 10**9), st.integers(0, 10**9), st.data())
def test_spend_parts_sum_exactly_and_stay_within_each_part(p: int, b: int, data) -> None:
    current = Balance(p, b)
    if current.total == 0:
        return
    amount = data.draw(st.integers(1, current.total))
    plan = plan_spend(current, amount)
    assert plan.from_principal + plan.from_bonus == amount
    assert 0 <= plan.from_principal <= p and 0 <= plan.from_bonus <= b
    # Proportional: each part is within one fen of its exact share.
    assert abs(plan.from_principal * current.total - amount * p) < current.total


@given(st.integers(1, 10**9), st.integers(0, 10**9), st.data())
def test_refund_keeps_the_ratio_and_full_refund_clears_the_bonus(p: int, b: int, data) -> None:
    current = Balance(p, b)
    r = data.draw(st.integers(1, p))
    plan = plan_refund(current, r)
    assert plan.principal == r
    assert 0 <= plan.bonus_forfeited <= b
    assert abs(plan.bonus_forfeited * p - b * r) * 2 <= p  # within half a fen of b*r/p
    assert plan_refund(current) == RefundPlan(p, b)
