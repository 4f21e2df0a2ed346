from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import text

from opsdesk.db.engine import Database
from opsdesk.db.queries import member_list
from opsdesk.db.queries.member_list import Filters, Sort
from opsdesk.services import members


@pytest.fixture
def crowd(db: Database, shop) -> list[tuple]:  # noqa: ANN001
    """300 customers with many ties in every sort key, and a third who never bought."""
    rng = random.Random(5)
    rows = []
    for i in range(300):
        bought = None if i % 3 == 0 else datetime(2025, 1, 1) + timedelta(days=rng.randrange(5))
        rows.append((shop.owner.store_id, rng.choice("张李王"), f"1380000{i:04d}", f"{i:04d}",
                     f"M{i + 1:06d}", rng.choice(["lead", "customer", "repeat"]),
                     rng.choice([None, shop.silver]), bought, rng.randrange(3) * 100,
                     datetime(2024, 1, 1) + timedelta(days=rng.randrange(4)),
                     rng.choice(["walk_in", "pond"])))
    # Stamps written the way SQLAlchemy writes them, so the keyset compares like with like.
    rows = [r[:7] + (r[7] and f"{r[7]:%Y-%m-%d %H:%M:%S.%f}", r[8],
                     f"{r[9]:%Y-%m-%d %H:%M:%S.%f}", r[10]) for r in rows]
    with db.write() as s:
        s.connection().exec_driver_sql(
            "INSERT INTO customer (store_id, name, phone, phone_last4, card_no, stage, tier_id, "
            "last_purchase_at, balance_total, created_at, source, gender, notes) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,'','')", rows)
    with db.read() as s:
        return [tuple(r) for r in s.execute(text(
            "SELECT id, name, created_at, last_purchase_at, balance_total, tier_id, stage, source "
            "FROM customer"))]


def walk(db: Database, shop, filters: Filters, sort: Sort, descending: bool,  # noqa: ANN001
         limit: int) -> list[int]:
    ids, key, pages = [], None, 0
    while True:
        page = members.list_page(db, shop.desk, filters, sort, key, limit, descending)
        ids += [r.id for r in page.rows]
        pages += 1
        assert pages < 400
        if page.next_key is None:
            return ids
        key = page.next_key


SORTS = {Sort.NAME: 1, Sort.CREATED: 2, Sort.LAST_PURCHASE: 3, Sort.BALANCE: 4}


@pytest.mark.parametrize("sort", list(Sort))
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("filters", [
    Filters(), Filters(stage="repeat"), Filters(tier_id=member_list.NO_TIER),
    Filters(source="pond", stage="customer"), Filters(dormant_since=date(2025, 1, 3)),
])
def test_pages_are_the_sorted_filtered_rows_without_gaps_or_repeats(
        db: Database, shop, crowd: list[tuple], sort: Sort, descending: bool,  # noqa: ANN001
        filters: Filters) -> None:
    def keep(r) -> bool:  # noqa: ANN001
        return ((filters.stage is None or r[6] == filters.stage)
                and (filters.source is None or r[7] == filters.source)
                and (filters.tier_id is None or r[5] is None)
                and (filters.dormant_since is None
                     or (r[3] is not None and r[3] < "2025-01-03")))

    col = SORTS[sort]
    # SQLite order: NULL first ascending; ties broken by id in the same direction.
    expected = [r[0] for r in sorted((r for r in crowd if keep(r)),
                                     key=lambda r: (r[col] is not None, r[col] or 0, r[0]),
                                     reverse=descending)]
    assert expected
    assert walk(db, shop, filters, sort, descending, 7) == expected


def test_list_sorts_use_their_index(db: Database, shop, crowd) -> None:  # noqa: ANN001
    from sqlalchemy.dialects import sqlite

    with db.read() as s:
        for sort in Sort:
            stmt = member_list._select(member_list._where(shop.owner.store_id, Filters()),
                                       member_list._COLUMN[sort], False, 50)
            sql = str(stmt.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
            plan = " | ".join(r[-1] for r in s.execute(text("EXPLAIN QUERY PLAN " + sql)))
            assert "TEMP B-TREE" not in plan, (sort, plan)
