from __future__ import annotations

from datetime import date, datetime

import pytest

from opsdesk.domain.backups import BackupKind, daily_due, parse, to_delete
from opsdesk.domain.errors import ValidationError


def test_parse_reads_store_stamp_kind_and_sequence() -> None:
    b = parse("悦容-store-20261123-093000-daily-3.sqlite")
    assert b is not None
    assert (b.stem, b.stamp, b.kind, b.seq) == ("悦容-store", datetime(2026, 11, 23, 9, 30),
                                                BackupKind.DAILY, 3)


@pytest.mark.parametrize("name", [
    "store-20261123-093000-before-0003.sqlite",  # taken before a migration: kept forever
    "store-20261123-093000-before-restore.sqlite",
    "store-20261123-093000-daily.sqlite.part",  # still being written
    "store-20261399-093000-daily.sqlite",  # not a date
    "my own copy.sqlite", "store-daily.sqlite",
])
def test_other_files_are_not_automatic_backups(name: str) -> None:
    assert parse(name) is None
    assert to_delete([name], 1) == []


def test_daily_is_due_once_per_day_and_per_store() -> None:
    names = ["store-20261122-235959-daily.sqlite", "store-20261123-080000-exit.sqlite",
             "other-20261123-080000-daily.sqlite"]
    assert daily_due(names, "store", date(2026, 11, 23))
    assert not daily_due(names + ["store-20261123-000001-daily.sqlite"], "store",
                         date(2026, 11, 23))
    assert not daily_due(names, "other", date(2026, 11, 23))


def test_the_newest_of_each_kind_and_store_are_kept() -> None:
    daily = [f"store-202611{d:02d}-090000-daily.sqlite" for d in range(1, 11)]
    exits = [f"store-20261110-1{h}0000-exit.sqlite" for h in range(10)]
    same_second = ["store-20261110-190000-exit-2.sqlite", "store-20261110-190000-exit-3.sqlite"]
    other = [f"other-202611{d:02d}-090000-daily.sqlite" for d in range(1, 4)]
    manual = ["store-20261101-090000-before-0003.sqlite"]
    gone = to_delete(daily + exits + same_second + other + manual, 3)
    kept = set(daily + exits + same_second + other + manual) - set(gone)
    assert kept == {*daily[-3:], "store-20261110-190000-exit-2.sqlite",
                    "store-20261110-190000-exit-3.sqlite", "store-20261110-190000-exit.sqlite",
                    *other, *manual}


@pytest.mark.parametrize("keep", [0, -1, 366, True, 2.5])
def test_keep_must_be_a_sensible_count(keep) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as e:
        to_delete([], keep)
    assert e.value.code == "backup.keep_invalid"
