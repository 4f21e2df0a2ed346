"""The target wizard driven end to end on the demo store: year and indicators, targets from the
baselines, split by ability with the live sum check, custom months that must add up to 100,
weekday weights, the reverse calculation, and saving as a new version that keeps the old one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QTableWidget, QWizard

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.domain.demo import DEMO_OWNER, DEMO_PIN
from opsdesk.domain.targets import Indicator, WeightSource, check_plan_sums
from opsdesk.services import auth, targets
from opsdesk.ui.context import AppContext
from opsdesk.ui.pages.targets.wizard import TargetWizard

YEAR = 2027
DEMO_AS_OF = date(2026, 11, 1)  # as in tests/ui/conftest.py


@pytest.fixture
def db_path(demo_db_path: Path) -> Path:
    return demo_db_path


@pytest.fixture(autouse=True)
def frozen_day():  # noqa: ANN201
    with clock.frozen(datetime.combine(DEMO_AS_OF, datetime.min.time()).replace(hour=10)):
        yield


@pytest.fixture
def demo_db(db: Database) -> Database:
    return db


@pytest.fixture
def owner_ctx(db: Database, context_for: Callable) -> AppContext:
    return context_for(auth.login(db, DEMO_OWNER, DEMO_PIN))


def _next(qtbot, wiz: TargetWizard, expected_page) -> None:  # noqa: ANN001
    wiz.next()
    qtbot.waitUntil(lambda: wiz.currentPage() is expected_page, timeout=10_000)


def test_wizard_end_to_end(qtbot, owner_ctx: AppContext, demo_db: Database) -> None:  # noqa: ANN001
    wiz = TargetWizard(owner_ctx, YEAR)
    qtbot.addWidget(wiz)
    wiz.show()
    page = wiz.year_page
    page.boxes[Indicator.GROSS_PROFIT].setChecked(True)
    _next(qtbot, wiz, wiz.targets_page)

    # 2. baselines come from the demo's history; a click takes the starting line
    tp = wiz.targets_page
    table: QTableWidget = tp.table
    assert table.item(0, 2).data(Qt.ItemDataRole.UserRole) > 0
    tp._take(0, 2)
    start = table.item(0, 2).data(Qt.ItemDataRole.UserRole)
    assert wiz.draft.targets[Indicator.REVENUE] == start
    # a negative target is refused beside the table and the page does not move on
    tp.edits[Indicator.DEALS].setText("-5")
    wiz.next()
    assert wiz.currentPage() is tp
    assert "negative" in tp.error.text()
    tp.edits[Indicator.DEALS].setText("300")
    tp.edits[Indicator.REVENUE].setText("1200000")
    _next(qtbot, wiz, wiz.split_page)

    # 3. split: departments must add up to 100 (live), then by ability
    sp = wiz.split_page
    sp.depts.item(0, 1).setText("90")
    assert "✗" in sp.dept_sum.text()
    assert not sp.isComplete()
    wiz.next()
    assert wiz.currentPage() is sp
    sp.depts.item(0, 1).setText("100")
    assert "✓" in sp.dept_sum.text()
    assert sp.isComplete()
    sp.source.setCurrentIndex(sp.SOURCES.index(WeightSource.ABILITY))
    sp.people.item(0, 3).setText("8")  # the first seller is stronger
    shares = wiz.draft.shares(Indicator.REVENUE)
    assert sum(shares.values()) == 1_200_000_00
    assert max(shares.values()) == shares[targets.staff_unit(wiz.draft.people()[0].id)]
    # all weights of the sellers' department zero: refused clearly
    for r in range(sp.people.rowCount()):
        if sp.people.item(r, 1).text() == sp.depts.item(0, 0).text():
            sp.people.item(r, 3).setText("0")
    assert "zero" in sp.error.text().lower()
    assert not sp.isComplete()
    for r in range(sp.people.rowCount()):
        if sp.people.item(r, 1).text() == sp.depts.item(0, 0).text():
            sp.people.item(r, 3).setText("5")
    assert sp.isComplete()
    _next(qtbot, wiz, wiz.season_page)

    # 4. months: custom percentages must add up to 100
    se = wiz.season_page
    se.choice.setCurrentIndex(2)
    se.table.item(0, 1).setText("50")
    assert not se.isComplete() and "100" in se.error.text()
    for m in range(12):
        se.table.item(m, 1).setText("10" if m < 10 else "0")
    assert se.isComplete()
    assert "✓" in se.sum.text()
    se.choice.setCurrentIndex(0)  # back to last year's months
    assert se.isComplete()
    _next(qtbot, wiz, wiz.days_page)

    # 5. days: Sunday closed, Saturday weighs double; weeks are sums of days
    dp = wiz.days_page
    dp.spins[6].setValue(0)
    dp.spins[5].setValue(2)
    plan = wiz.plan
    jan = plan.indicator(Indicator.REVENUE).units[0].months[0]
    sundays = [i for i in range(31) if date(YEAR, 1, i + 1).weekday() == 6]
    assert sundays[0] == 2  # 3 January 2027
    assert all(jan.days[i] == 0 for i in sundays)
    col = 3
    total = sum(int(dp.weeks.item(r, col).text().replace("¥", "").replace(",", "")
                    .replace(".", "")) for r in range(dp.weeks.rowCount()))
    assert total == sum(u.months[0].total for u in plan.indicator(Indicator.REVENUE).units)
    _next(qtbot, wiz, wiz.reverse_page)

    # 6. the reverse calculation for the first seller
    rp = wiz.reverse_page
    assert rp.table.rowCount() > 30  # the month, its weeks and its days
    assert int(rp.table.item(0, 3).text().replace(",", "")) >= int(
        rp.table.item(0, 2).text().replace(",", ""))
    _next(qtbot, wiz, wiz.review_page)

    # 7. save: version 1; a second run saves version 2 and keeps 1
    wiz.review_page.note.setText("开年计划")
    with qtbot.waitSignal(wiz.finished, timeout=10_000):
        wiz.next()
    assert wiz.saved is not None and wiz.saved.version == 1
    saved = targets.current_plan(demo_db, owner_ctx.actor, YEAR)
    check_plan_sums(saved.plan)
    assert saved.plan.indicator(Indicator.REVENUE).total == 1_200_000_00
    assert saved.settings["weight_source"] == "ability"
    assert saved.info.note == "开年计划"

    again = TargetWizard(owner_ctx, YEAR)
    qtbot.addWidget(again)
    again.show()
    _next(qtbot, again, again.targets_page)
    again.targets_page.edits[Indicator.REVENUE].setText("1500000")
    for page in (again.split_page, again.season_page, again.days_page, again.reverse_page,
                 again.review_page):
        _next(qtbot, again, page)
    assert "version 2" in again.review_page.version.text()
    with qtbot.waitSignal(again.finished, timeout=10_000):
        again.next()
    assert [v.version for v in targets.plan_versions(demo_db, owner_ctx.actor, YEAR)] == [2, 1]
    assert again.result() == QWizard.DialogCode.Accepted
    assert isinstance(again.review_page.findChild(QLineEdit, "note"), QLineEdit)
    assert isinstance(again.findChild(QLabel, "version"), QLabel)
