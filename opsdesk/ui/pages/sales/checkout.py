"""The checkout: pick items, see the member price, choose how the customer pays, pay. Then a
notice says what changed (a tier bought or earned, a first or repeat purchase) and offers the
receipt. ``RefundSaleDialog`` takes a sale back (manager or owner).

Each dialog makes one operation id when it opens, so a double click, a second Enter or a retry
after an error posts the sale once.

Keys: type to find an item, Down to the list, Enter adds it; Delete removes a line; Ctrl+Enter
pays from anywhere (Enter too, outside the item finder); Esc cancels."""

from __future__ import annotations

import html
import importlib
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opsdesk.domain.errors import OpsError
from opsdesk.domain.members import Stage
from opsdesk.domain.money import Currency, currency, format_money
from opsdesk.domain.operations import new_operation_id
from opsdesk.domain.payments import PaymentMethod
from opsdesk.domain.roles import Permission
from opsdesk.domain.tiers import Tier, standing
from opsdesk.services import members as members_service
from opsdesk.services import products as products_service
from opsdesk.services import sales as sales_service
from opsdesk.services import tiers as tiers_service
from opsdesk.services.members import MemberProfile
from opsdesk.services.sales import MAX_QUANTITY, SaleInput, SaleLineInput, SaleResult
from opsdesk.services.tiers import TierNotice
from opsdesk.ui.context import AppContext
from opsdesk.ui.labels import PAYMENT_METHODS, label
from opsdesk.ui.messages import message_for
from opsdesk.ui.models.checkout_tables import CartModel, PickModel
from opsdesk.ui.pages.ladder import texts
from opsdesk.ui.widgets.form import ErrorForm

NOTICE_STYLE = ("QLabel#notice { background: #f4fbf6; border: 1px solid #b7e1c4;"
                " border-radius: 6px; padding: 14px; font-size: 11pt; }")


def receipts_module():  # noqa: ANN201
    """The receipt renderer, or None where this build has none."""
    try:
        return importlib.import_module("opsdesk.reports.receipts")
    except ImportError:
        return None


def _table(name: str) -> QTableView:
    t = QTableView()
    t.setObjectName(name)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().hide()
    t.verticalHeader().setDefaultSectionSize(32)
    t.setAlternatingRowColors(True)
    t.setTabKeyNavigation(False)
    return t


def _fit_columns(t: QTableView) -> None:
    # Per-section modes only hold once the model gives the header its sections.
    header = t.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(70)


class QuantityDelegate(QStyledItemDelegate):
    """A spin box per line that writes through as it turns, so the totals follow at once."""

    def createEditor(self, parent, option, index):  # noqa: N802, ANN001, ANN201
        spin = QSpinBox(parent)
        spin.setRange(1, MAX_QUANTITY)
        spin.setObjectName("quantity")
        spin.setFrame(False)
        spin.setAutoFillBackground(True)  # the cell's own text must not show through
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        spin.valueChanged.connect(lambda _v: self.commitData.emit(spin))
        return spin

    def setEditorData(self, editor, index) -> None:  # noqa: N802, ANN001
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(value, int) and editor.value() != value:
            editor.setValue(value)
        editor.lineEdit().deselect()  # every line's figure highlighted at once reads as an error

    def setModelData(self, editor, model, index) -> None:  # noqa: N802, ANN001
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class _EnterAdds(QObject):
    """Enter in the item finder or the item list adds the item instead of paying."""

    def __init__(self, dialog: CheckoutDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                          Qt.KeyboardModifier.KeypadModifier)
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if plain:
                    self.dialog.add_current()
                elif event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                    self.dialog.pay()
                return True
            if key == Qt.Key.Key_Down and obj is self.dialog.search:
                self.dialog.picks.setFocus()
                if not self.dialog.picks.currentIndex().isValid() \
                        and self.dialog.pick_model.rowCount():
                    self.dialog.picks.selectRow(0)
                return True
        return False


def tier_notice_text(n: TierNotice) -> str:
    """"银卡 → 金卡 (upgraded by spending), valid until …" for the notice after a sale or refund."""
    reasons = {
        "membership": QCoreApplication.translate("SaleNotice", "membership bought"),
        "upgrade_spend": QCoreApplication.translate("SaleNotice", "upgraded by spending"),
        "upgrade_topup": QCoreApplication.translate("SaleNotice", "upgraded by a top-up"),
        "lapse": QCoreApplication.translate("SaleNotice", "the old tier ran out"),
        "refund": QCoreApplication.translate("SaleNotice", "the purchase was refunded"),
    }
    none = QCoreApplication.translate("SaleNotice", "no tier")
    text = (QCoreApplication.translate("SaleNotice", "Tier: %1 → %2 (%3)")
            .replace("%1", n.from_tier or none).replace("%2", n.to_tier or none)
            .replace("%3", reasons.get(n.reason, n.reason)))
    if n.to_tier and n.expires_on is not None:
        text += QCoreApplication.translate("SaleNotice", ", valid until %1").replace("%1", n.expires_on.isoformat())
    return text


def stage_notice_text(before: Stage | None, after: Stage | None, name: str) -> str:
    if before == after or after is None:
        return ""
    if after is Stage.CUSTOMER:
        return QCoreApplication.translate(
            "SaleNotice", "First purchase: %1 is now a customer.").replace("%1", name)
    if after is Stage.REPEAT:
        return QCoreApplication.translate(
            "SaleNotice", "Buying again: %1 is now a repeat customer.").replace("%1", name)
    return ""


class CheckoutDialog(QDialog):
    def __init__(self, ctx: AppContext, customer_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkout_dialog")
        self.ctx, self.customer_id = ctx, customer_id
        self.cur: Currency = currency(ctx.store.currency)
        self.operation_id = new_operation_id()
        self.sale_result: SaleResult | None = None
        self._posting = False
        self.profile: MemberProfile | None = None
        self.tier: Tier | None = None
        self._load_customer()
        self._products = products_service.list_products(ctx.db, ctx.actor)

        self.customer = QLabel()
        self.customer.setObjectName("customer")
        self.customer.setStyleSheet("font-size: 11pt; padding: 4px 0;")
        self.search = QLineEdit()
        self.search.setObjectName("item_search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.pick_model = PickModel(self.cur, self.tier, self)
        self.picks = _table("picks")
        self.picks.setModel(self.pick_model)
        _fit_columns(self.picks)
        self.picks.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.picks.doubleClicked.connect(lambda i: self.add_row(i.row()))
        self.cart = CartModel(self.cur, self.tier, self)
        self.lines = _table("lines")
        self.lines.setModel(self.cart)
        _fit_columns(self.lines)
        self.lines.horizontalHeader().setSectionResizeMode(CartModel.QUANTITY,
                                                           QHeaderView.ResizeMode.Fixed)
        self.lines.setColumnWidth(CartModel.QUANTITY, 86)
        self.lines.verticalHeader().setDefaultSectionSize(36)
        self.lines.setItemDelegateForColumn(CartModel.QUANTITY, QuantityDelegate(self.lines))
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.lines.setMinimumWidth(380)
        self.cart.rowsInserted.connect(self._open_spins)
        self.cart.rowsInserted.connect(self._update_totals)
        self.cart.rowsRemoved.connect(self._update_totals)
        self.cart.dataChanged.connect(self._update_totals)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove_line")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_current)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.lines, activated=self.remove_current)
        lines_box = QWidget()
        ll = QVBoxLayout(lines_box)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.lines)
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addStretch()
        ll.addLayout(row)
        self.methods = QButtonGroup(self)
        self.method_buttons: dict[PaymentMethod, QRadioButton] = {}
        pay_box = QWidget()
        pl = QVBoxLayout(pay_box)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.setSpacing(2)
        for m in PaymentMethod:
            if m is PaymentMethod.STORED_VALUE and self.profile is None:
                continue  # a walk-in has no card to pay from
            b = QRadioButton()
            b.setObjectName(f"pay_{m.value}")
            self.methods.addButton(b)
            self.method_buttons[m] = b
            pl.addWidget(b)
        self.method_buttons[PaymentMethod.CASH].setChecked(True)
        self.form = ErrorForm()
        self.caps = {"lines": self.form.add_row("lines", lines_box),
                     "payment_method": self.form.add_row("payment_method", pay_box)}
        self.caps["lines"].setBuddy(self.lines)
        self.caps["payment_method"].setBuddy(self.method_buttons[PaymentMethod.CASH])
        self.totals = QLabel()
        self.totals.setObjectName("totals")
        self.totals.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.totals.setStyleSheet("font-size: 12pt;")
        self.pay_button = QPushButton()
        self.pay_button.setObjectName("pay")
        self.pay_button.setDefault(True)
        self.pay_button.setMinimumHeight(36)
        self.pay_button.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.pay_button.clicked.connect(self.pay)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.pay)
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=self.pay)

        left = QVBoxLayout()
        self.find_caption = QLabel()
        self.find_caption.setBuddy(self.search)
        left.addWidget(self.find_caption)
        left.addWidget(self.search)
        left.addWidget(self.picks, 1)
        right = QVBoxLayout()
        right.addWidget(self.form, 1)
        right.addWidget(self.totals)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.pay_button)
        right.addLayout(buttons)
        body = QHBoxLayout()
        body.addLayout(left, 5)
        body.addLayout(right, 6)
        sale_page = QWidget()
        sl = QVBoxLayout(sale_page)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.customer)
        sl.addLayout(body, 1)

        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.RichText)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.receipts = receipts_module()
        self.receipt_button = QPushButton()
        self.receipt_button.setObjectName("print_receipt")
        self.receipt_button.setAutoDefault(False)
        self.receipt_button.clicked.connect(lambda: self.print_receipt("80mm"))
        self.receipt_button.setVisible(self.receipts is not None)
        self.receipt_a4_button = QPushButton()
        self.receipt_a4_button.setObjectName("print_receipt_a4")
        self.receipt_a4_button.setAutoDefault(False)
        self.receipt_a4_button.clicked.connect(lambda: self.print_receipt("a4"))
        self.receipt_a4_button.setVisible(self.receipts is not None)
        self.close_button = QPushButton()
        self.close_button.setObjectName("close")
        self.close_button.clicked.connect(self.accept)
        done_page = QWidget()
        dl = QVBoxLayout(done_page)
        dl.addWidget(self.notice, 1)
        db_row = QHBoxLayout()
        db_row.addStretch()
        db_row.addWidget(self.receipt_button)
        db_row.addWidget(self.receipt_a4_button)
        db_row.addWidget(self.close_button)
        dl.addLayout(db_row)
        self.stack = QStackedWidget()
        self.stack.addWidget(sale_page)
        self.stack.addWidget(done_page)
        lay = QVBoxLayout(self)
        lay.addWidget(self.stack)

        self._enter = _EnterAdds(self)
        self.search.installEventFilter(self._enter)
        self.picks.installEventFilter(self._enter)
        self.setTabOrder(self.search, self.picks)
        self.setTabOrder(self.picks, self.lines)
        self.setTabOrder(self.lines, self.remove_button)
        self.setTabOrder(self.remove_button, self.method_buttons[PaymentMethod.CASH])
        self.resize(940, 560)
        self.retranslate()
        self._filter("")
        self._update_totals()
        self.search.setFocus()

    # --- data

    def _load_customer(self) -> None:
        if self.customer_id is None:
            return
        self.profile = members_service.get_profile(self.ctx.db, self.ctx.actor, self.customer_id,
                                                   timeline_limit=1)
        ladder = tiers_service.get_ladder(self.ctx.db, self.ctx.actor)
        held = ladder.tier(self.profile.tier_id)
        # A tier that ran out is settled by the sale first; preview the price it will charge.
        self.tier = standing(held, ladder.tiers, date.today(), self.profile.tier_expires_on).tier

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Checkout"))
        self.find_caption.setText(self.tr("&Find an item (Enter adds it)"))
        self.search.setPlaceholderText(self.tr("name…"))
        self.caps["lines"].setText(self.tr("&Items"))
        self.caps["payment_method"].setText(self.tr("Paid &by"))
        self.remove_button.setText(self.tr("&Remove line"))
        self.remove_button.setToolTip(self.tr("Del"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Esc"))
        self.pay_button.setToolTip(self.tr("Enter or Ctrl+Enter"))
        self.receipt_button.setText(self.tr("&Print receipt…"))
        self.receipt_button.setToolTip(self.tr("80 mm roll for the receipt printer"))
        self.receipt_a4_button.setText(self.tr("Receipt on &A4…"))
        self.close_button.setText(self.tr("&Close"))
        for m, b in self.method_buttons.items():
            text = label(PAYMENT_METHODS, m)
            if m is PaymentMethod.STORED_VALUE and self.profile is not None:
                bal = self.profile.balance
                text = (self.tr("%1 (balance %2)").replace("%1", text)
                        .replace("%2", format_money(bal.total, self.cur)))
            b.setText(text)
        if self.profile is None:
            self.customer.setText(self.tr("Walk-in customer: list prices, no member discount."))
        else:
            p = self.profile
            tier = (self.tr("%1, %2").replace("%1", self.tier.name)
                    .replace("%2", texts.discount_text(self.tier.discount))
                    if self.tier is not None else self.tr("no tier yet"))
            self.customer.setText(self.tr("<b>%1</b> · %2 · %3").replace("%1", html.escape(p.name))
                                  .replace("%2", p.phone).replace("%3", tier))

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        rows = [p for p in self._products if not needle or needle in p.name.casefold()]
        self.pick_model.set_rows(rows)
        if rows:
            self.picks.selectRow(0)

    def _open_spins(self, _parent, first: int, last: int) -> None:  # noqa: ANN001
        for r in range(first, last + 1):
            self.lines.openPersistentEditor(self.cart.index(r, CartModel.QUANTITY))

    def _update_totals(self, *_args) -> None:  # noqa: ANN002
        total, listed = self.cart.total(), self.cart.list_total()
        text = self.tr("To pay: <b>%1</b>").replace("%1", format_money(total, self.cur))
        if listed != total:
            text = (self.tr("List %1 − member discount %2 · ").replace("%1", format_money(
                listed, self.cur)).replace("%2", format_money(listed - total, self.cur)) + text)
        self.totals.setText(text)
        self.pay_button.setText(self.tr("&Pay %1").replace("%1", format_money(total, self.cur)))

    # --- actions

    def add_row(self, row: int) -> None:
        if 0 <= row < self.pick_model.rowCount() and self.sale_result is None:
            r = self.cart.add(self.pick_model.row_at(row))
            self.lines.selectRow(r)

    def add_current(self) -> None:
        idx = self.picks.currentIndex()
        self.add_row(idx.row() if idx.isValid() else 0)

    def remove_current(self) -> None:
        idx = self.lines.currentIndex()
        if idx.isValid():
            self.cart.remove(idx.row())

    def method(self) -> PaymentMethod:
        return next(m for m, b in self.method_buttons.items() if b.isChecked())

    def pay(self) -> None:
        if self.sale_result is not None or self._posting:
            return
        self.form.clear_errors()
        data = SaleInput(customer_id=self.customer_id,
                         lines=tuple(SaleLineInput(ln.product.id, ln.quantity)
                                     for ln in self.cart.lines()),
                         payment_method=self.method(), operation_id=self.operation_id)
        self._posting = True
        self.pay_button.setEnabled(False)
        try:
            result = sales_service.sell(self.ctx.db, self.ctx.actor, data)
        except OpsError as e:
            self.show_error(e)
            return
        finally:
            self._posting = False
            self.pay_button.setEnabled(True)
        self.sale_result = result
        self._show_done(result)

    def show_error(self, e: OpsError) -> None:
        text = message_for(e)
        index = e.params.get("index")
        if e.field == "lines" and isinstance(index, int) and index < len(self.cart.lines()):
            text = (self.tr("%1: %2").replace("%1", self.cart.lines()[index].product.name)
                    .replace("%2", text))
            self.lines.selectRow(index)
        if e.field == "lines" or e.code == "sale.empty":
            self.form.set_field_error("lines", text)
            (self.lines if self.cart.rowCount() else self.search).setFocus()
        elif e.field == "payment_method" or e.code.startswith("stored_value."):
            self.form.set_field_error("payment_method", text)
            self.method_buttons[self.method()].setFocus()
        else:
            self.form.set_general_error(text)

    def _show_done(self, r: SaleResult) -> None:
        name = self.profile.name if self.profile else ""
        parts = [self.tr("<h2>Paid %1 by %2</h2>").replace("%1", format_money(r.total, self.cur))
                 .replace("%2", label(PAYMENT_METHODS, r.payment_method))]
        if r.discount:
            parts.append(self.tr("Member discount: %1 off the list price of %2.")
                         .replace("%1", format_money(r.discount, self.cur))
                         .replace("%2", format_money(r.list_total, self.cur)))
        for n in r.tier_changes:
            parts.append(f"<b>{html.escape(tier_notice_text(n))}</b>")
        stage = stage_notice_text(r.stage_before, r.stage_after, name)
        if stage:
            parts.append(html.escape(stage))
        if r.balance is not None:
            parts.append(self.tr("Stored value left: %1 (paid in %2, bonus %3).")
                         .replace("%1", format_money(r.balance.total, self.cur))
                         .replace("%2", format_money(r.balance.principal, self.cur))
                         .replace("%3", format_money(r.balance.bonus, self.cur)))
        if r.replayed:
            parts.append(self.tr("This sale had already been recorded; nothing was charged "
                                 "twice."))
        self.notice.setText("<br><br>".join(parts))
        self.stack.setCurrentIndex(1)
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def print_receipt(self, paper: str = "80mm") -> None:
        if self.sale_result is None or self.receipts is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save receipt"), f"receipt-{self.sale_result.sale_id}.pdf",
            self.tr("PDF files (*.pdf)"))
        if not path:
            return
        try:
            self.receipts.render_receipt(self.receipt_data(), path, paper=paper)
        except (OpsError, OSError) as e:
            text = message_for(e) if isinstance(e, OpsError) else str(e)
            QMessageBox.warning(self, self.tr("Receipt"), text)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def receipt_data(self):  # noqa: ANN201
        """The receipt of the posted sale, in the reader's language."""
        rc, r = self.receipts, self.sale_result
        chinese = QLocale().language() == QLocale.Language.Chinese
        lines = tuple(rc.ReceiptLine(ln.name, ln.quantity, ln.unit_price, ln.line_total,
                                     ln.unit_price * ln.quantity - ln.line_total)
                      for ln in r.lines)
        tier = r.tier_changes[-1].to_tier if r.tier_changes else \
            (self.tier.name if self.tier else None)
        return rc.ReceiptData(
            shop_name=self.ctx.store.name, receipt_no=r.operation_id, issued_at=r.at,
            lines=lines, total=r.total, payment_method=label(PAYMENT_METHODS, r.payment_method),
            currency=self.cur.code, member_name=self.profile.name if self.profile else None,
            member_phone=self.profile.phone if self.profile else None, tier_name=tier or None,
            balance_principal=r.balance.principal if r.balance else None,
            balance_bonus=r.balance.bonus if r.balance else None, cashier=self.ctx.actor.name,
            labels=rc.LABELS_ZH if chinese else rc.ReceiptLabels())


class RefundSaleDialog(QDialog):
    """Take a whole sale back, with a reason. Manager or owner; others see why they cannot."""

    def __init__(self, ctx: AppContext, sale_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refund_dialog")
        self.ctx, self.sale_id = ctx, sale_id
        self.cur: Currency = currency(ctx.store.currency)
        self.operation_id = new_operation_id()
        self.sale_result: SaleResult | None = None
        self.sale = sales_service.get_sale(ctx.db, ctx.actor, sale_id)
        self.summary = QLabel()
        self.summary.setObjectName("sale_summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.form = ErrorForm()
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(200)
        self.caps = {"reason": self.form.add_row("reason", self.reason)}
        self.allowed = ctx.actor.can(Permission.SALES_REFUND)
        self.refused = QLabel()
        self.refused.setStyleSheet("color: #8a6d3b;")
        self.refused.setVisible(not self.allowed)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.RichText)
        self.notice.hide()
        self.refund_button = QPushButton()
        self.refund_button.setObjectName("refund")
        self.refund_button.setDefault(True)
        self.refund_button.setEnabled(self.allowed)
        self.refund_button.clicked.connect(self.refund)
        self.cancel_button = QPushButton()
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.refund_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.form)
        lay.addWidget(self.refused)
        lay.addWidget(self.notice)
        lay.addLayout(buttons)
        self.setMinimumWidth(460)
        self.retranslate()
        self.reason.setFocus()

    def retranslate(self) -> None:
        s = self.sale
        self.setWindowTitle(self.tr("Refund sale"))
        items = "<br>".join(f"{html.escape(ln.name)} × {ln.quantity} — {format_money(ln.line_total, self.cur)}"
                            for ln in s.lines)
        self.summary.setText(
            self.tr("<b>Sale %1</b> of %2, paid by %3<br>%4<br><b>Total %5</b>")
            .replace("%1", str(s.sale_id)).replace("%2", s.at.strftime("%Y-%m-%d %H:%M"))
            .replace("%3", label(PAYMENT_METHODS, s.payment_method)).replace("%4", items)
            .replace("%5", format_money(s.total, self.cur)))
        self.caps["reason"].setText(self.tr("&Reason"))
        self.reason.setPlaceholderText(self.tr("why the money goes back (kept in the history)"))
        self.refused.setText(self.tr("Only a manager or the owner can refund a sale."))
        self.refund_button.setText(self.tr("&Refund %1").replace(
            "%1", format_money(s.total, self.cur)))
        self.cancel_button.setText(self.tr("Cancel"))

    def refund(self) -> None:
        if self.sale_result is not None:
            self.accept()
            return
        self.form.clear_errors()
        try:
            self.sale_result = sales_service.refund_sale(self.ctx.db, self.ctx.actor, self.sale_id,
                                                    self.operation_id, self.reason.text())
        except OpsError as e:
            if e.field == "reason":
                self.form.set_field_error("reason", message_for(e))
                self.reason.setFocus()
            else:
                self.form.set_general_error(message_for(e))
            return
        r = self.sale_result
        parts = [self.tr("<b>Refunded %1.</b>").replace("%1", format_money(-r.total, self.cur))]
        if r.balance is not None:
            parts.append(self.tr("Stored value is back to %1.").replace(
                "%1", format_money(r.balance.total, self.cur)))
        parts.extend(html.escape(tier_notice_text(n)) for n in r.tier_changes)
        self.notice.setText("<br>".join(parts))
        self.notice.show()
        self.reason.setEnabled(False)
        self.cancel_button.hide()
        self.refund_button.setText(self.tr("&Close"))
