from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsdesk.domain.errors import FieldErrors, ValidationError
from opsdesk.domain.incentives import Bracket, CommissionMode
from opsdesk.domain.promoters import (
    CommissionBalance,
    CommissionPlan,
    Ineligible,
    LedgerEntry,
    LedgerKind,
    MemberBonusOn,
    PayoutMethod,
    PromoterFigures,
    PromoterLevel,
    PurchaseScope,
    RankBy,
    ReferredSale,
    accrual_entry,
    accrue_month,
    accrue_sale,
    clawback_amount,
    clawback_entry,
    clawback_for,
    commission_balance,
    flat_plan,
    leaderboard,
    month_commission,
    plan_payout,
    registration_accrual,
    validate_levels,
    validate_plan,
    verify_ledger,
)

YUAN = 100
REG = date(2024, 3, 10)
TIERED = (Bracket(0, 1000 * YUAN, "5%"), Bracket(1000 * YUAN, None, "10%"))


def sale(sid: object, day: date, amount: int, *, first: bool = False,
         registered: date = REG) -> ReferredSale:
    return ReferredSale(sid, day, amount, registered, first)


def only_error(e: pytest.ExceptionInfo[ValidationError]) -> ValidationError:
    err = e.value
    if isinstance(err, FieldErrors):
        assert len(err.errors) == 1
        (err,) = err.errors.values()  # type: ignore[assignment]
    return err


# ----------------------------------------------------------------------------- plan validation


@pytest.mark.parametrize(("rate", "expected"), [
    ("100.01%", "promoter.rate_over_100"), ("1.5", "promoter.rate_over_100"),
    ("-1%", "promoter.rate_negative"), ("abc", "rate.invalid"),
])
def test_bad_rates_are_refused(rate: str, expected: str) -> None:
    with pytest.raises(ValidationError) as e:
        validate_plan(flat_plan(rate))
    err = only_error(e)
    assert err.code == expected and err.field == "brackets"


def test_rate_of_exactly_100_percent_is_allowed() -> None:
    validate_plan(flat_plan("100%"))


def test_rate_over_100_in_a_later_bracket() -> None:
    plan = CommissionPlan(brackets=(Bracket(0, 100, "5%"), Bracket(100, None, "120%")))
    with pytest.raises(ValidationError) as e:
        validate_plan(plan)
    err = only_error(e)
    assert err.code == "promoter.rate_over_100" and err.params["index"] == 1


def test_every_bad_field_is_reported_at_once() -> None:
    plan = CommissionPlan(brackets=(Bracket(5, None, "5%"),), window_days=-1,
                          per_new_member=-1, refund_window_days=400, scope="sometimes")  # type: ignore[arg-type]
    with pytest.raises(FieldErrors) as e:
        validate_plan(plan)
    codes = {k: v.code for k, v in e.value.errors.items()}
    assert codes == {"brackets": "incentives.bracket_not_from_zero",
                     "window_days": "promoter.days_invalid",
                     "per_new_member": "money.negative",
                     "refund_window_days": "promoter.days_invalid",
                     "scope": "promoter.scope_invalid"}


def test_levels_unique_and_sorted() -> None:
    a = PromoterLevel(1, " 银牌 ", 20, flat_plan("5%"))
    b = PromoterLevel(2, "金牌", 30, flat_plan("8%"), enrolment_fee=99 * YUAN)
    assert [lv.name for lv in validate_levels([b, a])] == ["银牌", "金牌"]
    with pytest.raises(ValidationError) as e:
        validate_levels([a, PromoterLevel(3, "铜牌", 20, flat_plan("3%"))])
    assert e.value.code == "promoter.level_duplicate" and e.value.params["which"] == "rank"
    with pytest.raises(FieldErrors) as e2:
        validate_levels([PromoterLevel(4, "x", 1, flat_plan("200%"))])
    assert set(e2.value.errors) == {"plan"}


# ----------------------------------------------------------------------------- eligibility


@pytest.mark.parametrize(("days_after", "earns"), [(0, True), (29, True), (30, True),
                                                   (31, False), (-1, False)])
def test_window_includes_day_n_and_excludes_day_n_plus_1(days_after: int, earns: bool) -> None:
    plan = flat_plan("10%", window_days=30)
    a = accrue_sale(plan, sale(1, REG + timedelta(days=days_after), 500 * YUAN))
    assert a.rate_amount == (50 * YUAN if earns else 0)
    if not earns:
        assert a.ineligible in (Ineligible.OUTSIDE_WINDOW, Ineligible.BEFORE_REGISTRATION)


def test_first_purchase_only_scope() -> None:
    plan = flat_plan("10%", scope=PurchaseScope.FIRST)
    assert accrue_sale(plan, sale(1, REG, 300 * YUAN, first=True)).rate_amount == 30 * YUAN
    a = accrue_sale(plan, sale(2, REG, 300 * YUAN, first=False))
    assert a.rate_amount == 0 and a.ineligible is Ineligible.NOT_FIRST_PURCHASE
    assert a.eligible_amount == 0


def test_percentage_rounds_half_up() -> None:
    # 5 % of 10.10 yuan = 50.5 fen -> 51; of 10.09 = 50.45 -> 50.
    assert accrue_sale(flat_plan("5%"), sale(1, REG, 1010)).rate_amount == 51
    assert accrue_sale(flat_plan("5%"), sale(1, REG, 1009)).rate_amount == 50


def test_fixed_amount_per_new_member_on_first_purchase_in_window() -> None:
    plan = flat_plan("0", per_new_member=20 * YUAN, window_days=7)
    assert accrue_sale(plan, sale(1, REG + timedelta(days=7), 1, first=True)).member_bonus \
        == 20 * YUAN
    assert accrue_sale(plan, sale(1, REG + timedelta(days=8), 1, first=True)).member_bonus == 0
    assert accrue_sale(plan, sale(1, REG, 1, first=False)).member_bonus == 0


def test_fixed_amount_on_registration() -> None:
    plan = flat_plan("5%", per_new_member=20 * YUAN, member_bonus_on=MemberBonusOn.REGISTRATION,
                      refund_window_days=15)
    assert registration_accrual(plan, REG) == (20 * YUAN, REG + timedelta(days=15))
    assert accrue_sale(plan, sale(1, REG, 100 * YUAN, first=True)).member_bonus == 0
    assert registration_accrual(flat_plan("5%", per_new_member=5), REG)[0] == 0


# ----------------------------------------------------------------------------- tiers


def test_step_crossing_a_bracket_carries_the_catch_up() -> None:
    plan = CommissionPlan(brackets=TIERED, mode=CommissionMode.STEP)
    sales = [sale(i, REG + timedelta(days=i), 400 * YUAN) for i in range(4)]
    got = [a.rate_amount for a in accrue_month(plan, sales)]
    # 400 @5% = 20; 800 @5% = 40; 1200 @10% = 120 -> +80; 1600 @10% = 160 -> +40.
    assert got == [20 * YUAN, 20 * YUAN, 80 * YUAN, 40 * YUAN]


def test_marginal_pays_each_slice_at_its_own_rate() -> None:
    plan = CommissionPlan(brackets=TIERED, mode=CommissionMode.MARGINAL)
    sales = [sale(i, REG + timedelta(days=i), 400 * YUAN) for i in range(4)]
    got = [a.rate_amount for a in accrue_month(plan, sales)]
    # 1000 @5% = 50, then 600 @10% = 60.
    assert got == [20 * YUAN, 20 * YUAN, 30 * YUAN, 40 * YUAN]


def test_exactly_at_a_bracket_bound_reaches_it() -> None:
    plan = CommissionPlan(brackets=TIERED)
    assert month_commission(plan, 1000 * YUAN) == 100 * YUAN
    # One fen below stays at 5 %: 99,999 × 5 % = 4,999.95 fen -> 5,000.
    assert month_commission(plan, 1000 * YUAN - 1) == 5000


def test_month_accrual_refuses_sales_of_two_months() -> None:
    with pytest.raises(ValidationError) as e:
        accrue_month(flat_plan("5%"), [sale(1, REG, 100), sale(2, date(2024, 4, 1), 100)])
    assert e.value.code == "promoter.sales_not_one_month" and e.value.params["index"] == 1


amounts = st.lists(st.integers(1, 500_000), min_size=1, max_size=15)


@given(amounts, st.sampled_from(list(CommissionMode)), st.randoms(use_true_random=False))
def test_month_accruals_add_up_to_the_month_commission(xs: list[int], mode: CommissionMode,
                                                       rnd) -> None:  # noqa: ANN001
    plan = CommissionPlan(brackets=(Bracket(0, 3333, "3%"), Bracket(3333, 100_000, "7.5%"),
                                    Bracket(100_000, None, "11%")), mode=mode)
    sales = [sale(i, REG, x) for i, x in enumerate(xs)]
    rnd.shuffle(sales)
    acc = accrue_month(plan, sales)
    assert sum(a.rate_amount for a in acc) == month_commission(plan, sum(xs))
    assert all(a.rate_amount >= 0 for a in acc)


# ----------------------------------------------------------------------------- clawback


def test_full_refund_claws_everything_including_the_member_bonus() -> None:
    assert clawback_amount(300, 2000, 6000, 0, 6000) == 2300


def test_partial_refund_claws_proportionally_half_up() -> None:
    # 300 × 1000/6000 = 50 exactly; 301 × 1/6 = 50.1666 -> 50; 303 × 1/6 = 50.5 -> 51.
    assert clawback_amount(300, 2000, 6000, 0, 1000) == 50
    assert clawback_amount(301, 0, 6000, 0, 1000) == 50
    assert clawback_amount(303, 0, 6000, 0, 1000) == 51


def test_refunds_in_parts_claw_the_accrual_exactly() -> None:
    parts = [clawback_amount(101, 10, 3, r, 1) for r in range(3)]
    assert parts == [34, 33, 44]  # round(101/3)=34, round(202/3)=67, 101 + bonus 10
    assert sum(parts) == 111


def test_refund_beyond_the_sale_is_refused() -> None:
    with pytest.raises(ValidationError) as e:
        clawback_amount(100, 0, 1000, 600, 401)
    assert e.value.code == "promoter.refund_exceeds_sale" and e.value.params["max"] == 400


@given(rate_amount=st.integers(0, 10**6), bonus=st.integers(0, 10**4),
       refunds=st.lists(st.integers(1, 10**4), min_size=1, max_size=8))
def test_partial_clawbacks_never_exceed_the_accrual(rate_amount: int, bonus: int,
                                                    refunds: list[int]) -> None:
    sale_amount = sum(refunds) + 1
    done, total = 0, 0
    for r in refunds:
        got = clawback_amount(rate_amount, bonus, sale_amount, done, r)
        assert got >= 0
        total += got
        done += r
    assert total <= rate_amount
    assert total + clawback_amount(rate_amount, bonus, sale_amount, done, 1) \
        == rate_amount + bonus


# ----------------------------------------------------------------------------- ledger


SOLD = date(2024, 3, 12)
PLAN = flat_plan("10%", refund_window_days=7)


def _accrued() -> list[LedgerEntry]:
    e = accrual_entry(accrue_sale(PLAN, sale("s1", SOLD, 1000 * YUAN)))
    assert e is not None and e.available_on == SOLD + timedelta(days=7)
    return [e]


def test_frozen_through_the_last_day_of_the_window_then_available() -> None:
    ledger = _accrued()
    assert commission_balance(ledger, SOLD + timedelta(days=6)) == \
        CommissionBalance(100 * YUAN, 0, 100 * YUAN, 0, 0)
    assert commission_balance(ledger, SOLD + timedelta(days=7)) == \
        CommissionBalance(100 * YUAN, 0, 0, 100 * YUAN, 0)
    assert commission_balance(ledger, SOLD - timedelta(days=1)) == CommissionBalance(0, 0, 0, 0, 0)


def test_refund_inside_the_window_reduces_frozen() -> None:
    ledger = _accrued()
    claw = clawback_entry("s1", clawback_amount(100 * YUAN, 0, 1000 * YUAN, 0, 250 * YUAN),
                          SOLD + timedelta(days=3))
    assert claw is not None and claw.amount == -25 * YUAN
    b = commission_balance([*ledger, claw], SOLD + timedelta(days=3))
    assert (b.frozen, b.available, b.clawed_back) == (75 * YUAN, 0, 25 * YUAN)
    assert commission_balance([*ledger, claw], SOLD + timedelta(days=7)).available == 75 * YUAN


def test_clawback_after_payout_leaves_a_negative_balance_offset_by_later_commission() -> None:
    ledger = _accrued()
    day = SOLD + timedelta(days=8)
    pay = plan_payout(commission_balance(ledger, day), None, PayoutMethod.CASH, day)
    assert pay == LedgerEntry(LedgerKind.PAYOUT, -100 * YUAN, day, method=PayoutMethod.CASH)
    ledger.append(pay)
    ledger.append(clawback_entry("s1", 100 * YUAN, day + timedelta(days=1)))
    b = commission_balance(ledger, day + timedelta(days=1))
    assert b == CommissionBalance(100 * YUAN, 100 * YUAN, 0, -100 * YUAN, 100 * YUAN)
    with pytest.raises(ValidationError) as e:
        plan_payout(b, 1, PayoutMethod.CASH, day)
    assert e.value.code == "promoter.nothing_available"
    later = accrue_sale(PLAN, sale("s2", day + timedelta(days=2), 1500 * YUAN))
    ledger.append(accrual_entry(later))
    b2 = commission_balance(ledger, later.available_on)
    assert b2.available == 50 * YUAN  # 150 earned − 100 owed
    assert b2.frozen + b2.available + b2.paid == b2.accrued - b2.clawed_back


def test_payout_never_more_than_available() -> None:
    b = commission_balance(_accrued(), SOLD + timedelta(days=7))
    with pytest.raises(ValidationError) as e:
        plan_payout(b, 100 * YUAN + 1, PayoutMethod.STORED_VALUE, SOLD)
    assert e.value.code == "promoter.payout_exceeds_available"
    assert e.value.params == {"available": 100 * YUAN, "requested": 100 * YUAN + 1}
    assert plan_payout(b, 100 * YUAN, PayoutMethod.STORED_VALUE, SOLD).amount == -100 * YUAN
    with pytest.raises(ValidationError) as e2:
        plan_payout(b, 0, PayoutMethod.CASH, SOLD)
    assert e2.value.code == "money.zero"
    with pytest.raises(ValidationError) as e3:
        plan_payout(b, 10, "cheque", SOLD)  # type: ignore[arg-type]
    assert e3.value.code == "promoter.payout_method_invalid"


def test_nothing_available_while_frozen() -> None:
    b = commission_balance(_accrued(), SOLD)
    with pytest.raises(ValidationError) as e:
        plan_payout(b, None, PayoutMethod.CASH, SOLD)
    assert e.value.code == "promoter.nothing_available"


@pytest.mark.parametrize(("entries", "expected"), [
    ([LedgerEntry(LedgerKind.ACCRUAL, -5, SOLD, "a", SOLD)], "promoter.bad_entry"),
    ([LedgerEntry(LedgerKind.PAYOUT, -5, SOLD)], "promoter.bad_entry"),
    ([LedgerEntry(LedgerKind.ACCRUAL, 5, SOLD, "a", SOLD),
      LedgerEntry(LedgerKind.ACCRUAL, 5, SOLD, "a", SOLD)], "promoter.duplicate_accrual"),
    ([LedgerEntry(LedgerKind.CLAWBACK, -5, SOLD, "zz")], "promoter.clawback_unmatched"),
    ([LedgerEntry(LedgerKind.ACCRUAL, 5, SOLD, "a", SOLD),
      LedgerEntry(LedgerKind.CLAWBACK, -6, SOLD, "a")], "promoter.clawback_exceeds_accrual"),
    ([LedgerEntry(LedgerKind.ACCRUAL, 5, SOLD, "a", SOLD + timedelta(days=1)),
      LedgerEntry(LedgerKind.PAYOUT, -5, SOLD, method=PayoutMethod.CASH)],
     "promoter.ledger_overpaid"),
])
def test_verify_ledger_refuses_broken_ledgers(entries: list[LedgerEntry], expected: str) -> None:
    with pytest.raises(ValidationError) as e:
        verify_ledger(entries)
    assert e.value.code == expected


ops = st.lists(st.tuples(st.sampled_from(["sale", "refund", "pay"]), st.integers(0, 20),
                         st.integers(1, 300_000)), max_size=30)


@given(ops, st.integers(0, 10))
def test_ledger_balances_and_payouts_never_exceed_available(steps: list, window: int) -> None:
    plan = CommissionPlan(brackets=TIERED, mode=CommissionMode.MARGINAL,
                          refund_window_days=window, per_new_member=777)
    ledger: list[LedgerEntry] = []
    sales: dict[str, tuple] = {}  # id -> (accrual, refunded)
    day = date(2024, 1, 1)
    month_revenue: dict[tuple[int, int], int] = {}
    for n, (op, gap, x) in enumerate(steps):
        day += timedelta(days=gap)
        if op == "sale":
            key = (day.year, day.month)
            a = accrue_sale(plan, sale(f"s{n}", day, x, first=n % 2 == 0, registered=day),
                            month_revenue.get(key, 0))
            month_revenue[key] = month_revenue.get(key, 0) + a.eligible_amount
            e = accrual_entry(a)
            if e is not None:
                ledger.append(e)
                sales[a.sale_id] = (a, 0)
        elif op == "refund" and sales:
            sid = sorted(sales)[x % len(sales)]
            a, done = sales[sid]
            left = a.sale_amount - done
            if left:
                r = 1 + x % left
                c = clawback_entry(sid, clawback_for(a, done, r), day)
                if c is not None:
                    ledger.append(c)
                sales[sid] = (a, done + r)
        elif op == "pay":
            b = commission_balance(ledger, day)
            if b.available > 0:
                ledger.append(plan_payout(b, 1 + x % b.available, PayoutMethod.CASH, day))
        b = commission_balance(ledger, day)
        assert b.frozen + b.available + b.paid == b.accrued - b.clawed_back
        assert b.frozen >= 0 and b.paid >= 0 and b.clawed_back <= b.accrued
    assert verify_ledger(ledger) == commission_balance(ledger, max((e.posted_on for e in ledger),
                                                                   default=day))


# ----------------------------------------------------------------------------- leaderboard


def test_leaderboard_orders_and_breaks_ties() -> None:
    figs = [
        PromoterFigures(1, 5000, 3, 400),
        PromoterFigures(2, 5000, 4, 300),
        PromoterFigures(3, 9000, 1, 900),
        PromoterFigures(4, 5000, 4, 300),
        PromoterFigures(5, 0, 0, 0),
    ]
    by_rev = leaderboard(figs, RankBy.REVENUE)
    assert [(r.rank, r.figures.promoter_id, r.tied) for r in by_rev] == [
        (1, 3, False), (2, 2, True), (2, 4, True), (4, 1, False), (5, 5, False)]
    by_new = leaderboard(figs, RankBy.NEW_MEMBERS)
    assert [r.figures.promoter_id for r in by_new] == [2, 4, 1, 3, 5]
    assert [r.rank for r in by_new] == [1, 1, 3, 4, 5]
    by_com = leaderboard(figs, RankBy.COMMISSION)
    assert [r.figures.promoter_id for r in by_com] == [3, 1, 2, 4, 5]
    assert leaderboard([]) == ()


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3), st.integers(0, 3)),
                max_size=12), st.sampled_from(list(RankBy)))
def test_leaderboard_ranks_are_competition_ranks(rows: list, by: RankBy) -> None:
    figs = [PromoterFigures(i, *r) for i, r in enumerate(rows)]
    board = leaderboard(figs, by)
    assert sorted(r.figures.promoter_id for r in board) == list(range(len(rows)))
    for i, row in enumerate(board):
        ahead = sum(1 for other in board if other.rank < row.rank)
        assert row.rank == ahead + 1
        if i:
            prev = board[i - 1]
            assert prev.rank <= row.rank


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("mode", "progressive", "promoter.mode_invalid"),
    ("member_bonus_on", "birthday", "promoter.trigger_invalid"),
    ("window_days", True, "promoter.days_invalid"),
])
def test_each_choice_is_checked(field: str, value: object, expected: str) -> None:
    plan = CommissionPlan(**{field: value})  # type: ignore[arg-type]
    with pytest.raises(FieldErrors) as e:
        validate_plan(plan)
    assert {k: v.code for k, v in e.value.errors.items()} == {field: expected}
