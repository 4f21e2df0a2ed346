"""Promoters (推广员): levels with commission plans, enrolment, referred customers, the commission
ledger (accrual, freeze, clawback, payout), the leaderboard and the monthly statement.

The plan and ledger rules are ``domain.promoters``; this module stores and posts them.

API for screens (each call one transaction unless said otherwise):

* ``list_levels(db, actor) -> list[LevelRow]``; ``save_level(db, actor, LevelInput) -> LevelRow``
  - manager or owner (``promoters.manage``). A level with an enrolment fee gets a service product
  of that price, so paying the fee is an ordinary sale.
* ``enrol(db, actor, EnrolInput) -> PromoterRow`` - makes a customer a promoter. With
  ``pay_fee`` and a fee on the level, the fee is sold in the same transaction (a sale under the
  dialog's operation id, which also needs ``sales.sell``) and the promoter names that sale; a
  retry with the same operation id returns the first result.
* ``attach_customer(db, actor, customer_id, promoter_id) -> None`` - records that the promoter
  brought the customer (source ``promoter``); with a plan paying per registration, that accrual
  is posted now.
* ``list_promoters(db, actor) -> list[PromoterRow]`` with balances as of today.
* ``ledger(db, actor, promoter_id) -> list[LedgerRow]`` (oldest first) and
  ``balance(db, actor, promoter_id, on=None) -> CommissionBalance``.
* ``payout(db, actor, promoter_id, amount | None, method, operation_id, note="") -> LedgerRow`` -
  ``promoters.payout``; cash, or stored value posted as principal on the promoter's card.
* ``leaderboard(db, actor, start, end, by) -> tuple[LeaderboardRow, ...]`` plus names.
* ``statement(db, actor, promoter_id, year, month) -> Statement`` - the data of the PDF.

Posting hooks, called by ``services.sales`` inside its transaction: ``after_sale`` accrues the
commission of a referred customer's sale; ``after_sale_refund`` claws it back.

Error codes: those of ``domain.promoters``; ``promoter.already_enrolled`` (Conflict,
``customer_id``); ``promoter.unknown_level`` (``level_id``); ``promoter.unknown_customer``
(``customer_id``); ``promoter.inactive`` (``promoter_id``); ``promoter.self_referral``
(``customer_id``: a promoter cannot be credited with themself); ``promoter.bracket_invalid``
(``brackets``, param ``index``); ``operation.*``; ``not_found``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import Customer, Product, Sale
from opsdesk.db.models.promotion import CommissionEntry, Promoter, PromoterLevel
from opsdesk.domain.errors import Collector, Conflict, NotFound, ValidationError
from opsdesk.domain.incentives import Bracket, CommissionMode, to_ratio
from opsdesk.domain.members import ProductKind, ProductRole, Source
from opsdesk.domain.money import check_amount
from opsdesk.domain.operations import check_operation_id
from opsdesk.domain.payments import PaymentMethod, check_payment_method
from opsdesk.domain.promoters import (
    CommissionBalance,
    CommissionPlan,
    LeaderboardRow,
    LedgerEntry,
    LedgerKind,
    MemberBonusOn,
    PayoutMethod,
    PromoterFigures,
    PurchaseScope,
    RankBy,
    ReferredSale,
    accrue_sale,
    clawback_amount,
    commission_balance,
    eligibility,
    plan_payout,
    registration_accrual,
    validate_levels,
)
from opsdesk.domain.promoters import PromoterLevel as DomainLevel
from opsdesk.domain.roles import Permission
from opsdesk.domain.stored_value import Entry, EntryKind
from opsdesk.domain.text import clean_text
from opsdesk.services import audit
from opsdesk.services.context import Actor

NOTE_MAX = 200


# ----------------------------------------------------------------------------- levels


@dataclass(frozen=True)
class LevelInput:
    id: int | None  # None: a new level
    name: str
    rank: int
    plan: CommissionPlan
    enrolment_fee: int = 0


@dataclass(frozen=True)
class LevelRow:
    id: int
    name: str
    rank: int
    plan: CommissionPlan
    enrolment_fee: int
    product_id: int | None
    promoters: int


def _brackets_text(brackets: Sequence[Bracket]) -> str:
    return json.dumps([[str(b.lower), None if b.upper is None else str(b.upper),
                        str(to_ratio(b.rate))] for b in brackets])


def _rate_text(value: object) -> str:
    r = to_ratio(value)  # type: ignore[arg-type]
    return str(r.numerator) if r.denominator == 1 else f"{r.numerator}/{r.denominator}"


def plan_of(lv: PromoterLevel) -> CommissionPlan:
    from fractions import Fraction

    brackets = tuple(Bracket(int(lo), None if up is None else int(up), Fraction(rate))
                     for lo, up, rate in json.loads(lv.brackets))
    return CommissionPlan(brackets=brackets, mode=CommissionMode(lv.mode),
                          window_days=lv.window_days, scope=PurchaseScope(lv.scope),
                          per_new_member=lv.per_new_member,
                          member_bonus_on=MemberBonusOn(lv.member_bonus_on),
                          refund_window_days=lv.refund_window_days)


def _level_row(s: Session, lv: PromoterLevel) -> LevelRow:
    n = s.scalar(select(func.count()).select_from(Promoter).where(Promoter.level_id == lv.id))
    return LevelRow(lv.id, lv.name, lv.rank, plan_of(lv), lv.enrolment_fee, lv.product_id,
                    int(n or 0))


def list_levels(db: Database, actor: Actor) -> list[LevelRow]:
    audit.require(db, actor, Permission.PROMOTERS_MANAGE, "promoter.levels_view")
    with db.read() as s:
        return [_level_row(s, lv) for lv in s.scalars(select(PromoterLevel).where(
            PromoterLevel.store_id == actor.store_id, PromoterLevel.active.is_(True))
            .order_by(PromoterLevel.rank))]


def _check_bracket_bounds(brackets: Sequence[Bracket]) -> None:
    for i, b in enumerate(brackets):
        for v in (b.lower, b.upper):
            if v is not None and (isinstance(v, bool) or not isinstance(v, int)):
                raise ValidationError("promoter.bracket_invalid", field="brackets", index=i)


def save_level(db: Database, actor: Actor, data: LevelInput) -> LevelRow:
    audit.require(db, actor, Permission.PROMOTERS_MANAGE, "promoter.level_save")
    c = Collector()
    c.take("brackets", _check_bracket_bounds, data.plan.brackets)
    if isinstance(data.rank, bool) or not isinstance(data.rank, int):
        c.errors["rank"] = ValidationError("promoter.days_invalid", field="rank", min=0,
                                           max=999)
    c.done()
    with db.write() as s:
        existing = list(s.scalars(select(PromoterLevel).where(
            PromoterLevel.store_id == actor.store_id, PromoterLevel.active.is_(True))))
        row = None
        if data.id is not None:
            row = next((lv for lv in existing if lv.id == data.id), None)
            if row is None:
                raise NotFound("promoter_level", data.id)
        others = [DomainLevel(lv.id, lv.name, lv.rank, plan_of(lv), lv.enrolment_fee)
                  for lv in existing if lv is not row]
        mine = DomainLevel(data.id if data.id is not None else -1, data.name, data.rank,
                           data.plan, data.enrolment_fee)
        checked = validate_levels([mine, *others])
        clean = next(lv for lv in checked if lv.id == mine.id)
        plan = clean.plan
        if row is None:
            row = PromoterLevel(store_id=actor.store_id)
            s.add(row)
        row.name, row.rank, row.enrolment_fee = clean.name, clean.rank, clean.enrolment_fee
        row.brackets = _brackets_text(plan.brackets)
        row.mode, row.window_days = CommissionMode(plan.mode).value, plan.window_days
        row.scope, row.per_new_member = PurchaseScope(plan.scope).value, plan.per_new_member
        row.member_bonus_on = MemberBonusOn(plan.member_bonus_on).value
        row.refund_window_days, row.active = plan.refund_window_days, True
        row.updated_at = clock.now()
        s.flush()
        if clean.enrolment_fee:
            p = s.get(Product, row.product_id) if row.product_id else None
            if p is None:
                p = Product(store_id=actor.store_id, kind=ProductKind.SERVICE.value,
                            role=ProductRole.TRAFFIC.value, cost=0, notes="promoter enrolment")
                s.add(p)
            p.name, p.price, p.active = clean.name[:60], clean.enrolment_fee, True
            s.flush()
            row.product_id = p.id
        elif row.product_id:
            p = s.get(Product, row.product_id)
            if p is not None:
                p.active = False
        s.flush()
        audit.record_as(s, actor, "promoter.level_save", f"promoter_level:{row.id}", {
            "name": row.name, "rank": row.rank, "fee": row.enrolment_fee,
            "brackets": row.brackets, "mode": row.mode, "window_days": row.window_days,
            "scope": row.scope, "per_new_member": row.per_new_member,
            "member_bonus_on": row.member_bonus_on,
            "refund_window_days": row.refund_window_days})
        return _level_row(s, row)


# ----------------------------------------------------------------------------- promoters


@dataclass(frozen=True)
class PromoterRow:
    id: int
    customer_id: int
    name: str
    phone: str
    card_no: str | None
    level_id: int
    level: str
    active: bool
    enrolled_at: datetime
    enrolment_sale_id: int | None
    referred: int  # customers attached to the promoter
    balance: CommissionBalance
    replayed: bool = False


@dataclass(frozen=True)
class EnrolInput:
    customer_id: int
    level_id: int
    operation_id: str
    pay_fee: bool = False
    payment_method: PaymentMethod | str = PaymentMethod.CASH


def _entries(s: Session, promoter_id: int) -> list[tuple[CommissionEntry, LedgerEntry]]:
    rows = list(s.scalars(select(CommissionEntry).where(
        CommissionEntry.promoter_id == promoter_id).order_by(CommissionEntry.id)))
    source_of = {r.id: r.source for r in rows if r.kind == LedgerKind.ACCRUAL}
    out = []
    for r in rows:
        src = source_of.get(r.reverses_id) if r.kind == LedgerKind.CLAWBACK else r.source
        out.append((r, LedgerEntry(LedgerKind(r.kind), r.amount, r.posted_on, src,
                                   r.available_on,
                                   PayoutMethod(r.method) if r.method else None)))
    return out


def _balance(s: Session, promoter_id: int, on: date) -> CommissionBalance:
    return commission_balance([e for _, e in _entries(s, promoter_id)], on)


def _promoter_row(s: Session, p: Promoter, today: date, replayed: bool = False) -> PromoterRow:
    c = s.get(Customer, p.customer_id)
    lv = s.get(PromoterLevel, p.level_id)
    assert c is not None and lv is not None
    n = s.scalar(select(func.count()).select_from(Customer).where(Customer.promoter_id == p.id))
    return PromoterRow(p.id, c.id, c.name, c.phone, c.card_no, lv.id, lv.name, p.active,
                       p.enrolled_at, p.enrolment_sale_id, int(n or 0),
                       _balance(s, p.id, today), replayed)


def list_promoters(db: Database, actor: Actor) -> list[PromoterRow]:
    audit.require(db, actor, Permission.PROMOTERS_MANAGE, "promoter.list")
    today = clock.now().date()
    with db.read() as s:
        return [_promoter_row(s, p, today) for p in s.scalars(select(Promoter).where(
            Promoter.store_id == actor.store_id).order_by(Promoter.id))]


def _level(s: Session, actor: Actor, level_id: int) -> PromoterLevel:
    lv = s.get(PromoterLevel, level_id)
    if lv is None or lv.store_id != actor.store_id or not lv.active:
        raise ValidationError("promoter.unknown_level", field="level_id")
    return lv


def enrol(db: Database, actor: Actor, data: EnrolInput) -> PromoterRow:
    audit.require(db, actor, Permission.PROMOTERS_MANAGE, "promoter.enrol",
                  f"customer:{data.customer_id}")
    op = check_operation_id(data.operation_id)
    method = check_payment_method(data.payment_method)
    if data.pay_fee:
        with db.read() as s:
            lv = _level(s, actor, data.level_id)
            fee = bool(lv.enrolment_fee and lv.product_id)
        if fee:  # the fee is a sale: who may not sell may not take it
            audit.require(db, actor, Permission.SALES_SELL, "sale.create",
                          f"customer:{data.customer_id}")
    from opsdesk.services import sales  # sales posts the hooks of this module

    with db.write() as s:
        c = s.get(Customer, data.customer_id)
        if c is None or c.store_id != actor.store_id:
            raise ValidationError("promoter.unknown_customer", field="customer_id")
        lv = _level(s, actor, data.level_id)
        done = s.scalars(select(Promoter).where(Promoter.customer_id == c.id)).first()
        if done is not None:
            # The same dialog's retry gets the first result; anyone else is told it is done.
            fee_sale = s.scalars(select(Sale).where(Sale.store_id == actor.store_id,
                                                    Sale.operation_id == op)).first()
            paid_here = fee_sale is not None and done.enrolment_sale_id == fee_sale.id
            if paid_here or _enrolled_by(s, actor, op, done.id):
                return _promoter_row(s, done, clock.now().date(), replayed=True)
            raise Conflict("promoter.already_enrolled", field="customer_id",
                           customer_id=c.id)
        sale_id = None
        if data.pay_fee and lv.enrolment_fee and lv.product_id:
            # In the same transaction: the enrolment is paid and made, or neither.
            sold = sales.sell_in_session(s, actor, sales.SaleInput(
                c.id, (sales.SaleLineInput(lv.product_id, 1),), method, op), op, method)
            sale_id = sold.sale_id
        p = Promoter(store_id=actor.store_id, customer_id=c.id, level_id=lv.id,
                     active=True, enrolled_at=clock.now(), enrolment_sale_id=sale_id,
                     staff_id=actor.staff_id)
        s.add(p)
        s.flush()
        audit.record_as(s, actor, "promoter.enrol", f"promoter:{p.id}", {
            "operation_id": op, "customer_id": c.id, "level_id": lv.id, "sale_id": sale_id})
        return _promoter_row(s, p, clock.now().date())


def _enrolled_by(s: Session, actor: Actor, op: str, promoter_id: int) -> bool:
    from opsdesk.db.models import AuditEntry

    return bool(s.scalar(select(AuditEntry.id).where(
        AuditEntry.store_id == actor.store_id, AuditEntry.action == "promoter.enrol",
        AuditEntry.target == f"promoter:{promoter_id}",
        AuditEntry.detail.contains(f'"operation_id": "{op}"')).limit(1)))


def set_level(db: Database, actor: Actor, promoter_id: int, level_id: int,
              active: bool = True) -> PromoterRow:
    audit.require(db, actor, Permission.PROMOTERS_MANAGE, "promoter.update",
                  f"promoter:{promoter_id}")
    with db.write() as s:
        p = s.get(Promoter, promoter_id)
        if p is None or p.store_id != actor.store_id:
            raise NotFound("promoter", promoter_id)
        lv = _level(s, actor, level_id)
        before = (p.level_id, p.active)
        p.level_id, p.active = lv.id, bool(active)
        s.flush()
        audit.record_as(s, actor, "promoter.update", f"promoter:{p.id}",
                        {"level_id": [before[0], lv.id], "active": [before[1], p.active]})
        return _promoter_row(s, p, clock.now().date())


def attach_customer(db: Database, actor: Actor, customer_id: int, promoter_id: int) -> None:
    audit.require(db, actor, Permission.PROMOTERS_MANAGE, "promoter.attach",
                  f"customer:{customer_id}")
    with db.write() as s:
        c = s.get(Customer, customer_id)
        if c is None or c.store_id != actor.store_id:
            raise ValidationError("promoter.unknown_customer", field="customer_id")
        p = s.get(Promoter, promoter_id)
        if p is None or p.store_id != actor.store_id:
            raise NotFound("promoter", promoter_id)
        if p.customer_id == c.id:
            raise ValidationError("promoter.self_referral", field="customer_id")
        if not p.active:
            raise ValidationError("promoter.inactive", field="promoter_id")
        if c.promoter_id == p.id:
            return
        before = c.promoter_id
        c.promoter_id = p.id
        c.source = Source.PROMOTER.value
        s.flush()
        lv = s.get(PromoterLevel, p.level_id)
        assert lv is not None
        amount, available = registration_accrual(plan_of(lv), c.created_at.date())
        source = f"registration:{c.id}"
        if amount and before is None and not s.scalar(select(CommissionEntry.id).where(
                CommissionEntry.store_id == actor.store_id, CommissionEntry.source == source,
                CommissionEntry.kind == "accrual")):
            at = clock.now()
            s.add(CommissionEntry(
                store_id=actor.store_id, promoter_id=p.id, kind="accrual", amount=amount,
                posted_on=at.date(), available_on=max(available, at.date()), source=source,
                customer_id=c.id, member_bonus=amount, operation_id=f"registration-{c.id}",
                line=0, staff_id=actor.staff_id, at=at))
        s.flush()
        audit.record_as(s, actor, "promoter.attach", f"customer:{c.id}",
                        {"promoter_id": [before, p.id], "registration_accrual": amount})


# ----------------------------------------------------------------------------- posting hooks


def _month_before(s: Session, plan: CommissionPlan, promoter_id: int, sale: Sale) -> int:
    """The eligible referred revenue of the promoter's earlier sales in the sale's month.

    Read from the sales, not from the ledger: a sale that earned nothing (below a bracket's
    rate, say) posts no accrual, yet its revenue counts toward the bracket the month reaches."""
    first = datetime.combine(sale.at.date().replace(day=1), datetime.min.time())
    earlier = s.execute(select(Sale.id, Sale.at, Sale.total, Sale.customer_id,
                               Customer.created_at)
                        .join(Customer, Customer.id == Sale.customer_id)
                        .where(Customer.promoter_id == promoter_id, Sale.kind == "sale",
                               Sale.at >= first, Sale.id < sale.id, Sale.total > 0)).all()
    total = 0
    for sid, at, amount, cid, created in earlier:
        is_first = not s.scalar(select(Sale.id).where(
            Sale.customer_id == cid, Sale.kind == "sale", Sale.id < sid).limit(1))
        if eligibility(plan, ReferredSale(sid, at.date(), amount, created.date(),
                                          is_first)) is None:
            total += amount
    return total


def after_sale(s: Session, actor: Actor, c: Customer, sale: Sale) -> None:
    """Accrue the commission of a sale to a customer a promoter brought (same transaction)."""
    if c.promoter_id is None or sale.total <= 0:
        return
    p = s.get(Promoter, c.promoter_id)
    if p is None or not p.active:
        return
    lv = s.get(PromoterLevel, p.level_id)
    assert lv is not None
    plan = plan_of(lv)
    first = s.scalar(select(func.count()).select_from(Sale).where(
        Sale.customer_id == c.id, Sale.kind == "sale")) == 1
    day = sale.at.date()
    accrual = accrue_sale(plan, ReferredSale(sale.id, day, sale.total, c.created_at.date(),
                                             first), _month_before(s, plan, p.id, sale))
    if not accrual.amount:
        return
    s.add(CommissionEntry(
        store_id=sale.store_id, promoter_id=p.id, kind="accrual", amount=accrual.amount,
        posted_on=day, available_on=accrual.available_on, source=f"sale:{sale.id}",
        sale_id=sale.id, customer_id=c.id, eligible_amount=accrual.eligible_amount,
        rate_amount=accrual.rate_amount, member_bonus=accrual.member_bonus,
        operation_id=sale.operation_id, line=0, staff_id=actor.staff_id, at=sale.at))
    s.flush()


def after_sale_refund(s: Session, actor: Actor, orig: Sale, refund: Sale) -> None:
    """Claw back the commission of a refunded sale (refunds are whole sales)."""
    acc = s.scalars(select(CommissionEntry).where(CommissionEntry.sale_id == orig.id,
                                                  CommissionEntry.kind == "accrual")).first()
    if acc is None:
        return
    clawed = -int(s.scalar(select(func.coalesce(func.sum(CommissionEntry.amount), 0)).where(
        CommissionEntry.reverses_id == acc.id)) or 0)
    amount = clawback_amount(acc.rate_amount, acc.member_bonus, orig.total, 0, orig.total)
    amount = min(amount, acc.amount - clawed)
    if amount <= 0:
        return
    s.add(CommissionEntry(
        store_id=orig.store_id, promoter_id=acc.promoter_id, kind="clawback", amount=-amount,
        posted_on=refund.at.date(), source=acc.source, sale_id=refund.id,
        customer_id=acc.customer_id, reverses_id=acc.id, operation_id=refund.operation_id,
        line=0, staff_id=actor.staff_id, at=refund.at))
    s.flush()


# ----------------------------------------------------------------------------- ledger, payout


@dataclass(frozen=True)
class LedgerRow:
    id: int
    kind: LedgerKind
    amount: int
    posted_on: date
    available_on: date | None
    source: str | None
    sale_id: int | None
    customer_id: int | None
    customer_name: str
    method: PayoutMethod | None
    note: str
    operation_id: str
    at: datetime
    replayed: bool = False


def _ledger_row(r: CommissionEntry, name: str = "", replayed: bool = False) -> LedgerRow:
    return LedgerRow(r.id, LedgerKind(r.kind), r.amount, r.posted_on, r.available_on, r.source,
                     r.sale_id, r.customer_id, name,
                     PayoutMethod(r.method) if r.method else None, r.note, r.operation_id, r.at,
                     replayed)


def _promoter(s: Session, actor: Actor, promoter_id: int) -> Promoter:
    p = s.get(Promoter, promoter_id)
    if p is None or p.store_id != actor.store_id:
        raise NotFound("promoter", promoter_id)
    return p


def ledger(db: Database, actor: Actor, promoter_id: int) -> list[LedgerRow]:
    audit.require(db, actor, Permission.PROMOTERS_MANAGE, "promoter.ledger",
                  f"promoter:{promoter_id}")
    with db.read() as s:
        _promoter(s, actor, promoter_id)
        names = dict(s.execute(select(Customer.id, Customer.name).join(
            CommissionEntry, CommissionEntry.customer_id == Customer.id).where(
            CommissionEntry.promoter_id == promoter_id)).all())
        return [_ledger_row(r, names.get(r.customer_id, "")) for r, _ in
                _entries(s, promoter_id)]


def balance(db: Database, actor: Actor, promoter_id: int,
            on: date | None = None) -> CommissionBalance:
    audit.require(db, actor, Permission.PROMOTERS_MANAGE, "promoter.ledger",
                  f"promoter:{promoter_id}")
    with db.read() as s:
        _promoter(s, actor, promoter_id)
        return _balance(s, promoter_id, on or clock.now().date())


def payout(db: Database, actor: Actor, promoter_id: int, amount: int | None,
           method: PayoutMethod | str, operation_id: str, note: str = "") -> LedgerRow:
    audit.require(db, actor, Permission.PROMOTERS_PAYOUT, "promoter.payout",
                  f"promoter:{promoter_id}")
    op = check_operation_id(operation_id)
    try:
        method = PayoutMethod(method)
    except ValueError:
        raise ValidationError("promoter.payout_method_invalid", field="method") from None
    if amount is not None:
        check_amount(amount, allow_zero=False, field="amount")
    text = clean_text(note, field="note", max_len=NOTE_MAX)
    from opsdesk.services import stored_value as sv

    with db.write() as s:
        done = s.scalars(select(CommissionEntry).where(
            CommissionEntry.store_id == actor.store_id, CommissionEntry.operation_id == op,
            CommissionEntry.kind == "payout")).first()
        if done is not None:
            if done.promoter_id != promoter_id or (amount is not None and -done.amount != amount):
                raise Conflict("operation.reused", field="operation_id", operation_id=op)
            return _ledger_row(done, replayed=True)
        p = _promoter(s, actor, promoter_id)
        # Lock the promoter's card first (PostgreSQL): two desks paying out at once serialise.
        card = sv.customer_for_update(s, actor, p.customer_id)
        at = clock.now()
        entry = plan_payout(_balance(s, p.id, at.date()), amount, method, at.date())
        row = CommissionEntry(
            store_id=actor.store_id, promoter_id=p.id, kind="payout", amount=entry.amount,
            posted_on=at.date(), method=method.value, operation_id=op, line=0, note=text,
            staff_id=actor.staff_id, at=at)
        s.add(row)
        s.flush()
        if method is PayoutMethod.STORED_VALUE:
            # Earned money, not a gift: principal, like a top-up (but no payment method: it is
            # not a payment at the till and earns no top-up bonus nor referral reward).
            sv.post(s, actor, card, [Entry(EntryKind.TOPUP, -entry.amount, 0, text)], op, at)
        audit.record_as(s, actor, "promoter.payout", f"promoter:{p.id}", {
            "operation_id": op, "amount": -entry.amount, "method": method.value})
        return _ledger_row(row)


# ----------------------------------------------------------------------------- leaderboard


@dataclass(frozen=True)
class BoardRow:
    rank: int
    tied: bool
    promoter_id: int
    name: str
    level: str
    referred_revenue: int
    new_members: int
    commission: int


def _figures(s: Session, store_id: int, start: date, end: date) -> dict[int, PromoterFigures]:
    lo, hi = datetime.combine(start, datetime.min.time()), \
        datetime.combine(end + timedelta(days=1), datetime.min.time())
    revenue = dict(s.execute(select(Customer.promoter_id, func.sum(Sale.total)).join(
        Sale, Sale.customer_id == Customer.id).where(
        Customer.store_id == store_id, Customer.promoter_id.is_not(None), Sale.at >= lo,
        Sale.at < hi).group_by(Customer.promoter_id)).all())
    new = dict(s.execute(select(Customer.promoter_id, func.count()).where(
        Customer.store_id == store_id, Customer.promoter_id.is_not(None),
        Customer.created_at >= lo, Customer.created_at < hi)
        .group_by(Customer.promoter_id)).all())
    commission = dict(s.execute(select(CommissionEntry.promoter_id,
                                       func.sum(CommissionEntry.amount)).where(
        CommissionEntry.store_id == store_id, CommissionEntry.kind != "payout",
        CommissionEntry.posted_on >= start, CommissionEntry.posted_on <= end)
        .group_by(CommissionEntry.promoter_id)).all())
    ids = s.scalars(select(Promoter.id).where(Promoter.store_id == store_id)).all()
    return {i: PromoterFigures(i, int(revenue.get(i) or 0), int(new.get(i) or 0),
                               int(commission.get(i) or 0)) for i in ids}


def leaderboard(db: Database, actor: Actor, start: date, end: date,
                by: RankBy | str = RankBy.REVENUE) -> list[BoardRow]:
    audit.require(db, actor, Permission.PROMOTERS_MANAGE, "promoter.leaderboard")
    if end < start:
        raise ValidationError("channel.period_invalid", field="end")
    from opsdesk.domain.promoters import leaderboard as rank

    with db.read() as s:
        figures = _figures(s, actor.store_id, start, end)
        names = {pid: (name, level) for pid, name, level in s.execute(
            select(Promoter.id, Customer.name, PromoterLevel.name)
            .join(Customer, Customer.id == Promoter.customer_id)
            .join(PromoterLevel, PromoterLevel.id == Promoter.level_id)
            .where(Promoter.store_id == actor.store_id))}
    rows: Sequence[LeaderboardRow] = rank(figures.values(), RankBy(by))
    return [BoardRow(r.rank, r.tied, r.figures.promoter_id, *names[r.figures.promoter_id],
                     r.figures.referred_revenue, r.figures.new_members, r.figures.commission)
            for r in rows]


# ----------------------------------------------------------------------------- statement


@dataclass(frozen=True)
class Statement:
    store_name: str
    promoter_id: int
    name: str
    card_no: str | None
    level: str
    year: int
    month: int
    opening: CommissionBalance  # at the end of the day before the month
    closing: CommissionBalance  # at the end of the month's last day
    entries: tuple[LedgerRow, ...]  # posted in the month
    accrued: int
    clawed_back: int
    paid: int
    referred_revenue: int
    new_members: int
    printed_at: datetime


def statement(db: Database, actor: Actor, promoter_id: int, year: int, month: int) -> Statement:
    from opsdesk.db.models import Store
    from opsdesk.domain.ponds import settlement_period

    audit.require(db, actor, Permission.PROMOTERS_MANAGE, "promoter.statement",
                  f"promoter:{promoter_id}")
    period = settlement_period(year, month)
    with db.read() as s:
        p = _promoter(s, actor, promoter_id)
        c = s.get(Customer, p.customer_id)
        lv = s.get(PromoterLevel, p.level_id)
        store = s.get(Store, actor.store_id)
        assert c is not None and lv is not None and store is not None
        pairs = _entries(s, p.id)
        names = dict(s.execute(select(Customer.id, Customer.name).join(
            CommissionEntry, CommissionEntry.customer_id == Customer.id).where(
            CommissionEntry.promoter_id == p.id)).all())
        opening = commission_balance([e for _, e in pairs], period.first - timedelta(days=1))
        closing = commission_balance([e for _, e in pairs], period.last)
        month_rows = sorted((r for r, _ in pairs if period.contains(r.posted_on)),
                            key=lambda r: (r.posted_on, r.id))
        sums: dict[str, int] = defaultdict(int)
        for r in month_rows:
            sums[r.kind] += r.amount
        fig = _figures(s, actor.store_id, period.first, period.last).get(p.id)
        return Statement(store.name, p.id, c.name, c.card_no, lv.name, year, month, opening,
                         closing,
                         tuple(_ledger_row(r, names.get(r.customer_id, "")) for r in month_rows),
                         sums["accrual"], -sums["clawback"], -sums["payout"],
                         fig.referred_revenue if fig else 0, fig.new_members if fig else 0,
                         clock.now())


# ----------------------------------------------------------------------------- checks


def check_ledgers(s: Session) -> list[str]:
    """``opsdesk check``: every promoter's ledger replays by the rules, each clawback points at
    an accrual of the same promoter, and no payout exceeded what was available on its day."""
    from opsdesk.domain.promoters import verify_ledger

    problems: list[str] = []
    for pid in s.scalars(select(Promoter.id).order_by(Promoter.id)):
        pairs = _entries(s, pid)
        by_id = {r.id: r for r, _ in pairs}
        for r, _ in pairs:
            if r.kind == "clawback" and (r.reverses_id not in by_id
                                         or by_id[r.reverses_id].kind != "accrual"):
                problems.append(f"promoter {pid}: clawback {r.id} does not reduce an accrual "
                                "of this promoter")
        try:
            verify_ledger([e for _, e in pairs])
        except ValidationError as e:
            problems.append(f"promoter {pid}: commission ledger {e.code} {dict(e.params)}")
    return problems
