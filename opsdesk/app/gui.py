"""Start the desktop app: logging, the crash handler, QApplication, translators, then the
start-up flow of ``opsdesk.ui.startup``."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from opsdesk.app import paths
from opsdesk.app.startclock import ms_since_start
from opsdesk.domain.demo import DEMO_OWNER, DEMO_PIN

log = logging.getLogger("opsdesk")


def setup_logging() -> Path | None:
    folder = Path(os.environ.get("OPSDESK_LOG_DIR") or paths.data_dir() / "logs")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        file = folder / "opsdesk.log"
        # Rotated once at start rather than by RotatingFileHandler, whose module pulls in the
        # socket stack and costs start-up time for nothing.
        if file.exists() and file.stat().st_size > 2_000_000:
            for i in (2, 1):
                older = folder / f"opsdesk.log.{i}"
                if older.exists():
                    os.replace(older, folder / f"opsdesk.log.{i + 1}")
            os.replace(file, folder / "opsdesk.log.1")
        handler = logging.FileHandler(file, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    return file


def install_excepthook(log_file: Path | None) -> None:
    """A bug is logged with its traceback and shown as "something went wrong" with the log's
    location; the person's own mistakes never reach here (they are coded errors)."""

    def hook(kind, value, tb) -> None:  # noqa: ANN001
        import traceback

        log.error("unhandled error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is not None and not os.environ.get("OPSDESK_NO_CRASH_DIALOG"):
            QMessageBox.critical(
                None, QApplication.translate("Crash", "OpsDesk"),
                QApplication.translate(
                    "Crash", "Something went wrong. Your data is safe: every change is saved "
                    "as a whole or not at all.\nDetails were written to %1").replace(
                        "%1", str(log_file or "")))
        else:
            sys.__excepthook__(kind, value, tb)

    sys.excepthook = hook


def quicken_pyside_import_hook() -> None:
    """PySide6 looks at every module imported after it for the word "PySide6" (to know which
    modules may switch its optional features). It reads the source with ``inspect.getsource``,
    which for a module walks every loaded module to find it: a large part of the import time of
    the app's own modules, before the first window and again while SQLAlchemy loads. The same
    question asked of the file's bytes gives the same answer; anything else (a module without a
    ``.py`` file, another PySide6 whose hook looks different) keeps PySide6's own check."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "opsdesk", False):
        return

    def uses_pyside(module) -> bool:  # noqa: ANN001
        file = getattr(module, "__file__", None)
        if not isinstance(file, str) or not file.endswith(".py"):
            return original(module)
        try:
            with open(file, "rb") as f:
                return b"PySide6" in f.read()
        except OSError:
            return original(module)

    uses_pyside.opsdesk = True
    feature._mod_uses_pyside = uses_pyside


def start_gui(args: argparse.Namespace) -> int:
    # The plain-Python modules the first window needs are imported before PySide6: PySide6's
    # import hook reads the source of every module imported after it, which costs start-up time.
    import opsdesk.db.location  # noqa: F401, I001
    import opsdesk.db.schema  # noqa: F401
    import opsdesk.db.urls  # noqa: F401
    import opsdesk.domain.errors  # noqa: F401

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    quicken_pyside_import_hook()
    from opsdesk.ui import i18n
    from opsdesk.ui.settings import UiSettings
    from opsdesk.ui.startup import StartOptions, Startup

    log_file = setup_logging()
    install_excepthook(log_file)
    QApplication.setOrganizationName("OpsDesk")
    QApplication.setApplicationName("OpsDesk")
    settings_dir = os.environ.get("OPSDESK_SETTINGS_DIR") or str(paths.data_dir())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = UiSettings()
    resources = paths.resources_dir()

    def set_language(code: str) -> str:
        used = i18n.install(app, i18n.resolve(code), resources)
        settings.language = used
        return used

    i18n.install(app, i18n.resolve(args.lang or settings.language or None), resources)

    auto_login = None
    hint = ""
    demo = bool(getattr(args, "demo", False))
    target = paths.db_target(args.db)
    tmp = None
    if args.smoke and target is None:
        import tempfile

        tmp = tempfile.TemporaryDirectory(prefix="opsdesk-smoke-")
        target = str(Path(tmp.name) / "smoke.sqlite")
        demo, auto_login = True, (DEMO_OWNER, DEMO_PIN)
    elif demo:
        target = target or str(paths.data_dir() / "demo.sqlite")
    target = target or settings.db_path or str(paths.default_db_path())
    if demo:
        hint = app.translate("Startup", "Demo store: log in as “%1” with PIN %2.") \
            .replace("%1", DEMO_OWNER).replace("%2", DEMO_PIN)
    elif "://" not in target:
        settings.db_path = str(Path(target).expanduser().resolve())
    opts = StartOptions(target=target, demo=demo, auto_login=auto_login, smoke=args.smoke,
                        resources=resources, log_file=log_file, hint=hint)
    flow = Startup(app, opts, settings, set_language)

    if args.smoke:
        shown: list[int] = []

        def first_shown() -> None:
            # Measured once the event loop has handled the show (expose and first paint).
            QTimer.singleShot(0, lambda: shown.append(ms_since_start()) or print(
                f"first window shown after {shown[0]} ms", flush=True))

        def finish() -> None:
            QTimer.singleShot(0, lambda: app.exit(0 if shown else 1))

        flow.first_window_shown.connect(first_shown)
        flow.ready.connect(finish)
        flow.failed.connect(lambda _t: app.exit(2))
    if not flow.begin():
        return 2
    code = app.exec()
    from opsdesk.ui import tasks

    tasks.wait_all()
    settings.sync()
    if flow.db is not None:
        if not args.smoke:
            from opsdesk.ui.startup import backup_on_exit

            backup_on_exit(flow.db)
        flow.db.dispose()
    if tmp is not None:
        tmp.cleanup()
    return code
