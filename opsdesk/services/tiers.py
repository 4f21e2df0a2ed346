"""The member ladder (tiers, bonus brackets, upgrade rules) and tier changes of a member.

API for screens (all calls one transaction; ``actor`` is the logged-in person):

* ``get_ladder(db, actor) -> Ladder`` - active tiers (lowest rank first) and upgrade rules, as the
  pure ``domain.tiers.Tier`` / ``UpgradeRule`` dataclasses (ids are database ids).
* ``save_ladder(db, actor, tiers: Sequence[TierInput], rules: Sequence[RuleInput]) -> Ladder`` -
  owner only (``ladder.manage``). The whole ladder at once, checked by
  ``domain.tiers.validate_ladder``. A ``TierInput.ref`` is an existing tier's id, or a negative
  number naming a new tier so fallbacks and rules can point at it before it has an id. An existing
  tier left out is taken off the ladder (made inactive; tiers are never deleted because sales and
  history name them), refused with ``tier.in_use`` while members hold it or an active membership
  product sells it.
* ``run_lapses(db, actor, today) -> int`` - moves every member whose tier ran out before
  ``today`` to its fallback (``tier_change`` rows, reason ``lapse``); returns how many moved. Sales
  and top-ups also settle a lapse of their own customer first.

Error codes: the ``tier.*`` codes of ``domain.tiers``; ``tier.in_use`` (Conflict, params ``tier``,
``members``); ``not_found`` (a ref that is no tier of this store).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import Customer, Product, TierBonusBracket, TierChange
from opsdesk.db.models import Tier as TierRow
from opsdesk.db.models import UpgradeRule as RuleRow
from opsdesk.domain.errors import Conflict, NotFound, ValidationError
from opsdesk.domain.roles import Permission
from opsdesk.domain.tiers import (
    BonusBracket,
    Tier,
    TierKind,
    UpgradeRule,
    discount_from_units,
    discount_to_units,
    parse_discount,
    standing,
    validate_ladder,
)
from opsdesk.services import audit
from opsdesk.services.context import Actor


@dataclass(frozen=True)
class TierInput:
    ref: int  # an existing tier's id, or a negative placeholder for a new one
    kind: TierKind | str
    name: str
    rank: int
    price: int = 0
    validity_days: int | None = None
    discount: Decimal | str | int = Decimal(1)
    bonus_brackets: tuple[BonusBracket, ...] = ()
    privileges: str = ""
    fallback_ref: int | None = None


@dataclass(frozen=True)
class RuleInput:
    target_ref: int
    min_cumulative_spend: int | None = None
    min_single_topup: int | None = None
    from_ref: int | None = None


@dataclass(frozen=True)
class Ladder:
    tiers: tuple[Tier, ...]
    rules: tuple[UpgradeRule, ...]

    def tier(self, tier_id: int | None) -> Tier | None:
        return next((t for t in self.tiers if t.id == tier_id), None)


@dataclass(frozen=True)
class TierNotice:
    """What changed in a member's tier, for the visible notice after a sale or top-up."""

    customer_id: int
    from_tier_id: int | None
    from_tier: str  # name, "" for no tier
    to_tier_id: int | None
    to_tier: str
    expires_on: date | None
    reason: str  # membership | upgrade_spend | upgrade_topup | lapse | refund | registration


# ----------------------------------------------------------------------------- reading


def load_ladder(s: Session, store_id: int, *, include_inactive: bool = False) -> Ladder:
    q = select(TierRow).where(TierRow.store_id == store_id)
    if not include_inactive:
        q = q.where(TierRow.active.is_(True))
    rows = s.scalars(q).all()
    brackets: dict[int, list[BonusBracket]] = {}
    for b in s.scalars(select(TierBonusBracket).where(TierBonusBracket.store_id == store_id)
                       .order_by(TierBonusBracket.min_topup)):
        brackets.setdefault(b.tier_id, []).append(BonusBracket(b.min_topup, b.bonus))
    tiers = sorted((_tier(r, brackets.get(r.id, ())) for r in rows), key=lambda t: t.rank)
    rules = tuple(UpgradeRule(r.target_tier_id, r.min_cumulative_spend, r.min_single_topup,
                              r.from_tier_id)
                  for r in s.scalars(select(RuleRow).where(RuleRow.store_id == store_id)
                                     .order_by(RuleRow.sort, RuleRow.id)))
    return Ladder(tuple(tiers), rules)


def _tier(r: TierRow, brackets: Sequence[BonusBracket]) -> Tier:
    return Tier(id=r.id, kind=TierKind(r.kind), name=r.name, rank=r.rank, price=r.price,
                validity_days=r.validity_days, discount=discount_from_units(r.discount_units),
                bonus_brackets=tuple(brackets), privileges=r.privileges,
                fallback_tier_id=r.fallback_tier_id)


def tier_names(s: Session, store_id: int) -> dict[int, str]:
    """Every tier ever defined (inactive too): history still names retired tiers."""
    return dict(s.execute(select(TierRow.id, TierRow.name).where(TierRow.store_id == store_id)).all())


def get_ladder(db: Database, actor: Actor) -> Ladder:
    audit.require(db, actor, Permission.MEMBERS_VIEW, "ladder.view")
    with db.read() as s:
        return load_ladder(s, actor.store_id)


# ----------------------------------------------------------------------------- saving


def _discount(value: Decimal | str | int) -> Decimal | str | int:
    # What the owner typed ("8.8折", "88%") is read here; a malformed text is left for
    # validate_tier to refuse together with the other fields.
    if isinstance(value, str):
        try:
            return parse_discount(value)
        except ValidationError:
            return value
    return value


def save_ladder(db: Database, actor: Actor, tiers: Sequence[TierInput],
                rules: Sequence[RuleInput] = ()) -> Ladder:
    audit.require(db, actor, Permission.LADDER_MANAGE, "ladder.save")
    domain_tiers = [Tier(id=t.ref, kind=t.kind, name=t.name, rank=t.rank, price=t.price,
                         validity_days=t.validity_days, discount=_discount(t.discount),
                         bonus_brackets=tuple(t.bonus_brackets), privileges=t.privileges,
                         fallback_tier_id=t.fallback_ref) for t in tiers]
    domain_rules = [UpgradeRule(r.target_ref, r.min_cumulative_spend, r.min_single_topup,
                                r.from_ref) for r in rules]
    checked = validate_ladder(domain_tiers, domain_rules)
    with db.write() as s:
        existing = {r.id: r for r in s.scalars(select(TierRow).where(
            TierRow.store_id == actor.store_id))}
        ids: dict[int, int] = {}
        for t in checked:
            if t.id > 0:
                if t.id not in existing:
                    raise NotFound("tier", t.id)
                ids[t.id] = t.id
        for t in checked:
            row = existing.get(t.id) if t.id > 0 else None
            if row is None:
                row = TierRow(store_id=actor.store_id)
                s.add(row)
            row.kind, row.name, row.rank, row.price = t.kind.value, t.name, t.rank, t.price
            row.validity_days, row.privileges = t.validity_days, t.privileges
            row.discount_units = discount_to_units(t.discount)
            row.active = True
            # Ranks must be free for the new values while the old ones are still in the rows.
            s.flush()
            ids[t.id] = row.id
        for t in checked:
            row = s.get(TierRow, ids[t.id])
            row.fallback_tier_id = ids[t.fallback_tier_id] if t.fallback_tier_id is not None else None
            s.execute(delete(TierBonusBracket).where(TierBonusBracket.tier_id == row.id))
            for b in t.bonus_brackets:
                s.add(TierBonusBracket(store_id=actor.store_id, tier_id=row.id,
                                       min_topup=b.min_topup, bonus=b.bonus))
        kept = set(ids.values())
        for tid, row in existing.items():
            if tid in kept or not row.active:
                continue
            members = s.scalar(select(func.count()).select_from(Customer).where(
                Customer.store_id == actor.store_id, Customer.tier_id == tid))
            selling = s.scalar(select(func.count()).select_from(Product).where(
                Product.tier_id == tid, Product.active.is_(True)))
            if members or selling:
                raise Conflict("tier.in_use", field="tiers", tier=row.name, members=members)
            row.active = False
            # A retired tier must not be anyone's fallback any more.
            for other in existing.values():
                if other.fallback_tier_id == tid and other.id in kept:
                    other.fallback_tier_id = None
        s.execute(delete(RuleRow).where(RuleRow.store_id == actor.store_id))
        for i, r in enumerate(domain_rules):
            s.add(RuleRow(store_id=actor.store_id, target_tier_id=ids[r.target_tier_id],
                          from_tier_id=ids[r.from_tier_id] if r.from_tier_id is not None else None,
                          min_cumulative_spend=r.min_cumulative_spend,
                          min_single_topup=r.min_single_topup, sort=i))
        s.flush()
        audit.record_as(s, actor, "ladder.save", "ladder", {
            "tiers": [[ids[t.id], t.name, t.rank, t.price, str(t.discount)] for t in checked],
            "rules": len(domain_rules)})
        return load_ladder(s, actor.store_id)


# ----------------------------------------------------------------------------- tier changes


def set_tier(s: Session, actor: Actor, customer: Customer, ladder: Ladder, to: Tier | None,
             *, reason: str, at: datetime, operation_id: str | None,
             since: date | None = None, expires_on: date | None = None,
             names: dict[int, str] | None = None) -> TierNotice:
    """Move ``customer`` to ``to`` and write the history row. The caller holds the write lock."""
    old = customer.tier_id
    customer.tier_id = to.id if to else None
    customer.tier_since = (since or at.date()) if to else None
    customer.tier_expires_on = expires_on if to else None
    s.add(TierChange(store_id=customer.store_id, customer_id=customer.id, at=at,
                     from_tier_id=old, to_tier_id=customer.tier_id,
                     expires_on=customer.tier_expires_on, reason=reason,
                     operation_id=operation_id, staff_id=actor.staff_id))
    names = names if names is not None else {t.id: t.name for t in ladder.tiers}
    if old is not None and old not in names:
        names = {**names, **tier_names(s, customer.store_id)}
    return TierNotice(customer.id, old, names.get(old, "") if old else "", customer.tier_id,
                      to.name if to else "", customer.tier_expires_on, reason)


def settle_lapse(s: Session, actor: Actor, customer: Customer, ladder: Ladder,
                 today: date, at: datetime) -> TierNotice | None:
    """If the customer's tier has run out before ``today``, move them to its fallback."""
    if customer.tier_id is None or customer.tier_expires_on is None \
            or today <= customer.tier_expires_on:
        return None
    current = ladder.tier(customer.tier_id)
    if current is None:  # retired tier still held: the fallback chain is gone with it
        st = standing(None, ladder.tiers, today, None)
    else:
        st = standing(current, ladder.tiers, today, customer.tier_expires_on)
    if st.tier is not None and st.tier.id == customer.tier_id:
        return None
    since = customer.tier_expires_on + timedelta(days=1)
    return set_tier(s, actor, customer, ladder, st.tier, reason="lapse", at=at,
                    operation_id=None, since=since, expires_on=st.expires_on)


def run_lapses(db: Database, actor: Actor, today: date) -> int:
    audit.require(db, actor, Permission.TIERS_RUN_LAPSES, "tiers.run_lapses")
    moved = 0
    with db.write() as s:
        ladder = load_ladder(s, actor.store_id)
        at = clock.now()
        due = s.scalars(select(Customer).where(
            Customer.store_id == actor.store_id, Customer.tier_expires_on < today)).all()
        for c in due:
            if settle_lapse(s, actor, c, ladder, today, at):
                moved += 1
        if moved:
            audit.record_as(s, actor, "tiers.run_lapses", "", {"moved": moved,
                                                              "today": today.isoformat()})
    return moved


def spend_since_tier(s: Session, customer: Customer) -> int:
    """What the customer paid for goods and services since entering the current tier (all time
    without a tier), refunds netted: the "cumulative spend" of the upgrade rules."""
    from opsdesk.db.models import Sale

    q = select(func.coalesce(func.sum(Sale.total), 0)).where(Sale.customer_id == customer.id)
    if customer.tier_id is not None and customer.tier_since is not None:
        q = q.where(Sale.at >= datetime.combine(customer.tier_since, datetime.min.time()))
    return int(s.scalar(q))


def apply_upgrade(s: Session, actor: Actor, customer: Customer, ladder: Ladder, at: datetime,
                  operation_id: str | None, this_topup: int = 0) -> TierNotice | None:
    """Run the upgrade rules for ``customer`` after a sale (``this_topup`` 0) or a top-up."""
    from opsdesk.domain.tiers import evaluate_upgrade, expiry

    if not ladder.rules:
        return None
    current = ladder.tier(customer.tier_id)
    spend = max(spend_since_tier(s, customer), 0)
    to = evaluate_upgrade(current, ladder.tiers, ladder.rules, spend, this_topup)
    if to is None:
        return None
    by_spend = this_topup and evaluate_upgrade(current, ladder.tiers, ladder.rules, spend, 0)
    reason = "upgrade_topup" if this_topup and not (by_spend and by_spend.id == to.id) \
        else "upgrade_spend"
    return set_tier(s, actor, customer, ladder, to, reason=reason, at=at,
                    operation_id=operation_id, expires_on=expiry(to, at.date()))


def notices_of(s: Session, store_id: int, operation_id: str) -> tuple[TierNotice, ...]:
    names = tier_names(s, store_id)
    rows = s.scalars(select(TierChange).where(TierChange.store_id == store_id,
                                              TierChange.operation_id == operation_id)
                     .order_by(TierChange.id))
    return tuple(TierNotice(r.customer_id, r.from_tier_id, names.get(r.from_tier_id, ""),
                            r.to_tier_id, names.get(r.to_tier_id, ""), r.expires_on, r.reason)
                 for r in rows)
