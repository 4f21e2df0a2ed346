"""Stateful properties of the promoter commission ledger and of pond settlements, driven through
the real services on a real store file.

Commission: Hypothesis sells to the promoter's customers, refunds sales, lets days pass, pays out
(sometimes replaying the same operation id). After every step: the balance's parts add up to what
was earned (frozen + available + paid == accrued − clawed back), the ledger's rows sum to the same,
no clawback exceeds its accrual, a payout never exceeds what was available, a replay posts
nothing, and ``opsdesk check`` finds nothing.

Ponds: months are settled in any order; a month locks once, a second lock is refused and changes
nothing, a locked month reads the same whatever happens later, and its lines add up.
"""

from __future__ import annotations

import itertools
import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from hypothesis.stateful import run_state_machine_as_test as run
from sqlalchemy import text

from opsdesk.db import clock
from opsdesk.db.opening import open_database
from opsdesk.domain.errors import OpsError, ValidationError
from opsdesk.domain.incentives import Bracket
from opsdesk.domain.ponds import PondTerms
from opsdesk.domain.promoters import CommissionPlan
from opsdesk.services import auth, members, ponds, products, promoters, sales, setup
from opsdesk.services.maintenance import check

SETTINGS = settings(max_examples=12, stateful_step_count=15, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
START = datetime(2025, 1, 6, 10)


@pytest.fixture
def promo_template(tmp_path: Path, migrated_template: Path, new_store: setup.NewStore) -> Path:
    path = tmp_path / "promo-template.sqlite"
    shutil.copyfile(migrated_template, path)
    db = open_database(path).db
    setup.create_store(db, new_store)
    owner = auth.login(db, new_store.owner_login, new_store.owner_secret)
    with clock.frozen(START - timedelta(days=5)):
        products.create_product(db, owner, products.ProductInput("护理", "service", "hit", 9999))
        lv = promoters.save_level(db, owner, promoters.LevelInput(None, "推广员", 1, CommissionPlan(
            brackets=(Bracket(0, 50000, "0.1"), Bracket(50000, None, "0.2")), per_new_member=500,
            refund_window_days=3)))
        pc = members.register(db, owner, members.MemberInput(phone="13800000000", name="推")).id
        p = promoters.enrol(db, owner, promoters.EnrolInput(pc, lv.id, "enrol"))
        for i in range(3):
            c = members.register(db, owner, members.MemberInput(phone=f"1380000{i + 1:04d}",
                                                                name=f"客{i}")).id
            promoters.attach_customer(db, owner, c, p.id)
        pond = ponds.save_pond(db, owner, ponds.PondInput(None, "瑜伽馆"))
        ponds.add_contract(db, owner, pond.id, PondTerms(date(2024, 10, 1), None, 1000, "10%",
                                                         2, 2500))
    db.dispose()
    return path


class CommissionMachine(RuleBasedStateMachine):
    template: Path
    folder: Path
    counter = itertools.count()

    def __init__(self) -> None:
        super().__init__()
        path = self.folder / f"c-{next(self.counter)}.sqlite"
        shutil.copyfile(self.template, path)
        self.db = open_database(path).db
        self.owner = auth.login(self.db, "boss", "2468")
        with self.db.read() as s:
            self.customers = list(s.execute(text(
                "SELECT id FROM customer WHERE promoter_id IS NOT NULL ORDER BY id")).scalars())
            self.pid = s.execute(text("SELECT id FROM promoter")).scalar()
            self.product = s.execute(text("SELECT id FROM product")).scalar()
        self.now = START
        self.sales: list[int] = []
        self.refunded: set[int] = set()
        self.payouts: dict[str, int] = {}

    def teardown(self) -> None:
        self.db.dispose()

    def _at(self):  # noqa: ANN202
        return clock.frozen(self.now)

    @rule(who=st.integers(0, 2), qty=st.integers(1, 9))
    def sell(self, who: int, qty: int) -> None:
        with self._at():
            r = sales.sell(self.db, self.owner, sales.SaleInput(
                self.customers[who], (sales.SaleLineInput(self.product, qty),), "cash",
                f"s{len(self.sales)}"))
        self.sales.append(r.sale_id)

    @rule(i=st.integers(0, 30))
    def refund(self, i: int) -> None:
        if not self.sales:
            return
        sid = self.sales[i % len(self.sales)]
        with self._at():
            try:
                sales.refund_sale(self.db, self.owner, sid, f"r{sid}", "退")
            except OpsError as e:
                assert sid in self.refunded and e.code == "sale.already_refunded"
                return
        self.refunded.add(sid)

    @rule(days=st.integers(1, 20))
    def wait(self, days: int) -> None:
        self.now += timedelta(days=days)

    @rule(amount=st.one_of(st.none(), st.integers(1, 5000)), replay=st.booleans())
    def pay(self, amount: int | None, replay: bool) -> None:
        op = next(iter(self.payouts)) if replay and self.payouts else f"p{len(self.payouts)}"
        before = promoters.balance(self.db, self.owner, self.pid, self.now.date())
        with self._at():
            try:
                row = promoters.payout(self.db, self.owner, self.pid, amount, "cash", op)
            except ValidationError as e:
                assert e.code in ("promoter.nothing_available", "promoter.payout_exceeds_available")
                assert before.available <= 0 or (amount or 0) > before.available
                return
            except OpsError as e:
                assert e.code == "operation.reused" and op in self.payouts
                return
        if op in self.payouts:
            assert row.replayed and -row.amount == self.payouts[op]
            return
        assert not row.replayed and 0 < -row.amount <= before.available
        self.payouts[op] = -row.amount

    @invariant()
    def ledger_adds_up(self) -> None:
        b = promoters.balance(self.db, self.owner, self.pid, self.now.date())
        assert b.frozen + b.available + b.paid == b.accrued - b.clawed_back
        assert b.frozen >= 0 and b.paid == sum(self.payouts.values())
        with self.db.read() as s:
            total = s.execute(text("SELECT COALESCE(SUM(amount), 0) FROM commission_entry")).scalar()
            worst = s.execute(text(
                "SELECT COALESCE(MIN(a.amount + (SELECT COALESCE(SUM(c.amount), 0) FROM "
                "commission_entry c WHERE c.reverses_id = a.id)), 0) FROM commission_entry a "
                "WHERE a.kind = 'accrual'")).scalar()
        assert total == b.accrued - b.clawed_back - b.paid
        assert worst >= 0  # no accrual clawed back below zero
        assert check(self.db).ok


class PondMachine(RuleBasedStateMachine):
    template: Path
    folder: Path
    counter = itertools.count()

    def __init__(self) -> None:
        super().__init__()
        path = self.folder / f"p-{next(self.counter)}.sqlite"
        shutil.copyfile(self.template, path)
        self.db = open_database(path).db
        self.owner = auth.login(self.db, "boss", "2468")
        with self.db.read() as s:
            self.pond = s.execute(text("SELECT id FROM pond")).scalar()
        self.locked: dict[int, int] = {}  # month -> owed
        self.n = 0

    def teardown(self) -> None:
        self.db.dispose()

    @rule(month=st.integers(10, 12), day=st.integers(1, 28))
    def hand_over(self, month: int, day: int) -> None:
        self.n += 1
        with clock.frozen(datetime(2024, month, day, 9)):
            c = members.register(self.db, self.owner, members.MemberInput(
                phone=f"1370000{self.n:04d}", name=f"塘{self.n}")).id
        with self.db.write() as s:
            s.execute(text("UPDATE customer SET pond_id = :p WHERE id = :c"),
                      {"p": self.pond, "c": c})

    @rule(month=st.integers(10, 12), op=st.integers(0, 3))
    def lock(self, month: int, op: int) -> None:
        with clock.frozen(datetime(2025, 2, 1, 9)):
            try:
                v = ponds.lock(self.db, self.owner, self.pond, 2024, month, f"l{month}-{op}")
            except ValidationError as e:
                assert month in self.locked and e.code == "pond.settlement_locked"
                return
            except OpsError as e:
                assert e.code == "operation.reused"
                return
        if v.replayed:
            assert self.locked[month] == v.owed
            return
        assert month not in self.locked
        self.locked[month] = v.owed
        assert v.owed == v.fee_total + v.share + v.minimum_topup >= v.minimum

    @invariant()
    def locked_months_do_not_change(self) -> None:
        rows = {r.month: r.owed for r in ponds.settlements(self.db, self.owner, self.pond)}
        assert rows == self.locked
        assert check(self.db).ok


def test_commission_ledger_properties(promo_template: Path, tmp_path: Path) -> None:
    CommissionMachine.template, CommissionMachine.folder = promo_template, tmp_path
    run(CommissionMachine, settings=SETTINGS)


def test_pond_settlement_properties(promo_template: Path, tmp_path: Path) -> None:
    PondMachine.template, PondMachine.folder = promo_template, tmp_path
    run(PondMachine, settings=SETTINGS)
