"""The work queue on the demo store: the day's tasks generated in the background on first open,
counts on the tabs and in the sidebar, a visit logged from the queue closing its task, snooze,
and a manager's reassignment; and a screenshot of the queue in Chinese."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel

from opsdesk.db import clock
from opsdesk.services import auth, followups
from opsdesk.ui import i18n
from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.pages.sales_process.queue import BUCKETS, FollowUpsPage

TODAY = date(2026, 11, 2)


@pytest.fixture
def db_path(tmp_path: Path, plain_demo_file: Path) -> Path:
    path = tmp_path / "store.sqlite"
    shutil.copyfile(plain_demo_file, path)
    return path


@pytest.fixture(autouse=True)
def frozen_day():
    with clock.frozen(datetime.combine(TODAY, datetime.min.time()).replace(hour=10)):
        yield


def sql(db_path: Path, query: str, *args):  # noqa: ANN201
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return con.execute(query, args).fetchall()
    finally:
        con.close()


def open_queue(qtbot, ctx, bucket=followups.Bucket.OVERDUE) -> FollowUpsPage:  # noqa: ANN001
    page = FollowUpsPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.generated, timeout=20_000):
        page.show()
    page.tabs.setCurrentIndex(BUCKETS.index(bucket))
    return page


def in_modal(qtbot, action) -> list[list[str]]:  # noqa: ANN001
    """Run ``action(dialog)`` once the modal dialog about to open is on screen."""
    def go() -> None:
        dlg = QApplication.activeModalWidget()
        if dlg is None:
            QTimer.singleShot(10, go)
            return
        # Mnemonics and shortcuts reach only the active window.
        dlg.activateWindow()
        qtbot.waitUntil(dlg.isActiveWindow)
        action(dlg)
        if dlg.isVisible():  # the action did not close it: fail the test rather than hang
            errors = [w.text() for w in dlg.findChildren(QLabel)
                      if w.objectName().startswith("error") and w.text()]
            left_open.append(errors or ["still open"])
            dlg.reject()

    left_open: list[list[str]] = []
    QTimer.singleShot(0, go)
    return left_open


def test_first_open_generates_the_day_and_counts_show(qtbot, db, db_path, context_for):
    ctx = context_for(auth.login(db, "zhangwei", "1234"))
    assert sql(db_path, "SELECT count(*) FROM followup_task")[0][0] == 0
    page = open_queue(qtbot, ctx)
    counts = followups.queue_counts(db, ctx.actor, TODAY)
    assert counts.overdue > 0
    assert page.tabs.tabText(BUCKETS.index(followups.Bucket.OVERDUE)) == \
        f"Overdue ({counts.overdue})"
    assert page.tabs.tabText(BUCKETS.index(followups.Bucket.TODAY)) == f"Today ({counts.today})"
    assert page.model.rowCount() == min(counts.overdue, page.model.PAGE)
    assert {page.model.row_at(i).staff_name for i in range(page.model.rowCount())} == {"张伟"}
    assert not page.scope.isVisible()  # a salesperson sees their own queue only
    assert not page.generate_button.isVisible()
    # Once a day: opening the page again the same day does not generate again.
    again = FollowUpsPage(ctx)
    qtbot.addWidget(again)
    again.show()
    qtbot.wait(20)
    assert again.job is None


def test_generation_says_which_rule_it_is_on(qtbot, db, context_for):
    ctx = context_for(auth.login(db, "owner", "1234"))
    page = FollowUpsPage(ctx)
    qtbot.addWidget(page)
    shown: list[str] = []
    update = page._generation_progress

    def watched(*args) -> None:  # noqa: ANN002
        update(*args)
        shown.append(page.status.text())

    page._generation_progress = watched  # connected when the job starts, so none is missed
    with qtbot.waitSignal(page.generated, timeout=20_000):
        page.generate_in_background(force=True)
    assert "Finding today's follow-ups… After a purchase (2 of 6)" in shown
    assert len(shown) == 7  # before each of the six rules, and once at the end
    assert "new follow-up(s) found" in page.status.text()


def test_task_table_is_a_sound_model(qtbot, qtmodeltester, db, context_for):
    ctx = context_for(auth.login(db, "zhangwei", "1234"))
    page = open_queue(qtbot, ctx)
    assert page.model.rowCount() > 0
    qtmodeltester.check(page.model)


def test_logging_a_visit_from_the_queue_closes_the_task(qtbot, db, db_path, context_for):
    ctx = context_for(auth.login(db, "zhangwei", "1234"))
    page = open_queue(qtbot, ctx)
    before = page.counts.overdue
    page.table.selectRow(0)
    task = page.current_task()

    def fill(dlg) -> None:  # noqa: ANN001
        assert dlg.customer.hit.id == task.customer_id
        assert dlg.customer.isReadOnly()
        assert dlg.outcome.hasFocus()  # the customer is known: straight to what happened
        qtbot.keyClicks(dlg.outcome, "booked a trial facial")
        qtbot.keyClick(dlg.outcome, Qt.Key.Key_Return)

    in_modal(qtbot, fill)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter on a row: log visit and complete

    status, visit_id = sql(db_path, "SELECT status, done_visit_id FROM followup_task "
                                    "WHERE id = ?", task.id)[0]
    assert status == "done"
    visit = sql(db_path, "SELECT customer_id, staff_id, task_id, outcome, effective FROM visit "
                         "WHERE id = ?", visit_id)[0]
    assert visit == (task.customer_id, ctx.actor.staff_id, task.id, "booked a trial facial", 1)
    assert page.counts.overdue == before - 1
    assert task.id not in {page.model.row_at(i).id for i in range(page.model.rowCount())}
    assert "done" in page.status.text()


def test_snooze_moves_the_task_to_a_later_day(qtbot, db, db_path, context_for):
    ctx = context_for(auth.login(db, "zhangwei", "1234"))
    page = open_queue(qtbot, ctx)
    before = page.counts
    page.table.selectRow(0)
    task = page.current_task()

    def snooze(dlg) -> None:  # noqa: ANN001
        dlg.quick[3].click()
        qtbot.keyClick(dlg.until, Qt.Key.Key_Return)

    in_modal(qtbot, snooze)
    qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert sql(db_path, "SELECT status, queue_on FROM followup_task WHERE id = ?", task.id)[0] \
        == ("snoozed", (TODAY + timedelta(days=3)).isoformat())
    assert page.counts.overdue == before.overdue - 1
    assert page.counts.upcoming == before.upcoming + 1
    page.tabs.setCurrentIndex(BUCKETS.index(followups.Bucket.UPCOMING))
    rows = [page.model.row_at(i) for i in range(page.model.rowCount())]
    assert task.id in {r.id for r in rows}


def test_snooze_to_today_is_refused_beside_the_date(qtbot, db, db_path, context_for):
    ctx = context_for(auth.login(db, "zhangwei", "1234"))
    page = open_queue(qtbot, ctx)
    page.table.selectRow(0)
    task = page.current_task()
    seen: list[str] = []

    def snooze(dlg) -> None:  # noqa: ANN001
        dlg.until.setDate(TODAY)
        qtbot.keyClick(dlg.until, Qt.Key.Key_Return)
        seen.append(dlg.form.field_error("until"))
        qtbot.keyClick(dlg, Qt.Key.Key_Escape)

    in_modal(qtbot, snooze)
    page.snooze_selected()
    assert seen == ["Snooze to a day after today."]
    assert sql(db_path, "SELECT status FROM followup_task WHERE id = ?", task.id)[0] == ("open",)


def test_manager_reassigns_from_the_team_queue(qtbot, db, db_path, context_for):
    ctx = context_for(auth.login(db, "chenjing", "1234"))
    page = open_queue(qtbot, ctx)
    assert page.scope.isVisible() and page.generate_button.isVisible()
    assert page.scope_value() == (followups.Scope.TEAM, None)
    zhang = page.scope.findText("张伟")
    page.scope.setCurrentIndex(zhang)
    assert {page.model.row_at(i).staff_name for i in range(page.model.rowCount())} == {"张伟"}
    page.table.selectRow(0)
    page.table.selectionModel().select(
        page.model.index(1, 0),
        page.table.selectionModel().SelectionFlag.Select
        | page.table.selectionModel().SelectionFlag.Rows)
    ids = [r.id for r in page.selected_rows()]
    assert len(ids) == 2

    def give(dlg) -> None:  # noqa: ANN001
        dlg.staff.setCurrentIndex(dlg.staff.findText("李娜"))
        dlg.buttons.accepted.emit()

    in_modal(qtbot, give)
    page.buttons["reassign"].click()
    names = sql(db_path, f"SELECT DISTINCT s.name FROM followup_task t JOIN staff s "
                         f"ON s.id = t.staff_id WHERE t.id IN ({ids[0]}, {ids[1]})")
    assert names == [("李娜",)]
    assert "2" in page.status.text()
    assert not set(ids) & {page.model.row_at(i).id for i in range(page.model.rowCount())}


def test_salesperson_has_no_reassign(qtbot, db, context_for):
    ctx = context_for(auth.login(db, "zhangwei", "1234"))
    page = open_queue(qtbot, ctx)
    assert "reassign" not in page.buttons


def test_sidebar_shows_the_count_and_follows_actions(qtbot, db, context_for):
    ctx = context_for(auth.login(db, "zhangwei", "1234"))
    followups.generate(db, ctx.actor, TODAY)
    due = followups.queue_counts(db, ctx.actor, TODAY).badge
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    row = next(i for i, s in enumerate(window.specs) if s.key == "followups")
    assert window.sidebar.item(row).text() == f"Follow-ups ({due})"
    page = window.open_page("followups")
    page.tabs.setCurrentIndex(BUCKETS.index(followups.Bucket.OVERDUE))
    page.table.selectRow(0)

    def snooze(dlg) -> None:  # noqa: ANN001
        dlg.buttons.accepted.emit()  # tomorrow, the default

    in_modal(qtbot, snooze)
    page.snooze_selected()
    assert window.sidebar.item(row).text() == f"Follow-ups ({due - 1})"


def test_queue_screenshot_in_chinese(qtbot, qapp, resources, db, context_for, tmp_path):
    ctx = context_for(auth.login(db, "chenjing", "1234"))
    assert i18n.install(qapp, "zh_CN", resources) == "zh_CN"
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    page = window.open_page("followups")
    window.resize(1180, 760)
    with qtbot.waitSignal(page.generated, timeout=20_000):
        window.show()
    qtbot.waitExposed(window)
    page.tabs.setCurrentIndex(BUCKETS.index(followups.Bucket.OVERDUE))
    page.table.selectRow(0)
    qtbot.wait(50)  # let the table lay itself out before the grab
    assert page.title.text() == "跟进"
    folder = Path(os.environ.get("OPSDESK_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / "followup_queue_zh_CN.png"
    assert window.grab().save(str(out))
    assert QImage(str(out)).width() == 1180
