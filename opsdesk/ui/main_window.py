"""The main window: a sidebar of pages (built on first visit) and a status line.

Pages register in ``PAGES``; each is created lazily so start-up costs only the page shown first,
and is dropped and rebuilt when the language changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from opsdesk.domain.roles import Permission
from opsdesk.ui.context import AppContext


@dataclass(frozen=True)
class PageSpec:
    key: str
    # Marked with QT_TRANSLATE_NOOP("MainWindow", ...): lupdate takes the context of ``x.tr()``
    # from the receiver's name, so ``w.tr()`` in a lambda would land in a context called "w".
    title: str | Callable[[QWidget], str]
    factory: Callable[[AppContext], QWidget]
    permission: Permission | None = None


def _lazy(module: str, cls: str) -> Callable[[AppContext], QWidget]:
    """A factory importing its page on first use, so start-up pays only for the page shown."""

    def make(ctx: AppContext) -> QWidget:
        import importlib

        return getattr(importlib.import_module(module), cls)(ctx)

    return make


PAGES: list[PageSpec] = [
    PageSpec("home", QT_TRANSLATE_NOOP("MainWindow", "Home"),
             _lazy("opsdesk.ui.pages.home.page", "HomePage")),
    PageSpec("dashboard", QT_TRANSLATE_NOOP("MainWindow", "Dashboard"),
             _lazy("opsdesk.ui.pages.dashboard.page", "DashboardPage"), Permission.DASHBOARD_VIEW),
    PageSpec("members", QT_TRANSLATE_NOOP("MainWindow", "Members"),
             _lazy("opsdesk.ui.pages.members.page", "MembersPage"), Permission.MEMBERS_VIEW),
    PageSpec("followups", QT_TRANSLATE_NOOP("MainWindow", "Follow-ups"),
             _lazy("opsdesk.ui.pages.sales_process.queue", "FollowUpsPage"),
             Permission.FOLLOWUPS_WORK),
    PageSpec("visits", QT_TRANSLATE_NOOP("MainWindow", "Visits"),
             _lazy("opsdesk.ui.pages.sales_process.visit_list", "VisitsPage"),
             Permission.VISITS_LOG),
    PageSpec("pipeline", QT_TRANSLATE_NOOP("MainWindow", "Sales Process"),
             _lazy("opsdesk.ui.pages.sales_process.pipeline", "PipelinePage"),
             Permission.MEMBERS_VIEW),
    PageSpec("ladder", QT_TRANSLATE_NOOP("MainWindow", "Member Ladder"),
             _lazy("opsdesk.ui.pages.ladder.page", "LadderPage"), Permission.MEMBERS_VIEW),
    PageSpec("products", QT_TRANSLATE_NOOP("MainWindow", "Products"),
             _lazy("opsdesk.ui.pages.products.page", "ProductsPage"), Permission.MEMBERS_VIEW),
    PageSpec("launches", QT_TRANSLATE_NOOP("MainWindow", "Launches"), _lazy("opsdesk.ui.pages.launches.page", "LaunchesPage"), Permission.LAUNCHES_RECORD),
    PageSpec("promotion", QT_TRANSLATE_NOOP("MainWindow", "Promotion"), _lazy("opsdesk.ui.pages.promotion.page", "PromotionPage"), Permission.PROMOTERS_MANAGE),
    PageSpec("targets", QT_TRANSLATE_NOOP("MainWindow", "Targets"),
             _lazy("opsdesk.ui.pages.targets.page", "TargetsPage"), Permission.TARGETS_VIEW),
    PageSpec("pay", QT_TRANSLATE_NOOP("MainWindow", "Pay"), _lazy("opsdesk.ui.pages.pay.page", "PayPage"), Permission.PAY_VIEW_OWN),
    PageSpec("organisation", QT_TRANSLATE_NOOP("MainWindow", "Organisation"),
             _lazy("opsdesk.ui.pages.organisation.page", "OrganisationPage"), Permission.STAFF_VIEW),
    PageSpec("staff", QT_TRANSLATE_NOOP("MainWindow", "Staff & Roles"),
             _lazy("opsdesk.ui.pages.staff.page", "StaffPage"), Permission.STAFF_VIEW),
    PageSpec("settings", QT_TRANSLATE_NOOP("MainWindow", "Settings"),
             _lazy("opsdesk.ui.pages.settings.page", "SettingsPage")),
    PageSpec("about", QT_TRANSLATE_NOOP("MainWindow", "About"),
             _lazy("opsdesk.ui.pages.about.page", "AboutPage")),
]


class MainWindow(QMainWindow):
    logout_requested = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.ctx = ctx
        self.specs = [p for p in PAGES if p.permission is None or ctx.actor.can(p.permission)]
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(190)
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setStyleSheet(
            "QListWidget { background: #2f3542; color: #f1f2f6; border: none; font-size: 11pt;"
            " outline: 0; }"
            "QListWidget::item { padding: 10px 14px; }"
            "QListWidget::item:selected { background: #ff6b81; color: white; }")
        self.stack = QStackedWidget()
        self._pages: dict[str, QWidget] = {}
        # Counts shown beside a sidebar entry ("Follow-ups (12)"), set by the page or the timer.
        self.badges: dict[str, int] = {}
        central = QWidget()
        lay = QHBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.sidebar)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        for spec in self.specs:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.sidebar.addItem(item)
        self.who = QLabel()
        self.who.setObjectName("who")
        self.statusBar().addPermanentWidget(self.who)
        self._build_menu()
        self.sidebar.currentRowChanged.connect(self._show_row)
        self._badge_timer = QTimer(self)
        self._badge_timer.timeout.connect(self.refresh_badges)
        if any(s.key == "followups" for s in self.specs):
            self.refresh_badges()
            from opsdesk.ui.pages.sales_process.badge import REFRESH_MS

            self._badge_timer.start(REFRESH_MS)
        self.retranslate()
        self.sidebar.setCurrentRow(0)
        geometry = ctx.settings.geometry("main")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1180, 760)

    def _build_menu(self) -> None:
        self.menu_file = self.menuBar().addMenu("")
        self.act_logout = QAction(self)
        self.act_logout.setShortcut(QKeySequence("Ctrl+L"))
        self.act_logout.triggered.connect(self.logout_requested.emit)
        self.act_quit = QAction(self)
        self.act_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.act_quit.triggered.connect(self.close)
        self.menu_file.addAction(self.act_logout)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)

    def page(self, key: str) -> QWidget:
        if key not in self._pages:
            spec = next(s for s in self.specs if s.key == key)
            w = spec.factory(self.ctx)
            w.setObjectName(f"page_{key}")
            badge_changed = getattr(w, "badge_changed", None)
            if badge_changed is not None:
                badge_changed.connect(lambda n, k=key: self.set_badge(k, n))
            self._pages[key] = w
            self.stack.addWidget(w)
        return self._pages[key]

    def set_badge(self, key: str, count: int | None) -> None:
        if count is None:
            self.badges.pop(key, None)
        else:
            self.badges[key] = count
        self._sidebar_texts()

    def refresh_badges(self) -> None:
        """The follow-up count when its page is not open (an open page keeps it current)."""
        if "followups" in self._pages:
            self._pages["followups"].refresh()
            return
        from opsdesk.ui.pages.sales_process.badge import badge_count

        self.set_badge("followups", badge_count(self.ctx))

    def open_page(self, key: str) -> QWidget:
        row = next(i for i, s in enumerate(self.specs) if s.key == key)
        self.sidebar.setCurrentRow(row)
        return self.page(key)

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        current = self.page(self.specs[row].key)
        # A stack is as wide as its widest page, shown or not; hidden pages give up their size so
        # one wide page does not widen the window while another is on screen.
        for w in self._pages.values():
            policy = QSizePolicy.Policy.Preferred if w is current else QSizePolicy.Policy.Ignored
            w.setSizePolicy(policy, policy)
        self.stack.setCurrentWidget(current)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._rebuild_pages()
        super().changeEvent(event)

    def _rebuild_pages(self) -> None:
        current = self.sidebar.currentRow()
        for w in self._pages.values():
            self.stack.removeWidget(w)
            w.deleteLater()
        self._pages.clear()
        self._show_row(current)

    def retranslate(self) -> None:
        from opsdesk.ui.pages.staff.roles import role_name

        self.setWindowTitle(self.tr("OpsDesk — %1").replace("%1", self.ctx.store.name))
        self._sidebar_texts()
        self.who.setText(self.tr("%1 · %2 · %3")
                         .replace("%1", self.ctx.actor.name)
                         .replace("%2", role_name(self.ctx.actor.role))
                         .replace("%3", self.ctx.store.name))
        self.menu_file.setTitle(self.tr("&File"))
        self.act_logout.setText(self.tr("&Log out"))
        self.act_quit.setText(self.tr("&Quit"))

    def _sidebar_texts(self) -> None:
        for i, spec in enumerate(self.specs):
            title = spec.title(self) if callable(spec.title) \
                else QCoreApplication.translate("MainWindow", spec.title)
            if self.badges.get(spec.key):
                title = f"{title} ({self.badges[spec.key]})"
            self.sidebar.item(i).setText(title)

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt API)
        self.ctx.settings.set_geometry("main", self.saveGeometry())
        super().closeEvent(event)
