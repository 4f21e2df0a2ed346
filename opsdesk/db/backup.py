"""Online backups through SQLite's backup API: safe while the app has the file open, unlike a
plain copy, and verified (``integrity_check``) before the copy is given its final name."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from opsdesk.db import clock
from opsdesk.domain.errors import EnvironmentProblem

Progress = Callable[[int, int], None]  # (pages done, pages total)


def _integrity(con: sqlite3.Connection) -> list[str]:
    return [r[0] for r in con.execute("PRAGMA integrity_check")]


def online_backup(src: Path, dest: Path, progress: Progress | None = None,
                  pages_per_step: int = 1024) -> Path:
    """Copy the live database at ``src`` to ``dest`` (replaced atomically once verified)."""
    dest = Path(dest)
    if dest.resolve() == Path(src).resolve():
        raise EnvironmentProblem("backup.same_file", path=str(dest))
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise EnvironmentProblem("backup.cannot_write", path=str(dest), reason=e.strerror or str(e)) from e
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        source = sqlite3.connect(f"{Path(src).resolve().as_uri()}?mode=ro", uri=True,
                                 isolation_level=None)
        target = sqlite3.connect(tmp)
        try:
            def _step(status: int, remaining: int, total: int) -> None:
                if progress:
                    progress(total - remaining, total)

            # A stepped backup starts over whenever another connection writes between two steps:
            # on a store larger than one step, with the front desk busy, it would never finish.
            # Holding one read transaction on the source copies a single snapshot instead (WAL
            # lets the writers go on meanwhile).
            source.execute("BEGIN")
            source.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            source.backup(target, pages=pages_per_step, progress=_step)
            source.execute("COMMIT")
            target.execute("PRAGMA journal_mode=DELETE")
            problems = _integrity(target)
        finally:
            target.close()
            source.close()
    except sqlite3.Error as e:
        tmp.unlink(missing_ok=True)
        raise EnvironmentProblem("backup.failed", path=str(dest), reason=str(e)) from e
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise EnvironmentProblem("backup.cannot_write", path=str(dest), reason=e.strerror or str(e)) from e
    if problems != ["ok"]:
        tmp.unlink(missing_ok=True)
        raise EnvironmentProblem("backup.verify_failed", path=str(dest), reason="; ".join(problems[:3]))
    os.replace(tmp, dest)
    return dest


def restore_into(backup_file: Path, live: Path, progress: Progress | None = None) -> None:
    """Write ``backup_file`` over the database at ``live`` through the backup API (so a WAL file
    beside ``live`` is handled by SQLite, not left behind to corrupt the restored copy)."""
    try:
        source = sqlite3.connect(f"{Path(backup_file).resolve().as_uri()}?mode=ro", uri=True)
        target = sqlite3.connect(live)
        try:
            def _step(status: int, remaining: int, total: int) -> None:
                if progress:
                    progress(total - remaining, total)

            source.backup(target, pages=1024, progress=_step)
            problems = _integrity(target)
        finally:
            target.close()
            source.close()
    except sqlite3.Error as e:
        raise EnvironmentProblem("restore.failed", path=str(backup_file), reason=str(e)) from e
    if problems != ["ok"]:
        raise EnvironmentProblem("restore.verify_failed", path=str(live), reason="; ".join(problems[:3]))


def timestamped_name(db_path: Path, label: str, when: datetime | None = None) -> str:
    stamp = (when or clock.now()).strftime("%Y%m%d-%H%M%S")
    return f"{Path(db_path).stem}-{stamp}-{label}.sqlite"


def unused_path(path: Path) -> Path:
    """``path``, or ``name-2.sqlite``, ``name-3.sqlite`` … if taken: two automatic backups made
    within the same second must not overwrite each other (the first may be the only good copy)."""
    path = Path(path)
    n = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate
