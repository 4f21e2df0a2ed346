"""The staff table model passes Qt's model tester and shows what the page needs."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt

from opsdesk.domain.roles import Role
from opsdesk.services import staff as staff_service
from opsdesk.ui.models.staff_table import COLUMNS, StaffTableModel


def add_people(ctx) -> list[staff_service.StaffRow]:  # noqa: ANN001
    depts = staff_service.list_departments(ctx.db, ctx.actor)
    staff_service.create_staff(ctx.db, ctx.actor, staff_service.StaffInput(
        name="陈小雨", login="desk", role=Role.FRONT_DESK, secret="1357",
        department_id=depts[2].id, hire_date=date(2024, 5, 6)))
    staff_service.create_staff(ctx.db, ctx.actor, staff_service.StaffInput(
        name="Li Na", login="lina", role=Role.SALES, secret="2222", active=False,
        department_id=depts[0].id))
    return staff_service.list_staff(ctx.db, ctx.actor)


def test_model_tester_with_rows_and_resets(qtmodeltester, ctx):
    model = StaffTableModel()
    qtmodeltester.check(model)
    model.set_rows(add_people(ctx))
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def column(key: str) -> int:
    return next(i for i, (k, _t) in enumerate(COLUMNS) if k == key)


def test_cells_and_headers(ctx):
    model = StaffTableModel()
    rows = add_people(ctx)
    model.set_rows(rows)
    assert model.rowCount() == 3 and model.columnCount() == len(COLUMNS)
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children
    assert model.headerData(column("login"), Qt.Orientation.Horizontal) == "User name"
    by_login = {model.data(model.index(r, column("login"))): r for r in range(model.rowCount())}
    desk, lina = by_login["desk"], by_login["lina"]
    assert model.data(model.index(desk, column("role"))) == "Front desk"
    assert model.data(model.index(desk, column("hire_date"))) == "2024-05-06"
    assert model.data(model.index(desk, column("status"))) == "Active"
    assert model.data(model.index(lina, column("status"))) == "Left"
    assert model.data(model.index(lina, 0), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(desk, 0), Qt.ItemDataRole.UserRole) == model.row_at(desk).id
    assert model.data(QModelIndex()) is None
