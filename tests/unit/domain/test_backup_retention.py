from __future__ import annotations

from datetime import date, datetime

import pytest

from opsdesk.domain.backups import (
    BackupKind,
    Origin,
    daily_due,
    describe,
    newest_first,
    parse,
    taken_at,
    to_delete,
)
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


# -- the list the owner sees: every copy in the folder, what it is, newest first ---------------

@pytest.mark.parametrize(("name", "origin", "revision"), [
    ("store-20261123-093000-daily.sqlite", Origin.DAILY, None),
    ("store-20261123-093000-exit-2.sqlite", Origin.EXIT, None),
    ("store-20261123-093000-before-0009.sqlite", Origin.BEFORE_UPGRADE, "0009"),
    ("store-20261123-093000-before-0009-3.sqlite", Origin.BEFORE_UPGRADE, "0009"),
    ("store-20261123-093000-before-restore.sqlite", Origin.BEFORE_RESTORE, None),
    ("悦容-20261123-093000-manual.sqlite", Origin.MANUAL, None),
])
def test_describe_names_every_copy_opsdesk_makes(name: str, origin: Origin,
                                                 revision: str | None) -> None:
    c = describe(name)
    assert c is not None
    assert (c.origin, c.revision, c.stamp) == (origin, revision, datetime(2026, 11, 23, 9, 30))


def test_describe_reads_the_sequence_and_the_store() -> None:
    c = describe("my-store-20261123-093000-before-restore-4.sqlite")
    assert c is not None and (c.stem, c.seq) == ("my-store", 4)


@pytest.mark.parametrize("name", ["my own copy.sqlite", "store-20261399-093000-daily.sqlite",
                                  "store-20261123-093000-weekly.sqlite", "COPY.SQLITE"])
def test_other_database_files_are_listed_as_other_copies(name: str) -> None:
    c = describe(name)
    assert c is not None and c.origin is Origin.OTHER and c.stamp is None


@pytest.mark.parametrize("name", ["store-20261123-093000-daily.sqlite.part", "notes.txt",
                                  ".store-20261123-093000-daily.sqlite", "store.sqlite-wal"])
def test_files_that_are_no_copy_are_not_listed(name: str) -> None:
    assert describe(name) is None


def test_a_copy_without_a_time_in_its_name_is_dated_by_the_file() -> None:
    modified = datetime(2026, 1, 2, 3, 4, 5)
    other = describe("copy.sqlite")
    daily = describe("store-20261123-093000-daily.sqlite")
    assert other is not None and daily is not None
    assert taken_at(other, modified) == modified
    assert taken_at(daily, modified) == datetime(2026, 11, 23, 9, 30)


def test_newest_first_orders_by_time_taken_then_sequence() -> None:
    modified = datetime(2026, 11, 23, 12, 0)
    names = ["store-20261123-093000-daily.sqlite", "store-20261123-180000-exit.sqlite",
             "store-20261123-180000-exit-2.sqlite", "copy.sqlite",
             "store-20261122-235959-before-0009.sqlite"]
    pairs = [(c, modified) for c in map(describe, names) if c is not None]
    assert [c.name for c, _m in newest_first(pairs)] == [
        "store-20261123-180000-exit-2.sqlite", "store-20261123-180000-exit.sqlite",
        "copy.sqlite", "store-20261123-093000-daily.sqlite",
        "store-20261122-235959-before-0009.sqlite"]
