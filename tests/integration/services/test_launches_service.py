"""Launch service on a real SQLite file: the three counts, money, refunds, capacity, funnel."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import StoredValueEntry
from opsdesk.db.models.launches import LaunchDeposit, LaunchPayment
from opsdesk.domain.errors import Conflict, FieldErrors, NotFound, ValidationError
from opsdesk.domain.launches import Funnel, LaunchStatus
from opsdesk.domain.roles import Role
from opsdesk.services import auth, launches, maintenance, staff, stored_value
from opsdesk.services.context import Actor
from tests.integration.services.launch_helpers import (
    DAY,
    DEADLINE,
    DELIVERY,
    OPENS,
    YUAN,
    customer,
    op,
    open_launch,
    terms,
)

TABLES = ("launch", "launch_payment", "launch_deposit", "launch_waitlist", "stored_value_entry",
          "stage_change", "audit_entry")


def snapshot(db: Database) -> dict[str, int]:
    with db.read() as s:
        return {t: s.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one() for t in TABLES}


def test_create_refuses_every_bad_field_at_once_and_writes_nothing(db: Database,
                                                                   store: Actor) -> None:
    before = snapshot(db)
    with pytest.raises(FieldErrors) as e:
        launches.create_launch(db, store, terms(
            name=" ", deposit=7000 * YUAN, capacity=0, lock_deadline=OPENS - timedelta(1),
            deposit_refund_until="0.3", deposit_refund_after="0.5"))
    codes = {k: v.code for k, v in e.value.errors.items()}
    assert codes["name"] == "text.required"
    assert codes["deposit"] == "launch.deposit_over_price"
    assert codes["capacity"] == "launch.capacity_invalid"
    assert codes["lock_deadline"] == "launch.dates_out_of_order"
    assert codes["deposit_refund_after"] == "launch.refund_share_invalid"
    assert snapshot(db) == before


def test_terms_are_fixed_once_open_but_capacity_and_texts_may_change(db: Database,
                                                                     store: Actor) -> None:
    lid = open_launch(db, store)
    with pytest.raises(FieldErrors) as e:
        launches.update_launch(db, store, lid, terms(price=5000 * YUAN))
    assert e.value.errors["price"].code == "launch.terms_fixed"
    row = launches.update_launch(db, store, lid, terms(capacity=10, name="春季首发"))
    assert (row.capacity, row.name, row.status) == (10, "春季首发", LaunchStatus.OPEN)
    with pytest.raises(ValidationError) as e:
        launches.set_status(db, store, lid, "draft")
    assert e.value.code == "launch.bad_transition"


def test_entry_lock_deal_in_cash_and_by_stored_value(db: Database, store: Actor) -> None:
    lid = open_launch(db, store)
    cash, card = customer(db, store, 1), customer(db, store, 2, topup=8000 * YUAN)
    with clock.frozen(DAY):
        r = launches.record_entry(db, store, lid, cash, "cash", op())
        assert (r.action, r.amount, r.held) == ("entry", 99 * YUAN, 0)
        lock = launches.record_lock(db, store, lid, cash, "wechat", op())
        assert (lock.action, lock.amount, lock.held, lock.early) == ("lock", 100000, 100000, True)
        launches.record_entry(db, store, lid, card, "stored_value", op())
        launches.record_lock(db, store, lid, card, "stored_value", op())
    with clock.frozen(DAY + timedelta(days=10)):
        pos = launches.customer_position(db, store, lid, card)
        assert pos.amount_due == 5800 * YUAN and pos.held == 1000 * YUAN
        deal = launches.record_deal(db, store, lid, card, "stored_value", op())
        assert (deal.amount, deal.applied, deal.held) == (5800 * YUAN, 1000 * YUAN, 0)
        assert deal.card_balance == 8000 * YUAN - 99 * YUAN - 6800 * YUAN
        assert stored_value.get_balance(db, store, card).total == deal.card_balance
    unpaid = launches.locked_unpaid(db, store)
    assert [(u.customer_id, u.held, u.due, u.locked_on, u.lock_deadline) for u in unpaid] == [
        (cash, 1000 * YUAN, 5800 * YUAN, DAY.date(), DEADLINE)]
    s = launches.launch_summary(db, store, lid)
    assert s.funnel == Funnel(2, 2, 1)
    assert s.money.deposits_held == 1000 * YUAN
    assert s.money.revenue == 2 * 99 * YUAN + 6800 * YUAN
    assert s.early_locks == 2
    assert maintenance.check(db).ok, maintenance.check(db).problems


def test_a_deal_where_the_deposit_is_the_whole_price_pays_nothing_more(db: Database,
                                                                       store: Actor) -> None:
    lid = open_launch(db, store, deposit=6800 * YUAN)
    c = customer(db, store, 1)
    with clock.frozen(DAY):
        launches.record_lock(db, store, lid, c, "cash", op())
        r = launches.record_deal(db, store, lid, c, None, op())
    assert (r.amount, r.payment_method, r.applied) == (0, None, 6800 * YUAN)


def test_deal_without_lock_is_refused_where_required_and_nothing_written(db: Database,
                                                                         store: Actor) -> None:
    lid = open_launch(db, store)
    c = customer(db, store, 1)
    with clock.frozen(DAY):
        launches.record_entry(db, store, lid, c, "cash", op())
        before = snapshot(db)
        with pytest.raises(ValidationError) as e:
            launches.record_deal(db, store, lid, c, "cash", op())
    assert e.value.code == "launch.lock_required"
    assert snapshot(db) == before
    free = open_launch(db, store, requires_lock=False, name="无需锁定")
    with clock.frozen(DAY):
        r = launches.record_deal(db, store, free, c, "cash", op())
    assert r.amount == 6800 * YUAN
    assert launches.funnel_report(db, store, free).total == Funnel(1, 1, 1)


def test_refund_over_what_was_paid_is_refused_and_nothing_written(db: Database,
                                                                  store: Actor) -> None:
    lid = open_launch(db, store)
    c = customer(db, store, 1)
    with clock.frozen(DAY):
        launches.record_entry(db, store, lid, c, "cash", op())
        launches.record_lock(db, store, lid, c, "cash", op())
        before = snapshot(db)
        for call in (lambda: launches.refund_entry(db, store, lid, c, 100 * YUAN, op(),
                                                   override=True),
                     lambda: launches.cancel_lock(db, store, lid, c, 1000 * YUAN + 1, op(),
                                                  override=True)):
            with pytest.raises(ValidationError) as e:
                call()
            assert e.value.code == "launch.refund_exceeds_paid"
            assert e.value.field == "amount"
    assert snapshot(db) == before


def test_refunds_follow_the_windows_and_go_back_to_the_card(db: Database, store: Actor) -> None:
    lid = open_launch(db, store)
    c = customer(db, store, 1, topup=3000 * YUAN)
    with clock.frozen(DAY):
        launches.record_entry(db, store, lid, c, "stored_value", op())
        launches.record_lock(db, store, lid, c, "stored_value", op())
        assert stored_value.get_balance(db, store, c).total == 3000 * YUAN - 1099 * YUAN
        r = launches.refund_entry(db, store, lid, c, None, op())
        assert (r.amount, r.payment_method) == (-99 * YUAN, "stored_value")
    after_deadline = datetime.combine(DEADLINE + timedelta(1), datetime.min.time())
    with clock.frozen(after_deadline):
        pos = launches.customer_position(db, store, lid, c)
        assert pos.deposit_refundable == 500 * YUAN
        with pytest.raises(ValidationError) as e:
            launches.cancel_lock(db, store, lid, c, 600 * YUAN, op())
        assert (e.value.code, e.value.params["max"]) == ("launch.refund_not_allowed", 50000)
        r = launches.cancel_lock(db, store, lid, c, None, op())
    assert (r.amount, r.forfeited, r.held) == (-500 * YUAN, 500 * YUAN, 0)
    assert stored_value.get_balance(db, store, c).total == 3000 * YUAN - 500 * YUAN
    s = launches.launch_summary(db, store, lid)
    assert (s.money.revenue, s.money.deposits_held, s.refunds) == (500 * YUAN, 0, 2)
    assert maintenance.check(db).ok, maintenance.check(db).problems


def test_lock_beyond_capacity_goes_to_the_waiting_list_and_a_freed_seat_is_offered(
        db: Database, store: Actor) -> None:
    lid = open_launch(db, store, capacity=2)
    cs = [customer(db, store, i) for i in range(1, 6)]
    with clock.frozen(DAY):
        for c in cs[:2]:
            assert launches.record_lock(db, store, lid, c, "cash", op()).action == "lock"
        before = snapshot(db)
        w = launches.record_lock(db, store, lid, cs[2], "cash", op())
        assert (w.action, w.amount, w.waitlist_position) == ("waitlist", 0, 1)
        after = snapshot(db)
        assert after["launch_deposit"] == before["launch_deposit"]
        assert after["launch_waitlist"] == before["launch_waitlist"] + 1
        assert launches.record_lock(db, store, lid, cs[3], "cash", op()).waitlist_position == 2
        with pytest.raises(Conflict) as e:
            launches.record_lock(db, store, lid, cs[2], "cash", op())
        assert e.value.code == "launch.already_waiting"
        cancel = launches.cancel_lock(db, store, lid, cs[0], None, op())
        assert cancel.offered == (cs[2],)
        # The freed seat is kept for the first in line, not for a newcomer.
        assert launches.record_lock(db, store, lid, cs[4], "cash", op()).action == "waitlist"
        assert launches.record_lock(db, store, lid, cs[2], "cash", op()).action == "lock"
    wl = launches.waiting_list(db, store, lid)
    assert [(x.position, x.customer_id, x.offered) for x in wl] == [(1, cs[3], False),
                                                                    (2, cs[4], False)]


def test_replayed_operation_posts_once_and_a_reused_id_is_refused(db: Database,
                                                                  store: Actor) -> None:
    lid = open_launch(db, store)
    a, b = customer(db, store, 1, topup=2000 * YUAN), customer(db, store, 2)
    key = op()
    with clock.frozen(DAY):
        first = launches.record_lock(db, store, lid, a, "stored_value", key)
        again = launches.record_lock(db, store, lid, a, "stored_value", key)
        assert again.replayed and (again.amount, again.held) == (first.amount, first.held)
        with pytest.raises(Conflict) as e:
            launches.record_lock(db, store, lid, b, "cash", key)
        assert e.value.code == "operation.reused"
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(LaunchDeposit)) == 1
        assert s.scalar(select(func.count()).select_from(StoredValueEntry).where(
            StoredValueEntry.operation_id == key)) == 1


def test_dates_and_statuses_are_enforced(db: Database, store: Actor) -> None:
    lid = open_launch(db, store)
    c = customer(db, store, 1)
    with clock.frozen(datetime(2026, 2, 27, 12)), pytest.raises(ValidationError) as e:
        launches.record_entry(db, store, lid, c, "cash", op())
    assert e.value.code == "launch.not_yet_open"
    with clock.frozen(datetime.combine(DEADLINE + timedelta(1), datetime.min.time())), \
            pytest.raises(ValidationError) as e:
        launches.record_lock(db, store, lid, c, "cash", op())
    assert e.value.code == "launch.lock_deadline_passed"
    with clock.frozen(DAY):
        launches.record_lock(db, store, lid, c, "cash", op())
    launches.set_status(db, store, lid, "closed")
    with clock.frozen(datetime.combine(DELIVERY + timedelta(5), datetime.min.time())):
        with pytest.raises(ValidationError) as e:
            launches.record_entry(db, store, lid, customer(db, store, 2), "cash", op())
        assert e.value.code == "launch.not_open"
        assert launches.record_deal(db, store, lid, c, "cash", op()).amount == 5800 * YUAN


def test_funnel_per_staff_and_conversion(db: Database, store: Actor) -> None:
    staff.create_staff(db, store, staff.StaffInput(name="小李", login="xiaoli",
                                                   role=Role.SALES, secret="1357"))
    li = auth.login(db, "xiaoli", "1357")
    lid = open_launch(db, store, capacity=None)
    cs = [customer(db, store, i) for i in range(1, 7)]
    with clock.frozen(DAY):
        for i, c in enumerate(cs):
            actor = li if i < 4 else store
            launches.record_entry(db, actor, lid, c, "cash", op())
            if i in (0, 1, 4):
                launches.record_lock(db, store, lid, c, "cash", op())  # credit stays with seller
        launches.record_deal(db, store, lid, cs[0], "cash", op())
    rep = launches.funnel_report(db, store, lid)
    assert rep.total == Funnel(6, 3, 1)
    by = {r.staff_name: r.funnel for r in rep.by_staff}
    assert by["小李"] == Funnel(4, 2, 1) and by["王丽"] == Funnel(2, 1, 0)
    assert by["小李"].entry_to_lock == pytest.approx(0.5)
    rows = {r.customer_id: r.step for r in launches.participants(db, store, lid)}
    assert rows[cs[0]] == "dealt" and rows[cs[1]] == "locked" and rows[cs[2]] == "entered"


def test_unknown_launch_and_customer(db: Database, store: Actor) -> None:
    with pytest.raises(NotFound):
        launches.get_launch(db, store, 999)
    lid = open_launch(db, store)
    with clock.frozen(DAY), pytest.raises(NotFound):
        launches.record_entry(db, store, lid, 999, "cash", op())


def test_check_reports_a_deposit_ledger_that_goes_below_zero(db: Database, store: Actor) -> None:
    lid = open_launch(db, store)
    c = customer(db, store, 1)
    with clock.frozen(DAY):
        launches.record_lock(db, store, lid, c, "cash", op())
    with db.write() as s:
        s.add(LaunchDeposit(store_id=store.store_id, launch_id=lid, customer_id=c,
                            kind="refund", amount=-200000, operation_id="bad", line=0,
                            at=DAY))
    problems = maintenance.check(db).problems
    assert any("deposit entry" in p and "below zero" in p for p in problems), problems
    _ = LaunchPayment, date
