from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from opsdesk.db.engine import Database
from opsdesk.db.models import AuditEntry, StoredValueEntry
from opsdesk.domain.errors import Conflict, PermissionDenied, ValidationError
from opsdesk.services import maintenance, members, stored_value

Y = 100


@pytest.fixture
def amy(db: Database, shop) -> int:  # noqa: ANN001
    return members.register(db, shop.desk, members.MemberInput(phone="13800000001",
                                                               name="王丽")).id


def entries(db: Database) -> int:
    with db.read() as s:
        return len(s.scalars(select(StoredValueEntry.id)).all())


def test_top_up_without_a_tier_gets_no_bonus(db: Database, shop, amy: int) -> None:  # noqa: ANN001
    r = stored_value.top_up(db, shop.desk, amy, 1000 * Y, "wechat", "op-1")
    assert (r.principal, r.bonus, r.balance.total, r.upgrade) == (1000 * Y, 0, 1000 * Y, None)


def test_partner_threshold_upgrades_then_pays_the_partner_bonus(db: Database, shop,  # noqa: ANN001
                                                                amy: int) -> None:
    r = stored_value.top_up(db, shop.desk, amy, 10000 * Y, "bank_card", "op-1")
    assert r.upgrade is not None
    assert (r.upgrade.from_tier, r.upgrade.to_tier, r.upgrade.reason) == \
        ("", "金卡合伙人", "upgrade_topup")
    assert r.bonus == 1500 * Y and r.balance.principal == 10000 * Y
    assert [e.kind.value for e in r.entries] == ["topup", "bonus"]


def test_replay_returns_the_first_result_and_posts_nothing(db: Database, shop,  # noqa: ANN001
                                                           amy: int) -> None:
    first = stored_value.top_up(db, shop.desk, amy, 10000 * Y, "cash", "op-1")
    n = entries(db)
    again = stored_value.top_up(db, shop.desk, amy, 10000 * Y, "cash", "op-1")
    assert again.replayed and not first.replayed
    assert again.entries == first.entries and again.balance == first.balance
    assert again.upgrade == first.upgrade
    assert entries(db) == n
    with pytest.raises(Conflict) as e:
        stored_value.top_up(db, shop.desk, amy, 999 * Y, "cash", "op-1")
    assert e.value.code == "operation.reused"


def test_spend_is_proportional_and_never_below_zero(db: Database, shop, amy: int) -> None:  # noqa: ANN001
    stored_value.top_up(db, shop.owner, amy, 5000 * Y, "cash", "t")  # no tier: no bonus
    stored_value.adjust(db, shop.owner, amy, 0, 1000 * Y, "开业赠送", "a")
    r = stored_value.spend(db, shop.desk, amy, 600 * Y, "s1")
    assert (r.principal, r.bonus) == (-500 * Y, -100 * Y)
    n = entries(db)
    with pytest.raises(ValidationError) as e:
        stored_value.spend(db, shop.desk, amy, 5401 * Y, "s2")
    assert e.value.code == "stored_value.insufficient"
    assert entries(db) == n
    assert stored_value.get_balance(db, shop.desk, amy).total == 5400 * Y


def test_refund_pays_principal_and_forfeits_bonus(db: Database, shop, amy: int) -> None:  # noqa: ANN001
    stored_value.top_up(db, shop.desk, amy, 10000 * Y, "cash", "t")
    r = stored_value.refund(db, shop.manager, amy, 5000 * Y, "cash", "r", "搬家")
    assert (r.principal, r.bonus) == (-5000 * Y, -750 * Y)
    r = stored_value.refund(db, shop.manager, amy, None, "cash", "r2", "")
    assert r.balance.total == 0


def test_front_desk_may_not_refund_adjust_or_reverse_and_is_audited(db: Database, shop,  # noqa: ANN001
                                                                    amy: int) -> None:
    stored_value.top_up(db, shop.desk, amy, 100 * Y, "cash", "t")
    calls = [
        lambda: stored_value.refund(db, shop.desk, amy, None, "cash", "r", ""),
        lambda: stored_value.adjust(db, shop.desk, amy, 100, 0, "x", "a"),
        lambda: stored_value.adjust(db, shop.manager, amy, 100, 0, "x", "a"),
        lambda: stored_value.reverse(db, shop.desk, "t", "v"),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    with db.read() as s:
        refused = s.scalars(select(AuditEntry.action).where(AuditEntry.outcome == "refused")).all()
    assert refused == ["stored_value.refund", "stored_value.adjust", "stored_value.adjust",
                       "stored_value.reverse"]
    assert stored_value.get_balance(db, shop.desk, amy).total == 100 * Y


def test_adjust_needs_a_reason_and_cannot_go_negative(db: Database, shop, amy: int) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as e:
        stored_value.adjust(db, shop.owner, amy, 100, 0, "  ", "a")
    assert e.value.code == "stored_value.reason_required"
    with pytest.raises(ValidationError) as e:
        stored_value.adjust(db, shop.owner, amy, -100, 0, "更正", "a")
    assert e.value.code == "stored_value.insufficient"
    r = stored_value.adjust(db, shop.owner, amy, 100, 0, "更正", "a")
    assert r.entries[0].reason == "更正"


def test_reversal_undoes_both_rows_and_links_them(db: Database, shop, amy: int) -> None:  # noqa: ANN001
    stored_value.top_up(db, shop.desk, amy, 10000 * Y, "cash", "t")
    r = stored_value.reverse(db, shop.manager, "t", "v", "金额输错")
    assert r.balance.total == 0
    assert [e.reverses_id is not None for e in r.entries] == [True, True]
    again = stored_value.reverse(db, shop.manager, "t", "v", "金额输错")
    assert again.replayed
    with pytest.raises(ValidationError) as e:
        stored_value.reverse(db, shop.manager, "v", "vv")
    assert e.value.code == "stored_value.cannot_reverse"
    with pytest.raises(Exception):  # noqa: B017  the second reversal of the same rows
        stored_value.reverse(db, shop.manager, "t", "v2")
    assert maintenance.check(db).ok


def test_reversal_of_spent_money_is_refused(db: Database, shop, amy: int) -> None:  # noqa: ANN001
    stored_value.top_up(db, shop.desk, amy, 100 * Y, "cash", "t")
    stored_value.spend(db, shop.desk, amy, 60 * Y, "s")
    with pytest.raises(ValidationError) as e:
        stored_value.reverse(db, shop.manager, "t", "v")
    assert e.value.code == "stored_value.insufficient"


@pytest.mark.parametrize("amount, code", [(0, "money.zero"), (-5, "money.negative"),
                                          (10**16, "money.too_large"), (1.5, "money.invalid")])
def test_bad_amounts(db: Database, shop, amy: int, amount, code: str) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as e:
        stored_value.top_up(db, shop.desk, amy, amount, "cash", "t")
    assert e.value.code == code
    assert entries(db) == 0


def test_top_up_from_the_card_itself_is_refused(db: Database, shop, amy: int) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as e:
        stored_value.top_up(db, shop.desk, amy, 100, "stored_value", "t")
    assert e.value.code == "payment.method_invalid"


def raw(db_path: Path, sql: str) -> None:
    con = sqlite3.connect(db_path)
    with con:
        con.execute(sql)
    con.close()


@pytest.mark.parametrize("tamper, expect", [
    ("UPDATE stored_value_entry SET principal = principal + 100 WHERE kind = 'topup'",
     "cached balance"),
    ("UPDATE customer SET balance_total = balance_total + 1", "cached balance"),
    ("UPDATE stored_value_entry SET principal = -99999999 WHERE kind = 'spend'", "negative"),
    ("UPDATE stored_value_entry SET bonus = bonus - 1 WHERE kind = 'reversal'",
     "not an exact reversal"),
])
def test_check_catches_a_tampered_ledger(db: Database, db_path: Path, shop, amy: int,  # noqa: ANN001
                                         tamper: str, expect: str) -> None:
    stored_value.top_up(db, shop.desk, amy, 10000 * Y, "cash", "t")
    stored_value.spend(db, shop.desk, amy, 100 * Y, "s")
    stored_value.top_up(db, shop.desk, amy, 50 * Y, "cash", "t2")
    stored_value.reverse(db, shop.manager, "t2", "v")
    assert maintenance.check(db).ok
    raw(db_path, tamper)
    report = maintenance.check(db)
    assert not report.ok
    assert any(expect in p for p in report.problems), report.problems
