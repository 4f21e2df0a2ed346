"""Table models of the member ladder: the tiers, the upgrade rules, and the editable bonus
brackets of one tier. A ladder has a handful of tiers, so the rows are held in full."""

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

from opsdesk.domain.money import Currency
from opsdesk.domain.tiers import Tier, TierKind, UpgradeRule
from opsdesk.ui.labels import TIER_KINDS, label
from opsdesk.ui.pages.ladder import texts

Index = QModelIndex | QPersistentModelIndex

KIND_COLOURS = {
    TierKind.BAIT: "#e8f6ef",
    TierKind.REGULAR: "#e8f0fb",
    TierKind.PARTNER: "#fdf3e1",
}

TIER_COLUMNS = (
    ("kind", QT_TRANSLATE_NOOP("TierTable", "Kind")),
    ("name", QT_TRANSLATE_NOOP("TierTable", "Tier")),
    ("rank", QT_TRANSLATE_NOOP("TierTable", "Rank")),
    ("price", QT_TRANSLATE_NOOP("TierTable", "Price")),
    ("discount", QT_TRANSLATE_NOOP("TierTable", "Discount")),
    ("validity", QT_TRANSLATE_NOOP("TierTable", "Valid for")),
    ("fallback", QT_TRANSLATE_NOOP("TierTable", "When it runs out")),
    ("brackets", QT_TRANSLATE_NOOP("TierTable", "Top-up bonus")),
    ("privileges", QT_TRANSLATE_NOOP("TierTable", "Privileges")),
)


class _Table(QAbstractTableModel):
    CONTEXT = ""
    COLUMNS: tuple[tuple[str, str], ...] = ()

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


class TierTableModel(_Table):
    CONTEXT = "TierTable"
    COLUMNS = TIER_COLUMNS

    def __init__(self, cur: Currency, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.cur = cur
        self._rows: list[Tier] = []

    def set_rows(self, tiers: list[Tier]) -> None:
        self.beginResetModel()
        self._rows = list(tiers)
        self.endResetModel()

    def row_at(self, row: int) -> Tier:
        return self._rows[row]

    def rows(self) -> list[Tier]:
        return list(self._rows)

    def _text(self, t: Tier, key: str) -> str:
        by_id = {x.id: x for x in self._rows}
        if key == "kind":
            return label(TIER_KINDS, t.kind)
        if key == "name":
            return t.name
        if key == "rank":
            return str(t.rank)
        if key == "price":
            return texts.short_money(t.price, self.cur)
        if key == "validity":
            return texts.validity_text(t.validity_days)
        if key == "discount":
            return texts.discount_text(t.discount)
        if key == "brackets":
            return texts.brackets_text(t.bonus_brackets, self.cur)
        if key == "fallback":
            if t.validity_days is None:
                return "—"
            return texts.tier_name(by_id, t.fallback_tier_id, texts.no_tier_text())
        if key == "privileges":
            return t.privileges
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) \
                or not (0 <= index.column() < len(self.COLUMNS)):
            return None
        t = self._rows[index.row()]
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(t, key)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("privileges", "brackets"):
            return t.privileges if key == "privileges" else self._text(t, key)
        if role == Qt.ItemDataRole.BackgroundRole and key == "kind":
            return QBrush(QColor(KIND_COLOURS[t.kind]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if key in ("rank", "price") \
                else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.UserRole:
            return t.id
        return None


RULE_COLUMNS = (
    ("from", QT_TRANSLATE_NOOP("RuleTable", "Who")),
    ("when", QT_TRANSLATE_NOOP("RuleTable", "When the member")),
    ("to", QT_TRANSLATE_NOOP("RuleTable", "Moves up to")),
)


class RuleTableModel(_Table):
    CONTEXT = "RuleTable"
    COLUMNS = RULE_COLUMNS

    def __init__(self, cur: Currency, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.cur = cur
        self._rows: list[UpgradeRule] = []
        self._tiers: dict[int, Tier] = {}

    def set_rows(self, rules: list[UpgradeRule], tiers: list[Tier]) -> None:
        self.beginResetModel()
        self._rows = list(rules)
        self._tiers = {t.id: t for t in tiers}
        self.endResetModel()

    def row_at(self, row: int) -> UpgradeRule:
        return self._rows[row]

    def rows(self) -> list[UpgradeRule]:
        return list(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) \
                or not (0 <= index.column() < len(self.COLUMNS)):
            return None
        r = self._rows[index.row()]
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "from":
                return texts.tier_name(self._tiers, r.from_tier_id, texts.any_tier_text())
            if key == "when":
                return texts.rule_condition_text(r, self.cur)
            return texts.tier_name(self._tiers, r.target_tier_id, "?")
        return None


BRACKET_COLUMNS = (
    ("min_topup", QT_TRANSLATE_NOOP("BracketTable", "Top up at least")),
    ("bonus", QT_TRANSLATE_NOOP("BracketTable", "Bonus credited")),
)


class BracketTableModel(_Table):
    """The brackets as typed: each cell keeps its text until the dialog saves, so a slip in one
    amount loses nothing else that was entered."""

    CONTEXT = "BracketTable"
    COLUMNS = BRACKET_COLUMNS

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._rows: list[list[str]] = []

    def set_texts(self, rows: list[tuple[str, str]]) -> None:
        self.beginResetModel()
        self._rows = [list(r) for r in rows]
        self.endResetModel()

    def texts(self) -> list[tuple[str, str]]:
        return [(a, b) for a, b in self._rows]

    def add_row(self) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(["", ""])
        self.endInsertRows()
        return row

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) \
                or not (0 <= index.column() < len(self.COLUMNS)):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: object,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() \
                or not (0 <= index.row() < len(self._rows)):
            return False
        self._rows[index.row()][index.column()] = "" if value is None else str(value)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole,
                                             Qt.ItemDataRole.EditRole])
        return True
