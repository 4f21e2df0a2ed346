"""The visit form by keyboard: find the customer, pick the type, effective, outcome, a quick
next follow-up date, Enter; and bad input (a follow-up date in the past, an effective visit with
no outcome, a colleague who has left, a customer typed but not picked) refused beside the fields
with nothing written and nothing typed lost."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from opsdesk.db import clock
from opsdesk.services import auth, followups, visits
from opsdesk.services import staff as staff_service
from opsdesk.ui.pages.sales_process.visit_form import Customer, VisitDialog

TODAY = date(2026, 11, 2)


@pytest.fixture
def db_path(demo_db_path: Path) -> Path:
    return demo_db_path


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


def a_customer(db_path: Path, staff_login: str = "zhangwei") -> Customer:
    cid, name, phone, card, stage = sql(
        db_path, "SELECT c.id, c.name, c.phone, c.card_no, c.stage FROM customer c "
                 "JOIN staff s ON s.id = c.staff_id WHERE s.login = ? AND c.stage = 'lead' "
                 "ORDER BY c.id LIMIT 1", staff_login)[0]
    return Customer(cid, name, phone, card, stage)


def show(qtbot, dlg: VisitDialog) -> VisitDialog:  # noqa: ANN001
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    return dlg


def visit_count(db_path: Path) -> int:
    return sql(db_path, "SELECT count(*) FROM visit")[0][0]


# The completer's popup asks the offscreen platform for what it cannot do; not our fault.
@pytest.mark.qt_log_ignore(r"This plugin does not support (raise\(\)|grabbing the keyboard)")
def test_a_visit_by_keyboard_alone(qtbot, db, db_path, context_for):
    ctx = context_for(auth.login(db, "zhangwei", "1234"))
    c = a_customer(db_path)
    dlg = show(qtbot, VisitDialog(ctx))
    assert dlg.customer.hasFocus()
    qtbot.keyClicks(dlg.customer, c.phone)
    dlg.customer.flush()
    popup = dlg.customer.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    # Picked with the mouse: Down and Enter in the offscreen popup do not reach the completer.
    rect = popup.visualRect(popup.model().index(0, 0))
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dlg.customer.hit is not None and dlg.customer.hit.id == c.id
    assert dlg.stage.currentData() == "lead"  # the current stage, unless changed
    dlg.activateWindow()
    qtbot.waitUntil(lambda: dlg.isActiveWindow() and not popup.isVisible())
    qtbot.keyClick(dlg.customer, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    # A mnemonic clicks its button as if pressed, a moment later (Qt animates the click).
    qtbot.waitUntil(lambda: dlg.visit_type() is visits.VisitType.MEETING)
    qtbot.keyClick(dlg.customer, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dlg.next_date.value_or_none() == TODAY + timedelta(days=3))
    qtbot.keyClick(dlg.customer, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert dlg.outcome.hasFocus()
    qtbot.keyClicks(dlg.outcome, "wants the spring offer")
    qtbot.keyClick(dlg.customer, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    assert dlg.stage.hasFocus()
    dlg.stage.setCurrentIndex(dlg.stage.findData("target"))
    with qtbot.waitSignal(dlg.accepted):
        qtbot.keyClick(dlg.outcome, Qt.Key.Key_Return)

    r = dlg.result_visit
    assert r is not None and r.next_task_id is not None
    row = sql(db_path, "SELECT customer_id, type, effective, outcome, new_stage, "
                       "next_followup_on FROM visit WHERE id = ?", r.visit_id)[0]
    assert row == (c.id, "meeting", 1, "wants the spring offer", "target",
                   (TODAY + timedelta(days=3)).isoformat())
    assert sql(db_path, "SELECT stage FROM customer WHERE id = ?", c.id)[0] == ("target",)


def test_escape_cancels_and_writes_nothing(qtbot, db, db_path, context_for):
    ctx = context_for(auth.login(db, "zhangwei", "1234"))
    before = visit_count(db_path)
    dlg = show(qtbot, VisitDialog(ctx, a_customer(db_path)))
    qtbot.keyClicks(dlg.outcome, "no answer")
    with qtbot.waitSignal(dlg.rejected):
        qtbot.keyClick(dlg.outcome, Qt.Key.Key_Escape)
    assert visit_count(db_path) == before


def test_past_date_and_missing_outcome_are_refused_beside_the_fields(qtbot, db, db_path,
                                                                     context_for):
    ctx = context_for(auth.login(db, "zhangwei", "1234"))
    before = visit_count(db_path)
    dlg = show(qtbot, VisitDialog(ctx, a_customer(db_path)))
    assert dlg.effective.isChecked()
    dlg.next_date.set_value(TODAY - timedelta(days=1))
    qtbot.keyClicks(dlg.note, "called twice")
    qtbot.keyClick(dlg.note, Qt.Key.Key_Return)

    assert dlg.isVisible() and dlg.result_visit is None
    assert dlg.form.field_error("outcome") == "An effective visit needs its outcome."
    assert dlg.form.field_error("next_followup_on") == "The next follow-up cannot be in the past."
    assert dlg.form.field_error("customer_id") == ""
    assert dlg.outcome.hasFocus() or dlg.next_date.hasFocus()
    assert dlg.note.text() == "called twice"  # nothing typed is lost
    assert dlg.next_date.value() == TODAY - timedelta(days=1)
    assert visit_count(db_path) == before


def test_an_unreadable_date_is_refused_beside_it(qtbot, db, db_path, context_for):
    ctx = context_for(auth.login(db, "zhangwei", "1234"))
    before = visit_count(db_path)
    dlg = show(qtbot, VisitDialog(ctx, a_customer(db_path)))
    qtbot.keyClicks(dlg.outcome, "ok")
    qtbot.keyClicks(dlg.next_date, "next tuesday")
    qtbot.keyClick(dlg.outcome, Qt.Key.Key_Return)
    assert dlg.form.field_error("next_followup_on") != ""
    assert visit_count(db_path) == before


def test_a_customer_typed_but_not_picked_is_refused(qtbot, db, db_path, context_for):
    ctx = context_for(auth.login(db, "zhangwei", "1234"))
    dlg = show(qtbot, VisitDialog(ctx))
    qtbot.keyClicks(dlg.customer, "nobody at all")
    qtbot.keyClicks(dlg.outcome, "hello")
    qtbot.keyClick(dlg.outcome, Qt.Key.Key_Return)
    assert dlg.form.field_error("customer_id") != ""
    assert dlg.customer.hasFocus()
    assert dlg.outcome.text() == "hello"


def test_a_task_of_someone_who_left_cannot_be_logged_under_them(qtbot, db, db_path,
                                                                context_for):
    owner = auth.login(db, "owner", "1234")
    manager = auth.login(db, "chenjing", "1234")
    followups.generate(db, manager, TODAY)
    task = next(t for t in followups.queue(db, manager, TODAY, "overdue", "team").rows
                if t.staff_name == "孙磊")
    sun = next(p for p in staff_service.list_staff(db, owner) if p.login == "sunlei")
    staff_service.update_staff(db, owner, sun.id, staff_service.StaffInput(
        name=sun.name, login=sun.login, role=sun.role, department_id=sun.department_id,
        position=sun.position, mentor_id=sun.mentor_id, phone=sun.phone,
        hire_date=sun.hire_date, leave_date=TODAY - timedelta(days=1), active=False))
    before = visit_count(db_path)
    ctx = context_for(manager)
    dlg = show(qtbot, VisitDialog(ctx, task=task))
    assert dlg.staff.currentText() == "孙磊"
    qtbot.keyClicks(dlg.outcome, "booked")
    qtbot.keyClick(dlg.outcome, Qt.Key.Key_Return)
    assert dlg.form.field_error("staff_id") == \
        "This colleague has left; visits are logged for people who work here now."
    assert visit_count(db_path) == before
    assert sql(db_path, "SELECT status FROM followup_task WHERE id = ?", task.id)[0] == ("open",)
    # Logged by the manager under a colleague who works here, the same form goes through.
    dlg.staff.setCurrentIndex(dlg.staff.findText("张伟"))
    with qtbot.waitSignal(dlg.accepted):
        qtbot.keyClick(dlg.outcome, Qt.Key.Key_Return)
    assert sql(db_path, "SELECT status FROM followup_task WHERE id = ?", task.id)[0] == ("done",)


def test_an_override_of_the_stage_needs_a_reason(qtbot, db, db_path, context_for):
    ctx = context_for(auth.login(db, "zhangwei", "1234"))
    c = a_customer(db_path)
    dlg = show(qtbot, VisitDialog(ctx, c))
    qtbot.keyClicks(dlg.outcome, "says she bought elsewhere")
    dlg.stage.setCurrentIndex(dlg.stage.findData("customer"))  # no purchase here yet
    qtbot.keyClick(dlg.outcome, Qt.Key.Key_Return)
    assert dlg.form.field_error("stage_reason") != ""
    assert sql(db_path, "SELECT stage FROM customer WHERE id = ?", c.id)[0] == ("lead",)
    qtbot.keyClicks(dlg.stage_reason, "bought the card at the other branch")
    with qtbot.waitSignal(dlg.accepted):
        qtbot.keyClick(dlg.stage_reason, Qt.Key.Key_Return)
    assert sql(db_path, "SELECT stage FROM customer WHERE id = ?", c.id)[0] == ("customer",)
