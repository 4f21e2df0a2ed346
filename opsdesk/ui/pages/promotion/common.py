"""Shared pieces of the promotion page: a table model over rows of the services, table views,
the words for the promotion enums, and how ratios are shown."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QHeaderView, QTableView

from opsdesk.ui.models.rows_table import RowsTableModel

CTX = "Promotion"

TRIGGERS = {
    "first_topup": QT_TRANSLATE_NOOP("Promotion", "First top-up"),
    "first_purchase": QT_TRANSLATE_NOOP("Promotion", "First purchase"),
}
LEDGER_KINDS = {
    "accrual": QT_TRANSLATE_NOOP("Promotion", "Commission"),
    "clawback": QT_TRANSLATE_NOOP("Promotion", "Clawback"),
    "payout": QT_TRANSLATE_NOOP("Promotion", "Payout"),
}
PAYOUT_METHODS = {
    "cash": QT_TRANSLATE_NOOP("Promotion", "Cash"),
    "stored_value": QT_TRANSLATE_NOOP("Promotion", "Stored value"),
}
SCOPES = {
    "all": QT_TRANSLATE_NOOP("Promotion", "Every purchase in the window"),
    "first": QT_TRANSLATE_NOOP("Promotion", "First purchase only"),
}
MODES = {
    "step": QT_TRANSLATE_NOOP("Promotion", "Whole month at the rate reached"),
    "marginal": QT_TRANSLATE_NOOP("Promotion", "Each slice at its own rate"),
}
BONUS_ON = {
    "first_purchase": QT_TRANSLATE_NOOP("Promotion", "On the first purchase"),
    "registration": QT_TRANSLATE_NOOP("Promotion", "On registration"),
}
SPEND_KINDS = {
    "ads": QT_TRANSLATE_NOOP("Promotion", "Ads"),
    "event": QT_TRANSLATE_NOOP("Promotion", "Events"),
    "flyer": QT_TRANSLATE_NOOP("Promotion", "Printed flyers"),
    "other": QT_TRANSLATE_NOOP("Promotion", "Other"),
}
RANK_BY = {
    "revenue": QT_TRANSLATE_NOOP("Promotion", "Referred revenue"),
    "new_members": QT_TRANSLATE_NOOP("Promotion", "New customers"),
    "commission": QT_TRANSLATE_NOOP("Promotion", "Commission"),
}


def word(table: dict, key: object) -> str:
    for k, text in table.items():
        if k == str(key):
            return QCoreApplication.translate(CTX, text)
    return str(key or "")


def percent(value: Fraction | None, digits: int = 1) -> str:
    """A ratio as a percentage; "–" when it has no denominator."""
    if value is None:
        return "–"
    return f"{float(value) * 100:.{digits}f}%"


def rate_text(value: Any) -> str:
    f = Fraction(value)
    text = f"{float(f * 100):.4f}".rstrip("0").rstrip(".")
    return f"{text}%"


class RowsModel(RowsTableModel):
    """Columns ``(key, title)``; ``cell(row, key)`` gives the text; ``numeric`` keys align right."""

    CONTEXT = CTX

    def __init__(self, columns: Sequence[tuple[str, str]], cell: Callable[[Any, str], str],
                 numeric: Sequence[str] = (), parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.COLUMNS = tuple(columns)  # type: ignore[misc]
        self._cell = cell
        self.NUMERIC = frozenset(numeric)  # type: ignore[misc]

    def cell(self, row: Any, key: str) -> str:  # noqa: ANN401
        return self._cell(row, key)


def table(model: RowsTableModel, name: str) -> QTableView:
    v = QTableView()
    v.setObjectName(name)
    v.setModel(model)
    v.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    v.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    v.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    v.verticalHeader().hide()
    v.setAlternatingRowColors(True)
    v.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # Amounts stay beside their titles; a stretched last column would push them to the far edge.
    v.horizontalHeader().setStretchLastSection(False)
    return v
