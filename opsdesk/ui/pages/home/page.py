"""The home page, the first thing after login: today at a glance for the person's role.

It opens at once with placeholders and fills itself from two background jobs: the day's figures
(``services.home.today``) and, for the owner and manager, the seven-systems check's top gaps
(``services.systems_check.run``), which reads more and may arrive a moment later. Every link
switches the main window to the page that does the work.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from opsdesk.db import clock
from opsdesk.domain.errors import OpsError
from opsdesk.domain.money import currency, format_money
from opsdesk.domain.pace import PaceStatus
from opsdesk.services import home, systems_check
from opsdesk.ui import tasks
from opsdesk.ui.context import AppContext
from opsdesk.ui.messages import message_for
from opsdesk.ui.pages.dashboard import texts
from opsdesk.ui.pages.sales_process.texts import RULES
from opsdesk.ui.pages.sales_process.texts import name as rule_name

CARD_STYLE = ("QFrame#card { background: white; border: 1px solid #dfe4ea; border-radius: 8px; }")
PACE_COLOURS = {PaceStatus.GREEN: "#2e7d32", PaceStatus.AMBER: "#ef6c00",
                PaceStatus.RED: "#c62828"}


def today() -> date:
    return clock.now().date()


def open_page(widget: QWidget, key: str) -> bool:
    """Switch the main window to page ``key`` if this person has it; False otherwise."""
    win = widget.window()
    specs = getattr(win, "specs", None)
    if specs is None or not any(s.key == key for s in specs):
        return False
    win.open_page(key)
    return True


def has_page(widget: QWidget, key: str) -> bool:
    specs = getattr(widget.window(), "specs", None)
    return specs is not None and any(s.key == key for s in specs)


class Card(QFrame):
    """A figure with its caption and a line below it."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName("card")
        self.caption = QLabel()
        self.caption.setStyleSheet("color: #57606a; font-size: 10pt;")
        self.value = QLabel("…")
        self.value.setObjectName(f"{name}_value")
        self.value.setStyleSheet("font-size: 20pt; font-weight: 600; color: #1f2328;")
        self.note = QLabel()
        self.note.setObjectName(f"{name}_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #57606a;")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 10, 14, 10)
        lay.addWidget(self.caption)
        lay.addWidget(self.value)
        lay.addWidget(self.note)


class Section(QFrame):
    """A titled box holding lines of text and link buttons."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName("card")
        self.title = QLabel()
        self.title.setObjectName(f"{name}_title")
        self.title.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.body = QVBoxLayout()
        self.body.setSpacing(4)
        self.footer = QHBoxLayout()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 10, 14, 10)
        lay.addWidget(self.title)
        lay.addLayout(self.body)
        lay.addLayout(self.footer)
        lay.addStretch()
        self.lines: list[QWidget] = []

    def clear(self) -> None:
        for w in self.lines:
            self.body.removeWidget(w)
            w.deleteLater()
        self.lines = []

    def add_line(self, text: str, *, link: tuple[str, str] | None = None,
                 colour: str | None = None) -> QLabel:
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        lab = QLabel(text)
        lab.setWordWrap(True)
        lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if colour:
            lab.setStyleSheet(f"color: {colour};")
        h.addWidget(lab, 1)
        if link is not None:
            btn = QPushButton(link[1])
            btn.setObjectName(f"go_{link[0]}")
            btn.setFlat(True)
            btn.setStyleSheet("color: #0969da; text-align: right;")
            btn.setCursor(Qt.CursorShape.PointingHandCursor)
            btn.clicked.connect(lambda _=False, k=link[0]: open_page(self, k))
            h.addWidget(btn)
        self.body.addWidget(row)
        self.lines.append(row)
        return lab


class HomePage(QWidget):
    # Emitted when a part has arrived: "figures" or "gaps" (tests wait on it).
    loaded = Signal(str)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.cur = currency(ctx.store.currency)
        self.data: home.HomeData | None = None
        self.report: systems_check.CheckReport | None = None
        self.shows_store = ctx.actor.can(home.Permission.DASHBOARD_VIEW)
        self.title = QLabel()
        self.title.setObjectName("home_title")
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: #57606a;")
        self.status = QLabel()
        self.status.setObjectName("home_status")
        self.status.setStyleSheet("color: #57606a;")
        self.cards = {k: Card(k) for k in ("registrations", "topups", "sales")}
        if self.shows_store:
            self.cards["pace"] = Card("pace")
        self.followups = Section("followups")
        self.latest = Section("latest")
        self.plan = Section("plan")
        self.gaps = Section("gaps")
        inner = QWidget()
        inner.setStyleSheet(CARD_STYLE)
        lay = QVBoxLayout(inner)
        lay.setContentsMargins(18, 14, 18, 14)
        lay.setSpacing(10)
        lay.addWidget(self.title)
        lay.addWidget(self.subtitle)
        row = QHBoxLayout()
        for c in self.cards.values():
            row.addWidget(c, 1)
        lay.addLayout(row)
        grid = QGridLayout()
        grid.setSpacing(10)
        if self.shows_store:
            grid.addWidget(self.plan, 0, 0)
            grid.addWidget(self.gaps, 0, 1)
            grid.addWidget(self.followups, 1, 0)
            grid.addWidget(self.latest, 1, 1)
        else:
            grid.addWidget(self.followups, 0, 0)
            grid.addWidget(self.latest, 0, 1)
            self.plan.hide()
            self.gaps.hide()
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        lay.addLayout(grid)
        lay.addWidget(self.status)
        lay.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.retranslate()
        self.refresh()

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        day = today()
        self.day = day
        self.status.setText(self.tr("Loading today's figures…"))
        job = tasks.Job(lambda _p: home.today(self.ctx.db, self.ctx.actor, day))
        job.signals.finished.connect(self._figures)
        job.signals.failed.connect(self._failed)
        tasks.start(job)
        if self.shows_store:
            gj = tasks.Job(lambda _p: systems_check.run(self.ctx.db, self.ctx.actor, day))
            gj.signals.finished.connect(self._gaps)
            gj.signals.failed.connect(self._failed)
            tasks.start(gj)

    def _failed(self, err: BaseException) -> None:
        if isinstance(err, OpsError):
            self.status.setText(message_for(err))
        else:
            import logging

            logging.getLogger(__name__).error("home page", exc_info=err)
            self.status.setText(self.tr("Something went wrong; the log has the details."))

    def money(self, minor: int) -> str:
        loc = QLocale()
        return format_money(minor, self.cur, group=loc.groupSeparator(),
                            point=loc.decimalPoint())

    def _figures(self, data: home.HomeData) -> None:
        self.data = data
        self.status.setText("")
        self._show_figures()
        self.loaded.emit("figures")

    def _gaps(self, report: systems_check.CheckReport) -> None:
        self.report = report
        self._show_gaps()
        self.loaded.emit("gaps")

    # ------------------------------------------------------------------ showing

    def _show_figures(self) -> None:
        d = self.data
        if d is None:
            return
        f = d.figures
        c = self.cards
        c["registrations"].value.setText(str(f.registrations))
        c["registrations"].note.setText(
            self.tr("registered by me today") if f.own else self.tr("new customers today"))
        c["topups"].value.setText(self.money(f.topup_amount))
        c["topups"].note.setText(self.tr("top-ups today: %1").replace("%1", str(f.topups)))
        c["sales"].value.setText(self.money(f.revenue))
        c["sales"].note.setText(self.tr("sales today: %1").replace("%1", str(f.sales)))
        if "pace" in c and d.revenue is not None:
            self._show_pace(d.revenue)
        self._show_followups(d.followups)
        self._show_latest(f)
        if self.shows_store:
            self._show_plan(d)

    def _show_pace(self, r: home.RevenuePace) -> None:
        card = self.cards["pace"]
        card.value.setText(self.money(r.month_to_date))
        if r.pace is not None and r.pace.percent is not None:
            colour = PACE_COLOURS[r.pace.status]
            card.value.setStyleSheet(f"font-size: 20pt; font-weight: 600; color: {colour};")
            card.note.setText(self.tr("month to date: %1% of the plan's pace (due %2)")
                              .replace("%1", str(r.pace.percent))
                              .replace("%2", self.money(r.pace.due)))
        else:
            rate = r.change.rate
            vs = texts.percent_text(None if rate is None else round(rate * 1000))
            if rate is not None and rate > 0:
                vs = "+" + vs
            card.note.setText(self.tr("month to date; %1 against the same days last month")
                              .replace("%1", vs))

    def _show_followups(self, due: home.FollowUpsDue | None) -> None:
        s = self.followups
        s.clear()
        if due is None:
            s.add_line(self.tr("You have no follow-up queue."))
            return
        s.add_line(self.tr("%1 overdue, %2 due today").replace("%1", str(due.overdue))
                   .replace("%2", str(due.today)),
                   colour="#c62828" if due.overdue else None)
        for row in due.rows:
            when = QLocale().toString(row.queue_on, QLocale.FormatType.ShortFormat) \
                if hasattr(row.queue_on, "year") else str(row.queue_on)
            rule = rule_name(RULES, row.rule)
            who = f" · {row.staff_name}" if due.team and row.staff_name else ""
            s.add_line(f"{row.customer_name} · {rule} · {when}{who}")
        if not due.rows:
            s.add_line(self.tr("Nobody is waiting for a call today."))
        s.add_line("", link=("followups", self.tr("Open the follow-up queue →")))

    def _show_latest(self, f: home.DayFigures) -> None:
        s = self.latest
        s.clear()
        if f.own:
            s.add_line(self.tr("Registered by you today: %1").replace("%1", str(f.registrations)))
            s.add_line("", link=("members", self.tr("Register a member →")))
            return
        for r in f.latest:
            s.add_line(f"{r.name} · {QLocale().toString(r.at.time(), 'HH:mm')}")
        if not f.latest:
            s.add_line(self.tr("Nobody registered yet today."))
        s.add_line("", link=("members", self.tr("Register a member →")))

    def _show_plan(self, d: home.HomeData) -> None:
        s = self.plan
        s.clear()
        if d.red_cells is None:
            if d.revenue is not None and d.revenue.plan_readable:
                s.add_line(self.tr("No target plan for this year yet."))
            else:
                s.add_line(self.tr("Plan tracking is not set up yet."))
            if has_page(self, "targets"):
                s.add_line("", link=("targets", self.tr("Set the year's targets →")))
            return
        if not d.red_cells:
            s.add_line(self.tr("Everyone is on pace with the plan."), colour="#2e7d32")
        for cell in d.red_cells[:6]:
            what = texts.tr_(texts.INDICATORS.get(cell.indicator, cell.indicator))
            pct = "—" if cell.percent is None else f"{cell.percent}%"
            s.add_line(self.tr("%1 · %2: %3 of pace").replace("%1", cell.name)
                       .replace("%2", what).replace("%3", pct), colour="#c62828")
        if has_page(self, "targets"):
            s.add_line("", link=("targets", self.tr("Open plan tracking →")))

    def _show_gaps(self) -> None:
        s = self.gaps
        s.clear()
        if self.report is None:
            return
        top = self.report.top_gaps
        if not top:
            s.add_line(self.tr("Every system checked is set up."), colour="#2e7d32")
        for f in top:
            link = (f.page, self.tr("Fix →")) if has_page(self, f.page) else None
            s.add_line("• " + texts.finding_text(f), link=link)
        if has_page(self, "dashboard"):
            s.add_line("", link=("dashboard", self.tr("The whole check →")))

    def retranslate(self) -> None:
        name = self.ctx.actor.name
        self.title.setText(self.tr("Today at a glance, %1").replace("%1", name))
        self.subtitle.setText(QLocale().toString(today(), QLocale.FormatType.LongFormat))
        c = self.cards
        c["registrations"].caption.setText(self.tr("Registrations"))
        c["topups"].caption.setText(self.tr("Top-ups"))
        c["sales"].caption.setText(self.tr("Sales today"))
        if "pace" in c:
            c["pace"].caption.setText(self.tr("Revenue this month"))
        self.followups.title.setText(self.tr("Follow-ups due"))
        self.latest.title.setText(self.tr("Registered today"))
        self.plan.title.setText(self.tr("Behind the plan"))
        self.gaps.title.setText(self.tr("Is your system complete? Top gaps"))
        if self.data is not None:
            self._show_figures()
        if self.report is not None:
            self._show_gaps()

