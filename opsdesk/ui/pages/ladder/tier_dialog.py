"""Add or edit one tier of the ladder. Saving sends the whole ladder with this tier changed;
errors appear beside their field and nothing typed is lost. Enter saves, Esc cancels (Enter in the
privileges box starts a new line; Ctrl+Enter saves from there)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opsdesk.domain.errors import FieldErrors, OpsError, ValidationError
from opsdesk.domain.money import Currency, currency, parse_money, to_input_text
from opsdesk.domain.tiers import MAX_VALIDITY_DAYS, BonusBracket, Tier, TierKind, parse_discount
from opsdesk.services import tiers as tiers_service
from opsdesk.services.tiers import Ladder, TierInput
from opsdesk.ui.context import AppContext
from opsdesk.ui.labels import TIER_KINDS, label
from opsdesk.ui.messages import message_for
from opsdesk.ui.models.ladder_tables import BracketTableModel
from opsdesk.ui.pages.ladder import texts
from opsdesk.ui.pages.ladder.draft import NEW_TIER_REF, tiers_with
from opsdesk.ui.widgets.form import ErrorForm
from opsdesk.ui.widgets.money_edit import MoneyEdit

HINT_STYLE = "color: #57606f;"


class TierDialog(QDialog):
    def __init__(self, ctx: AppContext, ladder: Ladder, current: Tier | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tier_dialog")
        self.ctx, self.ladder, self.current = ctx, ladder, current
        self.cur: Currency = currency(ctx.store.currency)
        self.saved: Ladder | None = None
        self.form = ErrorForm()
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for k in TierKind:
            self.kind.addItem(label(TIER_KINDS, k), k.value)
        self.kind_hint = QLabel()
        self.kind_hint.setWordWrap(True)
        self.kind_hint.setStyleSheet(HINT_STYLE)
        kind_box = QWidget()
        kl = QVBoxLayout(kind_box)
        kl.setContentsMargins(0, 0, 0, 0)
        kl.addWidget(self.kind)
        kl.addWidget(self.kind_hint)
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.rank = QSpinBox()
        self.rank.setObjectName("rank")
        self.rank.setRange(1, 999)
        self.price = MoneyEdit(self.cur)
        self.price.setObjectName("price")
        self.validity = QSpinBox()
        self.validity.setObjectName("validity_days")
        self.validity.setRange(0, MAX_VALIDITY_DAYS)
        self.validity.setSingleStep(30)
        self.discount = QLineEdit()
        self.discount.setObjectName("discount")
        self.discount_preview = QLabel()
        self.discount_preview.setObjectName("discount_preview")
        self.discount_preview.setStyleSheet(HINT_STYLE)
        disc_box = QWidget()
        dl = QHBoxLayout(disc_box)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.discount, 1)
        dl.addWidget(self.discount_preview, 1)
        self.brackets = BracketTableModel(self)
        self.bracket_view = QTableView()
        self.bracket_view.setObjectName("bonus_brackets")
        self.bracket_view.setModel(self.brackets)
        self.bracket_view.verticalHeader().hide()
        self.bracket_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.bracket_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.bracket_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.bracket_view.setTabKeyNavigation(False)
        self.bracket_view.setMinimumHeight(110)
        self.bracket_view.setMaximumHeight(150)
        self.add_bracket = QPushButton()
        self.add_bracket.setObjectName("add_bracket")
        self.add_bracket.clicked.connect(self._add_bracket)
        self.remove_bracket = QPushButton()
        self.remove_bracket.setObjectName("remove_bracket")
        self.remove_bracket.clicked.connect(self._remove_bracket)
        br_box = QWidget()
        bl = QVBoxLayout(br_box)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.bracket_view)
        brow = QHBoxLayout()
        brow.addWidget(self.add_bracket)
        brow.addWidget(self.remove_bracket)
        brow.addStretch()
        bl.addLayout(brow)
        self.privileges = QPlainTextEdit()
        self.privileges.setObjectName("privileges")
        self.privileges.setTabChangesFocus(True)
        self.privileges.setFixedHeight(70)
        self.fallback = QComboBox()
        self.fallback.setObjectName("fallback_tier_id")
        self.fallback.addItem(texts.no_tier_text(), None)
        for t in ladder.tiers:
            if current is None or t.id != current.id:
                self.fallback.addItem(t.name, t.id)
        self.caps = {key: self.form.add_row(key, w) for key, w in (
            ("kind", kind_box), ("name", self.name), ("rank", self.rank), ("price", self.price),
            ("discount", disc_box), ("validity_days", self.validity),
            ("fallback_tier_id", self.fallback), ("bonus_brackets", br_box),
            ("privileges", self.privileges))}
        # The caption's buddy is the inner widget so Alt+letter lands in the field itself.
        self.caps["kind"].setBuddy(self.kind)
        self.caps["discount"].setBuddy(self.discount)
        self.caps["bonus_brackets"].setBuddy(self.bracket_view)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.save)
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=self.save)
        lay = QVBoxLayout(self)
        lay.addWidget(self.form)
        lay.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.discount.textChanged.connect(self._discount_changed)
        self.validity.valueChanged.connect(self._validity_changed)
        if current is not None:
            self._load(current)
        else:
            self.rank.setValue(max((t.rank for t in ladder.tiers), default=0) + 1)
            self.price.set_value(0)
        self.setTabOrder(self.kind, self.name)
        for a, b in ((self.name, self.rank), (self.rank, self.price),
                     (self.price, self.discount), (self.discount, self.validity),
                     (self.validity, self.fallback), (self.fallback, self.bracket_view),
                     (self.bracket_view, self.add_bracket),
                     (self.add_bracket, self.remove_bracket),
                     (self.remove_bracket, self.privileges)):
            self.setTabOrder(a, b)
        self.setMinimumWidth(560)
        self.retranslate()
        self._kind_changed()
        self._discount_changed(self.discount.text())
        self._validity_changed(self.validity.value())
        (self.name if current is not None else self.kind).setFocus()

    def _load(self, t: Tier) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(t.kind.value)))
        self.name.setText(t.name)
        self.rank.setValue(t.rank)
        self.price.set_value(t.price)
        self.validity.setValue(t.validity_days or 0)
        self.discount.setText(texts.discount_input(t.discount))
        self.brackets.set_texts([(to_input_text(b.min_topup, self.cur),
                                  to_input_text(b.bonus, self.cur)) for b in t.bonus_brackets])
        self.privileges.setPlainText(t.privileges)
        self.fallback.setCurrentIndex(max(0, self.fallback.findData(t.fallback_tier_id)))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit tier") if self.current else self.tr("Add tier"))
        captions = {
            "kind": self.tr("&Kind"), "name": self.tr("&Name"), "rank": self.tr("&Rank"),
            "price": self.tr("&Price"), "discount": self.tr("&Discount"),
            "validity_days": self.tr("&Valid for"), "fallback_tier_id": self.tr("&Then falls to"),
            "bonus_brackets": self.tr("Top-up &bonus"), "privileges": self.tr("Pri&vileges"),
        }
        for key, text in captions.items():
            self.caps[key].setText(text)
        self.name.setPlaceholderText(self.tr("e.g. Silver card"))
        self.rank.setToolTip(self.tr("Higher rank is a better tier; members only ever move up "
                                     "by the upgrade rules."))
        self.price.setToolTip(self.tr("What the membership itself costs; 0 if it is given "
                                      "free."))
        self.discount.setPlaceholderText(self.tr("8.8折, 88% or 0.88; empty = no discount"))
        self.validity.setSpecialValueText(self.tr("No end"))
        self.validity.setSuffix(self.tr(" days"))
        self.fallback.setToolTip(self.tr("Where a member lands when this tier runs out."))
        self.add_bracket.setText(self.tr("Add b&racket"))
        self.remove_bracket.setText(self.tr("Remove bracke&t"))
        self.bracket_view.setToolTip(self.tr(
            "Top up at least this much, get this bonus. The highest bracket reached applies; "
            "brackets do not add up."))
        self.privileges.setPlaceholderText(self.tr("e.g. free hair wash every visit; birthday "
                                                   "gift"))
        self.privileges.setToolTip(self.tr("Ctrl+Enter saves"))

    def _kind_changed(self, _i: int = 0) -> None:
        hints = {
            TierKind.BAIT.value: self.tr("Bait: an irresistible, cheap entry that draws people "
                                         "into the shop."),
            TierKind.REGULAR.value: self.tr("Regular: a reason to come back again and again."),
            TierKind.PARTNER.value: self.tr("Partner: a large stored-value top-up makes the "
                                            "customer a partner of the shop."),
        }
        self.kind_hint.setText(hints.get(self.kind.currentData(), ""))

    def _discount_changed(self, text: str) -> None:
        try:
            d = parse_discount(text)
        except ValidationError as e:
            self.discount_preview.setText(message_for(e))
            return
        self.discount_preview.setText(texts.discount_text(d))

    def _validity_changed(self, days: int) -> None:
        self.fallback.setEnabled(days > 0)

    def _add_bracket(self) -> None:
        row = self.brackets.add_row()
        index = self.brackets.index(row, 0)
        self.bracket_view.setFocus()
        # Becoming current opens the cell for typing (the view edits on any trigger).
        self.bracket_view.setCurrentIndex(index)

    def _remove_bracket(self) -> None:
        rows = sorted({i.row() for i in self.bracket_view.selectionModel().selectedIndexes()}
                      or {self.bracket_view.currentIndex().row()}, reverse=True)
        for row in rows:
            self.brackets.remove_row(row)

    def _read_brackets(self) -> tuple[BonusBracket, ...] | None:
        out = []
        for i, (a, b) in enumerate(self.brackets.texts()):
            if not a.strip() and not b.strip():
                continue  # an empty row someone added and left is not an error
            try:
                out.append(BonusBracket(
                    parse_money(a, self.cur, allow_zero=False, field="bonus_brackets"),
                    parse_money(b, self.cur, allow_zero=False, field="bonus_brackets")))
            except ValidationError as e:
                self.form.set_field_error("bonus_brackets", self.tr("Row %1: %2")
                                          .replace("%1", str(i + 1))
                                          .replace("%2", message_for(e)))
                self.bracket_view.setFocus()
                return None
        return tuple(out)

    def values(self) -> TierInput | None:
        """What is typed, as the service's input; None (with the error shown) when an amount
        cannot even be read."""
        self.form.clear_errors()
        try:
            price = self.price.value()
        except ValidationError as e:
            self.form.set_field_error("price", message_for(e))
            self.price.setFocus()
            return None
        brackets = self._read_brackets()
        if brackets is None:
            return None
        days = self.validity.value()
        return TierInput(
            ref=self.current.id if self.current else NEW_TIER_REF,
            kind=self.kind.currentData(), name=self.name.text(), rank=self.rank.value(),
            price=price, validity_days=days or None,
            discount=self.discount.text() if self.discount.text().strip() else Decimal(1),
            bonus_brackets=brackets, privileges=self.privileges.toPlainText(),
            fallback_ref=self.fallback.currentData() if days else None)

    def save(self) -> None:
        # A bracket cell still being typed in (Ctrl+Enter from inside it) is part of the save.
        editor = self.focusWidget()
        if editor is not None and editor is not self.bracket_view \
                and self.bracket_view.isAncestorOf(editor):
            self.bracket_view.commitData(editor)
            self.bracket_view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        data = self.values()
        if data is None:
            return
        tiers = tiers_with(self.ladder.tiers, data)
        rules = [tiers_service.RuleInput(r.target_tier_id, r.min_cumulative_spend,
                                         r.min_single_topup, r.from_tier_id)
                 for r in self.ladder.rules]
        try:
            self.saved = tiers_service.save_ladder(self.ctx.db, self.ctx.actor, tiers, rules)
        except OpsError as e:
            self.show_error(e)
            return
        self.accept()

    def show_error(self, e: OpsError) -> None:
        if isinstance(e, FieldErrors) or e.field in self.caps:
            self.form.show_error(e)
            return
        self.form.clear_errors()
        self.form.set_general_error(message_for(e))
