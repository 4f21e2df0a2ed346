"""Fixtures for the GUI tests: real widgets offscreen, QSettings in ``tmp_path``, English unless a
test switches the language (and back afterwards), and an ``AppContext`` on a real store."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from opsdesk.app.paths import resources_dir
from opsdesk.db.engine import Database
from opsdesk.db.opening import open_database
from opsdesk.services import demo, setup
from opsdesk.services.context import Actor
from opsdesk.ui import i18n, tasks
from opsdesk.ui.context import AppContext
from opsdesk.ui.settings import UiSettings
from opsdesk.ui.startup import StartOptions, Startup

# The offscreen platform plugin says this whenever a window is shown; it is not a fault of ours.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"

UI_TESTS = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if UI_TESTS in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture
def resources() -> Path:
    return resources_dir()


@pytest.fixture(autouse=True)
def isolated_settings(qapp: QApplication, tmp_path: Path) -> Iterator[Path]:
    """Every QSettings() of the code under test lands in this test's own folder, never in the
    user's real settings."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QCoreApplication.setOrganizationName("OpsDeskTests")
    QCoreApplication.setApplicationName("OpsDeskTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def english(qapp: QApplication, resources: Path) -> Iterator[None]:
    i18n.install(qapp, "en", resources)
    yield
    # A job still running would post its result into the next test's widgets.
    tasks.wait_all()
    i18n.install(qapp, "en", resources)


@pytest.fixture
def ui_settings(isolated_settings: Path) -> UiSettings:
    return UiSettings(QSettings())


def make_context(qapp: QApplication, db: Database, actor: Actor, settings: UiSettings,
                 resources: Path) -> AppContext:
    def set_language(code: str) -> str:
        used = i18n.install(qapp, i18n.resolve(code), resources)
        settings.language = used
        return used

    return AppContext(db=db, actor=actor, store=setup.get_store(db, actor.store_id),
                      settings=settings, resources=resources, log_file=None,
                      set_language=set_language)


@pytest.fixture
def context_for(qapp: QApplication, db: Database, ui_settings: UiSettings,
                resources: Path) -> Callable[[Actor], AppContext]:
    """``context_for(actor)``: what the main window gets after ``actor`` logged in."""
    return lambda actor: make_context(qapp, db, actor, ui_settings, resources)


@pytest.fixture
def ctx(store: Actor, context_for: Callable[[Actor], AppContext]) -> AppContext:
    """The owner of a fresh store, logged in."""
    return context_for(store)


class QuitRecorder:
    """Takes the flow's ``app.exit(code)`` calls. The real ``QApplication.exit`` outside a running
    event loop leaves Qt's quit flag set, after which no queued signal reaches a later test."""

    def __init__(self) -> None:
        self.codes: list[int] = []

    def exit(self, code: int = 0) -> None:
        self.codes.append(code)


@pytest.fixture
def start_flow(qapp: QApplication, ui_settings: UiSettings,
               resources: Path) -> Iterator[Callable[..., Startup]]:
    """``start_flow(target)`` builds the real start-up flow (as ``opsdesk.app.gui`` does, without
    the event loop of ``app.exec``) and calls ``begin()``; windows and the database are closed
    after the test."""
    flows: list[Startup] = []

    def set_language(code: str) -> str:
        used = i18n.install(qapp, i18n.resolve(code), resources)
        ui_settings.language = used
        return used

    def make(target: Path | str, **options: object) -> Startup:
        opts = StartOptions(target=str(target), resources=resources, **options)
        flow = Startup(QuitRecorder(), opts, ui_settings, set_language)  # type: ignore[arg-type]
        flows.append(flow)
        assert flow.begin()
        return flow

    yield make
    tasks.wait_all()
    for flow in flows:
        for w in (flow.wizard, flow.login_window, flow.main_window):
            if w is not None:
                w.close()
                w.deleteLater()
        if flow.db is not None:
            flow.db.dispose()


DEMO_AS_OF = date(2026, 11, 1)


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Path:
    """The 200-member demo store, generated once for the whole run; tests take copies."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    shutil.copyfile(migrated_template, path)
    opened = open_database(path)
    demo.generate(opened.db, demo.DemoOptions(members=200, seed=1, as_of=DEMO_AS_OF))
    opened.db.dispose()
    return path


@pytest.fixture
def demo_db_path(tmp_path: Path, demo_file: Path) -> Path:
    """A fresh copy of the demo store for one test."""
    path = tmp_path / "store.sqlite"
    shutil.copyfile(demo_file, path)
    return path


@pytest.fixture(scope="session")
def plain_demo_file(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Path:
    """The demo store without its sales-process history, for tests that count the visits and
    follow-ups they make themselves."""
    path = tmp_path_factory.mktemp("plain-demo") / "demo.sqlite"
    shutil.copyfile(migrated_template, path)
    opened = open_database(path)
    demo.generate(opened.db, demo.DemoOptions(members=200, seed=1, as_of=DEMO_AS_OF,
                                              sales_process=False))
    opened.db.dispose()
    return path
