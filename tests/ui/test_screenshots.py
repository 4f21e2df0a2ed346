"""Screenshots of the main window on the demo store, in Chinese and in English, for people to
look at (and for the README). Saved into $OPSDESK_SCREENSHOTS when set, else into tmp_path."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from opsdesk.domain.demo import DEMO_OWNER, DEMO_PIN
from opsdesk.services import auth, demo
from opsdesk.ui import i18n
from opsdesk.ui.main_window import MainWindow

SIZE = (1180, 760)


@pytest.fixture
def demo_owner(db):  # noqa: ANN001, ANN201
    demo.generate(db, demo.DemoOptions(members=200, seed=1, as_of=date(2025, 3, 14)))
    return auth.login(db, DEMO_OWNER, DEMO_PIN)


def distinct_colours(image: QImage, step: int = 7) -> int:
    seen = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen.add(image.pixel(x, y))
    return len(seen)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_main_window_screenshot(qtbot, qapp, resources, demo_owner, context_for, tmp_path, lang):
    i18n.install(qapp, lang, resources)
    window = MainWindow(context_for(demo_owner))
    qtbot.addWidget(window)
    page = window.open_page("staff")
    qtbot.wait(10)  # the layout settles on the staff page's size before the resize
    window.resize(*SIZE)
    window.show()
    qtbot.waitExposed(window)
    page.table.selectRow(0)
    qtbot.wait(50)  # let the table lay itself out before the grab

    folder = Path(os.environ.get("OPSDESK_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"main_window_{lang}.png"
    assert window.grab().save(str(out))

    image = QImage(str(out))
    assert (image.width(), image.height()) == SIZE
    assert distinct_colours(image) > 20  # not a blank or single-colour window
    expected = "员工与角色" if lang == "zh_CN" else "Staff & Roles"
    assert page.title.text() == expected
    assert page.model.rowCount() >= 8  # the demo store's staff are listed


def test_launch_page_screenshot(qtbot, qapp, resources, demo_owner, context_for, tmp_path):
    from opsdesk.db import clock

    i18n.install(qapp, "zh_CN", resources)
    window = MainWindow(context_for(demo_owner))
    qtbot.addWidget(window)
    with clock.frozen(datetime(2025, 3, 14, 11, 0)):
        page = window.open_page("launches")
        window.resize(*SIZE)
        window.show()
        qtbot.waitExposed(window)
        page.tabs.setCurrentIndex(1)  # the funnel of the open launch
        qtbot.wait(50)
    folder = Path(os.environ.get("OPSDESK_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / "launches_zh_CN.png"
    assert window.grab().save(str(out))
    assert distinct_colours(QImage(str(out))) > 20
    assert page.list_model.rowCount() == 3  # two past launches and the open one
    assert page.current.status == "open"
    assert int(page.count_labels["entries"].text()) > 0


@pytest.mark.parametrize("login", ["owner", "liufang"])
def test_home_page_screenshot(qtbot, qapp, resources, db, demo_owner, context_for, tmp_path,
                              login):
    from opsdesk.db import clock

    i18n.install(qapp, "zh_CN", resources)
    actor = demo_owner if login == "owner" else auth.login(db, login, DEMO_PIN)
    with clock.frozen(datetime(2025, 3, 14, 17, 0)):
        window = MainWindow(context_for(actor))
        qtbot.addWidget(window)
        page = window.stack.currentWidget()
        window.resize(*SIZE)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: page.data is not None and (
            page.report is not None or not page.shows_store), timeout=30_000)
        qtbot.wait(50)
    folder = Path(os.environ.get("OPSDESK_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"home_{'owner' if login == 'owner' else 'front_desk'}_zh_CN.png"
    assert window.grab().save(str(out))
    assert distinct_colours(QImage(str(out))) > 20
    assert page.title.text().startswith("今日一览")


@pytest.mark.parametrize("tab", [0, 1, 2, 3])
def test_dashboard_screenshot(qtbot, qapp, resources, demo_owner, context_for, tmp_path, tab):
    from opsdesk.db import clock

    i18n.install(qapp, "zh_CN", resources)
    with clock.frozen(datetime(2025, 3, 14, 17, 0)):
        window = MainWindow(context_for(demo_owner))
        qtbot.addWidget(window)
        page = window.page("dashboard")
        with qtbot.waitSignal(page.loaded, timeout=30_000):
            window.open_page("dashboard")
        window.resize(*SIZE)
        window.show()
        qtbot.waitExposed(window)
        if tab:
            with qtbot.waitSignal(page.loaded, timeout=30_000):
                page.tabs.setCurrentIndex(tab)
        qtbot.wait(80)
    folder = Path(os.environ.get("OPSDESK_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{('dashboard', 'dashboard_comparisons', 'dashboard_growth', 'dashboard_check')[tab]}_zh_CN.png"
    assert window.grab().save(str(out))
    image = QImage(str(out))
    assert (image.width(), image.height()) == SIZE
    assert distinct_colours(image) > 20
    assert page.title.text() == "数据仪表盘"


@pytest.mark.parametrize("view", ["referral_tree", "promoter_leaderboard"])
def test_promotion_screenshot(qtbot, qapp, resources, db, demo_owner, context_for, tmp_path,
                              view):
    from sqlalchemy import text

    from opsdesk.db import clock

    i18n.install(qapp, "zh_CN", resources)
    window = MainWindow(context_for(demo_owner))
    qtbot.addWidget(window)
    with clock.frozen(datetime(2025, 3, 14, 11, 0)):
        page = window.open_page("promotion")
        window.resize(1400, 860)
        window.show()
        qtbot.waitExposed(window)
        if view == "referral_tree":
            with db.read() as s:
                top = s.execute(text(
                    "SELECT referrer_id FROM customer WHERE referrer_id IS NOT NULL "
                    "GROUP BY referrer_id ORDER BY COUNT(*) DESC, referrer_id LIMIT 1")).scalar()
            tab = page.referrals
            tab.year.setValue(2024)
            tab.show_tree(top)
            qtbot.waitUntil(lambda: tab.tree_model.rowCount() == 1, timeout=10000)
            assert tab.tree_model.item(0, 0).rowCount() >= 2
        else:
            page.tabs.setCurrentWidget(page.promoters)
            tab = page.promoters
            tab.inner.setCurrentIndex(1)
            tab.board_year.setValue(2024)
            tab.board_month.setValue(0)
            assert tab.board_model.rowCount() == 20
            assert tab.board_model.row_at(0).referred_revenue > 0
        qtbot.wait(50)
    folder = Path(os.environ.get("OPSDESK_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{view}_zh_CN.png"
    assert window.grab().save(str(out))
    assert distinct_colours(QImage(str(out))) > 20


def test_pay_run_screenshot(qtbot, qapp, resources, demo_owner, context_for, tmp_path):
    from PySide6.QtCore import QDate

    i18n.install(qapp, "zh_CN", resources)
    window = MainWindow(context_for(demo_owner))
    qtbot.addWidget(window)
    page = window.open_page("pay")
    window.resize(*SIZE)
    window.show()
    qtbot.waitExposed(window)
    page.month.setDate(QDate(2025, 2, 1))  # the last locked run of the demo
    row = next(r for r in range(page.model.rowCount())
               if page.model.row_at(r).staff_name == "张伟")
    page.table.selectRow(row)
    qtbot.wait(50)
    folder = Path(os.environ.get("OPSDESK_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / "pay_run_zh_CN.png"
    assert window.grab().save(str(out))
    assert distinct_colours(QImage(str(out))) > 20
    assert page.run is not None and page.run.summary.locked
    assert "已于" in page.status.text()
    assert page.detail.lines.rowCount() >= 4
