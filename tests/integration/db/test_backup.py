"""Online backups of a live WAL database and restoring one over the live file."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from opsdesk.db import clock
from opsdesk.db.backup import online_backup, timestamped_name, unused_path
from opsdesk.db.engine import Database
from opsdesk.domain.errors import EnvironmentProblem
from opsdesk.services import maintenance


def add_stores(db: Database, names: list[str]) -> None:
    with db.write() as s:
        for n in names:
            s.execute(text("INSERT INTO store (name, currency, country, created_at) "
                           "VALUES (:n, 'CNY', 'CN', '2026-01-01 09:00:00')"), {"n": n})


def store_names(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT name FROM store ORDER BY id")]
    finally:
        con.close()


def integrity(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


NAMES = [f"店{i}" for i in range(50)]


def test_backup_of_live_wal_database_has_every_row(db: Database, db_path: Path,
                                                    tmp_path: Path) -> None:
    add_stores(db, NAMES)
    wal = Path(f"{db_path}-wal")
    assert wal.exists() and wal.stat().st_size > 0
    # The rows are still only in the -wal file: the main file alone does not have them, which is
    # why a plain file copy of an open database is not a backup.
    raw = tmp_path / "raw-copy.sqlite"
    shutil.copyfile(db_path, raw)
    assert store_names(raw) == []

    seen: list[tuple[int, int]] = []
    out = online_backup(db_path, tmp_path / "backups" / "b.sqlite",
                        progress=lambda done, total: seen.append((done, total)), pages_per_step=2)
    assert out == tmp_path / "backups" / "b.sqlite"
    assert store_names(out) == NAMES
    assert integrity(out) == "ok"
    assert seen and seen[-1][0] == seen[-1][1] and len(seen) > 1
    assert not Path(f"{out}.part").exists()
    con = sqlite3.connect(out)
    assert con.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one self-contained file
    con.close()
    # The live database goes on working.
    add_stores(db, ["after"])
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM store")).scalar() == len(NAMES) + 1


def test_backup_replaces_an_older_backup_file(db: Database, db_path: Path, tmp_path: Path) -> None:
    dest = tmp_path / "b.sqlite"
    add_stores(db, ["one"])
    online_backup(db_path, dest)
    add_stores(db, ["two"])
    online_backup(db_path, dest)
    assert store_names(dest) == ["one", "two"]


def test_backup_onto_itself_is_refused(db: Database, db_path: Path) -> None:
    before = sha256(db_path)
    with pytest.raises(EnvironmentProblem) as e:
        online_backup(db_path, db_path)
    assert e.value.code == "backup.same_file"
    assert sha256(db_path) == before


def test_backup_names_never_collide(tmp_path: Path) -> None:
    when = datetime(2026, 3, 1, 10, 0, 5)
    name = timestamped_name(Path("/x/opsdesk.sqlite"), "before-restore", when)
    assert name == "opsdesk-20260301-100005-before-restore.sqlite"
    with clock.frozen(when):
        assert timestamped_name(Path("opsdesk.sqlite"), "x") == "opsdesk-20260301-100005-x.sqlite"
    first = tmp_path / name
    assert unused_path(first) == first
    first.touch()
    second = unused_path(first)
    assert second == tmp_path / "opsdesk-20260301-100005-before-restore-2.sqlite"
    second.touch()
    assert unused_path(first).name.endswith("-3.sqlite")


# --- restore -----------------------------------------------------------------------------------

@pytest.fixture
def good_backup(db: Database, db_path: Path, tmp_path: Path) -> Path:
    add_stores(db, ["from backup"])
    return online_backup(db_path, tmp_path / "saved" / "good.sqlite")


@pytest.fixture
def live(db: Database, db_path: Path, good_backup: Path) -> Path:
    """The live file after more work since the backup, closed (the app closes it to restore)."""
    add_stores(db, ["after backup"])
    db.dispose()
    return db_path


def test_restore_replaces_live_and_keeps_the_old_copy(live: Path, good_backup: Path) -> None:
    with clock.frozen(datetime(2026, 3, 1, 10, 0, 0)):
        kept = maintenance.restore(good_backup, live)
    assert store_names(live) == ["from backup"]
    assert integrity(live) == "ok"
    assert kept is not None and kept.parent == live.parent / "backups"
    assert kept.name == "store-20260301-100000-before-restore.sqlite"
    assert store_names(kept) == ["from backup", "after backup"]
    assert integrity(kept) == "ok"


def test_two_restores_in_one_second_keep_both_copies(live: Path, good_backup: Path,
                                                     tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    shutil.copyfile(good_backup, other)
    con = sqlite3.connect(other)
    with con:
        con.execute("UPDATE store SET name = 'other'")
    con.close()
    with clock.frozen(datetime(2026, 3, 1, 10, 0, 0)):
        first = maintenance.restore(good_backup, live)
        second = maintenance.restore(other, live)
    assert first != second
    assert store_names(first) == ["from backup", "after backup"]  # the original is not lost
    assert store_names(second) == ["from backup"]
    assert store_names(live) == ["other"]


def _refused(source: Path, live: Path, code: str) -> None:
    before = sha256(live)
    names = store_names(live)
    with pytest.raises(EnvironmentProblem) as e:
        maintenance.restore(source, live)
    assert e.value.code == code
    assert sha256(live) == before
    assert store_names(live) == names
    assert not (live.parent / "backups").exists()


def test_restore_refuses_a_file_that_is_not_sqlite(live: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(b"PK\x03\x04 this is a zip file" * 100)
    _refused(bogus, live, "db.not_sqlite")


def test_restore_refuses_a_newer_schema(live: Path, good_backup: Path) -> None:
    con = sqlite3.connect(good_backup)
    with con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.close()
    _refused(good_backup, live, "db.newer_schema")


def test_restore_refuses_an_empty_or_foreign_file(live: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    _refused(empty, live, "restore.empty")
    foreign = tmp_path / "foreign.sqlite"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE t (x)")
    con.close()
    _refused(foreign, live, "db.foreign")


def test_restore_refuses_a_damaged_backup(live: Path, good_backup: Path) -> None:
    data = bytearray(good_backup.read_bytes())
    page = 4096
    assert len(data) > 4 * page
    data[3 * page + 8: 4 * page] = b"\xff" * (page - 8)  # a b-tree page, header kept
    good_backup.write_bytes(bytes(data))
    with pytest.raises(EnvironmentProblem) as e:
        maintenance.restore(good_backup, live)
    assert e.value.code in ("restore.verify_failed", "db.corrupt")


def test_restore_onto_itself_is_refused(live: Path) -> None:
    _refused(live, live, "restore.same_file")
