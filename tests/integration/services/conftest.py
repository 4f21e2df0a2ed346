"""A small ladder and product matrix for the member, stored value and sales tests."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from opsdesk.db.engine import Database
from opsdesk.domain.roles import Role
from opsdesk.domain.tiers import BonusBracket
from opsdesk.services import auth, products, staff, tiers
from opsdesk.services.context import Actor

YUAN = 100


@dataclass(frozen=True)
class Shop:
    owner: Actor
    desk: Actor
    manager: Actor
    ladder: tiers.Ladder
    bait: int
    silver: int
    gold: int
    facial: int  # a service, ¥100
    serum: int  # a product, ¥398
    silver_card: int  # membership item for silver, ¥1,980
    bait_card: int  # membership item for bait, ¥99


def make_ladder(db: Database, owner: Actor) -> tiers.Ladder:
    return tiers.save_ladder(db, owner, [
        tiers.TierInput(-1, "bait", "体验会员", 10, price=99 * YUAN, validity_days=30),
        tiers.TierInput(-2, "regular", "银卡会员", 20, price=1980 * YUAN, validity_days=365,
                        discount="9.5折", fallback_ref=None,
                        bonus_brackets=(BonusBracket(1000 * YUAN, 100 * YUAN),)),
        tiers.TierInput(-3, "partner", "金卡合伙人", 30, validity_days=365,
                        discount=Decimal("0.88"), fallback_ref=-2,
                        bonus_brackets=(BonusBracket(5000 * YUAN, 600 * YUAN),
                                        BonusBracket(10000 * YUAN, 1500 * YUAN))),
    ], [
        tiers.RuleInput(target_ref=-3, min_single_topup=10000 * YUAN),
        tiers.RuleInput(target_ref=-2, min_cumulative_spend=3000 * YUAN),
    ])


@pytest.fixture
def shop(db: Database, store: Actor) -> Shop:
    ladder = make_ladder(db, store)
    ids = {t.name: t.id for t in ladder.tiers}
    staff.create_staff(db, store, staff.StaffInput(name="刘芳", login="liufang",
                                                   role=Role.FRONT_DESK, secret="1357"))
    staff.create_staff(db, store, staff.StaffInput(name="陈静", login="chenjing",
                                                   role=Role.MANAGER, secret="8642"))
    p = {}
    for name, kind, role, price, tier in (
            ("面部护理", "service", "hit", 100 * YUAN, None),
            ("精华液", "product", "profit", 398 * YUAN, None),
            ("银卡年卡", "membership", "brand", 1980 * YUAN, ids["银卡会员"]),
            ("体验卡", "membership", "traffic", 99 * YUAN, ids["体验会员"])):
        p[name] = products.create_product(db, store, products.ProductInput(
            name=name, kind=kind, role=role, price=price, tier_id=tier)).id
    return Shop(store, auth.login(db, "liufang", "1357"), auth.login(db, "chenjing", "8642"),
                ladder, ids["体验会员"], ids["银卡会员"], ids["金卡合伙人"], p["面部护理"],
                p["精华液"], p["银卡年卡"], p["体验卡"])
