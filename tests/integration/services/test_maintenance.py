from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from opsdesk.db import schema
from opsdesk.db.engine import Database
from opsdesk.db.models import AuditEntry
from opsdesk.domain.errors import PermissionDenied
from opsdesk.domain.roles import Role
from opsdesk.services import maintenance, staff
from opsdesk.services.context import Actor


def raw(db_path: Path, sql: str, *args) -> None:  # noqa: ANN002
    """Change the file behind the app's back, as someone with a SQLite browser could."""
    con = sqlite3.connect(db_path)
    with con:
        con.execute(sql, args)
    con.close()


@pytest.fixture
def busy_store(db: Database, store: Actor) -> Actor:
    """A store with a few more audit entries than the first run leaves."""
    staff.create_staff(db, store, staff.StaffInput(name="张伟", login="zhangwei",
                                                   role=Role.SALES, secret="5678"))
    return store


def test_check_is_clean_on_a_fresh_store(db: Database, busy_store: Actor) -> None:
    report = maintenance.check(db)
    assert report.ok, report.problems
    assert report.schema_revision == schema.HEAD
    assert report.sqlite_version == sqlite3.sqlite_version
    assert report.checks_run[:2] == ["integrity_check", "foreign_key_check"]
    assert "audit log hash chain" in report.checks_run


def test_check_is_clean_on_an_empty_database(db: Database) -> None:
    assert maintenance.check(db).ok


def test_edited_audit_entry_is_detected(db: Database, db_path: Path, busy_store: Actor) -> None:
    with db.read() as s:
        ids = s.scalars(select(AuditEntry.id).order_by(AuditEntry.id)).all()
    assert len(ids) >= 5
    raw(db_path, """UPDATE audit_entry SET detail = '{"name": "someone else"}' WHERE id = ?""",
        ids[2])
    report = maintenance.check(db)
    assert not report.ok
    assert report.problems == [f"audit entry {ids[2]}: content changed after it was written"]


def test_deleted_audit_entry_is_detected(db: Database, db_path: Path, busy_store: Actor) -> None:
    with db.read() as s:
        ids = s.scalars(select(AuditEntry.id).order_by(AuditEntry.id)).all()
    raw(db_path, "DELETE FROM audit_entry WHERE id = ?", ids[1])
    report = maintenance.check(db)
    assert report.problems == [
        f"audit entry {ids[2]}: chain broken (an entry before it was removed or changed)"]


def test_rehashed_edit_still_breaks_the_chain(db: Database, db_path: Path,
                                             busy_store: Actor) -> None:
    """Someone who recomputes the edited entry's own hash still breaks the link to the next."""
    from opsdesk.services.audit import entry_hash

    with db.read() as s:
        e = s.scalars(select(AuditEntry).order_by(AuditEntry.id).offset(1).limit(1)).one()
        new = entry_hash(e.prev_hash, e.store_id, e.at, e.actor_id, e.action, "ok", e.target, "{}")
        eid = e.id
    raw(db_path, "UPDATE audit_entry SET detail = '{}', outcome = 'ok', hash = ? WHERE id = ?",
        new, eid)
    report = maintenance.check(db)
    assert len(report.problems) == 1 and "chain broken" in report.problems[0]


def test_mentor_of_another_store_is_reported(db: Database, db_path: Path, store: Actor) -> None:
    raw(db_path, "INSERT INTO store (name, currency, country, created_at) "
                 "VALUES ('other', 'CNY', 'CN', '2026-01-01')")
    raw(db_path, "INSERT INTO staff (store_id, name, login, role, secret_hash, position, phone, "
                 "active, failed_logins, notes, created_at, mentor_id) VALUES "
                 "(2, 'x', 'x', 'sales', 'x', '', '', 1, 0, '', '2026-01-01', ?)", store.staff_id)
    report = maintenance.check(db)
    assert len(report.problems) == 1 and "mentor or department of another store" in report.problems[0]


def test_foreign_key_violation_is_reported(db: Database, db_path: Path, store: Actor) -> None:
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA foreign_keys=OFF")
    with con:
        con.execute("UPDATE staff SET department_id = 999")
    con.close()
    problems = maintenance.check(db).problems
    assert any(p.startswith("foreign key: table staff") for p in problems)


def test_backup_service_permission_and_audit(db: Database, db_path: Path, store: Actor,
                                             tmp_path: Path) -> None:
    sales = Actor(store.store_id, store.staff_id, Role.SALES, "x")
    with pytest.raises(PermissionDenied):
        maintenance.backup(db, sales, tmp_path / "no.sqlite")
    assert not (tmp_path / "no.sqlite").exists()
    front = Actor(store.store_id, store.staff_id, Role.FRONT_DESK, "x")
    out = maintenance.backup(db, front, tmp_path / "b" / "yes.sqlite")
    assert out.exists()
    with db.read() as s:
        rows = s.execute(select(AuditEntry.action, AuditEntry.outcome)
                         .order_by(AuditEntry.id.desc()).limit(2)).all()
    assert rows == [("db.backup", "ok"), ("db.backup", "refused")]
    assert maintenance.check(db).ok
