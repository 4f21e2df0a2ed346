"""The KPI dashboard (seed 003): the funnel, people's visits against conversion, comparisons,
growth economics and the seven-systems check, for a date range, a staff member, a channel or a
tier.

A thin view: it collects the filters, runs the service calls in the background (a progress bar
and a Cancel button in the filter bar; the window never waits) and shows what comes back. Each
tab loads when it is first shown and again when the filters change.
"""

from __future__ import annotations

import logging
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from opsdesk.db import clock
from opsdesk.domain import metrics as m
from opsdesk.domain.errors import OpsError
from opsdesk.domain.money import currency, format_money
from opsdesk.domain.roles import Permission
from opsdesk.domain.systems_check import PROCESSES, SYSTEMS, Status
from opsdesk.services import dashboard, systems_check
from opsdesk.ui import tasks
from opsdesk.ui.context import AppContext
from opsdesk.ui.labels import PRODUCT_ROLES, SOURCES, TIER_KINDS, label
from opsdesk.ui.messages import message_for
from opsdesk.ui.pages.dashboard import charts, texts
from opsdesk.ui.pages.home.page import has_page, open_page

log = logging.getLogger(__name__)

TABS = ("overview", "comparisons", "growth", "check")


def today() -> date:
    return clock.now().date()


def pct(value: Any) -> str:
    return texts.percent_text(m.percent_tenths(value))


def signed_pct(value: Any) -> str:
    t = m.percent_tenths(value)
    return ("+" if t is not None and t > 0 else "") + texts.percent_text(t)


def _item(text: str, right: bool = False, colour: str | None = None) -> QTableWidgetItem:
    it = QTableWidgetItem(text)
    it.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if right:
        it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if colour:
        from PySide6.QtGui import QColor

        it.setForeground(QColor(colour))
    return it


def _table(name: str) -> QTableWidget:
    t = QTableWidget()
    t.setObjectName(name)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.verticalHeader().hide()
    t.setAlternatingRowColors(True)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    # Tables share the width they are given (scrolling if need be), never widen the window.
    t.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
    return t


def _fill(table: QTableWidget, headers: list[str], rows: list[list[QTableWidgetItem]]) -> None:
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, it in enumerate(row):
            table.setItem(r, c, it)


class DashboardPage(QWidget):
    # Emitted when a tab's figures are on screen: the tab's key (tests wait on it).
    loaded = Signal(str)
    failed = Signal(object)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.cur = currency(ctx.store.currency)
        self.as_of = today()
        self.results: dict[str, Any] = {}
        self._stale: set[str] = set(TABS)
        self._job: tasks.Job | None = None
        self._build()
        self.retranslate()
        self._load_options()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        start = self.as_of.replace(day=1)
        self.date_from = QDateEdit(QDate(start.year, start.month, start.day))
        self.date_from.setObjectName("date_from")
        self.date_to = QDateEdit(QDate(self.as_of.year, self.as_of.month, self.as_of.day))
        self.date_to.setObjectName("date_to")
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        self.staff = QComboBox()
        self.staff.setObjectName("filter_staff")
        self.source = QComboBox()
        self.source.setObjectName("filter_source")
        self.tier = QComboBox()
        self.tier.setObjectName("filter_tier")
        for c in (self.staff, self.source, self.tier):
            c.setMinimumContentsLength(6)
            c.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setMaximumWidth(140)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        self.report_button = QPushButton()
        self.report_button.setObjectName("export_report")
        self.report_button.clicked.connect(self.export_report)
        self.report_button.setVisible(self.ctx.actor.can(Permission.REPORTS_EXPORT))
        self.caps: dict[str, QLabel] = {k: QLabel() for k in ("from", "to", "staff", "source",
                                                              "tier")}
        bar = QHBoxLayout()
        for key, w in (("from", self.date_from), ("to", self.date_to), ("staff", self.staff),
                       ("source", self.source), ("tier", self.tier)):
            self.caps[key].setBuddy(w)
            bar.addWidget(self.caps[key])
            bar.addWidget(w)
        bar.addWidget(self.refresh_button)
        bar.addStretch()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")

        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(self._build_overview(), "")
        self.tabs.addTab(self._build_comparisons(), "")
        self.tabs.addTab(self._build_growth(), "")
        self.tabs.addTab(self._build_check(), "")
        self.tabs.currentChanged.connect(lambda _i: self._load_current())

        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch()
        # in the title row, which has room: showing them must not widen the filter bar
        head.addWidget(self.progress)
        head.addWidget(self.cancel_button)
        head.addWidget(self.report_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 14, 18, 14)
        lay.addLayout(head)
        lay.addLayout(bar)
        lay.addWidget(self.message)
        lay.addWidget(self.tabs, 1)

    def _export_button(self, key: str) -> QPushButton:
        b = QPushButton()
        b.setObjectName(f"png_{key}")
        b.clicked.connect(lambda _=False, k=key: self.ask_png(k))
        return b

    def _build_overview(self) -> QWidget:
        w = QWidget()
        self.funnel_chart = charts.FunnelChart()
        self.scatter_chart = charts.ScatterChart()
        self.funnel_title = QLabel()
        self.scatter_title = QLabel()
        for t in (self.funnel_title, self.scatter_title):
            t.setStyleSheet("font-weight: 600;")
        self.funnel_note = QLabel()
        self.funnel_note.setObjectName("funnel_note")
        self.funnel_note.setWordWrap(True)
        self.quadrant_notes = QLabel()
        self.quadrant_notes.setObjectName("quadrant_notes")
        self.quadrant_notes.setWordWrap(True)
        self.people_table = _table("people_table")
        self.kpi_table = _table("kpi_table")
        left = QVBoxLayout()
        head = QHBoxLayout()
        head.addWidget(self.funnel_title, 1)
        head.addWidget(self._export_button("funnel"))
        left.addLayout(head)
        left.addWidget(self.funnel_chart, 1)
        left.addWidget(self.funnel_note)
        right = QVBoxLayout()
        head = QHBoxLayout()
        head.addWidget(self.scatter_title, 1)
        head.addWidget(self._export_button("scatter"))
        right.addLayout(head)
        right.addWidget(self.scatter_chart, 1)
        right.addWidget(self.quadrant_notes)
        top = QHBoxLayout()
        lw, rw = QWidget(), QWidget()
        lw.setLayout(left)
        rw.setLayout(right)
        top.addWidget(lw, 1)
        top.addWidget(rw, 1)
        topw = QWidget()
        topw.setLayout(top)
        bottom = QHBoxLayout()
        bottom.addWidget(self.kpi_table, 2)
        bottom.addWidget(self.people_table, 3)
        bw = QWidget()
        bw.setLayout(bottom)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(topw)
        split.addWidget(bw)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([390, 210])
        lay = QVBoxLayout(w)
        lay.setContentsMargins(0, 6, 0, 0)
        lay.addWidget(split)
        return w

    def _build_comparisons(self) -> QWidget:
        w = QWidget()
        self.metric = QComboBox()
        self.metric.setObjectName("trend_metric")
        self.metric.currentIndexChanged.connect(lambda _i: self._show_trend())
        self.trend_chart = charts.TrendChart()
        self.trend_title = QLabel()
        self.trend_title.setStyleSheet("font-weight: 600;")
        self.compare_table = _table("compare_table")
        self.person_compare = _table("person_compare")
        head = QHBoxLayout()
        head.addWidget(self.trend_title)
        head.addWidget(self.metric)
        head.addStretch()
        head.addWidget(self._export_button("trend"))
        lay = QVBoxLayout(w)
        lay.setContentsMargins(0, 6, 0, 0)
        lay.addLayout(head)
        lay.addWidget(self.trend_chart, 3)
        row = QHBoxLayout()
        row.addWidget(self.compare_table, 1)
        row.addWidget(self.person_compare, 1)
        lay.addLayout(row, 2)
        return w

    def _build_growth(self) -> QWidget:
        w = QWidget()
        self.cohort_chart = charts.CohortChart()
        self.cohort_title = QLabel()
        self.cohort_title.setStyleSheet("font-weight: 600;")
        self.levers_table = _table("levers_table")
        self.rates_form = QFormLayout()
        self.rate_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("repeat", "referral", "referrers", "again"):
            cap, val = QLabel(), QLabel("—")
            val.setObjectName(f"rate_{key}")
            self.rate_labels[key] = (cap, val)
            self.rates_form.addRow(cap, val)
        self.roles_table = _table("roles_table")
        self.tiers_table = _table("tiers_table")
        self.channels_table = _table("channels_table")
        head = QHBoxLayout()
        head.addWidget(self.cohort_title, 1)
        head.addWidget(self._export_button("cohorts"))
        lay = QVBoxLayout(w)
        lay.setContentsMargins(0, 6, 0, 0)
        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addLayout(head)
        left.addWidget(self.cohort_chart, 1)
        right = QVBoxLayout()
        right.addWidget(self.levers_table, 1)
        right.addLayout(self.rates_form)
        top.addLayout(left, 3)
        top.addLayout(right, 2)
        lay.addLayout(top, 3)
        bottom = QHBoxLayout()
        bottom.addWidget(self.roles_table, 3)
        bottom.addWidget(self.tiers_table, 3)
        bottom.addWidget(self.channels_table, 3)
        lay.addLayout(bottom, 2)
        return w

    def _build_check(self) -> QWidget:
        w = QWidget()
        self.check_intro = QLabel()
        self.check_intro.setWordWrap(True)
        self.check_tree = QTreeWidget()
        self.check_tree.setObjectName("check_tree")
        self.check_tree.setColumnCount(2)
        self.check_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.check_tree.header().setStretchLastSection(False)
        self.check_tree.itemActivated.connect(lambda it, _c: self._go(it))
        self.go_button = QPushButton()
        self.go_button.setObjectName("go_fix")
        self.go_button.clicked.connect(lambda: self._go(self.check_tree.currentItem()))
        lay = QVBoxLayout(w)
        lay.setContentsMargins(0, 6, 0, 0)
        lay.addWidget(self.check_intro)
        lay.addWidget(self.check_tree, 1)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.go_button)
        lay.addLayout(row)
        return w

    # ------------------------------------------------------------------ filters

    def _load_options(self) -> None:
        job = tasks.Job(lambda _p: dashboard.options(self.ctx.db, self.ctx.actor))
        job.signals.finished.connect(self._set_options)
        job.signals.failed.connect(self._failed)
        self._options_job = tasks.start(job)

    def _set_options(self, opts: dashboard.FilterOptions) -> None:
        self.options = opts
        for combo, items in ((self.staff, [(o.id, o.name) for o in opts.staff]),
                             (self.source, [(s, label(SOURCES, s)) for s in opts.sources]),
                             (self.tier, [(o.id, o.name) for o in opts.tiers])):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), None)
            for key, text in items:
                combo.addItem(text, key)
            combo.blockSignals(False)
        self._load_current()

    def filters(self) -> dashboard.Filters:
        return dashboard.Filters(self.date_from.date().toPython(), self.date_to.date().toPython(),
                                 staff_id=self.staff.currentData(),
                                 source=self.source.currentData(),
                                 tier_id=self.tier.currentData())

    def refresh(self) -> None:
        """Filters changed or Refresh pressed: every tab is out of date; the shown one reloads."""
        self.as_of = today()
        self._stale = set(TABS)
        self._load_current()

    # ------------------------------------------------------------------ background work

    def current_tab(self) -> str:
        return TABS[self.tabs.currentIndex()]

    def _load_current(self) -> None:
        tab = self.current_tab()
        if tab in self._stale:
            self.load(tab)

    def load(self, tab: str) -> tasks.Job | None:
        if self._job is not None:
            self._job.progress.cancel()
        f = self.filters()
        self.message.setText("")
        db, actor, as_of = self.ctx.db, self.ctx.actor, self.as_of

        def step(progress: tasks.Progress):  # noqa: ANN202
            def report(done: int, total: int) -> None:
                progress.check()
                progress.report(done, total)
            return report

        if tab == "overview":
            def fn(p):  # noqa: ANN001, ANN202
                return dashboard.overview(db, actor, f, as_of, step(p))
        elif tab == "comparisons":
            def fn(p):  # noqa: ANN001, ANN202
                cmp_ = dashboard.comparisons(db, actor, as_of)
                step(p)(1, 2)
                return cmp_, dashboard.trends(db, actor, as_of)
        elif tab == "growth":
            def fn(p):  # noqa: ANN001, ANN202
                return dashboard.growth(db, actor, f, as_of, step(p))
        else:
            def fn(p):  # noqa: ANN001, ANN202
                return systems_check.run(db, actor, as_of)
        job = tasks.Job(fn)
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(lambda r, t=tab, j=job: self._done(t, r, j))
        job.signals.failed.connect(lambda e, j=job: self._job_failed(e, j))
        job.signals.cancelled.connect(lambda j=job: self._end(j))
        self._job = job
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.refresh_button.setEnabled(False)
        return tasks.start(job)

    def cancel(self) -> None:
        if self._job is not None:
            self._job.progress.cancel()

    def _progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _end(self, job: tasks.Job) -> bool:
        if job is not self._job:
            return False  # superseded by a newer request
        self._job = None
        self.progress.hide()
        self.cancel_button.hide()
        self.refresh_button.setEnabled(True)
        return True

    def _job_failed(self, err: BaseException, job: tasks.Job) -> None:
        if self._end(job):
            self._failed(err)

    def _failed(self, err: BaseException) -> None:
        if isinstance(err, OpsError):
            self.message.setText(message_for(err))
        else:
            log.error("dashboard", exc_info=err)
            self.message.setText(self.tr("Something went wrong; the log has the details."))
        self.failed.emit(err)

    def _done(self, tab: str, result: Any, job: tasks.Job) -> None:
        if not self._end(job):
            return
        self.results[tab] = result
        self._stale.discard(tab)
        {"overview": self._show_overview, "comparisons": self._show_comparisons,
         "growth": self._show_growth, "check": self._show_check}[tab]()
        self.loaded.emit(tab)

    # ------------------------------------------------------------------ showing

    def money(self, minor: int | None) -> str:
        if minor is None:
            return "—"
        loc = QLocale()
        return format_money(minor, self.cur, group=loc.groupSeparator(), point=loc.decimalPoint())

    def value_text(self, metric: str, v: int) -> str:
        return self.money(v) if metric in texts.MONEY_METRICS else f"{v:,}"

    def _show_overview(self) -> None:
        ov: dashboard.Overview = self.results["overview"]
        layers = ov.funnel.layers
        self.funnel_chart.show_layers([
            (texts.step_name(x.step), x.count, pct(x.rate),
             self.tr("%1 of leads").replace("%1", pct(x.rate_from_top))) for x in layers])
        weakest = ov.funnel.weakest
        if layers and layers[0].count == 0:
            self.funnel_note.setText(self.tr("No customer registered in this range."))
        elif weakest is not None:
            self.funnel_note.setText(self.tr("Biggest leak: %1 → %2 converts %3.")
                                     .replace("%1", texts.step_name(layers[layers.index(weakest) - 1].step))
                                     .replace("%2", texts.step_name(weakest.step))
                                     .replace("%3", pct(weakest.rate)))
        ppl = ov.people
        quads = ppl.reading.quadrant
        points = []
        for p in ppl.people:
            if p.conversion is None:
                continue
            name = p.name
            if p.attitude is not None:
                name = self.tr("%1 (attitude %2)").replace("%1", p.name).replace(
                    "%2", str(p.attitude))
            points.append((name, p.visits, float(p.conversion * 100), p.revenue,
                           quads.get(p.staff_id)))
        mv, mc = ppl.reading.median_visits, ppl.reading.median_conversion
        self.scatter_chart.show_people(
            points, None if mv is None else float(mv), None if mc is None else float(mc * 100),
            self.tr("Visits"), self.tr("Conversion (%)"),
            {k: texts.tr_(v) for k, v in texts.QUADRANT_SHORT.items()})
        lines = [f"<b style='color:{charts.QUADRANT_COLOURS[k]}'>{texts.tr_(texts.QUADRANT_SHORT[k])}"
                 f"</b>: {texts.tr_(v)}" for k, v in texts.QUADRANTS.items()]
        self.quadrant_notes.setText("<br>".join(lines))
        if mv is not None:
            self.scatter_chart.setToolTip(
                self.tr("Dashed lines: the team's medians (%1 visits, %2 conversion). "
                        "Bigger dot: more revenue.")
                .replace("%1", f"{float(mv):.1f}").replace("%2", pct(mc)))
        rows = []
        for p in ppl.people:
            q = quads.get(p.staff_id)
            rows.append([_item(p.name), _item(f"{p.visits:,}", True), _item(f"{p.visited:,}", True),
                         _item(f"{p.deals:,}", True), _item(pct(p.conversion), True),
                         _item(self.money(p.revenue), True),
                         _item("—" if p.attitude is None else str(p.attitude), True),
                         _item(texts.tr_(texts.QUADRANT_SHORT[q]) if q else "—",
                               colour=charts.QUADRANT_COLOURS.get(q))])
        _fill(self.people_table, [self.tr("Person"), self.tr("Visits"), self.tr("Customers visited"),
                                  self.tr("Deals"), self.tr("Conversion"), self.tr("Revenue"),
                                  self.tr("Attitude"), self.tr("Quadrant")], rows)
        cmp_ = ov.comparisons
        rows = []
        for metric in dashboard.METRICS:
            row = [_item(texts.metric_name(metric)),
                   _item(self.value_text(metric, cmp_.store[metric, "mom"].current), True)]
            for kind in ("wow", "mom", "yoy"):
                ch = cmp_.store[metric, kind]
                colour = "#2e7d32" if ch.delta > 0 else ("#c62828" if ch.delta < 0 else None)
                row.append(_item(signed_pct(ch.rate), True, colour))
            rows.append(row)
        _fill(self.kpi_table, [self.tr("Figure"), self.tr("This month"),
                               texts.tr_(texts.COMPARISONS["wow"]),
                               texts.tr_(texts.COMPARISONS["mom"]),
                               texts.tr_(texts.COMPARISONS["yoy"])], rows)

    def _show_comparisons(self) -> None:
        cmp_, trend = self.results["comparisons"]
        self.metric.blockSignals(True)
        if self.metric.count() == 0:
            for metric in dashboard.METRICS:
                self.metric.addItem(texts.metric_name(metric), metric)
        self.metric.blockSignals(False)
        rows = []
        for metric in dashboard.METRICS:
            for kind in ("wow", "mom", "yoy"):
                ch = cmp_.store[metric, kind]
                colour = "#2e7d32" if ch.delta > 0 else ("#c62828" if ch.delta < 0 else None)
                rows.append([_item(texts.metric_name(metric)),
                             _item(texts.tr_(texts.COMPARISONS[kind])),
                             _item(self.value_text(metric, ch.current), True),
                             _item(self.value_text(metric, ch.previous), True),
                             _item(signed_pct(ch.rate), True, colour)])
        _fill(self.compare_table, [self.tr("Figure"), self.tr("Comparison"), self.tr("Now"),
                                   self.tr("Before"), self.tr("Change")], rows)
        rows = []
        for pc in cmp_.people:
            row = [_item(pc.name or self.tr("(nobody)"))]
            for metric in ("revenue", "deals", "visits", "new_customers", "topups"):
                ch = pc.changes[metric, "mom"]
                colour = "#2e7d32" if ch.delta > 0 else ("#c62828" if ch.delta < 0 else None)
                row.append(_item(f"{self.value_text(metric, ch.current)} ({signed_pct(ch.rate)})",
                                 True, colour))
            rows.append(row)
        _fill(self.person_compare, [self.tr("Person, month on month")] +
              [texts.metric_name(k) for k in ("revenue", "deals", "visits", "new_customers",
                                               "topups")], rows)
        self._show_trend()

    def _show_trend(self) -> None:
        if "comparisons" not in self.results:
            return
        _cmp, trend = self.results["comparisons"]
        metric = self.metric.currentData() or "revenue"
        values = list(trend.series[metric])
        scale = self.cur.factor if metric in texts.MONEY_METRICS else 1
        shown = [v / scale for v in values]
        line = m.trend_line([Fraction(v, scale) for v in values])
        months = [f"{p.start.year % 100:02d}-{p.start.month:02d}" for p in trend.months]
        unit = self.cur.symbol if metric in texts.MONEY_METRICS else ""
        self.trend_chart.show_series(months, shown, line,
                                     f"{texts.metric_name(metric)} {unit}".strip())
        self.trend_title.setText(self.tr("Month by month, with its trend line"))

    def _show_growth(self) -> None:
        g: dashboard.GrowthResult = self.results["growth"]
        months = [f"{c.month.year % 100:02d}-{c.month.month:02d}" for c in g.cohorts]
        f = self.cur.factor
        self.cohort_chart.show_cohorts(
            months,
            [None if c.per_customer_30 is None else c.per_customer_30 / f for c in g.cohorts],
            [None if c.per_customer_365 is None or c.customers == 0 else c.per_customer_365 / f
             for c in g.cohorts],
            self.tr("Spend per new customer (%1)").replace("%1", self.cur.symbol),
            (self.tr("First 30 days"), self.tr("First year (so far)")))
        lv, prev, ch = g.levers, g.levers_previous, g.lever_changes
        rows = [
            [_item(self.tr("Paying customers")), _item(f"{lv.customers:,}", True),
             _item(f"{prev.customers:,}", True), _item(signed_pct(ch.customers), True)],
            [_item(self.tr("Average ticket")),
             _item(self.money(m.money_average(lv.revenue, lv.purchases)), True),
             _item(self.money(m.money_average(prev.revenue, prev.purchases)), True),
             _item(signed_pct(ch.average_ticket), True)],
            [_item(self.tr("Purchases per customer")),
             _item("—" if lv.frequency is None else f"{float(lv.frequency):.2f}", True),
             _item("—" if prev.frequency is None else f"{float(prev.frequency):.2f}", True),
             _item(signed_pct(ch.frequency), True)],
            [_item(self.tr("= Revenue")), _item(self.money(lv.revenue), True),
             _item(self.money(prev.revenue), True), _item(signed_pct(ch.revenue), True)],
        ]
        _fill(self.levers_table, [self.tr("Three growth levers"), self.tr("This month"),
                                  self.tr("Last month, same days"), self.tr("Change")], rows)
        r = g.rates
        for key, value in (("repeat", pct(r.repeat_rate)),
                           ("referral", "—" if r.referral_rate is None
                            else f"{float(r.referral_rate):.2f}"),
                           ("referrers", pct(r.referrer_share)),
                           ("again", pct(r.refer_again_share))):
            self.rate_labels[key][1].setText(value)
        rows = []
        for x in g.roles:
            rows.append([_item(label(PRODUCT_ROLES, x.role)), _item(self.money(x.revenue), True),
                         _item(f"{x.quantity:,}", True), _item(self.money(x.margin), True),
                         _item(pct(x.margin_rate), True)])
        _fill(self.roles_table, [self.tr("Product role"), self.tr("Revenue"), self.tr("Quantity"),
                                 self.tr("Margin"), self.tr("Margin rate")], rows)
        total = sum(t.customers for t in g.tiers) or 1
        rows = [[_item(t.name or self.tr("No tier")),
                 _item(label(TIER_KINDS, t.kind) if t.kind else ""),
                 _item(f"{t.customers:,}", True),
                 _item(pct(Fraction(t.customers, total)), True)] for t in g.tiers]
        _fill(self.tiers_table, [self.tr("Tier"), self.tr("Kind"), self.tr("Customers"),
                                 self.tr("Share")], rows)
        rows = []
        for c in g.channels:
            cost = c.cost_per_customer
            rows.append([_item(label(SOURCES, c.channel)), _item(f"{c.new_customers:,}", True),
                         _item("—" if c.new_paying is None else f"{c.new_paying:,}", True),
                         _item(self.money(c.spend) if c.spend is not None else "—", True),
                         _item(self.money(cost) if cost is not None else "—", True)])
        _fill(self.channels_table, [self.tr("Channel"), self.tr("New customers"),
                                    self.tr("New paying"), self.tr("Cost"),
                                    self.tr("Cost per customer")], rows)
        if not g.channel_spend_available:
            self.channels_table.setToolTip(self.tr("Channel spend is not set up yet."))

    def _show_check(self) -> None:
        report: systems_check.CheckReport = self.results["check"]
        t = self.check_tree
        t.clear()
        for group, areas in ((self.tr("Seven systems"), SYSTEMS),
                             (self.tr("Six processes"), PROCESSES)):
            top = QTreeWidgetItem([group, ""])
            t.addTopLevelItem(top)
            for area in areas:
                ok, n = report.completeness(area)
                head = QTreeWidgetItem([texts.tr_(texts.AREAS[area.value]),
                                        f"{ok}/{n}" if n else "—"])
                top.addChild(head)
                for f in report.findings:
                    if f.area is not area:
                        continue
                    mark = {Status.OK: "✓", Status.GAP: "✗", Status.UNAVAILABLE: "…"}[f.status]
                    it = QTreeWidgetItem([f"{mark} {texts.finding_text(f)}",
                                          self.tr("Open") if has_page(self, f.page)
                                          and f.status is Status.GAP else ""])
                    it.setData(0, Qt.ItemDataRole.UserRole, f.page)
                    from PySide6.QtGui import QColor

                    it.setForeground(0, QColor({Status.OK: "#2e7d32", Status.GAP: "#c62828",
                                                Status.UNAVAILABLE: "#8c959f"}[f.status]))
                    head.addChild(it)
        t.expandAll()

    def _go(self, item: QTreeWidgetItem | None) -> bool:
        if item is None:
            return False
        page = item.data(0, Qt.ItemDataRole.UserRole)
        return bool(page) and open_page(self, page)

    # ------------------------------------------------------------------ export

    def chart(self, key: str) -> QWidget:
        return {"funnel": self.funnel_chart, "scatter": self.scatter_chart,
                "trend": self.trend_chart, "cohorts": self.cohort_chart}[key]

    def export_png(self, key: str, path: str | Path) -> bool:
        return charts.export_png(self.chart(key), str(path))

    def ask_png(self, key: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart as PNG"),
                                              f"{key}.png", self.tr("PNG images (*.png)"))
        if path:
            if not path.lower().endswith(".png"):
                path += ".png"
            if not self.export_png(key, path):
                self.message.setText(self.tr("The chart could not be saved to %1.")
                                     .replace("%1", path))

    def export_report(self) -> None:
        from opsdesk.ui.pages.dashboard.report import ask_and_export

        ask_and_export(self, self.ctx, self.date_to.date().toPython())

    def retranslate(self) -> None:
        self.title.setText(self.tr("Dashboard"))
        for key, text in (("from", self.tr("&From")), ("to", self.tr("&To")),
                          ("staff", self.tr("&Staff")), ("source", self.tr("C&hannel")),
                          ("tier", self.tr("T&ier"))):
            self.caps[key].setText(text)
        self.refresh_button.setText(self.tr("&Refresh"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.report_button.setText(self.tr("Monthly report (PDF)…"))
        for i, text in enumerate((self.tr("Funnel and people"), self.tr("Comparisons"),
                                  self.tr("Growth economics"), self.tr("Is your system complete?"))):
            self.tabs.setTabText(i, text)
        self.funnel_title.setText(self.tr("Funnel of the customers registered in the range"))
        self.scatter_title.setText(self.tr("Visits against conversion, per person"))
        self.trend_title.setText(self.tr("Month by month, with its trend line"))
        self.cohort_title.setText(self.tr("Spend per new customer, by month of registration"))
        for key, text in (("repeat", self.tr("Repeat rate")),
                          ("referral", self.tr("Referrals per paying customer")),
                          ("referrers", self.tr("Customers who referred")),
                          ("again", self.tr("…of them, referred again and again"))):
            self.rate_labels[key][0].setText(text)
        self.check_intro.setText(self.tr(
            "Each system and process, computed from your set-up and your data. Double-click a "
            "missing item to open the page that fixes it."))
        self.check_tree.setHeaderLabels([self.tr("What is set up, what is missing"), ""])
        self.go_button.setText(self.tr("&Open the page that fixes it"))
        for b in self.findChildren(QPushButton):
            if b.objectName().startswith("png_"):
                b.setText(self.tr("Export PNG…"))
