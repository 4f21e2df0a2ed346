"""Stateful properties of the ledgers, driven through the real services on a real store file.

Hypothesis chooses sequences of top-ups, spends, refunds, reversals and replays over a few cards;
after every step: each balance equals the sum of its entries (read three ways: the service, the
raw ledger, the cached columns), neither part is below zero, refunds never exceed what was paid
in, a replayed operation id posts nothing, and every refusal is the one the model predicts.

A new ledger (commissions, deposits, settlements) adds its own machine below, built the same way
on ``store_copy``.
"""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    multiple,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import text

from opsdesk.db.opening import open_database
from opsdesk.domain.errors import Conflict, ValidationError
from opsdesk.domain.tiers import BonusBracket
from opsdesk.services import auth, members, setup, stored_value, tiers

CARDS = 3
SETTINGS = settings(max_examples=25, stateful_step_count=20, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture
def store_template(tmp_path: Path, migrated_template: Path, new_store: setup.NewStore) -> Path:
    """A closed store file with a bonus-paying ladder and ``CARDS`` members (half with a tier)."""
    path = tmp_path / "ledger-template.sqlite"
    shutil.copyfile(migrated_template, path)
    db = open_database(path).db
    setup.create_store(db, new_store)
    owner = auth.login(db, new_store.owner_login, new_store.owner_secret)
    ladder = tiers.save_ladder(db, owner, [
        tiers.TierInput(-1, "regular", "银卡", 20, price=0, validity_days=3650,
                        bonus_brackets=(BonusBracket(500, 50),)),
    ], [])
    for i in range(CARDS):
        members.register(db, owner, members.MemberInput(
            phone=f"1380000{i:04d}", name=f"卡{i}", tier_id=ladder.tiers[0].id if i % 2 else None))
    db.dispose()
    return path


amounts = st.one_of(st.integers(1, 2_000), st.sampled_from([1, 499, 500, 501, 99_999]))


class StoredValueMachine(RuleBasedStateMachine):
    """The model: per card the total, the principal paid in and refunded, and each posted
    operation's effect, so what must be refused is known before the service is called."""

    template: Path
    folder: Path
    counter = itertools.count()

    operations = Bundle("operations")

    def __init__(self) -> None:
        super().__init__()
        path = self.folder / f"sv-{next(self.counter)}.sqlite"
        shutil.copyfile(self.template, path)
        self.db = open_database(path).db
        self.owner = auth.login(self.db, "boss", "2468")
        with self.db.read() as s:
            self.cards = list(s.execute(text("SELECT id FROM customer ORDER BY id")).scalars())
        self.total = dict.fromkeys(self.cards, 0)
        self.principal = dict.fromkeys(self.cards, 0)
        self.paid_in = dict.fromkeys(self.cards, 0)
        self.refunded = dict.fromkeys(self.cards, 0)
        self.effect: dict[str, tuple[int, int, int]] = {}  # op -> (card, principal, bonus)
        self.reversed: set[str] = set()
        self.calls: dict[str, tuple] = {}  # op -> how to call it again
        self.ids = itertools.count()

    def teardown(self) -> None:
        self.db.dispose()

    def new_id(self) -> str:
        return f"op-{next(self.ids)}"

    def posted(self, r: stored_value.LedgerResult, op: str, call: tuple) -> str:
        assert not r.replayed
        card = r.customer_id
        self.effect[op] = (card, r.principal, r.bonus)
        self.calls[op] = call
        self.total[card] += r.principal + r.bonus
        self.principal[card] += r.principal
        assert r.balance.total == self.total[card]
        return op

    # ------------------------------------------------------------------ operations

    @rule(target=operations, card=st.integers(0, CARDS - 1), amount=amounts)
    def top_up(self, card: int, amount: int) -> str:
        c, op = self.cards[card], self.new_id()
        r = stored_value.top_up(self.db, self.owner, c, amount, "cash", op)
        assert r.principal == amount and r.bonus >= 0
        self.paid_in[c] += amount
        return self.posted(r, op, ("top_up", c, amount, "cash", op))

    @rule(target=operations, card=st.integers(0, CARDS - 1), amount=amounts)
    def spend(self, card: int, amount: int):  # noqa: ANN201
        c, op = self.cards[card], self.new_id()
        if amount > self.total[c]:
            with pytest.raises(ValidationError) as e:
                stored_value.spend(self.db, self.owner, c, amount, op)
            assert e.value.code == "stored_value.insufficient"
            return multiple()
        r = stored_value.spend(self.db, self.owner, c, amount, op)
        assert r.principal + r.bonus == -amount and r.principal <= 0 and r.bonus <= 0
        return self.posted(r, op, ("spend", c, amount, op))

    @rule(target=operations, card=st.integers(0, CARDS - 1),
          amount=st.one_of(st.none(), amounts))
    def refund(self, card: int, amount: int | None):  # noqa: ANN201
        c, op = self.cards[card], self.new_id()
        p = self.principal[c]
        expected = ("stored_value.nothing_to_refund" if p <= 0 else
                    "stored_value.refund_exceeds_principal" if amount is not None and amount > p
                    else None)
        if expected:
            with pytest.raises(ValidationError) as e:
                stored_value.refund(self.db, self.owner, c, amount, "cash", op)
            assert e.value.code == expected
            return multiple()
        r = stored_value.refund(self.db, self.owner, c, amount, "cash", op)
        assert -r.principal == (p if amount is None else amount)
        self.refunded[c] -= r.principal
        return self.posted(r, op, ("refund", c, amount, "cash", op))

    @rule(original=operations)
    def reverse(self, original: str) -> None:
        c, p, b = self.effect[original]
        op = self.new_id()
        if original in self.reversed:
            with pytest.raises(Conflict) as e:
                stored_value.reverse(self.db, self.owner, original, op)
            assert e.value.code == "stored_value.already_reversed"
            return
        if self.principal[c] - p < 0 or self.total[c] - self.principal[c] - b < 0:
            with pytest.raises(ValidationError) as e:
                stored_value.reverse(self.db, self.owner, original, op)
            assert e.value.code == "stored_value.insufficient"
            return
        r = stored_value.reverse(self.db, self.owner, original, op)
        assert (r.principal, r.bonus) == (-p, -b)
        kind = self.calls[original][0]
        if kind == "top_up":
            self.paid_in[c] -= p
        elif kind == "refund":
            self.refunded[c] += p  # p is negative: the refund is undone
        self.reversed.add(original)
        self.posted(r, op, ("reverse", original, op))

    @rule(original=operations)
    def replay(self, original: str) -> None:
        name, *args = self.calls[original]
        before = self.ledger_rows()
        r = getattr(stored_value, name)(self.db, self.owner, *args)
        assert r.replayed and r.operation_id == original
        assert self.ledger_rows() == before

    @rule(original=operations, amount=amounts)
    def reused_id_for_another_amount_is_refused(self, original: str, amount: int) -> None:
        name, *args = self.calls[original]
        if name != "top_up" or args[1] == amount:
            return
        with pytest.raises(Conflict) as e:
            stored_value.top_up(self.db, self.owner, args[0], amount, "cash", original)
        assert e.value.code == "operation.reused"

    # ------------------------------------------------------------------ invariants

    def ledger_rows(self) -> int:
        with self.db.read() as s:
            return s.execute(text("SELECT COUNT(*) FROM stored_value_entry")).scalar_one()

    @invariant()
    def balances_equal_their_ledger_and_the_model(self) -> None:
        with self.db.read() as s:
            sums = dict((r[0], (r[1], r[2])) for r in s.execute(text(
                "SELECT customer_id, SUM(principal), SUM(bonus) FROM stored_value_entry "
                "GROUP BY customer_id")))
            cached = dict((r[0], (r[1], r[2], r[3])) for r in s.execute(text(
                "SELECT id, balance_principal, balance_bonus, balance_total FROM customer")))
        for c in self.cards:
            p, b = sums.get(c, (0, 0))
            assert p >= 0 and b >= 0, "a balance below zero"
            assert cached[c] == (p, b, p + b)
            assert stored_value.get_balance(self.db, self.owner, c) == \
                stored_value.Balance(p, b)
            assert (p + b, p) == (self.total[c], self.principal[c])
            assert self.refunded[c] <= self.paid_in[c], "refunded more than was paid in"


def test_stored_value_ledger_properties(store_template: Path, tmp_path: Path) -> None:
    StoredValueMachine.template = store_template
    StoredValueMachine.folder = tmp_path
    run_state_machine_as_test(StoredValueMachine, settings=SETTINGS)


def test_the_machine_catches_a_broken_cache(store_template: Path, tmp_path: Path) -> None:
    """The invariants are not vacuous: a cached balance changed behind the ledger is caught."""
    class Broken(StoredValueMachine):
        @rule(card=st.integers(0, CARDS - 1))
        def corrupt_cache(self, card: int) -> None:
            with self.db.write() as s:
                s.execute(text("UPDATE customer SET balance_total = balance_total + 1 "
                               "WHERE id = :c"), {"c": self.cards[card]})

    Broken.template = store_template
    Broken.folder = tmp_path
    with pytest.raises(AssertionError):
        run_state_machine_as_test(Broken, settings=settings(
            SETTINGS, max_examples=20, stateful_step_count=5, database=None,
            phases=[Phase.generate]))

