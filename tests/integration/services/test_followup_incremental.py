"""Incremental follow-up generation, day after day, against the reference rules.

A random store lives through weeks of business between the runs: new customers (some
registered with an earlier date), sales and refunds (some dated a few days back, some ahead of
the run's day), visits, stage changes, birthday edits (one by one with their audit entry, and a
bulk import), hand-overs, rule changes, skipped days, a second run on the same day and a run
"as of" an earlier day. After every run the tasks it created must be exactly those the full
generation would have created that day (``due_tasks`` of the day, less the keys that already
existed), and a forced full evaluation must then find nothing more.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from opsdesk.db.engine import Database
from opsdesk.db.models import Customer, FollowUpTask, Sale, SaleLine, StageChange, Visit
from opsdesk.db.models.sales_process import FollowUpState
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
from opsdesk.services import audit, followups, products, staff
from opsdesk.services.context import Actor

START = date(2024, 1, 20)  # the first run; the history before it spans 2023 and the leap day


@dataclass
class Person:
    id: int
    staff_id: int | None
    stage: Stage
    created_on: date
    birthday: MonthDay | None
    purchases: list[tuple[int, date]] = field(default_factory=list)  # (sale id, day)
    refunded: set[int] = field(default_factory=set)
    trials: set[int] = field(default_factory=set)  # sale ids with a traffic product
    contacts: list[date] = field(default_factory=list)
    store_visits: list[date] = field(default_factory=list)

    def facts(self) -> CustomerFacts:
        ok = [(i, d) for i, d in self.purchases if i not in self.refunded]
        return CustomerFacts(
            customer_id=self.id, staff_id=self.staff_id, stage=self.stage,
            created_on=self.created_on,
            first_visit=min(self.store_visits) if self.store_visits else None,
            trials=tuple(d for i, d in ok if i in self.trials),
            purchases=tuple(d for _, d in ok), contacts=tuple(self.contacts),
            birthday=self.birthday)


class Shop:
    """Facts written straight to the tables the way the services write them (new rows; a stage
    change with its history row; a member edit with its audit entry), mirrored in Python."""

    def __init__(self, db: Database, owner: Actor, rng: random.Random) -> None:
        self.db, self.owner, self.rng = db, owner, rng
        self.trial = products.create_product(db, owner, products.ProductInput(
            name="体验", kind="service", role="traffic", price=1000)).id
        self.hit = products.create_product(db, owner, products.ProductInput(
            name="套餐", kind="service", role="hit", price=1000)).id
        self.staff = [staff.create_staff(db, owner, staff.StaffInput(
            name=f"s{i}", login=f"s{i}", role=Role.SALES, secret="1357")).id for i in range(2)]
        self.people: dict[int, Person] = {}
        self.op = 0
        self.edges: list[int] = []  # days back where the rules' windows begin and end

    def _at(self, d: date) -> datetime:
        return datetime.combine(d, datetime.min.time()) + timedelta(
            minutes=self.rng.randrange(9 * 60, 21 * 60))

    def _near(self, today: date, back: int = 400) -> date:
        r = self.rng.random()
        if r < 0.4:
            return today
        if r < 0.55:
            return today - timedelta(days=self.rng.randrange(1, 6))  # entered late
        if r < 0.65:
            return today + timedelta(days=self.rng.randrange(1, 4))  # ahead of the run's day
        if r < 0.85 and self.edges:  # exactly where a rule's window starts or ends
            return today - timedelta(days=self.rng.choice(self.edges))
        return today - timedelta(days=self.rng.randrange(back))

    def customer(self, s, today: date) -> Person:  # noqa: ANN001
        rng = self.rng
        created = self._near(today)
        bd = None
        if rng.random() < 0.8:
            bd = rng.choice([date(1992, 2, 29), date(1985, 12, 31), date(1990, 1, 1),
                             today + timedelta(days=rng.randrange(-3, 20)),
                             date(1970 + rng.randrange(30), rng.randrange(1, 13),
                                  rng.randrange(1, 29))])
            bd = bd.replace(year=1992) if (bd.month, bd.day) == (2, 29) else bd.replace(
                year=1970 + rng.randrange(30))
        stage = rng.choice(list(Stage))
        staff_id = rng.choice([*self.staff, None])
        c = Customer(store_id=self.owner.store_id, name="客", phone="13800000000", birthday=bd,
                     staff_id=staff_id, stage=stage.value, created_at=self._at(created))
        s.add(c)
        s.flush()
        p = Person(c.id, staff_id, stage, created, MonthDay.of(bd) if bd else None)
        self.people[c.id] = p
        return p

    def sale(self, s, p: Person, d: date) -> None:  # noqa: ANN001
        self.op += 1
        trial = self.rng.random() < 0.3
        at = self._at(d)
        sale = Sale(store_id=self.owner.store_id, operation_id=f"op{self.op}", kind="sale",
                    customer_id=p.id, list_total=1000, discount=0, total=1000,
                    payment_method="cash", reason="", at=at)
        s.add(sale)
        s.flush()
        s.add(SaleLine(store_id=self.owner.store_id, sale_id=sale.id,
                       product_id=self.trial if trial else self.hit, quantity=1,
                       unit_price=1000, discount_units=10000, line_total=1000))
        c = s.get(Customer, p.id)
        c.last_purchase_at = max(filter(None, [c.last_purchase_at, at]))
        p.purchases.append((sale.id, d))
        if trial:
            p.trials.add(sale.id)

    def refund(self, s, p: Person, today: date) -> None:  # noqa: ANN001
        open_ = [(d, i) for i, d in p.purchases if i not in p.refunded]
        if not open_:
            return
        # Mostly the latest purchase: it is the one that supersedes the earlier ones.
        i = max(open_)[1] if self.rng.random() < 0.7 else self.rng.choice(open_)[1]
        self.op += 1
        s.add(Sale(store_id=self.owner.store_id, operation_id=f"op{self.op}", kind="refund",
                   customer_id=p.id, refunds_id=i, list_total=-1000, discount=0, total=-1000,
                   payment_method="cash", reason="", at=self._at(today)))
        p.refunded.add(i)

    def visit(self, s, p: Person, d: date) -> None:  # noqa: ANN001
        vtype = self.rng.choice(["call", "store_visit", "wechat", "meeting"])
        s.add(Visit(store_id=self.owner.store_id, customer_id=p.id,
                    staff_id=self.rng.choice(self.staff), at=self._at(d), type=vtype,
                    effective=False, outcome="", note="", is_second_follow_up=False))
        p.contacts.append(d)
        if vtype == "store_visit":
            p.store_visits.append(d)

    def restage(self, s, p: Person, today: date) -> None:  # noqa: ANN001
        to = self.rng.choice([x for x in Stage if x is not p.stage])
        c = s.get(Customer, p.id)
        s.add(StageChange(store_id=self.owner.store_id, customer_id=p.id, from_stage=c.stage,
                          to_stage=to.value, at=self._at(today), source="manual"))
        c.stage = to.value
        p.stage = to

    def rebirth(self, s, p: Person, today: date, audited: bool = True) -> None:  # noqa: ANN001
        bd = today + timedelta(days=self.rng.randrange(-2, 12))
        bd = bd.replace(year=1988)  # a leap year: Feb 29 stays
        s.get(Customer, p.id).birthday = bd
        p.birthday = MonthDay.of(bd)
        if audited:
            audit.record_as(s, self.owner, "member.update", f"customer:{p.id}",
                            {"birthday": bd.isoformat()})

    def history(self, n: int) -> None:
        with self.db.write() as s:
            for _ in range(n):
                p = self.customer(s, START - timedelta(days=self.rng.randrange(1, 500)))
                for _ in range(self.rng.choice([0, 1, 2, 4])):
                    d = p.created_on + timedelta(days=self.rng.randrange(0, 400))
                    self.sale(s, p, min(d, START + timedelta(days=2)))
                    if self.rng.random() < 0.1:
                        self.refund(s, p, START)
                for _ in range(self.rng.choice([0, 1, 3])):
                    d = p.created_on + timedelta(days=self.rng.randrange(0, 400))
                    self.visit(s, p, min(d, START))

    def business_day(self, today: date) -> None:
        rng = self.rng
        with self.db.write() as s:
            people = list(self.people.values())
            for _ in range(rng.randrange(0, 4)):
                people.append(self.customer(s, today))
            for _ in range(rng.randrange(0, 8)):
                self.sale(s, rng.choice(people), self._near(today))
            for _ in range(rng.randrange(0, 6)):
                self.visit(s, rng.choice(people), self._near(today, back=60))
            for _ in range(rng.randrange(0, 3)):
                buyers = [p for p in people if len(p.purchases) > 1] or people
                self.refund(s, rng.choice(buyers), today)
            if rng.random() < 0.3:
                self.restage(s, rng.choice(people), today)
            if rng.random() < 0.2:
                self.rebirth(s, rng.choice(people), today)
            if rng.random() < 0.05:  # a member import fills in birthdays of existing members
                for p in rng.sample(people, min(3, len(people))):
                    self.rebirth(s, p, today, audited=False)
                audit.record_as(s, self.owner, "member.import", "customers", {"merged": 3})
            if rng.random() < 0.1:  # a hand-over: the customer's new staff gets new tasks
                p = rng.choice(people)
                p.staff_id = rng.choice(self.staff)
                s.get(Customer, p.id).staff_id = p.staff_id

    def facts(self) -> list[CustomerFacts]:
        return [p.facts() for p in self.people.values()]


def _random_rules(rng: random.Random) -> tuple:
    out = []
    for k in RuleKind:
        lim = LIMITS[k]
        if k is RuleKind.AFTER_PURCHASE:
            offs = rng.sample(range(1, 100), rng.randrange(1, 4))
        elif k is RuleKind.REACTIVATION:
            offs = [rng.randrange(1, 4)]
        else:
            offs = [rng.randrange(lim.low, min(lim.high, 30) + 1)]
        out.append(make_rule(k, offs, enabled=rng.random() < 0.85))
    return tuple(out)


def _tasks(db: Database) -> dict[str, tuple]:
    with db.read() as s:
        return {t.key: (t.key, t.rule, t.customer_id, t.staff_id, t.due_on)
                for t in s.scalars(select(FollowUpTask).where(FollowUpTask.rule != "manual"))}


@pytest.mark.parametrize("seed", range(6))
def test_day_after_day_incremental_runs_equal_the_full_generation(db: Database, store: Actor,
                                                                  seed: int) -> None:
    _live(db, store, seed, steps=45)


def test_many_changed_customers_in_small_batches_or_in_full(db: Database, store: Actor,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    # Changed customers go to the SQL a few ids at a time, and beyond a limit a rule falls back
    # to the full evaluation: both give the same tasks.
    monkeypatch.setattr(followups, "_CHUNK", 3)
    monkeypatch.setattr(followups, "TOUCHED_MAX", 6)
    _live(db, store, 101, steps=30, min_incremental=10)


def _live(db: Database, store: Actor, seed: int, steps: int, min_incremental: int = 20) -> None:
    rng = random.Random(seed)
    shop = Shop(db, store, rng)
    shop.history(40)
    rules = default_rules() if seed % 2 else _random_rules(rng)
    lookback = rng.choice([0, 3, 30])
    horizon = rng.choice([0, 3, 30, 30, 180])
    followups.save_rules(db, store, rules, lookback, horizon)

    def edges() -> list[int]:
        out = [0, 1]
        for r in rules:
            for k in r.offsets:
                months = 31 * k if r.kind is RuleKind.REACTIVATION else k
                out += [months - 1, months, months + 1, months + lookback, months + lookback + 1,
                        months + horizon, months + horizon + 1]
                if r.kind in (RuleKind.LEAD_IDLE, RuleKind.REACTIVATION):  # the return days
                    out += [months + 365 + d for d in (-1, 0, 1, horizon, horizon + 1)]
        return [x for x in out if x >= 0]

    shop.edges = edges()
    today = START
    incremental_runs = 0
    for step in range(steps):
        before = _tasks(db)
        with db.read() as s:
            covered = {st.kind: st.covered_on for st in s.scalars(select(FollowUpState))}
        result = followups.generate(db, store, today)
        after = _tasks(db)
        expect = {t.key: (t.key, t.rule.value, t.customer_id, t.staff_id, t.due)
                  for t in due_tasks(rules, shop.facts(), today, lookback_days=lookback,
                                     horizon_days=horizon)}
        made = {k: v for k, v in after.items() if k not in before}
        want = {k: v for k, v in expect.items() if k not in before}
        assert made == want, (step, today, sorted(set(made.items()) ^ set(want.items()))[:6])
        assert result.created == len(made)
        assert set(expect) <= set(after)
        # The full evaluation finds nothing the incremental run left out.
        assert followups.generate(db, store, today, force=True).created == 0
        assert followups.generate(db, store, today).created == 0  # a second run, same day
        incremental_runs += bool(covered) and all(d <= today for d in covered.values())

        r = rng.random()
        if r < 0.05:  # a run "as of" an earlier day
            today -= timedelta(days=rng.randrange(1, 5))
        elif r < 0.15:
            pass  # again on the same day, after more business
        else:
            today += timedelta(days=1 if rng.random() < 0.8 else rng.randrange(2, 9))
        if rng.random() < 0.08:  # the owner changes one rule
            kind = rng.choice(list(RuleKind))
            changed = _random_rules(rng)[list(RuleKind).index(kind)]
            rules = tuple(changed if x.kind is kind else x for x in rules)
            if rng.random() < 0.3:
                lookback = rng.choice([0, 3, 30])
            if rng.random() < 0.3:
                horizon = rng.choice([0, 3, 30, 180])
            followups.save_rules(db, store, rules, lookback, horizon)
            shop.edges = edges()
        shop.business_day(today)
    assert incremental_runs > min_incremental


def test_a_rule_switched_off_and_on_again_is_evaluated_in_full(db: Database,
                                                               store: Actor) -> None:
    rng = random.Random(7)
    shop = Shop(db, store, rng)
    shop.history(30)
    rules = default_rules()
    followups.generate(db, store, START)
    off = tuple(replace(r, enabled=r.kind is not RuleKind.LEAD_IDLE) for r in rules)
    followups.save_rules(db, store, off)
    for day in range(1, 15):
        shop.business_day(START + timedelta(days=day))
        followups.generate(db, store, START + timedelta(days=day))
    with db.read() as s:
        assert s.scalar(select(FollowUpState).where(FollowUpState.kind == "lead_idle")) is None
    today = START + timedelta(days=15)
    before = _tasks(db)
    followups.save_rules(db, store, rules)
    followups.generate(db, store, today)
    expect = {t.key for t in due_tasks(rules, shop.facts(), today)}
    assert expect <= set(_tasks(db))
    lead = {k for k in expect - set(before) if k.startswith("lead_idle:")}
    assert lead  # idle counts that crossed their day while the rule was off are found
