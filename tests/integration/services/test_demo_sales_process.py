"""The demo's sales-process step: consistent with ``opsdesk check``, sellers that differ the way
the dashboard shows, the same store for the same seed."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from opsdesk.db.engine import Database
from opsdesk.services import demo, maintenance
from opsdesk.services.demo_sales_process import step_sales_process


def _generate(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    assert step_sales_process in demo.STEPS  # the demo store is made with its sales process
    demo.generate(db, demo.DemoOptions(members=600, seed=3, as_of=date(2026, 6, 30)))


def _per_seller(path: Path) -> dict[str, tuple[int, int]]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {r[0]: (r[1], r[2]) for r in con.execute(
            "SELECT s.login, COUNT(*), SUM(v.effective) FROM visit v "
            "JOIN staff s ON s.id = v.staff_id GROUP BY s.login")}
    finally:
        con.close()


def test_demo_visits_are_consistent_and_sellers_differ(db: Database, db_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    _generate(db, monkeypatch)
    report = maintenance.check(db)
    assert report.ok, report.problems
    seen = _per_seller(db_path)
    zhang, lina = seen["zhangwei"], seen["lina"]
    assert zhang[0] > 2 * lina[0]  # many visits against few
    assert lina[1] / lina[0] > zhang[1] / zhang[0]  # and the few are the effective ones
    con = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        stages = dict(con.execute("SELECT source, COUNT(*) FROM stage_change GROUP BY source"))
        tasks = dict(con.execute("SELECT status, COUNT(*) FROM followup_task GROUP BY status"))
        late = con.execute("SELECT COUNT(*) FROM visit WHERE at > '2026-06-30 23:59'").fetchone()
        # No booked call left undone for more than a month still waits in the queue.
        stale = con.execute("SELECT COUNT(*) FROM followup_task WHERE rule = 'manual' AND "
                            "status = 'open' AND due_on < '2026-05-31'").fetchone()
    finally:
        con.close()
    assert stages["visit"] > 0 and stages["purchase"] > 0
    assert tasks["done"] > 0 and tasks["open"] > 0 and tasks["cancelled"] > 0
    assert late == (0,)
    assert stale == (0,)


def test_same_seed_same_visits(tmp_path: Path, migrated_template: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from opsdesk.db.opening import open_database

    got = []
    for name in ("a.sqlite", "b.sqlite"):
        path = tmp_path / name
        shutil.copyfile(migrated_template, path)
        opened = open_database(path)
        _generate(opened.db, monkeypatch)
        monkeypatch.undo()
        opened.db.dispose()
        con = sqlite3.connect(path)
        got.append(con.execute("SELECT customer_id, staff_id, at, type, effective, outcome "
                               "FROM visit ORDER BY id").fetchall())
        con.close()
    assert got[0] == got[1] and got[0]
