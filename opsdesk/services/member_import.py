"""Import members from a spreadsheet, after the person has seen the preview and confirmed.

``import_members(db, actor, rows, on_duplicate, progress, should_cancel) -> ImportSummary`` takes
the validated rows of ``opsdesk.io.members_import.parse_all`` and writes them in ONE transaction:
a cancel (or any error) leaves the database exactly as it was. A phone already in the store is
skipped, or merged (blank fields of the existing member filled from the file, notes appended),
as chosen. New members are inserted in bulk; their card numbers are ``M`` + id unless the file
gives a free one. A row naming a tier gets it from today, through the same path as a
registration (a ``tier_change`` row, expiry by the tier's validity).

Error codes: ``import.bad_duplicate_choice``; ``member.unknown_tier`` on a row (in ``errors``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import String, cast, func, literal, select, update

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import Customer
from opsdesk.domain.errors import OpsError, ValidationError
from opsdesk.domain.members import Stage
from opsdesk.domain.phone import last4
from opsdesk.domain.roles import Permission
from opsdesk.domain.search_keys import name_keys
from opsdesk.domain.tiers import expiry
from opsdesk.services import audit, tiers

BATCH = 2000


class OnDuplicate(StrEnum):
    SKIP = "skip"
    MERGE = "merge"


class ImportCancelled(OpsError):
    def __init__(self) -> None:
        super().__init__("import.cancelled")


@dataclass(frozen=True)
class RowProblem:
    row_no: int
    code: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ImportSummary:
    created: int
    merged: int
    skipped: int
    problems: tuple[RowProblem, ...]


def import_members(db: Database, actor, rows: Iterable, on_duplicate: OnDuplicate | str,  # noqa: ANN001
                   progress: Callable[[int], None] | None = None,
                   should_cancel: Callable[[], bool] | None = None, *,
                   pond_id: int | None = None) -> ImportSummary:
    """``pond_id``: the partner pond handing these customers over; each new one is tagged with
    it (source ``pond``). Existing customers keep their source."""
    audit.require(db, actor, Permission.MEMBERS_REGISTER, "member.import")
    try:
        choice = OnDuplicate(on_duplicate)
    except ValueError:
        raise ValidationError("import.bad_duplicate_choice", field="on_duplicate") from None
    created = merged = skipped = 0
    problems: list[RowProblem] = []
    now = clock.now()
    keys_cache: dict[str, tuple[str, str]] = {}
    with db.write() as s:
        ladder = tiers.load_ladder(s, actor.store_id, include_inactive=False)
        by_name = {t.name: t for t in ladder.tiers}
        batch: list = []
        done = 0

        def flush() -> None:
            nonlocal created, merged, skipped
            phones = [r.phone for r in batch]
            existing = {c.phone: c for c in s.scalars(select(Customer).where(
                Customer.store_id == actor.store_id, Customer.phone.in_(phones)))}
            new_rows, with_tier = [], []
            for r in batch:
                tier = None
                if r.tier_name:
                    tier = by_name.get(r.tier_name)
                    if tier is None:
                        problems.append(RowProblem(r.row_no, "member.unknown_tier",
                                                   {"tier": r.tier_name}))
                        continue
                old = existing.get(r.phone)
                if old is not None:
                    if choice is OnDuplicate.SKIP:
                        skipped += 1
                        continue
                    _merge(old, r)
                    merged += 1
                    continue
                if r.name not in keys_cache:
                    k = name_keys(r.name)
                    keys_cache[r.name] = (k.full[:200], k.initials[:60])
                full, initials = keys_cache[r.name]
                row = dict(store_id=actor.store_id, name=r.name, phone=r.phone,
                           phone_last4=last4(r.phone), pinyin_full=full,
                           pinyin_initials=initials, gender=r.gender, birthday=r.birthday,
                           source="pond" if pond_id is not None else r.source,
                           notes=_notes(r), card_no=None,
                           stage=Stage.LEAD.value, lifetime_spend=0, balance_principal=0,
                           balance_bonus=0, balance_total=0, created_at=now)
                if pond_id is not None:
                    row["pond_id"] = pond_id
                existing[r.phone] = None  # a later row with the same phone is a duplicate
                (with_tier if tier else new_rows).append((row, tier))
            if new_rows:
                _bulk_insert(s, [row for row, _t in new_rows])
            for row, tier in with_tier:
                c = Customer(**row)
                s.add(c)
                s.flush()
                tiers.set_tier(s, actor, c, ladder, tier, reason="registration", at=now,
                               operation_id=None, expires_on=expiry(tier, now.date()))
            created += len(new_rows) + len(with_tier)
            batch.clear()

        for item in rows:
            if not hasattr(item, "phone"):  # a row that failed validation is left out, and listed
                problems.append(RowProblem(item.row_no, item.code, dict(item.params)))
                continue
            batch.append(item)
            done += 1
            if len(batch) >= BATCH:
                flush()
                if progress:
                    progress(done)
                if should_cancel and should_cancel():
                    raise ImportCancelled
        if batch:
            flush()
        s.flush()
        # Card numbers for the new members from their ids, in one statement.
        if s.get_bind().dialect.name == "sqlite":
            card = func.printf("M%06d", Customer.id)
        else:
            card = literal("M") + func.lpad(cast(Customer.id, String), 6, "0")
        s.execute(update(Customer).where(Customer.store_id == actor.store_id,
                                         Customer.card_no.is_(None)).values(card_no=card))
        audit.record_as(s, actor, "member.import", "customers",
                        {"created": created, "merged": merged, "skipped": skipped,
                         "problems": len(problems), "pond_id": pond_id})
        if progress:
            progress(done)
    return ImportSummary(created, merged, skipped, tuple(problems))


def _bulk_insert(s, rows: list[dict]) -> None:  # noqa: ANN001
    """Insert through the driver's executemany: the ORM and Core paths spend more time on
    per-row parameter processing than SQLite spends writing the row and its indexes."""
    conn = s.connection()
    cols = list(rows[0])
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = (f"INSERT INTO customer ({', '.join(cols)}) "
           f"VALUES ({', '.join([mark] * len(cols))})")
    conn.exec_driver_sql(sql, [tuple(_plain(r[c]) for c in cols) for r in rows])


def _plain(value):  # noqa: ANN001, ANN202
    # The drivers take dates and times as ISO text the way SQLAlchemy's own types store them.
    if hasattr(value, "isoformat"):
        return (value.isoformat(" ", timespec="microseconds") if hasattr(value, "hour")
                else value.isoformat())
    return value


def _notes(r) -> str:  # noqa: ANN001
    extra = f"[{r.source_text}]" if getattr(r, "source_text", "") else ""
    card = f"[card {r.card_no}]" if getattr(r, "card_no", None) else ""
    return " ".join(x for x in (r.notes, extra, card) if x)[:500]


def _merge(c: Customer, r) -> None:  # noqa: ANN001
    """Fill what the member record lacks; never overwrite what the shop already knows."""
    if not c.gender and r.gender:
        c.gender = r.gender
    if c.birthday is None and r.birthday is not None:
        c.birthday = r.birthday
    note = _notes(r)
    if note and note not in (c.notes or ""):
        c.notes = ((c.notes + " ") if c.notes else "") + note
        c.notes = c.notes[:500]
