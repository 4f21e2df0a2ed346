"""The short-list table model's default cells: text from ``cell``, numbers aligned right."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from opsdesk.ui.models.rows_table import RIGHT, RowsTableModel


class _Sales(RowsTableModel):
    CONTEXT = "Tests"
    COLUMNS = (("name", QT_TRANSLATE_NOOP("Tests", "Name")),
               ("total", QT_TRANSLATE_NOOP("Tests", "Total")))
    NUMERIC = frozenset({"total"})

    def cell(self, row: tuple[str, int], key: str) -> str:
        return row[0] if key == "name" else f"¥{row[1]:,}"


def test_cells_and_alignment(qtmodeltester) -> None:  # noqa: ANN001
    m = _Sales()
    m.set_rows([("王丽", 1200), ("张伟", 35)])
    qtmodeltester.check(m)
    assert m.data(m.index(0, 0)) == "王丽"
    assert m.data(m.index(1, 1)) == "¥35"
    align = Qt.ItemDataRole.TextAlignmentRole
    assert m.data(m.index(0, 1), align) == RIGHT
    assert m.data(m.index(0, 0), align) is None
    assert m.data(m.index(5, 0)) is None  # outside the rows
    assert m.headerData(1, Qt.Orientation.Horizontal) == "Total"
