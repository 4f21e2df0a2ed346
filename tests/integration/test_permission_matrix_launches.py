"""Every launch action × every role, against the table of PRODUCT.md "Who uses it": everyone
records entries, locks and full payments (the front desk and sales staff take them); only the
owner and the manager set launches up, open and close them, and pay money back.

An allowed call must succeed; a refused one must raise ``auth.permission_denied`` and leave one
``audit_entry`` with outcome ``refused`` naming the person and the action.
"""

from __future__ import annotations

import inspect
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import AuditEntry
from opsdesk.domain.errors import PermissionDenied
from opsdesk.domain.roles import Role
from opsdesk.services import auth, launches, staff
from opsdesk.services.context import Actor
from tests.integration.services.launch_helpers import DAY, customer, op, open_launch, terms

O, M, D, S = Role.OWNER, Role.MANAGER, Role.FRONT_DESK, Role.SALES  # noqa: E741
ALL = {O, M, D, S}


@dataclass
class World:
    db: Database
    owner: Actor
    actors: dict[Role, Actor]
    launch: int
    n: itertools.count

    def customer(self) -> int:
        return customer(self.db, self.owner, 100 + next(self.n))

    def locked(self) -> int:
        c = self.customer()
        launches.record_entry(self.db, self.owner, self.launch, c, "cash", op())
        launches.record_lock(self.db, self.owner, self.launch, c, "cash", op())
        return c

    def waiting(self) -> int:
        full = open_launch(self.db, self.owner, capacity=1, name=f"满员{next(self.n)}")
        launches.record_lock(self.db, self.owner, full, self.customer(), "cash", op())
        c = self.customer()
        launches.record_lock(self.db, self.owner, full, c, "cash", op())
        self.full = full
        return c


def _leave(w: World, a: Actor) -> None:
    c = w.waiting()
    launches.leave_waitlist(w.db, a, w.full, c)


MATRIX: dict[str, tuple[set[Role], Callable[[World, Actor], object]]] = {
    "launch.view": (ALL, lambda w, a: launches.list_launches(w.db, a)),
    "launch.create": ({O, M}, lambda w, a: launches.create_launch(w.db, a, terms())),
    "launch.update": ({O, M}, lambda w, a: launches.update_launch(w.db, a, w.launch,
                                                                  terms(capacity=None))),
    "launch.status": ({O, M}, lambda w, a: launches.set_status(
        w.db, a, launches.create_launch(w.db, w.owner, terms()).id, "open")),
    "launch.entry": (ALL, lambda w, a: launches.record_entry(w.db, a, w.launch, w.customer(),
                                                             "cash", op())),
    "launch.lock": (ALL, lambda w, a: launches.record_lock(w.db, a, w.launch, w.customer(),
                                                           "wechat", op())),
    "launch.deal": (ALL, lambda w, a: launches.record_deal(w.db, a, w.launch, w.locked(),
                                                           "cash", op())),
    "launch.leave_waitlist": (ALL, _leave),
    "launch.entry_refund": ({O, M}, lambda w, a: launches.refund_entry(
        w.db, a, w.launch, w.locked(), None, op())),
    "launch.cancel_lock": ({O, M}, lambda w, a: launches.cancel_lock(
        w.db, a, w.launch, w.locked(), None, op())),
    "launch.refund_override": ({O, M}, lambda w, a: launches.cancel_lock(
        w.db, a, w.launch, w.locked(), None, op(), override=True)),
}


# A role without the refund permission is stopped at the refund itself, before the override.
REFUSED_AS = {"launch.refund_override": "launch.cancel_lock"}


@pytest.fixture
def world(db: Database, store: Actor) -> World:
    for name, login, role, pin in (("陈静", "chenjing", M, "8642"), ("刘芳", "liufang", D, "1357"),
                                   ("张伟", "zhangwei", S, "5678")):
        staff.create_staff(db, store, staff.StaffInput(name=name, login=login, role=role,
                                                       secret=pin))
    actors = {O: store, M: auth.login(db, "chenjing", "8642"),
              D: auth.login(db, "liufang", "1357"), S: auth.login(db, "zhangwei", "5678")}
    return World(db, store, actors, open_launch(db, store, capacity=None), itertools.count())


def refusals(db: Database) -> list[tuple[str, int | None]]:
    with db.read() as s:
        return list(s.execute(select(AuditEntry.action, AuditEntry.actor_id)
                              .where(AuditEntry.outcome == "refused").order_by(AuditEntry.id)))


def test_every_launch_action_for_every_role(world: World) -> None:
    wrong: list[str] = []
    with clock.frozen(DAY):
        for action, (allowed, call) in MATRIX.items():
            for role in (O, M, D, S):
                actor = world.actors[role]
                before = refusals(world.db)
                try:
                    call(world, actor)
                except PermissionDenied:
                    new = refusals(world.db)[len(before):]
                    if role in allowed:
                        wrong.append(f"{action} refused to {role}")
                    elif new != [(REFUSED_AS.get(action, action), actor.staff_id)]:
                        wrong.append(f"{action} refused to {role} but audited as {new}")
                    continue
                if role not in allowed:
                    wrong.append(f"{action} allowed to {role}")
                elif refusals(world.db) != before:
                    wrong.append(f"{action} allowed to {role} yet a refusal was audited")
    assert not wrong, "\n".join(wrong)


def test_the_matrix_names_every_permission_checked_launch_call() -> None:
    actions = set(re.findall(r"(?:audit\.require|_begin|_begin_refund)\([^)]*?\"([a-z_.]+)\"",
                             inspect.getsource(launches)))
    assert actions == set(MATRIX), sorted(actions ^ set(MATRIX))
