"""A stepped online backup copies one snapshot: a commit landing between two steps must not make
it start over (on a busy store it would then never finish)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from opsdesk.db.backup import online_backup


class TooManySteps(Exception):
    pass


@pytest.fixture
def live(tmp_path: Path) -> Path:
    path = tmp_path / "live.sqlite"
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, x BLOB)")
    con.execute("BEGIN")
    con.executemany("INSERT INTO t (x) VALUES (randomblob(3000))", [()] * 200)
    con.execute("COMMIT")
    con.close()
    return path


def test_a_commit_between_every_two_steps_does_not_restart_the_copy(live: Path,
                                                                    tmp_path: Path) -> None:
    writer = sqlite3.connect(live, isolation_level=None)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        if len(calls) > 1000:
            raise TooManySteps
        # Another connection commits while the copy is half done.
        writer.execute("INSERT INTO t (x) VALUES (randomblob(3000))")

    out = online_backup(live, tmp_path / "copy.sqlite", progress, pages_per_step=10)
    writer.close()
    total = calls[0][1]
    assert len(calls) == -(-total // 10), "the copy started over"
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    con = sqlite3.connect(out)
    assert con.execute("SELECT COUNT(*) FROM t").fetchone()[0] == 200  # the snapshot at start
    con.close()
