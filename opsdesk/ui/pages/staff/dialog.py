"""Add or edit one person. Enter saves, Esc cancels; errors appear beside their field and what
was typed stays in place."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from opsdesk.domain.errors import OpsError
from opsdesk.domain.roles import Role, may_assign
from opsdesk.services import staff as staff_service
from opsdesk.ui.context import AppContext
from opsdesk.ui.pages.staff.roles import role_name
from opsdesk.ui.widgets.dates import OptionalDateEdit
from opsdesk.ui.widgets.form import ErrorForm


class StaffDialog(QDialog):
    def __init__(self, ctx: AppContext, departments: list[staff_service.DepartmentRow],
                 colleagues: list[staff_service.StaffRow], current: staff_service.StaffRow | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staff_dialog")
        self.ctx, self.current = ctx, current
        self.form = ErrorForm()
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.login = QLineEdit()
        self.login.setObjectName("login")
        self.role = QComboBox()
        self.role.setObjectName("role")
        for r in Role:
            if may_assign(ctx.actor.role, r) or (current and current.role == r):
                self.role.addItem(role_name(r), r.value)
        self.department = QComboBox()
        self.department.setObjectName("department")
        self.department.addItem("—", None)
        for d in departments:
            self.department.addItem(d.name, d.id)
        # The posts of the Organisation page to pick from; the text stays free (the title on slips).
        self.position = QComboBox()
        self.position.setObjectName("position")
        self.position.setEditable(True)
        self.position.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # Enter saves the dialog
        self.position.addItem("", None)
        from opsdesk.services import organisation

        for p in organisation.list_positions(ctx.db, ctx.actor, include_inactive=False):
            self.position.addItem(p.name, p.id)
        self.mentor = QComboBox()
        self.mentor.setObjectName("mentor")
        self.mentor.addItem("—", None)
        for c in colleagues:
            if c.active and (current is None or c.id != current.id):
                self.mentor.addItem(c.name, c.id)
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.hire_date = OptionalDateEdit()
        self.hire_date.setObjectName("hire_date")
        self.leave_date = OptionalDateEdit()
        self.leave_date.setObjectName("leave_date")
        self.active = QCheckBox()
        self.active.setObjectName("active")
        self.active.setChecked(True)
        self.secret = QLineEdit()
        self.secret.setObjectName("secret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.caps = {key: self.form.add_row(key, w) for key, w in (
            ("name", self.name), ("login", self.login), ("role", self.role),
            ("department_id", self.department), ("position", self.position),
            ("mentor_id", self.mentor), ("phone", self.phone), ("hire_date", self.hire_date),
            ("leave_date", self.leave_date), ("active", self.active), ("secret", self.secret),
            ("repeat", self.repeat))}
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.form)
        lay.addWidget(self.buttons)
        if current is not None:
            self._load(current)
        else:
            self.hire_date.set_value(date.today())
        self.setMinimumWidth(460)
        self.retranslate()
        self.name.setFocus()

    def _load(self, r: staff_service.StaffRow) -> None:
        self.name.setText(r.name)
        self.login.setText(r.login)
        self.role.setCurrentIndex(max(0, self.role.findData(r.role.value)))
        self.department.setCurrentIndex(max(0, self.department.findData(r.department_id)))
        i = self.position.findData(r.position_id) if r.position_id else -1
        if i >= 0:
            self.position.setCurrentIndex(i)
        self.position.setEditText(r.position)
        self.mentor.setCurrentIndex(max(0, self.mentor.findData(r.mentor_id)))
        self.phone.setText(r.phone)
        self.hire_date.set_value(r.hire_date)
        self.leave_date.set_value(r.leave_date)
        self.active.setChecked(r.active)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit person") if self.current else self.tr("Add person"))
        texts = {
            "name": self.tr("&Name"), "login": self.tr("&User name"), "role": self.tr("&Role"),
            "department_id": self.tr("&Department"), "position": self.tr("&Position"),
            "mentor_id": self.tr("&Mentor"), "phone": self.tr("P&hone"),
            "hire_date": self.tr("&Hired on"), "leave_date": self.tr("&Left on"),
            "active": self.tr("Status"), "secret": self.tr("PI&N or password"),
            "repeat": self.tr("Repea&t"),
        }
        for key, text in texts.items():
            self.caps[key].setText(text)
        self.active.setText(self.tr("Active (can log in)"))
        if self.current:
            self.secret.setPlaceholderText(self.tr("leave empty to keep the current one"))

    def values(self) -> staff_service.StaffInput:
        return staff_service.StaffInput(
            name=self.name.text(), login=self.login.text(), role=Role(self.role.currentData()),
            department_id=self.department.currentData(), position=self.position.currentText(),
            position_id=self._position_id(),
            mentor_id=self.mentor.currentData(), phone=self.phone.text(),
            hire_date=self.hire_date.value(), leave_date=self.leave_date.value(),
            active=self.active.isChecked(), secret=self.secret.text() or None)

    def _position_id(self) -> int | None:
        i = self.position.findText(self.position.currentText().strip())
        return self.position.itemData(i) if i > 0 else None

    def save(self) -> None:
        self.form.clear_errors()
        if self.secret.text() != self.repeat.text():
            self.form.set_field_error("repeat", self.tr("The two entries differ."))
            self.repeat.setFocus()
            return
        try:
            if self.current is None:
                staff_service.create_staff(self.ctx.db, self.ctx.actor, self.values())
            else:
                staff_service.update_staff(self.ctx.db, self.ctx.actor, self.current.id,
                                           self.values())
        except OpsError as e:
            self.form.show_error(e, {"position_id": "position"})
            return
        self.accept()
