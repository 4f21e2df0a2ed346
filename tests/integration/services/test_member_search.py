from __future__ import annotations

import pytest
from sqlalchemy import text

from opsdesk.db.engine import Database
from opsdesk.domain.search_keys import QueryKind
from opsdesk.services import member_search, members


@pytest.fixture
def people(db: Database, shop) -> dict[str, int]:
    out = {}
    for phone, name in (("13812345678", "张三"), ("13912340000", "张珊珊"), ("13700005678", "李四"),
                        ("15000000001", "欧阳娜娜"), ("15100000002", "John Smith"),
                        ("15200000003", "مریم")):
        out[name] = members.register(db, shop.desk, members.MemberInput(phone=phone, name=name)).id
    return out


def names(db: Database, shop, query: str) -> list[str]:
    return [h.name for h in member_search.search(db, shop.desk, query)]


@pytest.mark.parametrize("query, expected", [
    ("13812345678", ["张三"]),
    ("+86 138 1234 5678", ["张三"]),
    ("5678", ["张三", "李四"]),
    ("1391", ["张珊珊"]),  # four digits are a last-4 search: none ends in 1391
    ("13912", ["张珊珊"]),
    ("zs", ["张三", "张珊珊"]),
    ("zhangs", ["张三", "张珊珊"]),
    ("zhangsan", ["张三", "张珊珊"]),  # zhangshanshan starts with zhangsh... no: see below
    ("oynn", ["欧阳娜娜"]),
    ("john", ["John Smith"]),
    ("张", ["张三", "张珊珊"]),
    ("مر", ["مریم"]),
    ("13", []),
    ("", []),
])
def test_every_kind_of_query(db: Database, shop, people: dict[str, int], query: str,
                             expected: list[str]) -> None:
    got = names(db, shop, query)
    if query == "zhangsan":
        expected = ["张三"]  # 张珊珊 is zhangshanshan: "zhangsan" is not its prefix
    if query == "1391":
        expected = []
    assert sorted(got) == sorted(expected)


def test_card_number_exact_and_prefix(db: Database, shop, people: dict[str, int]) -> None:
    zs = people["张三"]
    hits = member_search.search(db, shop.desk, f"m{zs}")
    assert hits[0].id == zs and hits[0].matched is QueryKind.CARD
    assert hits[0].card_no == f"M{zs:06d}"
    assert len(member_search.search(db, shop.desk, "M0000")) == len(people)


@pytest.mark.parametrize("query", ["13812345678", "5678", "13912", "zs", "zhangs", "张", "M000001",
                                   "john"])
def test_every_search_is_an_index_search(db: Database, shop, people: dict[str, int],
                                         query: str) -> None:
    stmts = member_search.search_sql(shop.desk.store_id, query, 20)
    assert stmts
    with db.read() as s:
        for sql, params in stmts:
            plan = [r[-1] for r in s.execute(text("EXPLAIN QUERY PLAN " + sql), params)]
            customer = [p for p in plan if " c " in f" {p} " or "customer" in p]
            assert customer and all("USING INDEX" in p or "USING COVERING INDEX" in p
                                    for p in customer), plan
            assert not any(p.startswith("SCAN c") for p in plan), plan
            assert not any("TEMP B-TREE" in p for p in plan), plan
