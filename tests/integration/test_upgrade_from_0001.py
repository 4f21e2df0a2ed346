"""A store written by the first released schema (0001) opens in this version: backed up first,
migrated to head, consistent, and with every row it had still there.

The file in tests/data is kept as that version wrote it; installing a newer OpsDesk over an older
one leaves the user's database exactly like that.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from opsdesk.db import schema
from opsdesk.db.opening import open_database
from opsdesk.services import maintenance

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "opsdesk_schema_0001.sqlite"
FIXTURE_REVISION = "0001"


def _tables(con: sqlite3.Connection) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
        "AND name <> 'alembic_version' ORDER BY name")]


def _columns(con: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]


def _rows(con: sqlite3.Connection, table: str, columns: list[str]) -> list[tuple]:
    cols = ", ".join(f'"{c}"' for c in columns)
    return con.execute(f'SELECT {cols} FROM "{table}" ORDER BY rowid').fetchall()


def _snapshot(path: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {t: (cols, _rows(con, t, cols)) for t in _tables(con)
                for cols in [_columns(con, t)]}
    finally:
        con.close()


def _assert_rows_kept(original: dict[str, tuple[list[str], list[tuple]]], path: Path) -> None:
    """Every original table, column and row is still there with the same values; a migration may
    add tables and columns, but not lose or change what the user had."""
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        now_tables = set(_tables(con))
        for table, (cols, rows) in original.items():
            assert table in now_tables, f"table {table} is gone"
            missing = set(cols) - set(_columns(con, table))
            assert not missing, f"{table}: columns {sorted(missing)} are gone"
            assert _rows(con, table, cols) == rows, f"{table}: rows differ after the upgrade"
    finally:
        con.close()


@pytest.fixture
def old_store(tmp_path: Path) -> Path:
    path = tmp_path / "opsdesk.sqlite"
    shutil.copyfile(FIXTURE, path)
    return path


def test_fixture_is_a_store_of_the_old_schema() -> None:
    found = schema.inspect_sqlite(FIXTURE)
    assert found.revision == FIXTURE_REVISION
    assert found.state is schema.State.OLDER  # so opening it really migrates
    assert FIXTURE.stat().st_size < 1_000_000
    snap = _snapshot(FIXTURE)
    # Enough of a store that "every row survives" means something.
    assert len(snap["customer"][1]) == 200
    assert snap["staff"][1] and snap["audit_entry"][1]


def test_upgrade_keeps_every_row_and_passes_the_check(old_store: Path) -> None:
    original = _snapshot(FIXTURE)
    opened = open_database(old_store)
    try:
        assert not opened.created
        report = maintenance.check(opened.db)
    finally:
        opened.db.dispose()
    assert report.schema_revision == schema.HEAD
    assert report.ok, report.problems
    assert schema.inspect_sqlite(old_store).state is schema.State.CURRENT
    _assert_rows_kept(original, old_store)
    # And it opens again as current, with nothing left to do.
    again = open_database(old_store)
    again.db.dispose()
    assert again.migrated_from is None and again.backup is None


def test_backup_is_taken_before_migrating(old_store: Path, tmp_path: Path) -> None:
    original = _snapshot(FIXTURE)
    opened = open_database(old_store, backup_dir=tmp_path / "backups")
    opened.db.dispose()
    assert opened.migrated_from == FIXTURE_REVISION
    assert opened.backup is not None and opened.backup.parent == tmp_path / "backups"
    # The backup is the store as it was before the migration: old revision, same rows.
    assert schema.inspect_sqlite(opened.backup).revision == FIXTURE_REVISION
    assert _snapshot(opened.backup) == original

