"""The launch deposit ledger as a state machine, driven through the real services on a real store
file: hypothesis chooses locks, cancellations (refunds by the rule, by an amount, with the
override), deals, days and replays over a few customers of a launch with two seats. After every
step: each customer's held deposit equals the sum of their entries and is 0 or the deposit, never
below zero; refunds never exceed what was paid; locks never exceed the capacity; a replayed
operation id posts nothing; ``opsdesk check`` finds nothing wrong."""

from __future__ import annotations

import itertools
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlalchemy import text

from opsdesk.db import clock
from opsdesk.db.opening import open_database
from opsdesk.domain.errors import OpsError
from opsdesk.services import auth, launches, maintenance, setup
from tests.conftest import NEW_STORE, OWNER_LOGIN, OWNER_PIN
from tests.integration.services.launch_helpers import OPENS, customer, open_launch

CUSTOMERS = 3
CAPACITY = 2
DEPOSIT = 100_000
SETTINGS = settings(max_examples=20, stateful_step_count=15, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture
def template(tmp_path: Path, migrated_template: Path) -> Path:
    path = tmp_path / "launch-template.sqlite"
    shutil.copyfile(migrated_template, path)
    db = open_database(path).db
    setup.create_store(db, NEW_STORE)
    owner = auth.login(db, OWNER_LOGIN, OWNER_PIN)
    open_launch(db, owner, capacity=CAPACITY)
    for i in range(CUSTOMERS):
        customer(db, owner, i + 1, topup=20 * DEPOSIT if i == 0 else 0)
    db.dispose()
    return path


def test_deposit_ledger_state_machine(template: Path, tmp_path: Path) -> None:
    runs = itertools.count()

    class DepositLedger(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            path = tmp_path / f"run{next(runs)}.sqlite"
            shutil.copyfile(template, path)
            self.db = open_database(path).db
            self.owner = auth.login(self.db, OWNER_LOGIN, OWNER_PIN)
            self.launch = launches.list_launches(self.db, self.owner)[0].launch.id
            with self.db.read() as s:
                self.customers = list(s.execute(text("SELECT id FROM customer ORDER BY id"))
                                      .scalars())
            self.day = datetime.combine(OPENS, datetime.min.time()) + timedelta(hours=10)
            self.ops = itertools.count()
            self.last: tuple | None = None  # (call, args) of the last posting

        def teardown(self) -> None:
            self.db.dispose()

        def _run(self, fn, *args, **kw) -> None:  # noqa: ANN001
            op = f"sm-{next(self.ops)}"
            with clock.frozen(self.day):
                try:
                    fn(self.db, self.owner, self.launch, *args, op, **kw)
                except OpsError:
                    return  # refused: checked by the invariants (nothing half-written)
            self.last = (fn, args, op, kw)

        @rule(c=st.integers(0, CUSTOMERS - 1), method=st.sampled_from(["cash", "stored_value"]))
        def lock(self, c: int, method: str) -> None:
            self._run(launches.record_lock, self.customers[c], method)

        @rule(c=st.integers(0, CUSTOMERS - 1),
              amount=st.one_of(st.none(), st.integers(0, 2 * DEPOSIT)), override=st.booleans())
        def cancel(self, c: int, amount: int | None, override: bool) -> None:
            self._run(launches.cancel_lock, self.customers[c], amount, override=override)

        @rule(c=st.integers(0, CUSTOMERS - 1))
        def deal(self, c: int) -> None:
            self._run(launches.record_deal, self.customers[c], "cash")

        @rule(days=st.integers(1, 15))
        def later(self, days: int) -> None:
            self.day += timedelta(days=days)

        @rule()
        def replay(self) -> None:
            if self.last is None:
                return
            fn, args, op, kw = self.last
            before = self._rows()
            with clock.frozen(self.day):
                try:
                    r = fn(self.db, self.owner, self.launch, *args, op, **kw)
                    assert r.replayed
                except OpsError as e:
                    assert e.code in ("operation.reused",), e.code
            assert self._rows() == before

        def _rows(self) -> tuple[int, int, int]:
            with self.db.read() as s:
                return tuple(s.execute(text(
                    "SELECT (SELECT COUNT(*) FROM launch_deposit), "
                    "(SELECT COUNT(*) FROM launch_payment), "
                    "(SELECT COUNT(*) FROM stored_value_entry)")).one())

        @invariant()
        def ledger_holds(self) -> None:
            with self.db.read() as s:
                rows = s.execute(text(
                    "SELECT customer_id, SUM(amount), "
                    "SUM(CASE WHEN kind = 'deposit' THEN amount ELSE 0 END), "
                    "SUM(CASE WHEN kind = 'refund' THEN -amount ELSE 0 END) "
                    "FROM launch_deposit GROUP BY customer_id")).all()
            held_now = 0
            for cid, held, paid, refunded in rows:
                assert held in (0, DEPOSIT), (cid, held)
                assert 0 <= refunded <= paid
                pos = launches.customer_position(self.db, self.owner, self.launch, cid)
                assert pos.held == held
                held_now += held > 0
            assert held_now <= CAPACITY

        @invariant()
        def check_is_clean(self) -> None:
            report = maintenance.check(self.db)
            assert report.ok, report.problems

    run_state_machine_as_test(DepositLedger, settings=SETTINGS)
