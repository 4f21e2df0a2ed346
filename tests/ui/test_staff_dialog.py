"""Adding a person from the keyboard: Tab moves through the fields in order, Enter saves, Esc
cancels; bad input is shown beside its field, keeps what was typed and writes nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from opsdesk.domain.roles import Role
from opsdesk.services import staff as staff_service
from opsdesk.ui.context import AppContext
from opsdesk.ui.pages.staff.dialog import StaffDialog


def open_dialog(qtbot, ctx: AppContext, current=None) -> StaffDialog:  # noqa: ANN001
    departments = staff_service.list_departments(ctx.db, ctx.actor)
    colleagues = staff_service.list_staff(ctx.db, ctx.actor)
    dlg = StaffDialog(ctx, departments, colleagues, current)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def logins(ctx: AppContext) -> list[str]:
    return sorted(r.login for r in staff_service.list_staff(ctx.db, ctx.actor))


def tab(qtbot, dlg: StaffDialog) -> None:  # noqa: ANN001
    qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Tab)


def test_tab_order_follows_the_form(qtbot, ctx):
    dlg = open_dialog(qtbot, ctx)
    assert dlg.focusWidget() is dlg.name
    order = [dlg.name]
    for _ in range(4):
        tab(qtbot, dlg)
        order.append(dlg.focusWidget())
    assert order == [dlg.name, dlg.login, dlg.role, dlg.department, dlg.position]


def test_add_a_person_with_the_keyboard(qtbot, ctx):
    dlg = open_dialog(qtbot, ctx)
    assert dlg.windowTitle() == "Add person"
    qtbot.keyClicks(dlg.name, "Chen Yu")
    tab(qtbot, dlg)
    qtbot.keyClicks(dlg.focusWidget(), "chen")
    tab(qtbot, dlg)
    assert dlg.focusWidget() is dlg.role
    # Pick the role by typing its first letter, as at a till.
    qtbot.keyClicks(dlg.role, "F")
    assert dlg.role.currentData() == Role.FRONT_DESK.value
    qtbot.keyClicks(dlg.secret, "1357")
    qtbot.keyClicks(dlg.repeat, "1357")
    with qtbot.waitSignal(dlg.accepted):
        qtbot.keyClick(dlg.repeat, Qt.Key.Key_Return)
    assert dlg.result() == QDialog.DialogCode.Accepted
    added = next(r for r in staff_service.list_staff(ctx.db, ctx.actor) if r.login == "chen")
    assert (added.name, added.role, added.active) == ("Chen Yu", Role.FRONT_DESK, True)


def test_bad_input_is_shown_beside_the_fields_and_nothing_is_written(qtbot, ctx):
    dlg = open_dialog(qtbot, ctx)
    qtbot.keyClicks(dlg.name, "Chen Yu")
    qtbot.keyClicks(dlg.login, "boss")  # taken by the owner
    qtbot.keyClicks(dlg.secret, "12")
    qtbot.keyClicks(dlg.repeat, "12")
    qtbot.keyClick(dlg.repeat, Qt.Key.Key_Return)
    assert dlg.isVisible() and dlg.result() == 0
    assert dlg.form.field_error("login") == "Another person already uses this user name."
    assert dlg.form.field_error("secret") == "A PIN has 4 to 12 digits."
    assert dlg.form.field_error("name") == ""
    assert (dlg.name.text(), dlg.login.text(), dlg.secret.text()) == ("Chen Yu", "boss", "12")
    assert logins(ctx) == ["boss"]

    # Fixing the two fields is enough; the errors go away on the next try.
    dlg.login.setText("chen")
    dlg.secret.setText("1357")
    dlg.repeat.setText("1357")
    with qtbot.waitSignal(dlg.accepted):
        qtbot.keyClick(dlg.repeat, Qt.Key.Key_Return)
    assert logins(ctx) == ["boss", "chen"]


def test_differing_repeat_is_shown_beside_it(qtbot, ctx):
    dlg = open_dialog(qtbot, ctx)
    qtbot.keyClicks(dlg.name, "Chen Yu")
    qtbot.keyClicks(dlg.login, "chen")
    qtbot.keyClicks(dlg.secret, "1357")
    qtbot.keyClicks(dlg.repeat, "1358")
    qtbot.keyClick(dlg.repeat, Qt.Key.Key_Return)
    assert dlg.form.field_error("repeat") == "The two entries differ."
    assert logins(ctx) == ["boss"]


def test_escape_cancels_and_writes_nothing(qtbot, ctx):
    dlg = open_dialog(qtbot, ctx)
    qtbot.keyClicks(dlg.name, "Chen Yu")
    qtbot.keyClicks(dlg.login, "chen")
    qtbot.keyClicks(dlg.secret, "1357")
    qtbot.keyClicks(dlg.repeat, "1357")
    with qtbot.waitSignal(dlg.rejected):
        qtbot.keyClick(dlg.name, Qt.Key.Key_Escape)
    assert dlg.result() == QDialog.DialogCode.Rejected
    assert logins(ctx) == ["boss"]


def test_edit_keeps_the_pin_when_left_empty(qtbot, ctx):
    from opsdesk.services import auth

    row = staff_service.create_staff(ctx.db, ctx.actor, staff_service.StaffInput(
        name="Chen Yu", login="chen", role=Role.SALES, secret="1357"))
    dlg = open_dialog(qtbot, ctx, row)
    assert dlg.windowTitle() == "Edit person"
    assert dlg.secret.placeholderText() == "leave empty to keep the current one"
    assert dlg.login.text() == "chen"
    dlg.position.setEditText("Consultant")
    with qtbot.waitSignal(dlg.accepted):
        qtbot.keyClick(dlg.position, Qt.Key.Key_Return)
    assert auth.login(ctx.db, "chen", "1357").name == "Chen Yu"
    edited = next(r for r in staff_service.list_staff(ctx.db, ctx.actor) if r.login == "chen")
    assert edited.position == "Consultant"
