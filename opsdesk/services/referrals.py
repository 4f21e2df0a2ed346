"""Member referral (会员推广, 裂变): reward rules, referral links, the referral tree and the
fission figures. The rules and formulas are ``domain.referrals``; this module stores and posts them.

API for screens (each call one transaction):

* ``get_rules(db, actor) -> tuple[RewardRule, ...]`` - the active rules, by trigger and threshold.
* ``save_rules(db, actor, rules) -> tuple[RewardRule, ...]`` - owner (``referrals.manage``);
  replaces the rule set. The old rows are retired, not deleted, so a granted reward keeps the
  rule that granted it.
* ``set_referrer(db, actor, customer_id, referrer_id) -> None`` - links a customer to the member
  who brought them (``None`` unlinks); refuses a member referring themself and a link that would
  close a loop. The source becomes ``member_referral`` when a referrer is set.
* ``tree(db, actor, customer_id) -> ReferralTree`` - the member's referral tree, in display order.
* ``fission(db, actor, year) -> FissionFigures`` - ``domain.referrals.fission_figures`` over the
  store's registrations.
* ``rewards(db, actor, limit) -> list[RewardRow]`` - granted and reversed rewards, newest first.

Posting hooks, called by ``services.sales`` and ``services.stored_value`` inside their own
transaction so that a payment and the reward it earns commit together:

* ``after_topup`` / ``after_sale`` grant the referrer's reward for the referred customer's first
  top-up / first purchase (a ``BONUS`` entry on the referrer's card, or a gift to hand over);
* ``after_topup_reversed``, ``after_principal_refund`` and ``after_sale_refund`` judge the
  reward again once its qualifying payment is refunded (``domain.referrals.plan_reversal``) and
  post the reversal: a ``REVERSAL`` entry linked to the bonus entry, at most the bonus the
  referrer still holds; the rest is written off.

Error codes: those of ``domain.referrals`` (``referral.self``, ``referral.loop``,
``referral.unknown_referrer`` on ``referrer_id``; the rule codes); ``not_found``. A tree larger
than ``TREE_MAX`` rows is cut and says so (``truncated``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from opsdesk.db.engine import Database
from opsdesk.db.models import Customer, Sale, StoredValueEntry
from opsdesk.db.models.promotion import ReferralReward, ReferralRule
from opsdesk.domain.errors import NotFound, ValidationError
from opsdesk.domain.members import Source
from opsdesk.domain.referrals import (
    FissionFigures,
    Registration,
    Reward,
    RewardRule,
    Trigger,
    ancestors,
    build_forest,
    check_referral_link,
    fission_figures,
    grant_reward,
    plan_reversal,
    subtree,
    validate_rules,
)
from opsdesk.domain.roles import Permission
from opsdesk.domain.stored_value import Entry, EntryKind
from opsdesk.services import audit
from opsdesk.services.context import Actor

TREE_MAX = 5000  # rows shown in one member's tree; a larger tree is cut and marked
CHAIN_MAX = 10_000  # steps walked up a referral chain before it is taken for a loop


# ----------------------------------------------------------------------------- rules


def _rule(r: ReferralRule) -> RewardRule:
    return RewardRule(r.id, r.min_amount, Trigger(r.trigger), r.bonus, r.gift)


def _active_rules(s: Session, store_id: int) -> tuple[RewardRule, ...]:
    return tuple(_rule(r) for r in s.scalars(select(ReferralRule).where(
        ReferralRule.store_id == store_id, ReferralRule.active.is_(True))
        .order_by(ReferralRule.trigger, ReferralRule.min_amount)))


def get_rules(db: Database, actor: Actor) -> tuple[RewardRule, ...]:
    audit.require(db, actor, Permission.MEMBERS_VIEW, "referral.rules_view")
    with db.read() as s:
        return _active_rules(s, actor.store_id)


def save_rules(db: Database, actor: Actor, rules: Sequence[RewardRule]) -> tuple[RewardRule, ...]:
    audit.require(db, actor, Permission.REFERRALS_MANAGE, "referral.rules_save")
    clean = validate_rules(rules)
    with db.write() as s:
        old = _active_rules(s, actor.store_id)
        same = [(r.trigger, r.min_amount, r.bonus, r.gift) for r in old] == \
            [(r.trigger, r.min_amount, r.bonus, r.gift) for r in clean]
        if same:
            return old
        for r in s.scalars(select(ReferralRule).where(ReferralRule.store_id == actor.store_id,
                                                      ReferralRule.active.is_(True))):
            r.active = False
        for r in clean:
            s.add(ReferralRule(store_id=actor.store_id, trigger=r.trigger.value,
                               min_amount=r.min_amount, bonus=r.bonus, gift=r.gift, active=True))
        s.flush()
        audit.record_as(s, actor, "referral.rules_save", "referral_rules", {
            "rules": [[r.trigger.value, r.min_amount, r.bonus, r.gift] for r in clean]})
        return _active_rules(s, actor.store_id)


# ----------------------------------------------------------------------------- links


def referrer_chain(s: Session, customer_id: int) -> tuple[int, ...]:
    """The customer's referrer, that one's referrer, ... walked in the database (nearest first).
    Raises ``referral.loop`` on a loop already stored."""
    referrer_of: dict[int, int | None] = {}
    current: int | None = customer_id
    for _ in range(CHAIN_MAX):
        if current is None or current in referrer_of:
            break
        nxt = s.scalar(select(Customer.referrer_id).where(Customer.id == current))
        referrer_of[current] = nxt
        current = nxt
    return ancestors(customer_id, referrer_of)


def set_referrer(db: Database, actor: Actor, customer_id: int, referrer_id: int | None) -> None:
    audit.require(db, actor, Permission.MEMBERS_EDIT, "referral.link", f"customer:{customer_id}")
    if referrer_id is not None and referrer_id == customer_id:
        raise ValidationError("referral.self", field="referrer_id")
    with db.write() as s:
        c = s.get(Customer, customer_id)
        if c is None or c.store_id != actor.store_id:
            raise NotFound("customer", customer_id)
        if referrer_id is not None:
            ref = s.get(Customer, referrer_id)
            if ref is None or ref.store_id != actor.store_id:
                raise ValidationError("referral.unknown_referrer", field="referrer_id",
                                      customer=customer_id, referrer=referrer_id)
            check_referral_link(customer_id, referrer_id, referrer_chain(s, referrer_id))
        if c.referrer_id == referrer_id:
            return
        before = c.referrer_id
        c.referrer_id = referrer_id
        if referrer_id is not None:
            c.source = Source.MEMBER_REFERRAL.value
        elif c.source == Source.MEMBER_REFERRAL.value:
            c.source = Source.OTHER.value
        s.flush()
        audit.record_as(s, actor, "referral.link", f"customer:{customer_id}",
                        {"referrer_id": [before, referrer_id]})


# ----------------------------------------------------------------------------- tree


@dataclass(frozen=True)
class TreeMember:
    id: int
    name: str
    card_no: str | None
    level: int  # 0: the member whose tree it is
    referrer_id: int | None
    descendants: int
    registered_on: date
    lifetime_spend: int
    rewards: int  # net stored-value bonus this member earned by referring (fen)


@dataclass(frozen=True)
class ReferralTree:
    root_id: int
    members: tuple[TreeMember, ...]  # pre-order: a member's referrals follow it
    truncated: bool  # more than TREE_MAX below the member: the deepest levels are cut
    upline: tuple[tuple[int, str], ...]  # who brought the member, nearest first (id, name)


def tree(db: Database, actor: Actor, customer_id: int) -> ReferralTree:
    audit.require(db, actor, Permission.MEMBERS_VIEW, "referral.tree", f"customer:{customer_id}")
    with db.read() as s:
        root = s.get(Customer, customer_id)
        if root is None or root.store_id != actor.store_id:
            raise NotFound("customer", customer_id)
        pairs: list[tuple[int, int | None]] = [(root.id, None)]
        seen = {root.id}
        frontier = [root.id]
        truncated = False
        # Level by level through ix_customer_referrer; a stored loop cannot run forever because
        # a member already seen is not walked again.
        while frontier and not truncated:
            nxt: list[int] = []
            for i in range(0, len(frontier), 500):
                for cid, ref in s.execute(select(Customer.id, Customer.referrer_id).where(
                        Customer.referrer_id.in_(frontier[i:i + 500])).order_by(Customer.id)):
                    if cid in seen:
                        continue
                    if len(pairs) >= TREE_MAX:
                        truncated = True
                        break
                    seen.add(cid)
                    pairs.append((cid, ref))
                    nxt.append(cid)
                if truncated:
                    break
            frontier = nxt
        rows = subtree(build_forest(pairs), root.id)
        ids = [r.id for r in rows]
        info: dict[int, tuple] = {}
        rewards: dict[int, int] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            for row in s.execute(select(Customer.id, Customer.name, Customer.card_no,
                                        Customer.referrer_id, Customer.created_at,
                                        Customer.lifetime_spend).where(Customer.id.in_(chunk))):
                info[row[0]] = row
            for rid, total in s.execute(select(ReferralReward.referrer_id,
                                               func.sum(ReferralReward.bonus)).where(
                    ReferralReward.referrer_id.in_(chunk))
                    .group_by(ReferralReward.referrer_id)):
                rewards[rid] = int(total or 0)
        members = tuple(
            TreeMember(r.id, info[r.id][1], info[r.id][2], r.level,
                       info[r.id][3] if r.level else root.referrer_id, r.descendants,
                       info[r.id][4].date(), info[r.id][5], rewards.get(r.id, 0))
            for r in rows)
        try:
            chain = referrer_chain(s, root.id)[:20]
        except ValidationError:
            chain = ()
        names = dict(s.execute(select(Customer.id, Customer.name).where(
            Customer.id.in_(chain))).all()) if chain else {}
        return ReferralTree(root.id, members, truncated,
                            tuple((c, names.get(c, "")) for c in chain))


# ----------------------------------------------------------------------------- figures


def fission(db: Database, actor: Actor, year: int) -> FissionFigures:
    audit.require(db, actor, Permission.MEMBERS_VIEW, "referral.figures")
    if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 9999:
        raise ValidationError("referral.year_invalid", field="year")
    start, end = datetime(year, 1, 1), datetime(year + 1, 1, 1)
    with db.read() as s:
        regs = [Registration(cid, at.date(), ref) for cid, at, ref in s.execute(
            select(Customer.id, Customer.created_at, Customer.referrer_id).where(
                Customer.store_id == actor.store_id, Customer.created_at >= start,
                Customer.created_at < end))]
        base = s.scalar(select(func.count()).select_from(Customer).where(
            Customer.store_id == actor.store_id, Customer.created_at < end)) or 0
    return fission_figures(regs, year, int(base))


@dataclass(frozen=True)
class RewardRow:
    id: int
    kind: str  # grant | reversal
    at: datetime
    referrer_id: int
    referrer_name: str
    customer_id: int
    customer_name: str
    trigger: Trigger
    qualifying_amount: int
    bonus: int  # signed
    gift: str
    written_off: int
    gift_to_return: bool


def rewards(db: Database, actor: Actor, limit: int = 200) -> list[RewardRow]:
    audit.require(db, actor, Permission.MEMBERS_VIEW, "referral.rewards")
    ref = Customer.__table__.alias("ref")
    cus = Customer.__table__.alias("cus")
    with db.read() as s:
        q = (select(ReferralReward, ref.c.name, cus.c.name)
             .join(ref, ref.c.id == ReferralReward.referrer_id)
             .join(cus, cus.c.id == ReferralReward.customer_id)
             .where(ReferralReward.store_id == actor.store_id)
             .order_by(ReferralReward.id.desc()).limit(max(1, min(limit, 2000))))
        return [RewardRow(r.id, r.kind, r.at, r.referrer_id, rn, r.customer_id, cn,
                          Trigger(r.trigger), r.qualifying_amount, r.bonus, r.gift,
                          r.written_off, r.gift_to_return)
                for r, rn, cn in s.execute(q)]


# ----------------------------------------------------------------------------- posting hooks


def _grant(s: Session, actor: Actor, c: Customer, trigger: Trigger, amount: int,
           payment_op: str, at: datetime) -> None:
    from opsdesk.services import stored_value as sv

    if c.referrer_id is None or amount <= 0:
        return
    rules = _active_rules(s, c.store_id)
    if not rules:
        return
    if s.scalar(select(ReferralReward.id).where(
            ReferralReward.store_id == c.store_id, ReferralReward.customer_id == c.id,
            ReferralReward.trigger == trigger.value, ReferralReward.kind == "grant")):
        return
    reward = grant_reward(rules, trigger, amount)
    if reward is None:
        return
    referrer = sv.customer_for_update(s, actor, c.referrer_id)
    sv_op = None
    if reward.bonus:
        # The payment's own id with a prefix: unique per payment, and a replay of the payment
        # never reaches here (it returns before posting).
        sv_op = f"referral:{payment_op}"[:64]
        reason = f"{c.name} {c.card_no or ''}".strip()[:200]
        sv.post(s, actor, referrer, [Entry(EntryKind.BONUS, 0, reward.bonus, reason)], sv_op, at)
    s.add(ReferralReward(
        store_id=c.store_id, kind="grant", referrer_id=referrer.id, customer_id=c.id,
        trigger=trigger.value, rule_id=reward.rule_id, min_amount=reward.min_amount,
        qualifying_amount=amount, bonus=reward.bonus, gift=reward.gift, written_off=0,
        gift_to_return=False, payment_operation_id=payment_op, sv_operation_id=sv_op,
        staff_id=actor.staff_id, at=at))
    s.flush()
    audit.record_as(s, actor, "referral.reward", f"customer:{referrer.id}", {
        "customer_id": c.id, "trigger": trigger.value, "amount": amount, "bonus": reward.bonus,
        "gift": reward.gift})


def _reverse(s: Session, actor: Actor, grant: ReferralReward, refunded_total: int,
             op: str, at: datetime) -> None:
    from opsdesk.services import stored_value as sv

    if s.scalar(select(ReferralReward.id).where(ReferralReward.reverses_id == grant.id)):
        return
    referrer = sv.customer_for_update(s, actor, grant.referrer_id)
    reward = Reward(grant.rule_id or 0, Trigger(grant.trigger), grant.min_amount,
                    grant.qualifying_amount, grant.bonus, grant.gift)
    bonus_row = None
    if grant.sv_operation_id:
        bonus_row = s.scalars(select(StoredValueEntry).where(
            StoredValueEntry.store_id == grant.store_id,
            StoredValueEntry.operation_id == grant.sv_operation_id)).first()
    already = bonus_row is None or s.scalar(select(StoredValueEntry.id).where(
        StoredValueEntry.reverses_id == bonus_row.id))
    # A bonus someone already undid by hand on the card has nothing left to take back.
    holding = 0 if already else sv.ledger_balance(s, referrer.id).bonus
    plan = plan_reversal(reward, min(refunded_total, grant.qualifying_amount), holding)
    if not plan.reversed:
        return
    sv_op = None
    if (entry := plan.entry()) is not None and bonus_row is not None:
        sv_op = f"referral-rev:{op}"[:64]
        reason = bonus_row.reason or "referral"
        if plan.bonus_reversed == grant.bonus:
            sv.post(s, actor, referrer, [Entry(entry.kind, 0, entry.bonus, reason)], sv_op, at,
                    reverses=[bonus_row.id])
        else:
            # Part of the bonus was spent: a reversal row must undo its original exactly
            # (``opsdesk check``), so what is taken back is an adjustment of the bonus part.
            sv.post(s, actor, referrer, [Entry(EntryKind.ADJUST, 0, entry.bonus, reason)],
                    sv_op, at)
    s.add(ReferralReward(
        store_id=grant.store_id, kind="reversal", referrer_id=grant.referrer_id,
        customer_id=grant.customer_id, trigger=grant.trigger, rule_id=grant.rule_id,
        min_amount=grant.min_amount, qualifying_amount=grant.qualifying_amount,
        bonus=-plan.bonus_reversed, gift=grant.gift, written_off=plan.bonus_written_off,
        gift_to_return=plan.gift_to_return, payment_operation_id=op, sv_operation_id=sv_op,
        reverses_id=grant.id, staff_id=actor.staff_id, at=at))
    s.flush()
    audit.record_as(s, actor, "referral.reward_reversed", f"customer:{grant.referrer_id}", {
        "customer_id": grant.customer_id, "bonus_reversed": plan.bonus_reversed,
        "written_off": plan.bonus_written_off, "gift_to_return": plan.gift_to_return})


def _open_grant(s: Session, store_id: int, customer_id: int,
                trigger: Trigger) -> ReferralReward | None:
    return s.scalars(select(ReferralReward).where(
        ReferralReward.store_id == store_id, ReferralReward.customer_id == customer_id,
        ReferralReward.trigger == trigger.value, ReferralReward.kind == "grant")).first()


def _paid_topups(s: Session, customer_id: int):  # noqa: ANN202
    # Top-ups paid in at the till carry a payment method; a promoter's commission paid into
    # stored value does not, and is no top-up of the customer's own.
    return select(func.count()).select_from(StoredValueEntry).where(
        StoredValueEntry.customer_id == customer_id, StoredValueEntry.kind == "topup",
        StoredValueEntry.payment_method.is_not(None))


def after_topup(s: Session, actor: Actor, c: Customer, amount: int, op: str,
                at: datetime) -> None:
    """After a top-up was posted: the referrer's reward if it was the customer's first."""
    if c.referrer_id is None or s.scalar(_paid_topups(s, c.id)) != 1:
        return
    _grant(s, actor, c, Trigger.FIRST_TOPUP, amount, op, at)


def after_sale(s: Session, actor: Actor, c: Customer, sale: Sale) -> None:
    """After a sale was posted: the referrer's reward if it was the customer's first purchase."""
    if c.referrer_id is None or not sale.total:
        return
    count = s.scalar(select(func.count()).select_from(Sale).where(
        Sale.customer_id == c.id, Sale.kind == "sale"))
    if count == 1:
        _grant(s, actor, c, Trigger.FIRST_PURCHASE, sale.total, sale.operation_id, sale.at)


def after_sale_refund(s: Session, actor: Actor, orig: Sale, op: str, at: datetime) -> None:
    """After a sale was refunded (always in full): reverse the reward it qualified for."""
    if orig.customer_id is None:
        return
    grant = _open_grant(s, orig.store_id, orig.customer_id, Trigger.FIRST_PURCHASE)
    if grant is not None and grant.payment_operation_id == orig.operation_id:
        _reverse(s, actor, grant, grant.qualifying_amount, op, at)


def after_topup_reversed(s: Session, actor: Actor, c: Customer, original_op: str, op: str,
                         at: datetime) -> None:
    grant = _open_grant(s, c.store_id, c.id, Trigger.FIRST_TOPUP)
    if grant is not None and grant.payment_operation_id == original_op:
        _reverse(s, actor, grant, grant.qualifying_amount, op, at)


def after_principal_refund(s: Session, actor: Actor, c: Customer, op: str,
                           at: datetime) -> None:
    """After principal was paid back out of the card: every principal refund since the
    qualifying top-up counts as a refund of it (capped at the top-up)."""
    grant = _open_grant(s, c.store_id, c.id, Trigger.FIRST_TOPUP)
    if grant is None:
        return
    first = s.scalar(select(func.min(StoredValueEntry.id)).where(
        StoredValueEntry.store_id == c.store_id,
        StoredValueEntry.operation_id == grant.payment_operation_id))
    if first is None:
        return
    refunded = -(s.scalar(select(func.coalesce(func.sum(StoredValueEntry.principal), 0)).where(
        and_(StoredValueEntry.customer_id == c.id, StoredValueEntry.kind == "refund",
             StoredValueEntry.id > first))) or 0)
    _reverse(s, actor, grant, int(refunded), op, at)
