"""Hand-over: the preview says what moves, colleagues are ticked (with shares), one action moves
every customer and open follow-up; the staff page offers it when someone is made inactive."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from opsdesk.db import clock
from opsdesk.services import auth, followups
from opsdesk.services import staff as staff_service
from opsdesk.ui.pages.sales_process import handover as handover_ui
from opsdesk.ui.pages.sales_process.handover import HandoverDialog
from opsdesk.ui.pages.staff.page import StaffPage

TODAY = date(2026, 11, 2)


@pytest.fixture
def db_path(demo_db_path: Path) -> Path:
    return demo_db_path


@pytest.fixture(autouse=True)
def frozen_day():
    with clock.frozen(datetime.combine(TODAY, datetime.min.time()).replace(hour=10)):
        yield


def owned(db_path: Path, login: str) -> tuple[int, int]:
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        sid = con.execute("SELECT id FROM staff WHERE login = ?", (login,)).fetchone()[0]
        c = con.execute("SELECT count(*) FROM customer WHERE staff_id = ?", (sid,)).fetchone()[0]
        t = con.execute("SELECT count(*) FROM followup_task WHERE staff_id = ? AND status IN "
                        "('open', 'snoozed')", (sid,)).fetchone()[0]
        return c, t
    finally:
        con.close()


def staff_id(db, actor, login: str) -> int:  # noqa: ANN001
    return next(p.id for p in staff_service.list_staff(db, actor) if p.login == login)


def test_preview_then_hand_over_to_two_colleagues(qtbot, db, db_path, context_for):
    manager = auth.login(db, "chenjing", "1234")
    followups.generate(db, manager, TODAY)
    customers, tasks = owned(db_path, "sunlei")
    assert customers > 0 and tasks > 0
    zhang, li = owned(db_path, "zhangwei"), owned(db_path, "lina")
    dlg = HandoverDialog(context_for(manager), staff_id(db, manager, "sunlei"))
    qtbot.addWidget(dlg)
    assert f"{customers} customer(s)" in dlg.summary.text()
    assert f"{tasks} open follow-up(s)" in dlg.summary.text()
    assert staff_id(db, manager, "sunlei") not in dlg.picks
    dlg.execute()  # nobody ticked
    assert not dlg.error.isHidden() and dlg.result_handover is None
    assert dlg.error.text() == "Choose at least one colleague to hand over to."
    assert owned(db_path, "sunlei") == (customers, tasks)
    dlg.picks[staff_id(db, manager, "zhangwei")].setChecked(True)
    dlg.picks[staff_id(db, manager, "lina")].setChecked(True)
    dlg.weights[staff_id(db, manager, "lina")].setValue(2)
    with qtbot.waitSignal(dlg.accepted):
        dlg.execute()
    r = dlg.result_handover
    assert (r.customers, r.tasks) == (customers, tasks)
    assert owned(db_path, "sunlei") == (0, 0)
    got_zhang = owned(db_path, "zhangwei")[0] - zhang[0]
    got_li = owned(db_path, "lina")[0] - li[0]
    assert got_zhang + got_li == customers and got_li >= got_zhang


def test_staff_page_offers_the_hand_over_when_someone_leaves(qtbot, db, db_path, context_for,
                                                            monkeypatch):
    owner = auth.login(db, "owner", "1234")
    page = StaffPage(context_for(owner))
    qtbot.addWidget(page)
    assert page.handover_button.isVisibleTo(page)
    sun = next(r for r in page.model_rows() if r.login == "sunlei")
    staff_service.update_staff(db, owner, sun.id, staff_service.StaffInput(
        name=sun.name, login=sun.login, role=sun.role, department_id=sun.department_id,
        position=sun.position, mentor_id=sun.mentor_id, phone=sun.phone,
        hire_date=sun.hire_date, leave_date=TODAY, active=False))
    page.refresh()
    asked: list[str] = []
    opened: list[int] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda _p, _t, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(handover_ui.HandoverDialog, "exec",
                        lambda self: opened.append(self.from_staff_id) or 0)
    page._offer_handover(sun)  # what a save in the edit dialog leads to
    assert asked and "孙磊" in asked[0]
    assert opened == [sun.id]


def test_no_offer_when_nobody_leaves(qtbot, db, context_for, monkeypatch):
    owner = auth.login(db, "owner", "1234")
    page = StaffPage(context_for(owner))
    qtbot.addWidget(page)
    zhang = next(r for r in page.model_rows() if r.login == "zhangwei")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: asked.append("asked") or QMessageBox.StandardButton.No))
    page._offer_handover(zhang)
    assert asked == []
