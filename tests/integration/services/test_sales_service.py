from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import Sale
from opsdesk.domain.errors import Conflict, PermissionDenied, ValidationError
from opsdesk.domain.members import Stage
from opsdesk.services import maintenance, members, sales, stored_value, tiers

Y = 100


@pytest.fixture
def amy(db: Database, shop) -> int:  # noqa: ANN001
    return members.register(db, shop.desk, members.MemberInput(phone="13800000001",
                                                               name="王丽")).id


def sell(db, actor, customer, *lines, method="cash", op="s1"):  # noqa: ANN001, ANN002, ANN003, ANN201
    return sales.sell(db, actor, sales.SaleInput(
        customer, tuple(sales.SaleLineInput(p, q) for p, q in lines), method, op))


def test_first_purchase_makes_a_customer_second_a_repeat(db: Database, shop, amy: int) -> None:  # noqa: ANN001
    r = sell(db, shop.desk, amy, (shop.facial, 1))
    assert (r.stage_before, r.stage_after) == (Stage.LEAD, Stage.CUSTOMER)
    assert r.total == 100 * Y and r.discount == 0
    r = sell(db, shop.desk, amy, (shop.facial, 1), op="s2")
    assert (r.stage_before, r.stage_after) == (Stage.CUSTOMER, Stage.REPEAT)
    p = members.get_profile(db, shop.desk, amy)
    assert p.lifetime_spend == 200 * Y and p.stage is Stage.REPEAT
    assert [t.kind for t in p.timeline] == ["purchase", "purchase"]


def test_membership_sets_the_tier_and_the_discount_applies_next(db: Database, shop,  # noqa: ANN001
                                                                amy: int) -> None:
    with clock.frozen(datetime(2025, 3, 1, 10)):
        r = sell(db, shop.desk, amy, (shop.silver_card, 1))
    assert [(n.to_tier, n.reason, n.expires_on) for n in r.tier_changes] == \
        [("银卡会员", "membership", date(2025, 2, 28).replace(year=2026))]
    assert r.total == 1980 * Y  # the membership itself is sold at its price
    with clock.frozen(datetime(2025, 3, 2, 10)):
        r = sell(db, shop.desk, amy, (shop.serum, 2), (shop.facial, 1), op="s2")
    # 9.5折 on each line, rounded half up: 796 * 0.95 = 756.20; 100 * 0.95 = 95
    assert [ln.line_total for ln in r.lines] == [75620, 9500]
    assert r.list_total == 896 * Y and r.discount == 896 * Y - 85120 and r.total == 85120


def test_spend_rule_upgrade_notice(db: Database, shop, amy: int) -> None:  # noqa: ANN001
    r = sell(db, shop.desk, amy, (shop.serum, 7))  # 2,786
    assert r.tier_changes == ()
    r = sell(db, shop.desk, amy, (shop.facial, 3), op="s2")  # 3,086 >= 3,000
    assert [(n.from_tier, n.to_tier, n.reason) for n in r.tier_changes] == \
        [("", "银卡会员", "upgrade_spend")]


def test_pay_by_stored_value_posts_the_spend_in_the_same_sale(db: Database, shop,  # noqa: ANN001
                                                              amy: int) -> None:
    stored_value.top_up(db, shop.desk, amy, 10000 * Y, "cash", "t")  # gold: 8.8折, +1,500
    r = sell(db, shop.desk, amy, (shop.serum, 1), method="stored_value")
    assert r.total == 35024  # 398 * 0.88
    assert r.balance.total == 11500 * Y - 35024
    again = sell(db, shop.desk, amy, (shop.serum, 1), method="stored_value")
    assert again.replayed and again.sale_id == r.sale_id and again.balance == r.balance
    assert maintenance.check(db).ok


def test_insufficient_stored_value_writes_no_sale(db: Database, shop, amy: int) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as e:
        sell(db, shop.desk, amy, (shop.facial, 1), method="stored_value")
    assert e.value.code == "stored_value.insufficient"
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Sale)) == 0
    assert members.get_profile(db, shop.desk, amy).stage is Stage.LEAD


def test_refund_restores_card_tier_and_spend(db: Database, shop, amy: int) -> None:  # noqa: ANN001
    stored_value.top_up(db, shop.desk, amy, 3000 * Y, "cash", "t")
    bought = sell(db, shop.desk, amy, (shop.silver_card, 1), method="stored_value")
    assert members.get_profile(db, shop.desk, amy).tier == "银卡会员"
    with pytest.raises(PermissionDenied):
        sales.refund_sale(db, shop.desk, bought.sale_id, "r1", "不想要了")
    r = sales.refund_sale(db, shop.manager, bought.sale_id, "r1", "不想要了")
    assert r.kind == "refund" and r.refunds_id == bought.sale_id and r.total == -1980 * Y
    assert [(n.from_tier, n.to_tier, n.reason) for n in r.tier_changes] == \
        [("银卡会员", "", "refund")]
    p = members.get_profile(db, shop.desk, amy)
    assert p.balance.total == 3000 * Y and p.lifetime_spend == 0 and p.tier_id is None
    with pytest.raises(Conflict) as e:
        sales.refund_sale(db, shop.manager, bought.sale_id, "r2")
    assert e.value.code == "sale.already_refunded"
    assert maintenance.check(db).ok


def test_lapsed_tier_gives_no_discount(db: Database, shop, amy: int) -> None:  # noqa: ANN001
    with clock.frozen(datetime(2025, 3, 1, 10)):
        sell(db, shop.desk, amy, (shop.bait_card, 1))
    with clock.frozen(datetime(2025, 4, 1, 10)):  # 30 days from 1 March end on 30 March
        r = sell(db, shop.desk, amy, (shop.facial, 1), op="s2")
    assert r.total == 100 * Y
    assert [(n.from_tier, n.to_tier, n.reason) for n in r.tier_changes] == \
        [("体验会员", "", "lapse")]


def test_run_lapses_moves_expired_members(db: Database, shop, amy: int) -> None:  # noqa: ANN001
    with clock.frozen(datetime(2025, 3, 1, 10)):
        sell(db, shop.desk, amy, (shop.bait_card, 1))
    assert tiers.run_lapses(db, shop.desk, date(2025, 3, 30)) == 0
    assert tiers.run_lapses(db, shop.desk, date(2025, 3, 31)) == 1
    assert members.get_profile(db, shop.desk, amy).tier_id is None


@pytest.mark.parametrize("lines, code", [((), "sale.empty"), (((999999, 1),), "sale.unknown_product"),
                                         (((1, 0),), "sale.quantity_invalid")])
def test_bad_sales(db: Database, shop, amy: int, lines, code: str) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as e:
        sell(db, shop.desk, amy, *lines)
    assert e.value.code == code


def test_ladder_refuses_retiring_a_tier_in_use(db: Database, shop, amy: int) -> None:  # noqa: ANN001
    sell(db, shop.desk, amy, (shop.bait_card, 1))
    keep = [t for t in shop.ladder.tiers if t.id != shop.bait]
    with pytest.raises(Conflict) as e:
        tiers.save_ladder(db, shop.owner, [tiers.TierInput(
            t.id, t.kind, t.name, t.rank, t.price, t.validity_days, t.discount, t.bonus_brackets,
            t.privileges, t.fallback_tier_id) for t in keep])
    assert e.value.code == "tier.in_use"
    with pytest.raises(PermissionDenied):
        tiers.save_ladder(db, shop.manager, [])
