"""The sales process page: a manager writes a stage's goal and script (rich text) and its offers;
edits survive moving between stages until saved; a salesperson reads but cannot change; the
follow-up rules switched and their days changed, bad numbers refused beside the rule."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from opsdesk.domain.followups import RuleKind
from opsdesk.domain.roles import Role
from opsdesk.services import auth, followups, pipeline
from opsdesk.services import staff as staff_service
from opsdesk.ui.pages.sales_process.pipeline import PipelinePage


def make_page(qtbot, ctx) -> PipelinePage:  # noqa: ANN001
    page = PipelinePage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()  # shortcuts reach only the active window
    qtbot.waitUntil(page.isActiveWindow)
    return page


def test_manager_writes_a_script_and_it_is_kept_across_stages(qtbot, db, ctx):
    page = make_page(qtbot, ctx)
    assert [page.stage_list.item(i).text() for i in range(5)] == [
        "1. Lead", "2. Target", "3. Qualified", "4. Customer", "5. Repeat customer"]
    page.select_stage("qualified")
    page.goal.setPlainText("Book the free skin test")
    page.script.setFocus()
    page._bold()
    qtbot.keyClicks(page.script, "Ask about her skin first")
    page.select_stage("lead")  # leave without saving: the draft stays
    assert page.stage_list.item(2).text().endswith("•")
    page.select_stage("qualified")
    assert page.goal.toPlainText() == "Book the free skin test"
    qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    row = next(r for r in pipeline.list_stages(db, ctx.actor) if r.code == "qualified")
    assert row.goal == "Book the free skin test"
    assert "Ask about her skin first" in row.script and "font-weight" in row.script
    assert not page.stage_list.item(2).text().endswith("•")


def test_offer_with_reversed_dates_is_refused_beside_the_field(qtbot, db, ctx):
    page = make_page(qtbot, ctx)
    page.select_stage("qualified")
    seen: list[str] = []

    def fill() -> None:
        dlg = QApplication.activeModalWidget()
        dlg.name.setText("Spring trial")
        dlg.price.setText("¥199 for 3 sessions")
        dlg.valid_from.set_value(date(2026, 12, 1))
        dlg.valid_to.set_value(date(2026, 11, 1))
        dlg.buttons.accepted.emit()
        seen.append(dlg.form.field_error("valid_to"))
        assert dlg.name.text() == "Spring trial"
        dlg.valid_to.set_value(date(2027, 1, 31))
        dlg.buttons.accepted.emit()

    QTimer.singleShot(0, fill)
    page.offer_buttons["add"].click()
    assert seen and seen[0] != ""
    assert page.offers.rowCount() == 1
    assert page.offers.index(0, 4).data() == "2026-12-01 – 2027-01-31"
    offers = pipeline.list_offers(db, ctx.actor, "qualified")
    assert [(o.name, o.price_text) for o in offers] == [("Spring trial", "¥199 for 3 sessions")]


def test_a_salesperson_reads_but_cannot_change(qtbot, db, store, context_for):
    pipeline.save_stage(db, store, "lead", pipeline.StageInput(
        goal="Get the phone number", script="<p>Hello, this is <b>悦容</b></p>"))
    staff_service.create_staff(db, store, staff_service.StaffInput(
        name="张伟", login="zw", role=Role.SALES, secret="1357"))
    page = make_page(qtbot, context_for(auth.login(db, "zw", "1357")))
    assert page.script.isReadOnly() and page.goal.isReadOnly() and page.name.isReadOnly()
    assert not page.save_button.isVisible()
    assert not page.offer_buttons["add"].isVisible()
    assert "Hello, this is 悦容" in page.script.toPlainText()
    assert page.goal.toPlainText() == "Get the phone number"
    assert not page.rules.save_button.isVisible()


def test_rules_switched_and_days_changed(qtbot, db, ctx):
    page = make_page(qtbot, ctx)
    rules = page.rules
    assert rules.offsets[RuleKind.AFTER_PURCHASE].text() == "30, 60, 90"
    rules.enabled[RuleKind.BIRTHDAY].setChecked(False)
    rules.offsets[RuleKind.AFTER_PURCHASE].setText("30，45")
    rules.save_button.click()
    saved = {r.kind: r for r in followups.load_rules(db, ctx.actor).rules}
    assert not saved[RuleKind.BIRTHDAY].enabled
    assert saved[RuleKind.AFTER_PURCHASE].offsets == (30, 45)
    assert rules.saved_note.text() == "Saved."


def test_bad_rule_days_are_refused_beside_the_rule(qtbot, db, ctx):
    page = make_page(qtbot, ctx)
    rules = page.rules
    rules.offsets[RuleKind.LEAD_IDLE].setText("0")
    rules.save_button.click()
    assert not rules.errors[RuleKind.LEAD_IDLE].isHidden()
    assert rules.errors[RuleKind.LEAD_IDLE].text() == "Enter a number from 1 to 365."
    assert rules.offsets[RuleKind.LEAD_IDLE].text() == "0"
    saved = {r.kind: r for r in followups.load_rules(db, ctx.actor).rules}
    assert saved[RuleKind.LEAD_IDLE].offsets == (7,)
