"""The product matrix as a table. A shop sells tens of items, not millions: rows held in full."""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from opsdesk.domain.members import ProductKind, ProductRole
from opsdesk.domain.money import Currency, format_money, round_half_up
from opsdesk.services.products import ProductRow
from opsdesk.ui.labels import PRODUCT_ROLES, label
from opsdesk.ui.models.rows_table import Index, RowsTableModel

ROLE_COLOURS = {
    ProductRole.TRAFFIC: "#e8f6ef",
    ProductRole.HIT: "#fde8e8",
    ProductRole.PROFIT: "#e8f0fb",
    ProductRole.BRAND: "#f3e8fb",
}

KINDS = {
    ProductKind.PRODUCT: QT_TRANSLATE_NOOP("ProductTable", "Product"),
    ProductKind.SERVICE: QT_TRANSLATE_NOOP("ProductTable", "Service"),
    ProductKind.MEMBERSHIP: QT_TRANSLATE_NOOP("ProductTable", "Membership"),
}

COLUMNS = (
    ("role", QT_TRANSLATE_NOOP("ProductTable", "Role")),
    ("name", QT_TRANSLATE_NOOP("ProductTable", "Item")),
    ("kind", QT_TRANSLATE_NOOP("ProductTable", "Kind")),
    ("price", QT_TRANSLATE_NOOP("ProductTable", "Price")),
    ("cost", QT_TRANSLATE_NOOP("ProductTable", "Cost")),
    ("margin", QT_TRANSLATE_NOOP("ProductTable", "Margin")),
    ("tier", QT_TRANSLATE_NOOP("ProductTable", "Gives tier")),
    ("status", QT_TRANSLATE_NOOP("ProductTable", "Status")),
)


def kind_name(kind: ProductKind) -> str:
    return QCoreApplication.translate("ProductTable", KINDS[kind])


def margin_tenths(price: int, cost: int) -> int | None:
    """Gross margin in tenths of a percent, rounded half up; None for a free item."""
    if price <= 0:
        return None
    return round_half_up(Fraction(price - cost, price) * 1000)


class ProductTableModel(RowsTableModel):
    CONTEXT = "ProductTable"
    COLUMNS = COLUMNS

    def __init__(self, cur: Currency, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.cur = cur
        self._tiers: dict[int, str] = {}

    def set_rows(self, rows: list[ProductRow], tier_names: dict[int, str]) -> None:  # type: ignore[override]
        self._tiers = dict(tier_names)
        super().set_rows(rows)

    def _text(self, r: ProductRow, key: str) -> str:
        if key == "role":
            return label(PRODUCT_ROLES, r.role)
        if key == "name":
            return r.name
        if key == "kind":
            return kind_name(r.kind)
        if key == "price":
            return format_money(r.price, self.cur)
        if key == "cost":
            return format_money(r.cost, self.cur)
        if key == "margin":
            m = margin_tenths(r.price, r.cost)
            if m is None:
                return "—"
            sign = "-" if m < 0 else ""
            return f"{sign}{abs(m) // 10}.{abs(m) % 10}%"
        if key == "tier":
            return self._tiers.get(r.tier_id, "") if r.tier_id is not None else ""
        if key == "status":
            return QCoreApplication.translate("ProductTable", "On sale") if r.active \
                else QCoreApplication.translate("ProductTable", "Stopped")
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        r = self.valid_row(index)
        if r is None or not 0 <= index.column() < len(COLUMNS):
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("price", "cost", "margin"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and key == "role":
            return QBrush(QColor(ROLE_COLOURS[r.role]))
        if role == Qt.ItemDataRole.ForegroundRole:
            if not r.active:
                return QBrush(QColor("#8a8a8a"))
            if key == "margin" and (margin_tenths(r.price, r.cost) or 0) < 0:
                return QBrush(QColor("#c0392b"))
        if role == Qt.ItemDataRole.ToolTipRole and key == "name" and r.notes:
            return r.notes
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None
