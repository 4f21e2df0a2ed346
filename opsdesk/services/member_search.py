"""The one search box: full phone, last 4 digits, phone prefix, card number, pinyin, name.

API for screens:

* ``search(db, actor, text, limit=20) -> list[MemberHit]`` - what the text means is decided by
  ``domain.search_keys.classify_query`` (with the store's country); ``EMPTY`` and
  ``INCOMPLETE`` (one or two digits) return nothing. Hits are small rows, ordered by the key
  matched, then id.
* ``search_sql(store_id, text, limit, country="CN") -> list[tuple[str, dict]]`` - the SQL
  statements (named parameters, runnable as they are through ``sqlite3``) a search runs, for the
  benchmarks and for checking with ``EXPLAIN QUERY PLAN`` that every kind is an index search.

Every statement is an equality or a prefix range on one column of an index that starts with
``store_id`` (``ix_customer_store_phone``, ``_last4``, ``_initials``, ``_pinyin``, ``_name``,
``ix_customer_store_card``); a name is matched by prefix only, since a substring match
cannot use an index and would read a million rows per keystroke.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass

from sqlalchemy import text as sql_text

from opsdesk.db.engine import Database
from opsdesk.db.models import Store
from opsdesk.domain.errors import NotFound
from opsdesk.domain.phone import DEFAULT_COUNTRY
from opsdesk.domain.roles import Permission
from opsdesk.domain.search_keys import QueryKind, classify_query, prefix_range
from opsdesk.services import audit
from opsdesk.services.context import Actor

MAX_LIMIT = 200

_COLUMNS = ("c.id, c.name, c.phone, c.card_no, c.tier_id, t.name AS tier, c.stage, "
            "c.balance_total")


@dataclass(frozen=True)
class MemberHit:
    id: int
    name: str
    phone: str
    card_no: str | None
    tier_id: int | None
    tier: str
    stage: str
    balance_total: int
    matched: QueryKind


def _stmt(where: str, order: str, index: str) -> str:
    # INDEXED BY pins the plan: with a prefix range SQLite's planner could otherwise prefer the
    # ordering index and scan, and a plan that changes with statistics is a slow search one day.
    # (PostgreSQL has no such clause; _portable() takes it out there.)
    return (f"SELECT {_COLUMNS} FROM customer AS c INDEXED BY {index} "
            f"LEFT JOIN tier AS t ON t.id = c.tier_id "
            f"WHERE c.store_id = :store AND {where} ORDER BY {order}, c.id LIMIT :limit")


def search_sql(store_id: int, text: str | None, limit: int = 20,
               country: str = DEFAULT_COUNTRY, query=None) -> list[tuple[str, dict]]:  # noqa: ANN001
    q = query or classify_query(text, country)
    p = {"store": store_id, "limit": max(1, min(int(limit), MAX_LIMIT))}
    match q.kind:
        case QueryKind.PHONE:
            return [(_stmt("c.phone = :v", "c.phone", "ix_customer_store_phone"),
                     {**p, "v": q.value})]
        case QueryKind.PHONE_LAST4:
            return [(_stmt("c.phone_last4 = :v", "c.phone_last4", "ix_customer_store_last4"),
                     {**p, "v": q.value})]
        case QueryKind.PHONE_PREFIX:
            lo, hi = prefix_range(q.value)
            return [(_stmt("c.phone >= :lo AND c.phone < :hi", "c.phone",
                           "ix_customer_store_phone"), {**p, "lo": lo, "hi": hi})]
        case QueryKind.CARD:
            lo, hi = prefix_range(q.value)
            out = []
            if q.exact:
                out.append((_stmt("c.card_no = :v", "c.card_no", "ix_customer_store_card"),
                            {**p, "v": q.exact}))
            out.append((_stmt("c.card_no >= :lo AND c.card_no < :hi", "c.card_no",
                              "ix_customer_store_card"), {**p, "lo": lo, "hi": hi}))
            return out
        case QueryKind.PINYIN:
            lo, hi = prefix_range(q.value)
            return [
                (_stmt("c.pinyin_initials >= :lo AND c.pinyin_initials < :hi",
                       "c.pinyin_initials", "ix_customer_store_initials"),
                 {**p, "lo": lo, "hi": hi}),
                (_stmt("c.pinyin_full >= :lo AND c.pinyin_full < :hi", "c.pinyin_full",
                       "ix_customer_store_pinyin"), {**p, "lo": lo, "hi": hi}),
                # Latin names typed as they are written ("John") match the name itself too.
                (_stmt("c.name >= :nlo AND c.name < :nhi", "c.name", "ix_customer_store_name"),
                 {**p, "nlo": text.strip(), "nhi": prefix_range(text.strip())[1]}),
            ]
        case QueryKind.NAME:
            lo, hi = prefix_range(q.value)
            return [(_stmt("c.name >= :lo AND c.name < :hi", "c.name",
                           "ix_customer_store_name"), {**p, "lo": lo, "hi": hi})]
    return []


def _portable(stmt: str, sqlite: bool) -> str:
    if sqlite:
        return stmt
    head, _, rest = stmt.partition(" INDEXED BY ")
    return head + " " + rest.split(" ", 1)[1]


def search(db: Database, actor: Actor, text: str | None, limit: int = 20) -> list[MemberHit]:
    audit.require(db, actor, Permission.MEMBERS_VIEW, "member.search")
    country = _country(db, actor.store_id)
    query = classify_query(text, country)
    kind = query.kind
    hits: dict[int, MemberHit] = {}
    statements = search_sql(actor.store_id, text, limit, country, query)
    if not statements:
        return []
    for rows in _run(db, statements, limit):
        for (cid, name, phone, card_no, tier_id, tier, stage, balance) in rows:
            if cid not in hits:
                hits[cid] = MemberHit(cid, name, phone, card_no, tier_id, tier or "", stage,
                                      balance or 0, kind)
        if len(hits) >= limit:
            break
    return list(hits.values())[:limit]


def _reader(db: Database) -> sqlite3.Connection:
    """A read-only connection of this thread's own, kept for the searches: the search runs per
    keystroke, and checking a pooled connection out and back costs as much as the query. Each
    statement runs in autocommit, so it sees everything committed before it started. The
    connections live with the Database and close with it."""
    readers = db.memo.setdefault("search_readers", {})
    con = readers.get(threading.get_ident())
    if con is None:
        # check_same_thread off only so Database.dispose() may close it from another thread;
        # it is used by the thread that opened it alone.
        con = sqlite3.connect(f"{db.path.resolve().as_uri()}?mode=ro", uri=True,
                              isolation_level=None, check_same_thread=False)
        con.execute("PRAGMA busy_timeout=5000")
        readers[threading.get_ident()] = con
        db.on_dispose(con.close)
    return con


def _run(db: Database, statements, limit: int):  # noqa: ANN001, ANN202
    if db.is_sqlite and db.path is not None:
        con = _reader(db)
        for stmt, params in statements:
            yield con.execute(stmt, params).fetchall()
        return
    with db.engine.connect() as conn:
        for stmt, params in statements:
            yield [tuple(r) for r in conn.execute(sql_text(_portable(stmt, False)), params)]


def _country(db: Database, store_id: int) -> str:
    """A store's country (for phone rules), remembered: it is set at first run and never changes."""
    memo = db.memo.setdefault("store_country", {})
    if store_id not in memo:
        with db.read() as s:
            store = s.get(Store, store_id)
            if store is None:
                raise NotFound("store", store_id)
            memo[store_id] = store.country
    return memo[store_id]
