"""The login window on a real store: the right PIN opens the main window, a wrong one is refused
beside the field, and five wrong ones lock the person out for a minute."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from opsdesk.db import clock
from opsdesk.ui import i18n
from opsdesk.ui.login import LoginWindow
from opsdesk.ui.main_window import MainWindow

T0 = datetime(2025, 3, 14, 10, 0, 0)
WRONG = "User name or PIN/password is wrong."


@pytest.fixture
def login(qtbot, start_flow, store, db_path):  # noqa: ANN001, ANN201
    """The flow started on a store's file, with the login window ready to take a PIN."""
    flow = start_flow(db_path)
    window = flow.login_window
    assert isinstance(window, LoginWindow)
    qtbot.waitUntil(window.ok.isEnabled)
    return flow, window


def attempt(qtbot, window: LoginWindow, name: str, secret: str) -> None:  # noqa: ANN001
    window.login.clear()
    window.secret.clear()
    qtbot.keyClicks(window.login, name)
    qtbot.keyClicks(window.secret, secret)
    qtbot.keyClick(window.secret, Qt.Key.Key_Return)


def test_login_window_shows_the_store_before_it_is_open(qtbot, start_flow, store, db_path):
    flow = start_flow(db_path)
    window = flow.login_window
    # Read straight from the file, so the title is right from the first paint.
    assert window.heading.text() == "悦容美学馆"
    assert window.isVisible()
    qtbot.waitUntil(window.ok.isEnabled)
    assert window.status.text() == ""


def test_correct_pin_opens_the_main_window(qtbot, login, ui_settings):
    flow, window = login
    with qtbot.waitSignal(flow.main_window_shown) as shown:
        attempt(qtbot, window, "boss", "2468")
    main = shown.args[0]
    assert isinstance(main, MainWindow) and main.isVisible()
    assert main.ctx.actor.name == "王丽"
    assert main.windowTitle() == "OpsDesk — 悦容美学馆"
    assert flow.login_window is None
    assert ui_settings.last_login == "boss"


def test_wrong_pin_is_shown_beside_the_field(qtbot, login):
    flow, window = login
    attempt(qtbot, window, "boss", "1111")
    assert window.form.field_error("secret") == WRONG
    assert window.isVisible() and flow.main_window is None
    # The user name stays; the PIN is selected so the next try simply overwrites it.
    assert window.login.text() == "boss"
    assert window.secret.selectedText() == "1111"


def test_unknown_user_gets_the_same_message(qtbot, login):
    _flow, window = login
    attempt(qtbot, window, "nobody", "2468")
    assert window.form.field_error("secret") == WRONG


def test_five_wrong_pins_lock_for_a_minute(qtbot, login):
    flow, window = login
    with clock.frozen(T0):
        for _ in range(4):
            attempt(qtbot, window, "boss", "1111")
            assert window.form.field_error("secret") == WRONG
        attempt(qtbot, window, "boss", "1111")
        assert window.form.field_error("secret") == (
            "Too many wrong attempts. This user is locked; try again in 60 seconds.")
    with clock.frozen(T0 + timedelta(seconds=30)):
        attempt(qtbot, window, "boss", "2468")  # right PIN, but still locked
        assert window.form.field_error("secret") == (
            "Too many wrong attempts. This user is locked; try again in 30 seconds.")
        assert flow.main_window is None
    with clock.frozen(T0 + timedelta(seconds=61)), qtbot.waitSignal(flow.main_window_shown):
        attempt(qtbot, window, "boss", "2468")
    assert flow.main_window is not None


def test_lock_message_in_chinese(qtbot, qapp, login, resources):
    _flow, window = login
    i18n.install(qapp, "zh_CN", resources)
    qtbot.waitUntil(lambda: window.ok.text() == "登录(&L)")
    with clock.frozen(T0):
        for _ in range(5):
            attempt(qtbot, window, "boss", "1111")
    assert window.form.field_error("secret") == "错误次数过多，该用户已被锁定，请 60 秒后再试。"


def test_quit_closes_without_logging_in(qtbot, login):
    flow, window = login
    assert window.quit.text() == "&Quit"
    qtbot.mouseClick(window.quit, Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    assert flow.main_window is None
    assert flow.app.codes == [0]
