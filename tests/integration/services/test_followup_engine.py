"""The SQL task generator against the reference rules of ``domain.followups``, idempotency, edge
dates, the work queue and its permissions."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import delete, select

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import Customer, FollowUpTask, Sale, SaleLine, Visit
from opsdesk.db.models.sales_process import FollowUpState
from opsdesk.domain.errors import PermissionDenied, ValidationError
from opsdesk.domain.followups import (
    LIMITS,
    CustomerFacts,
    MonthDay,
    RuleKind,
    default_rules,
    due_tasks,
    make_rule,
)
from opsdesk.domain.members import Stage
from opsdesk.domain.roles import Role
from opsdesk.services import auth, followups, products, staff, visits
from opsdesk.services.context import Actor

DAY0 = date(2023, 11, 1)
SPAN = 520  # days: through leap day 2024 and into 2025


def _product(db: Database, owner: Actor, name: str, role: str) -> int:
    return products.create_product(db, owner, products.ProductInput(
        name=name, kind="service", role=role, price=1000)).id


def _seller(db: Database, owner: Actor, login: str) -> int:
    return staff.create_staff(db, owner, staff.StaffInput(
        name=login, login=login, role=Role.SALES, secret="1357")).id


class World:
    """Customers, sales, refunds and visits written straight to the tables, and the same facts
    kept in Python for the reference."""

    def __init__(self, db: Database, owner: Actor, rng: random.Random, n: int = 40) -> None:
        self.db, self.owner, self.rng = db, owner, rng
        self.trial = _product(db, owner, f"体验{rng.random()}", "traffic")
        self.hit = _product(db, owner, f"套餐{rng.random()}", "hit")
        self.staff = [_seller(db, owner, f"s{rng.randrange(10**6)}") for _ in range(2)]
        self.facts: list[CustomerFacts] = []
        self.op = 0
        with db.write() as s:
            for _ in range(n):
                self._customer(s)

    def _day(self) -> date:
        r = self.rng.random()
        if r < 0.15:  # month ends and the leap day, where calendar arithmetic goes wrong
            return self.rng.choice([date(2024, 1, 31), date(2024, 2, 29), date(2024, 2, 28),
                                    date(2023, 12, 31), date(2024, 3, 31), date(2024, 4, 30),
                                    date(2025, 1, 31), date(2024, 12, 31)])
        return DAY0 + timedelta(days=self.rng.randrange(SPAN))

    def _at(self, d: date) -> datetime:
        return datetime.combine(d, datetime.min.time()) + timedelta(
            minutes=self.rng.randrange(9 * 60, 21 * 60))

    def _customer(self, s) -> None:  # noqa: ANN001
        rng = self.rng
        created = self._day()
        bd = None
        if rng.random() < 0.7:
            bd = rng.choice([date(1992, 2, 29),
                             date(1985, 12, 31), date(1990, 1, 1),
                             date(1980 + rng.randrange(20), rng.randrange(1, 13),
                                  rng.randrange(1, 29))])
        stage = rng.choice(list(Stage))
        staff_id = rng.choice([*self.staff, None])
        c = Customer(store_id=self.owner.store_id, name="客", phone=f"138{rng.randrange(10**8):08d}",
                     birthday=bd, staff_id=staff_id, stage=stage.value,
                     created_at=self._at(created))
        s.add(c)
        s.flush()
        purchases, trials, contacts, store_visits = [], [], [], []
        sale_ats = []
        for _ in range(rng.choice([0, 0, 1, 2, 3, 5])):
            d = self._day() if rng.random() < 0.8 else created
            for _twice in range(2 if rng.random() < 0.2 else 1):  # twice in one day
                is_trial = rng.random() < 0.3
                refunded = rng.random() < 0.15
                self.op += 1
                at = self._at(d)
                sale = Sale(store_id=self.owner.store_id, operation_id=f"op{self.op}",
                            kind="sale", customer_id=c.id, list_total=1000, discount=0,
                            total=1000, payment_method="cash", reason="", at=at)
                s.add(sale)
                s.flush()
                s.add(SaleLine(store_id=self.owner.store_id, sale_id=sale.id,
                               product_id=self.trial if is_trial else self.hit, quantity=1,
                               unit_price=1000, discount_units=10000, line_total=1000))
                sale_ats.append(at)
                if refunded:
                    self.op += 1
                    s.add(Sale(store_id=self.owner.store_id, operation_id=f"op{self.op}",
                               kind="refund", customer_id=c.id, refunds_id=sale.id,
                               list_total=-1000, discount=0, total=-1000,
                               payment_method="cash", reason="", at=at + timedelta(days=2)))
                else:
                    purchases.append(d)
                    if is_trial:
                        trials.append(d)
        if sale_ats:
            c.last_purchase_at = max(sale_ats)
        for _ in range(rng.choice([0, 1, 2, 4])):
            d = self._day()
            vtype = rng.choice(["call", "store_visit", "wechat", "meeting"])
            s.add(Visit(store_id=self.owner.store_id, customer_id=c.id,
                        staff_id=rng.choice(self.staff), at=self._at(d), type=vtype,
                        effective=False, outcome="", note="", is_second_follow_up=False))
            contacts.append(d)
            if vtype == "store_visit":
                store_visits.append(d)
        s.flush()
        self.facts.append(CustomerFacts(
            customer_id=c.id, staff_id=staff_id, stage=stage, created_on=created,
            first_visit=min(store_visits) if store_visits else None, trials=tuple(trials),
            purchases=tuple(purchases), contacts=tuple(contacts),
            birthday=MonthDay.of(bd) if bd else None))


def _random_rules(rng: random.Random) -> tuple:
    out = []
    for k in RuleKind:
        lim = LIMITS[k]
        if k is RuleKind.AFTER_PURCHASE:
            offs = rng.sample(range(1, 120), rng.randrange(1, 4))
        else:
            offs = [rng.randrange(lim.low, min(lim.high, 400) + 1)]
        out.append(make_rule(k, offs, enabled=rng.random() < 0.85))
    return tuple(out)


def _stored(db: Database) -> set:
    with db.read() as s:
        return {(t.key, t.rule, t.customer_id, t.staff_id, t.due_on)
                for t in s.scalars(select(FollowUpTask).where(FollowUpTask.rule != "manual"))}


@pytest.mark.parametrize("seed", range(8))
def test_sql_generator_equals_the_reference(db: Database, store: Actor, seed: int) -> None:
    rng = random.Random(seed)
    world = World(db, store, rng)
    for _ in range(4):
        rules = _random_rules(rng) if rng.random() < 0.7 else default_rules()
        lookback = rng.choice([0, 1, 7, 30, 90])
        horizon = rng.choice([0, 1, 30, 30, 180])
        followups.save_rules(db, store, rules, lookback, horizon)
        today = DAY0 + timedelta(days=rng.randrange(60, SPAN + 30))
        with db.write() as s:  # from scratch: no tasks, nothing covered
            s.execute(delete(FollowUpTask))
            s.execute(delete(FollowUpState))
        result = followups.generate(db, store, today)
        expect = {(t.key, t.rule.value, t.customer_id, t.staff_id, t.due)
                  for t in due_tasks(rules, world.facts, today, lookback_days=lookback,
                                     horizon_days=horizon)}
        got = _stored(db)
        assert got == expect, (today, sorted(got ^ expect)[:5])
        assert result.created == len(expect)
        assert sum(result.by_rule.values()) == result.created
        # Idempotent: the same day again, or a day later, adds nothing for the same facts.
        assert followups.generate(db, store, today, force=True).created == 0
        assert followups.generate(db, store, today).created == 0  # nothing changed: at once


def _customer(db: Database, owner: Actor, **kw) -> int:  # noqa: ANN003
    with db.write() as s:
        c = Customer(store_id=owner.store_id, name="李", phone="13900000000", **kw)
        s.add(c)
        s.flush()
        return c.id


def _sale(db: Database, owner: Actor, customer: int, at: datetime, product: int,
          op: str) -> None:
    with db.write() as s:
        sale = Sale(store_id=owner.store_id, operation_id=op, kind="sale", customer_id=customer,
                    list_total=1000, discount=0, total=1000, payment_method="cash", reason="",
                    at=at)
        s.add(sale)
        s.flush()
        s.add(SaleLine(store_id=owner.store_id, sale_id=sale.id, product_id=product, quantity=1,
                       unit_price=1000, discount_units=10000, line_total=1000))
        c = s.get(Customer, customer)
        c.last_purchase_at = max(filter(None, [c.last_purchase_at, at]))


def _keys(db: Database) -> set[str]:
    with db.read() as s:
        return set(s.scalars(select(FollowUpTask.key)))


def test_two_purchases_on_one_day_make_one_series(db: Database, store: Actor) -> None:
    hit = _product(db, store, "套餐", "hit")
    seller = _seller(db, store, "zhang")
    c = _customer(db, store, staff_id=seller, created_at=datetime(2024, 1, 1, 10))
    _sale(db, store, c, datetime(2024, 1, 31, 10), hit, "a")
    _sale(db, store, c, datetime(2024, 1, 31, 16), hit, "b")
    r = followups.generate(db, store, date(2024, 3, 1))  # Jan 31 + 30 days in a leap year
    assert r.by_rule["after_purchase"] == 1
    assert f"after_purchase:{c}:2024-01-31:30" in _keys(db)
    with db.read() as s:
        t = s.scalars(select(FollowUpTask).where(FollowUpTask.rule == "after_purchase")).one()
        assert (t.due_on, t.staff_id, t.status) == (date(2024, 3, 1), seller, "open")


class _Stop(Exception):
    pass


def test_progress_names_each_rule_and_a_stop_writes_nothing(db: Database, store: Actor) -> None:
    hit = _product(db, store, "套餐", "hit")
    c = _customer(db, store, created_at=datetime(2024, 1, 1, 10))
    _sale(db, store, c, datetime(2024, 1, 31, 10), hit, "a")
    seen: list[tuple[int, int, str]] = []

    def stop_at_birthdays(done: int, total: int, rule: str) -> None:
        seen.append((done, total, rule))
        if rule == RuleKind.BIRTHDAY.value:
            raise _Stop  # as a Cancel pressed while the after-purchase tasks were written

    with pytest.raises(_Stop):
        followups.generate(db, store, date(2024, 3, 1), progress=stop_at_birthdays)
    kinds = [r.kind.value for r in default_rules()]
    stop = kinds.index(RuleKind.BIRTHDAY.value)
    assert seen == [(i, len(kinds), k) for i, k in enumerate(kinds[:stop + 1])]
    assert _keys(db) == set()  # one transaction: the rules run before the stop left nothing
    with db.read() as s:
        assert s.scalars(select(FollowUpState)).all() == []
    seen.clear()
    r = followups.generate(db, store, date(2024, 3, 1),
                           progress=lambda *a: seen.append(a))
    assert r.by_rule["after_purchase"] == 1
    assert seen[-1] == (len(kinds), len(kinds), "")
    assert [x[2] for x in seen[:-1]] == kinds


def test_reactivation_from_leap_day_is_due_on_feb_28(db: Database, store: Actor) -> None:
    hit = _product(db, store, "套餐", "hit")
    c = _customer(db, store, created_at=datetime(2024, 1, 1, 10))
    _sale(db, store, c, datetime(2024, 2, 29, 12), hit, "a")
    followups.save_rules(db, store, [make_rule(k, d, enabled=k is RuleKind.REACTIVATION)
                                     for k, d in ((r.kind, r.offsets) for r in default_rules())])
    assert followups.generate(db, store, date(2025, 2, 27)).created == 0
    assert followups.generate(db, store, date(2025, 2, 28)).created == 1
    with db.read() as s:
        assert s.scalars(select(FollowUpTask.due_on)).one() == date(2025, 2, 28)
    assert _keys(db) == {f"reactivation:{c}:2024-02-29"}


def test_birthday_on_leap_day_is_called_in_february(db: Database, store: Actor) -> None:
    c = _customer(db, store, birthday=date(1992, 2, 29), created_at=datetime(2024, 1, 1, 10),
                  stage="customer")
    r = followups.generate(db, store, date(2025, 2, 21))  # Feb 28 2025 - 7 days
    assert r.by_rule["birthday"] == 1
    assert f"birthday:{c}:2025" in _keys(db)
    assert followups.generate(db, store, date(2025, 2, 28)).created == 0


def test_rule_settings_are_checked_and_nothing_saved_on_error(db: Database,
                                                            store: Actor) -> None:
    with pytest.raises(ValidationError) as e:
        followups.save_rules(db, store, default_rules(), lookback_days=999)
    assert e.value.code == "followups.lookback_invalid"
    bad = (*default_rules()[:1], *default_rules())
    with pytest.raises(ValidationError) as e:
        followups.save_rules(db, store, bad)
    assert e.value.code == "followups.duplicate_rule"
    assert followups.load_rules(db, store).rules == default_rules()


@pytest.fixture
def team(db: Database, store: Actor):  # noqa: ANN201
    a = _seller(db, store, "zhang")
    b = _seller(db, store, "lina")
    staff.create_staff(db, store, staff.StaffInput(name="陈", login="chen", role=Role.MANAGER,
                                                   secret="8642"))
    return (auth.login(db, "zhang", "1357"), auth.login(db, "lina", "1357"),
            auth.login(db, "chen", "8642"), a, b)


def test_queue_buckets_counts_complete_and_snooze(db: Database, store: Actor, team) -> None:  # noqa: ANN001
    zhang, lina, chen, a, b = team
    c1 = _customer(db, store, staff_id=a, created_at=datetime(2024, 5, 1, 9))
    c2 = _customer(db, store, staff_id=a, created_at=datetime(2024, 5, 6, 9))
    _customer(db, store, staff_id=b, created_at=datetime(2024, 5, 1, 9))
    with clock.frozen(datetime(2024, 5, 13, 10)):
        followups.generate(db, store, date(2024, 5, 13))  # lead idle 7 days: c1 overdue, c2 today
        counts = followups.queue_counts(db, zhang, date(2024, 5, 13))
        assert (counts.overdue, counts.today, counts.upcoming) == (1, 1, 0)
        assert counts.badge == 2
        page = followups.queue(db, zhang, date(2024, 5, 13), "overdue")
        assert [r.customer_id for r in page.rows] == [c1]
        team_counts = followups.queue_counts(db, chen, date(2024, 5, 13), "team")
        assert team_counts.overdue == 2
        task = page.rows[0].id
        r = followups.complete(db, zhang, task, visits.VisitInput(
            customer_id=c1, type="call", effective=True, outcome="约了周六到店",
            next_followup_on=date(2024, 5, 18)))
        assert r.completed_task_id == task and r.next_task_id is not None
        today_task = followups.queue(db, zhang, date(2024, 5, 13), "today").rows[0]
        assert today_task.customer_id == c2
        followups.snooze(db, zhang, today_task.id, date(2024, 5, 15))
        counts = followups.queue_counts(db, zhang, date(2024, 5, 13))
        assert (counts.overdue, counts.today, counts.upcoming) == (0, 0, 2)
    with db.read() as s:
        done = s.get(FollowUpTask, task)
        assert done.status == "done" and s.get(Visit, done.done_visit_id).task_id == task


def test_others_queue_and_tasks_are_refused_and_audited(db: Database, store: Actor,
                                                        team) -> None:  # noqa: ANN001
    zhang, lina, chen, a, b = team
    c = _customer(db, store, staff_id=b, created_at=datetime(2024, 5, 1, 9))
    followups.generate(db, store, date(2024, 5, 13))
    with pytest.raises(PermissionDenied):
        followups.queue(db, zhang, date(2024, 5, 13), "overdue", scope="team")
    task = followups.queue(db, lina, date(2024, 5, 13), "overdue").rows[0].id
    with pytest.raises(PermissionDenied):
        followups.snooze(db, zhang, task, date(2030, 1, 1))
    with pytest.raises(PermissionDenied):
        followups.reassign(db, zhang, [task], a)
    assert followups.reassign(db, chen, [task], a) == 1
    assert followups.queue(db, zhang, date(2024, 5, 13), "overdue").rows[0].customer_id == c
    from opsdesk.db.models import AuditEntry
    with db.read() as s:
        refused = s.scalars(select(AuditEntry.action).where(AuditEntry.outcome == "refused")).all()
    assert {"followup.queue", "followup.work", "followup.reassign"} <= set(refused)


def test_snooze_to_the_past_and_closed_task_are_refused(db: Database, store: Actor,
                                                       team) -> None:  # noqa: ANN001
    zhang, _, chen, a, _ = team
    _customer(db, store, staff_id=a, created_at=datetime(2024, 5, 1, 9))
    with clock.frozen(datetime(2024, 5, 13, 10)):
        followups.generate(db, store, date(2024, 5, 13))
        task = followups.queue(db, zhang, date(2024, 5, 13), "overdue").rows[0]
        with pytest.raises(ValidationError) as e:
            followups.snooze(db, zhang, task.id, date(2024, 5, 13))
        assert e.value.code == "followup.snooze_not_future"
        followups.complete(db, zhang, task.id, visits.VisitInput(
            customer_id=task.customer_id, type="wechat"))
        with pytest.raises(ValidationError) as e:
            followups.snooze(db, zhang, task.id, date(2024, 6, 1))
        assert e.value.code == "followup.task_closed"


def test_a_logged_visit_after_a_run_is_seen_by_the_next_run(db: Database, store: Actor) -> None:
    seller = _seller(db, store, "zhang")
    c = _customer(db, store, staff_id=seller, created_at=datetime(2024, 5, 1, 9))
    with clock.frozen(datetime(2024, 5, 13, 9)):
        assert followups.generate(db, store, date(2024, 5, 20)).created == 1  # idle since May 1
        visits.log_visit(db, store, visits.VisitInput(customer_id=c, type="call",
                                                      staff_id=seller))
    # The visit starts a new idle count (May 13 + 7 = May 20): the memo of the last run must
    # not hide it.
    assert followups.generate(db, store, date(2024, 5, 20)).created == 1
    assert f"lead_idle:{c}:2024-05-13" in _keys(db)
