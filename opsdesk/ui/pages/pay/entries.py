"""Deductions and adjustments (扣款 / 调整) for one person and month, each with its reason.

A deduction takes an amount off the month's pay; an adjustment corrects a locked month (named
as "2026-03") by any amount, plus or minus. A month whose pay run is locked takes no new entry:
the form says so beside the month and nothing is written. Drafting the run again puts the
entries on the slips.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opsdesk.domain.errors import Collector, OpsError
from opsdesk.domain.money import currency, format_money
from opsdesk.services import pay_runs
from opsdesk.services import staff as staff_service
from opsdesk.ui.context import AppContext
from opsdesk.ui.messages import message_for
from opsdesk.ui.models.rows_table import Index, RowsTableModel
from opsdesk.ui.pages.pay.fields import month_edit, year_month
from opsdesk.ui.widgets.form import ErrorForm
from opsdesk.ui.widgets.money_edit import MoneyEdit


class EntryTableModel(RowsTableModel):
    CONTEXT = "PayEntries"
    COLUMNS = (
        ("name", QT_TRANSLATE_NOOP("PayEntries", "Name")),
        ("kind", QT_TRANSLATE_NOOP("PayEntries", "Kind")),
        ("amount", QT_TRANSLATE_NOOP("PayEntries", "Amount")),
        ("reason", QT_TRANSLATE_NOOP("PayEntries", "Reason")),
        ("source", QT_TRANSLATE_NOOP("PayEntries", "Corrects")),
    )

    def __init__(self, cur: str, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._cur = currency(cur)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        e: pay_runs.EntryRow | None = self.valid_row(index)
        if e is None:
            return None
        key = self.key_at(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "name":
                return e.staff_name
            if key == "kind":
                return QCoreApplication.translate("PayEntries", "Deduction") \
                    if e.kind == "deduction" else QCoreApplication.translate("PayEntries",
                                                                             "Adjustment")
            if key == "amount":
                return format_money(-e.amount if e.kind == "deduction" else e.amount, self._cur)
            if key == "reason":
                return e.reason
            if key == "source":
                return e.source
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "amount":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class EntriesTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entries_tab")
        self.ctx = ctx
        cur = currency(ctx.store.currency)
        self.form = ErrorForm()
        self.month = month_edit()
        self.month.setObjectName("entry_month")
        self.month.setMaximumWidth(140)
        self.person = QComboBox()
        self.person.setObjectName("person")
        for p in staff_service.list_staff(ctx.db, ctx.actor, include_inactive=False):
            self.person.addItem(p.name, p.id)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.kind.addItem(self.tr("Deduction (taken off)"), "deduction")
        self.kind.addItem(self.tr("Adjustment of a locked month (+ or −)"), "adjustment")
        self.amount = MoneyEdit(cur, allow_negative=False, allow_zero=False)
        self.amount.setObjectName("amount")
        self.amount.setMaximumWidth(180)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(200)
        self.source = QLineEdit()
        self.source.setObjectName("source")
        self.source.setMaximumWidth(140)
        self.caps = {key: self.form.add_row(key, w) for key, w in (
            ("month", self.month), ("staff_id", self.person), ("kind", self.kind),
            ("amount", self.amount), ("reason", self.reason), ("source", self.source))}
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.add_btn = QPushButton(self.tr("&Add entry"))
        self.add_btn.setObjectName("add_entry")
        self.add_btn.clicked.connect(self.add)
        self.reason.returnPressed.connect(self.add)
        self.model = EntryTableModel(ctx.store.currency, self)
        self.table = QTableView()
        self.table.setObjectName("entries")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.remove_btn = QPushButton(self.tr("&Remove selected"))
        self.remove_btn.setObjectName("remove_entry")
        self.remove_btn.clicked.connect(self.remove)
        self.status = QLabel()
        self.status.setObjectName("entries_status")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #6e7781;")
        self.month.dateChanged.connect(lambda _d: self.reload())

        left = QVBoxLayout()
        left.addWidget(self.form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_btn)
        left.addLayout(row)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.status)
        right.addWidget(self.table, 1)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.remove_btn)
        right.addLayout(bar)
        lay = QHBoxLayout(self)
        lay.addLayout(left, 2)
        lay.addLayout(right, 3)
        self.retranslate()
        self._kind_changed()
        self.reload()

    def retranslate(self) -> None:
        texts = {"month": self.tr("&Month"), "staff_id": self.tr("&Person"),
                 "kind": self.tr("&Kind"), "amount": self.tr("A&mount"),
                 "reason": self.tr("&Reason"), "source": self.tr("&Corrects month")}
        for key, text in texts.items():
            self.caps[key].setText(text)
        self.source.setPlaceholderText(self.tr("e.g. 2026-03"))
        self.reason.setPlaceholderText(self.tr("what the person is told on the slip"))

    def _kind_changed(self) -> None:
        adjustment = self.kind.currentData() == "adjustment"
        self.amount.allow_negative = adjustment
        self.source.setEnabled(adjustment)
        if not adjustment:
            self.source.clear()

    def reload(self) -> None:
        y, m = year_month(self.month)
        try:
            rows = pay_runs.list_entries(self.ctx.db, self.ctx.actor, y, m)
        except OpsError as e:
            self.form.set_general_error(message_for(e))
            rows = []
        self.model.set_rows(rows)
        self.status.setText(self.tr("Entries for %1: %2. Draft the month's run again to put "
                                    "them on the slips.").replace("%1", f"{y}-{m:02d}").replace(
            "%2", str(len(rows))))

    def add(self) -> bool:
        self.form.clear_errors()
        y, m = year_month(self.month)
        c = Collector()
        amount = c.take("amount", self.amount.value)
        try:
            c.done()
            assert amount is not None
            pay_runs.add_entry(self.ctx.db, self.ctx.actor, pay_runs.EntryInput(
                staff_id=self.person.currentData(), year=y, month=m,
                kind=self.kind.currentData(), amount=amount, reason=self.reason.text(),
                source=self.source.text()))
        except OpsError as e:
            self.form.show_error(e)
            return False
        self.amount.clear()
        self.reason.clear()
        self.reload()
        return True

    def remove(self) -> bool:
        e = self.model.valid_row(self.table.currentIndex())
        if e is None:
            return False
        self.form.clear_errors()
        try:
            pay_runs.remove_entry(self.ctx.db, self.ctx.actor, e.id)
        except OpsError as err:
            self.form.show_error(err, {"entry_id": "month"})
            return False
        self.reload()
        return True
