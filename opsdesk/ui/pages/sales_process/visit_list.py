"""Visits (拜访记录): the visit log paged from the database, filtered by staff, customer, date range
and type (a salesperson sees their own; managers anyone's), and the team norms of seed 004 for
the same period: visits, effective visits, new customers developed, second follow-ups."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opsdesk.db import clock
from opsdesk.domain.errors import OpsError
from opsdesk.domain.roles import Permission
from opsdesk.services import staff as staff_service
from opsdesk.services import visits
from opsdesk.ui.context import AppContext
from opsdesk.ui.labels import STAGES, label
from opsdesk.ui.messages import message_for
from opsdesk.ui.models.paged_table import Column, Page, PagedTableModel
from opsdesk.ui.pages.members.referrer import MemberPicker
from opsdesk.ui.pages.sales_process.texts import VISIT_TYPES, name

Index = QModelIndex | QPersistentModelIndex



def visit_columns() -> list[Column]:
    def yes(flag: bool) -> str:
        return QCoreApplication.translate("VisitsPage", "yes") if flag else QCoreApplication.translate("VisitsPage", "no")

    return [
        Column(lambda: QCoreApplication.translate("VisitsPage", "When"), lambda r: r.at.strftime("%Y-%m-%d %H:%M")),
        Column(lambda: QCoreApplication.translate("VisitsPage", "Customer"), lambda r: r.customer_name),
        Column(lambda: QCoreApplication.translate("VisitsPage", "Staff"), lambda r: r.staff_name),
        Column(lambda: QCoreApplication.translate("VisitsPage", "Type"), lambda r: name(VISIT_TYPES, r.type)),
        Column(lambda: QCoreApplication.translate("VisitsPage", "Effective"), lambda r: yes(r.effective)),
        Column(lambda: QCoreApplication.translate("VisitsPage", "Follow-up again"), lambda r: yes(r.is_second_follow_up)),
        Column(lambda: QCoreApplication.translate("VisitsPage", "New stage"), lambda r: label(STAGES, r.new_stage) if r.new_stage
               else ""),
        Column(lambda: QCoreApplication.translate("VisitsPage", "Next follow-up"),
               lambda r: r.next_followup_on.isoformat() if r.next_followup_on else ""),
        Column(lambda: QCoreApplication.translate("VisitsPage", "Outcome"), lambda r: r.outcome),
        Column(lambda: QCoreApplication.translate("VisitsPage", "Note"), lambda r: r.note),
    ]


class NormsModel(QAbstractTableModel):
    """The seed 004 norms per staff member over a period (one row each, a total at the end)."""

    FIELDS = ("visits", "effective_visits", "new_customers", "second_follow_ups")

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._rows: list[visits.NormCounts] = []

    def set_rows(self, rows: list[visits.NormCounts]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[visits.NormCounts]:
        return list(self._rows)

    def _total(self) -> list[int]:
        return [sum(getattr(r, f) for r in self._rows) for f in self.FIELDS]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() or not self._rows:
            return 0
        return len(self._rows) + (1 if len(self._rows) > 1 else 0)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 1 + len(self.FIELDS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201, N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            names = (self.tr("Staff"), self.tr("Visits"), self.tr("Effective visits"),
                     self.tr("New customers developed"), self.tr("Second follow-ups"))
            return names[section] if 0 <= section < len(names) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        col = index.column()
        total = index.row() == len(self._rows)
        if role == Qt.ItemDataRole.DisplayRole:
            if total:
                return self.tr("Team") if col == 0 else str(self._total()[col - 1])
            r = self._rows[index.row()]
            return r.staff_name if col == 0 else str(getattr(r, self.FIELDS[col - 1]))
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and total:
            from PySide6.QtGui import QFont

            f = QFont()
            f.setBold(True)
            return f
        return None


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class VisitsPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.team = ctx.actor.can(Permission.VISITS_VIEW_TEAM)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.f_staff = QComboBox()
        self.f_staff.setObjectName("filter_staff")
        if self.team:
            self.f_staff.addItem("", None)
            for p in staff_service.list_staff(ctx.db, ctx.actor, include_inactive=True):
                self.f_staff.addItem(p.name, p.id)
        else:
            # Without the team's view there is one choice: one's own visits.
            self.f_staff.addItem(ctx.actor.name, ctx.actor.staff_id)
            self.f_staff.setEnabled(False)
        self.f_customer = MemberPicker(ctx)
        self.f_customer.setObjectName("filter_customer")
        self.f_customer.setMinimumWidth(200)
        self.f_customer.picked.connect(lambda _h: self.reload())
        self.f_type = QComboBox()
        self.f_type.setObjectName("filter_type")
        self.f_type.addItem("", None)
        for vt in visits.VisitType:
            self.f_type.addItem(name(VISIT_TYPES, vt), vt.value)
        day = clock.now().date()
        self.f_from = QDateEdit()
        self.f_from.setObjectName("date_from")
        self.f_to = QDateEdit()
        self.f_to.setObjectName("date_to")
        for w, d in ((self.f_from, day.replace(day=1)), (self.f_to, day)):
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
            w.setDate(_qdate(d))
            w.dateChanged.connect(lambda _d: self.reload())
        self.period = QComboBox()
        self.period.setObjectName("period")
        for key in ("month", "last_month", "week", "days30", "year"):
            self.period.addItem("", key)
        self.period.activated.connect(lambda _i: self.apply_period(self.period.currentData()))
        self.new_visit = QPushButton()
        self.new_visit.setObjectName("new_visit")
        self.new_visit.clicked.connect(self.log_visit)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.log_visit)
        QShortcut(QKeySequence("F5"), self, activated=self.reload)
        for w in (self.f_staff, self.f_type):
            w.currentIndexChanged.connect(lambda _i: self.reload())
        self.f_customer.textChanged.connect(self._customer_cleared)

        self.model = PagedTableModel(visit_columns(), self._fetch, self)
        self.table = QTableView()
        self.table.setObjectName("visit_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        h.setStretchLastSection(True)
        for i, width in enumerate((125, 90, 70, 80, 60, 80, 75, 95, 220)):
            h.resizeSection(i, width)
        self.norms = NormsModel(self)
        self.norms_table = QTableView()
        self.norms_table.setObjectName("norms_table")
        self.norms_table.setModel(self.norms)
        self.norms_table.verticalHeader().hide()
        self.norms_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        nh = self.norms_table.horizontalHeader()
        nh.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.norms_caption = QLabel()
        self.norms_caption.setStyleSheet("font-weight: 600;")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setStyleSheet("color: #57606f;")

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch()
        top.addWidget(self.new_visit)
        self.caps = [QLabel() for _ in range(5)]
        filters = QHBoxLayout()
        for cap, w in zip(self.caps, (self.f_staff, self.f_customer, self.f_type, self.f_from,
                                      self.f_to), strict=True):
            cap.setBuddy(w)
            filters.addWidget(cap)
            filters.addWidget(w)
        filters.addWidget(self.period)
        filters.addStretch()
        lower = QWidget()
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 6, 0, 0)
        ll.addWidget(self.norms_caption)
        ll.addWidget(self.norms_table)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 14, 18, 14)
        lay.addLayout(top)
        lay.addLayout(filters)
        lay.addWidget(split, 1)
        lay.addWidget(self.status)
        self.retranslate()
        self.reload()

    # --- filters and data -------------------------------------------------------------------
    def filters(self) -> visits.VisitFilters:
        hit = self.f_customer.hit
        return visits.VisitFilters(
            staff_id=self.f_staff.currentData(), customer_id=hit.id if hit else None,
            date_from=_pydate(self.f_from.date()), date_to=_pydate(self.f_to.date()),
            type=self.f_type.currentData())

    def _fetch(self, after_key, limit: int) -> Page:  # noqa: ANN001
        page = visits.list_visits(self.ctx.db, self.ctx.actor, self.filters(), after_key, limit)
        return Page(page.rows, page.next_key)

    def _customer_cleared(self, text: str) -> None:
        if not text and self.f_customer.hit is None:
            self.reload()

    def apply_period(self, key: str) -> None:
        day = clock.now().date()
        if key == "month":
            lo, hi = day.replace(day=1), day
        elif key == "last_month":
            hi = day.replace(day=1) - timedelta(days=1)
            lo = hi.replace(day=1)
        elif key == "week":
            lo, hi = day - timedelta(days=day.weekday()), day
        elif key == "days30":
            lo, hi = day - timedelta(days=29), day
        else:
            lo, hi = day.replace(month=1, day=1), day
        for w in (self.f_from, self.f_to):
            w.blockSignals(True)
        self.f_from.setDate(_qdate(lo))
        self.f_to.setDate(_qdate(hi))
        for w in (self.f_from, self.f_to):
            w.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        f = self.filters()
        try:
            self.model.reset(self._fetch)
            rows = visits.norm_counts(self.ctx.db, self.ctx.actor, f.date_from, f.date_to,
                                      f.staff_id)
        except OpsError as e:
            self.status.setText(message_for(e))
            self.status.setStyleSheet("color: #c0392b;")
            return
        self.status.setStyleSheet("color: #57606f;")
        self.norms.set_rows(rows)
        more = "+" if self.model.canFetchMore() else ""
        self.status.setText(self.tr("%1 visits shown").replace(
            "%1", f"{self.model.rowCount()}{more}"))
        self.norms_caption.setText(self.tr("Team norms %1 – %2").replace(
            "%1", f.date_from.isoformat()).replace("%2", f.date_to.isoformat()))

    def log_visit(self) -> None:
        from opsdesk.ui.pages.sales_process.visit_form import VisitDialog

        if VisitDialog(self.ctx, parent=self).exec():
            self.reload()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Visits"))
        self.new_visit.setText(self.tr("&Log visit… (Ctrl+N)"))
        if self.team:
            self.f_staff.setItemText(0, self.tr("Everyone"))
        self.f_type.setItemText(0, self.tr("All types"))
        self.f_customer.setPlaceholderText(self.tr("any customer"))
        periods = {"month": self.tr("This month"), "last_month": self.tr("Last month"),
                   "week": self.tr("This week"), "days30": self.tr("Last 30 days"),
                   "year": self.tr("This year")}
        for i in range(self.period.count()):
            self.period.setItemText(i, periods[self.period.itemData(i)])
        for cap, text in zip(self.caps, (self.tr("&Staff"), self.tr("C&ustomer"),
                                         self.tr("T&ype"), self.tr("&From"), self.tr("&To")),
                             strict=True):
            cap.setText(text)
