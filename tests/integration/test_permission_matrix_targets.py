"""Organisation and targets × every role, written from PRODUCT.md "Who uses it":

* the owner sets yearly targets; the manager tracks the plan day by day (and may revise it and
  run the capacity planner: ``targets.manage``) and manages departments and positions;
* everyone sees their own targets and progress; only owner and manager see the team's;
* the front desk and sales staff edit no department, position or plan.

An allowed call must succeed; a refused one raises ``auth.permission_denied`` and leaves one
``audit_entry`` with outcome ``refused`` naming the person.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import select

from opsdesk.db.engine import Database
from opsdesk.db.models import AuditEntry
from opsdesk.domain.errors import PermissionDenied
from opsdesk.domain.roles import Role
from opsdesk.domain.targets import Indicator, Plan, plan_indicator
from opsdesk.services import auth, organisation, staff, targets, tracking
from opsdesk.services.context import Actor

O, M, D, S = Role.OWNER, Role.MANAGER, Role.FRONT_DESK, Role.SALES  # noqa: E741
ALL = {O, M, D, S}
YEAR = 2026


@dataclass
class World:
    db: Database
    owner: Actor
    actors: dict[Role, Actor]
    seller: int
    colleague: int
    n: itertools.count


def _plan(w: World) -> Plan:
    units = {targets.staff_unit(w.seller): 1, targets.staff_unit(w.colleague): 1}
    return Plan(YEAR, (plan_indicator(YEAR, Indicator.DEALS, 100, units),))


def _own(w: World, a: Actor) -> object:
    return targets.actuals(w.db, a, date(YEAR, 1, 1), date(YEAR, 1, 31), staff_id=a.staff_id)


MATRIX: dict[str, tuple[set[Role], Callable[[World, Actor], object]]] = {
    "position.list": (ALL, lambda w, a: organisation.list_positions(w.db, a)),
    "department.save": ({O, M}, lambda w, a: organisation.save_department(
        w.db, a, organisation.DepartmentInput(f"部门{next(w.n)}"))),
    "position.save": ({O, M}, lambda w, a: organisation.save_position(
        w.db, a, organisation.PositionInput(f"岗位{next(w.n)}", duties="职责"))),
    "targets.person_month": (ALL, lambda w, a: targets.person_month_targets(w.db, a, YEAR, 1)),
    "targets.actuals": (ALL, _own),
    # without the team's view "everybody" narrows to one's own row (checked below)
    "targets.actuals_team": (ALL, lambda w, a: targets.actuals(
        w.db, a, date(YEAR, 1, 1), date(YEAR, 1, 31))),
    "targets.actuals_colleague": ({O, M}, lambda w, a: targets.actuals(
        w.db, a, date(YEAR, 1, 1), date(YEAR, 1, 31), staff_id=w.colleague)),
    "targets.plan_view": (ALL, lambda w, a: targets.current_plan(w.db, a, YEAR)),
    "targets.tracking": (ALL, lambda w, a: tracking.tracking(w.db, a, date(YEAR, 3, 2))),
    "targets.person_sales": ({O, M}, lambda w, a: tracking.person_sales(
        w.db, a, w.colleague, date(YEAR, 1, 1), date(YEAR, 1, 31))),
    "targets.planning_data": ({O, M}, lambda w, a: targets.planning_data(
        w.db, a, YEAR, date(YEAR, 1, 5))),
    "targets.plan_save": ({O, M}, lambda w, a: targets.save_plan(
        w.db, a, targets.PlanDraft(_plan(w)))),
}
# The audit action each row is refused under (rows that test one call two ways share one).
ACTION = {"targets.actuals_team": "targets.actuals", "targets.actuals_colleague": "targets.actuals"}


@pytest.fixture
def world(db: Database, store: Actor) -> World:
    for name, login, role, pin in (("陈静", "chenjing", M, "8642"), ("刘芳", "liufang", D, "1357"),
                                   ("张伟", "zhangwei", S, "5678"), ("李娜", "lina", S, "5679")):
        staff.create_staff(db, store, staff.StaffInput(name=name, login=login, role=role,
                                                       secret=pin))
    actors = {O: store, M: auth.login(db, "chenjing", "8642"),
              D: auth.login(db, "liufang", "1357"), S: auth.login(db, "zhangwei", "5678")}
    colleague = auth.login(db, "lina", "5679").staff_id
    w = World(db, store, actors, actors[S].staff_id, colleague, itertools.count())
    targets.save_plan(db, store, targets.PlanDraft(_plan(w)))
    return w


def refusals(db: Database) -> list[tuple[str, int | None]]:
    with db.read() as s:
        return list(s.execute(select(AuditEntry.action, AuditEntry.actor_id)
                              .where(AuditEntry.outcome == "refused").order_by(AuditEntry.id)))


def test_every_action_for_every_role(world: World) -> None:
    wrong: list[str] = []
    for action, (allowed, call) in MATRIX.items():
        for role in (O, M, D, S):
            actor = world.actors[role]
            before = refusals(world.db)
            try:
                call(world, actor)
            except PermissionDenied as e:
                new = refusals(world.db)[len(before):]
                if role in allowed:
                    wrong.append(f"{action} refused to {role} ({e.params})")
                elif new != [(ACTION.get(action, action), actor.staff_id)]:
                    wrong.append(f"{action} refused to {role} but audited as {new}")
                continue
            if role not in allowed:
                wrong.append(f"{action} allowed to {role}")
            elif refusals(world.db) != before:
                wrong.append(f"{action} allowed to {role} yet a refusal was audited")
    assert not wrong, "\n".join(wrong)


def test_a_seller_sees_only_their_own_targets(world: World) -> None:
    a = world.actors[S]
    assert set(targets.person_month_targets(world.db, a, YEAR, 1)) == {a.staff_id}
    assert set(targets.actuals(world.db, a, date(YEAR, 1, 1), date(YEAR, 1, 2))) == {a.staff_id}
    view = tracking.tracking(world.db, a, date(YEAR, 3, 2))
    assert [(r.level, r.key) for r in view.rows] == [("person", a.staff_id)]
    team = tracking.tracking(world.db, world.actors[M], date(YEAR, 3, 2))
    assert [r.level for r in team.rows][:1] == ["store"]


def test_the_matrix_names_every_permission_checked_call() -> None:
    import inspect
    import re

    actions = set()
    for mod in (organisation, targets, tracking):
        actions |= set(re.findall(r'"((?:targets|position|department)\.[a-z_]+)"',
                                  inspect.getsource(mod)))
    actions -= {"department.create", "department.update", "position.create",
                "position.update", "targets.unit_invalid", "targets.unknown_staff",
                "targets.plan_empty", "targets.range_reversed", "targets.invalid_month",
                "targets.invalid_year", "targets.no_ratio", "targets.no_plan"}
    missing = actions - set(MATRIX) - set(ACTION.values())
    assert not missing, f"permission-checked calls without a row: {sorted(missing)}"
