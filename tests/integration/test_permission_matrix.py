"""Every service action × every role, against a table written from PRODUCT.md "Who uses it":

* the owner does everything;
* the manager runs the day and the team, pays money back (refunds, reversals), but never changes
  the ladder nor adjusts a balance by hand;
* the front desk registers, looks up, tops up, takes payment and sells; pays nothing back,
  deletes and adjusts nothing, never touches staff records;
* sales staff work customers (register, look up, sell) and touch no money on a card.

An allowed call must succeed; a refused one must raise ``auth.permission_denied`` and leave one
``audit_entry`` with outcome ``refused`` naming the person. The table is the spec: when a role's
permissions change on purpose, change the row here too. A new service action adds one row.
"""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from opsdesk.db.engine import Database
from opsdesk.db.models import AuditEntry
from opsdesk.domain.errors import EnvironmentProblem, PermissionDenied
from opsdesk.domain.roles import Role
from opsdesk.services import (
    auth,
    maintenance,
    member_cards,
    member_export,
    member_import,
    member_search,
    members,
    products,
    sales,
    staff,
    stored_value,
    tiers,
)
from opsdesk.services.context import Actor

O, M, D, S = Role.OWNER, Role.MANAGER, Role.FRONT_DESK, Role.SALES  # noqa: E741 (a table reads best in letters)
ALL = {O, M, D, S}


@dataclass
class World:
    db: Database
    owner: Actor
    actors: dict[Role, Actor]
    customer: int
    product: int
    desk_person: int
    folder: Path
    n: itertools.count

    def op(self) -> str:
        return f"pm-{next(self.n)}"

    def sale(self) -> int:
        return sales.sell(self.db, self.owner, sales.SaleInput(
            self.customer, (sales.SaleLineInput(self.product),), "cash", self.op())).sale_id

    def top_up(self, amount: int = 1_000) -> str:
        op = self.op()
        stored_value.top_up(self.db, self.owner, self.customer, amount, "cash", op)
        return op


def _same_ladder(w: World, a: Actor) -> None:
    lad = tiers.get_ladder(w.db, w.owner)
    tiers.save_ladder(w.db, a, [
        tiers.TierInput(t.id, t.kind, t.name, t.rank, price=t.price,
                        validity_days=t.validity_days, discount=t.discount,
                        bonus_brackets=t.bonus_brackets, privileges=t.privileges,
                        fallback_ref=t.fallback_tier_id) for t in lad.tiers],
        [tiers.RuleInput(r.target_tier_id, r.min_cumulative_spend, r.min_single_topup,
                         r.from_tier_id) for r in lad.rules])


def _new_staff(w: World, a: Actor) -> None:
    i = next(w.n)
    staff.create_staff(w.db, a, staff.StaffInput(name=f"新人{i}", login=f"new{i}", role=S,
                                                 secret="2580"))


def _edit_desk_person(w: World, a: Actor) -> None:
    staff.update_staff(w.db, a, w.desk_person, staff.StaffInput(
        name="刘芳", login="liufang", role=D, position=f"前台{next(w.n)}"))


def _backup(w: World, a: Actor) -> None:
    try:
        maintenance.backup(w.db, a, w.folder / f"b{next(w.n)}.sqlite")
    except EnvironmentProblem as e:  # allowed, but a server database is backed up by its server
        assert e.code == "backup.server_database" and not w.db.is_sqlite


def _member(w: World) -> members.MemberInput:
    return members.MemberInput(phone=f"1370000{next(w.n):04d}", name="新客")


# action -> (roles allowed, call). Reads first, then writes; money last.
MATRIX: dict[str, tuple[set[Role], Callable[[World, Actor], object]]] = {
    "staff.list": (ALL, lambda w, a: staff.list_staff(w.db, a)),
    "department.list": (ALL, lambda w, a: staff.list_departments(w.db, a)),
    "staff.create": ({O, M}, _new_staff),
    "staff.update": ({O, M}, _edit_desk_person),
    "ladder.view": (ALL, lambda w, a: tiers.get_ladder(w.db, a)),
    "ladder.save": ({O}, _same_ladder),
    "tiers.run_lapses": ({O, M, D}, lambda w, a: tiers.run_lapses(w.db, a, date(2026, 1, 1))),
    "product.list": (ALL, lambda w, a: products.list_products(w.db, a)),
    "product.create": ({O, M}, lambda w, a: products.create_product(w.db, a, products.ProductInput(
        name=f"产品{next(w.n)}", kind="service", role="hit", price=100))),
    "product.update": ({O, M}, lambda w, a: products.update_product(
        w.db, a, w.product, products.ProductInput(name="面部护理", kind="service", role="hit",
                                                  price=10_000))),
    "member.duplicates": (ALL, lambda w, a: members.find_duplicates(w.db, a, "13800000001")),
    "member.search": (ALL, lambda w, a: member_search.search(w.db, a, "王")),
    "member.list": (ALL, lambda w, a: members.list_page(w.db, a)),
    "member.export": (ALL, lambda w, a: list(member_export.member_rows(w.db, a))),
    "member.view": (ALL, lambda w, a: members.get_profile(w.db, a, w.customer)),
    "member.cards": (ALL, lambda w, a: member_cards.card_rows(w.db, a, [w.customer])),
    "member.register": (ALL, lambda w, a: members.register(w.db, a, _member(w))),
    "member.update": (ALL, lambda w, a: members.update(w.db, a, w.customer, members.MemberInput(
        phone="13800000001", name="王丽", notes=f"备注{next(w.n)}"))),
    "member.import": (ALL, lambda w, a: member_import.import_members(w.db, a, [], "skip")),
    "stored_value.view": (ALL, lambda w, a: stored_value.get_balance(w.db, a, w.customer)),
    "stored_value.history": (ALL, lambda w, a: stored_value.history(w.db, a, w.customer)),
    "stored_value.topup": ({O, M, D}, lambda w, a: stored_value.top_up(
        w.db, a, w.customer, 500, "cash", w.op())),
    "stored_value.spend": ({O, M, D}, lambda w, a: stored_value.spend(
        w.db, a, w.customer, 1, w.op())),
    "stored_value.refund": ({O, M}, lambda w, a: stored_value.refund(
        w.db, a, w.customer, 1, "cash", w.op())),
    "stored_value.reverse": ({O, M}, lambda w, a: stored_value.reverse(
        w.db, a, w.top_up(), w.op())),
    "stored_value.adjust": ({O}, lambda w, a: stored_value.adjust(
        w.db, a, w.customer, 0, 1, "开业赠送", w.op())),
    "sale.create": (ALL, lambda w, a: sales.sell(w.db, a, sales.SaleInput(
        w.customer, (sales.SaleLineInput(w.product),), "cash", w.op()))),
    "sale.view": (ALL, lambda w, a: sales.get_sale(w.db, a, w.sale())),
    "sale.refund": ({O, M}, lambda w, a: sales.refund_sale(w.db, a, w.sale(), w.op(), "退货")),
    "db.backup": ({O, M, D}, _backup),
}


@pytest.fixture
def world(db: Database, store: Actor, tmp_path: Path) -> World:
    for name, login, role, pin in (("陈静", "chenjing", M, "8642"), ("刘芳", "liufang", D, "1357"),
                                   ("张伟", "zhangwei", S, "5678")):
        staff.create_staff(db, store, staff.StaffInput(name=name, login=login, role=role,
                                                       secret=pin))
    actors = {O: store, M: auth.login(db, "chenjing", "8642"),
              D: auth.login(db, "liufang", "1357"), S: auth.login(db, "zhangwei", "5678")}
    tiers.save_ladder(db, store, [tiers.TierInput(-1, "regular", "银卡", 20, price=0,
                                                  validity_days=365)], [])
    customer = members.register(db, store, members.MemberInput(phone="13800000001",
                                                               name="王丽")).id
    product = products.create_product(db, store, products.ProductInput(
        name="面部护理", kind="service", role="hit", price=10_000)).id
    w = World(db, store, actors, customer, product, actors[D].staff_id, tmp_path, itertools.count())
    stored_value.top_up(db, store, customer, 1_000_000, "cash", "pm-start")
    return w


def refusals(db: Database) -> list[tuple[str, int | None]]:
    with db.read() as s:
        return list(s.execute(select(AuditEntry.action, AuditEntry.actor_id)
                              .where(AuditEntry.outcome == "refused").order_by(AuditEntry.id)))


def test_every_action_for_every_role(world: World) -> None:
    wrong: list[str] = []
    cells = 0
    for action, (allowed, call) in MATRIX.items():
        for role in (O, M, D, S):
            actor = world.actors[role]
            before = refusals(world.db)
            cells += 1
            try:
                call(world, actor)
            except PermissionDenied as e:
                new = refusals(world.db)[len(before):]
                if role in allowed:
                    wrong.append(f"{action} refused to {role} ({e.params})")
                elif new != [(action, actor.staff_id)] and not (
                        len(new) == 1 and new[0][1] == actor.staff_id):
                    wrong.append(f"{action} refused to {role} but audited as {new}")
                continue
            if role not in allowed:
                wrong.append(f"{action} allowed to {role}")
            elif refusals(world.db) != before:
                wrong.append(f"{action} allowed to {role} yet a refusal was audited")
    assert not wrong, "\n".join(wrong)
    assert cells == 4 * len(MATRIX)


def test_the_matrix_names_every_public_service_call_that_checks_a_permission() -> None:
    """A new permission-checked call must get a row here."""
    import inspect

    actions = set()
    for mod in (staff, tiers, products, members, member_search, member_cards, member_import,
                stored_value, sales, maintenance):
        actions |= set(re.findall(r'audit\.require\([^)]*?"([a-z_.]+)"', inspect.getsource(mod)))
    assert len(actions) > 20
    missing = actions - set(MATRIX)
    assert not missing, f"service actions without a row in MATRIX: {sorted(missing)}"


def _tamper(db_path: Path, sql: str) -> None:
    import sqlite3

    con = sqlite3.connect(db_path)
    with con:
        con.execute(sql)
    con.close()


@pytest.mark.parametrize("edit", [
    "UPDATE audit_entry SET target = target || 'x' WHERE id = (SELECT MIN(id) + 2 FROM audit_entry)",
    "DELETE FROM audit_entry WHERE id = (SELECT MIN(id) + 1 FROM audit_entry)",
], ids=["edited", "deleted"])
def test_opsdesk_check_reports_an_audit_log_changed_outside_the_app(
        world: World, db_path: Path, edit: str) -> None:
    world.db.dispose()
    cmd = [sys.executable, "-m", "opsdesk", "check", "--db", str(db_path)]
    clean = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    _tamper(db_path, edit)
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert out.returncode == 3, out.stdout + out.stderr
    assert "PROBLEM: audit entry" in out.stdout
    with world.db.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry))
