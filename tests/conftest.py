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


PG_URL = os.environ.get("OPSDESK_TEST_PG_URL")


def _pg_admin(url: str):  # noqa: ANN202
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    return create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)


def _pg_url(name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """With OPSDESK_TEST_PG_URL: a database at the head revision, cloned for each test."""
    import uuid

    from sqlalchemy import text

    name = f"opsdesk_tpl_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin(PG_URL)
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        open_database(_pg_url(name)).db.dispose()
        yield name
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def db(request: pytest.FixtureRequest) -> Iterator[Database]:
    """A freshly migrated, empty database (no store yet): a SQLite file copied from the migrated
    template, or, with OPSDESK_TEST_PG_URL set, a PostgreSQL database cloned from one (a test
    that also asks for ``db_path`` edits the file itself and stays on SQLite)."""
    if PG_URL and "db_path" not in request.fixturenames:
        yield from _pg_database(request.getfixturevalue("pg_template"))
        return
    opened = open_database(request.getfixturevalue("db_path"))
    assert not opened.created  # the copy is already at head; nothing left to migrate
    yield opened.db
    opened.db.dispose()


def _pg_database(template: str) -> Iterator[Database]:
    import uuid

    from sqlalchemy import text

    name = f"opsdesk_t_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin(PG_URL)
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    opened = open_database(_pg_url(name))
    try:
        assert not opened.created and opened.db.is_postgresql
        yield opened.db
    finally:
        opened.db.dispose()
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def new_store() -> setup.NewStore:
    """The first-run input the ``store`` fixture uses (owner login ``boss``, PIN ``2468``)."""
    return NEW_STORE


@pytest.fixture
def store(db: Database) -> Actor:
    """A store set up by the first-run service; the owner logged in."""
    setup.create_store(db, NEW_STORE)
    return auth.login(db, OWNER_LOGIN, OWNER_PIN)
