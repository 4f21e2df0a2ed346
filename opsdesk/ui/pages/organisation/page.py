"""Organisation (员工组织): the departments (the method's three, renamable, and any added) and the
positions with their duties. Everyone with ``staff.view`` reads it; ``org.manage`` edits.
People (department, position, mentor, dates, role) are edited on the Staff page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from opsdesk.domain.errors import FieldErrors, OpsError
from opsdesk.domain.roles import Permission
from opsdesk.services import organisation
from opsdesk.services import staff as staff_service
from opsdesk.ui.context import AppContext
from opsdesk.ui.messages import message_for


def _item(text: str) -> QTableWidgetItem:
    it = QTableWidgetItem(text)
    it.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return it


def _table(name: str) -> QTableWidget:
    t = QTableWidget()
    t.setObjectName(name)
    t.verticalHeader().setVisible(False)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _error() -> QLabel:
    lab = QLabel()
    lab.setWordWrap(True)
    lab.setStyleSheet("color: #c62828;")
    return lab


class OrganisationPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.can_edit = ctx.actor.can(Permission.ORG_MANAGE)
        self.departments: list[staff_service.DepartmentRow] = []
        self.positions: list[organisation.PositionRow] = []
        title = QLabel(self.tr("Organisation"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        intro = QLabel(self.tr(
            "Three departments carry the plan: target assurance sells, plan tracking checks "
            "every day that the plan is done, logistics keeps the shop running. Each position "
            "has written duties. People are assigned on the Staff page."))
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #57606f;")

        # departments
        self.dept_table = _table("departments")
        self.dept_table.itemSelectionChanged.connect(self._dept_picked)
        self.dept_name = QLineEdit()
        self.dept_name.setObjectName("department_name")
        self.dept_name.setMaxLength(60)
        self.dept_save = QPushButton(self.tr("Save department"))
        self.dept_save.setObjectName("save_department")
        self.dept_save.clicked.connect(self.save_department)
        self.dept_new = QPushButton(self.tr("New department"))
        self.dept_new.setObjectName("new_department")
        self.dept_new.clicked.connect(self._new_department)
        self.dept_error = _error()
        dbox = QGroupBox(self.tr("Departments"))
        dl = QVBoxLayout(dbox)
        dl.addWidget(self.dept_table, 1)
        row = QHBoxLayout()
        lab = QLabel(self.tr("&Name"))
        lab.setBuddy(self.dept_name)
        row.addWidget(lab)
        row.addWidget(self.dept_name, 1)
        row.addWidget(self.dept_save)
        row.addWidget(self.dept_new)
        dl.addLayout(row)
        dl.addWidget(self.dept_error)

        # positions
        self.pos_table = _table("positions")
        self.pos_table.itemSelectionChanged.connect(self._pos_picked)
        self.pos_name = QLineEdit()
        self.pos_name.setObjectName("position_name")
        self.pos_name.setMaxLength(60)
        self.pos_dept = QComboBox()
        self.pos_dept.setObjectName("position_department")
        self.pos_duties = QPlainTextEdit()
        self.pos_duties.setObjectName("duties")
        self.pos_duties.setMaximumHeight(80)
        self.pos_active = QCheckBox(self.tr("In use"))
        self.pos_active.setObjectName("position_active")
        self.pos_active.setChecked(True)
        self.pos_save = QPushButton(self.tr("Save position"))
        self.pos_save.setObjectName("save_position")
        self.pos_save.clicked.connect(self.save_position)
        self.pos_new = QPushButton(self.tr("New position"))
        self.pos_new.setObjectName("new_position")
        self.pos_new.clicked.connect(self._new_position)
        self.pos_errors = {k: _error() for k in ("name", "department_id", "duties", "")}
        pbox = QGroupBox(self.tr("Positions and duties"))
        pl = QVBoxLayout(pbox)
        pl.addWidget(self.pos_table, 1)
        form = QFormLayout()
        for text, w, key in ((self.tr("N&ame"), self.pos_name, "name"),
                             (self.tr("&Department"), self.pos_dept, "department_id"),
                             (self.tr("D&uties"), self.pos_duties, "duties")):
            box = QVBoxLayout()
            box.addWidget(w)
            box.addWidget(self.pos_errors[key])
            lab = QLabel(text)
            lab.setBuddy(w)
            form.addRow(lab, box)
        form.addRow("", self.pos_active)
        pl.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.pos_save)
        buttons.addWidget(self.pos_new)
        pl.addLayout(buttons)
        pl.addWidget(self.pos_errors[""])

        for w in (self.dept_name, self.dept_save, self.dept_new, self.pos_name, self.pos_dept,
                  self.pos_duties, self.pos_active, self.pos_save, self.pos_new):
            w.setEnabled(self.can_edit)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 14, 18, 14)
        lay.addWidget(title)
        lay.addWidget(intro)
        body = QHBoxLayout()
        body.addWidget(dbox, 2)
        body.addWidget(pbox, 3)
        lay.addLayout(body, 1)
        self.reload()

    def reload(self) -> None:
        self.departments = staff_service.list_departments(self.ctx.db, self.ctx.actor)
        self.positions = organisation.list_positions(self.ctx.db, self.ctx.actor)
        t = self.dept_table
        t.setColumnCount(2)
        t.setHorizontalHeaderLabels([self.tr("Department"), self.tr("Positions")])
        t.setRowCount(len(self.departments))
        for r, d in enumerate(self.departments):
            t.setItem(r, 0, _item(d.name))
            t.setItem(r, 1, _item(", ".join(p.name for p in self.positions
                                            if p.department_id == d.id)))
        self.pos_dept.clear()
        self.pos_dept.addItem("", None)
        for d in self.departments:
            self.pos_dept.addItem(d.name, d.id)
        t = self.pos_table
        t.setColumnCount(4)
        t.setHorizontalHeaderLabels([self.tr("Position"), self.tr("Department"),
                                     self.tr("People"), self.tr("Duties")])
        t.setRowCount(len(self.positions))
        for r, p in enumerate(self.positions):
            name = p.name if p.active else self.tr("%1 (not in use)").replace("%1", p.name)
            t.setItem(r, 0, _item(name))
            t.setItem(r, 1, _item(p.department))
            t.setItem(r, 2, _item(str(p.people)))
            t.setItem(r, 3, _item(p.duties.replace("\n", " ")))

    # departments
    def _dept_picked(self) -> None:
        r = self.dept_table.currentRow()
        if 0 <= r < len(self.departments):
            self.dept_name.setText(self.departments[r].name)
        self.dept_error.setText("")

    def _new_department(self) -> None:
        self.dept_table.clearSelection()
        self.dept_table.setCurrentCell(-1, -1)
        self.dept_name.clear()
        self.dept_name.setFocus()

    def save_department(self) -> None:
        r = self.dept_table.currentRow()
        did = self.departments[r].id if 0 <= r < len(self.departments) and \
            self.dept_table.selectedItems() else None
        try:
            organisation.save_department(self.ctx.db, self.ctx.actor,
                                         organisation.DepartmentInput(self.dept_name.text(), did))
        except OpsError as e:
            self.dept_error.setText(message_for(e))
            return
        self.dept_error.setText("")
        self.reload()

    # positions
    def _pos_picked(self) -> None:
        r = self.pos_table.currentRow()
        if 0 <= r < len(self.positions):
            p = self.positions[r]
            self.pos_name.setText(p.name)
            self.pos_dept.setCurrentIndex(max(0, self.pos_dept.findData(p.department_id)))
            self.pos_duties.setPlainText(p.duties)
            self.pos_active.setChecked(p.active)
        for lab in self.pos_errors.values():
            lab.setText("")

    def _new_position(self) -> None:
        self.pos_table.clearSelection()
        self.pos_table.setCurrentCell(-1, -1)
        self.pos_name.clear()
        self.pos_duties.clear()
        self.pos_active.setChecked(True)
        self.pos_name.setFocus()

    def save_position(self) -> None:
        for lab in self.pos_errors.values():
            lab.setText("")
        r = self.pos_table.currentRow()
        existing = self.positions[r] if 0 <= r < len(self.positions) and \
            self.pos_table.selectedItems() else None
        data = organisation.PositionInput(
            self.pos_name.text(), self.pos_dept.currentData(), self.pos_duties.toPlainText(),
            existing.sort if existing else len(self.positions), self.pos_active.isChecked(),
            existing.id if existing else None)
        try:
            organisation.save_position(self.ctx.db, self.ctx.actor, data)
        except FieldErrors as e:
            for key, err in e.errors.items():
                self.pos_errors.get(key, self.pos_errors[""]).setText(message_for(err))
            return
        except OpsError as e:
            self.pos_errors.get(e.field or "", self.pos_errors[""]).setText(message_for(e))
            return
        self.reload()
