"""The backups kept beside the database, as a small table: when, why, how large, which file.

The rows are ``services.backups.BackupFile`` values listed by the service (a few dozen files at
most, so they are held in a list); the model only words and formats them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from opsdesk.domain.backups import Origin
from opsdesk.services.backups import BackupFile

Index = QModelIndex | QPersistentModelIndex


class BackupListModel(QAbstractTableModel):
    TAKEN, KIND, SIZE, FILE = range(4)

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[BackupFile] = []

    def set_rows(self, rows: list[BackupFile]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> BackupFile:
        return self._rows[row]

    def rows(self) -> list[BackupFile]:
        return list(self._rows)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, self.columnCount() - 1))

    def kind_text(self, b: BackupFile) -> str:
        words = {
            Origin.DAILY: self.tr("Daily"),
            Origin.EXIT: self.tr("On closing"),
            Origin.BEFORE_UPGRADE: self.tr("Before an upgrade"),
            Origin.BEFORE_RESTORE: self.tr("Before a restore"),
            Origin.MANUAL: self.tr("Backed up by hand"),
            Origin.OTHER: self.tr("Other copy"),
        }
        return words[b.origin]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        heads = (self.tr("Taken"), self.tr("Kind"), self.tr("Size"), self.tr("File"))
        return heads[section] if 0 <= section < len(heads) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        b = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.TAKEN:
                return QLocale().toString(QDateTime(b.taken_at), QLocale.FormatType.ShortFormat)
            if col == self.KIND:
                return self.kind_text(b)
            if col == self.SIZE:
                return QLocale().formattedDataSize(
                    b.size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)
            if col == self.FILE:
                return b.path.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(b.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
