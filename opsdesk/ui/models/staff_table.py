"""Staff list model. A store has tens of people, not millions, so the rows are held in full."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from opsdesk.services.staff import StaffRow
from opsdesk.ui.models.rows_table import Index, RowsTableModel
from opsdesk.ui.pages.staff.roles import role_name

COLUMNS = (
    ("name", QT_TRANSLATE_NOOP("StaffTable", "Name")),
    ("login", QT_TRANSLATE_NOOP("StaffTable", "User name")),
    ("role", QT_TRANSLATE_NOOP("StaffTable", "Role")),
    ("department", QT_TRANSLATE_NOOP("StaffTable", "Department")),
    ("position", QT_TRANSLATE_NOOP("StaffTable", "Position")),
    ("mentor", QT_TRANSLATE_NOOP("StaffTable", "Mentor")),
    ("hire_date", QT_TRANSLATE_NOOP("StaffTable", "Hired")),
    ("status", QT_TRANSLATE_NOOP("StaffTable", "Status")),
)



class StaffTableModel(RowsTableModel):
    CONTEXT = "StaffTable"
    COLUMNS = COLUMNS

    def _status(self, r: StaffRow) -> str:
        if not r.active:
            return QCoreApplication.translate("StaffTable", "Left")
        if r.locked:
            return QCoreApplication.translate("StaffTable", "Locked (wrong PIN)")
        return QCoreApplication.translate("StaffTable", "Active")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        r = self.valid_row(index)
        if r is None:
            return None
        key = self.key_at(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "role":
                return role_name(r.role)
            if key == "hire_date":
                return r.hire_date.isoformat() if r.hire_date else ""
            if key == "status":
                return self._status(r)
            return str(getattr(r, key) or "")
        if role == Qt.ItemDataRole.ForegroundRole and not r.active:
            return QBrush(QColor("#8a8a8a"))
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None
