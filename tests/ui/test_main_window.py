"""The main window: the sidebar's pages, what each role sees, language switching and log out."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from opsdesk.domain.roles import Role
from opsdesk.services import auth
from opsdesk.services import staff as staff_service
from opsdesk.ui.context import AppContext
from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.pages.about.page import AboutPage
from opsdesk.ui.pages.settings.page import SettingsPage
from opsdesk.ui.pages.staff.page import StaffPage


def show(qtbot, ctx: AppContext) -> MainWindow:  # noqa: ANN001
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def desk_ctx(db, store, context_for) -> AppContext:  # noqa: ANN001
    """A front-desk person of the same store, logged in."""
    staff_service.create_staff(db, store, staff_service.StaffInput(
        name="陈小雨", login="desk", role=Role.FRONT_DESK, secret="1357"))
    return context_for(auth.login(db, "desk", "1357"))


def sidebar_texts(window: MainWindow) -> list[str]:
    return [window.sidebar.item(i).text() for i in range(window.sidebar.count())]


def test_sidebar_lists_the_foundation_pages(qtbot, ctx):
    window = show(qtbot, ctx)
    texts = sidebar_texts(window)
    for title in ("Staff & Roles", "Settings", "About"):
        assert title in texts
    assert window.windowTitle() == "OpsDesk — 悦容美学馆"
    assert window.who.text() == "王丽 · Owner · 悦容美学馆"


@pytest.mark.parametrize(("key", "page_type"), [
    ("staff", StaffPage), ("settings", SettingsPage), ("about", AboutPage)])
def test_each_page_opens_from_the_sidebar(qtbot, ctx, key, page_type):
    window = show(qtbot, ctx)
    row = next(i for i, s in enumerate(window.specs) if s.key == key)
    window.sidebar.setCurrentRow(row)
    current = window.stack.currentWidget()
    assert isinstance(current, page_type)
    assert current.objectName() == f"page_{key}"
    assert current.isVisible()


def test_owner_sees_the_staff_and_can_edit(qtbot, ctx):
    window = show(qtbot, ctx)
    page = window.open_page("staff")
    assert page.add_button.isVisible() and page.edit_button.isVisible()
    assert page.model.rowCount() == 1
    assert page.model.row_at(0).login == "boss"
    settings = window.open_page("settings")
    assert settings.backup_button.isEnabled() and settings.restore_button.isVisible()


def test_front_desk_sees_no_edit_buttons(qtbot, desk_ctx):
    window = show(qtbot, desk_ctx)
    page = window.open_page("staff")
    assert page.isVisible()
    assert not page.add_button.isVisible()
    assert not page.edit_button.isVisible()
    assert page.model.rowCount() == 2  # may look the staff up, not change them
    settings = window.open_page("settings")
    assert not settings.restore_button.isVisible()
    assert window.who.text() == "陈小雨 · Front desk · 悦容美学馆"


def test_front_desk_double_click_opens_no_dialog(qtbot, desk_ctx):
    window = show(qtbot, desk_ctx)
    page = window.open_page("staff")
    page.table.selectRow(0)
    page.edit_selected()  # would block in a modal dialog if it opened one
    assert QApplication.activeModalWidget() is None


def test_switching_to_chinese_translates_the_window(qtbot, ctx):
    window = show(qtbot, ctx)
    settings = window.open_page("settings")
    settings.language.setCurrentIndex(settings.language.findData("zh_CN"))
    qtbot.waitUntil(lambda: "员工与角色" in sidebar_texts(window))
    assert {"员工与角色", "设置", "关于"} <= set(sidebar_texts(window))
    assert window.menu_file.title() == "文件(&F)"
    assert window.who.text() == "王丽 · 老板 · 悦容美学馆"
    assert ctx.settings.language == "zh_CN"
    # The page was rebuilt in the new language and the same page is still shown.
    rebuilt = window.stack.currentWidget()
    assert isinstance(rebuilt, SettingsPage) and rebuilt is not settings
    assert rebuilt.title.text() == "设置"
    assert rebuilt.language.currentData() == "zh_CN"


def test_log_out_is_asked_for_by_the_menu(qtbot, ctx):
    window = show(qtbot, ctx)
    assert window.act_logout.shortcut().toString() == "Ctrl+L"
    with qtbot.waitSignal(window.logout_requested):
        window.act_logout.trigger()


def test_window_geometry_is_remembered(qtbot, ctx, ui_settings):
    window = show(qtbot, ctx)
    # Only the height is compared: the offscreen screen is 800x600 and restoring clamps to it,
    # and the width cannot go below the widest page's minimum.
    assert window.height() != 500  # a first start has the default size
    window.resize(window.width(), 500)
    window.close()
    again = show(qtbot, ctx)
    assert again.height() == 500


def test_every_page_of_the_sidebar_opens_for_the_owner(qtbot, ctx):
    from opsdesk.ui.main_window import PAGES

    window = show(qtbot, ctx)
    assert [s.key for s in window.specs] == [s.key for s in PAGES]
    for row, spec in enumerate(window.specs):
        window.sidebar.setCurrentRow(row)
        current = window.stack.currentWidget()
        assert current.objectName() == f"page_{spec.key}"
        assert current.isVisible()
