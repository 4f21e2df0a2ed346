"""Shared fixtures: real SQLite files in ``tmp_path``, migrated by the real Alembic scripts.

Migrating a new file costs a few hundred milliseconds, so one file is migrated per test session
and each test gets its own copy of it, opened through ``open_database`` like the app does.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from opsdesk.db.engine import Database  # noqa: E402
from opsdesk.db.opening import open_database  # noqa: E402
from opsdesk.services import auth, setup  # noqa: E402
from opsdesk.services.context import Actor  # noqa: E402

OWNER_LOGIN = "boss"
OWNER_PIN = "2468"

NEW_STORE = setup.NewStore(
    store_name="悦容美学馆",
    currency="CNY",
    country="CN",
    owner_name="王丽",
    owner_login=OWNER_LOGIN,
    owner_secret=OWNER_PIN,
)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file at the head revision, closed (no -wal beside it), never opened by tests."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    opened = open_database(path)
    opened.db.dispose()
    assert not Path(f"{path}-wal").exists()
    return path


@pytest.fixture
def db_path(tmp_path: Path, migrated_template: Path) -> Path:
    path = tmp_path / "store.sqlite"
    shutil.copyfile(migrated_template, path)
    return path


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A freshly migrated, empty database (no store yet)."""
    opened = open_database(db_path)
    assert not opened.created  # the copy is already at head; nothing left to migrate
    yield opened.db
    opened.db.dispose()


@pytest.fixture
def new_store() -> setup.NewStore:
    """The first-run input the ``store`` fixture uses (owner login ``boss``, PIN ``2468``)."""
    return NEW_STORE


@pytest.fixture
def store(db: Database) -> Actor:
    """A store set up by the first-run service; the owner logged in."""
    setup.create_store(db, NEW_STORE)
    return auth.login(db, OWNER_LOGIN, OWNER_PIN)
