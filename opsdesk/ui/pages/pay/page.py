"""The Pay page: the monthly incentive run (draft → review → lock), slips to print, the run to
.xlsx, PK leaderboards; for everyone else only their own slips.

A pay viewer (the owner; a manager the owner allowed) picks a month, drafts the run in the
background (progress, cancel), reviews each person's lines with their basis, locks, prints.
Anyone else sees the list of their own slips of locked runs and nothing of anyone else's pay.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from opsdesk.domain.errors import OpsError
from opsdesk.domain.money import currency, format_money
from opsdesk.domain.roles import Permission
from opsdesk.reports.slips import score_text
from opsdesk.services import contests, incentives, pay_runs
from opsdesk.ui import tasks
from opsdesk.ui.context import AppContext
from opsdesk.ui.messages import message_for
from opsdesk.ui.models.rows_table import Index, RowsTableModel
from opsdesk.ui.pages.pay import texts
from opsdesk.ui.pdf_output import deliver, new_pdf_path

CTX = "PayPage"


class SlipTableModel(RowsTableModel):
    CONTEXT = CTX
    COLUMNS = (
        ("name", QT_TRANSLATE_NOOP("PayPage", "Name")),
        ("position", QT_TRANSLATE_NOOP("PayPage", "Position")),
        ("total", QT_TRANSLATE_NOOP("PayPage", "Total")),
        ("state", QT_TRANSLATE_NOOP("PayPage", "State")),
    )

    def __init__(self, cur: str, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._cur = currency(cur)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        v: pay_runs.SlipView | None = self.valid_row(index)
        if v is None:
            return None
        key = self.key_at(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "name":
                return v.staff_name
            if key == "position":
                return v.position
            if key == "total":
                return "" if v.blocked else format_money(v.total, self._cur)
            if key == "state":
                if v.blocked:
                    return QCoreApplication.translate("PayPage", "Needs attention")
                return QCoreApplication.translate("PayPage", "Locked") if v.locked else QCoreApplication.translate("PayPage", "Draft")
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "total":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and key == "state" and v.blocked:
            from PySide6.QtGui import QColor

            return QColor("#c0392b")
        return None


class SlipDetail(QWidget):
    """One person's slip: who, each line with its basis, the total, the notes."""

    def __init__(self, cur: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cur = cur
        self.head = QLabel()
        self.head.setObjectName("slip_head")
        self.head.setWordWrap(True)
        self.lines = QTableWidget(0, 3)
        self.lines.setObjectName("slip_lines")
        self.lines.setHorizontalHeaderLabels([QCoreApplication.translate("PayPage", "Item"), QCoreApplication.translate("PayPage", "Basis"), QCoreApplication.translate("PayPage", "Amount")])
        self.lines.verticalHeader().hide()
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.setWordWrap(True)
        h = self.lines.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        h.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.total = QLabel()
        self.total.setObjectName("slip_total")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        bold = self.total.font()
        bold.setBold(True)
        self.total.setFont(bold)
        self.notes = QLabel()
        self.notes.setObjectName("slip_notes")
        self.notes.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.head)
        lay.addWidget(self.lines, 1)
        lay.addWidget(self.total)
        lay.addWidget(self.notes)

    def show_slip(self, v: pay_runs.SlipView | None) -> None:
        self.lines.setRowCount(0)
        if v is None:
            self.head.clear()
            self.total.clear()
            self.notes.clear()
            return
        cur = currency(self._cur)
        bits = [f"<b>{v.staff_name}</b>", v.position, texts.month_text(v.year, v.month),
                QCoreApplication.translate("PayPage", "%1 of %2 days").replace("%1", str(v.days_employed))
                .replace("%2", str(v.days_in_month))]
        if v.assessment_score is not None:
            bits.append(QCoreApplication.translate("PayPage", "assessment %1").replace("%1", score_text(v.assessment_score)))
        self.head.setText(" · ".join(b for b in bits if b))
        pats = texts.templates()
        for ln in v.lines:
            r = self.lines.rowCount()
            self.lines.insertRow(r)
            self.lines.setItem(r, 0, QTableWidgetItem(texts.kind_label(ln.kind)))
            self.lines.setItem(r, 1, QTableWidgetItem(texts.basis_text(ln.basis, self._cur,
                                                                        pats)))
            amount = QTableWidgetItem(format_money(ln.amount, cur))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.lines.setItem(r, 2, amount)
        self.lines.resizeRowsToContents()
        self.total.setText(QCoreApplication.translate("PayPage", "Total: %1").replace(
            "%1", format_money(v.total, cur)))
        notes = texts.slip_notes(v, self._cur)
        self.notes.setStyleSheet("color: #c0392b;" if v.blocked else "color: #6e7781;")
        self.notes.setText("\n".join(notes))


class PayPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("pay_page")
        self.viewer = incentives.can_view_pay(ctx.db, ctx.actor)
        self.manager = ctx.actor.can(Permission.PAY_MANAGE)
        self.run: pay_runs.RunView | None = None
        self.job: tasks.Job | None = None
        cur = ctx.store.currency
        self.model = SlipTableModel(cur, self)
        self.table = QTableView()
        self.table.setObjectName("slip_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setMinimumWidth(340)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.detail = SlipDetail(cur)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(1, 2)
        self.status = QLabel()
        self.status.setObjectName("run_status")
        self.status.setWordWrap(True)

        run_tab = QWidget()
        lay = QVBoxLayout(run_tab)
        bar = QHBoxLayout()
        self.month = QDateEdit()
        self.month.setObjectName("month")
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(False)
        today = date.today()
        self.month.setDate(QDate(today.year, today.month, 1))
        self.month.dateChanged.connect(lambda _d: self.reload())
        self.draft_btn = QPushButton(QCoreApplication.translate("PayPage", "&Draft run"))
        self.draft_btn.setObjectName("draft_run")
        self.lock_btn = QPushButton(QCoreApplication.translate("PayPage", "&Lock run"))
        self.lock_btn.setObjectName("lock_run")
        self.print_btn = QPushButton(QCoreApplication.translate("PayPage", "&Print slips"))
        self.print_btn.setObjectName("print_slips")
        self.layout_box = QComboBox()
        self.layout_box.setObjectName("slip_layout")
        self.layout_box.addItem(QCoreApplication.translate("PayPage", "One per page"), "one")
        self.layout_box.addItem(QCoreApplication.translate("PayPage", "Three per page"), "three")
        self.export_btn = QPushButton(QCoreApplication.translate("PayPage", "&Export .xlsx"))
        self.export_btn.setObjectName("export_run")
        if self.viewer:
            caption = QLabel(QCoreApplication.translate("PayPage", "&Month:"))
            caption.setBuddy(self.month)
            bar.addWidget(caption)
            bar.addWidget(self.month)
        for w in (self.draft_btn, self.lock_btn):
            w.setVisible(self.manager)
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.layout_box)
        bar.addWidget(self.print_btn)
        if self.viewer:
            bar.addWidget(self.export_btn)
        else:
            self.export_btn.hide()
        lay.addLayout(bar)
        lay.addWidget(self.status)
        lay.addWidget(split, 1)
        self.draft_btn.clicked.connect(self.draft)
        self.lock_btn.clicked.connect(self.lock)
        self.print_btn.clicked.connect(self.print_slips)
        self.export_btn.clicked.connect(self.export)

        self.tabs = QTabWidget()
        self.tabs.addTab(run_tab, QCoreApplication.translate("PayPage", "Monthly run") if self.viewer else QCoreApplication.translate("PayPage", "My slips"))
        self.tabs.addTab(self._contests_tab(), QCoreApplication.translate("PayPage", "PK contests"))
        from opsdesk.ui.pages.pay.settings import add_settings_tabs

        self.settings_tabs = add_settings_tabs(self, self.tabs, ctx)
        outer = QVBoxLayout(self)
        outer.addWidget(self.tabs)
        self.reload()

    # ------------------------------------------------------------------ contests

    def _contests_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.contest_box = QComboBox()
        self.contest_box.setObjectName("contest")
        self.board = QTableWidget(0, 4)
        self.board.setObjectName("leaderboard")
        self.board.setHorizontalHeaderLabels([QCoreApplication.translate("PayPage", "Rank"), QCoreApplication.translate("PayPage", "Participant"), QCoreApplication.translate("PayPage", "Result"),
                                              QCoreApplication.translate("PayPage", "Prize")])
        self.board.verticalHeader().hide()
        self.board.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.board.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(self.contest_box)
        lay.addWidget(self.board, 1)
        for c in contests.list_contests(self.ctx.db, self.ctx.actor):
            self.contest_box.addItem(f"{c.name} ({c.date_from:%Y-%m-%d} – {c.date_to:%Y-%m-%d})",
                                     c.id)
        self.contest_box.currentIndexChanged.connect(lambda _i: self._show_board())
        self._show_board()
        return w

    def _show_board(self) -> None:
        self.board.setRowCount(0)
        cid = self.contest_box.currentData()
        if cid is None:
            return
        board = contests.leaderboard(self.ctx.db, self.ctx.actor, cid)
        cur = currency(self.ctx.store.currency)
        for st in board.standings:
            r = self.board.rowCount()
            self.board.insertRow(r)
            value = format_money(st.value, cur) if board.contest.metric is contests.Metric.REVENUE \
                else str(st.value)
            members = f"{st.label} ({'、'.join(st.members)})" if board.contest.teams else st.label
            for col, text in enumerate(("" if st.rank is None else str(st.rank), members, value,
                                        format_money(st.prize, cur) if st.prize else "")):
                self.board.setItem(r, col, QTableWidgetItem(text))

    # ------------------------------------------------------------------ the run

    def year_month(self) -> tuple[int, int]:
        d = self.month.date()
        return d.year(), d.month()

    def reload(self) -> None:
        try:
            if self.viewer:
                y, m = self.year_month()
                self.run = pay_runs.get_run(self.ctx.db, self.ctx.actor, y, m)
                slips = list(self.run.slips) if self.run else []
            else:
                self.run = None
                slips = pay_runs.my_slips(self.ctx.db, self.ctx.actor)
        except OpsError as e:
            self.status.setText(message_for(e))
            return
        self.model.set_rows(slips)
        self._update_status()
        if slips:
            self.table.selectRow(0)
        else:
            self.detail.show_slip(None)

    def _update_status(self) -> None:
        cur = currency(self.ctx.store.currency)
        if not self.viewer:
            n = self.model.rowCount()
            self.status.setText(QCoreApplication.translate("PayPage", "Your slips of locked months: %1").replace("%1", str(n)))
            self.print_btn.setEnabled(n > 0)
            return
        r = self.run
        if r is None:
            self.status.setText(QCoreApplication.translate("PayPage", "No run for this month yet."))
        else:
            s = r.summary
            if s.locked:
                text = QCoreApplication.translate("PayPage", "Locked on %1: %2 people, total %3.").replace(
                    "%1", f"{s.locked_at:%Y-%m-%d %H:%M}" if s.locked_at else "")
            else:
                text = QCoreApplication.translate("PayPage", "Draft: %2 people, total %3. Review each slip, then lock.")
            text = text.replace("%2", str(s.slips)).replace("%3", format_money(s.total, cur))
            if s.blocked:
                text += " " + QCoreApplication.translate("PayPage", "%1 need attention before the run can be locked.").replace(
                    "%1", str(s.blocked))
            self.status.setText(text)
        locked = r is not None and r.summary.locked
        self.draft_btn.setEnabled(not locked)
        self.lock_btn.setEnabled(r is not None and not locked and not r.summary.blocked)
        self.print_btn.setEnabled(r is not None and bool(r.slips))
        self.export_btn.setEnabled(r is not None and bool(r.slips))

    def _row_changed(self, current, _prev) -> None:  # noqa: ANN001
        v = self.model.valid_row(current)
        self.detail.show_slip(v)

    def _error(self, err: BaseException) -> None:
        if not isinstance(err, OpsError):
            raise err
        QMessageBox.warning(self, QCoreApplication.translate("PayPage", "Pay"), message_for(err))

    def draft(self) -> None:
        y, m = self.year_month()
        db, actor = self.ctx.db, self.ctx.actor

        def work(progress: tasks.Progress) -> pay_runs.RunSummary:
            def step(done: int, total: int) -> None:
                progress.check()
                progress.report(done, total)
            return pay_runs.draft_run(db, actor, y, m, step)

        self.job = tasks.run_with_dialog(self, QCoreApplication.translate("PayPage", "Working out the month's pay…"), work,
                                         on_done=lambda _s: self.reload(), on_error=self._error,
                                         write=True)

    def lock(self) -> None:
        y, m = self.year_month()
        answer = QMessageBox.question(
            self, QCoreApplication.translate("PayPage", "Lock run"),
            QCoreApplication.translate("PayPage", "Lock the pay run of %1? A locked run can never be changed; a correction goes "
               "into a later month as an adjustment.").replace("%1", texts.month_text(y, m)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            pay_runs.lock_run(self.ctx.db, self.ctx.actor, y, m)
        except OpsError as e:
            self._error(e)
        self.reload()

    def _slips_to_print(self) -> list[pay_runs.SlipView]:
        if self.viewer:
            return [v for v in (self.run.slips if self.run else ()) if not v.blocked]
        v = self.model.valid_row(self.table.currentIndex())
        return [v] if v is not None else []

    def print_slips(self) -> tasks.Job | None:
        views = self._slips_to_print()
        if not views:
            return None
        layout = self.layout_box.currentData()
        y, m = views[0].year, views[0].month
        out = new_pdf_path(f"slips-{y}-{m:02d}")
        name, cur = self.ctx.store.name, self.ctx.store.currency

        def work(progress: tasks.Progress) -> Path:
            def step(done: int, total: int) -> None:
                progress.check()
                progress.report(done, total)
            texts.write_slips(views, name, cur, out, layout, step)
            return out

        self.job = tasks.run_with_dialog(self, QCoreApplication.translate("PayPage", "Preparing slips…"), work,
                                         on_done=lambda path: deliver(self, path),
                                         on_error=self._error)
        return self.job

    def export(self, path: str | None = None) -> None:
        if self.run is None:
            return
        s = self.run.summary
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, QCoreApplication.translate("PayPage", "Export pay run"), f"pay-{s.year}-{s.month:02d}.xlsx",
                QCoreApplication.translate("PayPage", "Excel workbook (*.xlsx)"))
            if not path:
                return
        from opsdesk.io.export import export_rows, money_cell

        cur = self.ctx.store.currency
        pats = texts.templates()
        headers = [QCoreApplication.translate("PayPage", "Name"), QCoreApplication.translate("PayPage", "Position"), QCoreApplication.translate("PayPage", "Department"), QCoreApplication.translate("PayPage", "Item"), QCoreApplication.translate("PayPage", "Basis"),
                   QCoreApplication.translate("PayPage", "Amount"), QCoreApplication.translate("PayPage", "Slip total")]
        rows = []
        for v in self.run.slips:
            for ln in v.lines:
                rows.append([v.staff_name, v.position, v.department, texts.kind_label(ln.kind),
                             texts.basis_text(ln.basis, cur, pats), money_cell(ln.amount, cur),
                             money_cell(v.total, cur)])
        try:
            export_rows(path, headers, rows, sheet_title=f"{s.year}-{s.month:02d}")
        except OpsError as e:
            self._error(e)
