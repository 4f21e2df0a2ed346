"""Add or edit one item of the product matrix. A membership item names the tier it gives. Enter
saves, Esc cancels; errors appear beside their field and what was typed stays."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from opsdesk.domain.errors import FieldErrors, OpsError, ValidationError
from opsdesk.domain.members import ProductKind, ProductRole
from opsdesk.domain.money import Currency, currency
from opsdesk.domain.tiers import Tier
from opsdesk.services import products as products_service
from opsdesk.services.products import ProductInput, ProductRow
from opsdesk.ui.context import AppContext
from opsdesk.ui.labels import PRODUCT_ROLES, label
from opsdesk.ui.messages import message_for
from opsdesk.ui.models.product_table import kind_name, margin_tenths
from opsdesk.ui.widgets.form import ErrorForm
from opsdesk.ui.widgets.money_edit import MoneyEdit


class ProductDialog(QDialog):
    def __init__(self, ctx: AppContext, tiers: list[Tier], current: ProductRow | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("product_dialog")
        self.ctx, self.current = ctx, current
        self.cur: Currency = currency(ctx.store.currency)
        self.tiers = {t.id: t for t in tiers}
        self.saved: ProductRow | None = None
        self.form = ErrorForm()
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for k in ProductKind:
            self.kind.addItem(kind_name(k), k.value)
        self.role = QComboBox()
        self.role.setObjectName("role")
        for r in ProductRole:
            self.role.addItem(label(PRODUCT_ROLES, r), r.value)
        self.role_hint = QLabel()
        self.role_hint.setWordWrap(True)
        self.role_hint.setStyleSheet("color: #57606f;")
        self.tier = QComboBox()
        self.tier.setObjectName("tier_id")
        self.tier.addItem("—", None)
        for t in tiers:
            self.tier.addItem(t.name, t.id)
        self.price = MoneyEdit(self.cur)
        self.price.setObjectName("price")
        self.cost = MoneyEdit(self.cur)
        self.cost.setObjectName("cost")
        self.margin = QLabel()
        self.margin.setObjectName("margin")
        self.active = QCheckBox()
        self.active.setObjectName("active")
        self.active.setChecked(True)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        role_box = QWidget()
        rl = QVBoxLayout(role_box)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.role)
        rl.addWidget(self.role_hint)
        self.caps = {key: self.form.add_row(key, w) for key, w in (
            ("name", self.name), ("kind", self.kind), ("tier_id", self.tier),
            ("role", role_box), ("price", self.price), ("cost", self.cost),
            ("margin", self.margin), ("active", self.active), ("notes", self.notes))}
        self.caps["role"].setBuddy(self.role)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.save)
        lay = QVBoxLayout(self)
        lay.addWidget(self.form)
        lay.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.tier.currentIndexChanged.connect(self._tier_changed)
        self.role.currentIndexChanged.connect(self._role_changed)
        self.price.textChanged.connect(self._update_margin)
        self.cost.textChanged.connect(self._update_margin)
        if current is not None:
            self._load(current)
        self.setMinimumWidth(460)
        self.retranslate()
        self._kind_changed()
        self._role_changed()
        self._update_margin()
        self.name.setFocus()

    def _load(self, r: ProductRow) -> None:
        self.name.setText(r.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(r.kind.value)))
        self.role.setCurrentIndex(max(0, self.role.findData(r.role.value)))
        if r.tier_id is not None and self.tier.findData(r.tier_id) < 0:
            self.tier.addItem(str(r.tier_id), r.tier_id)  # a retired tier still named
        self.tier.setCurrentIndex(max(0, self.tier.findData(r.tier_id)))
        self.price.set_value(r.price)
        self.cost.set_value(r.cost)
        self.active.setChecked(r.active)
        self.notes.setPlainText(r.notes)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit item") if self.current else self.tr("Add item"))
        for key, text in {
            "name": self.tr("&Item name"), "kind": self.tr("&Kind"), "tier_id": self.tr("Gives &tier"),
            "role": self.tr("&Role in the matrix"), "price": self.tr("&Price"),
            "cost": self.tr("&Cost"), "margin": self.tr("Margin"), "active": self.tr("Status"),
            "notes": self.tr("N&otes"),
        }.items():
            self.caps[key].setText(text)
        self.active.setText(self.tr("On sale"))
        self.cost.setToolTip(self.tr("What one sale costs the shop (materials, product); "
                                     "used for the margin."))
        self.notes.setToolTip(self.tr("Ctrl+Enter saves"))

    def _role_changed(self, _i: int = 0) -> None:
        hints = {
            ProductRole.TRAFFIC.value: self.tr("Free or nearly free: draws new people in."),
            ProductRole.HIT.value: self.tr("The popular, well-priced offer that turns visitors "
                                           "into customers."),
            ProductRole.PROFIT.value: self.tr("Where the shop earns its margin."),
            ProductRole.BRAND.value: self.tr("The premium item that sets the shop's image."),
        }
        self.role_hint.setText(hints.get(self.role.currentData(), ""))

    def _kind_changed(self, _i: int = 0) -> None:
        membership = self.kind.currentData() == ProductKind.MEMBERSHIP.value
        self.tier.setEnabled(membership)
        if not membership:
            self.tier.setCurrentIndex(0)

    def _tier_changed(self, _i: int = 0) -> None:
        # Offer the tier's own price; the owner may still sell it for less as a launch offer.
        t = self.tiers.get(self.tier.currentData())
        if t is not None and not self.price.text().strip():
            self.price.set_value(t.price)

    def _update_margin(self, _text: str = "") -> None:
        price, cost = self.price.value_or_none(), self.cost.value_or_none()
        if price is None or cost is None:
            self.margin.setText("—")
            return
        m = margin_tenths(price, cost)
        self.margin.setText("—" if m is None else self.tr("%1% of the price")
                            .replace("%1", f"{'-' if m < 0 else ''}{abs(m) // 10}.{abs(m) % 10}"))

    def values(self) -> ProductInput | None:
        self.form.clear_errors()
        bad = False
        amounts = {}
        for key, edit in (("price", self.price), ("cost", self.cost)):
            if key == "cost" and not edit.text().strip():
                amounts[key] = 0  # cost unknown: the margin shows as the full price
                continue
            try:
                amounts[key] = edit.value()
            except ValidationError as e:
                self.form.set_field_error(key, message_for(e))
                if not bad:
                    edit.setFocus()
                bad = True
        if bad:
            return None
        return ProductInput(name=self.name.text(), kind=self.kind.currentData(),
                            role=self.role.currentData(), price=amounts["price"],
                            cost=amounts["cost"], tier_id=self.tier.currentData(),
                            active=self.active.isChecked(), notes=self.notes.toPlainText())

    def save(self) -> None:
        data = self.values()
        if data is None:
            return
        try:
            if self.current is None:
                self.saved = products_service.create_product(self.ctx.db, self.ctx.actor, data)
            else:
                self.saved = products_service.update_product(self.ctx.db, self.ctx.actor,
                                                             self.current.id, data)
        except OpsError as e:
            if isinstance(e, FieldErrors) or e.field in self.caps:
                self.form.show_error(e)
            else:
                self.form.clear_errors()
                self.form.set_general_error(message_for(e))
            return
        self.accept()
