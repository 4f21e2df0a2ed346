"""The "locked deposit not paid" rule on real launches: the tasks follow the launches'
locked-but-unpaid list (``launches.locked_unpaid``) through locks, deals and cancelled locks,
day after day."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import Customer, FollowUpTask
from opsdesk.domain.followups import (
    CustomerFacts,
    OpenLock,
    RuleKind,
    default_rules,
    due_tasks,
    make_rule,
)
from opsdesk.domain.members import Stage
from opsdesk.domain.operations import new_operation_id
from opsdesk.domain.roles import Role
from opsdesk.services import followups, launches, staff
from opsdesk.services.context import Actor
from tests.integration.services.launch_helpers import DEADLINE, customer, open_launch

ONLY_DEPOSITS = tuple(make_rule(r.kind, r.offsets, enabled=r.kind is RuleKind.DEPOSIT_UNPAID)
                      for r in default_rules())


def _at(d: date) -> datetime:
    return datetime.combine(d, datetime.min.time()) + timedelta(hours=11)


def _expected(db: Database, owner: Actor, people: dict[int, int | None], today: date) -> dict:
    locks: dict[int, list[OpenLock]] = {c: [] for c in people}
    for u in launches.locked_unpaid(db, owner):
        locks[u.customer_id].append(OpenLock(u.launch_id, u.locked_on, u.lock_deadline))
    facts = [CustomerFacts(customer_id=c, staff_id=sid, stage=Stage.LEAD,
                           created_on=date(2026, 1, 1), open_locks=tuple(locks[c]))
             for c, sid in people.items()]
    return {t.key: (t.key, t.rule.value, t.customer_id, t.staff_id, t.due)
            for t in due_tasks(ONLY_DEPOSITS, facts, today)}


def _tasks(db: Database) -> dict:
    with db.read() as s:
        return {t.key: (t.key, t.rule, t.customer_id, t.staff_id, t.due_on)
                for t in s.scalars(select(FollowUpTask))}


def test_deposit_unpaid_follows_the_launches_list_day_after_day(db: Database,
                                                                store: Actor) -> None:
    seller = staff.create_staff(db, store, staff.StaffInput(
        name="张", login="zhang", role=Role.SALES, secret="1357")).id
    first = open_launch(db, store, capacity=10)
    later = open_launch(db, store, capacity=10, name="秋季首发",
                        lock_deadline=DEADLINE + timedelta(days=5))
    people = {customer(db, store, n): None for n in range(1, 7)}
    ids = list(people)
    with db.write() as s:  # two of them are looked after by a salesperson
        for c in ids[:2]:
            s.get(Customer, c).staff_id = seller
            people[c] = seller
    followups.save_rules(db, store, ONLY_DEPOSITS)
    plan = {  # day -> what happens that day, before the run
        date(2026, 3, 5): [("lock", first, ids[0]), ("lock", first, ids[1]),
                           ("lock", later, ids[0])],
        date(2026, 3, 8): [("lock", first, ids[2]), ("lock", first, ids[3])],
        date(2026, 3, 10): [("deal", first, ids[2])],
        date(2026, 3, 12): [("cancel", first, ids[3])],
        date(2026, 3, 15): [("lock", first, ids[4])],  # inside the last 7 days: due at once
        date(2026, 3, 17): [("lock", first, ids[3])],  # locks again after cancelling
        date(2026, 3, 19): [("deal", first, ids[1])],
    }
    day = date(2026, 3, 3)
    while day <= date(2026, 3, 28):
        with clock.frozen(_at(day)):
            for what, lid, c in plan.get(day, []):
                if what == "lock":
                    launches.record_lock(db, store, lid, c, "cash", new_operation_id())
                elif what == "deal":
                    launches.record_deal(db, store, lid, c, "cash", new_operation_id())
                else:
                    launches.cancel_lock(db, store, lid, c, None, new_operation_id())
            before = _tasks(db)
            followups.generate(db, store, day)
            after = _tasks(db)
        want = {k: v for k, v in _expected(db, store, people, day).items() if k not in before}
        made = {k: v for k, v in after.items() if k not in before}
        assert made == want, (day, made, want)
        assert followups.generate(db, store, day, force=True).created == 0
        day += timedelta(days=1)
    keys = set(_tasks(db))
    assert f"deposit_unpaid:{ids[0]}:{first}:2026-03-05" in keys  # due Mar 13 (Mar 20 - 7)
    assert f"deposit_unpaid:{ids[4]}:{first}:2026-03-15" in keys
    assert f"deposit_unpaid:{ids[3]}:{first}:2026-03-17" in keys
    assert not any(k.startswith(f"deposit_unpaid:{ids[2]}:") for k in keys)  # dealt in time
    with db.read() as s:
        t = s.scalars(select(FollowUpTask).where(
            FollowUpTask.key == f"deposit_unpaid:{ids[0]}:{first}:2026-03-05")).one()
        assert (t.due_on, t.staff_id) == (date(2026, 3, 13), seller)
