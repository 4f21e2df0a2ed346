"""The home page per role on the demo store: the first page after login, placeholders first, then
the day's figures from the background; the front desk's registrations and follow-ups; the owner's
revenue, the plan section and the systems check's top gaps with links that switch pages."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from opsdesk.db import clock
from opsdesk.domain.demo import DEMO_PIN
from opsdesk.services import auth
from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.pages.home.page import HomePage
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


def window_for(qtbot, db, context_for, login: str) -> MainWindow:  # noqa: ANN001
    ctx = context_for(auth.login(db, login, DEMO_PIN))
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    return w


def test_home_is_the_first_page_for_every_role(qtbot, db, context_for):
    for login in ("owner", "liufang", "zhangwei"):
        w = window_for(qtbot, db, context_for, login)
        assert w.specs[0].key == "home"
        assert isinstance(w.stack.currentWidget(), HomePage)
        assert w.sidebar.item(0).text() == "Home"


def test_front_desk_sees_the_day_and_the_queue(qtbot, db, context_for):
    w = window_for(qtbot, db, context_for, "liufang")
    page: HomePage = w.stack.currentWidget()
    assert page.cards["registrations"].value.text() == "…"  # a placeholder until loaded
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        pass
    d = page.data
    assert d is not None and not d.shows_store and d.revenue is None
    assert "pace" not in page.cards and page.gaps.isHidden() and page.plan.isHidden()
    assert page.cards["registrations"].value.text() == str(d.figures.registrations)
    assert len(d.figures.latest) == min(d.figures.registrations, 6)
    assert all(r.at.date() == DEMO_AS_OF for r in d.figures.latest)
    assert page.cards["sales"].note.text() == f"sales today: {d.figures.sales}"
    assert d.followups is not None and not d.followups.team
    assert "overdue" in page.followups.lines[0].findChild(type(page.title)).text()


def test_sales_staff_see_their_own_figures(qtbot, db, context_for):
    w = window_for(qtbot, db, context_for, "zhangwei")
    page: HomePage = w.stack.currentWidget()
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        pass
    assert page.data.figures.own
    assert page.cards["registrations"].note.text() == "registered by me today"


def test_owner_sees_revenue_plan_and_top_gaps(qtbot, db, context_for):
    w = window_for(qtbot, db, context_for, "owner")
    page: HomePage = w.stack.currentWidget()
    w.show()
    qtbot.waitUntil(lambda: page.data is not None and page.report is not None, timeout=20_000)
    d = page.data
    assert d.shows_store and d.revenue is not None and d.followups.team
    assert page.cards["pace"].value.text().startswith("¥")
    assert page.report.top_gaps and len(page.report.top_gaps) <= 3
    texts = [lab.text() for row in page.gaps.lines for lab in row.findChildren(type(page.title))]
    assert any(t.startswith("• ") for t in texts)
    # the "whole check" link switches to the dashboard's check
    go = page.gaps.findChild(type(page.gaps.lines[0]).__mro__[0], None)
    assert go is not None
    from PySide6.QtWidgets import QPushButton

    button = next(b for b in page.gaps.findChildren(QPushButton) if b.objectName() == "go_dashboard")
    button.click()
    assert w.stack.currentWidget().objectName() == "page_dashboard"


def test_follow_up_link_opens_the_queue(qtbot, db, context_for):
    from PySide6.QtWidgets import QPushButton

    w = window_for(qtbot, db, context_for, "liufang")
    page: HomePage = w.stack.currentWidget()
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        pass
    button = next(b for b in page.followups.findChildren(QPushButton)
                  if b.objectName() == "go_followups")
    button.click()
    assert w.stack.currentWidget().objectName() == "page_followups"
