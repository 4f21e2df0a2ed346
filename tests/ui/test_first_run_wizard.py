"""First run on a new database file: the wizard creates the store and the owner, refuses bad input
beside the fields without losing what was typed, and writes nothing until the input is good."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QWizard

from opsdesk.db.opening import open_database
from opsdesk.services import auth, setup
from opsdesk.ui.first_run import FirstRunWizard
from opsdesk.ui.startup import Startup


def type_text(qtbot, widget: QLineEdit, text: str) -> None:  # noqa: ANN001
    """Type like a person: ASCII through qtbot, other characters as key events carrying text
    (``keyClicks`` cannot send non-ASCII)."""
    widget.setFocus()
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                               Qt.KeyboardModifier.NoModifier)


def open_wizard(qtbot, start_flow, path: Path) -> tuple[Startup, FirstRunWizard]:  # noqa: ANN001
    flow = start_flow(path)
    assert isinstance(flow.wizard, FirstRunWizard)
    qtbot.waitUntil(lambda: flow.db is not None)  # the schema is created in the background
    return flow, flow.wizard


def finish(wizard: FirstRunWizard) -> None:
    wizard.button(QWizard.WizardButton.FinishButton).click()


def test_new_file_opens_the_wizard_on_the_welcome_page(qtbot, start_flow, tmp_path):
    flow = start_flow(tmp_path / "new.sqlite")
    assert flow.wizard is not None and flow.wizard.isVisible()
    assert flow.login_window is None
    assert flow.wizard.currentPage() is flow.wizard.welcome
    assert flow.wizard.windowTitle() == "Set up OpsDesk"


def test_owner_creates_the_store_and_gets_the_login(qtbot, start_flow, tmp_path):
    path = tmp_path / "new.sqlite"
    flow, wizard = open_wizard(qtbot, start_flow, path)
    wizard.next()
    assert wizard.currentPage() is wizard.store
    type_text(qtbot, wizard.store.store_name, "悦容美学馆")
    wizard.store.country.setCurrentIndex(wizard.store.country.findData("CN"))
    assert wizard.store.currency.currentData() == "CNY"
    wizard.next()
    assert wizard.currentPage() is wizard.owner
    type_text(qtbot, wizard.owner.owner_name, "王丽")
    type_text(qtbot, wizard.owner.owner_login, "boss")
    type_text(qtbot, wizard.owner.owner_secret, "2468")
    type_text(qtbot, wizard.owner.repeat, "2468")
    with qtbot.waitSignal(wizard.accepted):
        finish(wizard)
    assert flow.wizard is None
    opened = open_database(path)
    try:
        stores = setup.list_stores(opened.db)
        assert [(s.name, s.currency, s.country) for s in stores] == [("悦容美学馆", "CNY", "CN")]
        actor = auth.login(opened.db, "boss", "2468")
        assert actor.name == "王丽"
    finally:
        opened.db.dispose()


def test_login_window_follows_the_wizard(qtbot, start_flow, tmp_path, ui_settings):
    flow = start_flow(tmp_path / "new.sqlite")
    qtbot.waitUntil(lambda: flow.db is not None)
    wizard = flow.wizard
    wizard.next()
    wizard.store.store_name.setText("Tea House")
    wizard.next()
    wizard.owner.owner_name.setText("Li Hua")
    wizard.owner.owner_login.setText("Boss")
    wizard.owner.owner_secret.setText("2468")
    wizard.owner.repeat.setText("2468")
    finish(wizard)
    assert flow.wizard is None
    login = flow.login_window
    assert login is not None and login.isVisible()
    assert login.heading.text() == "Tea House"
    assert login.ok.isEnabled()
    assert ui_settings.last_login == "boss"  # the login is remembered for the next start


def test_bad_input_is_shown_beside_the_fields_and_nothing_is_written(qtbot, start_flow, tmp_path):
    flow, wizard = open_wizard(qtbot, start_flow, tmp_path / "new.sqlite")
    wizard.next()
    wizard.store.store_name.setText("   ")
    wizard.next()
    type_text(qtbot, wizard.owner.owner_name, "王丽")
    type_text(qtbot, wizard.owner.owner_login, "a b")
    type_text(qtbot, wizard.owner.owner_secret, "12")
    type_text(qtbot, wizard.owner.repeat, "12")
    finish(wizard)

    assert wizard.isVisible() and wizard.result() == 0
    assert wizard.currentPage() is wizard.owner
    owner_form = wizard.owner.form
    assert owner_form.field_error("owner_login") == (
        "Use letters, digits, dots, dashes or underscores only (no spaces).")
    assert owner_form.field_error("owner_secret") == "A PIN has 4 to 12 digits."
    assert owner_form.field_error("owner_name") == ""
    assert wizard.store.form.field_error("store_name") == "This field is required."
    # What was typed stays, so only the bad parts need retyping.
    assert wizard.owner.owner_name.text() == "王丽"
    assert wizard.owner.owner_login.text() == "a b"
    assert wizard.owner.owner_secret.text() == "12"
    assert not setup.has_store(flow.db)


def test_store_error_alone_goes_back_to_the_store_page(qtbot, start_flow, tmp_path):
    flow, wizard = open_wizard(qtbot, start_flow, tmp_path / "new.sqlite")
    wizard.next()
    wizard.next()
    wizard.owner.owner_name.setText("Li Hua")
    wizard.owner.owner_login.setText("boss")
    wizard.owner.owner_secret.setText("2468")
    wizard.owner.repeat.setText("2468")
    finish(wizard)
    assert wizard.currentPage() is wizard.store
    assert wizard.store.form.field_error("store_name") == "This field is required."
    assert not setup.has_store(flow.db)

    wizard.store.store_name.setText("Tea House")
    wizard.next()
    assert wizard.owner.owner_login.text() == "boss"
    with qtbot.waitSignal(wizard.accepted):
        finish(wizard)
    assert setup.has_store(flow.db)


def test_differing_repeat_is_refused_before_anything_is_checked(qtbot, start_flow, tmp_path):
    flow, wizard = open_wizard(qtbot, start_flow, tmp_path / "new.sqlite")
    wizard.next()
    wizard.store.store_name.setText("Tea House")
    wizard.next()
    wizard.owner.owner_name.setText("Li Hua")
    wizard.owner.owner_login.setText("boss")
    wizard.owner.owner_secret.setText("2468")
    wizard.owner.repeat.setText("2469")
    finish(wizard)
    assert wizard.owner.form.field_error("repeat") == "The two entries differ."
    assert wizard.owner.repeat.hasFocus() or wizard.focusWidget() is wizard.owner.repeat
    assert not setup.has_store(flow.db)


def test_choosing_chinese_translates_the_wizard_at_once(qtbot, start_flow, tmp_path, ui_settings):
    flow, wizard = open_wizard(qtbot, start_flow, tmp_path / "new.sqlite")
    wizard.welcome.language.setCurrentIndex(wizard.welcome.language.findData("zh_CN"))
    # The LanguageChange event is posted, so the texts change on the next turn of the loop.
    qtbot.waitUntil(lambda: wizard.windowTitle() == "设置 OpsDesk")
    assert wizard.welcome.title() == "欢迎使用 OpsDesk"
    assert wizard.store.country.itemText(wizard.store.country.findData("CN")) == "中国大陆"
    # Qt's own words (the wizard's buttons) come from qtbase_zh_CN.qm.
    assert wizard.button(QWizard.WizardButton.NextButton).text().startswith("下一步")
    assert ui_settings.language == "zh_CN"

