"""A table model over a short list held in full (staff, products: tens of rows, not millions).

Subclasses name their ``COLUMNS`` as ``(key, QT_TRANSLATE_NOOP(CONTEXT, title))`` pairs and the
translation ``CONTEXT``, and either give each cell's text (``cell``; the keys in ``NUMERIC`` are
aligned right) or answer ``data`` themselves; the counting, the headers and the row guards live
here once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RowsTableModel(QAbstractTableModel):
    CONTEXT: ClassVar[str] = ""
    COLUMNS: ClassVar[Sequence[tuple[str, str]]] = ()
    NUMERIC: ClassVar[frozenset[str]] = frozenset()  # column keys aligned right

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:  # noqa: ANN401
        return self._rows[row]

    def valid_row(self, index: Index) -> Any | None:  # noqa: ANN401
        """The row an index points at, or None for an index outside the rows."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def key_at(self, column: int) -> str:
        return self.COLUMNS[column][0]

    def cell(self, row: Any, key: str) -> str:  # noqa: ANN401
        """The text of column ``key`` for ``row``, for the ``data`` below."""
        raise NotImplementedError

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        r = self.valid_row(index)
        if r is None or not 0 <= index.column() < len(self.COLUMNS):
            return None
        key = self.key_at(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(r, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in self.NUMERIC:
            return RIGHT
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate(self.CONTEXT, self.COLUMNS[section][1])
        return None
