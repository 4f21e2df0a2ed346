"""Automatic online backups of the open store: once a day at start and at every close, keeping the
newest N of each (rules in ``domain.backups``). Each copy is taken through SQLite's backup API
and verified before it gets its name (``db.backup.online_backup``), so the writers can go on.

Where the app calls them: ``maybe_daily_backup`` once the store is open (after login is fine,
off the GUI thread); ``backup_on_exit`` when the main window closes, before the engine is
disposed. Both return None on a server database (PostgreSQL has its own backups), and a backup
that fails raises ``EnvironmentProblem`` (``backup.*`` codes) for the caller to show; it never
stops the app from closing.

For the owner's list in Settings: ``folder_for`` (where they are kept), ``list_backups`` (every
copy in that folder, newest first, with when it was taken, why and its size) and ``check_backup``
(the very verification a restore runs, ``maintenance.verify_backup_file``, with no write).

Error codes: ``backup.keep_invalid`` (``keep``, params ``min``, ``max``), ``backup.damaged``
(params ``path``, ``reason``: a listed copy that cannot be restored), and those of
``db.backup.online_backup`` and ``maintenance.verify_backup_file``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from opsdesk.db import backup as files
from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.domain.backups import (
    BackupKind,
    Origin,
    check_keep,
    daily_due,
    describe,
    label,
    order_key,
    taken_at,
    to_delete,
)
from opsdesk.domain.errors import EnvironmentProblem

FOLDER_NAME = "backups"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    origin: Origin
    taken_at: datetime  # local time, from the name (or the file's modification time)
    size: int  # bytes
    revision: str | None = None  # for a copy taken before an upgrade: the revision upgraded to


@dataclass(frozen=True)
class BackupCheck:
    path: Path
    store_name: str
    revision: str | None
    current: bool  # the schema this app uses; False: older, upgraded when restored and opened


def _names(folder: Path) -> list[str]:
    try:
        return [p.name for p in Path(folder).iterdir() if p.is_file()]
    except FileNotFoundError:
        return []


def _take(db: Database, folder: Path, kind: BackupKind, when: datetime) -> Path:
    name = files.timestamped_name(db.path, label(kind), when)
    return files.online_backup(db.path, files.unused_path(Path(folder) / name))


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete the automatic backups in ``folder`` beyond the newest ``keep`` of each kind."""
    check_keep(keep)
    gone = []
    for name in to_delete(_names(folder), keep):
        path = Path(folder) / name
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        gone.append(path)
    return gone


def maybe_daily_backup(db: Database, folder: Path, today: date, keep: int) -> Path | None:
    """Take today's daily backup unless one exists; then prune. None when nothing was taken."""
    check_keep(keep)
    if not db.is_sqlite or db.path is None:
        return None
    if not daily_due(_names(folder), db.path.stem, today):
        return None
    now = clock.now()
    when = now if now.date() == today else datetime.combine(today, now.time())
    out = _take(db, folder, BackupKind.DAILY, when)
    prune(folder, keep)
    return out


def backup_on_exit(db: Database, folder: Path, keep: int) -> Path | None:
    check_keep(keep)
    if not db.is_sqlite or db.path is None:
        return None
    out = _take(db, folder, BackupKind.EXIT, clock.now())
    prune(folder, keep)
    return out


def folder_for(db: Database) -> Path | None:
    """Where the automatic backups of the open store are kept; None on a server database."""
    if not db.is_sqlite or db.path is None:
        return None
    return Path(db.path).parent / FOLDER_NAME


def list_backups(folder: Path | None) -> list[BackupFile]:
    """Every database copy in ``folder``, the newest first. A missing folder has none."""
    if folder is None:
        return []
    found = []
    try:
        entries = list(Path(folder).iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as e:
        raise EnvironmentProblem("db.unreadable", path=str(folder), reason=e.strerror or str(e)) from e
    for p in entries:
        copy = describe(p.name)
        if copy is None:
            continue
        try:
            st = p.stat()
        except OSError:  # deleted meanwhile (pruned by another window)
            continue
        if not p.is_file():
            continue
        found.append((copy, datetime.fromtimestamp(st.st_mtime), st.st_size, p))
    found.sort(key=lambda f: order_key(f[0], f[1]), reverse=True)
    return [BackupFile(p, copy.origin, taken_at(copy, modified), size, copy.revision)
            for copy, modified, size, p in found]


def check_backup(path: Path) -> BackupCheck:
    """Verify a backup file exactly as a restore would (``maintenance.verify_backup_file``):
    integrity check, an OpsDesk database, a schema this app can open. Nothing is written."""
    from opsdesk.db import schema
    from opsdesk.services.maintenance import verify_backup_file

    try:
        found = verify_backup_file(Path(path))
    except EnvironmentProblem as e:
        if e.code in ("restore.verify_failed", "db.corrupt"):
            raise EnvironmentProblem("backup.damaged", path=str(path),
                                     reason=e.params.get("reason", "")) from e
        raise
    return BackupCheck(Path(path), found.store_name, found.revision,
                       found.state is schema.State.CURRENT)
