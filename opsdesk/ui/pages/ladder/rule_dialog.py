"""Add or edit one upgrade rule: "when a member (of tier W, or anyone) has spent X in the tier or
tops up Y at once, move them to tier Z". Saving sends the whole ladder; Enter saves, Esc cancels."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from opsdesk.domain.errors import OpsError, ValidationError
from opsdesk.domain.money import Currency, currency
from opsdesk.domain.tiers import UpgradeRule
from opsdesk.services import tiers as tiers_service
from opsdesk.services.tiers import Ladder, RuleInput
from opsdesk.ui.context import AppContext
from opsdesk.ui.messages import message_for
from opsdesk.ui.pages.ladder import texts
from opsdesk.ui.pages.ladder.draft import rule_input, tier_input
from opsdesk.ui.widgets.form import ErrorForm
from opsdesk.ui.widgets.money_edit import MoneyEdit


class RuleDialog(QDialog):
    def __init__(self, ctx: AppContext, ladder: Ladder, index: int | None,
                 parent: QWidget | None = None) -> None:
        """``index``: the rule of ``ladder.rules`` to edit, or None to add one."""
        super().__init__(parent)
        self.setObjectName("rule_dialog")
        self.ctx, self.ladder, self.index = ctx, ladder, index
        self.cur: Currency = currency(ctx.store.currency)
        self.saved: Ladder | None = None
        self.form = ErrorForm()
        self.source = QComboBox()
        self.source.setObjectName("from_tier_id")
        self.source.addItem(texts.any_tier_text(), None)
        self.target = QComboBox()
        self.target.setObjectName("target_tier_id")
        for t in ladder.tiers:
            self.source.addItem(t.name, t.id)
            self.target.addItem(t.name, t.id)
        self.spend = MoneyEdit(self.cur, allow_zero=False)
        self.spend.setObjectName("min_cumulative_spend")
        self.topup = MoneyEdit(self.cur, allow_zero=False)
        self.topup.setObjectName("min_single_topup")
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setStyleSheet("color: #57606f;")
        self.caps = {key: self.form.add_row(key, w) for key, w in (
            ("from_tier_id", self.source), ("min_cumulative_spend", self.spend),
            ("min_single_topup", self.topup), ("target_tier_id", self.target))}
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.explain)
        lay.addWidget(self.form)
        lay.addWidget(self.buttons)
        if index is not None:
            r = ladder.rules[index]
            self.source.setCurrentIndex(max(0, self.source.findData(r.from_tier_id)))
            self.target.setCurrentIndex(max(0, self.target.findData(r.target_tier_id)))
            if r.min_cumulative_spend is not None:
                self.spend.set_value(r.min_cumulative_spend)
            if r.min_single_topup is not None:
                self.topup.set_value(r.min_single_topup)
        elif self.target.count():
            self.target.setCurrentIndex(self.target.count() - 1)
        self.setMinimumWidth(480)
        self.retranslate()
        self.source.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit upgrade rule") if self.index is not None
                            else self.tr("Add upgrade rule"))
        self.caps["from_tier_id"].setText(self.tr("&Who"))
        self.caps["min_cumulative_spend"].setText(self.tr("&Spent in the tier at least"))
        self.caps["min_single_topup"].setText(self.tr("Or t&ops up at once at least"))
        self.caps["target_tier_id"].setText(self.tr("&Moves up to"))
        self.spend.setPlaceholderText(self.tr("leave empty if spending does not count"))
        self.topup.setPlaceholderText(self.tr("leave empty if a top-up does not count"))
        self.explain.setText(self.tr(
            "A member moves up as soon as either amount is reached (exactly the amount counts). "
            "Spending counts what was paid for goods and services since the member entered "
            "the current tier; a top-up counts the money paid in, without the bonus."))

    def _amount(self, edit: MoneyEdit) -> int | None:
        if not edit.text().strip():
            return None
        return edit.value()

    def values(self) -> RuleInput | None:
        self.form.clear_errors()
        try:
            spend = self._amount(self.spend)
            topup = self._amount(self.topup)
        except ValidationError as e:
            self.form.set_field_error(e.field or "", message_for(e))
            (self.spend if e.field == "min_cumulative_spend" else self.topup).setFocus()
            return None
        return RuleInput(target_ref=self.target.currentData(), min_cumulative_spend=spend,
                         min_single_topup=topup, from_ref=self.source.currentData())

    def save(self) -> None:
        data = self.values()
        if data is None:
            return
        rules = [rule_input(r) for r in self.ladder.rules]
        if self.index is None:
            rules.append(data)
            mine = len(rules) - 1
        else:
            rules[self.index] = data
            mine = self.index
        tiers = [tier_input(t) for t in self.ladder.tiers]
        try:
            self.saved = tiers_service.save_ladder(self.ctx.db, self.ctx.actor, tiers, rules)
        except OpsError as e:
            self.show_error(e, mine)
            return
        self.accept()

    def show_error(self, e: OpsError, mine: int) -> None:
        self.form.clear_errors()
        text = message_for(e)
        index = e.params.get("index")
        if e.field != "rules" or index is None:
            self.form.set_general_error(text)
            return
        if index != mine:
            # Another rule clashes with this one (a duplicate is reported at the later of two).
            other = self.ladder.rules[index] if index < len(self.ladder.rules) else None
            self.form.set_general_error(self._other_rule(other, text))
            return
        if e.code == "tier.rule_no_trigger":
            self.form.set_field_error("min_cumulative_spend", text)
            self.form.set_field_error("min_single_topup", text)
            self.spend.setFocus()
        elif e.params.get("which") in ("min_cumulative_spend", "min_single_topup"):
            self.form.set_field_error(e.params["which"], text)
        elif e.code in ("tier.rule_not_upward", "tier.rule_unknown_tier"):
            self.form.set_field_error("target_tier_id", text)
            self.target.setFocus()
        else:
            self.form.set_general_error(text)

    def _other_rule(self, other: UpgradeRule | None, text: str) -> str:
        if other is None:
            return text
        names = {t.id: t for t in self.ladder.tiers}
        return (self.tr("%1 (the rule “%2 → %3”)")
                .replace("%1", text)
                .replace("%2", texts.rule_condition_text(other, self.cur))
                .replace("%3", texts.tier_name(names, other.target_tier_id, "?")))
