"""Schema versions: inspect a database without touching it, refuse what we cannot open, migrate.

Inspection reads with the plain ``sqlite3`` module in read-only mode, so a foreign file, a corrupt
file or a database from a newer OpsDesk is left byte-for-byte as it was. Alembic is imported only
when a migration is really due, which keeps it off the start-up path.
"""

from __future__ import annotations

import sqlite3
from enum import Enum
from pathlib import Path
from typing import NamedTuple

from opsdesk.domain.errors import EnvironmentProblem

# Revisions in order; the last is the head. A test checks this against the migration scripts.
REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008",
                              "0009")
HEAD = REVISIONS[-1]
SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
MIGRATION_LOCK = 7_214_009  # advisory lock key (PostgreSQL) held while migrating


class State(Enum):
    NEW = "new"  # no file, or an empty one: create the schema
    CURRENT = "current"
    OLDER = "older"  # ours, needs a migration (after a backup)


class Inspection(NamedTuple):
    # A NamedTuple rather than a dataclass: the dataclasses module is not otherwise loaded
    # before the first window, and costs start-up time.
    state: State
    revision: str | None
    # The first store's name, read in the same look, so the login window can be titled before
    # the database is really opened ("" when there is none or it cannot be read).
    store_name: str = ""


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A connection that cannot change ``path`` nor leave files beside it.

    A plain read-only connection to a WAL-mode database creates empty ``-wal`` and ``-shm`` files
    and cannot remove them again. With no ``-wal`` file there is no open writer and nothing
    un-checkpointed to read, so the file is opened ``immutable`` (no locks, no side files); with
    one, the reader needs SQLite's locking to see the newest data, and the files exist anyway.
    """
    uri = path.resolve().as_uri() + "?mode=ro"
    if not Path(f"{path}-wal").exists():
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True)


def preflight(target: str | Path) -> Inspection:
    """Everything that can refuse a SQLite file, with no write at all."""
    from opsdesk.db.location import check_sqlite_location

    path = Path(str(target)).expanduser()
    check_sqlite_location(path)
    return inspect_sqlite(path)


def inspect_sqlite(path: Path) -> Inspection:
    """Classify the file at ``path``; raise :class:`EnvironmentProblem` for what we must not open."""
    if not path.exists() or path.stat().st_size == 0:
        if path.exists() and path.is_dir():
            raise EnvironmentProblem("db.is_directory", path=str(path))
        return Inspection(State.NEW, None)
    if path.is_dir():
        raise EnvironmentProblem("db.is_directory", path=str(path))
    try:
        with path.open("rb") as f:
            header = f.read(16)
    except OSError as e:
        raise EnvironmentProblem("db.unreadable", path=str(path), reason=e.strerror or str(e)) from e
    if header != SQLITE_HEADER:
        raise EnvironmentProblem("db.not_sqlite", path=str(path))
    try:
        con = connect_readonly(path)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            revision = None
            if "alembic_version" in tables:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            store_name = _first_store_name(con) if "store" in tables else ""
        finally:
            con.close()
    except sqlite3.DatabaseError as e:
        raise EnvironmentProblem("db.corrupt", path=str(path), reason=str(e)) from e
    found = classify(tables, revision, str(path))
    return Inspection(found.state, found.revision, store_name)


def _first_store_name(con: sqlite3.Connection) -> str:
    try:
        row = con.execute("SELECT name FROM store ORDER BY id LIMIT 1").fetchone()
    except sqlite3.Error:  # an older or foreign layout: the title just waits for the open
        return ""
    return row[0] if row and isinstance(row[0], str) else ""


def classify(tables: set[str], revision: str | None, where: str) -> Inspection:
    if revision is None:
        if tables - {"sqlite_sequence"}:
            raise EnvironmentProblem("db.foreign", path=where)
        return Inspection(State.NEW, None)
    if revision == HEAD:
        return Inspection(State.CURRENT, revision)
    if revision in REVISIONS:
        return Inspection(State.OLDER, revision)
    raise EnvironmentProblem("db.newer_schema", path=where, revision=revision)


def inspect_url(engine) -> Inspection:  # noqa: ANN001
    """The same classification for a server database (PostgreSQL)."""
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        revision = None
        if "alembic_version" in tables:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return classify(tables, revision, engine.url.render_as_string(hide_password=True))


def upgrade(engine) -> None:  # noqa: ANN001
    """Bring the schema to HEAD (creates it on an empty database)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite:
            # Batch migrations copy and drop tables; with foreign keys on, the drop would cascade.
            # The pragma only takes effect outside a transaction; the check below replaces it.
            conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        with conn.begin():
            if not sqlite:
                # Two desks starting a newer OpsDesk at once: one migrates while the other waits
                # here, then finds the schema already at head (the lock ends with the commit).
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            if sqlite:
                bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if bad:
                    raise RuntimeError(f"migration left foreign-key violations: {bad[:5]}")
                conn.exec_driver_sql(f"PRAGMA user_version={len(REVISIONS)}")
        if sqlite:
            conn.connection.driver_connection.execute("PRAGMA foreign_keys=ON")
