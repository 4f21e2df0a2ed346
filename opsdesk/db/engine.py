"""The engine and the connection rules of ARCHITECTURE.md.

SQLite: ``foreign_keys=ON``, ``journal_mode=WAL``, ``synchronous=FULL``, ``busy_timeout=5000``;
the driver's own transaction handling is switched off and every transaction is begun by us, so a
write transaction starts with ``BEGIN IMMEDIATE`` (taking the write lock up front) and two writers
cannot both read a balance and then both update it.

PostgreSQL: every write transaction first takes one advisory lock (see ``Database.write``), and
the balance row is locked ``FOR UPDATE`` by the ledger services.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from opsdesk.db.urls import is_sqlite_url, url_for

# Any fixed number: the key of the transaction-level advisory lock every PostgreSQL write takes.
WRITE_LOCK_KEY = 0x0D5DE5C

SQLITE_PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
    "PRAGMA synchronous=FULL",
)


def _install_sqlite_rules(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # noqa: ANN001
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see "begin" below)
        cur = dbapi_conn.cursor()
        mode = cur.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if mode.lower() != "wal":
            # A read-only medium or an in-memory database cannot switch; both are fine to use.
            pass
        for p in SQLITE_PRAGMAS:
            cur.execute(p)
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(target: str | Path, **kwargs) -> Engine:
    url = url_for(target)
    if is_sqlite_url(url):
        engine = create_engine(url, **kwargs)
        _install_sqlite_rules(engine)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


class Database:
    """Opens transactions. ``write()`` is one write transaction, ``read()`` a read-only one."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.url = engine.url
        self.is_sqlite = engine.dialect.name == "sqlite"
        self.is_postgresql = engine.dialect.name == "postgresql"
        writer = engine.execution_options(sqlite_begin="IMMEDIATE") if self.is_sqlite else engine
        self._writer = sessionmaker(writer, expire_on_commit=False)
        self._reader = sessionmaker(engine, expire_on_commit=False)
        # Facts fixed for the life of a store (its country, say) that hot paths look up often.
        self.memo: dict[str, dict] = {}
        self._closers: list = []

    @property
    def path(self) -> Path | None:
        return Path(self.url.database) if self.is_sqlite and self.url.database else None

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._writer.begin() as session:
            if self.is_postgresql:
                # PostgreSQL's counterpart of BEGIN IMMEDIATE: one writer at a time. The audit
                # log is one hash chain (each entry names the one before it), so two desks
                # appending at once would fork it; taken first, before any row lock, it cannot
                # deadlock with the balance row locks taken later in the transaction.
                session.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                {"key": WRITE_LOCK_KEY})
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self._reader()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def on_dispose(self, close) -> None:  # noqa: ANN001
        """Run ``close()`` when this database is disposed (for connections kept outside the pool)."""
        self._closers.append(close)

    def dispose(self) -> None:
        for close in self._closers:
            close()
        self._closers.clear()
        self.memo.clear()
        self.engine.dispose()
