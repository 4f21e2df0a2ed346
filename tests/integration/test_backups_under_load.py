"""Automatic backups (daily and on exit, keeping the last N) taken while another process writes
as fast as it can: every copy must pass ``opsdesk check``, and the store must be larger than one
backup step, so a copy that restarted on every write (and never finished) would show here."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest

from opsdesk.app.cli import run as opsdesk
from opsdesk.db.engine import Database
from opsdesk.domain.errors import ValidationError
from opsdesk.io.members_import import ImportRow
from opsdesk.services import backups, member_import, members
from opsdesk.services.context import Actor

WRITER = Path(__file__).resolve().parents[1] / "ledger_writer.py"
BACKUPS = 25


def ledger_rows(path: Path) -> int:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return con.execute("SELECT COUNT(*) FROM stored_value_entry").fetchone()[0]
    finally:
        con.close()


@pytest.fixture
def big_store(db: Database, store: Actor, db_path: Path) -> Actor:
    """Some 13 MB of members: more than twice the 1,024 pages one backup step copies."""
    rows = (ImportRow(i, f"会员{i}", f"136{i:08d}", notes="老客户资料迁移 " * 8)
            for i in range(25_000))
    member_import.import_members(db, store, rows, "skip")
    members.register(db, store, members.MemberInput(phone="13900000001", name="王丽"))
    pages = sqlite3.connect(db_path).execute("PRAGMA page_count").fetchone()[0]
    assert pages > 2 * 1024
    return store


def test_25_backups_during_heavy_writes_all_pass_check(db: Database, db_path: Path,
                                                       big_store: Actor, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    writer = subprocess.Popen([sys.executable, str(WRITER), "stream", str(db_path), "bk", "7"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    confirmed: list[str] = []
    started = threading.Event()

    def read() -> None:
        for line in writer.stdout:  # type: ignore[union-attr]
            confirmed.append(line)
            started.set()
        started.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    taken: list[tuple[Path, int]] = []
    try:
        assert started.wait(60)
        day = date(2026, 3, 1)
        for i in range(BACKUPS):
            before = len(confirmed)
            if i % 2:
                out = backups.backup_on_exit(db, folder, keep=BACKUPS)
            else:
                out = backups.maybe_daily_backup(db, folder, day + timedelta(days=i), BACKUPS)
            assert out is not None and out.exists()
            taken.append((out, before))
        assert writer.poll() is None, "the writer stopped while the backups were taken"
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(30)
        reader.join(30)
    written_during = len(confirmed) - taken[0][1]
    assert written_during > BACKUPS, "too few writes to call it heavy"
    counts = []
    for path, _ in taken:
        assert opsdesk(["check", "--db", str(path)]) == 0, path
        counts.append(ledger_rows(path))
    assert counts == sorted(counts) and counts[-1] > counts[0], "each copy a later snapshot"
    print(f"backups: {len(taken)} taken while {written_during} operations were confirmed; "
          f"all pass opsdesk check")


def test_daily_once_a_day_exit_every_time_and_the_last_n_kept(db: Database, store: Actor,
                                                              tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    manual = folder / "store-20260101-000000-before-0003.sqlite"
    manual.write_bytes(b"kept whatever it holds")
    day = date(2026, 3, 1)
    assert backups.maybe_daily_backup(db, folder, day, keep=3) is not None
    assert backups.maybe_daily_backup(db, folder, day, keep=3) is None  # already taken today
    for i in range(1, 6):
        assert backups.maybe_daily_backup(db, folder, day + timedelta(days=i), keep=3)
    for _ in range(5):
        assert backups.backup_on_exit(db, folder, keep=3)
    names = sorted(p.name for p in folder.iterdir())
    assert len([n for n in names if n.endswith("-daily.sqlite")]) == 3
    assert [n for n in names if "-daily" in n][0].startswith("store-20260304-")
    assert len([n for n in names if "-exit" in n]) == 3
    assert manual.read_bytes() == b"kept whatever it holds"
    assert not [n for n in names if n.endswith(".part")]
    assert backups.prune(folder, 1) and len(list(folder.iterdir())) == 3
    with pytest.raises(ValidationError):
        backups.backup_on_exit(db, folder, keep=0)
