"""The backups folder as the owner sees it: every copy, newest first, checked as a restore would."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from opsdesk.db.engine import Database
from opsdesk.domain.backups import Origin
from opsdesk.domain.errors import EnvironmentProblem
from opsdesk.services import backups


def test_listed_newest_first_with_kind_size_and_time(db: Database, store, tmp_path: Path) -> None:  # noqa: ANN001
    if not db.is_sqlite:
        assert backups.folder_for(db) is None
        pytest.skip("a server database keeps no backups folder")
    folder = backups.folder_for(db)
    assert folder == Path(db.path).parent / "backups"
    assert backups.list_backups(folder) == []  # no folder yet
    daily = backups.maybe_daily_backup(db, folder, date.today() - timedelta(days=1), 7)
    on_exit = backups.backup_on_exit(db, folder, 7)
    own = folder / "before the move.sqlite"
    own.write_bytes(daily.read_bytes())
    old = datetime(2020, 1, 2, 3, 4, 5).timestamp()
    os.utime(own, (old, old))
    (folder / "x.sqlite.part").write_bytes(b"half")
    listed = backups.list_backups(folder)
    assert [(b.path, b.origin) for b in listed] == [
        (on_exit, Origin.EXIT), (daily, Origin.DAILY), (own, Origin.OTHER)]
    assert listed[2].taken_at == datetime(2020, 1, 2, 3, 4, 5)
    assert listed[0].size == on_exit.stat().st_size


def test_check_reads_the_store_and_refuses_junk(db: Database, store, tmp_path: Path) -> None:  # noqa: ANN001
    if not db.is_sqlite:
        pytest.skip("a server database keeps no backups folder")
    folder = backups.folder_for(db)
    good = backups.backup_on_exit(db, folder, 7)
    before = good.read_bytes()
    found = backups.check_backup(good)
    assert (found.store_name, found.current) == ("悦容美学馆", True)
    assert good.read_bytes() == before  # nothing written
    bad = folder / "bad.sqlite"
    data = bytearray(before)
    data[3 * 4096 + 8: 4 * 4096] = b"\xff" * (4096 - 8)
    bad.write_bytes(bytes(data))
    with pytest.raises(EnvironmentProblem) as e:
        backups.check_backup(bad)
    assert e.value.code == "backup.damaged"
    (folder / "text.sqlite").write_text("hello")
    with pytest.raises(EnvironmentProblem) as e:
        backups.check_backup(folder / "text.sqlite")
    assert e.value.code == "db.not_sqlite"


def test_no_list_on_a_server_database() -> None:
    assert backups.list_backups(None) == []
