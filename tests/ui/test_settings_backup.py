"""Settings: a backup taken from the page while the store is open is a verified, complete copy;
the backups kept beside the database are listed, checked and restored from the page."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import make_url

from opsdesk.domain.errors import OpsError
from opsdesk.domain.roles import Role
from opsdesk.services import auth, backups
from opsdesk.services import staff as staff_service
from opsdesk.ui import i18n
from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.pages.settings.backup_list import BackupListModel
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


# -- the list of backups kept beside the database ---------------------------------------------

def take_daily_and_exit(ctx) -> tuple[Path, Path]:  # noqa: ANN001
    """A daily backup dated yesterday and one taken on closing now, through the service."""
    folder = backups.folder_for(ctx.db)
    daily = backups.maybe_daily_backup(ctx.db, folder, date.today() - timedelta(days=1), 7)
    on_exit = backups.backup_on_exit(ctx.db, folder, 7)
    assert daily is not None and on_exit is not None
    return daily, on_exit


def select(page: SettingsPage, path: Path) -> None:
    row = [b.path for b in page.backup_model.rows()].index(path)
    page.backup_list.selectRow(row)
    assert page.selected_backup().path == path


def test_the_list_shows_the_automatic_backups_newest_first(qtbot, qtmodeltester, ctx, db_path):
    daily, on_exit = take_daily_and_exit(ctx)
    (daily.parent / "notes.txt").write_text("not a backup")
    page = settings_page(qtbot, ctx)
    qtmodeltester.check(page.backup_model)
    assert page.backup_list.isVisible() and page.check_button.isVisible()
    assert str(Path(db_path).parent / "backups") in page.list_caption.text()
    m = page.backup_model
    assert [b.path for b in m.rows()] == [on_exit, daily]
    assert [m.index(r, m.KIND).data() for r in range(2)] == ["On closing", "Daily"]
    assert m.index(1, m.FILE).data() == daily.name
    assert m.index(1, m.SIZE).data()  # e.g. "344 KB"
    assert [m.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Taken", "Kind", "Size", "File"]
    assert page.selected_backup().path == on_exit  # the newest is selected

    # A backup taken from the page appears at the top.
    dest = daily.parent / f"{Path(db_path).stem}-20990101-000000-manual.sqlite"
    with qtbot.waitSignal(page.backup_finished, timeout=30_000):
        page.backup_now(str(dest))
    assert m.rowCount() == 3 and m.row_at(0).path == dest
    assert m.index(0, m.KIND).data() == "Backed up by hand"


def test_check_passes_a_good_backup_and_names_the_problem_of_a_damaged_one(qtbot, ctx):
    daily, on_exit = take_daily_and_exit(ctx)
    junk = daily.with_name(daily.name.replace("-daily", "-manual"))
    data = bytearray(daily.read_bytes())
    page_size = 4096
    assert len(data) > 4 * page_size
    data[3 * page_size + 8: 4 * page_size] = b"\xff" * (page_size - 8)  # a b-tree page, header kept
    junk.write_bytes(bytes(data))
    page = settings_page(qtbot, ctx)
    page.refresh_backups()

    select(page, daily)
    assert "Press Check" in page.check_result.text()
    with qtbot.waitSignal(page.check_finished, timeout=30_000) as done:
        qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert isinstance(done.args[0], backups.BackupCheck)
    assert page.check_result.text().startswith("✓ Sound")
    assert "悦容美学馆" in page.check_result.text()
    assert page.check_result.text().endswith("It can be restored.")

    select(page, junk)
    with qtbot.waitSignal(page.check_finished, timeout=30_000) as done:
        qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert isinstance(done.args[0], OpsError)
    assert done.args[0].code == "backup.damaged"
    assert page.check_result.text().startswith("✗ Do not rely on this backup.")
    assert "This backup is damaged" in page.check_result.text()

    select(page, daily)  # each file keeps its own result
    assert page.check_result.text().startswith("✓ Sound")


def test_restore_this_backup_asks_first_then_replaces_the_data(qtbot, ctx, db_path, monkeypatch):
    daily, _on_exit = take_daily_and_exit(ctx)
    staff_service.create_staff(ctx.db, ctx.actor, staff_service.StaffInput(
        name="Desk", login="desk", role=Role.FRONT_DESK, secret="1357"))

    def logins() -> set[str]:
        con = sqlite3.connect(db_path)
        try:
            return {r[0] for r in con.execute("SELECT login FROM staff")}
        finally:
            con.close()

    assert logins() == {"boss", "desk"}
    page = settings_page(qtbot, ctx)
    assert page.restore_listed.isVisible()
    select(page, daily)

    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda _parent, _title, text, *a, **k: (asked.append(text), answer[0])[1]))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(
        lambda _parent, _title, text, *a, **k: told.append(text)))
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: exits.append(code)))

    qtbot.mouseClick(page.restore_listed, Qt.MouseButton.LeftButton)  # "No": nothing happens
    assert len(asked) == 1 and str(daily) in asked[0]
    assert logins() == {"boss", "desk"} and not exits

    answer[0] = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(page.restore_listed, Qt.MouseButton.LeftButton)
    assert len(asked) == 2
    assert told == ["The backup was restored. OpsDesk will now close."] and exits == [0]
    assert logins() == {"boss"}
    kept = list(daily.parent.glob("*-before-restore.sqlite"))
    assert len(kept) == 1  # the replaced data is kept as a backup too
    con = sqlite3.connect(kept[0])
    try:
        assert {r[0] for r in con.execute("SELECT login FROM staff")} == {"boss", "desk"}
    finally:
        con.close()


def test_a_damaged_listed_backup_is_not_restored(qtbot, ctx, db_path, monkeypatch):
    daily, _on_exit = take_daily_and_exit(ctx)
    daily.write_bytes(b"junk" * 2000)
    page = settings_page(qtbot, ctx)
    select(page, daily)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda _parent, _title, text, *a, **k: warned.append(text)))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: pytest.fail("asked to restore a damaged file")))
    before = Path(db_path).read_bytes()
    qtbot.mouseClick(page.restore_listed, Qt.MouseButton.LeftButton)
    assert len(warned) == 1 and "not an OpsDesk database" in warned[0]
    assert Path(db_path).read_bytes() == before


def test_front_desk_sees_the_backups_but_cannot_restore(qtbot, ctx, context_for):
    take_daily_and_exit(ctx)
    staff_service.create_staff(ctx.db, ctx.actor, staff_service.StaffInput(
        name="Desk", login="desk", role=Role.FRONT_DESK, secret="1357"))
    page = settings_page(qtbot, context_for(auth.login(ctx.db, "desk", "1357")))
    assert page.backup_model.rowCount() == 2
    assert page.check_button.isVisible()
    assert not page.restore_listed.isVisible()
    assert not page.restore_button.isVisible()


def test_on_a_server_database_backups_are_the_servers_job(qtbot, ctx):
    class ServerDatabase:
        is_sqlite = False
        path = None
        url = make_url("postgresql+psycopg://shop:secret@db.example/opsdesk")

    page = settings_page(qtbot, replace(ctx, db=ServerDatabase()))
    assert page.server_note.isVisible()
    assert "Backups are the server's job" in page.server_note.text()
    assert not page.backup_list.isVisible() and not page.restore_listed.isVisible()
    assert not page.restore_button.isVisible()
    assert "secret" not in page.db_path.text()


def test_settings_backups_screenshot(qtbot, qapp, resources, ctx, tmp_path):
    take_daily_and_exit(ctx)
    folder = backups.folder_for(ctx.db)
    backups.maybe_daily_backup(ctx.db, folder, date.today() - timedelta(days=2), 7)
    i18n.install(qapp, "zh_CN", resources)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    page = window.open_page("settings")
    window.resize(1180, 760)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(page.check_finished, timeout=30_000):
        page.check_selected()
    qtbot.wait(50)
    assert page.backup_model.index(0, BackupListModel.KIND).data() == "关闭时"
    assert page.check_result.text().startswith("✓")
    out_dir = Path(os.environ.get("OPSDESK_SCREENSHOTS") or tmp_path)
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / "settings_backups_zh_CN.png"
    assert window.grab().save(str(out))
