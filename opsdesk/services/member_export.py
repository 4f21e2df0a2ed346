"""The member list as export rows, one keyset page at a time (constant memory on a million).

``member_rows(db, actor, filters, sort, descending, *, currency_code, stage_name, source_name,
should_stop)`` yields lists in the order of ``COLUMNS``; the caller supplies the words for stage
and source (translated in the GUI, codes on the command line)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from opsdesk.db.engine import Database
from opsdesk.db.queries import member_list
from opsdesk.domain.money import as_decimal
from opsdesk.services import members
from opsdesk.services.context import Actor

COLUMNS = ("name", "mobile", "card", "tier", "expires", "stage", "source", "stored_value",
           "lifetime_spend", "last_purchase", "registered")
PAGE = 2000


def member_rows(db: Database, actor: Actor, filters: member_list.Filters | None = None,
                sort: member_list.Sort = member_list.Sort.NAME, descending: bool = False, *,
                currency_code: str = "CNY", stage_name: Callable[[str], str] = str,
                source_name: Callable[[str], str] = str,
                should_stop: Callable[[], None] | None = None) -> Iterator[list]:
    key = None
    while True:
        page = members.list_page(db, actor, filters, sort, key, PAGE, descending)
        for r in page.rows:
            yield [r.name, r.phone, r.card_no or "", r.tier or "",
                   r.tier_expires_on.isoformat() if r.tier_expires_on else "",
                   stage_name(r.stage), source_name(r.source),
                   as_decimal(r.balance_total, currency_code),
                   as_decimal(r.lifetime_spend, currency_code),
                   r.last_purchase_at.date().isoformat() if r.last_purchase_at else "",
                   r.created_at.date().isoformat()]
        if should_stop is not None:
            should_stop()
        if page.next_key is None or not page.rows:
            return
        key = page.next_key
