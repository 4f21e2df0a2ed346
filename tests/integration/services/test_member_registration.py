from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from opsdesk.db.engine import Database
from opsdesk.domain.errors import Conflict, FieldErrors, PermissionDenied
from opsdesk.domain.members import Stage
from opsdesk.services import members


def digest(path: Path) -> str:
    """Every row of every table, so 'nothing written' covers the audit log too."""
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    h = hashlib.sha256()
    try:
        for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"):
            for row in con.execute(f'SELECT * FROM "{t}" ORDER BY rowid'):
                h.update(repr(row).encode())
    finally:
        con.close()
    return h.hexdigest()


def test_register_normalises_the_phone_and_fills_search_keys(db: Database, shop) -> None:
    ref = members.register(db, shop.desk, members.MemberInput(
        phone="+86 138-1234-5678", name=" 张三 ", gender="f", birthday=date(1990, 5, 1)))
    assert ref.phone == "13812345678"
    assert ref.name == "张三"
    assert ref.card_no == f"M{ref.id:06d}"
    p = members.get_profile(db, shop.desk, ref.id)
    assert p.stage is Stage.LEAD and p.tier_id is None and p.balance.total == 0
    with db.read() as s:
        row = s.execute(__import__("sqlalchemy").text(
            "SELECT pinyin_full, pinyin_initials, phone_last4 FROM customer WHERE id = :i"),
            {"i": ref.id}).one()
    assert tuple(row) == ("zhangsan", "zs", "5678")


def test_full_width_and_0086_forms_are_the_same_number(db: Database, shop) -> None:
    members.register(db, shop.desk, members.MemberInput(phone="0086 13912345678", name="李四"))
    assert [d.name for d in members.find_duplicates(db, shop.desk, "１３９ １２３４ ５６７８")] \
        == ["李四"]
    assert members.find_duplicates(db, shop.desk, "139") == []


def test_duplicate_phone_names_the_existing_member(db: Database, db_path: Path,
                                                   shop) -> None:
    first = members.register(db, shop.desk, members.MemberInput(phone="13812345678", name="张三"))
    before = digest(db_path)
    with pytest.raises(Conflict) as e:
        members.register(db, shop.desk, members.MemberInput(phone="+8613812345678", name="王五"))
    assert e.value.code == "member.duplicate_phone"
    assert e.value.field == "phone"
    assert e.value.params == {"existing_id": first.id, "existing_name": "张三"}
    assert digest(db_path) == before


@pytest.mark.parametrize("data, fields", [
    (members.MemberInput(phone="010-12345678", name="张三"), {"phone"}),
    (members.MemberInput(phone="13812345678", name="😀小美"), {"name"}),
    (members.MemberInput(phone="13812345678", name="\u202e张三"), {"name"}),
    (members.MemberInput(phone="12345", name="", gender="x"), {"phone", "name", "gender"}),
    (members.MemberInput(phone="13812345678", name="张三", source="member_referral"),
     {"referrer_id"}),
    (members.MemberInput(phone="13812345678", name="张三", referrer_id=999), {"referrer_id"}),
    (members.MemberInput(phone="13812345678", name="张三", staff_id=999), {"staff_id"}),
    (members.MemberInput(phone="13812345678", name="张三", tier_id=999), {"tier_id"}),
    (members.MemberInput(phone="13812345678", name="张三", birthday=date(2999, 1, 1)),
     {"birthday"}),
])
def test_bad_input_writes_nothing(db: Database, db_path: Path, shop,
                                  data: members.MemberInput, fields: set[str]) -> None:
    before = digest(db_path)
    with pytest.raises(FieldErrors) as e:
        members.register(db, shop.desk, data)
    assert set(e.value.errors) == fields
    assert digest(db_path) == before


def test_referrer_and_referral_count(db: Database, shop) -> None:
    amy = members.register(db, shop.desk, members.MemberInput(phone="13800000001", name="王丽"))
    for i in range(2):
        members.register(db, shop.desk, members.MemberInput(
            phone=f"1390000000{i}", name=f"客{i}", source="member_referral", referrer_id=amy.id,
            staff_id=shop.desk.staff_id))
    p = members.get_profile(db, shop.desk, amy.id)
    assert p.referrals == 2
    friend = members.get_profile(db, shop.desk, amy.id + 1)
    assert friend.referrer_name == "王丽" and friend.staff_name == "刘芳"
    assert friend.source.value == "member_referral"


def test_editing_a_referrer_refuses_a_loop_and_writes_nothing(db: Database, db_path: Path,
                                                            shop) -> None:
    amy = members.register(db, shop.desk, members.MemberInput(phone="13800000001", name="王丽"))
    bo = members.register(db, shop.desk, members.MemberInput(
        phone="13900000001", name="李波", source="member_referral", referrer_id=amy.id))
    cy = members.register(db, shop.desk, members.MemberInput(
        phone="13900000002", name="陈宇", source="member_referral", referrer_id=bo.id))
    before = digest(db_path)
    with pytest.raises(FieldErrors) as refused:
        members.update(db, shop.desk, amy.id, members.MemberInput(
            phone="13800000001", name="王丽", source="member_referral", referrer_id=cy.id))
    assert refused.value.errors["referrer_id"].code == "referral.loop"
    assert digest(db_path) == before


def test_register_with_a_tier_records_the_change(db: Database, shop) -> None:
    ref = members.register(db, shop.owner, members.MemberInput(
        phone="13800000001", name="王丽", tier_id=shop.bait))
    p = members.get_profile(db, shop.owner, ref.id)
    assert p.tier == "体验会员"
    assert p.tier_expires_on is not None and (p.tier_expires_on - p.tier_since).days == 29
    assert [t.kind for t in p.timeline] == ["tier"]


def test_update_keeps_keys_in_step_and_refuses_anothers_phone(db: Database, shop) -> None:
    a = members.register(db, shop.desk, members.MemberInput(phone="13800000001", name="张三"))
    members.register(db, shop.desk, members.MemberInput(phone="13800000002", name="李四"))
    members.update(db, shop.desk, a.id, members.MemberInput(phone="13800000009", name="曾志伟"))
    hits = {h.id for h in __import__("opsdesk.services.member_search", fromlist=["x"]).search(
        db, shop.desk, "zzw")}
    assert a.id in hits
    with pytest.raises(Conflict):
        members.update(db, shop.desk, a.id, members.MemberInput(phone="13800000002", name="张三"))


def test_sales_staff_cannot_see_refunds_but_can_register(db: Database, shop) -> None:
    from opsdesk.domain.roles import Permission, Role
    from opsdesk.services.context import Actor
    seller = Actor(shop.owner.store_id, shop.desk.staff_id, Role.SALES, "x")
    assert seller.can(Permission.MEMBERS_REGISTER)
    assert not seller.can(Permission.STORED_VALUE_TOPUP)
    with pytest.raises(PermissionDenied):
        from opsdesk.services import stored_value
        stored_value.top_up(db, seller, 1, 100, "cash", "op-1")
