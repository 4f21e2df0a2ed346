"""Settings: a backup taken from the page while the store is open is a verified, complete copy."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from opsdesk.domain.errors import OpsError
from opsdesk.ui.pages.settings.page import SettingsPage


def settings_page(qtbot, ctx) -> SettingsPage:  # noqa: ANN001
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def test_backup_now_writes_a_verified_copy(qtbot, ctx, tmp_path):
    page = settings_page(qtbot, ctx)
    dest = tmp_path / "copies" / "store-backup.sqlite"
    dest.parent.mkdir()
    with qtbot.waitSignal(page.backup_finished, timeout=30_000) as done:
        job = page.backup_now(str(dest))
    assert job is not None
    assert done.args == [dest]
    assert page.last_backup.text() == f"Backup saved and verified: {dest}"
    con = sqlite3.connect(dest)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("SELECT name FROM store").fetchall() == [("悦容美学馆",)]
        assert con.execute("SELECT login FROM staff").fetchall() == [("boss",)]
    finally:
        con.close()


def test_backup_onto_the_database_itself_is_refused(qtbot, ctx, db_path):
    page = settings_page(qtbot, ctx)
    before = Path(db_path).read_bytes()
    with qtbot.waitSignal(page.backup_finished, timeout=30_000) as done:
        page.backup_now(str(db_path))
    assert isinstance(done.args[0], OpsError)
    assert page.last_backup.text() == (
        "Choose a different file for the backup than the database itself.")
    assert Path(db_path).read_bytes() == before


def test_page_shows_where_the_data_lives(qtbot, ctx, db_path):
    page = settings_page(qtbot, ctx)
    assert Path(page.db_path.text()) == Path(db_path)
    assert page.language.currentData() == "en"
    assert page.backup_button.text() == "&Back up now…"
