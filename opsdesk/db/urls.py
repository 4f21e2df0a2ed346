"""Telling a file path from a server URL without importing SQLAlchemy (kept off the start-up
path so the first window appears quickly)."""

from __future__ import annotations

from pathlib import Path


def url_for(target: str | Path) -> str:
    """A path becomes a SQLite URL; anything with ``://`` is taken as a SQLAlchemy URL."""
    s = str(target)
    if "://" in s:
        return s
    return "sqlite:///" + str(Path(s).expanduser().resolve())


def is_sqlite_url(url: str) -> bool:
    return url.split("://", 1)[0].split("+", 1)[0].lower() == "sqlite"


def sqlite_path(url: str) -> Path:
    return Path(url.split(":///", 1)[1])
