"""Registering a member on the demo store by keyboard alone, from F2 on the Members page to Enter;
Esc and every refused input leave the database byte for byte as it was and keep what was typed."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from opsdesk.domain.members import Source
from opsdesk.services import auth
from opsdesk.ui.pages.members.page import MembersPage
from opsdesk.ui.pages.members.register import RegisterDialog

AS_OF = date(2026, 11, 1)


@pytest.fixture
def db_path(demo_db_path: Path) -> Path:
    return demo_db_path


@pytest.fixture
def ctx(db, context_for):  # noqa: ANN001, ANN201
    return context_for(auth.login(db, "owner", "1234"))


def digest(path: Path) -> str:
    """Every row of every table, read past the application's own connection."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        h = hashlib.sha256()
        for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                    "ORDER BY name"):
            cols = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
            order = "id" if "id" in cols else ", ".join(f'"{c}"' for c in cols)
            h.update(table.encode())
            for row in con.execute(f'SELECT * FROM "{table}" ORDER BY {order}'):
                h.update(repr(row).encode())
        return h.hexdigest()
    finally:
        con.close()


def row_for_phone(path: Path, phone: str) -> dict | None:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    try:
        r = con.execute("SELECT * FROM customer WHERE phone = ?", (phone,)).fetchone()
        return dict(r) if r else None
    finally:
        con.close()


def type_text(w: QWidget, text: str) -> None:
    """Key events one character at a time: keyClicks refuses anything beyond ASCII."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, w, Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)


def focused() -> QWidget:
    w = QApplication.focusWidget()
    assert w is not None
    return w


def activate(qtbot, w: QWidget) -> None:  # noqa: ANN001
    # Window shortcuts (F2) and mnemonics (Alt+T) only reach the active window.
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)


def when_modal(parent: QWidget, cls: type, act: Callable[[QWidget], None]) -> QTimer:
    """Run ``act(dialog)`` once a modal ``cls`` is up: the page opens it with exec(), which
    does not return until the dialog is closed."""
    timer = QTimer(parent)
    timer.setInterval(5)

    def poll() -> None:
        dlg = QApplication.activeModalWidget()
        if isinstance(dlg, cls):
            timer.stop()
            act(dlg)

    timer.timeout.connect(poll)
    timer.start()
    return timer


@pytest.fixture
def page(qtbot, ctx):  # noqa: ANN001, ANN201
    p = MembersPage(ctx)
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)
    activate(qtbot, p)
    return p


def test_register_by_keyboard_alone(qtbot, page, db_path):
    staff_names = []
    before = row_for_phone(db_path, "13812345678")

    def fill(dlg: RegisterDialog) -> None:
        activate(qtbot, dlg)
        assert focused() is dlg.phone
        qtbot.keyClicks(dlg.phone, "+86 138-1234 5678")
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused() is dlg.name
        type_text(focused(), "张三")
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused() is dlg.gender
        qtbot.keyClick(focused(), Qt.Key.Key_Down)  # female is first; male next
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused() is dlg.birthday
        # The date field keeps Tab to itself (see test_birthday_can_be_typed_and_left_by_tab);
        # the caption's mnemonic goes on to the tier.
        qtbot.keyClick(focused(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
        assert focused() is dlg.tier
        qtbot.keyClick(focused(), Qt.Key.Key_Down)
        qtbot.keyClick(focused(), Qt.Key.Key_Down)  # 体验会员, then 银卡会员
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused() is dlg.source
        while dlg.source.currentData() != Source.PROMOTER.value:
            qtbot.keyClick(focused(), Qt.Key.Key_Down)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        # The referrer is only for member referrals; Tab passes it by.
        assert not dlg.referrer.isEnabled()
        assert focused() is dlg.staff
        qtbot.keyClick(focused(), Qt.Key.Key_Down)
        staff_names.append(dlg.staff.currentText())
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused() is dlg.notes
        type_text(focused(), "怕痒，喜欢上午来")
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    timer = when_modal(page, RegisterDialog, fill)
    qtbot.keyClick(page.search, Qt.Key.Key_F2)
    timer.stop()

    assert before is None
    row = row_for_phone(db_path, "13812345678")
    assert row is not None, "Enter did not save the member"
    assert row["name"] == "张三"
    assert row["gender"] == "m"
    assert row["tier_id"] == 2
    assert row["source"] == "promoter"
    assert row["notes"] == "怕痒，喜欢上午来"
    assert row["card_no"] == f"M{row['id']:06d}"
    assert row["pinyin_initials"].startswith("zs")
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    assert con.execute("SELECT name FROM staff WHERE id = ?", (row["staff_id"],)).fetchone()[0] \
        == staff_names[0]
    con.close()
    # The page then shows the new member, found by the phone.
    assert page.model.rowCount() == 1
    assert page.model.row_at(0).id == row["id"]


def test_escape_cancels_and_writes_nothing(qtbot, page, db_path):
    before = digest(db_path)
    closed = []

    def fill_then_escape(dlg: RegisterDialog) -> None:
        activate(qtbot, dlg)
        qtbot.keyClicks(dlg.phone, "13812345678")
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        type_text(focused(), "李四")
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)
        closed.append(dlg.result())

    timer = when_modal(page, RegisterDialog, fill_then_escape)
    qtbot.keyClick(page.search, Qt.Key.Key_F2)
    timer.stop()
    assert closed == [0]
    assert digest(db_path) == before
    assert row_for_phone(db_path, "13812345678") is None


def test_birthday_can_be_typed_and_left_by_tab(qtbot, ctx):
    dlg = RegisterDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    activate(qtbot, dlg)
    dlg.gender.setFocus()
    qtbot.keyClick(dlg.gender, Qt.Key.Key_Tab)
    assert focused() is dlg.birthday
    qtbot.keyClicks(dlg.birthday, "1990-05-03")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert dlg.birthday.value() == date(1990, 5, 3)
    assert focused() is dlg.tier


def test_birthday_that_is_no_date_is_said_beside_the_field(qtbot, ctx, db_path):
    dlg = RegisterDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.phone, "13812345679")
    dlg.name.setText("李四")
    qtbot.keyClicks(dlg.birthday, "1990-13-40")
    before = digest(db_path)
    dlg.save()
    assert dlg.isVisible()
    assert dlg.form.field_error("birthday")
    assert dlg.birthday.text() == "1990-13-40"
    assert digest(db_path) == before


# --- bad input ------------------------------------------------------------------------------


@pytest.fixture
def dialog(qtbot, ctx):  # noqa: ANN001, ANN201
    dlg = RegisterDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    activate(qtbot, dlg)
    return dlg


def fill_dialog(qtbot, dlg: RegisterDialog, phone: str, name: str) -> None:  # noqa: ANN001
    qtbot.keyClicks(dlg.phone, phone)
    dlg.name.setFocus()
    type_text(dlg.name, name)
    dlg.notes.setFocus()
    type_text(dlg.notes, "老客户介绍")


def press_enter_and_expect_refusal(qtbot, dlg: RegisterDialog, db_path: Path,  # noqa: ANN001
                                   before: str) -> None:
    qtbot.keyClick(dlg.notes, Qt.Key.Key_Return)
    assert dlg.isVisible(), "the dialog closed on a refused save"
    assert dlg.result() == 0
    assert dlg.result_ref is None
    assert digest(db_path) == before


@pytest.mark.parametrize(("phone", "message"), [
    ("138123", "The number has 6 digits; a mobile number here has 11."),
    ("010-6552 9988", "This is a landline number; enter a mobile number."),
    ("123 4567 8901", "No mobile number starts with 123; check the number."),
    ("138-1234-567a", "A phone number cannot contain “a”."),
])
def test_bad_phone_is_refused_beside_the_field(qtbot, dialog, db_path, phone, message):
    before = digest(db_path)
    fill_dialog(qtbot, dialog, phone, "王小明")
    press_enter_and_expect_refusal(qtbot, dialog, db_path, before)
    assert dialog.form.field_error("phone") == message
    assert dialog.form.field_error("name") == ""
    assert (dialog.phone.text(), dialog.name.text(), dialog.notes.text()) == \
        (phone, "王小明", "老客户介绍")
    assert dialog.focusWidget() is dialog.phone


def test_duplicate_phone_is_warned_while_typing_and_refused_on_save(qtbot, dialog, db_path):
    before = digest(db_path)
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    name, phone, card = con.execute(
        "SELECT name, phone, card_no FROM customer ORDER BY id LIMIT 1").fetchone()
    con.close()
    typed = f"+86 {phone[:3]} {phone[3:7]} {phone[7:]}"
    assert dialog.duplicate.isHidden()
    qtbot.keyClicks(dialog.phone, typed)
    qtbot.waitUntil(lambda: dialog.duplicate.isVisible())
    assert dialog.duplicate.text() == f"Already registered: {name} ({card})"
    dialog.name.setFocus()
    type_text(dialog.name, "重名客户")
    dialog.notes.setFocus()
    type_text(dialog.notes, "老客户介绍")
    press_enter_and_expect_refusal(qtbot, dialog, db_path, before)
    assert dialog.form.field_error("phone") == f"This phone number already belongs to {name}."
    assert (dialog.phone.text(), dialog.name.text()) == (typed, "重名客户")
    # Correcting the number takes the warning away again.
    dialog.phone.setFocus()
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: dialog.duplicate.isHidden())


@pytest.mark.parametrize(("name", "message"), [
    ("张三😀", "Emoji cannot be printed on cards and receipts; please leave them out."),
    ("\u202e张三", "Contains invisible direction-changing characters; please retype it."),
    ("Sam\u200fi", "Contains invisible direction-changing characters; please retype it."),
])
def test_bad_name_is_refused_beside_the_field(qtbot, dialog, db_path, name, message):
    before = digest(db_path)
    fill_dialog(qtbot, dialog, "139 0000 1111", name)
    assert dialog.name.text() == name
    press_enter_and_expect_refusal(qtbot, dialog, db_path, before)
    assert dialog.form.field_error("name") == message
    assert dialog.form.field_error("phone") == ""
    assert (dialog.phone.text(), dialog.name.text()) == ("139 0000 1111", name)
    assert dialog.focusWidget() is dialog.name


def test_several_bad_fields_are_all_marked_at_once(qtbot, dialog, db_path):
    before = digest(db_path)
    fill_dialog(qtbot, dialog, "010-6552 9988", "")
    press_enter_and_expect_refusal(qtbot, dialog, db_path, before)
    assert dialog.form.field_error("phone") == "This is a landline number; enter a mobile number."
    assert dialog.form.field_error("name") == "This field is required."
