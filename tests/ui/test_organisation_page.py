"""The Organisation page: departments renamed and added, positions with duties, a clash and a
missing name refused beside their fields, read-only for the front desk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from opsdesk.db.engine import Database
from opsdesk.domain.demo import DEMO_OWNER, DEMO_PIN
from opsdesk.services import auth, organisation
from opsdesk.ui.pages.organisation.page import OrganisationPage


@pytest.fixture
def db_path(demo_db_path: Path) -> Path:
    return demo_db_path


def test_departments_and_positions(qtbot, db: Database, context_for: Callable) -> None:  # noqa: ANN001
    ctx = context_for(auth.login(db, DEMO_OWNER, DEMO_PIN))
    page = OrganisationPage(ctx)
    qtbot.addWidget(page)
    assert page.dept_table.rowCount() == 3
    assert page.pos_table.rowCount() == 6  # the demo's posts
    # rename the first department
    page.dept_table.selectRow(0)
    page.dept_name.setText("销售部")
    page.save_department()
    assert page.dept_table.item(0, 0).text() == "销售部"
    # a new department with a name already used is refused beside the field
    page._new_department()
    page.dept_name.setText("后勤保障部")
    page.save_department()
    assert "already used" in page.dept_error.text()
    assert page.dept_table.rowCount() == 3
    # a new position with duties
    page._new_position()
    page.pos_name.setText("美容师")
    page.pos_dept.setCurrentIndex(page.pos_dept.findData(page.departments[2].id))
    page.pos_duties.setPlainText("按预约做护理，记录皮肤档案。")
    page.save_position()
    assert page.pos_table.rowCount() == 7
    row = next(p for p in organisation.list_positions(db, ctx.actor) if p.name == "美容师")
    assert row.department_id == page.departments[2].id and row.people == 0
    # a position without a name: refused beside the name, nothing written
    page._new_position()
    page.save_position()
    assert page.pos_errors["name"].text()
    assert len(organisation.list_positions(db, ctx.actor)) == 7


def test_front_desk_reads_only(qtbot, db: Database, context_for: Callable) -> None:  # noqa: ANN001
    ctx = context_for(auth.login(db, "liufang", DEMO_PIN))
    page = OrganisationPage(ctx)
    qtbot.addWidget(page)
    assert page.pos_table.rowCount() == 6
    assert not page.pos_save.isEnabled() and not page.dept_save.isEnabled()


def test_staff_dialog_picks_a_position(qtbot, db: Database, context_for: Callable) -> None:  # noqa: ANN001
    from opsdesk.services import staff as staff_service
    from opsdesk.ui.pages.staff.dialog import StaffDialog

    ctx = context_for(auth.login(db, DEMO_OWNER, DEMO_PIN))
    people = staff_service.list_staff(db, ctx.actor)
    seller = next(p for p in people if p.login == "zhaomin")
    assert seller.position_id is not None  # the demo gave every post its position
    dlg = StaffDialog(ctx, staff_service.list_departments(db, ctx.actor), people, seller)
    qtbot.addWidget(dlg)
    assert dlg.position.currentText() == seller.position
    dlg.position.setCurrentIndex(dlg.position.findText("资深顾问"))
    with qtbot.waitSignal(dlg.accepted):
        dlg.save()
    after = next(p for p in staff_service.list_staff(db, ctx.actor) if p.login == "zhaomin")
    senior = next(p for p in organisation.list_positions(db, ctx.actor) if p.name == "资深顾问")
    assert (after.position, after.position_id) == ("资深顾问", senior.id)
