"""Open a store's database the one right way: check where it lives, check what it is, back up,
migrate, connect. Every refusal happens before anything is written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from opsdesk.db import schema
from opsdesk.db.backup import online_backup, timestamped_name, unused_path
from opsdesk.db.engine import Database, make_engine
from opsdesk.db.schema import preflight
from opsdesk.db.urls import is_sqlite_url, sqlite_path, url_for


@dataclass(frozen=True)
class Opened:
    db: Database
    created: bool  # the schema was made just now (an empty store)
    migrated_from: str | None  # the revision migrated from, if any
    backup: Path | None  # the backup taken before the migration


def open_database(target: str | Path, *, backup_dir: Path | None = None) -> Opened:
    url = url_for(target)
    if is_sqlite_url(url):
        path = sqlite_path(url)
        found = preflight(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = make_engine(path)
    else:
        engine = make_engine(url)
        found = schema.inspect_url(engine)
    backup = None
    if found.state is schema.State.OLDER and engine.dialect.name == "sqlite":
        folder = backup_dir or path.parent / "backups"
        backup = online_backup(
            path, unused_path(folder / timestamped_name(path, f"before-{schema.HEAD}")))
    if found.state is not schema.State.CURRENT:
        schema.upgrade(engine)
    return Opened(
        Database(engine),
        created=found.state is schema.State.NEW,
        migrated_from=found.revision if found.state is schema.State.OLDER else None,
        backup=backup,
    )
