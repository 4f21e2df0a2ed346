"""Automatic backups: which are due and which to delete. Pure rules over file names.

An automatic backup is named ``<store>-<YYYYMMDD-HHMMSS>-<kind>.sqlite`` (``-2``, ``-3`` … added
when two fall in the same second), ``kind`` being ``daily`` (the first start of a day) or
``exit`` (every close of the app). Retention keeps the newest ``keep`` of each kind for each store
file: a day of many restarts then cannot push the last daily backups out, and a damaged store
still has a week of daily copies behind it. Files of any other name (the backup taken before a
migration, a manual backup, a restore's safety copy) are never deleted by these rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from opsdesk.domain.errors import ValidationError

DEFAULT_KEEP = 7
MAX_KEEP = 365
SUFFIX = ".sqlite"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<kind>daily|exit)"
                   r"(?:-(?P<seq>\d{1,6}))?\.sqlite$")


class BackupKind(StrEnum):
    DAILY = "daily"
    EXIT = "exit"


@dataclass(frozen=True, order=True)
class AutoBackup:
    stamp: datetime
    seq: int
    stem: str
    kind: BackupKind
    name: str


def check_keep(keep: int) -> int:
    if isinstance(keep, bool) or not isinstance(keep, int) or not 1 <= keep <= MAX_KEEP:
        raise ValidationError("backup.keep_invalid", field="keep", min=1, max=MAX_KEEP)
    return keep


def parse(name: str) -> AutoBackup | None:
    """The automatic backup a file name stands for, or None for any other file."""
    m = _NAME.match(name)
    if m is None:
        return None
    try:
        stamp = datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return AutoBackup(stamp, int(m["seq"] or 1), m["stem"], BackupKind(m["kind"]), name)


def label(kind: BackupKind) -> str:
    """The part of the name after the time stamp."""
    return BackupKind(kind).value


def automatic(names: Iterable[str], stem: str | None = None,
              kind: BackupKind | None = None) -> list[AutoBackup]:
    """The automatic backups among ``names`` (of one store file and kind if given), oldest first."""
    found = [b for b in map(parse, names) if b is not None]
    return sorted(b for b in found if (stem is None or b.stem == stem)
                  and (kind is None or b.kind is kind))


def daily_due(names: Iterable[str], stem: str, today: date) -> bool:
    """No daily backup of ``stem`` was taken on ``today``."""
    return not any(b.stamp.date() == today for b in automatic(names, stem, BackupKind.DAILY))


def to_delete(names: Iterable[str], keep: int) -> list[str]:
    """The automatic backups beyond the newest ``keep`` of each store file and kind."""
    check_keep(keep)
    groups: dict[tuple[str, BackupKind], list[AutoBackup]] = {}
    for b in automatic(names):
        groups.setdefault((b.stem, b.kind), []).append(b)
    out: list[str] = []
    for group in groups.values():
        out += [b.name for b in group[:-keep]]
    return sorted(out)
