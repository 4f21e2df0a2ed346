"""Every incentive action × every role, from PRODUCT.md "Who uses it": only the owner (and a
manager the owner allowed) sees pay; the front desk and sales staff see nothing of anyone else's
pay, through any service; everyone may see their own slip of a locked month; the owner alone
changes schemes and runs; the owner and the manager score assessments and run contests.

An allowed call must succeed; a refused one must raise ``auth.permission_denied`` and leave one
``audit_entry`` with outcome ``refused`` naming the person. A second table repeats the pay reads
after the owner granted the manager access.
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
from opsdesk.domain.incentives import PayScheme, SchemeOverride
from opsdesk.domain.roles import Role
from opsdesk.services import assessments, contests, incentives, pay_runs
from opsdesk.services.context import Actor
from tests.integration.services.pay_helpers import (
    MONTH,
    YEAR,
    Payroll,
    make_payroll,
    score_attitude,
)

O, M, D, S = Role.OWNER, Role.MANAGER, Role.FRONT_DESK, Role.SALES  # noqa: E741
ALL = {O, M, D, S}


@dataclass
class World:
    p: Payroll
    actors: dict[Role, Actor]
    other_slip: int  # a locked slip of the front desk's colleague 张伟 (not the actor's own)
    n: itertools.count

    @property
    def db(self) -> Database:
        return self.p.db


def _own_slip(w: World, a: Actor) -> None:
    mine = pay_runs.my_slips(w.db, a)
    if a.role is not O:  # the owner is not on the payroll
        assert mine and all(x.staff_id == a.staff_id for x in mine)
        pay_runs.slip(w.db, a, mine[0].id)


def _month(w: World) -> int:
    return 4 + next(w.n) % 6


MATRIX: dict[str, tuple[set[Role], Callable[[World, Actor], object]]] = {
    "pay_slip.own": (ALL, _own_slip),
    "pay_slip.view (someone else's)": ({O}, lambda w, a: pay_runs.slip(w.db, a, w.other_slip)),
    "pay_run.view": ({O}, lambda w, a: pay_runs.get_run(w.db, a, YEAR, MONTH)),
    "pay_run.list": ({O}, lambda w, a: pay_runs.list_runs(w.db, a)),
    "pay_run.export rows": ({O}, lambda w, a: pay_runs.run_rows(w.db, a, YEAR, MONTH)),
    "pay_entry.list": ({O}, lambda w, a: pay_runs.list_entries(w.db, a, YEAR, MONTH)),
    "pay.schemes": ({O}, lambda w, a: incentives.list_schemes(w.db, a)),
    "pay.scheme.view": ({O}, lambda w, a: incentives.scheme_for(w.db, a, w.p.seller.staff_id)),
    "pay.scheme.save": ({O}, lambda w, a: incentives.save_position_scheme(
        w.db, a, w.p.positions["desk"], PayScheme(base_pay=250_000, performance_base=50_000))),
    "pay.override.save": ({O}, lambda w, a: incentives.save_override(
        w.db, a, w.p.desk.staff_id, SchemeOverride(base_pay=260_000))),
    "pay.access": ({O}, lambda w, a: incentives.manager_pay_access(w.db, a)),
    "pay_entry.add": ({O}, lambda w, a: pay_runs.add_entry(w.db, a, pay_runs.EntryInput(
        w.p.seller.staff_id, YEAR, _month(w), "deduction", 100, "迟到"))),
    "pay_run.draft": ({O}, lambda w, a: pay_runs.draft_run(w.db, a, YEAR, _month(w))),
    "pay_run.lock": ({O}, lambda w, a: (pay_runs.draft_run(w.db, w.p.owner, YEAR, m := 12 - next(
        w.n) % 3), pay_runs.lock_run(w.db, a, YEAR, m)) if a.role is O else pay_runs.lock_run(
        w.db, a, YEAR, 12)),
    "assessment.template.save": ({O}, lambda w, a: assessments.save_template(w.db, a, [
        assessments.ItemInput(i.code, i.weight, i.source, i.cap, i.default_target)
        for i in assessments.get_template(w.db, a)])),
    "assessment.template.view": (ALL, lambda w, a: assessments.get_template(w.db, a)),
    "assessment.template.save (a position's)": ({O}, lambda w, a: assessments.save_template(
        w.db, a, [assessments.ItemInput("new_customers", 50, "auto", 1, 20),
                  assessments.ItemInput("attitude", 50, "manual", 1, 10)],
        w.p.positions["desk"])),
    "assessment.template.view (a position's)": (ALL, lambda w, a: assessments.get_template(
        w.db, a, w.p.positions["desk"])),
    "assessment.template.drop": ({O}, lambda w, a: assessments.drop_template(
        w.db, a, w.p.positions["desk"])),
    "assessment.score": ({O, M}, lambda w, a: assessments.set_manual(
        w.db, a, w.p.seller.staff_id, YEAR, 5, {"attitude": 9})),
    "assessment.refresh": ({O, M}, lambda w, a: assessments.refresh_month(w.db, a, YEAR, 5)),
    "assessment.view (own or team)": (ALL, lambda w, a: assessments.month_assessments(
        w.db, a, YEAR, MONTH)),
    "contest.create": ({O, M}, lambda w, a: contests.create_contest(w.db, a, contests.ContestInput(
        f"PK{next(w.n)}", "visits", date(2026, 6, 1), date(2026, 6, 30),
        [(w.p.seller.staff_id, "")], [10_000]))),
    "contest.leaderboard": (ALL, lambda w, a: [contests.leaderboard(w.db, a, c.id)
                                               for c in contests.list_contests(w.db, a)]),
    "promotion.levels.save": ({O}, lambda w, a: incentives.save_promotion_levels(w.db, a, [
        incentives.LevelInput("senior", "资深顾问", 1, months=3, min_attainment=1)])),
    "promotion.levels.view": (ALL, lambda w, a: incentives.promotion_levels(w.db, a)),
    "promotion.candidates": ({O, M}, lambda w, a: incentives.promotion_candidates(
        w.db, a, YEAR, MONTH)),
    "promotion.promote": ({O}, lambda w, a: incentives.set_staff_level(
        w.db, a, w.p.seller.staff_id, None)),
}

# With the owner's permission a manager reads pay; changing it stays the owner's.
GRANTED: dict[str, set[Role]] = {
    "pay_slip.view (someone else's)": {O, M},
    "pay_run.view": {O, M},
    "pay_run.list": {O, M},
    "pay_run.export rows": {O, M},
    "pay_entry.list": {O, M},
    "pay.schemes": {O, M},
    "pay.scheme.view": {O, M},
}


@pytest.fixture
def world(db: Database, store: Actor) -> World:
    p = make_payroll(db, store)
    score_attitude(p)
    contests.create_contest(db, store, contests.ContestInput(
        "三月 PK", "deals", date(2026, 3, 1), date(2026, 3, 31),
        [(p.seller.staff_id, ""), (p.apprentice.staff_id, "")], [10_000]))
    pay_runs.draft_run(db, store, YEAR, MONTH)
    pay_runs.lock_run(db, store, YEAR, MONTH)
    run = pay_runs.get_run(db, store, YEAR, MONTH)
    other = next(x.id for x in run.slips if x.staff_id == p.seller.staff_id)
    for m in range(4, 13):
        score_attitude_month(p, m)
    actors = {O: store, M: p.manager, D: p.desk, S: p.apprentice}
    return World(p, actors, other, itertools.count())


def score_attitude_month(p: Payroll, month: int) -> None:
    for sid in p.people.values():
        assessments.set_manual(p.db, p.owner, sid, YEAR, month, {"attitude": 10})


def refusals(db: Database) -> list[tuple[str, int | None]]:
    with db.read() as s:
        return list(s.execute(select(AuditEntry.action, AuditEntry.actor_id)
                              .where(AuditEntry.outcome == "refused").order_by(AuditEntry.id)))


def _run_matrix(world: World, table: dict[str, tuple[set[Role], Callable]]) -> list[str]:
    wrong: list[str] = []
    for action, (allowed, call) in table.items():
        for role in (O, M, D, S):
            actor = world.actors[role]
            before = refusals(world.db)
            try:
                call(world, actor)
            except PermissionDenied as e:
                new = refusals(world.db)[len(before):]
                if role in allowed:
                    wrong.append(f"{action} refused to {role} ({e.params})")
                elif len(new) != 1 or new[0][1] != actor.staff_id:
                    wrong.append(f"{action} refused to {role} but audited as {new}")
                continue
            if role not in allowed:
                wrong.append(f"{action} allowed to {role}")
            elif refusals(world.db) != before:
                wrong.append(f"{action} allowed to {role} but a refusal was audited")
    return wrong


def test_every_incentive_action_for_every_role(world: World) -> None:
    assert _run_matrix(world, MATRIX) == []


def test_a_manager_reads_pay_once_the_owner_allows_it(world: World) -> None:
    incentives.set_manager_pay_access(world.db, world.p.owner, True)
    table = {k: (GRANTED.get(k, allowed), call) for k, (allowed, call) in MATRIX.items()
             if k in GRANTED or k.startswith("pay.scheme.save") or k == "pay_run.draft"}
    assert _run_matrix(world, table) == []
    incentives.set_manager_pay_access(world.db, world.p.owner, False)
    with pytest.raises(PermissionDenied):
        pay_runs.get_run(world.db, world.p.manager, YEAR, MONTH)


def test_the_gui_and_exports_show_no_one_else_s_pay(world: World) -> None:
    """The same services feed the Pay page, the .xlsx export and the slips PDF: a salesperson's
    every path yields their own locked slip and nothing else."""
    a = world.actors[S]
    assert {x.staff_id for x in pay_runs.my_slips(world.db, a)} == {a.staff_id}
    for call in (lambda: pay_runs.run_rows(world.db, a, YEAR, MONTH),
                 lambda: pay_runs.get_run(world.db, a, YEAR, MONTH),
                 lambda: incentives.list_schemes(world.db, a)):
        with pytest.raises(PermissionDenied):
            call()
    assert not incentives.can_view_pay(world.db, a)
    assert not incentives.can_view_pay(world.db, world.actors[D])
