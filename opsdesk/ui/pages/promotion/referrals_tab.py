"""Referrals tab: the reward rules, a member's referral tree and the year's fission figures."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from opsdesk.domain.errors import OpsError, ValidationError
from opsdesk.domain.money import currency, format_money
from opsdesk.domain.referrals import RewardRule, Trigger
from opsdesk.domain.roles import Permission
from opsdesk.services import referrals
from opsdesk.ui import tasks
from opsdesk.ui.context import AppContext
from opsdesk.ui.messages import message_for
from opsdesk.ui.pages.members.referrer import MemberPicker
from opsdesk.ui.pages.promotion.common import TRIGGERS, RowsModel, percent, table, word
from opsdesk.ui.widgets.form import ErrorForm
from opsdesk.ui.widgets.money_edit import MoneyEdit

RULE_COLUMNS = (
    ("trigger", QT_TRANSLATE_NOOP("Promotion", "When")),
    ("min_amount", QT_TRANSLATE_NOOP("Promotion", "Paid at least")),
    ("reward", QT_TRANSLATE_NOOP("Promotion", "Referrer gets")),
)
MONTH_COLUMNS = (
    ("month", QT_TRANSLATE_NOOP("Promotion", "Month")),
    ("new", QT_TRANSLATE_NOOP("Promotion", "New customers")),
    ("referred", QT_TRANSLATE_NOOP("Promotion", "Referred")),
    ("share", QT_TRANSLATE_NOOP("Promotion", "Referred share")),
)


class ReferralsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referrals_tab")
        self.ctx = ctx
        self.cur = currency(ctx.store.currency)
        self.rules: list[RewardRule] = []
        self.figures = None
        self.tree_job: tasks.Job | None = None

        # --- rules
        rules_box = QGroupBox(self.tr("Reward rules"))
        self.rule_model = RowsModel(RULE_COLUMNS, self._rule_cell, ("min_amount", "reward"), self)
        self.rule_view = table(self.rule_model, "rule_table")
        self.rule_form = ErrorForm()
        self.trigger = QComboBox()
        for t in Trigger:
            self.trigger.addItem(word(TRIGGERS, t), t.value)
        self.min_amount = MoneyEdit(self.cur, allow_zero=False)
        self.bonus = MoneyEdit(self.cur)
        self.min_amount.setObjectName("min_amount")
        self.bonus.setObjectName("bonus")
        self.gift = QLineEdit()
        self.gift.setMaxLength(100)
        self.rule_form.add_row("trigger", self.trigger).setText(self.tr("&When"))
        self.rule_form.add_row("min_amount", self.min_amount).setText(self.tr("Paid at &least"))
        self.rule_form.add_row("bonus", self.bonus).setText(self.tr("Stored-value &bonus"))
        self.rule_form.add_row("gift", self.gift).setText(self.tr("or a &gift"))
        add = QPushButton(self.tr("&Add rule"))
        add.clicked.connect(self.add_rule)
        remove = QPushButton(self.tr("&Remove rule"))
        remove.clicked.connect(self.remove_rule)
        self.save_rules_btn = QPushButton(self.tr("&Save rules"))
        self.save_rules_btn.setObjectName("save_rules")
        self.save_rules_btn.clicked.connect(self.save_rules)
        can = ctx.actor.can(Permission.REFERRALS_MANAGE)
        for w in (add, remove, self.save_rules_btn):
            w.setEnabled(can)
        self.rules_said = QLabel()
        self.rules_said.setWordWrap(True)
        buttons = QHBoxLayout()
        for w in (add, remove, self.save_rules_btn):
            buttons.addWidget(w)
        buttons.addStretch(1)
        lay = QVBoxLayout(rules_box)
        hint = QLabel(self.tr("A referred customer's first top-up or first purchase earns their "
                              "referrer the highest rule it reaches; a refund that takes the "
                              "payment below it takes the reward back."))
        hint.setWordWrap(True)
        lay.addWidget(hint)
        lay.addWidget(self.rule_view, 1)
        lay.addWidget(self.rule_form)
        lay.addLayout(buttons)
        lay.addWidget(self.rules_said)

        # --- tree
        tree_box = QGroupBox(self.tr("Referral tree"))
        self.picker = MemberPicker(ctx)
        self.picker.setObjectName("tree_member")
        self.picker.setPlaceholderText(self.tr("Find a member by name, phone or card"))
        self.picker.picked.connect(self._member_picked)
        self.upline = QLabel()
        self.upline.setWordWrap(True)
        self.tree_model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("referral_tree")
        self.tree.setModel(self.tree_model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        tl = QVBoxLayout(tree_box)
        tl.addWidget(self.picker)
        tl.addWidget(self.upline)
        tl.addWidget(self.tree, 1)

        # --- figures
        fig_box = QGroupBox(self.tr("Fission figures"))
        self.year = QSpinBox()
        self.year.setObjectName("fission_year")
        self.year.setRange(2000, 2999)
        self.year.setValue(date.today().year)
        self.year.valueChanged.connect(lambda _v: self.load_figures())
        self.fig_line = QLabel()
        self.fig_line.setObjectName("fission_summary")
        self.fig_line.setWordWrap(True)
        self.month_model = RowsModel(MONTH_COLUMNS, self._month_cell,
                                     ("new", "referred", "share"), self)
        fl = QVBoxLayout(fig_box)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Year")))
        row.addWidget(self.year)
        row.addStretch(1)
        fl.addLayout(row)
        fl.addWidget(self.fig_line)
        fl.addWidget(table(self.month_model, "fission_months"), 1)

        split = QSplitter()
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(rules_box)
        left.addWidget(fig_box)
        split.addWidget(left)
        split.addWidget(tree_box)
        split.setStretchFactor(1, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(split)

    # ------------------------------------------------------------------ rules

    def _rule_cell(self, r: RewardRule, key: str) -> str:
        if key == "trigger":
            return word(TRIGGERS, r.trigger)
        if key == "min_amount":
            return format_money(r.min_amount, self.cur)
        return format_money(r.bonus, self.cur) if r.bonus else r.gift

    def refresh(self) -> None:
        self.rules = list(referrals.get_rules(self.ctx.db, self.ctx.actor))
        self.rule_model.set_rows(self.rules)
        self.load_figures()

    def add_rule(self) -> bool:
        self.rule_form.clear_errors()
        try:
            amount = self.min_amount.value()
            bonus = self.bonus.value() if self.bonus.text().strip() else 0
        except ValidationError as e:
            self.rule_form.show_error(e)
            return False
        rule = RewardRule(0, amount, Trigger(self.trigger.currentData()), bonus,
                          self.gift.text())
        try:
            from opsdesk.domain.referrals import validate_rules

            validate_rules([*self.rules, rule])
        except OpsError as e:
            self.rule_form.show_error(e)
            return False
        self.rules.append(rule)
        self.rule_model.set_rows(self.rules)
        for w in (self.min_amount, self.bonus, self.gift):
            w.clear()
        return True

    def remove_rule(self) -> None:
        i = self.rule_view.currentIndex()
        if i.isValid():
            del self.rules[i.row()]
            self.rule_model.set_rows(self.rules)

    def save_rules(self) -> bool:
        self.rule_form.clear_errors()
        try:
            self.rules = list(referrals.save_rules(self.ctx.db, self.ctx.actor, self.rules))
        except OpsError as e:
            self.rule_form.show_error(e)
            return False
        self.rule_model.set_rows(self.rules)
        self.rules_said.setText(self.tr("Rules saved: %n rule(s) in force.", "", len(self.rules)))
        return True

    # ------------------------------------------------------------------ tree

    def _member_picked(self, hit) -> None:  # noqa: ANN001
        if hit is not None:
            self.show_tree(hit.id)

    def show_tree(self, customer_id: int) -> tasks.Job:
        ctx = self.ctx
        job = tasks.Job(lambda _p: referrals.tree(ctx.db, ctx.actor, customer_id))
        job.signals.finished.connect(self._tree_loaded)
        job.signals.failed.connect(lambda e: self.upline.setText(message_for(e)
                                                                if isinstance(e, OpsError)
                                                                else str(e)))
        self.tree_job = job
        return tasks.start(job)

    def _tree_loaded(self, t: referrals.ReferralTree) -> None:
        m = self.tree_model
        m.clear()
        m.setHorizontalHeaderLabels([self.tr("Member"), self.tr("Card"), self.tr("Registered"),
                                     self.tr("Brought in (all levels)"), self.tr("Spend"),
                                     self.tr("Rewards earned")])
        parents: dict[int, QStandardItem] = {}
        for member in t.members:
            cells = [QStandardItem(member.name), QStandardItem(member.card_no or ""),
                     QStandardItem(member.registered_on.isoformat()),
                     QStandardItem(str(member.descendants)),
                     QStandardItem(format_money(member.lifetime_spend, self.cur)),
                     QStandardItem(format_money(member.rewards, self.cur))]
            for c in cells[3:]:
                c.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            parent = parents.get(member.referrer_id) if member.level else None
            (parent or m.invisibleRootItem()).appendRow(cells)
            parents[member.id] = cells[0]
        self.tree.expandAll()
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        root = t.members[0]
        text = self.tr("%1 brought in %n customer(s), directly or through others.", "",
                       root.descendants).replace("%1", root.name)
        if t.upline:
            chain = " ← ".join(name for _i, name in t.upline)
            text += " " + self.tr("Brought in by: %1.").replace("%1", chain)
        if t.truncated:
            text += " " + self.tr("Only the first %1 are shown.").replace(
                "%1", str(referrals.TREE_MAX))
        self.upline.setText(text)

    # ------------------------------------------------------------------ figures

    def load_figures(self) -> None:
        try:
            f = referrals.fission(self.ctx.db, self.ctx.actor, self.year.value())
        except OpsError as e:
            self.fig_line.setText(message_for(e))
            return
        self.figures = f
        per = f"{float(f.referrals_per_referrer):.2f}" if f.referrals_per_referrer else "–"
        self.fig_line.setText(
            self.tr("New customers %1, referred %2 (%3). Referrals per referring member: %4. "
                    "Members who referred 2 or more: %5 (%6 of customers).")
            .replace("%1", str(f.new)).replace("%2", str(f.referred))
            .replace("%3", percent(f.referred_share)).replace("%4", per)
            .replace("%5", str(len(f.repeat_referrers)))
            .replace("%6", percent(f.repeat_referrer_share, 2)))
        self.month_model.set_rows(f.months)

    def _month_cell(self, r, key: str) -> str:  # noqa: ANN001
        if key == "month":
            return f"{self.year.value()}-{r.month:02d}"
        if key == "share":
            return percent(r.share)
        return str(getattr(r, key))
