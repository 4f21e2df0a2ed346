"""A customer's stage history for the member profile: who moved them, when, from which stage to
which, and the reason when the move went against the purchases."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from opsdesk.services import pipeline
from opsdesk.ui.labels import STAGES, label
from opsdesk.ui.pages.sales_process.texts import CHANGE_SOURCES, name

Index = QModelIndex | QPersistentModelIndex


class StageHistoryModel(QAbstractTableModel):
    COLUMNS = 5

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._rows: list[pipeline.StageChangeRow] = []

    def set_rows(self, rows) -> None:  # noqa: ANN001
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, i: int) -> pipeline.StageChangeRow:
        return self._rows[i]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201, N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            names = (self.tr("When"), self.tr("Stage"), self.tr("Who"), self.tr("How"),
                     self.tr("Reason for the override"))
            return names[section] if 0 <= section < self.COLUMNS else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return r.at.strftime("%Y-%m-%d %H:%M")
            if col == 1:
                start = label(STAGES, r.from_stage) if r.from_stage else "—"
                return f"{start} → {label(STAGES, r.to_stage)}"
            if col == 2:
                return r.staff_name
            if col == 3:
                return name(CHANGE_SOURCES, r.source)
            return r.reason if r.override else ""
        if role == Qt.ItemDataRole.ForegroundRole and r.override:
            return Qt.GlobalColor.darkRed
        return None
