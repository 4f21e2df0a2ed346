"""The one source of "now" for everything written to the database (tests pin it with ``frozen``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

_fixed: datetime | None = None


def now() -> datetime:
    return _fixed if _fixed is not None else datetime.now().replace(microsecond=0)


@contextmanager
def frozen(at: datetime) -> Iterator[None]:
    global _fixed
    old, _fixed = _fixed, at
    try:
        yield
    finally:
        _fixed = old
