"""Staff & Roles: who works here, in which department and role; add, edit, deactivate."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opsdesk.domain.errors import OpsError
from opsdesk.domain.roles import Permission
from opsdesk.services import staff as staff_service
from opsdesk.ui.context import AppContext
from opsdesk.ui.messages import message_for
from opsdesk.ui.models.staff_table import StaffTableModel
from opsdesk.ui.pages.staff.dialog import StaffDialog


class StaffPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.title = QLabel()
        self.title.setObjectName("page_title")
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.model = StaffTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("staff_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        # Two-character Chinese headers (姓名, 师傅) would otherwise leave columns cramped.
        header.setMinimumSectionSize(84)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setAlternatingRowColors(True)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.add_button = QPushButton()
        self.add_button.setObjectName("add_staff")
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("edit_staff")
        self.edit_button.clicked.connect(self.edit_selected)
        can_manage = ctx.actor.can(Permission.STAFF_MANAGE)
        self.add_button.setVisible(can_manage)
        self.edit_button.setVisible(can_manage)
        self.handover_button = QPushButton()
        self.handover_button.setObjectName("handover")
        self.handover_button.clicked.connect(lambda: self.hand_over_selected())
        self.handover_button.setVisible(ctx.actor.can(Permission.HANDOVER))
        if can_manage:
            QShortcut(QKeySequence("Ctrl+N"), self, activated=self.add)
        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addStretch()
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.handover_button)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #57606f;")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 14, 18, 14)
        lay.addLayout(bar)
        lay.addWidget(self.note)
        lay.addWidget(self.table, 1)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff & Roles"))
        self.add_button.setText(self.tr("&Add person…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.handover_button.setText(self.tr("&Hand over…"))
        self.note.setText(self.tr(
            "Owner: everything. Manager: plans, follow-ups, assessments and staff (not pay "
            "runs). Front desk: members, top-ups, sales and visits, never pay. Sales: own "
            "visits, follow-ups and targets. Nobody is deleted: a person who leaves is marked "
            "as left and keeps their history."))

    def refresh(self) -> None:
        try:
            rows = staff_service.list_staff(self.ctx.db, self.ctx.actor)
        except OpsError as e:
            QMessageBox.warning(self, self.tr("Staff"), message_for(e))
            return
        self.model.set_rows(rows)

    def _departments(self) -> list[staff_service.DepartmentRow]:
        return staff_service.list_departments(self.ctx.db, self.ctx.actor)

    def add(self) -> None:
        dlg = StaffDialog(self.ctx, self._departments(), self.model_rows(), None, self)
        if dlg.exec():
            self.refresh()

    def edit_selected(self) -> None:
        if not self.ctx.actor.can(Permission.STAFF_MANAGE):
            return
        sel = self.table.selectionModel().selectedRows()
        if not sel:
            QMessageBox.information(self, self.tr("Staff"), self.tr("Select a person first."))
            return
        row = self.model.row_at(sel[0].row())
        dlg = StaffDialog(self.ctx, self._departments(), self.model_rows(), row, self)
        if dlg.exec():
            self.refresh()
            self._offer_handover(row)

    def _offer_handover(self, before: staff_service.StaffRow) -> None:
        """Someone just made inactive or given a leaving date: their customers need a new owner."""
        after = next((r for r in self.model_rows() if r.id == before.id), None)
        if after is None or not self.ctx.actor.can(Permission.HANDOVER):
            return
        leaving = (before.active and not after.active) or (
            before.leave_date is None and after.leave_date is not None)
        if not leaving:
            return
        answer = QMessageBox.question(
            self, self.tr("Hand over"),
            self.tr("%1 is leaving. Hand their customers and open follow-ups over to "
                    "colleagues now?").replace("%1", after.name))
        if answer == QMessageBox.StandardButton.Yes:
            self.hand_over(after.id)

    def hand_over_selected(self) -> None:
        sel = self.table.selectionModel().selectedRows()
        if not sel:
            QMessageBox.information(self, self.tr("Staff"), self.tr("Select a person first."))
            return
        self.hand_over(self.model.row_at(sel[0].row()).id)

    def hand_over(self, staff_id: int) -> None:
        from opsdesk.ui.pages.sales_process.handover import HandoverDialog

        HandoverDialog(self.ctx, staff_id, self).exec()

    def model_rows(self) -> list[staff_service.StaffRow]:
        return [self.model.row_at(i) for i in range(self.model.rowCount())]

    def select_login(self, login: str) -> None:
        for i in range(self.model.rowCount()):
            if self.model.row_at(i).login == login:
                self.table.selectRow(i)
                self.table.scrollTo(self.model.index(i, 0))
                return
