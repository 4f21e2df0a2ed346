"""The work queue (跟进): today's, overdue and upcoming follow-ups for me or, for a manager, the
team or one colleague. Completing a task opens the visit form for its customer, and saving the
visit closes the task in the same gesture; snooze moves it to a later day; a manager reassigns.

The tasks of the day are generated in the background the first time the page opens each day
(generation is idempotent, so another run, or a colleague's, creates nothing twice).
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opsdesk.domain.errors import OpsError
from opsdesk.domain.phone import format_mobile
from opsdesk.domain.roles import Permission
from opsdesk.services import followups
from opsdesk.services import staff as staff_service
from opsdesk.ui import tasks
from opsdesk.ui.context import AppContext
from opsdesk.ui.labels import STAGES, label
from opsdesk.ui.messages import message_for
from opsdesk.ui.models.paged_table import Column, Page, PagedTableModel
from opsdesk.ui.pages.sales_process.badge import REFRESH_MS, UPCOMING_DAYS, default_scope, today
from opsdesk.ui.pages.sales_process.texts import RULES, name
from opsdesk.ui.widgets.form import ErrorForm

log = logging.getLogger(__name__)

BUCKETS = (followups.Bucket.TODAY, followups.Bucket.OVERDUE, followups.Bucket.UPCOMING)



def _generated_key(store_id: int) -> str:
    return f"followups/generated_on/{store_id}"


def task_columns(country: str, staff_names: dict[int, str] | None = None) -> list[Column]:
    def due(r: followups.TaskRow) -> str:
        if r.status == "snoozed" and r.queue_on != r.due_on:
            return QCoreApplication.translate("FollowUpsPage", "%1 (snoozed to %2)").replace("%1", r.due_on.isoformat()) \
                .replace("%2", r.queue_on.isoformat())
        return r.due_on.isoformat()

    return [
        Column(lambda: QCoreApplication.translate("FollowUpsPage", "Customer"), lambda r: r.customer_name),
        Column(lambda: QCoreApplication.translate("FollowUpsPage", "Mobile"), lambda r: format_mobile(r.phone, country)),
        Column(lambda: QCoreApplication.translate("FollowUpsPage", "Stage"), lambda r: label(STAGES, r.stage)),
        Column(lambda: QCoreApplication.translate("FollowUpsPage", "Why"), lambda r: name(RULES, r.rule)),
        Column(lambda: QCoreApplication.translate("FollowUpsPage", "Due"), due),
        Column(lambda: QCoreApplication.translate("FollowUpsPage", "Assigned to"), lambda r: r.staff_name or QCoreApplication.translate("FollowUpsPage", "Nobody")),
        Column(lambda: QCoreApplication.translate("FollowUpsPage", "Note"), lambda r: r.note),
    ]


class SnoozeDialog(QDialog):
    """Move a task to a later day: +1, +3, +7 days or a date; Enter saves, Esc cancels."""

    def __init__(self, ctx: AppContext, task: followups.TaskRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snooze_dialog")
        self.ctx, self.task = ctx, task
        self.result_row: followups.TaskRow | None = None
        self.form = ErrorForm()
        self.until = QDateEdit()
        self.until.setObjectName("until")
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.until.setDate(today() + timedelta(days=1))
        box = QWidget()
        bl = QHBoxLayout(box)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.until, 1)
        self.quick: dict[int, QPushButton] = {}
        for days in (1, 3, 7):
            b = QPushButton()
            b.setObjectName(f"plus_{days}")
            b.setAutoDefault(False)
            b.clicked.connect(lambda _c=False, d=days: self.until.setDate(
                today() + timedelta(days=d)))
            self.quick[days] = b
            bl.addWidget(b)
        box.setFocusProxy(self.until)
        self.cap = self.form.add_row("until", box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        self.head = QLabel()
        lay = QVBoxLayout(self)
        lay.addWidget(self.head)
        lay.addWidget(self.form)
        lay.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Snooze follow-up"))
        self.head.setText(self.tr("Follow up %1 later, on:").replace("%1", task.customer_name))
        self.cap.setText(self.tr("&Until"))
        for days, b in self.quick.items():
            b.setText(self.tr("+&%1 d").replace("%1", str(days)))
        self.until.setFocus()

    def save(self) -> None:
        d = self.until.date()
        try:
            self.result_row = followups.snooze(self.ctx.db, self.ctx.actor, self.task.id,
                                               date(d.year(), d.month(), d.day()))
        except OpsError as e:
            self.form.show_error(e)
            return
        self.accept()


class ReassignDialog(QDialog):
    """Give the chosen tasks to a colleague (managers)."""

    def __init__(self, ctx: AppContext, task_ids: list[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reassign_dialog")
        self.ctx, self.task_ids = ctx, task_ids
        self.moved: int | None = None
        self.form = ErrorForm()
        self.staff = QComboBox()
        self.staff.setObjectName("to_staff")
        for p in staff_service.list_staff(ctx.db, ctx.actor, include_inactive=False):
            self.staff.addItem(p.name, p.id)
        self.cap = self.form.add_row("to_staff_id", self.staff)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.head = QLabel()
        lay = QVBoxLayout(self)
        lay.addWidget(self.head)
        lay.addWidget(self.form)
        lay.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Reassign follow-ups"))
        self.head.setText(self.tr("Give %1 follow-up(s) to:").replace("%1", str(len(task_ids))))
        self.cap.setText(self.tr("&Colleague"))
        self.staff.setFocus()

    def save(self) -> None:
        try:
            self.moved = followups.reassign(self.ctx.db, self.ctx.actor, self.task_ids,
                                            self.staff.currentData())
        except OpsError as e:
            self.form.show_error(e, {"task_ids": ""})
            return
        self.accept()


class FollowUpsPage(QWidget):
    badge_changed = Signal(int)  # the work due by today in the chosen scope
    generated = Signal(object)  # GenerationResult of a background run, or the error

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.team = ctx.actor.can(Permission.FOLLOWUPS_TEAM)
        self.counts = followups.QueueCounts(0, 0, 0)
        self.job: tasks.Job | None = None
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.scope = QComboBox()
        self.scope.setObjectName("scope")
        if ctx.actor.staff_id is not None:
            self.scope.addItem("", followups.Scope.MINE.value)
        if self.team:
            self.scope.addItem("", followups.Scope.TEAM.value)
            for p in staff_service.list_staff(ctx.db, ctx.actor, include_inactive=True):
                if p.id != ctx.actor.staff_id:
                    self.scope.addItem(p.name if p.active else f"{p.name} †",
                                       p.id)
        self.scope.setVisible(self.team)
        if default_scope(ctx) is followups.Scope.TEAM:
            self.scope.setCurrentIndex(max(0, self.scope.findData(followups.Scope.TEAM.value)))
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        self.generate_button = QPushButton()
        self.generate_button.setObjectName("generate")
        self.generate_button.clicked.connect(lambda: self.generate_in_background(force=True))
        self.generate_button.setVisible(self.team)
        self.tabs = QTabBar()
        self.tabs.setObjectName("buckets")
        self.tabs.setExpanding(False)
        for _b in BUCKETS:
            self.tabs.addTab("")
        self.tabs.currentChanged.connect(lambda _i: self.reload_rows())
        self.model = PagedTableModel(task_columns(ctx.store.country), self._fetch, self)
        self.table = QTableView()
        self.table.setObjectName("task_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for i, width in enumerate((110, 130, 90, 190, 170, 90)):
            header.resizeSection(i, width)
        self.table.activated.connect(lambda _i: self.complete_selected())
        self.buttons: dict[str, QPushButton] = {}
        actions = [("complete", self.complete_selected), ("snooze", self.snooze_selected)]
        if self.team:
            actions.append(("reassign", self.reassign_selected))
        actions += [("open", self.open_customer), ("refresh", self.refresh)]
        bar = QHBoxLayout()
        for key, slot in actions:
            b = QPushButton()
            b.setObjectName(key)
            b.clicked.connect(lambda _c=False, f=slot: f())
            self.buttons[key] = b
            bar.addWidget(b)
        bar.addStretch()
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setStyleSheet("color: #57606f;")
        self.empty = QLabel()
        self.empty.setObjectName("empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #57606f; font-size: 12pt; padding: 24px;")
        self.empty.hide()
        QShortcut(QKeySequence("F5"), self, activated=self.refresh)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.complete_selected)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.snooze_selected)
        QShortcut(QKeySequence("Ctrl+O"), self, activated=self.open_customer)
        QShortcut(QKeySequence("Ctrl+Tab"), self,
                  activated=lambda: self.tabs.setCurrentIndex(
                      (self.tabs.currentIndex() + 1) % self.tabs.count()))
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch()
        top.addWidget(self.scope)
        top.addWidget(self.generate_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 14, 18, 14)
        lay.addLayout(top)
        lay.addWidget(self.tabs)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.empty, 1)
        lay.addLayout(bar)
        lay.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self._shown_once = False
        self.retranslate()
        self.refresh()

    # --- state ------------------------------------------------------------------------------
    def scope_value(self) -> tuple[followups.Scope, int | None]:
        """(scope, staff_id): the items hold 'mine', 'team' or a colleague's staff id."""
        data = self.scope.currentData()
        if isinstance(data, int):
            return followups.Scope.TEAM, data
        return followups.Scope(data or followups.Scope.TEAM.value), None

    def bucket(self) -> followups.Bucket:
        return BUCKETS[max(0, self.tabs.currentIndex())]

    def _fetch(self, after_key, limit: int) -> Page:  # noqa: ANN001
        scope, staff_id = self.scope_value()
        page = followups.queue(self.ctx.db, self.ctx.actor, today(), self.bucket(), scope,
                               staff_id, after_key, limit, UPCOMING_DAYS)
        return Page(page.rows, page.next_key)

    def refresh(self) -> None:
        """Counts on the tabs and in the sidebar, then the rows of the chosen tab."""
        scope, staff_id = self.scope_value()
        try:
            self.counts = followups.queue_counts(self.ctx.db, self.ctx.actor, today(), scope,
                                                 staff_id, UPCOMING_DAYS)
        except OpsError as e:
            self.status.setText(message_for(e))
            return
        self._tab_texts()
        self.badge_changed.emit(self.counts.badge)
        self.reload_rows()

    def reload_rows(self) -> None:
        try:
            self.model.reset(self._fetch)
        except OpsError as e:
            self.status.setText(message_for(e))
            return
        empty = self.model.rowCount() == 0
        self.empty.setVisible(empty)
        self.table.setVisible(not empty)
        if not empty:
            self.table.selectRow(0)

    def selected_rows(self) -> list[followups.TaskRow]:
        sel = self.table.selectionModel().selectedRows()
        return [self.model.row_at(i.row()) for i in sorted(sel, key=lambda i: i.row())]

    def current_task(self) -> followups.TaskRow | None:
        rows = self.selected_rows()
        if rows:
            return rows[0]
        idx = self.table.currentIndex()
        return self.model.row_at(idx.row()) if idx.isValid() else None

    # --- actions ----------------------------------------------------------------------------
    def complete_selected(self) -> None:
        task = self.current_task()
        if task is None:
            return
        from opsdesk.ui.pages.sales_process.visit_form import VisitDialog

        dlg = VisitDialog(self.ctx, task=task, parent=self)
        if dlg.exec() and dlg.result_visit is not None:
            self.status.setText(self.tr("Visit logged; the follow-up for %1 is done.")
                                .replace("%1", task.customer_name))
            self.refresh()

    def snooze_selected(self) -> None:
        task = self.current_task()
        if task is None:
            return
        dlg = SnoozeDialog(self.ctx, task, self)
        if dlg.exec() and dlg.result_row is not None:
            self.status.setText(self.tr("%1 snoozed to %2.")
                                .replace("%1", task.customer_name)
                                .replace("%2", dlg.result_row.queue_on.isoformat()))
            self.refresh()

    def reassign_selected(self) -> None:
        ids = [r.id for r in self.selected_rows()]
        if not ids or not self.team:
            return
        dlg = ReassignDialog(self.ctx, ids, self)
        if dlg.exec() and dlg.moved is not None:
            self.status.setText(self.tr("%1 follow-up(s) reassigned.").replace(
                "%1", str(dlg.moved)))
            self.refresh()

    def open_customer(self) -> None:
        task = self.current_task()
        if task is None:
            return
        from opsdesk.ui.pages.members.profile import MemberProfileDialog

        MemberProfileDialog(self.ctx, task.customer_id, self).exec()
        self.refresh()

    # --- generation -------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt API)
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self.generate_in_background)

    def generate_in_background(self, force: bool = False) -> tasks.Job | None:
        """Create the day's tasks off the GUI thread; once a day unless ``force``."""
        if self.job is not None:
            return self.job
        day = today()
        settings = QSettings()
        key = _generated_key(self.ctx.store.id)
        if not force and str(settings.value(key, "") or "") == day.isoformat():
            return None
        self.generate_button.setEnabled(False)
        self.status.setText(self.tr("Finding today's follow-ups…"))
        job = tasks.Job(_generate, self.ctx.db, self.ctx.actor, day)
        job.signals.finished.connect(lambda r, d=day: self._generated(r, d))
        job.signals.failed.connect(self._generation_failed)
        job.signals.progress.connect(self._generation_progress)
        self.job = tasks.start(job, write=True)
        return job

    def _generation_progress(self, done: int, total: int, rule: str) -> None:
        # On a large store that never ran the rules the first run takes seconds: say which.
        if self.job is not None and rule:
            self.status.setText(self.tr("Finding today's follow-ups… %1 (%2 of %3)")
                                .replace("%1", name(RULES, rule)).replace("%2", str(done + 1))
                                .replace("%3", str(total)))

    def _generated(self, result: followups.GenerationResult, day: date) -> None:
        self.job = None
        self.generate_button.setEnabled(True)
        QSettings().setValue(_generated_key(self.ctx.store.id), day.isoformat())
        self.status.setText(self.tr("%1 new follow-up(s) found.").replace(
            "%1", str(result.created)))
        self.refresh()
        self.generated.emit(result)

    def _generation_failed(self, error: BaseException) -> None:
        self.job = None
        self.generate_button.setEnabled(True)
        if isinstance(error, OpsError):
            self.status.setText(message_for(error))
        else:
            log.error("follow-up generation failed", exc_info=error)
            self.status.setText(self.tr("Finding follow-ups went wrong; see the log."))
        self.generated.emit(error)

    # --- texts ------------------------------------------------------------------------------
    def _tab_texts(self) -> None:
        c = self.counts
        texts = {followups.Bucket.TODAY: (self.tr("Today (%1)"), c.today),
                 followups.Bucket.OVERDUE: (self.tr("Overdue (%1)"), c.overdue),
                 followups.Bucket.UPCOMING: (self.tr("Next 7 days (%1)"), c.upcoming)}
        for i, b in enumerate(BUCKETS):
            text, n = texts[b]
            self.tabs.setTabText(i, text.replace("%1", str(n)))
        overdue = BUCKETS.index(followups.Bucket.OVERDUE)
        self.tabs.setTabTextColor(overdue, Qt.GlobalColor.darkRed if c.overdue else
                                  self.tabs.tabTextColor(0))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Follow-ups"))
        for i in range(self.scope.count()):
            data = self.scope.itemData(i)
            if data == followups.Scope.MINE.value:
                self.scope.setItemText(i, self.tr("Mine"))
            elif data == followups.Scope.TEAM.value:
                self.scope.setItemText(i, self.tr("Whole team"))
        self.generate_button.setText(self.tr("&Generate now"))
        self.generate_button.setToolTip(self.tr(
            "Apply the follow-up rules to every customer now (also done once a day)"))
        texts = {"complete": self.tr("Log visit && &complete (Enter)"),
                 "snooze": self.tr("&Snooze… (Ctrl+S)"),
                 "reassign": self.tr("&Reassign…"),
                 "open": self.tr("&Open customer (Ctrl+O)"),
                 "refresh": self.tr("Refresh (F5)")}
        for key, b in self.buttons.items():
            b.setText(texts[key])
        self.empty.setText(self.tr("Nothing to follow up here. Well done."))
        self._tab_texts()


def _generate(progress: tasks.Progress, db, actor, day: date):  # noqa: ANN001, ANN202
    return followups.generate(db, actor, day, progress=progress.report)
