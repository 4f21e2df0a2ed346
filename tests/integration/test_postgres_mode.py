"""A chain of stores on one PostgreSQL server: ``opsdesk --db postgresql+psycopg://…``. Runs only
with OPSDESK_TEST_PG_URL set (``packaging/ci_postgres.sh`` starts a throwaway server)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from opsdesk.app.cli import run as opsdesk
from opsdesk.db import schema
from opsdesk.db.opening import open_database
from opsdesk.services import auth, members, setup, stored_value

PG_URL = os.environ.get("OPSDESK_TEST_PG_URL")
pytestmark = pytest.mark.skipif(not PG_URL, reason="OPSDESK_TEST_PG_URL is not set")


@pytest.fixture
def empty_pg() -> Iterator[str]:
    name = f"opsdesk_e_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_every_migration_runs_on_an_empty_server_database(empty_pg: str) -> None:
    opened = open_database(empty_pg)
    assert opened.created and opened.backup is None
    with opened.db.read() as s:
        assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == schema.HEAD
    opened.db.dispose()
    again = open_database(empty_pg)
    assert not again.created and again.migrated_from is None
    again.db.dispose()


def test_the_command_line_serves_a_store_on_the_server(empty_pg: str, new_store,  # noqa: ANN001
                                                       capsys: pytest.CaptureFixture) -> None:
    db = open_database(empty_pg).db
    setup.create_store(db, new_store)
    owner = auth.login(db, new_store.owner_login, new_store.owner_secret)
    c = members.register(db, owner, members.MemberInput(phone="13800000001", name="王丽")).id
    stored_value.top_up(db, owner, c, 10_000, "cash", "t1")
    stored_value.reverse(db, owner, "t1", "r1")
    db.dispose()
    assert opsdesk(["check", "--db", empty_pg]) == 0
    assert "OK: no problems found" in capsys.readouterr().out
    db = open_database(empty_pg).db
    with db.write() as s:  # an audit row changed behind the app's back
        s.execute(text("UPDATE audit_entry SET target = 'x' WHERE id = (SELECT MAX(id) FROM "
                       "audit_entry)"))
    db.dispose()
    assert opsdesk(["check", "--db", empty_pg]) == 3
