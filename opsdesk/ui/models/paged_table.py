"""A table model that pages through the database instead of loading every row.

The model holds the rows fetched so far; when the view scrolls near the end it calls
``fetchMore``, which asks ``fetch(after_key, limit)`` for the next page by keyset (the sort key
of the last row held), so page 500 costs what page 1 costs. Sorting and filtering happen in SQL:
a new filter or sort order resets the model and starts again from the first page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Page(Generic[Row]):
    rows: Sequence[Row]
    next_key: Any  # None when there is nothing after this page


@dataclass(frozen=True)
class Column(Generic[Row]):
    title: Callable[[], str]  # translated when asked, so a language switch shows at once
    display: Callable[[Row], str]
    align_right: bool = False
    sort_key: str | None = None  # the SQL sort this column asks for, if sortable


class PagedTableModel(QAbstractTableModel, Generic[Row]):
    PAGE = 200

    def __init__(self, columns: Sequence[Column[Row]], fetch: Callable[[Any, int], Page[Row]],
                 parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.columns = list(columns)
        self._fetch = fetch
        self._rows: list[Row] = []
        self._next: Any = None
        self._more = True  # the first page is fetched when a view first asks (or by reset)

    # --- paging ---------------------------------------------------------------------------
    def reset(self, fetch: Callable[[Any, int], Page[Row]] | None = None) -> None:
        # The first page is read before the reset is announced: a view that hears of the reset
        # asks for more at once, and would otherwise fetch a page of its own on top of ours.
        if fetch is not None:
            self._fetch = fetch
        page = self._fetch(None, self.PAGE)
        self.beginResetModel()
        self._rows = list(page.rows)
        self._next = page.next_key
        self._more = page.next_key is not None and len(page.rows) > 0
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008
        if parent.isValid() or not self._more:
            return
        page = self._fetch(self._next, self.PAGE)
        self._more = page.next_key is not None and len(page.rows) > 0
        self._next = page.next_key
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    # --- the table ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.display(self._rows[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
