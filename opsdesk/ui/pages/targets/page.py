"""Targets (运营体系): the plan tracking view (the plan-tracking department's daily view: today,
this week, this month and the year to date per store, department and person, red / amber /
green against the pace), the year's plan and its versions, the wizard that makes a plan, the
capacity planner, and the export of plan and tracking to .xlsx or PDF.

Figures are read off the GUI thread (:mod:`opsdesk.ui.tasks`); a double click on a person's
cell opens their visits and sales for that period.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from opsdesk.db import clock
from opsdesk.domain.capacity import plan_capacity
from opsdesk.domain.errors import FieldErrors, OpsError
from opsdesk.domain.money import currency
from opsdesk.domain.pace import PaceStatus
from opsdesk.domain.roles import Permission
from opsdesk.domain.targets import Indicator
from opsdesk.services import staff as staff_service
from opsdesk.services import targets, tracking
from opsdesk.ui import tasks
from opsdesk.ui.context import AppContext
from opsdesk.ui.messages import message_for
from opsdesk.ui.pages.targets.texts import PERIODS, STATUS, amount, indicator_name, month_name, tr

STATUS_BG = {PaceStatus.GREEN: QColor("#d7f0dc"), PaceStatus.AMBER: QColor("#fff0c2"),
             PaceStatus.RED: QColor("#f9d0d0")}
ROLE_KEY = Qt.ItemDataRole.UserRole


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def _item(text: str, right: bool = False) -> QTableWidgetItem:
    it = QTableWidgetItem(text)
    it.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if right:
        it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return it


class TargetsPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.cur = currency(ctx.store.currency)
        self.view: tracking.TrackingView | None = None
        self._job: tasks.Job | None = None
        self.title = QLabel(self.tr("Targets and plan tracking"))
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tracking_tab = QWidget()
        self.plan_tab = QWidget()
        self.tabs.addTab(self.tracking_tab, self.tr("&Tracking"))
        self.tabs.addTab(self.plan_tab, self.tr("&Plan"))
        self.manage = ctx.actor.can(Permission.TARGETS_MANAGE)
        if self.manage:
            self.capacity_tab = CapacityPanel(ctx)
            self.tabs.addTab(self.capacity_tab, self.tr("&Capacity planner"))
        self._build_tracking()
        self._build_plan()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 14, 18, 14)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        self.new_plan = QPushButton(self.tr("&New plan…"))
        self.new_plan.setObjectName("new_plan")
        self.new_plan.clicked.connect(self.open_wizard)
        self.new_plan.setVisible(self.manage)
        self.export = QPushButton(self.tr("E&xport…"))
        self.export.setObjectName("export")
        self.export.clicked.connect(self.export_file)
        top.addWidget(self.new_plan)
        top.addWidget(self.export)
        lay.addLayout(top)
        lay.addWidget(self.tabs, 1)
        QShortcut(QKeySequence("F5"), self, activated=self.reload)
        self.reload()

    # ------------------------------------------------------------------------- tracking tab

    def _build_tracking(self) -> None:
        self.day = QDateEdit()
        self.day.setObjectName("day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(_qdate(clock.now().date()))
        self.day.dateChanged.connect(lambda _d: self.reload())
        self.indicator = QComboBox()
        self.indicator.setObjectName("indicator")
        self.indicator.currentIndexChanged.connect(lambda _i: self.show_view())
        self.caption = QLabel()
        self.caption.setObjectName("caption")
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #57606f;")
        self.table = QTableWidget()
        self.table.setObjectName("tracking")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellDoubleClicked.connect(self.drill)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        for text, w in ((self.tr("&Day"), self.day), (self.tr("&Indicator"), self.indicator)):
            lab = QLabel(text)
            lab.setBuddy(w)
            row.addWidget(lab)
            row.addWidget(w)
        row.addStretch(1)
        lay = QVBoxLayout(self.tracking_tab)
        lay.addLayout(row)
        lay.addWidget(self.caption)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.status)

    def reload(self) -> None:
        day = _pydate(self.day.date())
        ctx = self.ctx
        self.status.setText(self.tr("Reading the figures…"))

        def work(progress: tasks.Progress) -> tracking.TrackingView | None:
            return tracking.tracking(ctx.db, ctx.actor, day)

        job = tasks.Job(work)
        job.signals.finished.connect(self._loaded)
        job.signals.failed.connect(self._failed)
        self._job = tasks.start(job)
        self.reload_plan()

    def _loaded(self, view: tracking.TrackingView | None) -> None:
        self.view = view
        keep = self.indicator.currentData()
        self.indicator.blockSignals(True)
        self.indicator.clear()
        for ind in (view.indicators if view else ()):
            self.indicator.addItem(indicator_name(ind), ind)
        i = self.indicator.findData(keep)
        self.indicator.setCurrentIndex(max(0, i))
        self.indicator.blockSignals(False)
        self.status.setText("")
        self.show_view()

    def _failed(self, err: BaseException) -> None:
        self.status.setText(message_for(err) if isinstance(err, OpsError) else str(err))

    def show_view(self) -> None:
        v = self.view
        t = self.table
        t.clear()
        if v is None:
            t.setRowCount(0)
            t.setColumnCount(0)
            self.caption.setText(self.tr("There is no plan for %1 yet.").replace(
                "%1", str(_pydate(self.day.date()).year))
                + ("" if not self.manage else " " + self.tr("Make one with “New plan…”.")))
            return
        ind = self.indicator.currentData() or v.indicators[0]
        self.caption.setText(
            self.tr("Plan %1, version %2. Pace is what the plan asks for up to the chosen day; "
                    "green: on pace, amber: within 10%, red: further behind. Double-click a "
                    "person to see their visits and sales.")
            .replace("%1", str(v.year)).replace("%2", str(v.plan_version)))
        headers = [self.tr("Name")]
        for period in tracking.PERIODS:
            p = tr(PERIODS[period])
            headers += [f"{p}\n" + self.tr("target"), f"{p}\n" + self.tr("due"),
                        f"{p}\n" + self.tr("actual"), f"{p}\n%"]
        t.setColumnCount(len(headers))
        t.setHorizontalHeaderLabels(headers)
        t.setRowCount(len(v.rows))
        for r, row in enumerate(v.rows):
            if row.level == "store":
                name = self.tr("Store")
            elif row.level == "department":
                name = row.name or self.tr("No department")
            else:
                name = "    " + row.name
            it = _item(name)
            it.setData(ROLE_KEY, (row.level, row.key))
            if row.level != "person":
                f = it.font()
                f.setBold(True)
                it.setFont(f)
            t.setItem(r, 0, it)
            for c, period in enumerate(tracking.PERIODS):
                p = row.cells[(ind, period)]
                base = 1 + 4 * c
                t.setItem(r, base, _item(amount(ind, p.target, self.cur), True))
                t.setItem(r, base + 1, _item(amount(ind, p.due, self.cur), True))
                t.setItem(r, base + 2, _item(amount(ind, p.actual, self.cur), True))
                pct = _item("—" if p.percent is None else f"{p.percent}%", True)
                pct.setBackground(STATUS_BG[p.status])
                pct.setForeground(QColor("#1f2328"))
                pct.setToolTip(tr(STATUS[p.status]))
                pct.setData(ROLE_KEY, p.status.value)
                t.setItem(r, base + 3, pct)

    def drill(self, row: int, col: int) -> None:
        v = self.view
        if v is None:
            return
        level, key = self.table.item(row, 0).data(ROLE_KEY)
        if level != "person":
            return
        period = tracking.PERIODS[max(0, col - 1) // 4] if col else "month"
        lo, hi = v.periods[period]
        hi = min(hi, v.today)
        dlg = DrillDialog(self.ctx, key, self.table.item(row, 0).text().strip(), lo, hi, self)
        dlg.open()
        self._drill = dlg

    # ------------------------------------------------------------------------- plan tab

    def _build_plan(self) -> None:
        self.plan_year = QComboBox()
        self.plan_year.setObjectName("plan_year")
        self.plan_version = QComboBox()
        self.plan_version.setObjectName("plan_version")
        self.plan_indicator = QComboBox()
        self.plan_indicator.setObjectName("plan_indicator")
        self.plan_year.activated.connect(lambda _i: self._load_versions())
        self.plan_version.activated.connect(lambda _i: self._load_plan())
        self.plan_indicator.activated.connect(lambda _i: self._show_plan())
        self.plan_table = QTableWidget()
        self.plan_table.setObjectName("plan_table")
        self.plan_table.verticalHeader().setVisible(False)
        self.plan_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.plan_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.plan_info = QLabel()
        self.plan_info.setObjectName("plan_info")
        self.plan_info.setWordWrap(True)
        row = QHBoxLayout()
        for text, w in ((self.tr("&Year"), self.plan_year), (self.tr("&Version"), self.plan_version),
                        (self.tr("Indi&cator"), self.plan_indicator)):
            lab = QLabel(text)
            lab.setBuddy(w)
            row.addWidget(lab)
            row.addWidget(w)
        row.addStretch(1)
        lay = QVBoxLayout(self.plan_tab)
        lay.addLayout(row)
        lay.addWidget(self.plan_info)
        lay.addWidget(self.plan_table, 1)
        self.saved: targets.SavedPlan | None = None

    def reload_plan(self) -> None:
        try:
            years = targets.plan_years(self.ctx.db, self.ctx.actor)
        except OpsError as e:
            self.plan_info.setText(message_for(e))
            return
        keep = self.plan_year.currentData() or _pydate(self.day.date()).year
        self.plan_year.clear()
        for y in years:
            self.plan_year.addItem(str(y), y)
        self.plan_year.setCurrentIndex(max(0, self.plan_year.findData(keep)))
        self._load_versions()

    def _load_versions(self) -> None:
        self.plan_version.clear()
        year = self.plan_year.currentData()
        if year is None:
            self.saved = None
            self._show_plan()
            return
        for info in targets.plan_versions(self.ctx.db, self.ctx.actor, year):
            label = self.tr("Version %1 · %2 · %3").replace("%1", str(info.version)).replace(
                "%2", info.created_at.strftime("%Y-%m-%d %H:%M")).replace("%3", info.created_by)
            self.plan_version.addItem(label + (f" · {info.note}" if info.note else ""), info.id)
        self._load_plan()

    def _load_plan(self) -> None:
        pid = self.plan_version.currentData()
        self.saved = targets.load_plan(self.ctx.db, self.ctx.actor, pid) if pid else None
        keep = self.plan_indicator.currentData()
        self.plan_indicator.clear()
        for ip in (self.saved.plan.indicators if self.saved else ()):
            self.plan_indicator.addItem(indicator_name(ip.indicator), ip.indicator.value)
        self.plan_indicator.setCurrentIndex(max(0, self.plan_indicator.findData(keep)))
        self._show_plan()

    def _show_plan(self) -> None:
        t = self.plan_table
        t.clear()
        s = self.saved
        if s is None or self.plan_indicator.currentData() is None:
            t.setRowCount(0)
            t.setColumnCount(0)
            self.plan_info.setText(self.tr("No plan saved yet."))
            return
        ip = s.plan.indicator(Indicator(self.plan_indicator.currentData()))
        names = {p.id: p.name for p in staff_service.list_staff(self.ctx.db, self.ctx.actor)}
        t.setColumnCount(14)
        t.setHorizontalHeaderLabels([self.tr("Person")] + [month_name(m) for m in range(1, 13)]
                                    + [self.tr("Year")])
        units = [u for u in ip.units if u.total]
        t.setRowCount(len(units) + 1)
        for r, u in enumerate(units):
            sid = targets.unit_staff(u.unit)
            t.setItem(r, 0, _item(names.get(sid, u.unit)))
            for m in u.months:
                t.setItem(r, m.month, _item(amount(ip.indicator, m.total, self.cur), True))
            t.setItem(r, 13, _item(amount(ip.indicator, u.total, self.cur), True))
        last = len(units)
        t.setItem(last, 0, _item(self.tr("Store")))
        for m in range(12):
            t.setItem(last, m + 1, _item(amount(ip.indicator, sum(u.months[m].total
                                                                  for u in ip.units), self.cur),
                                         True))
        t.setItem(last, 13, _item(amount(ip.indicator, ip.total, self.cur), True))
        self.plan_info.setText(self.tr("Saved %1 by %2. Earlier versions stay on record.")
                               .replace("%1", s.info.created_at.strftime("%Y-%m-%d %H:%M"))
                               .replace("%2", s.info.created_by or "—"))

    # ------------------------------------------------------------------------- actions

    def open_wizard(self) -> None:
        from opsdesk.ui.pages.targets.wizard import TargetWizard

        today = clock.now().date()
        year = today.year + 1 if today.month >= 10 else today.year
        self.wizard = TargetWizard(self.ctx, year, self)
        self.wizard.finished.connect(lambda _r: self.reload())
        self.wizard.open()

    def export_file(self) -> None:
        year = self.plan_year.currentData() or _pydate(self.day.date()).year
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Export plan and tracking"), f"plan-{year}.xlsx",
            self.tr("Excel workbook (*.xlsx);;PDF (*.pdf)"))
        if path:
            self.export_to(path, year)

    def export_to(self, path: str, year: int) -> tasks.Job:
        from opsdesk.ui.pages.targets.exporting import build_report, write_report

        ctx, day = self.ctx, _pydate(self.day.date())

        def work(progress: tasks.Progress) -> str:
            write_report(build_report(ctx.db, ctx.actor, year, day), path)
            return path

        def done(p: str) -> None:
            self.status.setText(self.tr("Written to %1").replace("%1", p))

        return tasks.run_with_dialog(self, self.tr("Exporting…"), work, on_done=done,
                                     on_error=self._failed)


class DrillDialog(QDialog):
    """A person's visits (the visit list, filtered) and the sales credited to them."""

    def __init__(self, ctx: AppContext, staff_id: int, name: str, lo: date, hi: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from opsdesk.ui.pages.sales_process.visit_list import VisitsPage

        self.setObjectName("drill")
        self.setWindowTitle(self.tr("%1: visits and sales %2 – %3").replace("%1", name)
                            .replace("%2", lo.isoformat()).replace("%3", hi.isoformat()))
        self.resize(1000, 640)
        cur = currency(ctx.store.currency)
        tabs = QTabWidget()
        self.visits = VisitsPage(ctx)
        i = self.visits.f_staff.findData(staff_id)
        if i >= 0:
            self.visits.f_staff.setCurrentIndex(i)
        self.visits.f_from.setDate(_qdate(lo))
        self.visits.f_to.setDate(_qdate(hi))
        tabs.addTab(self.visits, self.tr("Visits"))
        self.sales = QTableWidget()
        self.sales.setObjectName("sales")
        self.sales.verticalHeader().setVisible(False)
        self.sales.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sales.horizontalHeader().setStretchLastSection(True)
        rows = tracking.person_sales(ctx.db, ctx.actor, staff_id, lo, hi)
        self.sales.setColumnCount(4)
        self.sales.setHorizontalHeaderLabels([self.tr("When"), self.tr("Kind"),
                                              self.tr("Customer"), self.tr("Amount")])
        self.sales.setRowCount(len(rows))
        for r, s in enumerate(rows):
            self.sales.setItem(r, 0, _item(s.at.strftime("%Y-%m-%d %H:%M")))
            self.sales.setItem(r, 1, _item(self.tr("Refund") if s.kind == "refund"
                                           else self.tr("Sale")))
            self.sales.setItem(r, 2, _item(s.customer))
            self.sales.setItem(r, 3, _item(amount(Indicator.REVENUE, s.total, cur), True))
        tabs.addTab(self.sales, self.tr("Sales (%1)").replace("%1", str(len(rows))))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(tabs, 1)
        lay.addWidget(buttons)


class CapacityPanel(QWidget):
    """Seed 004: market size and share → customers, visits, and the staff a ramp needs."""

    FIELDS = ("market_size", "share_percent", "deal_cycle_days", "visits_per_deal",
              "visits_per_person_per_day", "working_days_per_month", "ramp_months")

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        labels = (self.tr("&Market size (potential customers)"), self.tr("&Share to win (%)"),
                  self.tr("&Deal cycle (days)"), self.tr("&Visits per deal"),
                  self.tr("Visits per &person per day"), self.tr("&Working days per month"),
                  self.tr("&Ramp (months)"))
        defaults = ("20000", "5", "45", "10", "8", "26", "12")
        for key, text, default in zip(self.FIELDS, labels, defaults, strict=True):
            e = QLineEdit(default)
            e.setObjectName(key)
            err = QLabel()
            err.setStyleSheet("color: #c62828;")
            box = QHBoxLayout()
            box.addWidget(e)
            box.addWidget(err, 1)
            lab = QLabel(text)
            lab.setBuddy(e)
            form.addRow(lab, box)
            e.textChanged.connect(lambda _t: self.compute())
            self.edits[key], self.errors[key] = e, err
        self.summary = QLabel()
        self.summary.setObjectName("capacity_summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: 600;")
        self.table = QTableWidget()
        self.table.setObjectName("ramp")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        self.compute()

    def compute(self) -> None:
        for err in self.errors.values():
            err.setText("")
        v = {k: e.text().strip() for k, e in self.edits.items()}

        def whole(text: str) -> int | str:
            return int(text) if text.isdigit() else text

        try:
            plan = plan_capacity(market_size=whole(v["market_size"]),
                                 share_percent=v["share_percent"] or "x",
                                 deal_cycle_days=whole(v["deal_cycle_days"]),
                                 visits_per_deal=v["visits_per_deal"] or "x",
                                 visits_per_person_per_day=v["visits_per_person_per_day"] or "x",
                                 working_days_per_month=whole(v["working_days_per_month"]),
                                 ramp_months=whole(v["ramp_months"]))
        except FieldErrors as e:
            for key, err in e.errors.items():
                if key in self.errors:
                    self.errors[key].setText(message_for(err))
            self.summary.setText("")
            self.table.setRowCount(0)
            return
        except OpsError as e:
            self.summary.setText(message_for(e))
            return
        self.summary.setText(
            self.tr("Win %1 customers with %2 visits: at the peak you need %3 people "
                    "(one person makes %4 visits a month).")
            .replace("%1", f"{plan.customers_to_win:,}").replace("%2", f"{plan.visits_needed:,}")
            .replace("%3", str(plan.staff_needed))
            .replace("%4", f"{float(plan.visits_per_person_month):g}"))
        t = self.table
        t.setColumnCount(6)
        t.setHorizontalHeaderLabels([self.tr("Month"), self.tr("Deals"),
                                     self.tr("Deals so far"), self.tr("Visits"),
                                     self.tr("Visits a day"), self.tr("Staff")])
        t.setRowCount(len(plan.months))
        for r, m in enumerate(plan.months):
            for c, val in enumerate((m.index, m.deals, m.cumulative_deals, m.visits,
                                     m.visits_per_day, m.staff)):
                t.setItem(r, c, _item(f"{val:,}", c > 0))
