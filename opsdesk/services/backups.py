"""Automatic online backups of the open store: once a day at start and at every close, keeping the
newest N of each (rules in ``domain.backups``). Each copy is taken through SQLite's backup API
and verified before it gets its name (``db.backup.online_backup``), so the writers can go on.

Where the app calls them: ``maybe_daily_backup`` once the store is open (after login is fine,
off the GUI thread); ``backup_on_exit`` when the main window closes, before the engine is
disposed. Both return None on a server database (PostgreSQL has its own backups), and a backup
that fails raises ``EnvironmentProblem`` (``backup.*`` codes) for the caller to show; it never
stops the app from closing.

Error codes: ``backup.keep_invalid`` (``keep``, params ``min``, ``max``), and those of
``db.backup.online_backup``.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from opsdesk.db import backup as files
from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.domain.backups import BackupKind, check_keep, daily_due, label, to_delete


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
