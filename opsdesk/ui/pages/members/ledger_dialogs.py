"""Top-up, spend, refund and adjustment of a member's stored value.

Each dialog makes one operation id when it opens and sends it with every attempt, so a double
click or a second Enter posts once. The bonus shown before saving is a preview from the member's
current tier; the service decides the figures (a top-up that upgrades the tier earns the new
tier's bonus)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from opsdesk.domain.errors import OpsError, ValidationError
from opsdesk.domain.money import currency, format_money
from opsdesk.domain.operations import new_operation_id
from opsdesk.domain.payments import TOPUP_METHODS, PaymentMethod
from opsdesk.domain.tiers import Tier, bonus_for_topup
from opsdesk.services import members
from opsdesk.services import stored_value as sv
from opsdesk.ui.context import AppContext
from opsdesk.ui.labels import PAYMENT_METHODS, label
from opsdesk.ui.widgets.form import ErrorForm
from opsdesk.ui.widgets.money_edit import MoneyEdit


class Mode(Enum):
    TOP_UP = "top_up"
    SPEND = "spend"
    REFUND = "refund"
    ADJUST = "adjust"


class LedgerDialog(QDialog):
    def __init__(self, ctx: AppContext, profile: members.MemberProfile, mode: Mode,
                 tier: Tier | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"ledger_{mode.value}")
        self.ctx, self.profile, self.mode, self.tier_obj = ctx, profile, mode, tier
        self.cur = currency(ctx.store.currency)
        self.operation_id = new_operation_id()
        self.result: sv.LedgerResult | None = None
        self.form = ErrorForm()
        self.balance = QLabel()
        self.balance.setObjectName("balance")
        self.amount = MoneyEdit(self.cur, allow_zero=False)
        self.amount.setObjectName("amount")
        self.bonus_amount = MoneyEdit(self.cur, allow_negative=True)  # adjustments only
        self.bonus_amount.setObjectName("bonus")
        if mode is Mode.ADJUST:
            self.amount.allow_negative = True
            self.amount.allow_zero = True
        self.method = QComboBox()
        self.method.setObjectName("payment_method")
        methods = TOPUP_METHODS if mode in (Mode.TOP_UP, Mode.REFUND) else set()
        for m in PaymentMethod:
            if m in methods:
                self.method.addItem(label(PAYMENT_METHODS, m), m.value)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(200)
        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setStyleSheet("color: #2d7d46;")
        self.caps = {"balance": self.form.add_row("balance", self.balance),
                     "amount": self.form.add_row("amount", self.amount)}
        if mode is Mode.ADJUST:
            self.caps["bonus"] = self.form.add_row("bonus", self.bonus_amount)
        if methods:
            self.caps["payment_method"] = self.form.add_row("payment_method", self.method)
        self.caps["reason"] = self.form.add_row("reason", self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.form)
        lay.addWidget(self.preview)
        lay.addWidget(self.buttons)
        self.amount.value_changed.connect(self._preview)
        self.setMinimumWidth(420)
        self.retranslate()
        self.amount.setFocus()

    def money(self, minor: int) -> str:
        return format_money(minor, self.cur)

    def retranslate(self) -> None:
        titles = {Mode.TOP_UP: self.tr("Top up stored value"),
                  Mode.SPEND: self.tr("Spend from stored value"),
                  Mode.REFUND: self.tr("Refund stored value"),
                  Mode.ADJUST: self.tr("Adjust stored value")}
        self.setWindowTitle(titles[self.mode] + " — " + self.profile.name)
        b = self.profile.balance
        self.balance.setText(self.tr("%1 (principal %2 + bonus %3)")
                             .replace("%1", self.money(b.total))
                             .replace("%2", self.money(b.principal))
                             .replace("%3", self.money(b.bonus)))
        self.caps["balance"].setText(self.tr("Balance"))
        amount_caps = {Mode.TOP_UP: self.tr("&Amount paid"), Mode.SPEND: self.tr("&Amount"),
                       Mode.REFUND: self.tr("&Principal to refund"),
                       Mode.ADJUST: self.tr("&Principal change")}
        self.caps["amount"].setText(amount_caps[self.mode])
        if "bonus" in self.caps:
            self.caps["bonus"].setText(self.tr("&Bonus change"))
        if "payment_method" in self.caps:
            self.caps["payment_method"].setText(
                self.tr("&Paid by") if self.mode is Mode.TOP_UP else self.tr("&Paid back by"))
        self.caps["reason"].setText(self.tr("&Reason"))
        if self.mode is Mode.REFUND:
            self.amount.setPlaceholderText(self.tr("empty: all %1").replace(
                "%1", self.money(self.profile.balance.principal)))
            self.amount.allow_zero = True
        if self.mode is Mode.ADJUST:
            self.reason.setPlaceholderText(self.tr("required: why the balance is corrected"))
        elif self.mode is Mode.REFUND:
            self.reason.setPlaceholderText(self.tr("required"))
        else:
            self.reason.setPlaceholderText(self.tr("optional"))

    def _preview(self, value: int | None) -> None:
        if self.mode is not Mode.TOP_UP or not value:
            self.preview.clear()
            return
        bonus = bonus_for_topup(self.tier_obj, value) if value > 0 else 0
        if bonus:
            self.preview.setText(self.tr("Bonus %1 for this top-up: the card will hold %2 more.")
                                 .replace("%1", self.money(bonus))
                                 .replace("%2", self.money(value + bonus)))
        else:
            self.preview.setText(self.tr("No bonus at this amount for the member's tier."))

    def save(self) -> None:
        self.form.clear_errors()
        db, actor, cid = self.ctx.db, self.ctx.actor, self.profile.id
        if self.mode is Mode.REFUND and not self.reason.text().strip():
            # Money leaving the shop needs a why on the record; the service takes any reason.
            self.form.show_error(ValidationError("text.required", field="reason"))
            return
        try:
            if self.mode is Mode.REFUND and not self.amount.text().strip():
                amount = None
            else:
                amount = self.amount.value()
            if self.mode is Mode.TOP_UP:
                self.result = sv.top_up(db, actor, cid, amount, self.method.currentData(),
                                        self.operation_id)
            elif self.mode is Mode.SPEND:
                self.result = sv.spend(db, actor, cid, amount, self.operation_id,
                                       self.reason.text())
            elif self.mode is Mode.REFUND:
                self.result = sv.refund(db, actor, cid, amount, self.method.currentData(),
                                        self.operation_id, self.reason.text())
            else:
                bonus = self.bonus_amount.value() if self.bonus_amount.text().strip() else 0
                self.result = sv.adjust(db, actor, cid, amount, bonus, self.reason.text(),
                                        self.operation_id)
        except OpsError as e:
            self.form.show_error(e)
            return
        self.accept()
