"""Opening a database: create at head, reopen, and refuse (untouched) what we must not open."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from opsdesk.db import schema
from opsdesk.db.opening import open_database, preflight
from opsdesk.domain.errors import EnvironmentProblem


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_beside(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


def test_revisions_end_at_the_alembic_head() -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(schema.MIGRATIONS_DIR))
    scripts = ScriptDirectory.from_config(cfg)
    assert scripts.get_heads() == [schema.HEAD]
    assert schema.REVISIONS[-1] == schema.HEAD
    # Every revision, oldest first, as the chain of down_revisions says.
    chain = [r.revision for r in scripts.walk_revisions("base", "heads")][::-1]
    assert tuple(chain) == schema.REVISIONS


def test_new_file_is_created_at_head(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "new.sqlite"  # the folder is made too
    opened = open_database(path)
    try:
        assert opened.created and opened.migrated_from is None and opened.backup is None
        with opened.db.read() as s:
            c = s.connection()
            assert c.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == schema.HEAD
            assert c.exec_driver_sql("PRAGMA user_version").scalar() == len(schema.REVISIONS)
            tables = {r[0] for r in c.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"store", "staff", "department", "audit_entry", "customer", "setting"} <= tables
        assert opened.db.path == path.resolve()
    finally:
        opened.db.dispose()
    again = open_database(path)
    try:
        assert not again.created and again.migrated_from is None and again.backup is None
        assert preflight(path).state is schema.State.CURRENT
    finally:
        again.db.dispose()


def test_empty_file_is_treated_as_new(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.touch()
    assert preflight(path).state is schema.State.NEW
    opened = open_database(path)
    opened.db.dispose()
    assert opened.created


def test_models_match_the_migrations(db_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    from opsdesk.db import models  # noqa: F401
    from opsdesk.db.base import Base

    engine = create_engine(f"sqlite:///{db_path}")
    try:
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(ctx, Base.metadata) == []
    finally:
        engine.dispose()


def _set_revision(path: Path, revision: str) -> None:
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    con.close()


def test_newer_schema_is_refused_and_left_untouched(db_path: Path) -> None:
    _set_revision(db_path, "9999")
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA journal_mode=DELETE")  # a file as a newer app would leave it when closed
    con.close()
    before, names = sha256(db_path), files_beside(db_path)
    with pytest.raises(EnvironmentProblem) as e:
        open_database(db_path)
    assert e.value.code == "db.newer_schema"
    assert e.value.params["revision"] == "9999"
    assert sha256(db_path) == before
    assert files_beside(db_path) == names  # no -wal, -shm or backup left beside it


def test_newer_schema_in_wal_mode_is_left_untouched(db_path: Path) -> None:
    _set_revision(db_path, "9999")
    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    con.close()
    before, names = sha256(db_path), files_beside(db_path)
    with pytest.raises(EnvironmentProblem) as e:
        open_database(db_path)
    assert e.value.code == "db.newer_schema"
    assert sha256(db_path) == before
    assert files_beside(db_path) == names  # not even empty -wal / -shm files


@pytest.mark.parametrize("content", [
    "Name,Phone\n王丽,13800000000\n".encode(),
    bytes(range(256)) * 64,
    b"SQLite format 2\x00" + b"\x00" * 1000,
    b"x",
])
def test_not_sqlite_is_refused_and_left_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "customers.csv"
    path.write_bytes(content)
    with pytest.raises(EnvironmentProblem) as e:
        open_database(path)
    assert e.value.code == "db.not_sqlite"
    assert path.read_bytes() == content
    assert files_beside(path) == {"customers.csv"}


def test_foreign_sqlite_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other-app.db"
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        con.execute("INSERT INTO notes (body) VALUES ('keep me')")
    con.close()
    before = sha256(path)
    with pytest.raises(EnvironmentProblem) as e:
        open_database(path)
    assert e.value.code == "db.foreign"
    assert sha256(path) == before
    assert files_beside(path) == {"other-app.db"}


def test_corrupt_sqlite_is_refused(tmp_path: Path, migrated_template: Path) -> None:
    path = tmp_path / "broken.sqlite"
    data = bytearray(migrated_template.read_bytes())
    data[100:4096] = os.urandom(4096 - 100)  # the schema page, header kept
    path.write_bytes(bytes(data))
    with pytest.raises(EnvironmentProblem) as e:
        open_database(path)
    assert e.value.code == "db.corrupt"
    assert path.read_bytes() == bytes(data)


def test_directory_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.sqlite"
    folder.mkdir()
    with pytest.raises(EnvironmentProblem) as e:
        open_database(folder)
    assert e.value.code == "db.is_directory"
    assert list(folder.iterdir()) == []


def test_sync_folder_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    path = tmp_path / "OneDrive" / "opsdesk.sqlite"
    with pytest.raises(EnvironmentProblem) as e:
        open_database(path)
    assert e.value.code == "db.cloud_sync"
    assert not path.parent.exists()


def test_older_revision_is_backed_up_then_migrated(db_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """With a revision known but not the head, the file is backed up before the migration.
    Simulated by telling the inspection that the head is a later, unreleased revision."""
    released = schema.HEAD
    monkeypatch.setattr(schema, "REVISIONS", (*schema.REVISIONS, "9999-test"))
    monkeypatch.setattr(schema, "HEAD", "9999-test")
    upgraded: list[object] = []
    monkeypatch.setattr(schema, "upgrade", lambda engine: upgraded.append(engine))
    opened = open_database(db_path)
    try:
        assert opened.migrated_from == released
        assert upgraded
        assert opened.backup is not None and opened.backup.exists()
        assert opened.backup.parent == db_path.parent / "backups"
        assert "before-9999-test" in opened.backup.name
        con = sqlite3.connect(opened.backup)
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (released,)
        con.close()
    finally:
        opened.db.dispose()
