"""The two tables of the checkout: the items to pick from and the lines of the sale.

The member prices shown are a preview by ``domain.tiers.price_with_discount``; the sale service
prices the lines itself when the sale is posted, and its figures are the ones shown afterwards."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from opsdesk.domain.members import ProductKind
from opsdesk.domain.money import Currency, format_money
from opsdesk.domain.tiers import Tier, price_with_discount
from opsdesk.services.products import ProductRow
from opsdesk.services.sales import MAX_QUANTITY
from opsdesk.ui.labels import PRODUCT_ROLES, label

Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def member_price(tier: Tier | None, product: ProductRow, quantity: int = 1) -> int:
    """The preview of what the customer pays for ``quantity`` of ``product``. A membership is
    sold at its own price (the sale service does the same)."""
    gross = product.price * quantity
    if product.kind is ProductKind.MEMBERSHIP:
        return gross
    return price_with_discount(tier, gross)


class _Table(QAbstractTableModel):
    COLUMNS: tuple[tuple[str, str], ...] = ()
    CONTEXT = ""

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate(self.CONTEXT, self.COLUMNS[section][1])
        return None

    def _valid(self, index: Index, rows: int) -> bool:
        return index.isValid() and 0 <= index.row() < rows \
            and 0 <= index.column() < len(self.COLUMNS)


class PickModel(_Table):
    CONTEXT = "CheckoutPick"
    COLUMNS = (
        ("name", QT_TRANSLATE_NOOP("CheckoutPick", "Item")),
        ("role", QT_TRANSLATE_NOOP("CheckoutPick", "Role")),
        ("price", QT_TRANSLATE_NOOP("CheckoutPick", "Price")),
        ("member", QT_TRANSLATE_NOOP("CheckoutPick", "Member price")),
    )

    def __init__(self, cur: Currency, tier: Tier | None, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.cur, self.tier = cur, tier
        self._rows: list[ProductRow] = []

    def set_rows(self, rows: list[ProductRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> ProductRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not self._valid(index, len(self._rows)):
            return None
        p = self._rows[index.row()]
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "name":
                return p.name
            if key == "role":
                return label(PRODUCT_ROLES, p.role)
            if key == "price":
                return format_money(p.price, self.cur)
            return format_money(member_price(self.tier, p), self.cur)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("price", "member"):
            return RIGHT
        if role == Qt.ItemDataRole.UserRole:
            return p.id
        return None


@dataclass
class CartLine:
    product: ProductRow
    quantity: int = 1


class CartModel(_Table):
    """The sale's lines; the quantity column is edited in place (a spin box per line)."""

    CONTEXT = "CheckoutCart"
    COLUMNS = (
        ("name", QT_TRANSLATE_NOOP("CheckoutCart", "Item")),
        ("quantity", QT_TRANSLATE_NOOP("CheckoutCart", "Qty")),
        ("price", QT_TRANSLATE_NOOP("CheckoutCart", "Price")),
        ("total", QT_TRANSLATE_NOOP("CheckoutCart", "Member pays")),
    )
    QUANTITY = 1

    def __init__(self, cur: Currency, tier: Tier | None, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.cur, self.tier = cur, tier
        self._lines: list[CartLine] = []

    def lines(self) -> list[CartLine]:
        return list(self._lines)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._lines)

    def add(self, product: ProductRow) -> int:
        """Add one of ``product``: a product already on the sale gets one more (a membership is
        bought once). Returns the line's row."""
        for i, ln in enumerate(self._lines):
            if ln.product.id == product.id:
                if product.kind is not ProductKind.MEMBERSHIP and ln.quantity < MAX_QUANTITY:
                    self.setData(self.index(i, self.QUANTITY), ln.quantity + 1)
                return i
        row = len(self._lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.append(CartLine(product))
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._lines[row]
            self.endRemoveRows()

    def list_total(self) -> int:
        return sum(ln.product.price * ln.quantity for ln in self._lines)

    def total(self) -> int:
        return sum(member_price(self.tier, ln.product, ln.quantity) for ln in self._lines)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.QUANTITY:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not self._valid(index, len(self._lines)):
            return None
        ln = self._lines[index.row()]
        key = self.COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if key == "name":
                return ln.product.name
            if key == "quantity":
                # The line's spin box shows the figure; painted text would show through it.
                return ln.quantity if role == Qt.ItemDataRole.EditRole else ""
            if key == "price":
                return format_money(ln.product.price, self.cur)
            return format_money(member_price(self.tier, ln.product, ln.quantity), self.cur)
        if role == Qt.ItemDataRole.TextAlignmentRole and key != "name":
            return RIGHT
        return None

    def setData(self, index: Index, value: object,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self._valid(index, len(self._lines)) \
                or index.column() != self.QUANTITY:
            return False
        try:
            q = int(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return False
        if not 1 <= q <= MAX_QUANTITY:
            return False
        self._lines[index.row()].quantity = q
        self.dataChanged.emit(self.index(index.row(), 0),
                              self.index(index.row(), len(self.COLUMNS) - 1))
        return True
