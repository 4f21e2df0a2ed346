"""Channels tab: spend per channel per month, and what each new paying customer cost by channel
with their first-30-day and first-year spend (computed in the background)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from opsdesk.domain.channels import EarlySpend
from opsdesk.domain.errors import OpsError, ValidationError
from opsdesk.domain.members import Source
from opsdesk.domain.money import currency, format_money
from opsdesk.services import channels
from opsdesk.ui import tasks
from opsdesk.ui.context import AppContext
from opsdesk.ui.labels import SOURCES, label
from opsdesk.ui.messages import message_for
from opsdesk.ui.pages.promotion.common import SPEND_KINDS, RowsModel, table, word
from opsdesk.ui.widgets.dates import OptionalDateEdit
from opsdesk.ui.widgets.form import ErrorForm
from opsdesk.ui.widgets.money_edit import MoneyEdit

SPEND_COLUMNS = (
    ("month", QT_TRANSLATE_NOOP("Promotion", "Month")),
    ("channel", QT_TRANSLATE_NOOP("Promotion", "Channel")),
    ("kind", QT_TRANSLATE_NOOP("Promotion", "Spent on")),
    ("amount", QT_TRANSLATE_NOOP("Promotion", "Amount")),
)
COST_COLUMNS = (
    ("channel", QT_TRANSLATE_NOOP("Promotion", "Channel")),
    ("spend", QT_TRANSLATE_NOOP("Promotion", "Spend")),
    ("commissions", QT_TRANSLATE_NOOP("Promotion", "Commissions")),
    ("pond_fees", QT_TRANSLATE_NOOP("Promotion", "Pond fees")),
    ("rewards", QT_TRANSLATE_NOOP("Promotion", "Referral rewards")),
    ("new_paying", QT_TRANSLATE_NOOP("Promotion", "New paying customers")),
    ("per_customer", QT_TRANSLATE_NOOP("Promotion", "Cost per customer")),
    ("first30", QT_TRANSLATE_NOOP("Promotion", "First 30 days spend")),
    ("first_year", QT_TRANSLATE_NOOP("Promotion", "First year spend")),
)


class ChannelsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("channels_tab")
        self.ctx = ctx
        self.cur = currency(ctx.store.currency)
        self.result: channels.Acquisition | None = None
        self.job: tasks.Job | None = None

        box = QGroupBox(self.tr("Spend per month"))
        f = self.form = ErrorForm()
        self.channel = QComboBox()
        for s in Source:
            self.channel.addItem(label(SOURCES, s), s.value)
        self.kind = QComboBox()
        for k in ("ads", "event", "flyer", "other"):
            self.kind.addItem(word(SPEND_KINDS, k), k)
        self.year, self.month = QSpinBox(), QSpinBox()
        self.year.setRange(2000, 2999)
        self.year.setValue(date.today().year)
        self.month.setRange(1, 12)
        self.month.setValue(date.today().month)
        self.amount = MoneyEdit(self.cur)
        self.amount.setObjectName("amount")
        f.add_row("channel", self.channel).setText(self.tr("C&hannel"))
        f.add_row("kind", self.kind).setText(self.tr("Spent &on"))
        f.add_row("year", self.year).setText(self.tr("&Year"))
        f.add_row("month", self.month).setText(self.tr("&Month"))
        f.add_row("amount", self.amount).setText(self.tr("&Amount"))
        save = QPushButton(self.tr("&Record spend"))
        save.setObjectName("record_spend")
        save.clicked.connect(self.record)
        self.year.valueChanged.connect(lambda _v: self.load_spend())
        self.spend_model = RowsModel(SPEND_COLUMNS, self._spend_cell, ("amount",), self)
        bl = QVBoxLayout(box)
        bl.addWidget(f)
        bl.addWidget(save)
        bl.addWidget(table(self.spend_model, "spend_table"), 1)

        cost_box = QGroupBox(self.tr("Acquisition cost per new paying customer"))
        self.start, self.end = OptionalDateEdit(), OptionalDateEdit()
        self.start.set_value(date(date.today().year, 1, 1))
        self.end.set_value(date.today())
        run = QPushButton(self.tr("&Calculate"))
        run.setObjectName("calculate")
        run.clicked.connect(self.calculate)
        self.cost_line = QLabel(self.tr("Cost = spend + promoters' commission + pond fees + "
                                        "referral rewards; early spend counts customers "
                                        "registered in the period whose window has ended."))
        self.cost_line.setWordWrap(True)
        self.cost_model = RowsModel(COST_COLUMNS, self._cost_cell, tuple(
            k for k, _t in COST_COLUMNS if k != "channel"), self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("From")))
        row.addWidget(self.start)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.end)
        row.addWidget(run)
        row.addStretch(1)
        cl = QVBoxLayout(cost_box)
        cl.addLayout(row)
        cl.addWidget(self.cost_line)
        cl.addWidget(table(self.cost_model, "cost_table"), 1)

        split = QSplitter()
        split.addWidget(box)
        split.addWidget(cost_box)
        split.setStretchFactor(1, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(split)

    def _m(self, v: int | None) -> str:
        return "–" if v is None else format_money(v, self.cur)

    def _spend_cell(self, r: channels.SpendRow, key: str) -> str:
        return {"month": f"{r.year}-{r.month:02d}", "channel": label(SOURCES, r.channel),
                "kind": word(SPEND_KINDS, r.kind), "amount": self._m(r.amount)}[key]

    def _cost_cell(self, r, key: str) -> str:  # noqa: ANN001
        cost, early = r
        if key == "channel":
            return label(SOURCES, cost.channel if cost else early.channel)
        if key in ("first30", "first_year"):
            if early is None:
                return "–"
            fig = early.first_30_days if key == "first30" else early.first_year
            return self._m(fig.per_customer)
        if cost is None:
            return "–" if key == "per_customer" else self._m(0) if key != "new_paying" else "0"
        return {"spend": self._m(cost.spend), "commissions": self._m(cost.commissions),
                "pond_fees": self._m(cost.pond_fees), "rewards": self._m(cost.referral_rewards),
                "new_paying": str(cost.new_paying), "per_customer": self._m(cost.per_customer)}[key]

    def refresh(self) -> None:
        self.load_spend()

    def load_spend(self) -> None:
        try:
            rows = channels.spend_table(self.ctx.db, self.ctx.actor, self.year.value())
        except OpsError:
            rows = []
        self.spend_model.set_rows(rows)

    def record(self) -> channels.SpendRow | None:
        self.form.clear_errors()
        try:
            amount = self.amount.value()
        except ValidationError as e:
            self.form.show_error(e)
            return None
        try:
            r = channels.set_spend(self.ctx.db, self.ctx.actor, channels.SpendInput(
                self.channel.currentData(), self.kind.currentData(), self.year.value(),
                self.month.value(), amount))
        except OpsError as e:
            self.form.show_error(e)
            return None
        self.amount.clear()
        self.load_spend()
        return r

    def calculate(self) -> tasks.Job | None:
        try:
            start, end = self.start.value(), self.end.value()
        except ValidationError as e:
            self.cost_line.setText(message_for(e))
            return None
        if start is None or end is None:
            return None
        ctx = self.ctx
        job = tasks.Job(lambda _p: channels.acquisition(ctx.db, ctx.actor, start, end))
        job.signals.finished.connect(self._show)
        job.signals.failed.connect(lambda e: self.cost_line.setText(
            message_for(e) if isinstance(e, OpsError) else str(e)))
        self.job = job
        return tasks.start(job)

    def _show(self, a: channels.Acquisition) -> None:
        self.result = a
        early: dict[str, EarlySpend] = {e.channel: e for e in a.early}
        costs = {c.channel: c for c in a.costs}
        keys = sorted(set(costs) | set(early))
        self.cost_model.set_rows([(costs.get(k), early.get(k)) for k in keys])
