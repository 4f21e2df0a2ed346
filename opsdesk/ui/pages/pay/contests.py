"""A new PK contest (seed 004): what it counts, its days, who takes part (people, or people in
teams) and the prizes by rank. Owner and manager (``contests.manage``); the leaderboard of the
Pay page shows it at once."""

from __future__ import annotations

import re
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from opsdesk.domain.errors import OpsError, ValidationError
from opsdesk.domain.money import currency, parse_money
from opsdesk.services import contests
from opsdesk.services import staff as staff_service
from opsdesk.ui.context import AppContext
from opsdesk.ui.widgets.form import ErrorForm


class ContestDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contest_dialog")
        self.ctx = ctx
        self.cur = currency(ctx.store.currency)
        self.created_id: int | None = None
        self.form = ErrorForm()
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setMaxLength(60)
        self.metric = QComboBox()
        self.metric.setObjectName("metric")
        for m, text in ((contests.Metric.DEALS, self.tr("Deals")),
                        (contests.Metric.REVENUE, self.tr("Revenue")),
                        (contests.Metric.VISITS, self.tr("Visits")),
                        (contests.Metric.NEW_MEMBERS, self.tr("New members"))):
            self.metric.addItem(text, m.value)
        today = date.today()
        self.date_from = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_from.setObjectName("date_from")
        self.date_from.setCalendarPopup(True)
        self.date_from.setDisplayFormat("yyyy-MM-dd")
        end = today + timedelta(days=13)
        self.date_to = QDateEdit(QDate(end.year, end.month, end.day))
        self.date_to.setObjectName("date_to")
        self.date_to.setCalendarPopup(True)
        self.date_to.setDisplayFormat("yyyy-MM-dd")
        self.teams = QCheckBox()
        self.teams.setObjectName("teams")
        self.people = QTableWidget(0, 2)
        self.people.setObjectName("participants")
        self.people.setHorizontalHeaderLabels([self.tr("Takes part"), self.tr("Team")])
        self.people.verticalHeader().hide()
        self.people.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.people.setMinimumHeight(170)
        for p in staff_service.list_staff(ctx.db, ctx.actor, include_inactive=False):
            if p.role.value == "owner":
                continue
            r = self.people.rowCount()
            self.people.insertRow(r)
            it = QTableWidgetItem(p.name)
            it.setData(Qt.ItemDataRole.UserRole, p.id)
            it.setFlags((it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                        & ~Qt.ItemFlag.ItemIsEditable)
            it.setCheckState(Qt.CheckState.Checked if p.role.value == "sales"
                             else Qt.CheckState.Unchecked)
            self.people.setItem(r, 0, it)
            self.people.setItem(r, 1, QTableWidgetItem(""))
        self.prizes = QLineEdit()
        self.prizes.setObjectName("prizes")
        self.caps = {key: self.form.add_row(key, w) for key, w in (
            ("name", self.name), ("metric", self.metric), ("date_from", self.date_from),
            ("date_to", self.date_to), ("teams", self.teams), ("participants", self.people),
            ("prizes", self.prizes))}
        self.teams.toggled.connect(lambda on: self.people.setColumnHidden(1, not on))
        self.people.setColumnHidden(1, True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.form)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate()
        self.name.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New PK contest"))
        texts = {"name": self.tr("&Name"), "metric": self.tr("&Counts"),
                 "date_from": self.tr("&From"), "date_to": self.tr("&To"),
                 "teams": self.tr("Teams"), "participants": self.tr("&Participants"),
                 "prizes": self.tr("P&rizes by rank")}
        for key, text in texts.items():
            self.caps[key].setText(text)
        self.teams.setText(self.tr("Teams compete (type each person's team)"))
        self.prizes.setPlaceholderText(self.tr("1st, 2nd, 3rd…  e.g. 500, 300, 100"))
        self.name.setPlaceholderText(self.tr("e.g. Two-week deals PK"))

    def set_participant(self, name: str, on: bool, team: str = "") -> None:
        for r in range(self.people.rowCount()):
            if self.people.item(r, 0).text() == name:
                self.people.item(r, 0).setCheckState(
                    Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                self.people.item(r, 1).setText(team)
                return
        raise LookupError(name)

    def participants(self) -> list[tuple[int, str]]:
        out = []
        for r in range(self.people.rowCount()):
            it = self.people.item(r, 0)
            if it.checkState() == Qt.CheckState.Checked:
                team = self.people.item(r, 1).text().strip() if self.teams.isChecked() else ""
                out.append((int(it.data(Qt.ItemDataRole.UserRole)), team))
        return out

    def prize_amounts(self) -> list[int]:
        parts = [p for p in re.split(r"[,，、;；\s]+", self.prizes.text().strip()) if p]
        try:
            return [parse_money(p, self.cur, field="prizes") for p in parts]
        except ValidationError as e:
            e.field = "prizes"
            raise

    @staticmethod
    def _date(w: QDateEdit) -> date:
        d = w.date()
        return date(d.year(), d.month(), d.day())

    def save(self) -> None:
        self.form.clear_errors()
        try:
            prizes = self.prize_amounts()
            data = contests.ContestInput(
                name=self.name.text(), metric=self.metric.currentData(),
                date_from=self._date(self.date_from), date_to=self._date(self.date_to),
                participants=self.participants(), prizes=prizes,
                teams=self.teams.isChecked())
            self.created_id = contests.create_contest(self.ctx.db, self.ctx.actor, data)
        except OpsError as e:
            self.form.show_error(e)
            return
        self.accept()


def fill_contest_box(box: QComboBox, ctx: AppContext, select: int | None = None) -> None:
    box.blockSignals(True)
    box.clear()
    for c in contests.list_contests(ctx.db, ctx.actor):
        box.addItem(f"{c.name} ({c.date_from:%Y-%m-%d} – {c.date_to:%Y-%m-%d})", c.id)
    box.blockSignals(False)
    i = box.findData(select) if select is not None else 0
    box.setCurrentIndex(max(i, 0))
    box.currentIndexChanged.emit(box.currentIndex())


def add_new_contest_button(page) -> QPushButton:  # noqa: ANN001
    """Put "New contest…" above the Pay page's leaderboard."""
    btn = QPushButton(QCoreApplication.translate("PayPage", "&New contest…"))
    btn.setObjectName("new_contest")
    holder = page.contest_box.parentWidget()
    lay = holder.layout()
    row = QHBoxLayout()
    lay.removeWidget(page.contest_box)
    row.addWidget(page.contest_box, 1)
    row.addWidget(btn)
    lay.insertLayout(0, row)

    def open_dialog() -> None:
        dlg = ContestDialog(page.ctx, page)
        page.contest_dialog = dlg
        dlg.accepted.connect(lambda: fill_contest_box(page.contest_box, page.ctx,
                                                      dlg.created_id))
        dlg.open()

    btn.clicked.connect(open_dialog)
    return btn
