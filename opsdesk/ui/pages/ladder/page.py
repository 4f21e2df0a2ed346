"""The member ladder (会员等级): bait, regular and partner tiers, their bonus brackets and the
automatic upgrade rules. The owner edits (``ladder.manage``); everyone else reads it, so the front
desk can answer "what do I get with the gold card?"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opsdesk.domain.errors import OpsError
from opsdesk.domain.money import currency
from opsdesk.domain.roles import Permission
from opsdesk.domain.tiers import TierKind
from opsdesk.services import tiers as tiers_service
from opsdesk.services.tiers import Ladder
from opsdesk.ui.context import AppContext
from opsdesk.ui.labels import TIER_KINDS, label
from opsdesk.ui.messages import message_for
from opsdesk.ui.models.ladder_tables import KIND_COLOURS, RuleTableModel, TierTableModel
from opsdesk.ui.pages.ladder.draft import rule_input, tier_input, without_tier
from opsdesk.ui.pages.ladder.rule_dialog import RuleDialog
from opsdesk.ui.pages.ladder.tier_dialog import TierDialog

KIND_BORDERS = {TierKind.BAIT: "#2ecc71", TierKind.REGULAR: "#3c78d8",
                TierKind.PARTNER: "#e1a23b"}


def _table(name: str) -> QTableView:
    t = QTableView()
    t.setObjectName(name)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().hide()
    t.verticalHeader().setDefaultSectionSize(30)
    t.setAlternatingRowColors(True)
    t.setWordWrap(False)
    header = t.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    header.setMinimumSectionSize(70)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return t


class LadderPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.cur = currency(ctx.store.currency)
        self.ladder = Ladder((), ())
        self.can_edit = ctx.actor.can(Permission.LADDER_MANAGE)
        self.title = QLabel()
        self.title.setObjectName("page_title")
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.cards: dict[TierKind, tuple[QLabel, QLabel]] = {}
        cards = QHBoxLayout()
        for kind in TierKind:
            frame = QFrame()
            frame.setObjectName(f"card_{kind.value}")
            frame.setStyleSheet(
                f"QFrame#card_{kind.value} {{ background: {KIND_COLOURS[kind]};"
                f" border-left: 4px solid {KIND_BORDERS[kind]}; border-radius: 4px; }}")
            head = QLabel()
            head.setStyleSheet("font-weight: 600; font-size: 11pt; background: transparent;")
            body = QLabel()
            body.setWordWrap(True)
            body.setStyleSheet("color: #3d4450; background: transparent;")
            fl = QVBoxLayout(frame)
            fl.setContentsMargins(10, 8, 10, 8)
            fl.addWidget(head)
            fl.addWidget(body, 1)
            cards.addWidget(frame, 1)
            self.cards[kind] = (head, body)
        self.tier_model = TierTableModel(self.cur, self)
        self.tiers = _table("tier_table")
        self.tiers.setModel(self.tier_model)
        self.tiers.setWordWrap(True)
        self.tiers.doubleClicked.connect(lambda _i: self.edit_tier())
        self.rule_model = RuleTableModel(self.cur, self)
        self.rules = _table("rule_table")
        self.rules.setModel(self.rule_model)
        self.rules.doubleClicked.connect(lambda _i: self.edit_rule())
        self.rules_title = QLabel()
        self.rules_title.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.add_tier_button = QPushButton()
        self.add_tier_button.setObjectName("add_tier")
        self.add_tier_button.clicked.connect(self.add_tier)
        self.edit_tier_button = QPushButton()
        self.edit_tier_button.setObjectName("edit_tier")
        self.edit_tier_button.clicked.connect(self.edit_tier)
        self.remove_tier_button = QPushButton()
        self.remove_tier_button.setObjectName("remove_tier")
        self.remove_tier_button.clicked.connect(self.remove_tier)
        self.add_rule_button = QPushButton()
        self.add_rule_button.setObjectName("add_rule")
        self.add_rule_button.clicked.connect(self.add_rule)
        self.edit_rule_button = QPushButton()
        self.edit_rule_button.setObjectName("edit_rule")
        self.edit_rule_button.clicked.connect(self.edit_rule)
        self.remove_rule_button = QPushButton()
        self.remove_rule_button.setObjectName("remove_rule")
        self.remove_rule_button.clicked.connect(self.remove_rule)
        for b in (self.add_tier_button, self.edit_tier_button, self.remove_tier_button,
                  self.add_rule_button, self.edit_rule_button, self.remove_rule_button):
            b.setVisible(self.can_edit)
        if self.can_edit:
            QShortcut(QKeySequence("Ctrl+N"), self, activated=self.add_tier)
            QShortcut(QKeySequence("Ctrl+R"), self, activated=self.add_rule)
            QShortcut(QKeySequence(Qt.Key.Key_Delete), self.tiers, activated=self.remove_tier)
            QShortcut(QKeySequence(Qt.Key.Key_Delete), self.rules, activated=self.remove_rule)
            # Enter on a selected row opens it, as a double click does.
            QShortcut(QKeySequence(Qt.Key.Key_Return), self.tiers, activated=self.edit_tier)
            QShortcut(QKeySequence(Qt.Key.Key_Return), self.rules, activated=self.edit_rule)
        self.read_only = QLabel()
        self.read_only.setObjectName("read_only_note")
        self.read_only.setStyleSheet("color: #8a6d3b;")
        self.read_only.setVisible(not self.can_edit)
        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addStretch()
        bar.addWidget(self.read_only)
        bar.addWidget(self.add_tier_button)
        bar.addWidget(self.edit_tier_button)
        bar.addWidget(self.remove_tier_button)
        rbar = QHBoxLayout()
        rbar.addWidget(self.rules_title)
        rbar.addStretch()
        rbar.addWidget(self.add_rule_button)
        rbar.addWidget(self.edit_rule_button)
        rbar.addWidget(self.remove_rule_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 14, 18, 14)
        lay.addLayout(bar)
        lay.addLayout(cards)
        lay.addWidget(self.tiers, 3)
        lay.addLayout(rbar)
        lay.addWidget(self.rules, 2)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Member ladder"))
        self.rules_title.setText(self.tr("Automatic upgrades"))
        self.add_tier_button.setText(self.tr("&Add tier…"))
        self.add_tier_button.setToolTip(self.tr("Ctrl+N"))
        self.edit_tier_button.setText(self.tr("&Edit tier…"))
        self.remove_tier_button.setText(self.tr("Re&move tier"))
        self.remove_tier_button.setToolTip(self.tr("Del"))
        self.add_rule_button.setText(self.tr("Add r&ule…"))
        self.add_rule_button.setToolTip(self.tr("Ctrl+R"))
        self.edit_rule_button.setText(self.tr("Edit ru&le…"))
        self.remove_rule_button.setText(self.tr("Remo&ve rule"))
        self.read_only.setText(self.tr("Only the owner can change the ladder."))
        heads = {TierKind.BAIT: label(TIER_KINDS, TierKind.BAIT),
                 TierKind.REGULAR: label(TIER_KINDS, TierKind.REGULAR),
                 TierKind.PARTNER: label(TIER_KINDS, TierKind.PARTNER)}
        bodies = {
            TierKind.BAIT: self.tr("Draws traffic: an entry so cheap and so good that people "
                                   "cannot say no. It brings them in the door."),
            TierKind.REGULAR: self.tr("Brings people back: discounts and privileges that give "
                                      "a member a reason to return again and again."),
            TierKind.PARTNER: self.tr("Makes the customer a partner: a large stored-value "
                                      "top-up with a generous bonus ties them to the shop."),
        }
        for kind, (head, body) in self.cards.items():
            head.setText(heads[kind])
            body.setText(bodies[kind])

    def refresh(self) -> None:
        try:
            self.ladder = tiers_service.get_ladder(self.ctx.db, self.ctx.actor)
        except OpsError as e:
            QMessageBox.warning(self, self.tr("Member ladder"), message_for(e))
            return
        self._show(self.ladder)

    def _show(self, ladder: Ladder) -> None:
        self.ladder = ladder
        self.tier_model.set_rows(list(ladder.tiers))
        self.rule_model.set_rows(list(ladder.rules), list(ladder.tiers))
        # Brackets and privileges take a line each, so a row is as tall as its longest list.
        self.tiers.resizeRowsToContents()

    def _selected(self, view: QTableView) -> int | None:
        sel = view.selectionModel().selectedRows()
        return sel[0].row() if sel else None

    def select_tier(self, name: str) -> None:
        for i in range(self.tier_model.rowCount()):
            if self.tier_model.row_at(i).name == name:
                self.tiers.selectRow(i)
                return

    # --- tiers

    def add_tier(self) -> None:
        if not self.can_edit:
            return
        dlg = TierDialog(self.ctx, self.ladder, None, self)
        if dlg.exec() and dlg.saved is not None:
            self._show(dlg.saved)
            self.select_tier(dlg.name.text().strip())

    def edit_tier(self) -> None:
        if not self.can_edit:
            return
        row = self._selected(self.tiers)
        if row is None:
            QMessageBox.information(self, self.tr("Member ladder"), self.tr("Select a tier first."))
            return
        dlg = TierDialog(self.ctx, self.ladder, self.tier_model.row_at(row), self)
        if dlg.exec() and dlg.saved is not None:
            self._show(dlg.saved)
            self.select_tier(dlg.name.text().strip())

    def remove_tier(self) -> None:
        if not self.can_edit:
            return
        row = self._selected(self.tiers)
        if row is None:
            return
        tier = self.tier_model.row_at(row)
        tiers, rules, dropped = without_tier(self.ladder.tiers, self.ladder.rules, tier.id)
        text = self.tr("Take “%1” off the ladder? Members' history keeps its name.") \
            .replace("%1", tier.name)
        if dropped:
            text += "\n" + self.tr("%n upgrade rule(s) leading to or from it will be removed "
                                   "too.", "", dropped)
        answer = QMessageBox.question(self, self.tr("Remove tier"), text)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._save(tiers, rules)

    # --- rules

    def add_rule(self) -> None:
        if not self.can_edit:
            return
        if not self.ladder.tiers:
            QMessageBox.information(self, self.tr("Member ladder"),
                                    self.tr("Add the tiers first; a rule moves members between "
                                            "them."))
            return
        dlg = RuleDialog(self.ctx, self.ladder, None, self)
        if dlg.exec() and dlg.saved is not None:
            self._show(dlg.saved)

    def edit_rule(self) -> None:
        if not self.can_edit:
            return
        row = self._selected(self.rules)
        if row is None:
            QMessageBox.information(self, self.tr("Member ladder"),
                                    self.tr("Select an upgrade rule first."))
            return
        dlg = RuleDialog(self.ctx, self.ladder, row, self)
        if dlg.exec() and dlg.saved is not None:
            self._show(dlg.saved)

    def remove_rule(self) -> None:
        if not self.can_edit:
            return
        row = self._selected(self.rules)
        if row is None:
            return
        answer = QMessageBox.question(self, self.tr("Remove upgrade rule"),
                                      self.tr("Remove this upgrade rule? Members keep the tiers "
                                              "they already have."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        rules = [rule_input(r) for i, r in enumerate(self.ladder.rules) if i != row]
        self._save([tier_input(t) for t in self.ladder.tiers], rules)

    def _save(self, tiers, rules) -> None:  # noqa: ANN001
        try:
            saved = tiers_service.save_ladder(self.ctx.db, self.ctx.actor, tiers, rules)
        except OpsError as e:
            QMessageBox.warning(self, self.tr("Member ladder"), message_for(e))
            return
        self._show(saved)
