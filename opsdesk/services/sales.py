"""Sales against the product matrix, and their refunds.

API for screens (each call one transaction; ``operation_id`` made once per checkout dialog):

* ``sell(db, actor, SaleInput) -> SaleResult`` - prices each line with the tier the customer holds
  (after settling a lapse) via ``domain.tiers.price_with_discount``; membership items are sold at
  their price and give their tier from today (a tier already held is renewed from the day after
  it ends). Paid by ``stored_value`` posts the spend on the ledger in the same transaction. Then
  the upgrade rules run; ``tier_changes`` lists every change (membership, lapse, upgrade) for the
  notice, and ``stage_before``/``stage_after`` show a first purchase (customer) or a second
  (repeat). A walk-in without a customer record (``customer_id=None``) gets no discount.
* ``refund_sale(db, actor, sale_id, operation_id, reason) -> SaleResult`` - manager or owner; a
  reversing sale with every line negated, linked to the original; a stored-value payment is
  reversed on the ledger (bonus part restored); a tier bought by the sale is taken back to what
  the member held before it. One refund per sale.
* ``get_sale(db, actor, sale_id) -> SaleResult``.

Error codes: ``sale.empty`` (``lines``), ``sale.quantity_invalid`` (``lines``, param ``index``),
``sale.unknown_product`` (``lines``, param ``index``), ``sale.membership_needs_customer``,
``sale.membership_below_current`` (Conflict, param ``tier``), ``sale.already_refunded``
(Conflict), ``sale.not_refundable`` (a refund row itself); ``payment.method_invalid``;
``stored_value.insufficient``; ``operation.*``; ``text.*`` (``reason``); ``not_found``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import Customer, Product, Sale, SaleLine, StoredValueEntry, TierChange
from opsdesk.domain.errors import Conflict, NotFound, ValidationError
from opsdesk.domain.members import ProductKind, Stage, stage_after_purchase
from opsdesk.domain.money import MAX_MINOR
from opsdesk.domain.operations import check_operation_id
from opsdesk.domain.payments import PaymentMethod, check_payment_method
from opsdesk.domain.roles import Permission
from opsdesk.domain.stored_value import Balance, Entry, EntryKind, reversal_entries, spend_entry
from opsdesk.domain.text import clean_text
from opsdesk.domain.tiers import DISCOUNT_UNITS, discount_to_units, expiry, price_with_discount
from opsdesk.services import audit, pipeline, promoters, referrals, tiers
from opsdesk.services import stored_value as sv
from opsdesk.services.context import Actor
from opsdesk.services.tiers import TierNotice

MAX_QUANTITY = 999


@dataclass(frozen=True)
class SaleLineInput:
    product_id: int
    quantity: int = 1


@dataclass(frozen=True)
class SaleInput:
    customer_id: int | None
    lines: tuple[SaleLineInput, ...]
    payment_method: PaymentMethod | str
    operation_id: str


@dataclass(frozen=True)
class SaleLineRow:
    product_id: int
    name: str
    quantity: int
    unit_price: int
    discount_units: int  # 10000 = no discount
    line_total: int


@dataclass(frozen=True)
class SaleResult:
    sale_id: int
    operation_id: str
    kind: str  # sale | refund
    customer_id: int | None
    refunds_id: int | None
    lines: tuple[SaleLineRow, ...]
    list_total: int
    discount: int
    total: int
    payment_method: PaymentMethod
    at: datetime
    balance: Balance | None = None  # stored value after the sale, when paid from it
    tier_changes: tuple[TierNotice, ...] = ()
    stage_before: Stage | None = None
    stage_after: Stage | None = None
    replayed: bool = False


def _result(s: Session, sale: Sale, *, replayed: bool, notices: Sequence[TierNotice] = (),
            stage_before: Stage | None = None, stage_after: Stage | None = None) -> SaleResult:
    names = dict(s.execute(select(Product.id, Product.name).join(
        SaleLine, SaleLine.product_id == Product.id).where(SaleLine.sale_id == sale.id)).all())
    lines = tuple(SaleLineRow(ln.product_id, names.get(ln.product_id, ""), ln.quantity,
                              ln.unit_price, ln.discount_units, ln.line_total)
                  for ln in s.scalars(select(SaleLine).where(SaleLine.sale_id == sale.id)
                                      .order_by(SaleLine.id)))
    balance = None
    if sale.payment_method == PaymentMethod.STORED_VALUE and sale.customer_id is not None:
        last = s.scalar(select(func.max(StoredValueEntry.id)).where(
            StoredValueEntry.sale_id == sale.id))
        balance = sv.ledger_balance(s, sale.customer_id, last)
    if replayed:
        notices = tiers.notices_of(s, sale.store_id, sale.operation_id)
        stage = Stage(s.scalar(select(Customer.stage).where(Customer.id == sale.customer_id))) \
            if sale.customer_id else None
        stage_before = stage_after = stage
    return SaleResult(sale.id, sale.operation_id, sale.kind, sale.customer_id, sale.refunds_id,
                      lines, sale.list_total, sale.discount, sale.total,
                      PaymentMethod(sale.payment_method), sale.at, balance, tuple(notices),
                      stage_before, stage_after, replayed)


def _posted(s: Session, actor: Actor, op: str) -> Sale | None:
    return s.scalars(select(Sale).where(Sale.store_id == actor.store_id,
                                        Sale.operation_id == op)).first()


def _check_lines(s: Session, actor: Actor, lines: Sequence[SaleLineInput]) -> list[Product]:
    if not lines:
        raise ValidationError("sale.empty", field="lines")
    products = []
    for i, ln in enumerate(lines):
        q = ln.quantity
        if isinstance(q, bool) or not isinstance(q, int) or not 1 <= q <= MAX_QUANTITY:
            raise ValidationError("sale.quantity_invalid", field="lines", index=i,
                                  max=MAX_QUANTITY)
        p = s.get(Product, ln.product_id)
        if p is None or p.store_id != actor.store_id or not p.active:
            raise ValidationError("sale.unknown_product", field="lines", index=i)
        products.append(p)
    return products


def sell(db: Database, actor: Actor, data: SaleInput) -> SaleResult:
    audit.require(db, actor, Permission.SALES_SELL, "sale.create")
    op = check_operation_id(data.operation_id)
    method = check_payment_method(data.payment_method)
    with db.write() as s:
        return sell_in_session(s, actor, data, op, method)


def sell_in_session(s: Session, actor: Actor, data: SaleInput, op: str,
                    method: PaymentMethod) -> SaleResult:
    """``sell`` inside a caller's write transaction (the caller checked the permission, the
    operation id and the payment method), for a service whose action includes a sale."""
    if (done := _posted(s, actor, op)) is not None:
        if done.kind != "sale" or done.customer_id != data.customer_id:
            raise Conflict("operation.reused", field="operation_id", operation_id=op)
        return _result(s, done, replayed=True)
    products = _check_lines(s, actor, data.lines)
    at = clock.now()
    today = at.date()
    ladder = tiers.load_ladder(s, actor.store_id)
    c = sv.customer_for_update(s, actor, data.customer_id) \
        if data.customer_id is not None else None
    if c is None and (method is PaymentMethod.STORED_VALUE or any(
            p.kind == ProductKind.MEMBERSHIP for p in products)):
        raise ValidationError("sale.membership_needs_customer", field="customer_id")
    notices: list[TierNotice] = []
    if c is not None and (n := tiers.settle_lapse(s, actor, c, ladder, today, at)):
        notices.append(n)
    tier = ladder.tier(c.tier_id) if c is not None else None
    sale_lines, list_total, total = [], 0, 0
    for p, ln in zip(products, data.lines, strict=True):
        gross = p.price * ln.quantity
        member_price = p.kind != ProductKind.MEMBERSHIP and tier is not None
        paid = price_with_discount(tier, gross) if member_price else gross
        units = discount_to_units(tier.discount) if member_price else DISCOUNT_UNITS
        sale_lines.append(SaleLine(store_id=actor.store_id, product_id=p.id,
                                   quantity=ln.quantity, unit_price=p.price,
                                   discount_units=units, line_total=paid))
        list_total += gross
        total += paid
    if total > MAX_MINOR:
        raise ValidationError("money.too_large", field="lines", max=str(MAX_MINOR))
    stage_before = Stage(c.stage) if c is not None else None
    stage_after = stage_before
    if c is not None:
        before = s.scalar(select(func.count()).select_from(Sale).where(
            Sale.customer_id == c.id, Sale.kind == "sale"))
        stage_after = stage_after_purchase(stage_before, before)
    sale = Sale(store_id=actor.store_id, operation_id=op, kind="sale",
                customer_id=c.id if c else None, tier_id=tier.id if tier else None,
                list_total=list_total, discount=list_total - total, total=total,
                payment_method=method.value, staff_id=actor.staff_id, at=at)
    s.add(sale)
    s.flush()
    for ln in sale_lines:
        ln.sale_id = sale.id
        s.add(ln)
    if c is not None:
        if method is PaymentMethod.STORED_VALUE and total:
            sv.post(s, actor, c, [spend_entry(sv.ledger_balance(s, c.id), total)], op, at,
                    sale_id=sale.id)
        for p in products:
            if p.kind == ProductKind.MEMBERSHIP:
                notices.append(_grant_membership(s, actor, c, ladder, p.tier_id, at, op))
        if stage_after is not stage_before:
            # The stage history shows what moved a customer, purchases included.
            pipeline.record_change(s, store_id=actor.store_id, customer=c, to=stage_after,
                                   staff_id=actor.staff_id, source="purchase", at=at)
        c.last_purchase_at = at
        c.lifetime_spend += total
        s.flush()
        # A referred customer's sale earns in the same transaction: reward and commission.
        referrals.after_sale(s, actor, c, sale)
        promoters.after_sale(s, actor, c, sale)
        if n := tiers.apply_upgrade(s, actor, c, ladder, at, op):
            notices.append(n)
    s.flush()
    audit.record_as(s, actor, "sale.create", f"sale:{sale.id}", {
        "operation_id": op, "customer_id": sale.customer_id, "total": total,
        "payment_method": method.value})
    return _result(s, sale, replayed=False, notices=notices, stage_before=stage_before,
                   stage_after=stage_after)


def _grant_membership(s: Session, actor: Actor, c: Customer, ladder: tiers.Ladder,
                      tier_id: int, at: datetime, op: str) -> TierNotice:
    bought = ladder.tier(tier_id)
    if bought is None:
        raise ValidationError("sale.unknown_product", field="lines", index=0)
    current = ladder.tier(c.tier_id)
    if current is not None and current.rank > bought.rank:
        raise Conflict("sale.membership_below_current", field="lines", tier=current.name)
    start = at.date()
    if current is not None and current.id == bought.id and c.tier_expires_on is not None \
            and c.tier_expires_on >= start:
        start = c.tier_expires_on + timedelta(days=1)  # a renewal adds to the time left
        since = c.tier_since
    else:
        since = at.date()
    return tiers.set_tier(s, actor, c, ladder, bought, reason="membership", at=at,
                          operation_id=op, since=since, expires_on=expiry(bought, start))


def refund_sale(db: Database, actor: Actor, sale_id: int, operation_id: str,
                reason: str = "") -> SaleResult:
    audit.require(db, actor, Permission.SALES_REFUND, "sale.refund", f"sale:{sale_id}")
    op = check_operation_id(operation_id)
    text = clean_text(reason, field="reason", max_len=200)
    with db.write() as s:
        if (done := _posted(s, actor, op)) is not None:
            if done.refunds_id != sale_id:
                raise Conflict("operation.reused", field="operation_id", operation_id=op)
            return _result(s, done, replayed=True)
        orig = s.get(Sale, sale_id)
        if orig is None or orig.store_id != actor.store_id:
            raise NotFound("sale", sale_id)
        if orig.kind != "sale":
            raise ValidationError("sale.not_refundable", field="sale_id")
        if s.scalar(select(Sale.id).where(Sale.refunds_id == orig.id)):
            raise Conflict("sale.already_refunded", field="sale_id")
        at = clock.now()
        refund = Sale(store_id=actor.store_id, operation_id=op, kind="refund",
                      customer_id=orig.customer_id, refunds_id=orig.id, tier_id=orig.tier_id,
                      list_total=-orig.list_total, discount=-orig.discount, total=-orig.total,
                      payment_method=orig.payment_method, staff_id=actor.staff_id, reason=text,
                      at=at)
        s.add(refund)
        s.flush()
        for ln in s.scalars(select(SaleLine).where(SaleLine.sale_id == orig.id)
                            .order_by(SaleLine.id)).all():
            s.add(SaleLine(store_id=actor.store_id, sale_id=refund.id, product_id=ln.product_id,
                           quantity=-ln.quantity, unit_price=ln.unit_price,
                           discount_units=ln.discount_units, line_total=-ln.line_total))
        notices: list[TierNotice] = []
        stage = None
        if orig.customer_id is not None:
            c = sv.customer_for_update(s, actor, orig.customer_id)
            stage = Stage(c.stage)
            paid = list(s.scalars(select(StoredValueEntry).where(
                StoredValueEntry.sale_id == orig.id).order_by(StoredValueEntry.line)))
            if paid:
                entries = reversal_entries(
                    sv.ledger_balance(s, c.id),
                    [Entry(EntryKind(r.kind), r.principal, r.bonus) for r in paid], text)
                sv.post(s, actor, c, entries, op, at, sale_id=refund.id,
                        reverses=[r.id for r in paid])
            c.lifetime_spend -= orig.total
            referrals.after_sale_refund(s, actor, orig, op, at)
            promoters.after_sale_refund(s, actor, orig, refund)
            if n := _take_back_membership(s, actor, c, orig, at, op):
                notices.append(n)
        s.flush()
        audit.record_as(s, actor, "sale.refund", f"sale:{orig.id}", {
            "operation_id": op, "refund_id": refund.id, "total": refund.total,
            "reason": text})
        return _result(s, refund, replayed=False, notices=notices, stage_before=stage,
                       stage_after=stage)


def _take_back_membership(s: Session, actor: Actor, c: Customer, orig: Sale, at: datetime,
                          op: str) -> TierNotice | None:
    granted = s.scalars(select(TierChange).where(
        TierChange.store_id == orig.store_id, TierChange.operation_id == orig.operation_id,
        TierChange.reason == "membership").order_by(TierChange.id.desc())).first()
    latest = s.scalars(select(TierChange).where(TierChange.customer_id == c.id)
                       .order_by(TierChange.id.desc())).first()
    # Only while the bought tier is still the member's latest change: after a later upgrade or
    # lapse the history has moved on and the refund leaves the tier alone.
    if granted is None or latest is None or latest.id != granted.id:
        return None
    before = s.scalars(select(TierChange).where(TierChange.customer_id == c.id,
                                                TierChange.id < granted.id)
                       .order_by(TierChange.id.desc())).first()
    ladder = tiers.load_ladder(s, actor.store_id, include_inactive=True)
    to = ladder.tier(granted.from_tier_id)
    expires = before.expires_on if before is not None and to is not None else None
    since = before.at.date() if before is not None and to is not None else None
    return tiers.set_tier(s, actor, c, ladder, to, reason="refund", at=at, operation_id=op,
                          since=since, expires_on=expires)


def get_sale(db: Database, actor: Actor, sale_id: int) -> SaleResult:
    audit.require(db, actor, Permission.MEMBERS_VIEW, "sale.view")
    with db.read() as s:
        sale = s.get(Sale, sale_id)
        if sale is None or sale.store_id != actor.store_id:
            raise NotFound("sale", sale_id)
        return _result(s, sale, replayed=True)
