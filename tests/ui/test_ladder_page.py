"""The member ladder page and its dialogs on a real store: tiers and rules saved through the
service, errors beside the field with nothing written, read-only for everyone but the owner."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from opsdesk.domain.roles import Role
from opsdesk.domain.tiers import BonusBracket
from opsdesk.services import auth
from opsdesk.services import staff as staff_service
from opsdesk.services import tiers as tiers_service
from opsdesk.services.tiers import RuleInput, TierInput
from opsdesk.ui.models.ladder_tables import BracketTableModel, RuleTableModel, TierTableModel
from opsdesk.ui.pages.ladder.page import LadderPage
from opsdesk.ui.pages.ladder.rule_dialog import RuleDialog
from opsdesk.ui.pages.ladder.tier_dialog import TierDialog


@pytest.fixture
def ladder(ctx):  # noqa: ANN001, ANN201
    return tiers_service.save_ladder(ctx.db, ctx.actor, [
        TierInput(-1, "bait", "体验卡", 1, 990, 30, "9.5折"),
        TierInput(-2, "regular", "银卡", 2, 29900, 365, "9折",
                  (BonusBracket(100000, 10000), BonusBracket(300000, 40000))),
        TierInput(-3, "partner", "金卡", 3, 0, None, "8折", (), "生日礼", -2),
    ], [RuleInput(-3, 50000, None, -2)])


def open_dialog(qtbot, dlg):  # noqa: ANN001, ANN201
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def names(ctx) -> list[str]:  # noqa: ANN001
    return [t.name for t in tiers_service.get_ladder(ctx.db, ctx.actor).tiers]


def test_tier_models_pass_the_model_tester(qtmodeltester, ctx, ladder):
    from opsdesk.domain.money import CNY

    tiers = TierTableModel(CNY)
    tiers.set_rows(list(ladder.tiers))
    qtmodeltester.check(tiers)
    rules = RuleTableModel(CNY)
    rules.set_rows(list(ladder.rules), list(ladder.tiers))
    qtmodeltester.check(rules)
    brackets = BracketTableModel()
    brackets.set_texts([("1000", "100"), ("3000", "400")])
    qtmodeltester.check(brackets)


def test_page_shows_the_ladder_in_the_shops_words(qtbot, ctx, ladder):
    page = LadderPage(ctx)
    qtbot.addWidget(page)
    m = page.tier_model
    assert [m.row_at(i).name for i in range(m.rowCount())] == ["体验卡", "银卡", "金卡"]
    col = {key: i for i, (key, _t) in enumerate(m.COLUMNS)}
    silver = 1
    assert m.index(silver, col["discount"]).data() == "9折 (pays 90%)"
    assert m.index(silver, col["brackets"]).data() == "top up ¥1,000, get ¥100\ntop up ¥3,000, get ¥400"
    assert m.index(silver, col["validity"]).data() == "365 day(s)"
    assert m.index(2, col["validity"]).data() == "No end"
    assert page.rule_model.index(0, 0).data() == "银卡"
    assert page.rule_model.index(0, 1).data() == "spent ¥500 or more in the tier"
    assert page.rule_model.index(0, 2).data() == "金卡"
    assert page.add_tier_button.isVisibleTo(page) and not page.read_only.isVisibleTo(page)


def test_add_a_tier_by_keyboard(qtbot, ctx, ladder):
    dlg = open_dialog(qtbot, TierDialog(ctx, ladder, None))
    assert dlg.focusWidget() is dlg.kind
    qtbot.keyClicks(dlg.kind, "R")  # Regular member, by its first letter
    qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Tab)
    assert dlg.focusWidget() is dlg.name
    dlg.name.setText("钻石卡")
    assert dlg.rank.value() == 4  # one above the top of the ladder
    dlg.price.setText("1,999")
    dlg.discount.setText("7.5折")
    assert dlg.discount_preview.text() == "7.5折 (pays 75%)"
    dlg.validity.setValue(365)
    dlg.fallback.setCurrentIndex(dlg.fallback.findText("银卡"))
    dlg._add_bracket()
    dlg.brackets.setData(dlg.brackets.index(0, 0), "5000")
    dlg.brackets.setData(dlg.brackets.index(0, 1), "1000")
    with qtbot.waitSignal(dlg.accepted):
        qtbot.keyClick(dlg.price, Qt.Key.Key_Return)
    saved = tiers_service.get_ladder(ctx.db, ctx.actor)
    diamond = next(t for t in saved.tiers if t.name == "钻石卡")
    assert (diamond.kind.value, diamond.rank, diamond.price, diamond.discount,
            diamond.validity_days) == ("regular", 4, 199900, Decimal("0.75"), 365)
    assert diamond.bonus_brackets == (BonusBracket(500000, 100000),)
    assert saved.tier(diamond.fallback_tier_id).name == "银卡"
    assert len(saved.rules) == 1  # the other rules went along unchanged


def test_bad_tier_input_is_shown_beside_the_fields_and_nothing_is_written(qtbot, ctx, ladder):
    dlg = open_dialog(qtbot, TierDialog(ctx, ladder, None))
    dlg.name.setText("")
    dlg.discount.setText("abc")
    qtbot.keyClick(dlg.discount, Qt.Key.Key_Return)
    assert dlg.isVisible()
    assert dlg.form.field_error("name") == "This field is required."
    assert "is not a discount" in dlg.form.field_error("discount")
    assert dlg.discount.text() == "abc"
    assert names(ctx) == ["体验卡", "银卡", "金卡"]

    dlg.name.setText("银卡")  # taken
    dlg.discount.setText("")
    dlg.rank.setValue(2)  # taken too: the rank clash is found first
    dlg.save()
    assert dlg.form.field_error("rank") == "Two tiers have the same rank (银卡)."
    assert names(ctx) == ["体验卡", "银卡", "金卡"]


def test_a_bracket_that_is_not_an_amount_names_its_row(qtbot, ctx, ladder):
    silver = ladder.tiers[1]
    dlg = open_dialog(qtbot, TierDialog(ctx, ladder, silver))
    assert dlg.brackets.texts() == [("1000.00", "100.00"), ("3000.00", "400.00")]
    dlg.brackets.setData(dlg.brackets.index(1, 1), "4oo")
    dlg.save()
    assert dlg.form.field_error("bonus_brackets").startswith("Row 2: ")
    dlg.brackets.setData(dlg.brackets.index(1, 1), "50")  # smaller than the lower bracket's
    dlg.save()
    assert dlg.form.field_error("bonus_brackets") == "A bigger top-up must earn a bigger bonus."
    assert tiers_service.get_ladder(ctx.db, ctx.actor).tiers[1].bonus_brackets \
        == silver.bonus_brackets


def test_rule_dialog_errors_and_save(qtbot, ctx, ladder):
    dlg = open_dialog(qtbot, RuleDialog(ctx, ladder, None))
    dlg.source.setCurrentIndex(dlg.source.findText("金卡"))
    dlg.target.setCurrentIndex(dlg.target.findText("银卡"))
    qtbot.keyClick(dlg.source, Qt.Key.Key_Return)
    assert dlg.isVisible()
    assert dlg.form.field_error("min_cumulative_spend") \
        == "An upgrade rule needs a top-up or spending threshold."
    dlg.topup.setText("0")
    dlg.save()
    assert dlg.form.field_error("min_single_topup") == "The amount must be more than zero."
    dlg.topup.setText("10000")
    dlg.save()
    assert dlg.form.field_error("target_tier_id") == "An upgrade rule must lead to a higher tier."
    assert tiers_service.get_ladder(ctx.db, ctx.actor).rules == ladder.rules

    dlg.source.setCurrentIndex(0)  # anyone
    dlg.target.setCurrentIndex(dlg.target.findText("金卡"))
    with qtbot.waitSignal(dlg.accepted):
        dlg.save()
    rules = tiers_service.get_ladder(ctx.db, ctx.actor).rules
    assert len(rules) == 2
    assert (rules[1].from_tier_id, rules[1].min_single_topup, rules[1].min_cumulative_spend) \
        == (None, 1000000, None)


def test_removing_a_tier_takes_its_rules_along(qtbot, ctx, ladder, monkeypatch):
    page = LadderPage(ctx)
    qtbot.addWidget(page)
    page.select_tier("金卡")
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.remove_tier()
    saved = tiers_service.get_ladder(ctx.db, ctx.actor)
    assert [t.name for t in saved.tiers] == ["体验卡", "银卡"]
    assert saved.rules == ()
    assert page.tier_model.rowCount() == 2


def test_others_see_the_ladder_read_only(qtbot, ctx, ladder, context_for):
    staff_service.create_staff(ctx.db, ctx.actor, staff_service.StaffInput(
        name="Desk", login="desk", role=Role.FRONT_DESK, secret="1357"))
    desk = auth.login(ctx.db, "desk", "1357")
    page = LadderPage(context_for(desk))
    qtbot.addWidget(page)
    assert page.tier_model.rowCount() == 3
    assert page.read_only.isVisibleTo(page)
    for b in (page.add_tier_button, page.edit_tier_button, page.remove_tier_button,
              page.add_rule_button):
        assert not b.isVisibleTo(page)
    page.tiers.selectRow(0)
    page.remove_tier()  # does nothing for a non-owner, not even ask
    assert names(ctx) == ["体验卡", "银卡", "金卡"]
