"""The dashboard on the demo store: figures load in the background with progress, the filters
narrow the funnel, the other tabs load when first shown, charts save as PNG, the check's missing
items open the page that fixes them, and the front desk has no dashboard."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QImage

from opsdesk.db import clock
from opsdesk.domain.demo import DEMO_PIN
from opsdesk.services import auth, dashboard
from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.pages.dashboard.page import DashboardPage
from tests.ui.conftest import DEMO_AS_OF

NOW = datetime.combine(DEMO_AS_OF, datetime.min.time()).replace(hour=17)


@pytest.fixture
def db_path(tmp_path: Path, demo_file: Path) -> Path:
    path = tmp_path / "store.sqlite"
    shutil.copyfile(demo_file, path)
    return path


@pytest.fixture(autouse=True)
def frozen_day():
    with clock.frozen(NOW):
        yield


@pytest.fixture
def owner(db):  # noqa: ANN001, ANN201
    return auth.login(db, "owner", DEMO_PIN)


def open_dashboard(qtbot, ctx) -> tuple[MainWindow, DashboardPage]:  # noqa: ANN001
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.page("dashboard").loaded, timeout=30_000,
                          check_params_cb=lambda t: t == "overview"):
        page = w.open_page("dashboard")
    return w, page


def funnel_counts(page: DashboardPage) -> list[int]:
    return [x.count for x in page.results["overview"].funnel.layers]


def set_range(page: DashboardPage, start: date, end: date) -> None:
    page.date_from.setDate(QDate(start.year, start.month, start.day))
    page.date_to.setDate(QDate(end.year, end.month, end.day))


def test_overview_loads_in_the_background(qtbot, db, owner, context_for):
    _w, page = open_dashboard(qtbot, context_for(owner))
    expected = dashboard.overview(db, owner, dashboard.Filters(date(2026, 11, 1), DEMO_AS_OF),
                                  DEMO_AS_OF)
    assert funnel_counts(page) == [x.count for x in expected.funnel.layers]
    assert page.progress.isHidden() and page.refresh_button.isEnabled()
    assert len(page.funnel_chart.labels) == 7 and page.funnel_chart.labels[0].startswith("Leads")
    assert page.people_table.rowCount() == len(expected.people.people)
    assert page.kpi_table.rowCount() == 5


def test_filters_narrow_the_funnel(qtbot, db, owner, context_for):
    _w, page = open_dashboard(qtbot, context_for(owner))
    set_range(page, date(2026, 1, 1), DEMO_AS_OF)
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.refresh_button.click()
    everyone = funnel_counts(page)
    page.source.setCurrentIndex(page.source.findData("member_referral"))
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.refresh_button.click()
    referred = funnel_counts(page)
    assert 0 < referred[0] < everyone[0]
    want = dashboard.funnel(db, owner, dashboard.Filters(date(2026, 1, 1), DEMO_AS_OF,
                                                         source="member_referral"))
    assert referred == [x.count for x in want.layers]
    page.source.setCurrentIndex(0)
    page.staff.setCurrentIndex(page.staff.findText("张伟"))
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.refresh_button.click()
    assert page.results["overview"].funnel.filters.staff_id == page.staff.currentData()
    assert funnel_counts(page)[0] < everyone[0]
    page.staff.setCurrentIndex(0)
    page.tier.setCurrentIndex(1)
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.refresh_button.click()
    assert funnel_counts(page)[0] < everyone[0]


def test_a_reversed_range_is_said_and_nothing_breaks(qtbot, owner, context_for):
    _w, page = open_dashboard(qtbot, context_for(owner))
    set_range(page, date(2026, 11, 1), date(2026, 10, 1))
    with qtbot.waitSignal(page.failed, timeout=30_000):
        page.refresh_button.click()
    assert "before it starts" in page.message.text()
    assert page.refresh_button.isEnabled()


def test_other_tabs_load_when_shown(qtbot, owner, context_for):
    _w, page = open_dashboard(qtbot, context_for(owner))
    for i, key in enumerate(("comparisons", "growth", "check"), start=1):
        with qtbot.waitSignal(page.loaded, timeout=30_000):
            page.tabs.setCurrentIndex(i)
        assert key in page.results
    assert page.compare_table.rowCount() == 15
    page.metric.setCurrentIndex(page.metric.findData("visits"))
    assert page.levers_table.rowCount() == 4
    assert page.roles_table.rowCount() == 4
    assert page.check_tree.topLevelItemCount() == 2


def test_charts_save_as_png(qtbot, owner, context_for, tmp_path):
    _w, page = open_dashboard(qtbot, context_for(owner))
    for key in ("funnel", "scatter"):
        out = tmp_path / f"{key}.png"
        assert page.export_png(key, out)
        img = QImage(str(out))
        assert img.width() > 200 and img.height() > 150


def test_a_missing_item_opens_its_page(qtbot, owner, context_for):
    w, page = open_dashboard(qtbot, context_for(owner))
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.tabs.setCurrentIndex(3)
    items = []
    tree = page.check_tree
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for j in range(top.childCount()):
            area = top.child(j)
            items += [area.child(k) for k in range(area.childCount())]
    followup = next(it for it in items if it.data(0, 0x0100) == "followups"
                    and it.text(0).startswith("✗"))
    assert page._go(followup)
    assert w.stack.currentWidget().objectName() == "page_followups"


def test_front_desk_has_no_dashboard(qtbot, db, context_for):
    w = MainWindow(context_for(auth.login(db, "liufang", DEMO_PIN)))
    qtbot.addWidget(w)
    assert "dashboard" not in [s.key for s in w.specs]
