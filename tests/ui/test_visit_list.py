"""The visit list: a sound paged model, a salesperson's own visits by default, a manager's view
of anyone's with filters, and the seed 004 norms for the period."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from opsdesk.db import clock
from opsdesk.services import auth, visits
from opsdesk.ui.pages.sales_process.visit_list import VisitsPage

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


@pytest.fixture
def logged(db, db_path):  # noqa: ANN001, ANN201
    """Three visits by 张伟 (one a second contact) and two by 孙磊, all today."""
    con = sqlite3.connect(db_path)
    ids = [r[0] for r in con.execute("SELECT id FROM customer ORDER BY id LIMIT 4")]
    con.close()
    zhang = auth.login(db, "zhangwei", "1234")
    sun = auth.login(db, "sunlei", "1234")
    for cid, vt in ((ids[0], "call"), (ids[1], "wechat"), (ids[0], "meeting")):
        visits.log_visit(db, zhang, visits.VisitInput(cid, vt, effective=True, outcome="ok"))
    for cid in ids[2:]:
        visits.log_visit(db, sun, visits.VisitInput(cid, "call"))
    return ids


def make_page(qtbot, ctx) -> VisitsPage:  # noqa: ANN001
    page = VisitsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def names(page: VisitsPage) -> set[str]:
    return {page.model.row_at(i).staff_name for i in range(page.model.rowCount())}


def test_models_are_sound(qtbot, qtmodeltester, db, logged, context_for):
    page = make_page(qtbot, context_for(auth.login(db, "chenjing", "1234")))
    assert page.model.rowCount() == 5
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.norms)


def test_a_salesperson_sees_their_own_visits(qtbot, db, logged, context_for):
    page = make_page(qtbot, context_for(auth.login(db, "zhangwei", "1234")))
    assert names(page) == {"张伟"}
    assert page.model.rowCount() == 3
    assert not page.f_staff.isEnabled()
    assert [(r.staff_name, r.visits, r.effective_visits, r.new_customers, r.second_follow_ups)
            for r in page.norms.rows()] == [("张伟", 3, 3, 2, 1)]


def test_a_manager_sees_everyone_and_filters(qtbot, db, logged, context_for):
    page = make_page(qtbot, context_for(auth.login(db, "chenjing", "1234")))
    assert names(page) == {"张伟", "孙磊"}
    page.f_staff.setCurrentIndex(page.f_staff.findText("孙磊"))
    assert names(page) == {"孙磊"} and page.model.rowCount() == 2
    page.f_staff.setCurrentIndex(0)
    page.f_type.setCurrentIndex(page.f_type.findData("wechat"))
    assert page.model.rowCount() == 1 and page.model.row_at(0).type == "wechat"
    norms = {r.staff_name: r for r in page.norms.rows()}
    assert norms["孙磊"].visits == 2 and norms["孙磊"].effective_visits == 0
    total = page.norms.index(page.norms.rowCount() - 1, 1).data()
    assert total == "5"  # the team's visits in the period, whatever the type filter


def test_an_earlier_period_has_no_visits(qtbot, db, logged, context_for):
    page = make_page(qtbot, context_for(auth.login(db, "chenjing", "1234")))
    page.period.setCurrentIndex(page.period.findData("last_month"))
    page.apply_period("last_month")
    assert page.model.rowCount() == 0
    assert page.f_from.date().toPython() == date(2026, 10, 1)
