"""The year's plan: versions, a person's month targets, and what people actually did."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from conftest import Shop  # type: ignore[import-not-found]
from sqlalchemy import func, select

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models.targets import TargetPlan, TargetPlanMonth
from opsdesk.domain.errors import PermissionDenied, ValidationError
from opsdesk.domain.roles import Role
from opsdesk.domain.targets import Indicator, Plan, plan_indicator
from opsdesk.services import auth, members, sales, staff, stored_value, targets
from opsdesk.services.context import Actor

YUAN = 100


@pytest.fixture
def sellers(db: Database, shop: Shop) -> list[Actor]:
    out = []
    for name, login in (("张伟", "zhangwei"), ("李娜", "lina")):
        staff.create_staff(db, shop.owner, staff.StaffInput(name=name, login=login,
                                                            role=Role.SALES, secret="5678"))
        out.append(auth.login(db, login, "5678"))
    return out


def _plan(year: int, people: list[Actor], revenue: int, deals: int) -> Plan:
    units = {targets.staff_unit(p.staff_id): w for p, w in zip(people, (2, 1), strict=False)}
    return Plan(year, (plan_indicator(year, Indicator.REVENUE, revenue, units),
                       plan_indicator(year, Indicator.DEALS, deals, units)))


def test_no_plan_gives_no_targets(db: Database, shop: Shop) -> None:
    assert targets.person_month_targets(db, shop.owner, 2026, 3) == {}


def test_the_current_version_answers_and_the_old_one_is_kept(
        db: Database, shop: Shop, sellers: list[Actor]) -> None:
    a, b = sellers
    first = targets.save_plan(db, shop.owner, targets.PlanDraft(
        _plan(2026, sellers, 1_200_000 * YUAN, 120), note="第一版"))
    assert first.version == 1
    got = targets.person_month_targets(db, shop.owner, 2026, 1)
    assert got == {a.staff_id: {"revenue": 66_666_67, "deals": 7},
                   b.staff_id: {"revenue": 33_333_34, "deals": 4}}
    second = targets.save_plan(db, shop.owner, targets.PlanDraft(
        _plan(2026, sellers, 2_400_000 * YUAN, 240), note="上调"))
    assert second.version == 2
    got = targets.person_month_targets(db, shop.owner, 2026, 1)
    assert got[a.staff_id]["revenue"] == 133_333_34  # 1,600,000 yuan / 12, January first
    assert [v.version for v in targets.plan_versions(db, shop.owner, 2026)] == [2, 1]
    old = targets.load_plan(db, shop.owner, first.id)
    assert old.plan.indicator(Indicator.REVENUE).total == 1_200_000 * YUAN
    assert old.plan == _plan(2026, sellers, 1_200_000 * YUAN, 120)
    # a seller sees their own line only; a colleague's is refused
    assert set(targets.person_month_targets(db, a, 2026, 1)) == {a.staff_id}
    assert targets.current_plan(db, a, 2026).plan.indicator(Indicator.REVENUE).units[0].unit \
        == targets.staff_unit(a.staff_id)
    with pytest.raises(PermissionDenied):
        targets.actuals(db, a, date(2026, 1, 1), date(2026, 1, 31), staff_id=b.staff_id)


def test_a_broken_plan_writes_nothing(db: Database, shop: Shop, sellers: list[Actor]) -> None:
    good = _plan(2026, sellers, 1_000 * YUAN, 10)
    ip = good.indicators[0]
    bad = Plan(2026, (type(ip)(ip.indicator, ip.total + 1, ip.units),))
    with pytest.raises(ValidationError) as e:
        targets.save_plan(db, shop.owner, targets.PlanDraft(bad))
    assert e.value.code == "targets.plan_sum_mismatch"
    stranger = Plan(2026, (plan_indicator(2026, Indicator.DEALS, 5, {"staff:999": 1}),))
    with pytest.raises(ValidationError) as e:
        targets.save_plan(db, shop.owner, targets.PlanDraft(stranger))
    assert e.value.code == "targets.unknown_staff"
    with pytest.raises(PermissionDenied):
        targets.save_plan(db, sellers[0], targets.PlanDraft(good))
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(TargetPlan)) == 0
        assert s.scalar(select(func.count()).select_from(TargetPlanMonth)) == 0


def test_actuals_net_of_refunds_per_seller(db: Database, shop: Shop,
                                           sellers: list[Actor]) -> None:
    a, b = sellers
    with clock.frozen(datetime(2026, 3, 2, 10)):
        c1 = members.register(db, a, members.MemberInput(phone="13800000011", name="客一",
                                                         staff_id=a.staff_id)).id
        c2 = members.register(db, b, members.MemberInput(phone="13800000012", name="客二",
                                                         staff_id=b.staff_id)).id
        s1 = sales.sell(db, a, sales.SaleInput(c1, (sales.SaleLineInput(shop.facial, 2),),
                                               "cash", "t-1")).sale_id
        sales.sell(db, b, sales.SaleInput(c2, (sales.SaleLineInput(shop.serum),), "cash", "t-2"))
        sales.sell(db, a, sales.SaleInput(c1, (sales.SaleLineInput(shop.serum),), "cash", "t-3"))
        stored_value.top_up(db, shop.desk, c2, 500 * YUAN, "cash", "t-4")
    with clock.frozen(datetime(2026, 3, 5, 10)):
        sales.refund_sale(db, shop.manager, s1, "t-5", "不满意")  # credited back to a
    with clock.frozen(datetime(2026, 4, 1, 9)):  # outside the range
        sales.sell(db, a, sales.SaleInput(c1, (sales.SaleLineInput(shop.facial),), "cash", "t-6"))
    got = targets.actuals(db, shop.owner, date(2026, 3, 1), date(2026, 3, 31))
    assert got[a.staff_id]["revenue"] == 398 * YUAN
    assert got[a.staff_id]["deals"] == 1
    assert got[a.staff_id]["new_members"] == 1
    assert got[b.staff_id]["revenue"] == 398 * YUAN
    assert got[b.staff_id]["gross_profit"] == 398 * YUAN  # no cost entered
    assert got[shop.desk.staff_id]["topups"] == 500 * YUAN
    # the refund falls on the 5th: before it, a had both sales
    early = targets.actuals(db, a, date(2026, 3, 1), date(2026, 3, 4))
    assert early == {a.staff_id: {"revenue": 598 * YUAN, "gross_profit": 598 * YUAN,
                                  "new_members": 1, "deals": 2, "topups": 0}}
    with pytest.raises(ValidationError) as e:
        targets.actuals(db, shop.owner, date(2026, 3, 2), date(2026, 3, 1))
    assert e.value.code == "targets.range_reversed"
