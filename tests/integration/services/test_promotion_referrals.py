"""Referral rewards through the stored-value ledger, reversals on refund, links, tree, figures."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select, text

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import Customer
from opsdesk.db.models.promotion import ReferralReward, ReferralRule
from opsdesk.domain.errors import FieldErrors, PermissionDenied, ValidationError
from opsdesk.domain.referrals import RewardRule, Trigger
from opsdesk.services import maintenance, members, referrals, sales, stored_value

Y = 100


def reg(db: Database, actor, phone: str, name: str, referrer: int | None = None) -> int:  # noqa: ANN001
    return members.register(db, actor, members.MemberInput(
        phone=phone, name=name, referrer_id=referrer,
        source="member_referral" if referrer else "walk_in")).id


@pytest.fixture
def chain(db: Database, shop):  # noqa: ANN001, ANN201
    """王丽 brought 李娜, who brought 张伟."""
    a = reg(db, shop.desk, "13800000001", "王丽")
    b = reg(db, shop.desk, "13800000002", "李娜", a)
    c = reg(db, shop.desk, "13800000003", "张伟", b)
    return a, b, c


RULES = (RewardRule(0, 500 * Y, Trigger.FIRST_TOPUP, bonus=30 * Y),
         RewardRule(0, 1000 * Y, Trigger.FIRST_TOPUP, bonus=80 * Y),
         RewardRule(0, 300 * Y, Trigger.FIRST_PURCHASE, gift="护手霜一支"))


def snapshot(db: Database) -> tuple:
    with db.read() as s:
        return tuple(s.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar() for t in (
            "referral_rule", "referral_reward", "stored_value_entry", "customer"))


def test_rules_save_and_retire(db: Database, shop) -> None:  # noqa: ANN001
    saved = referrals.save_rules(db, shop.owner, RULES)
    assert [(r.trigger, r.min_amount) for r in saved] == [
        (Trigger.FIRST_PURCHASE, 300 * Y), (Trigger.FIRST_TOPUP, 500 * Y),
        (Trigger.FIRST_TOPUP, 1000 * Y)]
    again = referrals.save_rules(db, shop.owner, RULES[:2])
    assert len(again) == 2
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ReferralRule)) == 5  # 3 retired, 2 live
    assert referrals.get_rules(db, shop.desk) == again


def test_bad_rules_are_refused_and_nothing_saved(db: Database, shop) -> None:  # noqa: ANN001
    before = snapshot(db)
    for bad, code in (
            ((RewardRule(0, 0, bonus=1),), "referral.rule_threshold_invalid"),
            ((RewardRule(0, 100, bonus=0),), "referral.rule_reward_missing"),
            ((RewardRule(0, 100, bonus=5, gift="x"),), "referral.rule_reward_both"),
            ((RewardRule(0, 100, bonus=5), RewardRule(0, 100, bonus=6)),
             "referral.rule_duplicate")):
        with pytest.raises(ValidationError) as e:
            referrals.save_rules(db, shop.owner, bad)
        assert e.value.code == code
    with pytest.raises(PermissionDenied):
        referrals.save_rules(db, shop.manager, RULES)
    assert snapshot(db)[:2] == before[:2]


def test_first_topup_rewards_the_referrer_once(db: Database, shop, chain) -> None:  # noqa: ANN001
    a, b, _c = chain
    referrals.save_rules(db, shop.owner, RULES)
    stored_value.top_up(db, shop.desk, b, 2000 * Y, "cash", "t1")
    assert stored_value.get_balance(db, shop.desk, a).bonus == 80 * Y
    stored_value.top_up(db, shop.desk, b, 5000 * Y, "cash", "t2")  # not the first: nothing
    stored_value.top_up(db, shop.desk, b, 5000 * Y, "cash", "t2")  # replay: nothing
    assert stored_value.get_balance(db, shop.desk, a).bonus == 80 * Y
    rows = referrals.rewards(db, shop.desk)
    assert [(r.kind, r.referrer_id, r.customer_id, r.bonus) for r in rows] == \
        [("grant", a, b, 80 * Y)]
    assert maintenance.check(db).ok


def test_below_threshold_earns_nothing_exactly_at_it_earns(db: Database, shop, chain) -> None:  # noqa: ANN001
    a, b, c = chain
    referrals.save_rules(db, shop.owner, RULES)
    stored_value.top_up(db, shop.desk, b, 500 * Y - 1, "cash", "t1")
    assert stored_value.get_balance(db, shop.desk, a).bonus == 0
    stored_value.top_up(db, shop.desk, c, 500 * Y, "cash", "t2")
    assert stored_value.get_balance(db, shop.desk, b).bonus == 30 * Y


def test_reversing_the_topup_reverses_the_reward(db: Database, shop, chain) -> None:  # noqa: ANN001
    a, b, _c = chain
    referrals.save_rules(db, shop.owner, RULES)
    stored_value.top_up(db, shop.desk, b, 1000 * Y, "cash", "t1")
    assert stored_value.get_balance(db, shop.desk, a).bonus == 80 * Y
    stored_value.reverse(db, shop.manager, "t1", "r1", "刷错卡")
    assert stored_value.get_balance(db, shop.desk, a).bonus == 0
    kinds = [(r.kind, r.bonus, r.written_off) for r in referrals.rewards(db, shop.desk)]
    assert kinds == [("reversal", -80 * Y, 0), ("grant", 80 * Y, 0)]
    assert maintenance.check(db).ok


def test_partial_refund_keeping_the_threshold_keeps_the_reward(db: Database, shop,  # noqa: ANN001
                                                               chain) -> None:
    a, b, _c = chain
    referrals.save_rules(db, shop.owner, RULES)
    stored_value.top_up(db, shop.desk, b, 1500 * Y, "cash", "t1")
    stored_value.refund(db, shop.manager, b, 500 * Y, "cash", "f1", "部分退款")
    assert stored_value.get_balance(db, shop.desk, a).bonus == 80 * Y  # 1,000 still >= 1,000
    stored_value.refund(db, shop.manager, b, 1, "cash", "f2", "再退一分")
    assert stored_value.get_balance(db, shop.desk, a).bonus == 0


def test_spent_bonus_is_written_off_not_owed(db: Database, shop, chain) -> None:  # noqa: ANN001
    a, b, _c = chain
    referrals.save_rules(db, shop.owner, RULES)
    stored_value.top_up(db, shop.desk, b, 1000 * Y, "cash", "t1")
    stored_value.top_up(db, shop.desk, a, 100 * Y, "cash", "ta")
    stored_value.spend(db, shop.desk, a, 150 * Y, "sp")  # draws bonus in proportion
    held = stored_value.get_balance(db, shop.desk, a).bonus
    assert 0 < held < 80 * Y
    stored_value.reverse(db, shop.manager, "t1", "r1")
    assert stored_value.get_balance(db, shop.desk, a).bonus == 0
    rev = referrals.rewards(db, shop.desk)[0]
    assert (rev.bonus, rev.written_off) == (-held, 80 * Y - held)
    assert maintenance.check(db).ok


def test_first_purchase_gift_and_refund_flags_it(db: Database, shop, chain) -> None:  # noqa: ANN001
    _a, b, c = chain
    referrals.save_rules(db, shop.owner, RULES)
    sold = sales.sell(db, shop.desk, sales.SaleInput(
        c, (sales.SaleLineInput(shop.serum, 1),), "cash", "s1"))
    grant = referrals.rewards(db, shop.desk)[0]
    assert (grant.referrer_id, grant.gift, grant.bonus) == (b, "护手霜一支", 0)
    sales.refund_sale(db, shop.manager, sold.sale_id, "rf1", "不合适")
    rev = referrals.rewards(db, shop.desk)[0]
    assert rev.kind == "reversal" and rev.gift_to_return


def test_sale_and_reward_commit_together(db: Database, shop, chain, monkeypatch) -> None:  # noqa: ANN001
    _a, b, _c = chain
    referrals.save_rules(db, shop.owner, RULES)

    def boom(*_a, **_k):  # noqa: ANN002, ANN003, ANN202
        raise RuntimeError("disk full")

    monkeypatch.setattr(referrals, "_grant", boom)
    before = snapshot(db)
    with pytest.raises(RuntimeError):
        stored_value.top_up(db, shop.desk, b, 1000 * Y, "cash", "t1")
    assert snapshot(db) == before


def test_self_and_loop_are_refused_and_nothing_changes(db: Database, shop, chain) -> None:  # noqa: ANN001
    a, b, c = chain
    before = snapshot(db)
    with pytest.raises(ValidationError) as e:
        referrals.set_referrer(db, shop.desk, a, a)
    assert e.value.code == "referral.self"
    with pytest.raises(ValidationError) as e:
        referrals.set_referrer(db, shop.desk, a, c)  # c <- b <- a: a loop
    assert e.value.code == "referral.loop" and e.value.field == "referrer_id"
    with pytest.raises(ValidationError) as e:
        referrals.set_referrer(db, shop.desk, a, 99999)
    assert e.value.code == "referral.unknown_referrer"
    assert snapshot(db) == before
    with db.read() as s:
        assert s.get(Customer, a).referrer_id is None
    referrals.set_referrer(db, shop.desk, c, a)  # moving c under a is fine
    with db.read() as s:
        assert s.get(Customer, c).referrer_id == a


def test_tree_and_fission(db: Database, shop, chain) -> None:  # noqa: ANN001
    a, b, c = chain
    d = reg(db, shop.desk, "13800000004", "赵敏", a)
    t = referrals.tree(db, shop.desk, a)
    assert [(m.id, m.level, m.descendants) for m in t.members] == \
        [(a, 0, 3), (b, 1, 1), (c, 2, 0), (d, 1, 0)]
    assert referrals.tree(db, shop.desk, c).upline == ((b, "李娜"), (a, "王丽"))
    year = clock.now().year
    f = referrals.fission(db, shop.desk, year)
    assert (f.new, f.referred, f.referring_members) == (4, 3, 2)
    assert f.repeat_referrers == (a,)
    with pytest.raises(ValidationError):
        referrals.fission(db, shop.desk, 0)


def test_rewards_need_a_referrer_and_rules(db: Database, shop) -> None:  # noqa: ANN001
    a = reg(db, shop.desk, "13800000001", "王丽")
    stored_value.top_up(db, shop.desk, a, 1000 * Y, "cash", "t1")
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ReferralReward)) == 0
    with clock.frozen(datetime(2030, 1, 1)):
        assert referrals.rewards(db, shop.desk) == []


def test_field_errors_are_field_errors() -> None:
    assert issubclass(FieldErrors, ValidationError)
