from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsdesk.domain.errors import FieldErrors, ValidationError
from opsdesk.domain.launches import (
    DEFAULT_DEPOSIT_REFUND,
    NON_REFUNDABLE,
    Action,
    DealPlan,
    DepositBalance,
    DepositEntry,
    DepositKind,
    Funnel,
    LaunchStatus,
    LockHolder,
    LockPlace,
    Participant,
    RefundRule,
    RefundWindow,
    Unpaid,
    amount_due_for_deal,
    cancel_lock_entries,
    check_action,
    check_transition,
    conversion,
    deal_entries,
    deposit_balances,
    deposit_refundable,
    entry_fee_refund,
    funnel,
    funnel_by_launch,
    funnel_by_staff,
    funnel_from_participants,
    lock_entry,
    lock_or_waitlist,
    locked_not_paid,
    make_terms,
    promote_from_waitlist,
    refund_rule,
    refund_window,
    seats_left,
    verify_deposit_ledger,
)

YUAN = 100
OPENS = date(2025, 3, 1)
DEADLINE = date(2025, 3, 31)
DELIVERY = date(2025, 4, 15)


def terms(**kw):  # noqa: ANN003, ANN201
    base = dict(entry_fee=99 * YUAN, deposit=1000 * YUAN, price=6800 * YUAN, capacity=20,
                entry_opens=OPENS, lock_deadline=DEADLINE, delivery=DELIVERY)
    base.update(kw)
    return make_terms(**base)


T = terms()
HELD = DepositBalance(paid=T.deposit)


def field_codes(exc: pytest.ExceptionInfo[FieldErrors]) -> dict[str, str]:
    return {k: e.code for k, e in exc.value.errors.items()}


# ----------------------------------------------------------------------------- terms


def test_valid_terms_keep_their_values_and_default_rules() -> None:
    assert (T.entry_fee, T.deposit, T.price, T.capacity) == (9900, 100000, 680000, 20)
    assert T.requires_lock is True
    assert T.deposit_refund == DEFAULT_DEPOSIT_REFUND
    assert T.entry_fee_refund == RefundRule(Fraction(1), Fraction(0))


def test_deposit_equal_to_price_is_allowed_and_leaves_nothing_to_pay() -> None:
    t = terms(deposit=500 * YUAN, price=500 * YUAN)
    assert amount_due_for_deal(t, t.deposit) == 0


def test_deposit_over_price_is_refused_on_the_deposit_field() -> None:
    with pytest.raises(FieldErrors) as e:
        terms(deposit=6800 * YUAN + 1)
    assert field_codes(e) == {"deposit": "launch.deposit_over_price"}
    assert e.value.errors["deposit"].params == {"deposit": 680001, "price": 680000}


def test_every_bad_field_is_reported_at_once() -> None:
    with pytest.raises(FieldErrors) as e:
        terms(entry_fee=-1, deposit=0, price=-5, capacity=0, lock_deadline=date(2025, 2, 28),
              delivery=date(2025, 2, 28),
              deposit_refund=RefundRule(Fraction(1, 2), Fraction(3, 4)))
    assert field_codes(e) == {
        "entry_fee": "money.negative", "deposit": "money.zero", "price": "money.negative",
        "capacity": "launch.capacity_invalid", "lock_deadline": "launch.dates_out_of_order",
        "delivery": "launch.dates_out_of_order", "deposit_refund": "launch.refund_share_invalid",
    }


def test_free_entry_unlimited_capacity_and_a_one_day_launch_are_allowed() -> None:
    t = terms(entry_fee=0, capacity=None, lock_deadline=OPENS, delivery=OPENS + timedelta(1))
    assert (t.entry_fee, t.capacity, t.lock_deadline) == (0, None, OPENS)


def test_delivery_on_the_deadline_day_is_refused() -> None:
    with pytest.raises(FieldErrors) as e:
        terms(delivery=DEADLINE)
    assert field_codes(e) == {"delivery": "launch.dates_out_of_order"}
    assert e.value.errors["delivery"].params == {"after": "lock_deadline"}


@pytest.mark.parametrize("capacity", [-1, 0, True, 2.0])
def test_capacity_must_be_a_positive_whole_number(capacity: object) -> None:
    with pytest.raises(FieldErrors) as e:
        terms(capacity=capacity)
    assert field_codes(e) == {"capacity": "launch.capacity_invalid"}


def test_refund_rule_from_text_shares() -> None:
    assert refund_rule("1", "0.3") == RefundRule(Fraction(1), Fraction(3, 10))
    for u, a in [("1.1", "0"), ("0.5", "0.6"), ("1", "-0.1")]:
        with pytest.raises(ValidationError) as e:
            refund_rule(u, a)
        assert e.value.code == "launch.refund_share_invalid"
    with pytest.raises(ValidationError) as e:
        refund_rule("half", "0")
    assert e.value.code == "targets.invalid_number"


# ----------------------------------------------------------------------------- statuses


@pytest.mark.parametrize(("old", "new"), [("draft", "open"), ("draft", "closed"),
                                          ("open", "closed")])
def test_allowed_transitions(old: str, new: str) -> None:
    assert check_transition(LaunchStatus(old), LaunchStatus(new)) is LaunchStatus(new)


@pytest.mark.parametrize(("old", "new"), [("open", "draft"), ("closed", "open"),
                                          ("closed", "draft"), ("open", "open")])
def test_refused_transitions(old: str, new: str) -> None:
    with pytest.raises(ValidationError) as e:
        check_transition(LaunchStatus(old), LaunchStatus(new))
    assert e.value.code == "launch.bad_transition"
    assert e.value.params == {"from_status": old, "to_status": new}


def test_lock_accepted_on_the_opening_day_and_on_the_deadline_day_itself() -> None:
    for day in (OPENS, DEADLINE):
        check_action(T, LaunchStatus.OPEN, Action.LOCK, day)
        check_action(T, LaunchStatus.OPEN, Action.ENTRY, day)


@pytest.mark.parametrize(("day", "expected"), [
    (OPENS - timedelta(1), "launch.not_yet_open"),
    (DEADLINE + timedelta(1), "launch.lock_deadline_passed"),
])
def test_lock_outside_its_window_is_refused(day: date, expected: str) -> None:
    with pytest.raises(ValidationError) as e:
        check_action(T, LaunchStatus.OPEN, Action.LOCK, day)
    assert e.value.code == expected


def test_draft_allows_nothing_and_closed_only_deals_on_locks_and_refunds() -> None:
    for action in Action:
        with pytest.raises(ValidationError) as e:
            check_action(T, LaunchStatus.DRAFT, action, OPENS)
        assert e.value.code == "launch.not_open"
    for action in (Action.ENTRY, Action.LOCK):
        with pytest.raises(ValidationError) as e:
            check_action(T, LaunchStatus.CLOSED, action, OPENS)
        assert e.value.params == {"status": "closed", "action": str(action)}
    check_action(T, LaunchStatus.CLOSED, Action.DEAL, DELIVERY + timedelta(30), holds_lock=True)
    check_action(T, LaunchStatus.CLOSED, Action.REFUND, DELIVERY)
    free = terms(requires_lock=False)
    check_action(free, LaunchStatus.OPEN, Action.DEAL, DELIVERY)
    with pytest.raises(ValidationError) as e:
        check_action(free, LaunchStatus.CLOSED, Action.DEAL, DELIVERY)
    assert e.value.code == "launch.lock_required"


def test_deal_without_lock_refused_when_the_launch_requires_one() -> None:
    with pytest.raises(ValidationError) as e:
        check_action(T, LaunchStatus.OPEN, Action.DEAL, OPENS)
    assert e.value.code == "launch.lock_required"
    with pytest.raises(ValidationError) as e:
        deal_entries(T, 7, DepositBalance())
    assert e.value.code == "launch.lock_required"


# ----------------------------------------------------------------------------- refunds


@pytest.mark.parametrize(("day", "window"), [
    (OPENS, RefundWindow.UNTIL_DEADLINE),
    (DEADLINE, RefundWindow.UNTIL_DEADLINE),
    (DEADLINE + timedelta(1), RefundWindow.AFTER_DEADLINE),
    (DELIVERY - timedelta(1), RefundWindow.AFTER_DEADLINE),
    (DELIVERY, RefundWindow.DELIVERED),
    (DELIVERY + timedelta(400), RefundWindow.DELIVERED),
])
def test_refund_windows_at_their_boundaries(day: date, window: RefundWindow) -> None:
    assert refund_window(T, day) is window


def test_entry_fee_refundable_in_full_on_the_deadline_day_and_not_the_day_after() -> None:
    assert entry_fee_refund(T, 9900, 0, DEADLINE) == 9900
    with pytest.raises(ValidationError) as e:
        entry_fee_refund(T, 9900, 0, DEADLINE + timedelta(1))
    assert e.value.code == "launch.refund_not_allowed"
    assert e.value.params == {"max": 0, "window": "after_deadline"}


def test_entry_fee_override_pays_back_what_is_left_but_never_more() -> None:
    t = terms(entry_fee_refund=NON_REFUNDABLE)
    assert entry_fee_refund(t, 9900, 900, DELIVERY, override=True) == 9000
    with pytest.raises(ValidationError) as e:
        entry_fee_refund(t, 9900, 900, DELIVERY, 9001, override=True)
    assert (e.value.code, e.value.params) == ("launch.refund_exceeds_paid", {"max": 9000})


def test_partial_entry_fee_refunds_never_add_up_to_more_than_the_rule() -> None:
    t = terms(entry_fee_refund=refund_rule("0.5", "0.5"))
    assert entry_fee_refund(t, 9900, 0, OPENS) == 4950
    assert entry_fee_refund(t, 9900, 0, OPENS, 2000) == 2000
    assert entry_fee_refund(t, 9900, 2000, OPENS) == 2950
    with pytest.raises(ValidationError) as e:
        entry_fee_refund(t, 9900, 4950, OPENS, 1)
    assert e.value.code == "launch.refund_not_allowed"


def test_entry_fee_refund_of_nothing_or_zero_is_refused() -> None:
    with pytest.raises(ValidationError) as e:
        entry_fee_refund(T, 9900, 9900, OPENS)
    assert e.value.code == "launch.nothing_to_refund"
    with pytest.raises(ValidationError) as e:
        entry_fee_refund(T, 9900, 0, OPENS, 0)
    assert e.value.code == "money.zero"


def test_deposit_refund_full_until_deadline_half_after_none_from_delivery() -> None:
    assert deposit_refundable(T, HELD, DEADLINE) == T.deposit
    assert deposit_refundable(T, HELD, DEADLINE + timedelta(1)) == T.deposit // 2
    assert deposit_refundable(T, HELD, DELIVERY) == 0


def test_refundable_share_is_rounded_half_up() -> None:
    t = terms(deposit=333, deposit_refund=refund_rule("1", "0.5"))
    assert deposit_refundable(t, DepositBalance(paid=333), DEADLINE + timedelta(1)) == 167


def test_cancel_before_deadline_refunds_everything() -> None:
    assert cancel_lock_entries(T, 7, HELD, DEADLINE) == (
        DepositEntry(DepositKind.REFUND, 7, -100000),)


def test_cancel_after_deadline_refunds_half_and_forfeits_the_rest() -> None:
    out = cancel_lock_entries(T, 7, HELD, DEADLINE + timedelta(1))
    assert out == (DepositEntry(DepositKind.REFUND, 7, -50000),
                   DepositEntry(DepositKind.FORFEITED, 7, -50000))
    after = deposit_balances([lock_entry(T, 7, DepositBalance()), *out])[7]
    assert after.held == 0 and after.forfeited == 50000


def test_cancel_after_delivery_forfeits_everything_without_an_error() -> None:
    assert cancel_lock_entries(T, 7, HELD, DELIVERY) == (
        DepositEntry(DepositKind.FORFEITED, 7, -100000),)


def test_refund_exactly_equal_to_paid_is_allowed_one_fen_more_is_not() -> None:
    assert cancel_lock_entries(T, 7, HELD, OPENS, 100000) == (
        DepositEntry(DepositKind.REFUND, 7, -100000),)
    with pytest.raises(ValidationError) as e:
        cancel_lock_entries(T, 7, HELD, OPENS, 100001, override=True)
    assert (e.value.code, e.value.params) == ("launch.refund_exceeds_paid", {"max": 100000})


def test_refund_over_the_rule_needs_the_override() -> None:
    day = DEADLINE + timedelta(1)
    with pytest.raises(ValidationError) as e:
        cancel_lock_entries(T, 7, HELD, day, 50001)
    assert (e.value.code, e.value.params["max"]) == ("launch.refund_not_allowed", 50000)
    assert cancel_lock_entries(T, 7, HELD, day, 50001, override=True) == (
        DepositEntry(DepositKind.REFUND, 7, -50001), DepositEntry(DepositKind.FORFEITED, 7, -49999))


def test_cancel_without_a_lock_is_refused() -> None:
    with pytest.raises(ValidationError) as e:
        cancel_lock_entries(T, 7, DepositBalance(), OPENS)
    assert e.value.code == "launch.nothing_to_refund"


# ----------------------------------------------------------------------------- ledger


def test_lock_posts_exactly_the_deposit_once() -> None:
    assert lock_entry(T, 3, DepositBalance()) == DepositEntry(DepositKind.DEPOSIT, 3, 100000)
    with pytest.raises(ValidationError) as e:
        lock_entry(T, 3, HELD)
    assert (e.value.code, e.value.params) == ("launch.already_locked", {"held": 100000})


def test_deal_pays_price_minus_held_deposit_and_applies_it() -> None:
    plan, entries = deal_entries(T, 3, HELD)
    assert plan == DealPlan(due=580000, applied=100000)
    assert entries == (DepositEntry(DepositKind.APPLIED, 3, -100000),)
    assert deposit_balances([DepositEntry(DepositKind.DEPOSIT, 3, 100000), *entries])[3].held == 0


def test_deal_without_lock_where_allowed_pays_the_full_price() -> None:
    plan, entries = deal_entries(terms(requires_lock=False), 3, DepositBalance())
    assert (plan, entries) == (DealPlan(680000, 0), ())


def test_amount_due_refuses_a_deposit_over_the_price() -> None:
    with pytest.raises(ValidationError) as e:
        amount_due_for_deal(T, T.price + 1)
    assert e.value.code == "launch.deposit_over_price"


def test_relock_after_cancel_is_a_new_lock() -> None:
    ledger = [lock_entry(T, 5, DepositBalance())]
    ledger += cancel_lock_entries(T, 5, deposit_balances(ledger)[5], DEADLINE + timedelta(2))
    ledger.append(lock_entry(T, 5, deposit_balances(ledger)[5]))
    b = verify_deposit_ledger(ledger)[5]
    assert (b.paid, b.refunded, b.forfeited, b.held) == (200000, 50000, 50000, 100000)


def test_verify_refuses_a_negative_balance_and_malformed_entries() -> None:
    with pytest.raises(ValidationError) as e:
        verify_deposit_ledger([DepositEntry(DepositKind.DEPOSIT, 1, 100),
                               DepositEntry(DepositKind.DEPOSIT, 2, 100),
                               DepositEntry(DepositKind.REFUND, 1, -101)])
    assert (e.value.code, e.value.params) == ("launch.ledger_negative",
                                              {"index": 2, "customer_id": 1})
    for bad in (DepositEntry(DepositKind.DEPOSIT, 1, -5), DepositEntry(DepositKind.APPLIED, 1, 5),
                DepositEntry("bonus", 1, 5), DepositEntry(DepositKind.DEPOSIT, 1, 0)):  # type: ignore[arg-type]
        with pytest.raises(ValidationError) as e:
            verify_deposit_ledger([bad])
        assert e.value.code == "launch.bad_entry"


def _apply(ledger: list[DepositEntry], t, op: str, cust: int, day: date,  # noqa: ANN001
           amount: int | None) -> None:
    cur = deposit_balances(ledger).get(cust, DepositBalance())
    try:
        if op == "lock":
            ledger.append(lock_entry(t, cust, cur))
        elif op == "cancel":
            ledger.extend(cancel_lock_entries(t, cust, cur, day, amount, override=amount is not None))
        else:
            ledger.extend(deal_entries(t, cust, cur)[1])
    except ValidationError:
        pass  # refused: nothing posted


@given(
    deposit=st.integers(1, 10**8),
    ops=st.lists(st.tuples(st.sampled_from(["lock", "cancel", "deal"]), st.integers(0, 3),
                           st.integers(0, 60), st.one_of(st.none(), st.integers(0, 2 * 10**8))),
                 max_size=40),
)
def test_property_deposit_balances_never_go_negative(deposit, ops) -> None:  # noqa: ANN001
    t = terms(deposit=deposit, price=deposit * 3)
    ledger: list[DepositEntry] = []
    for op, cust, offset, amount in ops:
        _apply(ledger, t, op, cust, OPENS + timedelta(offset), amount)
    balances = verify_deposit_ledger(ledger)
    for b in balances.values():
        assert b.held in (0, deposit)
        assert b.refunded + b.forfeited + b.applied + b.held == b.paid


@given(held=st.integers(1, 10**9), share=st.fractions(0, 1), day=st.integers(0, 60))
def test_property_cancel_splits_the_held_deposit_exactly(held, share, day) -> None:  # noqa: ANN001
    t = terms(deposit=held, price=held, deposit_refund=RefundRule(share, share))
    out = cancel_lock_entries(t, 1, DepositBalance(paid=held), OPENS + timedelta(day))
    assert sum(e.amount for e in out) == -held
    assert all(e.amount < 0 for e in out)


# ----------------------------------------------------------------------------- capacity


def test_capacity_exactly_reached_then_waiting_list() -> None:
    assert lock_or_waitlist(19, 20) == LockPlace(True, None)
    assert lock_or_waitlist(20, 20) == LockPlace(False, 1)
    assert lock_or_waitlist(20, 20, waiting_so_far=4) == LockPlace(False, 5)
    assert lock_or_waitlist(10**6, None) == LockPlace(True, None)
    assert seats_left(25, 20) == 0 and seats_left(3, 20) == 17 and seats_left(3, None) is None


def test_promotion_offers_freed_seats_first_come_first_served() -> None:
    assert promote_from_waitlist(["a", "b", "c"], 19, 20) == (("a",), ("b", "c"))
    assert promote_from_waitlist(["a", "b", "c"], 20, 20) == ((), ("a", "b", "c"))
    assert promote_from_waitlist(["a", "b"], 5, 20) == (("a", "b"), ())
    assert promote_from_waitlist(["a", "b"], 0, None) == (("a", "b"), ())


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValidationError) as e:
        lock_or_waitlist(-1, 20)
    assert e.value.code == "launch.count_invalid"


@given(cap=st.integers(1, 50), requests=st.integers(0, 120))
def test_property_locks_never_exceed_capacity(cap: int, requests: int) -> None:
    locks = waiting = 0
    for _ in range(requests):
        place = lock_or_waitlist(locks, cap, waiting)
        if place.locked:
            locks += 1
        else:
            waiting += 1
            assert place.waitlist_position == waiting
    assert locks == min(cap, requests) and locks + waiting == requests


# ----------------------------------------------------------------------------- funnel


def test_conversion_is_none_without_a_denominator() -> None:
    assert conversion(0, 0) is None
    assert conversion(3, 4) == Fraction(3, 4)
    f = funnel(0, 0, 0)
    assert (f.entry_to_lock, f.lock_to_deal, f.entry_to_deal) == (None, None, None)


def test_funnel_counts_customers_reaching_at_least_each_step() -> None:
    ps = [
        Participant(1, 10, 100, entered=True, locked=False, dealt=False),
        Participant(1, 11, 100, entered=True, locked=True, dealt=False),
        Participant(1, 12, 200, entered=False, locked=True, dealt=True),  # locked without entry
        Participant(1, 13, 200, entered=False, locked=False, dealt=True),  # deal without lock
        Participant(1, 11, None, entered=False, locked=False, dealt=True),  # second row, merged
    ]
    f = funnel_from_participants(ps)
    assert f == Funnel(4, 3, 3)
    assert (f.entry_to_lock, f.lock_to_deal, f.entry_to_deal) == (
        Fraction(3, 4), Fraction(1), Fraction(3, 4))
    assert funnel_by_staff(ps) == {100: Funnel(2, 1, 1), 200: Funnel(2, 2, 2)}


def test_funnel_per_launch_keeps_launches_apart() -> None:
    ps = [Participant(1, 10, 1, True, True, False), Participant(2, 10, 1, True, False, False)]
    assert funnel_by_launch(ps) == {1: Funnel(1, 1, 0), 2: Funnel(1, 0, 0)}
    assert funnel_from_participants(ps) == Funnel(2, 1, 0)


participants = st.lists(st.builds(Participant, st.integers(1, 3), st.integers(1, 30),
                                  st.one_of(st.none(), st.integers(1, 4)),
                                  st.booleans(), st.booleans(), st.booleans()), max_size=60)


@given(participants)
def test_property_funnel_conversions_lie_between_zero_and_one(ps) -> None:  # noqa: ANN001
    for f in [funnel_from_participants(ps), *funnel_by_staff(ps).values(),
              *funnel_by_launch(ps).values()]:
        assert f.deals <= f.locks <= f.entries
        for rate in (f.entry_to_lock, f.lock_to_deal, f.entry_to_deal):
            assert rate is None or 0 <= rate <= 1
    total = funnel_from_participants(ps)
    assert sum(f.entries for f in funnel_by_staff(ps).values()) == total.entries


@given(st.integers(0, 10**6), st.integers(0, 10**6), st.integers(0, 10**6))
def test_property_consistent_counts_give_rates_in_range(a: int, b: int, c: int) -> None:
    d, lk, e = sorted((a, b, c))
    f = funnel(e, lk, d)
    for rate in (f.entry_to_lock, f.lock_to_deal, f.entry_to_deal):
        assert rate is None or 0 <= rate <= 1


# ----------------------------------------------------------------------------- unpaid locks


def test_locked_not_paid_lists_holders_without_deal_oldest_first() -> None:
    rows = [
        LockHolder(4, 100, date(2025, 3, 9), 100000, dealt=False),
        LockHolder(2, 100, date(2025, 3, 9), 100000, dealt=False),
        LockHolder(3, 200, date(2025, 3, 2), 100000, dealt=False),
        LockHolder(5, 200, date(2025, 3, 1), 100000, dealt=True),  # paid in full
        LockHolder(6, 200, date(2025, 3, 1), 0, dealt=False),  # lock cancelled
    ]
    assert locked_not_paid(T, rows) == (
        Unpaid(3, 200, date(2025, 3, 2), 100000, 580000),
        Unpaid(2, 100, date(2025, 3, 9), 100000, 580000),
        Unpaid(4, 100, date(2025, 3, 9), 100000, 580000),
    )
