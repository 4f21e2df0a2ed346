"""The demo store's members: ladder, products, 18 months of sales and stored value, consistent."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from opsdesk.db.opening import open_database
from opsdesk.domain.search_keys import format_card_number, name_keys
from opsdesk.services import demo, maintenance, member_search, members, sales, stored_value

AS_OF = date(2025, 6, 15)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Path:
    path = tmp_path_factory.mktemp("demo-members") / "demo.sqlite"
    shutil.copyfile(migrated_template, path)
    opened = open_database(path)
    try:
        demo.generate(opened.db, demo.DemoOptions(members=1500, seed=3, as_of=AS_OF))
    finally:
        opened.db.dispose()
    return path


def q(path: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_ladder_and_product_matrix(demo_path: Path) -> None:
    assert q(demo_path, "SELECT kind, name FROM tier ORDER BY rank") == [
        ("bait", "体验会员"), ("regular", "银卡会员"), ("partner", "金卡合伙人")]
    roles = {r[0] for r in q(demo_path, "SELECT role FROM product")}
    assert roles == {"traffic", "hit", "profit", "brand"}
    assert q(demo_path, "SELECT count(*) FROM tier_bonus_bracket")[0][0] == 5


def test_history_has_every_kind_of_row(demo_path: Path) -> None:
    kinds = dict(q(demo_path, "SELECT kind, count(*) FROM stored_value_entry GROUP BY kind"))
    assert kinds.get("topup") and kinds.get("bonus") and kinds.get("spend")
    sale_kinds = dict(q(demo_path, "SELECT kind, count(*) FROM sale GROUP BY kind"))
    assert sale_kinds["sale"] > 1500 // 2 and sale_kinds.get("refund")
    reasons = {r[0] for r in q(demo_path, "SELECT DISTINCT reason FROM tier_change")}
    assert {"membership", "upgrade_topup", "lapse"} <= reasons
    stages = dict(q(demo_path, "SELECT stage, count(*) FROM customer GROUP BY stage"))
    assert stages["lead"] and stages["customer"] and stages["repeat"]
    assert q(demo_path, "SELECT max(at) FROM sale")[0][0] < "2025-06-16"
    assert q(demo_path, "SELECT min(at) FROM sale")[0][0] >= "2024-01-01"


def test_stage_follows_the_number_of_purchases(demo_path: Path) -> None:
    bad = q(demo_path, """
        SELECT c.id FROM customer c LEFT JOIN (
            SELECT customer_id, count(*) AS n FROM sale WHERE kind = 'sale' GROUP BY customer_id
        ) x ON x.customer_id = c.id
        WHERE CASE WHEN x.n IS NULL THEN c.stage NOT IN ('lead', 'target', 'qualified')
                   WHEN x.n = 1 THEN c.stage <> 'customer'
                   ELSE c.stage <> 'repeat' END""")
    # Buyers are where their purchases put them; the sales process moves the others between
    # lead, target and qualified.
    assert bad == []


def test_search_keys_and_cards_match_the_domain_rules(demo_path: Path) -> None:
    rows = q(demo_path, "SELECT id, name, phone, card_no, pinyin_full, pinyin_initials, "
                        "phone_last4 FROM customer")
    for cid, name, phone, card, full, initials, l4 in rows:
        k = name_keys(name)
        assert (full, initials, l4, card) == (k.full, k.initials, phone[-4:],
                                              format_card_number(cid)), name


def test_check_clean_and_services_work_on_the_demo(demo_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_path, path)
    opened = open_database(path)
    db = opened.db
    try:
        report = maintenance.check(db)
        assert report.ok, report.problems
        from opsdesk.services import auth
        owner = auth.login(db, "owner", "1234")
        cid, name, initials = q(path, "SELECT id, name, pinyin_initials FROM customer "
                                      "WHERE balance_total > 0 ORDER BY id LIMIT 1")[0]
        assert cid in {h.id for h in member_search.search(db, owner, initials, limit=200)} \
            or len(member_search.search(db, owner, initials, limit=200)) == 200
        profile = members.get_profile(db, owner, cid)
        assert profile.balance.total > 0 and profile.timeline
        product = q(path, "SELECT id FROM product WHERE name = '补水套餐'")[0][0]
        r = sales.sell(db, owner, sales.SaleInput(cid, (sales.SaleLineInput(product),),
                                                  "cash", "after-demo"))
        assert r.total <= 298 * 100
        stored_value.top_up(db, owner, cid, 100 * 100, "cash", "after-demo-t")
        assert maintenance.check(db).ok
    finally:
        db.dispose()
