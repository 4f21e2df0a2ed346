"""A writer process for the crash and concurrency tests: posts ledger operations through the real
services on a real store, and prints one line per operation only AFTER its service call returned
(the transaction committed), so every printed line is a promise the database must keep.

    python tests/ledger_writer.py stream DB PREFIX SEED     # random operations until killed
    python tests/ledger_writer.py topups DB PREFIX N CUSTOMER_ID AMOUNT

Lines: ``ready`` once set up, then ``<ledger> <operation id> <kind> <amount>``; a refused request
prints ``refused <operation id> <code>`` (nothing was posted), a replayed one
``replay <operation id>``. The store must exist and hold at least one customer; the writer acts
as the store's owner.

A new ledger joins the stream by adding a function to ``OPERATIONS`` (and its table to the
crash test's ``LEDGER_OPERATIONS``).
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select  # noqa: E402

from opsdesk.db.models import Customer, Staff  # noqa: E402
from opsdesk.db.opening import open_database  # noqa: E402
from opsdesk.domain.errors import OpsError  # noqa: E402
from opsdesk.domain.roles import Role  # noqa: E402
from opsdesk.services import stored_value  # noqa: E402
from opsdesk.services.context import Actor  # noqa: E402


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


class Writer:
    def __init__(self, target: str, prefix: str) -> None:
        self.db = open_database(target).db
        with self.db.read() as s:
            owner = s.scalars(select(Staff).where(Staff.role == "owner").order_by(Staff.id)).first()
            self.customers = list(s.scalars(select(Customer.id).where(
                Customer.store_id == owner.store_id).order_by(Customer.id)))
            self.actor = Actor(owner.store_id, owner.id, Role.OWNER, owner.name)
        self.prefix = prefix
        self.n = 0
        # Confirmed operations and the call that made them, for replays.
        self.done: list[tuple[str, Callable[[], object]]] = []

    def next_id(self) -> str:
        self.n += 1
        return f"{self.prefix}-{self.n}"

    def call(self, op: str, fn: Callable[[], stored_value.LedgerResult], kind: str) -> None:
        try:
            r = fn()
        except OpsError as e:
            say(f"refused {op} {e.code}")
            return
        amount = r.principal + r.bonus
        say(f"stored_value {op} {kind} {amount}")
        self.done.append((op, fn))


def _top_up(w: Writer, rng: random.Random) -> None:
    op, c, amount = w.next_id(), rng.choice(w.customers), rng.randint(1, 200_000)
    w.call(op, lambda: stored_value.top_up(w.db, w.actor, c, amount, "cash", op), "topup")


def _spend(w: Writer, rng: random.Random) -> None:
    op, c, amount = w.next_id(), rng.choice(w.customers), rng.randint(1, 150_000)
    w.call(op, lambda: stored_value.spend(w.db, w.actor, c, amount, op), "spend")


def _refund(w: Writer, rng: random.Random) -> None:
    op, c = w.next_id(), rng.choice(w.customers)
    amount = None if rng.random() < 0.2 else rng.randint(1, 50_000)
    w.call(op, lambda: stored_value.refund(w.db, w.actor, c, amount, "cash", op), "refund")


def _replay(w: Writer, rng: random.Random) -> None:
    if not w.done:
        return
    op, fn = rng.choice(w.done)
    r = fn()
    if not r.replayed:  # pragma: no cover - the test fails on the line below
        say(f"posted-twice {op}")
    else:
        say(f"replay {op}")


OPERATIONS: list[tuple[Callable[[Writer, random.Random], None], int]] = [
    (_top_up, 5), (_spend, 4), (_refund, 1), (_replay, 1),
]


def stream(target: str, prefix: str, seed: int) -> None:
    w = Writer(target, prefix)
    rng = random.Random(seed)
    funcs, weights = zip(*OPERATIONS, strict=True)
    say("ready")
    while True:
        rng.choices(funcs, weights)[0](w, rng)


def topups(target: str, prefix: str, n: int, customer_id: int, amount: int) -> None:
    w = Writer(target, prefix)
    say("ready")
    for _ in range(n):
        op = w.next_id()
        w.call(op, lambda op=op: stored_value.top_up(w.db, w.actor, customer_id, amount, "cash",
                                                     op), "topup")


if __name__ == "__main__":
    mode, target, prefix, *rest = sys.argv[1:]
    if mode == "stream":
        stream(target, prefix, int(rest[0]))
    elif mode == "topups":
        topups(target, prefix, int(rest[0]), int(rest[1]), int(rest[2]))
    else:
        sys.exit(f"unknown mode {mode}")
