"""Every promotion action × every role, from PRODUCT.md "Who uses it": the owner designs the
promoter and partner terms and locks settlements; the manager runs promoters, ponds and channel
spend and pays commission out; the front desk and sales staff see none of it (commission data is
pay data) but may link a referrer while registering.

An allowed call must succeed; a refused one raises ``auth.permission_denied`` and leaves one
``audit_entry`` with outcome ``refused``. A new action adds one row.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from opsdesk.db import clock
from opsdesk.db.models import AuditEntry
from opsdesk.domain.errors import PermissionDenied
from opsdesk.domain.incentives import Bracket
from opsdesk.domain.ponds import PondTerms
from opsdesk.domain.promoters import CommissionPlan
from opsdesk.domain.referrals import RewardRule
from opsdesk.domain.roles import Role
from opsdesk.services import auth, channels, members, ponds, promoters, referrals, staff
from opsdesk.services.context import Actor

O, M, D, S = Role.OWNER, Role.MANAGER, Role.FRONT_DESK, Role.SALES  # noqa: E741
ALL = {O, M, D, S}
ops = itertools.count()
PLAN = CommissionPlan(brackets=(Bracket(0, None, "5%"),), refund_window_days=0)


@pytest.fixture
def world(db, store):  # noqa: ANN001, ANN201
    actors = {O: store}
    for role, login in ((M, "mgr"), (D, "desk"), (S, "seller")):
        staff.create_staff(db, store, staff.StaffInput(name=login, login=login, role=role,
                                                       secret="1357"))
        actors[role] = auth.login(db, login, "1357")
    with clock.frozen(datetime(2025, 1, 2, 9)):
        a = members.register(db, store, members.MemberInput(phone="13800000001", name="甲")).id
        b = members.register(db, store, members.MemberInput(phone="13800000002", name="乙")).id
        lv = promoters.save_level(db, store, promoters.LevelInput(None, "推广员", 1, PLAN))
        p = promoters.enrol(db, store, promoters.EnrolInput(a, lv.id, "e0"))
        pond = ponds.save_pond(db, store, ponds.PondInput(None, "瑜伽馆"))
        ponds.add_contract(db, store, pond.id, PondTerms(date(2025, 1, 1), fee_per_customer=1))
    return {"db": db, "actors": actors, "a": a, "b": b, "level": lv.id, "promoter": p.id,
            "pond": pond.id}


def _c(db, actor: Actor, w):  # noqa: ANN001, ANN202
    return db, actor


ACTIONS: list[tuple[str, set[Role], Callable]] = [
    ("referral rules: save", {O}, lambda w, x: referrals.save_rules(
        w["db"], x, (RewardRule(0, next(ops) + 100, bonus=1),))),
    ("referral rules: view", ALL, lambda w, x: referrals.get_rules(w["db"], x)),
    ("referrer: link", ALL, lambda w, x: referrals.set_referrer(w["db"], x, w["b"], w["a"])),
    ("referral tree", ALL, lambda w, x: referrals.tree(w["db"], x, w["a"])),
    ("fission figures", ALL, lambda w, x: referrals.fission(w["db"], x, 2025)),
    ("promoter level: save", {O, M}, lambda w, x: promoters.save_level(
        w["db"], x, promoters.LevelInput(None, f"L{next(ops)}", 10 + next(ops), PLAN))),
    ("promoters: list", {O, M}, lambda w, x: promoters.list_promoters(w["db"], x)),
    ("promoter: enrol", {O, M}, lambda w, x: promoters.enrol(
        w["db"], x, promoters.EnrolInput(members.register(
            w["db"], w["actors"][O], members.MemberInput(
                phone=f"1390000{next(ops):04d}", name="丙")).id, w["level"], f"e{next(ops)}"))),
    ("promoter: credit a customer", {O, M}, lambda w, x: promoters.attach_customer(
        w["db"], x, w["b"], w["promoter"])),
    ("promoter: ledger", {O, M}, lambda w, x: promoters.ledger(w["db"], x, w["promoter"])),
    ("promoter: leaderboard", {O, M}, lambda w, x: promoters.leaderboard(
        w["db"], x, date(2025, 1, 1), date(2025, 12, 31))),
    ("promoter: statement", {O, M}, lambda w, x: promoters.statement(
        w["db"], x, w["promoter"], 2025, 1)),
    ("ponds: list", {O, M}, lambda w, x: ponds.list_ponds(w["db"], x)),
    ("pond: save", {O, M}, lambda w, x: ponds.save_pond(
        w["db"], x, ponds.PondInput(None, f"塘{next(ops)}"))),
    ("pond: preview", {O, M}, lambda w, x: ponds.preview(w["db"], x, w["pond"], 2025, 1)),
    ("pond: lock a month", {O}, lambda w, x: ponds.lock(
        w["db"], x, w["pond"], 2025, 1 + next(ops) % 6, f"l{next(ops)}")),
    ("channels: spend", {O, M}, lambda w, x: channels.set_spend(
        w["db"], x, channels.SpendInput("walk_in", "flyer", 2025, 1, 100))),
    ("channels: acquisition", {O, M}, lambda w, x: channels.acquisition(
        w["db"], x, date(2025, 1, 1), date(2025, 1, 31))),
]


@pytest.mark.parametrize(("name", "allowed", "call"), ACTIONS, ids=[a[0] for a in ACTIONS])
@pytest.mark.parametrize("role", [O, M, D, S])
def test_matrix(world, name, allowed, call, role) -> None:  # noqa: ANN001
    db, actor = world["db"], world["actors"][role]

    def refused() -> int:
        with db.read() as s:
            return s.scalar(select(func.count()).select_from(AuditEntry).where(
                AuditEntry.outcome == "refused", AuditEntry.actor_id == actor.staff_id))

    before = refused()
    with clock.frozen(datetime(2025, 8, 1, 10)):
        if role in allowed:
            call(world, actor)
            assert refused() == before
        else:
            with pytest.raises(PermissionDenied):
                call(world, actor)
            assert refused() == before + 1


def test_payout_is_owner_and_manager_only(world) -> None:  # noqa: ANN001
    db = world["db"]
    for role in (D, S):
        with pytest.raises(PermissionDenied):
            promoters.payout(db, world["actors"][role], world["promoter"], 1, "cash", "p1")
