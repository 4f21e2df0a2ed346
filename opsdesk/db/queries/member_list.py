"""The member list, one keyset page at a time (a million members scroll without OFFSET).

``page(s, store_id, filters, sort, after_key, limit, descending=False) -> Page``: ``after_key``
is the previous page's ``next_key`` (``None`` for the first page). Every sort is backed by an
index ending in ``id`` (``ix_customer_store_name``, ``_created_id``, ``_last_purchase``,
``_balance``), so a page is an index range scan however deep it is, and the key ``(value, id)``
is exact: no row is skipped or repeated between pages even when values tie.

Filters (all optional, combined with AND): ``tier_id`` (``NO_TIER`` for customers holding none),
``stage``, ``staff_id``, ``source``, ``dormant_since`` (members who bought before but not since
that day; a lead who never bought is not dormant).

``last_purchase_at`` is NULL for customers who never bought. SQLite sorts NULL first ascending
and last descending; the pager keeps that order and walks the NULL block and the rest as two
ranges, since a row-value comparison with NULL would match nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, select, tuple_
from sqlalchemy.orm import Session

from opsdesk.db.models import Customer, Tier

NO_TIER = 0


class Sort(StrEnum):
    NAME = "name"
    CREATED = "created"
    LAST_PURCHASE = "last_purchase"
    BALANCE = "balance"


_COLUMN = {
    Sort.NAME: Customer.name,
    Sort.CREATED: Customer.created_at,
    Sort.LAST_PURCHASE: Customer.last_purchase_at,
    Sort.BALANCE: Customer.balance_total,
}


@dataclass(frozen=True)
class Filters:
    tier_id: int | None = None  # NO_TIER: customers without a tier
    stage: str | None = None
    staff_id: int | None = None
    source: str | None = None
    dormant_since: date | None = None


@dataclass(frozen=True)
class MemberListRow:
    id: int
    name: str
    phone: str
    card_no: str | None
    tier_id: int | None
    tier: str
    tier_expires_on: date | None
    stage: str
    source: str
    staff_id: int | None
    balance_total: int
    lifetime_spend: int
    last_purchase_at: datetime | None
    created_at: datetime


@dataclass(frozen=True)
class Page:
    rows: tuple[MemberListRow, ...]
    next_key: tuple[Any, int] | None  # None: this was the last page


def _where(store_id: int, f: Filters) -> list:
    w = [Customer.store_id == store_id]
    if f.tier_id == NO_TIER:
        w.append(Customer.tier_id.is_(None))
    elif f.tier_id is not None:
        w.append(Customer.tier_id == f.tier_id)
    if f.stage is not None:
        w.append(Customer.stage == f.stage)
    if f.staff_id is not None:
        w.append(Customer.staff_id == f.staff_id)
    if f.source is not None:
        w.append(Customer.source == f.source)
    if f.dormant_since is not None:
        w.append(Customer.last_purchase_at < datetime.combine(f.dormant_since,
                                                              datetime.min.time()))
    return w


def _select(where: list, col, descending: bool, limit: int):  # noqa: ANN001, ANN202
    order = (col.desc(), Customer.id.desc()) if descending else (col, Customer.id)
    return (select(Customer.id, Customer.name, Customer.phone, Customer.card_no,
                   Customer.tier_id, Tier.name, Customer.tier_expires_on, Customer.stage,
                   Customer.source, Customer.staff_id, Customer.balance_total,
                   Customer.lifetime_spend, Customer.last_purchase_at, Customer.created_at)
            .outerjoin(Tier, Tier.id == Customer.tier_id)
            .where(and_(*where)).order_by(*order).limit(limit))


def page(s: Session, store_id: int, filters: Filters | None = None, sort: Sort = Sort.NAME,
         after_key: tuple[Any, int] | None = None, limit: int = 200,
         descending: bool = False) -> Page:
    sort = Sort(sort)
    col = _COLUMN[sort]
    base = _where(store_id, filters or Filters())
    nullable = sort is Sort.LAST_PURCHASE
    # Ranges in display order: (is_null_block, extra conditions).
    blocks = [True, False] if not descending else [False, True]
    if not nullable:
        blocks = [False]
    rows: list = []
    started = after_key is None
    for null_block in blocks:
        if len(rows) >= limit:
            break
        w = list(base)
        if nullable:
            w.append(col.is_(None) if null_block else col.is_not(None))
        if not started:
            key_value, key_id = after_key
            if (key_value is None) != null_block:
                continue  # the key lies in a later block
            started = True
            if null_block:
                w.append(Customer.id < key_id if descending else Customer.id > key_id)
            else:
                cmp = tuple_(col, Customer.id)
                w.append(cmp < tuple_(key_value, key_id) if descending
                         else cmp > tuple_(key_value, key_id))
        rows += s.execute(_select(w, col, descending, limit - len(rows))).all()
    out = tuple(MemberListRow(r[0], r[1], r[2], r[3], r[4], r[5] or "", r[6], r[7], r[8], r[9],
                              r[10], r[11], r[12], r[13]) for r in rows)
    if len(out) < limit:
        return Page(out, None)
    last = out[-1]
    value = {Sort.NAME: last.name, Sort.CREATED: last.created_at,
             Sort.LAST_PURCHASE: last.last_purchase_at, Sort.BALANCE: last.balance_total}[sort]
    return Page(out, (value, last.id))
