"""The launch editor: name, product, the three dates, the three amounts, capacity, refund rules,
early-lock gifts and privileges. Errors show beside their field; nothing typed is lost when the
save is refused. Once a launch is open only its texts and capacity can change."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from fractions import Fraction

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from opsdesk.domain.errors import Collector, FieldErrors, OpsError, ValidationError
from opsdesk.domain.launches import LaunchStatus
from opsdesk.domain.money import currency
from opsdesk.services import launches, products
from opsdesk.ui.context import AppContext
from opsdesk.ui.pages.launches.texts import readable
from opsdesk.ui.widgets.dates import OptionalDateEdit
from opsdesk.ui.widgets.form import ErrorForm
from opsdesk.ui.widgets.money_edit import MoneyEdit

SHARE_FIELDS = ("entry_refund_until", "entry_refund_after", "deposit_refund_until",
                "deposit_refund_after")


def _percent_text(share: Fraction) -> str:
    v = Decimal(share.numerator) * 100 / Decimal(share.denominator)
    return f"{v.normalize():f}"


def parse_percent(text: str, field: str) -> Fraction:
    """"50", "50%", "12.5" -> a share (0.5, 0.125); anything else is ``targets.invalid_number``."""
    t = text.strip().rstrip("%％").strip()
    try:
        return Fraction(Decimal(t)) / 100
    except (InvalidOperation, ValueError):
        raise ValidationError("targets.invalid_number", field=field, text=text[:20]) from None


class LaunchDialog(QDialog):
    def __init__(self, ctx: AppContext, launch: launches.LaunchRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("launch_dialog")
        self.ctx, self.launch = ctx, launch
        self.saved: launches.LaunchRow | None = None
        cur = currency(ctx.store.currency)
        self.setWindowTitle(self.tr("Edit launch") if launch else self.tr("New launch"))
        self.form = ErrorForm()
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setMaxLength(launches.NAME_MAX)
        self.product = QComboBox()
        self.product.setObjectName("product_id")
        self.product.addItem(self.tr("(not in the product list)"), None)
        for p in products.list_products(ctx.db, ctx.actor):
            self.product.addItem(p.name, p.id)
        self.product_text = QLineEdit()
        self.product_text.setObjectName("product_text")
        self.product_text.setPlaceholderText(self.tr("What is pre-sold, e.g. 10 anti-ageing sessions"))
        self.entry_opens = OptionalDateEdit()
        self.entry_opens.setObjectName("entry_opens")
        self.lock_deadline = OptionalDateEdit()
        self.lock_deadline.setObjectName("lock_deadline")
        self.delivery = OptionalDateEdit()
        self.delivery.setObjectName("delivery")
        self.entry_fee = MoneyEdit(cur)
        self.entry_fee.setObjectName("entry_fee")
        self.deposit = MoneyEdit(cur, allow_zero=False)
        self.deposit.setObjectName("deposit")
        self.price = MoneyEdit(cur, allow_zero=False)
        self.price.setObjectName("price")
        self.capacity = QSpinBox()
        self.capacity.setObjectName("capacity")
        self.capacity.setRange(0, 100_000)
        self.capacity.setSpecialValueText(self.tr("No limit"))
        self.requires_lock = QCheckBox(self.tr("A deal needs a lock (a paid deposit) first"))
        self.requires_lock.setObjectName("requires_lock")
        self.requires_lock.setChecked(True)
        self.shares: dict[str, QLineEdit] = {}
        for key in SHARE_FIELDS:
            e = QLineEdit()
            e.setObjectName(key)
            e.setMaximumWidth(80)
            self.shares[key] = e
        entry_box, deposit_box = QWidget(), QWidget()
        for box, a, b in ((entry_box, "entry_refund_until", "entry_refund_after"),
                          (deposit_box, "deposit_refund_until", "deposit_refund_after")):
            lay = QHBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            self.shares[a].setToolTip(self.tr("% refundable on or before the lock deadline"))
            self.shares[b].setToolTip(self.tr("% refundable after the deadline, before delivery"))
            lay.addWidget(self.shares[a])
            lay.addWidget(self.shares[b])
            lay.addStretch()
        self.early_until = OptionalDateEdit()
        self.early_until.setObjectName("early_until")
        self.early_gifts = QPlainTextEdit()
        self.early_gifts.setObjectName("early_gifts")
        self.early_gifts.setMaximumHeight(60)
        self.early_privileges = QPlainTextEdit()
        self.early_privileges.setObjectName("early_privileges")
        self.early_privileges.setMaximumHeight(60)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setMaximumHeight(60)
        f = self.form
        f.add_row("name", self.name).setText(self.tr("&Name"))
        f.add_row("product_id", self.product).setText(self.tr("&Product"))
        f.add_row("product_text", self.product_text).setText(self.tr("Description"))
        f.add_row("entry_opens", self.entry_opens).setText(self.tr("Entry &opens"))
        f.add_row("lock_deadline", self.lock_deadline).setText(self.tr("&Lock deadline"))
        f.add_row("delivery", self.delivery).setText(self.tr("&Delivery"))
        f.add_row("entry_fee", self.entry_fee).setText(self.tr("&Entry fee"))
        f.add_row("deposit", self.deposit).setText(self.tr("De&posit"))
        f.add_row("price", self.price).setText(self.tr("&Full price"))
        f.add_row("capacity", self.capacity).setText(self.tr("&Capacity (seats)"))
        f.add_row("requires_lock", self.requires_lock).setText("")
        f.add_row("entry_refund_after", entry_box).setText(
            self.tr("Entry fee refund % (until / after deadline)"))
        f.add_row("deposit_refund_after", deposit_box).setText(
            self.tr("Deposit refund % (until / after deadline)"))
        f.add_row("early_until", self.early_until).setText(self.tr("Early locks &until"))
        f.add_row("early_gifts", self.early_gifts).setText(self.tr("Early-lock &gifts"))
        f.add_row("early_privileges", self.early_privileges).setText(
            self.tr("Early-lock p&rivileges"))
        f.add_row("notes", self.notes).setText(self.tr("Notes"))
        self._fill(launch)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(scroll)
        lay.addWidget(self.buttons)
        self.resize(620, 720)

    def _fill(self, ln: launches.LaunchRow | None) -> None:
        if ln is None:
            for key, v in zip(SHARE_FIELDS, ("100", "0", "100", "50"), strict=True):
                self.shares[key].setText(v)
            return
        self.name.setText(ln.name)
        i = self.product.findData(ln.product_id)
        self.product.setCurrentIndex(max(i, 0))
        self.product_text.setText(ln.product_text)
        self.entry_opens.set_value(ln.entry_opens)
        self.lock_deadline.set_value(ln.lock_deadline)
        self.delivery.set_value(ln.delivery)
        self.entry_fee.set_value(ln.entry_fee)
        self.deposit.set_value(ln.deposit)
        self.price.set_value(ln.price)
        self.capacity.setValue(ln.capacity or 0)
        self.requires_lock.setChecked(ln.requires_lock)
        for key in SHARE_FIELDS:
            self.shares[key].setText(_percent_text(getattr(ln, key)))
        self.early_until.set_value(ln.early_until)
        self.early_gifts.setPlainText(ln.early_gifts)
        self.early_privileges.setPlainText(ln.early_privileges)
        self.notes.setPlainText(ln.notes)
        if ln.status != LaunchStatus.DRAFT:
            for w in (self.entry_opens, self.lock_deadline, self.delivery, self.entry_fee,
                      self.deposit, self.price, *self.shares.values()):
                w.setReadOnly(True)
            self.requires_lock.setEnabled(False)
            self.early_until.setReadOnly(True)

    def collect(self) -> launches.LaunchInput:
        """The form's values; every unreadable field at once (``FieldErrors``)."""
        c = Collector()
        opens = c.take("entry_opens", self._date, self.entry_opens, "entry_opens")
        deadline = c.take("lock_deadline", self._date, self.lock_deadline, "lock_deadline")
        delivery = c.take("delivery", self._date, self.delivery, "delivery")
        fee = c.take("entry_fee", self._money, self.entry_fee, "entry_fee", allow_empty=True)
        dep = c.take("deposit", self._money, self.deposit, "deposit")
        price = c.take("price", self._money, self.price, "price")
        shares = {k: c.take(k, parse_percent, self.shares[k].text(), k) for k in SHARE_FIELDS}
        early = c.take("early_until", self.early_until.value)
        c.done()
        return launches.LaunchInput(
            name=self.name.text(), entry_opens=opens, lock_deadline=deadline, delivery=delivery,
            entry_fee=fee, deposit=dep, price=price, capacity=self.capacity.value() or None,
            product_id=self.product.currentData(), product_text=self.product_text.text(),
            requires_lock=self.requires_lock.isChecked(), early_until=early,
            early_gifts=self.early_gifts.toPlainText(),
            early_privileges=self.early_privileges.toPlainText(),
            notes=self.notes.toPlainText(), **shares)

    @staticmethod
    def _date(w: OptionalDateEdit, field: str):  # noqa: ANN205
        d = w.value()
        if d is None:
            raise ValidationError("text.required", field=field)
        return d

    @staticmethod
    def _money(w: MoneyEdit, field: str, allow_empty: bool = False) -> int:
        if not w.text().strip():
            if allow_empty:
                return 0
            raise ValidationError("text.required", field=field)
        try:
            return w.value()
        except ValidationError as e:
            e.field = field
            raise

    def save(self) -> None:
        self.form.clear_errors()
        try:
            data = self.collect()
            if self.launch is None:
                self.saved = launches.create_launch(self.ctx.db, self.ctx.actor, data)
            else:
                self.saved = launches.update_launch(self.ctx.db, self.ctx.actor, self.launch.id,
                                                    data)
        except (FieldErrors, OpsError) as e:
            self.form.show_error(readable(e, currency(self.ctx.store.currency)))
            return
        self.accept()
