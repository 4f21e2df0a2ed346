"""What a member card shows, for many members in one query (batch printing of a selection).

``card_rows(db, actor, customer_ids) -> list[CardRow]`` in the order asked; ids of another store
or unknown ids are left out. A customer without a tier gets an empty tier (a lead's card).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from opsdesk.db.engine import Database
from opsdesk.db.models import Customer
from opsdesk.db.models.ladder import Tier
from opsdesk.domain.roles import Permission
from opsdesk.services import audit
from opsdesk.services.context import Actor

MAX_CARDS = 5000  # a batch larger than this is a mistake, not a print job


@dataclass(frozen=True)
class CardRow:
    customer_id: int
    name: str
    card_no: str
    tier_name: str
    tier_kind: str
    valid_until: date | None


def card_rows(db: Database, actor: Actor, customer_ids: list[int]) -> list[CardRow]:
    audit.require(db, actor, Permission.MEMBERS_VIEW, "member.cards")
    ids = list(dict.fromkeys(customer_ids))[:MAX_CARDS]
    q = (select(Customer.id, Customer.name, Customer.card_no, Tier.name, Tier.kind,
                Customer.tier_expires_on)
         .outerjoin(Tier, Tier.id == Customer.tier_id)
         .where(Customer.store_id == actor.store_id, Customer.id.in_(ids)))
    with db.read() as s:
        found = {r[0]: CardRow(r[0], r[1], r[2] or "", r[3] or "", r[4] or "", r[5])
                 for r in s.execute(q)}
    return [found[i] for i in ids if i in found]
