"""Automatic backups: which are due and which to delete. Pure rules over file names.

An automatic backup is named ``<store>-<YYYYMMDD-HHMMSS>-<kind>.sqlite`` (``-2``, ``-3`` … added
when two fall in the same second), ``kind`` being ``daily`` (the first start of a day) or
``exit`` (every close of the app). Retention keeps the newest ``keep`` of each kind for each store
file: a day of many restarts then cannot push the last daily backups out, and a damaged store
still has a week of daily copies behind it. Files of any other name (the backup taken before a
migration, a manual backup, a restore's safety copy) are never deleted by these rules.

For the list the owner sees, ``describe`` also names the other copies OpsDesk makes in that folder:
``before-<revision>`` (taken before the database was upgraded to that schema revision),
``before-restore`` (the data a restore replaced) and ``manual`` ("Back up now"). Any other
``.sqlite`` file there is listed as another copy, dated by the file's modification time.
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


_ANY = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<label>daily|exit|manual|"
                  r"before-restore|before-[A-Za-z0-9_]+)(?:-(?P<seq>\d{1,6}))?\.sqlite$")


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


class Origin(StrEnum):
    """Why a copy in the backups folder was made."""

    DAILY = "daily"
    EXIT = "exit"
    BEFORE_UPGRADE = "before_upgrade"
    BEFORE_RESTORE = "before_restore"
    MANUAL = "manual"
    OTHER = "other"


@dataclass(frozen=True)
class NamedCopy:
    name: str
    origin: Origin
    stamp: datetime | None  # from the name; None for a file of any other name
    seq: int = 1
    stem: str | None = None
    revision: str | None = None  # for BEFORE_UPGRADE: the schema revision upgraded to


def describe(name: str) -> NamedCopy | None:
    """What a file in the backups folder is, or None for a file that is no database copy (a
    ``.part`` still being written, a log, a folder's odd file)."""
    if not name.lower().endswith(SUFFIX) or name.startswith("."):
        return None
    m = _ANY.match(name)
    if m is None:
        return NamedCopy(name, Origin.OTHER, None)
    try:
        stamp = datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S")
    except ValueError:
        return NamedCopy(name, Origin.OTHER, None)
    lab, revision = m["label"], None
    if lab in (BackupKind.DAILY.value, BackupKind.EXIT.value, "manual"):
        origin = Origin(lab)
    elif lab == "before-restore":
        origin = Origin.BEFORE_RESTORE
    else:
        origin, revision = Origin.BEFORE_UPGRADE, lab.removeprefix("before-")
    return NamedCopy(name, origin, stamp, int(m["seq"] or 1), m["stem"], revision)


def taken_at(copy: NamedCopy, modified: datetime) -> datetime:
    """When a copy was taken: the time in its name, else the file's modification time."""
    return copy.stamp if copy.stamp is not None else modified


def order_key(copy: NamedCopy, modified: datetime) -> tuple[datetime, int, str]:
    """Sorts copies by when they were taken; within one second the ``-2``, ``-3`` … after."""
    return (taken_at(copy, modified), copy.seq, copy.name)


def newest_first(copies: Iterable[tuple[NamedCopy, datetime]]) -> list[tuple[NamedCopy, datetime]]:
    """``(copy, modified)`` pairs, the newest taken first."""
    return sorted(copies, key=lambda c: order_key(*c), reverse=True)
