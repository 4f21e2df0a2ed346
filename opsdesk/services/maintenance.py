"""Support operations: the consistency check, backup and restore."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from opsdesk.db import backup as backups
from opsdesk.db import schema
from opsdesk.db.engine import Database
from opsdesk.db.schema import preflight
from opsdesk.domain.errors import EnvironmentProblem
from opsdesk.domain.roles import Permission
from opsdesk.services import audit
from opsdesk.services.context import Actor

# Each invariant returns a list of human-readable problems. Ledgers add theirs here as they land.
Invariant = Callable[[Session], list[str]]
INVARIANTS: list[tuple[str, Invariant]] = []


def invariant(name: str) -> Callable[[Invariant], Invariant]:
    def add(fn: Invariant) -> Invariant:
        INVARIANTS.append((name, fn))
        return fn
    return add


@invariant("audit log hash chain")
def _audit_chain(s: Session) -> list[str]:
    return audit.verify_chain(s)


@invariant("staff belong to their store")
def _staff_store(s: Session) -> list[str]:
    rows = s.execute(text(
        "SELECT a.id FROM staff a JOIN staff m ON m.id = a.mentor_id WHERE m.store_id <> a.store_id "
        "UNION ALL SELECT a.id FROM staff a JOIN department d ON d.id = a.department_id "
        "WHERE d.store_id <> a.store_id")).scalars().all()
    return [f"staff {i}: mentor or department of another store" for i in rows]


@dataclass(frozen=True)
class CheckReport:
    sqlite_version: str
    schema_revision: str
    checks_run: list[str]
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check(db: Database) -> CheckReport:
    problems: list[str] = []
    ran: list[str] = []
    with db.read() as s:
        conn = s.connection()
        if db.is_sqlite:
            ran.append("integrity_check")
            res = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
            if res != ["ok"]:
                problems += [f"integrity: {r}" for r in res[:20]]
            ran.append("foreign_key_check")
            for r in conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()[:20]:
                problems.append(f"foreign key: table {r[0]} row {r[1]} points to missing {r[2]}")
            version = sqlite3.sqlite_version
        else:
            version = "n/a"
        revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() or "?"
        for name, fn in INVARIANTS:
            ran.append(name)
            problems += fn(s)
    return CheckReport(sqlite_version=version, schema_revision=revision, checks_run=ran,
                       problems=problems)


def backup(db: Database, actor: Actor | None, dest: Path,
           progress: backups.Progress | None = None) -> Path:
    """Online backup of the open store to ``dest``; audited."""
    if actor is not None:
        audit.require(db, actor, Permission.BACKUP, "db.backup")
    if not db.is_sqlite or db.path is None:
        raise EnvironmentProblem("backup.server_database")
    out = backups.online_backup(db.path, Path(dest), progress)
    if actor is not None:
        with db.write() as s:
            audit.record_as(s, actor, "db.backup", str(out)[-100:])
    return out


def verify_backup_file(path: Path) -> schema.Inspection:
    """A file offered for restore must be a healthy OpsDesk database no newer than this app."""
    found = preflight(path)
    if found.state is schema.State.NEW:
        raise EnvironmentProblem("restore.empty", path=str(path))
    try:
        con = schema.connect_readonly(Path(path))
        try:
            res = [r[0] for r in con.execute("PRAGMA integrity_check")]
        finally:
            con.close()
    except sqlite3.DatabaseError as e:  # "database disk image is malformed"
        res = [str(e)]
    if res != ["ok"]:
        raise EnvironmentProblem("restore.verify_failed", path=str(path), reason="; ".join(res[:3]))
    return found


def restore(source: Path, live: Path, progress: backups.Progress | None = None) -> Path | None:
    """Replace the database at ``live`` with ``source`` (verified first). The current file is
    kept as a backup beside it; the restored copy is opened and migrated by the next start."""
    if Path(live).exists() and Path(source).resolve() == Path(live).resolve():
        raise EnvironmentProblem("restore.same_file", path=str(source))
    verify_backup_file(source)
    kept = None
    if Path(live).exists() and Path(live).stat().st_size:
        kept = backups.online_backup(live, backups.unused_path(
            Path(live).parent / "backups" / backups.timestamped_name(live, "before-restore")))
    backups.restore_into(source, live, progress)
    return kept
