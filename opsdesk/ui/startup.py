"""From start to the main window: check the database file, show the first window at once,
open (and if needed migrate) the store in the background, then first run or login.

Nothing here bypasses login on a real store; only the temporary demo store of ``--smoke``
without ``--db`` logs its owner in by itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from opsdesk.domain.errors import OpsError
from opsdesk.ui.settings import UiSettings


def message_for(error: OpsError) -> str:
    # The table of error texts is loaded when a first error is shown, not at every start.
    from opsdesk.ui.messages import message_for as text_for

    return text_for(error)

log = logging.getLogger(__name__)

# Default department names, translated at first run into the owner's language.
DEPARTMENT_NAMES = (
    ("target_assurance", QT_TRANSLATE_NOOP("Departments", "Target assurance")),
    ("plan_tracking", QT_TRANSLATE_NOOP("Departments", "Plan tracking")),
    ("logistics", QT_TRANSLATE_NOOP("Departments", "Logistics")),
)


class StartOptions(NamedTuple):
    # A NamedTuple rather than a dataclass: the dataclasses module is not otherwise loaded
    # before the first window, and costs start-up time.
    target: str  # a file path or a SQLAlchemy URL
    demo: bool = False  # create the demo store if the file is new
    auto_login: tuple[str, str] | None = None  # only for the temporary smoke-test store
    smoke: bool = False
    resources: Path = Path()
    log_file: Path | None = None
    hint: str = ""


def _open_job(progress, target: str, demo: bool):  # noqa: ANN001, ANN202
    from opsdesk.db.opening import open_database
    from opsdesk.services import auth, setup  # noqa: F401 (warm imports)
    from opsdesk.services import demo as demo_service

    opened = open_database(target)
    if demo and not setup.has_store(opened.db):
        demo_service.generate(opened.db, demo_service.DemoOptions(members=2000),
                              lambda step, d, t: progress.report(d, t, step))
    stores = setup.list_stores(opened.db)
    # Tiers that ran out since the last start fall back now, before anyone sells at a stale
    # discount (a sale or top-up settles its own member's lapse too).
    from datetime import date

    from opsdesk.services import tiers
    from opsdesk.services.context import system_actor

    for store in stores:
        tiers.run_lapses(opened.db, system_actor(store.id), date.today())
    return opened, stores


BACKUPS_KEPT = 7


def backup_folder(db) -> Path | None:  # noqa: ANN001
    return db.path.parent / "backups" if db.path is not None else None


def _daily_backup(db) -> None:  # noqa: ANN001
    """Today's automatic backup, once a day, the last BACKUPS_KEPT kept. A failure here must not
    keep anyone from working: it is logged, and the next start tries again."""
    from datetime import date

    from opsdesk.services import backups

    folder = backup_folder(db)
    if folder is None:
        return
    try:
        backups.maybe_daily_backup(db, folder, date.today(), BACKUPS_KEPT)
    except OpsError as e:
        log.warning("daily backup not taken: %s", e)


def backup_on_exit(db) -> None:  # noqa: ANN001
    from opsdesk.services import backups

    folder = backup_folder(db)
    if folder is None:
        return
    try:
        backups.backup_on_exit(db, folder, BACKUPS_KEPT)
    except OpsError as e:
        log.warning("backup on exit not taken: %s", e)


class Startup(QObject):
    """Drives the windows. ``finished(code)`` when the app should quit."""

    first_window_shown = Signal()
    main_window_shown = Signal(object)
    ready = Signal()
    failed = Signal(str)

    def __init__(self, app: QApplication, opts: StartOptions, settings: UiSettings,
                 set_language: Callable[[str], str]) -> None:
        super().__init__()
        self.app, self.opts, self.settings = app, opts, settings
        self.set_language = set_language
        self.db = None
        self.stores: list = []
        self.window: QWidget | None = None
        self.login_window = None
        self.main_window = None
        self.wizard = None

    # --- start ----------------------------------------------------------------------------
    def begin(self) -> bool:
        """Returns False (after telling the person why) when the database must not be opened."""
        from opsdesk.db.urls import is_sqlite_url, sqlite_path, url_for

        url = url_for(self.opts.target)
        needs_setup = False
        store_name = ""
        if is_sqlite_url(url):
            from opsdesk.db import schema
            from opsdesk.db.schema import preflight

            path = sqlite_path(url)
            try:
                found = preflight(path)
            except OpsError as e:
                self._fatal(message_for(e))
                return False
            needs_setup = found.state is schema.State.NEW and not self.opts.demo
            store_name = found.store_name if not needs_setup else ""
        if self.opts.auto_login:
            self._start_open()
            return True
        if needs_setup:
            self._start_open()
            self._show_first_run()
        else:
            self._show_login(store_name)
            # After the window's first paint: the open imports SQLAlchemy, which would compete
            # with the GUI thread for the interpreter while the window is being shown.
            QTimer.singleShot(0, self._start_open)
        return True

    def _start_open(self) -> None:
        from opsdesk.ui import tasks  # after the first window: it is not needed before

        job = self._open = tasks.Job(_open_job, self.opts.target, self.opts.demo)
        job.signals.finished.connect(self._opened)
        job.signals.failed.connect(self._open_failed)
        job.signals.progress.connect(self._open_progress)
        tasks.start(job, write=True)

    def _open_progress(self, done: int, total: int, step: str) -> None:
        if self.login_window is not None and total:
            self.login_window.status.setText(
                self.tr("Preparing the demo store… %1%").replace("%1", str(done * 100 // total)))

    def _opened(self, result) -> None:  # noqa: ANN001
        opened, stores = result
        self.db = opened.db
        self.stores = stores
        if opened.backup is not None:
            log.info("migrated from %s after backup %s", opened.migrated_from, opened.backup)
        if self.login_window is not None:
            if stores:
                self.login_window.set_ready(stores[0].name)
            else:
                self.login_window.close()
                self.login_window = None
                self._show_first_run()
        if self.wizard is not None:
            self.wizard.setEnabled(True)
        if self.opts.auto_login:
            from opsdesk.services import auth

            actor = auth.login(self.db, *self.opts.auto_login)
            self._show_main(actor)
        self.ready.emit()
        if not self.opts.smoke:
            # After the store is open, so the login never waits for the copy.
            from opsdesk.ui import tasks

            tasks.start(tasks.Job(lambda _p, db: _daily_backup(db), self.db))

    def _open_failed(self, err: BaseException) -> None:
        if isinstance(err, OpsError):
            text = message_for(err)
        else:
            log.error("opening the database failed", exc_info=err)
            text = self.tr("The database could not be opened. Details are in the log: %1") \
                .replace("%1", str(self.opts.log_file or ""))
        self.failed.emit(text)
        if self.login_window is not None:
            self.login_window.set_failed(text)
        else:
            self._fatal(text)

    def _fatal(self, text: str) -> None:
        if self.opts.smoke:
            import sys

            print(text, file=sys.stderr)
            QTimer.singleShot(0, lambda: self.app.exit(2))
            return
        from PySide6.QtWidgets import QMessageBox  # its type and enums cost start-up time

        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("OpsDesk"), text)
        box.setObjectName("fatal")
        box.exec()
        QTimer.singleShot(0, lambda: self.app.exit(2))

    def _first_shown(self, window: QWidget) -> None:
        self.window = window
        self.first_window_shown.emit()
        # Once the first window is up: neither the icon nor the login's language watch is worth
        # delaying it.
        QTimer.singleShot(0, self._after_first_paint)

    def _after_first_paint(self) -> None:
        self._set_icon()
        if self.login_window is not None:
            self.login_window.watch_language()

    def _set_icon(self) -> None:
        from PySide6.QtGui import QIcon

        icon = self.opts.resources / "icons" / "opsdesk.png"
        if icon.exists() and hasattr(self.app, "setWindowIcon"):
            self.app.setWindowIcon(QIcon(str(icon)))

    # --- windows ----------------------------------------------------------------------------
    def _show_first_run(self) -> None:
        from opsdesk.ui.first_run import FirstRunWizard

        self.wizard = FirstRunWizard(self._create_store, self.set_language,
                                     self.settings.language or "en")
        self.wizard.accepted.connect(self._after_first_run)
        self.wizard.rejected.connect(lambda: self.app.exit(0))
        self.wizard.show()
        self._first_shown(self.wizard)

    def _create_store(self, v: dict[str, str]) -> None:
        from opsdesk.services import setup

        if self.db is None:
            # The schema is still being created in the background; it takes a moment.
            from opsdesk.ui import tasks

            tasks.wait_all()
            if self._open.error is not None:
                raise self._open.error
            self.db = self._open.result[0].db
        names = tuple(QApplication.translate("Departments", n) for _k, n in DEPARTMENT_NAMES)
        setup.create_store(self.db, setup.NewStore(
            store_name=v["store_name"], currency=v["currency"], country=v["country"],
            owner_name=v["owner_name"], owner_login=v["owner_login"],
            owner_secret=v["owner_secret"], department_names=names))
        self.settings.language = v["language"]
        self.settings.last_login = v["owner_login"].strip().casefold()
        self.stores = setup.list_stores(self.db)

    def _after_first_run(self) -> None:
        self.wizard = None
        self._show_login(self.stores[0].name if self.stores else "")
        self.login_window.set_ready()

    def _show_login(self, store_name: str) -> None:
        from opsdesk.ui.login import LoginWindow

        self.login_window = LoginWindow(store_name, self._attempt_login,
                                        self.settings.last_login, hint=self.opts.hint)
        self.login_window.logged_in.connect(self._show_main)
        self.login_window.rejected.connect(lambda: self.app.exit(0))
        self.login_window.show()
        self._first_shown(self.login_window)

    def _attempt_login(self, login: str, secret: str):  # noqa: ANN202
        from opsdesk.services import auth

        store_id = self.stores[0].id if self.stores else None
        actor = auth.login(self.db, login, secret, store_id)
        self.settings.last_login = login.strip().casefold()
        return actor

    def _show_main(self, actor) -> None:  # noqa: ANN001
        from opsdesk.services import setup
        from opsdesk.ui.context import AppContext
        from opsdesk.ui.main_window import MainWindow

        if self.login_window is not None:
            self.login_window.hide()
            self.login_window.deleteLater()
            self.login_window = None
        ctx = AppContext(db=self.db, actor=actor, store=setup.get_store(self.db, actor.store_id),
                         settings=self.settings, resources=self.opts.resources,
                         log_file=self.opts.log_file, set_language=self.set_language)
        self.main_window = MainWindow(ctx)
        self.main_window.logout_requested.connect(self._logout)
        self.main_window.show()
        if self.window is None:
            self._first_shown(self.main_window)
        self.main_window_shown.emit(self.main_window)

    def _logout(self) -> None:
        store = self.main_window.ctx.store.name
        self.main_window.close()
        self.main_window.deleteLater()
        self.main_window = None
        self._show_login(store)
        self.login_window.set_ready()

