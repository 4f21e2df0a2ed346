"""The Pay page's settings tabs on the demo store: pay schemes with their bracket table,
assessment scores, deductions (refused in a locked month), PK contests and the promotion path;
a salesperson sees none of them."""

from __future__ import annotations

import os
from fractions import Fraction
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget

from opsdesk.db.engine import Database
from opsdesk.domain.demo import DEMO_OWNER, DEMO_PIN
from opsdesk.domain.incentives import BracketBy, CommissionMode
from opsdesk.services import auth, incentives
from opsdesk.services.context import Actor
from opsdesk.ui.context import AppContext
from opsdesk.ui.pages.pay.page import PayPage

YUAN = 100
K = 1000 * YUAN


@pytest.fixture
def db_path(demo_db_path: Path) -> Path:
    return demo_db_path


@pytest.fixture
def owner(db: Database) -> Actor:
    return auth.login(db, DEMO_OWNER, DEMO_PIN)


def login(db: Database, name: str) -> Actor:
    return auth.login(db, name, DEMO_PIN)


def open_page(qtbot, ctx: AppContext) -> PayPage:  # noqa: ANN001
    page = PayPage(ctx)
    qtbot.addWidget(page)
    page.resize(1180, 720)
    return page


def tab_titles(page: PayPage) -> list[str]:
    return [page.tabs.tabText(i) for i in range(page.tabs.count())]


def position_id(db: Database, owner: Actor, name: str) -> int:
    return next(r.position_id for r in incentives.list_schemes(db, owner)
                if r.staff_id is None and r.position == name)


def set_cell(table, row: int, col: int, text: str) -> None:  # noqa: ANN001
    table.set_text(row, col, text)


def test_edit_brackets_and_save(qtbot, owner: Actor, context_for, qtmodeltester) -> None:  # noqa: ANN001
    page = open_page(qtbot, context_for(owner))
    tab = page.settings_tabs["schemes"]
    qtmodeltester.check(tab.model)
    tab.select("顾问")
    ed = tab.editor
    br = ed.brackets
    assert br.table.rowCount() == 3 and br.text(0, 2) == "2" and br.text(2, 1) == ""
    # A fourth bracket from ¥150,000 at 6 %; the third now ends there.
    set_cell(br, 2, 1, "150000")
    br.add_row()
    assert br.text(3, 0) == "150000.00" or br.text(3, 0) == "150000"
    set_cell(br, 3, 2, "6")
    ed.mode.setCurrentIndex(ed.mode.findData("step"))
    ed.base_pay.setText("3200")
    assert ed.save(), ed.form.general.text()
    s = incentives.list_schemes(owner_db(page), owner)
    scheme = next(r.scheme for r in s if r.staff_id is None and r.position == "顾问")
    assert scheme.base_pay == 3200 * YUAN
    rule = scheme.commission
    assert rule.mode is CommissionMode.STEP and rule.bracket_by is BracketBy.AMOUNT
    assert [(b.lower, b.upper, b.rate) for b in rule.brackets] == [
        (0, 30 * K, Fraction(2, 100)), (30 * K, 80 * K, Fraction(3, 100)),
        (80 * K, 150 * K, Fraction(5, 100)), (150 * K, None, Fraction(6, 100))]
    assert "Saved" in ed.saved.text()


def owner_db(page: PayPage) -> Database:
    return page.ctx.db


def test_bad_bracket_is_shown_beside_the_table_and_nothing_saved(qtbot, owner: Actor,  # noqa: ANN001
                                                                 context_for) -> None:  # noqa: ANN001
    db = None
    page = open_page(qtbot, context_for(owner))
    db = page.ctx.db
    before = incentives.list_schemes(db, owner)
    tab = page.settings_tabs["schemes"]
    tab.select("顾问")
    ed = tab.editor
    # Row 2 starts at ¥25,000 but row 1 ends at ¥30,000: they overlap.
    set_cell(ed.brackets, 1, 0, "25000")
    ed.base_pay.setText("9999")
    assert not ed.save()
    assert ed.form.field_error("brackets") == "Row 2: The commission brackets overlap."
    assert ed.base_pay.text() == "9999"  # what was typed stays
    assert incentives.list_schemes(db, owner) == before
    # A gap, then a negative rate.
    set_cell(ed.brackets, 1, 0, "35000")
    assert not ed.save()
    assert "gap" in ed.form.field_error("brackets")
    set_cell(ed.brackets, 1, 0, "30000")
    set_cell(ed.brackets, 2, 2, "-1")
    assert not ed.save()
    assert ed.form.field_error("brackets") == "Row 3: A commission rate cannot be negative."
    assert incentives.list_schemes(db, owner) == before
    set_cell(ed.brackets, 2, 2, "abc")
    assert not ed.save()
    assert ed.form.field_error("brackets").startswith("Row 3: ")
    assert incentives.list_schemes(db, owner) == before


def test_person_override_saves_only_the_ticked_parts(qtbot, owner: Actor, context_for) -> None:  # noqa: ANN001
    page = open_page(qtbot, context_for(owner))
    tab = page.settings_tabs["schemes"]
    tab.select("孙磊")
    ed = tab.editor
    assert not ed.own["base_pay"].isHidden() and not ed.base_pay.isEnabled()
    ed.own["base_pay"].setChecked(True)
    ed.base_pay.setText("3300")
    assert ed.save()
    sid = next(r.staff_id for r in incentives.list_schemes(page.ctx.db, owner)
               if r.staff_name == "孙磊")
    merged = incentives.scheme_for(page.ctx.db, owner, sid)
    assert merged.base_pay == 3300 * YUAN and merged.new_member_bonus == 30 * YUAN


def test_enter_an_attitude_score(qtbot, db: Database, context_for) -> None:  # noqa: ANN001
    from opsdesk.services import assessments
    from opsdesk.ui import tasks

    manager = login(db, "chenjing")
    page = open_page(qtbot, context_for(manager))
    assert "schemes" not in page.settings_tabs and "entries" not in page.settings_tabs
    tab = page.settings_tabs["assessment"]
    assert tab.template is None  # the template is the owner's
    sc = tab.scores
    sc.month.setDate(QDate(2026, 11, 1))
    job = sc.refresh()
    with qtbot.waitSignal(job.signals.finished, timeout=30_000):
        pass
    tasks.wait_all()
    qtbot.waitUntil(lambda: sc.table.rowCount() > 0)
    heads = [sc.table.horizontalHeaderItem(c).text() for c in range(sc.table.columnCount())]
    col = next(c for c, h in enumerate(heads) if h.startswith("Attitude"))
    visits = next(c for c, h in enumerate(heads) if h.startswith("Visits"))
    row = next(r for r in range(sc.table.rowCount()) if sc.table.item(r, 0).text() == "张伟")
    from PySide6.QtCore import Qt

    assert not sc.table.item(row, visits).flags() & Qt.ItemFlag.ItemIsEditable
    assert " / " in sc.table.item(row, visits).text()
    sc.table.item(row, col).setText("6")
    assert sc.save(), sc.error.text()
    got = {v.staff_name: v for v in assessments.month_assessments(
        page.ctx.db, manager, 2026, 11)}
    line = next(ln for ln in got["张伟"].lines if ln.code == "attitude")
    assert line.actual == 6
    # A locked month takes no score.
    sc.month.setDate(QDate(2026, 10, 1))
    row = next(r for r in range(sc.table.rowCount()) if sc.table.item(r, 0).text() == "张伟")
    sc.table.item(row, col).setText("3")
    assert not sc.save()
    assert "locked" in sc.error.text()


def test_weights_sum_shown_live_and_checked(qtbot, owner: Actor, context_for) -> None:  # noqa: ANN001
    from opsdesk.services import assessments

    page = open_page(qtbot, context_for(owner))
    ed = page.settings_tabs["assessment"].template
    assert "100 of 100" in ed.sum_label.text()
    ed.table.item(0, 1).setText("25")
    assert "105 of 100" in ed.sum_label.text()
    before = assessments.get_template(page.ctx.db, owner)
    assert not ed.save()
    assert "add up to 105" in ed.error.text()
    assert assessments.get_template(page.ctx.db, owner) == before
    ed.table.item(1, 1).setText("15")
    assert ed.save(), ed.error.text()
    got = {it.code: it.weight for it in assessments.get_template(page.ctx.db, owner)}
    assert got["visits"] == 25 and got["effective_visits"] == 15


def test_add_a_deduction_and_refused_in_a_locked_month(qtbot, owner: Actor,  # noqa: ANN001
                                                       context_for) -> None:  # noqa: ANN001
    from opsdesk.services import pay_runs

    page = open_page(qtbot, context_for(owner))
    tab = page.settings_tabs["entries"]
    tab.month.setDate(QDate(2026, 11, 1))
    tab.person.setCurrentIndex(tab.person.findText("张伟"))
    tab.amount.setText("200")
    tab.reason.setText("迟到三次")
    assert tab.add(), tab.form.general.text()
    rows = pay_runs.list_entries(page.ctx.db, owner, 2026, 11)
    assert [(r.staff_name, r.kind, r.amount, r.reason) for r in rows] == [
        ("张伟", "deduction", 200 * YUAN, "迟到三次")]
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, 2).data() == "-¥200.00"
    # No reason: said beside the reason, nothing written.
    tab.amount.setText("50")
    assert not tab.add()
    assert tab.form.field_error("reason")
    # October 2026 is locked.
    october = pay_runs.list_entries(page.ctx.db, owner, 2026, 10)
    tab.month.setDate(QDate(2026, 10, 1))
    tab.reason.setText("迟到")
    assert not tab.add()
    assert tab.form.field_error("month").startswith("The pay run for 2026-10 is locked")
    assert pay_runs.list_entries(page.ctx.db, owner, 2026, 10) == october
    assert tab.reason.text() == "迟到"


def test_create_a_contest_and_see_it_on_the_leaderboard(qtbot, db: Database,  # noqa: ANN001
                                                        context_for) -> None:  # noqa: ANN001
    from opsdesk.services import contests

    manager = login(db, "chenjing")
    page = open_page(qtbot, context_for(manager))
    btn = page.settings_tabs["new_contest"]
    assert not btn.isHidden() or not page.isVisible()
    btn.click()
    dlg = page.contest_dialog
    # Nothing typed: the name and the prizes are said beside their fields; nothing created.
    before = len(contests.list_contests(db, manager))
    dlg.save()
    assert dlg.form.field_error("name") and dlg.form.field_error("prizes")
    assert len(contests.list_contests(db, manager)) == before
    dlg.name.setText("十一月成交PK")
    dlg.metric.setCurrentIndex(dlg.metric.findData("revenue"))
    dlg.date_from.setDate(QDate(2026, 8, 1))
    dlg.date_to.setDate(QDate(2026, 11, 30))
    for name in ("张伟", "李娜", "孙磊", "赵敏"):
        dlg.set_participant(name, True)
    dlg.prizes.setText("800, 500，200")
    dlg.save()
    assert dlg.result() == dlg.DialogCode.Accepted, dlg.form.general.text()
    got = contests.list_contests(db, manager)
    new = next(c for c in got if c.name == "十一月成交PK")
    assert new.prizes == (800 * YUAN, 500 * YUAN, 200 * YUAN) and len(new.participants) == 4
    assert page.contest_box.currentData() == new.id
    assert page.board.rowCount() == 4
    assert page.board.item(0, 0).text() == "1" and page.board.item(0, 3).text() == "¥800.00"


def test_promotion_path_levels_and_who_qualifies(qtbot, owner: Actor, context_for) -> None:  # noqa: ANN001
    page = open_page(qtbot, context_for(owner))
    tab = page.settings_tabs["path"]
    ed = tab.levels
    assert ed.table.rowCount() == 3 and ed.text(1, 1) == "资深顾问" and ed.text(1, 4) == "100"
    tab.qualifiers.month.setDate(QDate(2026, 10, 1))
    assert "qualify" in tab.qualifiers.status.text()
    ed.table.item(2, 2).setText("2")  # the same rank twice
    assert not ed.save()
    assert "same rank" in ed.error.text()
    ed.table.item(2, 2).setText("3")
    ed.table.item(0, 4).setText("70")
    assert ed.save(), ed.error.text()
    levels = incentives.promotion_levels(page.ctx.db, owner)
    assert levels[0].min_attainment == Fraction(7, 10)


def test_sales_and_front_desk_see_no_settings(qtbot, db: Database, context_for) -> None:  # noqa: ANN001
    for login_name in ("zhangwei", "liufang"):
        page = open_page(qtbot, context_for(login(db, login_name)))
        assert page.settings_tabs == {}
        titles = tab_titles(page)
        assert titles == ["My slips", "PK contests"], titles
        assert page.findChild(QWidget, "new_contest") is None


def test_scheme_editor_screenshot(qtbot, qapp, resources, owner: Actor, context_for,  # noqa: ANN001
                                  tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    from opsdesk.ui import i18n
    from opsdesk.ui.main_window import MainWindow

    i18n.install(qapp, "zh_CN", resources)
    window = MainWindow(context_for(owner))
    qtbot.addWidget(window)
    page = window.open_page("pay")
    window.resize(1180, 800)
    window.show()
    qtbot.waitExposed(window)
    tab = page.settings_tabs["schemes"]
    page.tabs.setCurrentWidget(tab)
    tab.select("资深顾问")
    qtbot.wait(50)
    assert tab.editor.caps["base_pay"].text() == "基本工资 / 月(&B)"
    folder = Path(os.environ.get("OPSDESK_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / "pay_schemes_zh_CN.png"
    assert window.grab().save(str(out))
    image = QImage(str(out))
    assert image.width() == 1180


def test_kpi_template_per_position(qtbot, owner: Actor, context_for) -> None:  # noqa: ANN001
    from opsdesk.services import assessments

    page = open_page(qtbot, context_for(owner))
    ed = page.settings_tabs["assessment"].template
    db = page.ctx.db
    names = [ed.position.itemText(i) for i in range(ed.position.count())]
    assert names[0] == "Store template (all positions without their own)"
    assert ed.position_id() is None and not ed.drop_btn.isEnabled()
    store = assessments.get_template(db, owner)
    # The demo's manager has its own items; a seller's position uses the store's.
    manager = position_id(db, owner, "店长")
    ed.select_position(manager)
    codes = [ed.code(r) for r in range(ed.table.rowCount())]
    assert codes == ["store_revenue_attainment", "plan_follow_through", "attitude"]
    assert ed.drop_btn.isEnabled()
    seller = position_id(db, owner, "顾问")
    ed.select_position(seller)
    assert [ed.code(r) for r in range(ed.table.rowCount())] == [i.code for i in store]
    assert not ed.drop_btn.isEnabled()
    # Saving gives the seller's position its own items; the store's stay as they were.
    ed.table.item(0, 1).setText("25")
    assert not ed.save()
    assert "add up to 105" in ed.error.text()
    assert assessments.get_template(db, owner, seller) == store
    ed.table.item(1, 1).setText("15")
    assert ed.save(), ed.error.text()
    assert ed.position_id() == seller and ed.drop_btn.isEnabled()
    assert "(own template)" in ed.position.currentText()
    assert {i.code: i.weight for i in assessments.get_template(db, owner, seller)}["visits"] == 25
    assert assessments.get_template(db, owner) == store
    # Back to the store template.
    assert ed.drop()
    assert assessments.get_template(db, owner, seller) == store
    assert not ed.drop_btn.isEnabled()
    assert seller not in assessments.own_template_positions(db, owner)
