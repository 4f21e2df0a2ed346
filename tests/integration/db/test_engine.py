"""The connection rules: pragmas, BEGIN IMMEDIATE for writers, and the Money column type."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, event, insert, select, text
from sqlalchemy.exc import IntegrityError, OperationalError, StatementError

from opsdesk.db.base import Money
from opsdesk.db.engine import Database, make_engine


def pragmas(session) -> dict[str, object]:  # noqa: ANN001
    c = session.connection()
    return {p: c.exec_driver_sql(f"PRAGMA {p}").scalar()
            for p in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")}


def test_write_and_read_sessions_have_the_rules(db: Database) -> None:
    expected = {"foreign_keys": 1, "journal_mode": "wal", "synchronous": 2, "busy_timeout": 5000}
    with db.write() as s:
        assert pragmas(s) == expected
    with db.read() as s:
        assert pragmas(s) == expected


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(IntegrityError), db.write() as s:
        s.execute(text("INSERT INTO department (store_id, name, kind, sort) "
                       "VALUES (999, 'x', 'custom', 0)"))


def test_a_failed_write_leaves_nothing(db: Database) -> None:
    with pytest.raises(RuntimeError), db.write() as s:
        s.execute(text("INSERT INTO store (name, currency, country, created_at) "
                       "VALUES ('x', 'CNY', 'CN', '2026-01-01')"))
        raise RuntimeError("boom")
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM store")).scalar() == 0


def impatient(path: Path) -> Database:
    """A second Database on the same file that gives up on a lock after 20 ms."""
    engine = make_engine(path)

    @event.listens_for(engine, "connect")
    def _short_wait(dbapi_conn, _record):  # noqa: ANN001  (runs after the app's own pragmas)
        dbapi_conn.execute("PRAGMA busy_timeout=20")

    return Database(engine)


def test_write_transaction_takes_the_write_lock_at_begin(db: Database, db_path: Path) -> None:
    """A writer that has only *read* so far already holds the lock: a second writer cannot even
    begin. With a deferred BEGIN the first writer would hold only a read snapshot and the second
    writer's SELECT would succeed (and one of two read-modify-write updates would be lost)."""
    other = impatient(db_path)
    try:
        with db.write() as s:
            s.execute(text("SELECT count(*) FROM store")).scalar()  # a read, nothing written yet
            with pytest.raises(OperationalError, match="locked"), other.write() as s2:
                s2.execute(text("SELECT count(*) FROM store")).scalar()
            # Readers are not blocked by a writer (WAL).
            with other.read() as r:
                assert r.execute(text("SELECT count(*) FROM store")).scalar() == 0
        # Once the first writer has finished, the second can write.
        with other.write() as s2:
            s2.execute(text("INSERT INTO store (name, currency, country, created_at) "
                            "VALUES ('x', 'CNY', 'CN', '2026-01-01')"))
        with db.read() as r:
            assert r.execute(text("SELECT count(*) FROM store")).scalar() == 1
    finally:
        other.dispose()


def test_read_transaction_does_not_lock_out_writers(db: Database, db_path: Path) -> None:
    other = impatient(db_path)
    try:
        with db.read() as r:
            r.execute(text("SELECT count(*) FROM store")).scalar()
            with other.write() as s2:
                s2.execute(text("INSERT INTO store (name, currency, country, created_at) "
                                "VALUES ('x', 'CNY', 'CN', '2026-01-01')"))
            # The reader keeps its snapshot.
            assert r.execute(text("SELECT count(*) FROM store")).scalar() == 0
    finally:
        other.dispose()


def test_begin_statements_issued(db: Database) -> None:
    seen: list[str] = []

    @event.listens_for(db.engine, "before_cursor_execute")
    def _log(conn, cursor, statement, *args):  # noqa: ANN001
        if statement.startswith("BEGIN"):
            seen.append(statement)

    with db.write() as s:
        s.execute(text("SELECT 1"))
    with db.read() as s:
        s.execute(text("SELECT 1"))
    assert seen == ["BEGIN IMMEDIATE", "BEGIN DEFERRED"]


@pytest.fixture
def money_table(tmp_path: Path):  # noqa: ANN201
    engine = make_engine(tmp_path / "money.sqlite")
    meta = MetaData()
    table = Table("t", meta, Column("id", Integer, primary_key=True), Column("amount", Money))
    meta.create_all(engine)
    yield engine, table
    engine.dispose()


@pytest.mark.parametrize("bad", [1.5, 100.0, Decimal("1.00"), True, "100"])
def test_money_column_refuses_non_integers(money_table, bad) -> None:  # noqa: ANN001
    engine, table = money_table
    with pytest.raises(StatementError) as e, engine.begin() as c:
        c.execute(insert(table).values(amount=bad))
    assert isinstance(e.value.orig, TypeError)
    with engine.connect() as c:
        assert c.execute(select(table)).all() == []


def test_money_column_stores_big_integers_exactly(money_table) -> None:  # noqa: ANN001
    engine, table = money_table
    values = [0, -1, 123456, 10**15, -(10**15), 2**62, None]
    with engine.begin() as c:
        for v in values:
            c.execute(insert(table).values(amount=v))
    with engine.connect() as c:
        stored = c.execute(select(table.c.amount).order_by(table.c.id)).scalars().all()
        types = c.exec_driver_sql("SELECT typeof(amount) FROM t ORDER BY id").scalars().all()
    assert stored == values
    assert types == ["integer"] * 6 + ["null"]
