"""Staff list model. A store has tens of people, not millions, so the rows are held in full."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from opsdesk.services.staff import StaffRow
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

Index = QModelIndex | QPersistentModelIndex


class StaffTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._rows: list[StaffRow] = []

    def set_rows(self, rows: list[StaffRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> StaffRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("StaffTable", COLUMNS[section][1])
        return None

    def _status(self, r: StaffRow) -> str:
        if not r.active:
            return QCoreApplication.translate("StaffTable", "Left")
        if r.locked:
            return QCoreApplication.translate("StaffTable", "Locked (wrong PIN)")
        return QCoreApplication.translate("StaffTable", "Active")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
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
