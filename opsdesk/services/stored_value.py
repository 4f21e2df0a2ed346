"""Stored value (储值): top-up, spend, refund, adjustment and reversal on the append-only ledger.

The rules (what each operation posts, proportional spending, refunds forfeiting bonus, never
below zero) are ``domain.stored_value``; this module posts them. The balance is always summed
from the ledger inside the write transaction; ``customer.balance_*`` is a cache for sorting the
member list, updated in the same transaction and checked by ``opsdesk check``.

API for screens (each call one transaction; ``operation_id`` from
``domain.operations.new_operation_id()`` made once per dialog, so a retry posts nothing and
returns the first result with ``replayed=True``):

* ``top_up(db, actor, customer_id, amount, payment_method, operation_id) -> LedgerResult`` -
  the bonus bracket is the tier held after the upgrade this top-up triggers; ``upgrade`` says
  what changed. Paid by cash, wechat, alipay or bank_card.
* ``spend(db, actor, customer_id, amount, operation_id, reason="") -> LedgerResult`` - drawn from
  principal and bonus in proportion. (A sale paid by stored value posts its spend itself.)
* ``refund(db, actor, customer_id, amount | None, payment_method, operation_id, reason)`` - pays
  principal back (``None``: all of it), forfeits the matching bonus; manager or owner.
* ``adjust(db, actor, customer_id, principal, bonus, reason, operation_id)`` - owner only.
* ``reverse(db, actor, original_operation_id, operation_id, reason="")`` - undoes a whole
  operation (both rows of a top-up); manager or owner. Refused for an operation of a sale (refund
  the sale instead), a reversal, or when the card no longer holds the money.
* ``get_balance(db, actor, customer_id) -> Balance`` and
  ``history(db, actor, customer_id, limit=100) -> list[EntryRow]`` (newest first).

Refusals of permission are audited (``audit.require``); every posting writes an audit row.
Error codes: those of ``domain.stored_value`` and ``domain.money``; ``payment.method_invalid``;
``operation.invalid_id``; ``operation.reused`` (Conflict); ``stored_value.sale_operation``
(Conflict: reversing a sale's payment here); ``stored_value.launch_operation`` (Conflict: a
launch's fee, deposit or balance paid from the card; the launch's refund pays it back); ``stored_value.already_reversed`` (Conflict, param
``operation_id``: that operation was reversed before); ``not_found``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import Customer, StoredValueEntry
from opsdesk.domain.errors import Conflict, NotFound
from opsdesk.domain.money import check_amount
from opsdesk.domain.operations import check_operation_id
from opsdesk.domain.payments import TOPUP_METHODS, PaymentMethod, check_payment_method
from opsdesk.domain.roles import Permission
from opsdesk.domain.stored_value import (
    Balance,
    Entry,
    EntryKind,
    adjustment_entry,
    refund_entry,
    reversal_entries,
    spend_entry,
    topup_entries,
)
from opsdesk.domain.text import clean_text
from opsdesk.services import audit, referrals, tiers
from opsdesk.services.context import Actor
from opsdesk.services.tiers import TierNotice


@dataclass(frozen=True)
class EntryRow:
    id: int
    operation_id: str
    kind: EntryKind
    principal: int
    bonus: int
    payment_method: PaymentMethod | None
    reason: str
    reverses_id: int | None
    sale_id: int | None
    staff_id: int | None
    at: datetime


@dataclass(frozen=True)
class LedgerResult:
    operation_id: str
    customer_id: int
    kind: EntryKind  # of the operation's first row
    entries: tuple[EntryRow, ...]
    balance: Balance  # after the operation
    upgrade: TierNotice | None = None  # top-ups only
    replayed: bool = False  # True: the operation had been posted before; nothing was written

    @property
    def principal(self) -> int:
        return sum(e.principal for e in self.entries)

    @property
    def bonus(self) -> int:
        return sum(e.bonus for e in self.entries)


def _entry_row(e: StoredValueEntry) -> EntryRow:
    return EntryRow(e.id, e.operation_id, EntryKind(e.kind), e.principal, e.bonus,
                    PaymentMethod(e.payment_method) if e.payment_method else None, e.reason,
                    e.reverses_id, e.sale_id, e.staff_id, e.at)


# ----------------------------------------------------------------------------- internals


def ledger_balance(s: Session, customer_id: int, upto_id: int | None = None) -> Balance:
    q = select(func.coalesce(func.sum(StoredValueEntry.principal), 0),
               func.coalesce(func.sum(StoredValueEntry.bonus), 0)).where(
        StoredValueEntry.customer_id == customer_id)
    if upto_id is not None:
        q = q.where(StoredValueEntry.id <= upto_id)
    p, b = s.execute(q).one()
    return Balance(int(p), int(b))


def customer_for_update(s: Session, actor: Actor, customer_id: int) -> Customer:
    q = select(Customer).where(Customer.id == customer_id, Customer.store_id == actor.store_id)
    if s.get_bind().dialect.name != "sqlite":
        q = q.with_for_update()  # SQLite's BEGIN IMMEDIATE already serialises writers
    c = s.scalars(q).first()
    if c is None:
        raise NotFound("customer", customer_id)
    return c


def post(s: Session, actor: Actor, customer: Customer, entries: Sequence[Entry],
         operation_id: str, at: datetime, *, payment_method: PaymentMethod | None = None,
         sale_id: int | None = None, reverses: Sequence[int] | None = None,
         ) -> list[StoredValueEntry]:
    """Append ``entries`` as one operation and refresh the customer's cached balance."""
    rows = []
    for i, e in enumerate(entries):
        row = StoredValueEntry(
            store_id=customer.store_id, customer_id=customer.id, kind=e.kind.value,
            principal=e.principal, bonus=e.bonus, operation_id=operation_id, line=i,
            reverses_id=reverses[i] if reverses else None,
            payment_method=payment_method.value if payment_method else None,
            sale_id=sale_id, reason=e.reason, staff_id=actor.staff_id, at=at)
        s.add(row)
        rows.append(row)
    s.flush()
    after = ledger_balance(s, customer.id)
    customer.balance_principal, customer.balance_bonus = after.principal, after.bonus
    customer.balance_total = after.total
    return rows


def _is_launch_operation(s: Session, actor: Actor, operation_id: str) -> bool:
    from opsdesk.db.models.launches import LaunchDeposit, LaunchPayment

    return any(s.scalar(select(t.id).where(t.store_id == actor.store_id,
                                           t.operation_id == operation_id).limit(1))
               for t in (LaunchPayment, LaunchDeposit))


def _existing(s: Session, actor: Actor, operation_id: str) -> list[StoredValueEntry]:
    return list(s.scalars(select(StoredValueEntry).where(
        StoredValueEntry.store_id == actor.store_id,
        StoredValueEntry.operation_id == operation_id).order_by(StoredValueEntry.line)))


def _result(s: Session, actor: Actor, rows: Sequence[StoredValueEntry], *, replayed: bool,
            upgrade: TierNotice | None = None) -> LedgerResult:
    first = rows[0]
    if replayed:
        notices = [n for n in tiers.notices_of(s, actor.store_id, first.operation_id)
                   if n.reason.startswith("upgrade")]
        upgrade = notices[0] if notices else None
    return LedgerResult(first.operation_id, first.customer_id, EntryKind(first.kind),
                        tuple(_entry_row(r) for r in rows),
                        ledger_balance(s, first.customer_id, max(r.id for r in rows)),
                        upgrade, replayed)


def _replay(s: Session, actor: Actor, operation_id: str, customer_id: int | None,
            kind: EntryKind, amount: int | None = None) -> LedgerResult | None:
    rows = _existing(s, actor, operation_id)
    if not rows:
        return None
    posted = rows[0]
    same = posted.kind == kind.value and (customer_id is None or posted.customer_id == customer_id)
    if same and amount is not None:
        if kind is EntryKind.TOPUP:
            same = posted.principal == amount
        elif kind in (EntryKind.SPEND, EntryKind.REFUND):
            same = -posted.principal - (posted.bonus if kind is EntryKind.SPEND else 0) == amount
    if not same:
        raise Conflict("operation.reused", field="operation_id", operation_id=operation_id)
    return _result(s, actor, rows, replayed=True)


def _audit(s: Session, actor: Actor, action: str, result: LedgerResult, **extra) -> None:
    audit.record_as(s, actor, action, f"customer:{result.customer_id}", {
        "operation_id": result.operation_id, "principal": result.principal,
        "bonus": result.bonus, **extra})


# ----------------------------------------------------------------------------- operations


def top_up(db: Database, actor: Actor, customer_id: int, amount: int,
           payment_method: PaymentMethod | str, operation_id: str) -> LedgerResult:
    audit.require(db, actor, Permission.STORED_VALUE_TOPUP, "stored_value.topup",
                  f"customer:{customer_id}")
    op = check_operation_id(operation_id)
    check_amount(amount, allow_zero=False, field="amount")
    method = check_payment_method(payment_method, allowed=TOPUP_METHODS)
    with db.write() as s:
        if (done := _replay(s, actor, op, customer_id, EntryKind.TOPUP, amount)) is not None:
            return done
        c = customer_for_update(s, actor, customer_id)
        at = clock.now()
        ladder = tiers.load_ladder(s, actor.store_id)
        tiers.settle_lapse(s, actor, c, ladder, at.date(), at)
        notice = tiers.apply_upgrade(s, actor, c, ladder, at, op, this_topup=amount)
        rows = post(s, actor, c, topup_entries(amount, ladder.tier(c.tier_id)), op, at,
                    payment_method=method)
        referrals.after_topup(s, actor, c, amount, op, at)
        result = _result(s, actor, rows, replayed=False, upgrade=notice)
        _audit(s, actor, "stored_value.topup", result, payment_method=method.value)
        return result


def spend(db: Database, actor: Actor, customer_id: int, amount: int, operation_id: str,
          reason: str = "") -> LedgerResult:
    audit.require(db, actor, Permission.STORED_VALUE_SPEND, "stored_value.spend",
                  f"customer:{customer_id}")
    op = check_operation_id(operation_id)
    check_amount(amount, allow_zero=False, field="amount")
    text = clean_text(reason, field="reason", max_len=200)
    with db.write() as s:
        if (done := _replay(s, actor, op, customer_id, EntryKind.SPEND, amount)) is not None:
            return done
        c = customer_for_update(s, actor, customer_id)
        entry = spend_entry(ledger_balance(s, c.id), amount)
        rows = post(s, actor, c, [Entry(entry.kind, entry.principal, entry.bonus, text)], op,
                    clock.now())
        result = _result(s, actor, rows, replayed=False)
        _audit(s, actor, "stored_value.spend", result)
        return result


def refund(db: Database, actor: Actor, customer_id: int, amount: int | None,
           payment_method: PaymentMethod | str, operation_id: str,
           reason: str = "") -> LedgerResult:
    audit.require(db, actor, Permission.STORED_VALUE_REFUND, "stored_value.refund",
                  f"customer:{customer_id}")
    op = check_operation_id(operation_id)
    if amount is not None:
        check_amount(amount, allow_zero=False, field="amount")
    method = check_payment_method(payment_method, allowed=TOPUP_METHODS)
    text = clean_text(reason, field="reason", max_len=200)
    with db.write() as s:
        if (done := _replay(s, actor, op, customer_id, EntryKind.REFUND, amount)) is not None:
            return done
        c = customer_for_update(s, actor, customer_id)
        entry = refund_entry(ledger_balance(s, c.id), amount)
        rows = post(s, actor, c, [Entry(entry.kind, entry.principal, entry.bonus, text)], op,
                    clock.now(), payment_method=method)
        referrals.after_principal_refund(s, actor, c, op, rows[0].at)
        result = _result(s, actor, rows, replayed=False)
        _audit(s, actor, "stored_value.refund", result, payment_method=method.value)
        return result


def adjust(db: Database, actor: Actor, customer_id: int, principal: int, bonus: int,
           reason: str, operation_id: str) -> LedgerResult:
    audit.require(db, actor, Permission.STORED_VALUE_ADJUST, "stored_value.adjust",
                  f"customer:{customer_id}")
    op = check_operation_id(operation_id)
    with db.write() as s:
        if (done := _replay(s, actor, op, customer_id, EntryKind.ADJUST)) is not None:
            if (done.principal, done.bonus) != (principal, bonus):
                raise Conflict("operation.reused", field="operation_id", operation_id=op)
            return done
        c = customer_for_update(s, actor, customer_id)
        entry = adjustment_entry(ledger_balance(s, c.id), principal, bonus, reason)
        rows = post(s, actor, c, [entry], op, clock.now())
        result = _result(s, actor, rows, replayed=False)
        _audit(s, actor, "stored_value.adjust", result, reason=entry.reason)
        return result


def reverse(db: Database, actor: Actor, original_operation_id: str, operation_id: str,
            reason: str = "") -> LedgerResult:
    audit.require(db, actor, Permission.STORED_VALUE_REVERSE, "stored_value.reverse",
                  f"operation:{original_operation_id}")
    op = check_operation_id(operation_id)
    with db.write() as s:
        if (done := _replay(s, actor, op, None, EntryKind.REVERSAL)) is not None:
            if done.entries[0].reverses_id not in {
                    r.id for r in _existing(s, actor, original_operation_id)}:
                raise Conflict("operation.reused", field="operation_id", operation_id=op)
            return done
        originals = _existing(s, actor, original_operation_id)
        if not originals:
            raise NotFound("stored_value_operation", original_operation_id)
        if any(r.sale_id is not None for r in originals):
            raise Conflict("stored_value.sale_operation", field="operation_id")
        if _is_launch_operation(s, actor, original_operation_id):
            # The launch still counts that money as paid: its own refund pays it back.
            raise Conflict("stored_value.launch_operation", field="operation_id")
        c = customer_for_update(s, actor, originals[0].customer_id)
        # Checked after the customer row is locked, so two desks reversing the same operation
        # at once cannot both pass (the unique reverses_id would then fail as a bug, not refuse).
        if s.scalar(select(StoredValueEntry.id).where(
                StoredValueEntry.reverses_id.in_([r.id for r in originals])).limit(1)):
            raise Conflict("stored_value.already_reversed", field="operation_id",
                           operation_id=original_operation_id)
        entries = reversal_entries(
            ledger_balance(s, c.id),
            [Entry(EntryKind(r.kind), r.principal, r.bonus, r.reason) for r in originals], reason)
        rows = post(s, actor, c, entries, op, clock.now(), reverses=[r.id for r in originals])
        referrals.after_topup_reversed(s, actor, c, original_operation_id, op, rows[0].at)
        result = _result(s, actor, rows, replayed=False)
        _audit(s, actor, "stored_value.reverse", result, reverses=original_operation_id,
               reason=entries[0].reason)
        return result


def get_balance(db: Database, actor: Actor, customer_id: int) -> Balance:
    audit.require(db, actor, Permission.MEMBERS_VIEW, "stored_value.view")
    with db.read() as s:
        c = s.get(Customer, customer_id)
        if c is None or c.store_id != actor.store_id:
            raise NotFound("customer", customer_id)
        return ledger_balance(s, customer_id)


def history(db: Database, actor: Actor, customer_id: int, limit: int = 100) -> list[EntryRow]:
    audit.require(db, actor, Permission.MEMBERS_VIEW, "stored_value.view")
    with db.read() as s:
        rows = s.scalars(select(StoredValueEntry).where(
            StoredValueEntry.customer_id == customer_id,
            StoredValueEntry.store_id == actor.store_id)
            .order_by(StoredValueEntry.id.desc()).limit(limit))
        return [_entry_row(r) for r in rows]
