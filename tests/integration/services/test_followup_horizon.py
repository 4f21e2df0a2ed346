"""The backlog horizon in SQL: long-idle leads and customers come round on their return days
(leap day, month ends), daily runs, a skipped week and a full run all create what the reference
creates on that day."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import delete, select

from opsdesk.db.engine import Database
from opsdesk.db.models import Customer, FollowUpTask, Sale, SaleLine, Visit
from opsdesk.db.models.sales_process import FollowUpState
from opsdesk.domain.errors import ValidationError
from opsdesk.domain.followups import CustomerFacts, RuleKind, default_rules, due_tasks, make_rule
from opsdesk.domain.members import Stage
from opsdesk.services import followups, products
from opsdesk.services.context import Actor

RULES = tuple(make_rule(r.kind, (6,) if r.kind is RuleKind.REACTIVATION else r.offsets,
                        enabled=r.kind in (RuleKind.LEAD_IDLE, RuleKind.REACTIVATION))
              for r in default_rules())


def _world(db: Database, owner: Actor) -> list[CustomerFacts]:
    hit = products.create_product(db, owner, products.ProductInput(
        name="套餐", kind="service", role="hit", price=1000)).id
    facts = []
    leads = [date(2022, 2, 28), date(2022, 3, 1), date(2023, 1, 31), date(2023, 2, 22),
             date(2023, 3, 31), date(2023, 12, 31), date(2024, 1, 31)]
    buys = [date(2022, 8, 31), date(2023, 2, 28), date(2023, 8, 29), date(2023, 8, 31),
            date(2023, 11, 30), date(2024, 2, 29)]
    with db.write() as s:
        for i, d in enumerate(leads):
            c = Customer(store_id=owner.store_id, name=f"L{i}", phone=f"1390000{i:04d}",
                         stage="lead", created_at=datetime(d.year, d.month, d.day, 9))
            s.add(c)
            s.flush()
            contacts: tuple[date, ...] = ()
            if i % 3 == 2:  # contacted once, a month after registering
                v = d + timedelta(days=30)
                s.add(Visit(store_id=owner.store_id, customer_id=c.id, staff_id=owner.staff_id,
                            at=datetime(v.year, v.month, v.day, 15), type="call",
                            effective=False, outcome="", note="", is_second_follow_up=False))
                contacts = (v,)
            facts.append(CustomerFacts(c.id, None, Stage.LEAD, d, contacts=contacts))
        for i, d in enumerate(buys):
            at = datetime(d.year, d.month, d.day, 11)
            c = Customer(store_id=owner.store_id, name=f"B{i}", phone=f"1380000{i:04d}",
                         stage="customer", created_at=datetime(2022, 1, 1, 9),
                         last_purchase_at=at)
            s.add(c)
            s.flush()
            sale = Sale(store_id=owner.store_id, operation_id=f"op{i}", kind="sale",
                        customer_id=c.id, list_total=1000, discount=0, total=1000,
                        payment_method="cash", reason="", at=at)
            s.add(sale)
            s.flush()
            s.add(SaleLine(store_id=owner.store_id, sale_id=sale.id, product_id=hit,
                           quantity=1, unit_price=1000, discount_units=10000, line_total=1000))
            facts.append(CustomerFacts(c.id, None, Stage.CUSTOMER, date(2022, 1, 1),
                                       purchases=(d,)))
    return facts


def _stored(db: Database) -> dict[str, date]:
    with db.read() as s:
        return {t.key: t.due_on for t in s.scalars(select(FollowUpTask))}


@pytest.mark.parametrize(("horizon", "step"), [(30, 1), (0, 1), (3, 7), (180, 11)])
def test_return_days_day_after_day_equal_the_reference(db: Database, store: Actor,
                                                       horizon: int, step: int) -> None:
    facts = _world(db, store)
    followups.save_rules(db, store, RULES, 30, horizon)
    today = date(2024, 1, 10)
    returned = 0
    while today <= date(2025, 4, 10):
        before = _stored(db)
        followups.generate(db, store, today)
        after = _stored(db)
        expect = {t.key: t.due for t in due_tasks(RULES, facts, today, horizon_days=horizon)}
        made = {k: v for k, v in after.items() if k not in before}
        assert made == {k: v for k, v in expect.items() if k not in before}, today
        assert set(expect) <= set(after)
        assert followups.generate(db, store, today, force=True).created == 0
        # a task on a later return day: due a year or more after its first due date
        returned += sum(1 for k, v in made.items()
                        if (v - date.fromisoformat(k.rsplit(":", 1)[1])).days > 300)
        today += timedelta(days=step)
    assert returned >= 2
    # From scratch on one day: the full evaluation gives the reference too.
    for day in (date(2024, 2, 29), date(2024, 3, 1), date(2025, 2, 28), date(2025, 3, 31)):
        with db.write() as s:
            s.execute(delete(FollowUpTask))
            s.execute(delete(FollowUpState))
        followups.generate(db, store, day)
        assert _stored(db) == {t.key: t.due for t in due_tasks(RULES, facts, day,
                                                               horizon_days=horizon)}, day


def test_long_idle_lead_gets_its_task_on_the_return_day_not_a_stale_one(db: Database,
                                                                         store: Actor) -> None:
    facts = _world(db, store)
    first = facts[0]  # registered Feb 28 2022: first due Mar 7 2022, then every 365 days
    followups.save_rules(db, store, RULES, 30, 30)
    followups.generate(db, store, date(2024, 1, 10))
    assert f"lead_idle:{first.customer_id}:2022-02-28" not in _stored(db)
    followups.generate(db, store, date(2024, 3, 5))  # Mar 7 2022 + 730 days = Mar 6 2024
    assert f"lead_idle:{first.customer_id}:2022-02-28" not in _stored(db)
    followups.generate(db, store, date(2024, 3, 6))
    assert _stored(db)[f"lead_idle:{first.customer_id}:2022-02-28"] == date(2024, 3, 6)


def test_horizon_is_saved_checked_and_kept(db: Database, store: Actor) -> None:
    assert followups.load_rules(db, store).horizon_days == 30
    followups.save_rules(db, store, default_rules(), 30, 0)
    assert followups.load_rules(db, store).horizon_days == 0
    followups.save_rules(db, store, default_rules(), 20)  # not given: kept
    assert followups.load_rules(db, store).horizon_days == 0
    with pytest.raises(ValidationError) as e:
        followups.save_rules(db, store, default_rules(), 30, 181)
    assert e.value.code == "followups.horizon_invalid"
    assert followups.load_rules(db, store).lookback_days == 20
