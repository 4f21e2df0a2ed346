"""Launches (发售体系): pre-selling a new product in three counts, entry → lock → deal.

The rules (terms, statuses, refund windows, the deposit ledger, capacity, the funnel) are
``domain.launches``; this module keeps the records. Each public call is one transaction.

Money
-----
* Entry fees, their refunds and the deal's balance payment are ``launch_payment`` rows; deposits
  are ``launch_deposit`` rows (DEPOSIT, then REFUND + FORFEITED on a cancelled lock, or APPLIED
  at the deal). Both are append-only; nothing is ever updated or deleted.
* Paid by stored value: the SPEND is posted on the member's stored-value ledger in the same
  transaction under the same operation id (``stored_value.post``). A refund of money that came
  from the card goes back to the card: a REVERSAL of the spend when all of it comes back, an
  ADJUST in the spend's principal/bonus proportion when part of it does. Other refunds go back
  by the method that paid.
* Every money call takes an ``operation_id`` (one per dialog, ``domain.operations``): a retry
  with the same id posts nothing and returns the first result with ``replayed=True``; the same id
  with another request is ``operation.reused``.

API for screens
---------------
* ``create_launch(db, actor, LaunchInput) -> LaunchRow`` / ``update_launch(db, actor, id,
  LaunchInput)`` / ``set_status(db, actor, id, status)`` - ``launches.manage``. Once a launch is
  open, its money terms, dates and refund rules are fixed (``launch.terms_fixed``); the name,
  texts and capacity may still change (capacity never below the locks held).
* ``list_launches(db, actor) -> list[LaunchListRow]`` and ``get_launch(db, actor, id)``.
* ``record_entry / record_lock / record_deal(db, actor, launch_id, customer_id, payment_method,
  operation_id, staff_id=None) -> LaunchOpResult`` - ``launches.record``. ``staff_id`` is the
  seller credited in the funnel (default: whoever the customer's earlier rows in this launch
  credit, else the actor). A lock when the launch is full collects nothing and puts the customer
  on the waiting list (``result.waitlist_position``).
* ``refund_entry(...)`` and ``cancel_lock(...)`` - ``launches.refund``; an amount above the
  launch's rule needs ``override=True`` and ``launches.manage``. Cancelling a lock frees a seat:
  the first on the waiting list is offered it in the same transaction.
* ``leave_waitlist(db, actor, launch_id, customer_id)``.
* ``customer_position(db, actor, launch_id, customer_id) -> CustomerPosition``: what a customer
  has done and what they may do now (amount due, refundable now).
* ``funnel_report(db, actor, launch_id=None) -> FunnelReport``: entries → locks → deals with
  conversions, for one launch or all, with one row per staff member.
* ``locked_unpaid(db, actor, launch_id=None) -> list[UnpaidLock]`` - **the follow-up engine's
  source** for "locked deposit not paid": every customer holding a deposit without a deal,
  oldest lock first, with the launch, the credited staff member, the lock date, the lock deadline
  and the amount still due. Only launches not in draft; a closed launch's holders stay listed
  because the shop still wants the final payment.
* ``waiting_list(db, actor, launch_id)``, ``participants(db, actor, launch_id)``,
  ``launch_summary(db, actor, launch_id) -> LaunchSummary`` (everything the summary PDF shows).

Error codes: those of ``domain.launches`` and ``domain.money``; ``launch.name_required``
(``name``); ``launch.unknown_product`` (``product_id``); ``launch.unknown_staff``
(``staff_id``); ``launch.early_date_invalid`` (``early_until``, must lie between the opening day
and the lock deadline); ``launch.terms_fixed`` (the field, params ``status``);
``launch.capacity_below_locks`` (``capacity``, param ``held``); ``launch.already_entered``,
``launch.already_dealt``, ``launch.already_waiting`` (Conflict, param ``position``);
``launch.not_waiting``; ``payment.method_invalid``; ``stored_value.insufficient``;
``operation.*``; ``text.*``; ``not_found``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from fractions import Fraction

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import Customer, Product, Sale, Staff, StoredValueEntry
from opsdesk.db.models.launches import Launch, LaunchDeposit, LaunchPayment, LaunchWaitlist
from opsdesk.domain import launches as dl
from opsdesk.domain.errors import Collector, Conflict, NotFound, ValidationError
from opsdesk.domain.launches import (
    Action,
    DepositBalance,
    DepositEntry,
    DepositKind,
    LaunchMoney,
    LaunchStatus,
    LaunchTerms,
    PaymentKind,
)
from opsdesk.domain.members import Stage, stage_after_purchase
from opsdesk.domain.operations import check_operation_id
from opsdesk.domain.payments import PaymentMethod, check_payment_method
from opsdesk.domain.roles import Permission
from opsdesk.domain.stored_value import (
    Entry,
    EntryKind,
    adjustment_entry,
    reversal_entries,
    spend_entry,
)
from opsdesk.domain.targets import Number
from opsdesk.domain.text import clean_text
from opsdesk.services import audit, pipeline
from opsdesk.services import stored_value as sv
from opsdesk.services.context import Actor

NAME_MAX = 60
TEXT_MAX = 2000
REASON_MAX = 200

# ----------------------------------------------------------------------------- data


@dataclass(frozen=True)
class LaunchInput:
    name: str
    entry_opens: date
    lock_deadline: date
    delivery: date
    entry_fee: int
    deposit: int
    price: int
    capacity: int | None = None
    product_id: int | None = None
    product_text: str = ""
    requires_lock: bool = True
    entry_refund_until: Number = 1  # shares: 1 = 100 %
    entry_refund_after: Number = 0
    deposit_refund_until: Number = 1
    deposit_refund_after: Number = Fraction(1, 2)
    early_until: date | None = None
    early_gifts: str = ""
    early_privileges: str = ""
    notes: str = ""


@dataclass(frozen=True)
class LaunchRow:
    id: int
    name: str
    status: LaunchStatus
    product_id: int | None
    product_name: str  # the product's name, else product_text
    product_text: str
    entry_opens: date
    lock_deadline: date
    delivery: date
    entry_fee: int
    deposit: int
    price: int
    capacity: int | None
    requires_lock: bool
    entry_refund_until: Fraction
    entry_refund_after: Fraction
    deposit_refund_until: Fraction
    deposit_refund_after: Fraction
    early_until: date | None
    early_gifts: str
    early_privileges: str
    notes: str

    @property
    def terms(self) -> LaunchTerms:
        return LaunchTerms(self.entry_fee, self.deposit, self.price, self.capacity,
                           self.entry_opens, self.lock_deadline, self.delivery,
                           self.requires_lock,
                           dl.RefundRule(self.entry_refund_until, self.entry_refund_after),
                           dl.RefundRule(self.deposit_refund_until, self.deposit_refund_after))


@dataclass(frozen=True)
class LaunchListRow:
    launch: LaunchRow
    funnel: dl.Funnel
    locks_held: int
    waiting: int
    deposits_held: int
    revenue: int


@dataclass(frozen=True)
class LaunchOpResult:
    operation_id: str
    launch_id: int
    customer_id: int
    action: str  # entry | lock | waitlist | deal | entry_refund | cancel_lock
    amount: int  # collected (> 0) or paid back (< 0) now; 0 for a waiting-list place
    payment_method: PaymentMethod | None
    held: int  # deposit held for the customer afterwards
    waitlist_position: int | None = None
    early: bool = False
    forfeited: int = 0  # cancel_lock: what the shop kept
    applied: int = 0  # deal: the deposit turned into revenue
    card_balance: int | None = None  # stored value after the call, when the card was used
    offered: tuple[int, ...] = ()  # customers offered the seat this call freed
    replayed: bool = False


@dataclass(frozen=True)
class CustomerPosition:
    launch_id: int
    customer_id: int
    entered: bool
    entry_paid: int
    entry_refunded: int
    deposit: DepositBalance
    dealt: bool
    waitlist_position: int | None
    offered: bool
    amount_due: int | None  # for the deal now; None when a deal is not possible
    entry_refundable: int  # under the rule today
    deposit_refundable: int
    card_balance: int

    @property
    def held(self) -> int:
        return self.deposit.held


@dataclass(frozen=True)
class FunnelRow:
    staff_id: int | None
    staff_name: str
    funnel: dl.Funnel


@dataclass(frozen=True)
class FunnelReport:
    total: dl.Funnel
    by_staff: tuple[FunnelRow, ...]
    by_launch: dict[int, dl.Funnel] = field(default_factory=dict)


@dataclass(frozen=True)
class UnpaidLock:
    launch_id: int
    launch_name: str
    customer_id: int
    customer_name: str
    phone: str
    staff_id: int | None
    staff_name: str
    locked_on: date
    lock_deadline: date
    held: int
    due: int


@dataclass(frozen=True)
class WaitingRow:
    position: int
    customer_id: int
    customer_name: str
    phone: str
    staff_name: str
    since: datetime
    offered: bool


@dataclass(frozen=True)
class ParticipantRow:
    customer_id: int
    customer_name: str
    phone: str
    staff_name: str
    entered: bool
    entry_paid: int
    held: int
    dealt: bool
    step: str  # entered | locked | dealt | cancelled | waiting
    last_at: datetime


@dataclass(frozen=True)
class LaunchSummary:
    launch: LaunchRow
    store_name: str
    funnel: dl.Funnel
    by_staff: tuple[FunnelRow, ...]
    money: LaunchMoney
    locks_held: int
    early_locks: int
    refunds: int  # count of refund operations (entry fees and cancelled locks)
    unpaid: tuple[UnpaidLock, ...]
    waiting: tuple[WaitingRow, ...]
    as_of: datetime


# ----------------------------------------------------------------------------- internals


def _row(s: Session, ln: Launch) -> LaunchRow:
    pname = ""
    if ln.product_id is not None:
        pname = s.scalar(select(Product.name).where(Product.id == ln.product_id)) or ""
    return LaunchRow(
        ln.id, ln.name, LaunchStatus(ln.status), ln.product_id, pname or ln.product_text,
        ln.product_text, ln.entry_opens, ln.lock_deadline, ln.delivery, ln.entry_fee,
        ln.deposit, ln.price, ln.capacity, ln.requires_lock,
        Fraction(ln.entry_refund_until_bp, dl.BASIS_POINTS),
        Fraction(ln.entry_refund_after_bp, dl.BASIS_POINTS),
        Fraction(ln.deposit_refund_until_bp, dl.BASIS_POINTS),
        Fraction(ln.deposit_refund_after_bp, dl.BASIS_POINTS),
        ln.early_until, ln.early_gifts, ln.early_privileges, ln.notes)


def _launch(s: Session, actor: Actor, launch_id: int) -> Launch:
    ln = s.get(Launch, launch_id)
    if ln is None or ln.store_id != actor.store_id:
        raise NotFound("launch", launch_id)
    return ln


def _balance(s: Session, launch_id: int, customer_id: int) -> DepositBalance:
    b = DepositBalance()
    for kind, amount in s.execute(
            select(LaunchDeposit.kind, func.sum(LaunchDeposit.amount))
            .where(LaunchDeposit.launch_id == launch_id,
                   LaunchDeposit.customer_id == customer_id)
            .group_by(LaunchDeposit.kind)):
        b = b.apply(DepositEntry(DepositKind(kind), customer_id, int(amount)))
    return b


def _locks_held(s: Session, launch_id: int) -> int:
    holders = (select(LaunchDeposit.customer_id).where(LaunchDeposit.launch_id == launch_id)
               .group_by(LaunchDeposit.customer_id)
               .having(func.sum(LaunchDeposit.amount) > 0).subquery())
    return int(s.scalar(select(func.count()).select_from(holders)) or 0)


def _waitlist(s: Session, launch_id: int) -> list[LaunchWaitlist]:
    return list(s.scalars(select(LaunchWaitlist).where(
        LaunchWaitlist.launch_id == launch_id,
        LaunchWaitlist.status.in_(("waiting", "offered"))).order_by(LaunchWaitlist.id)))


def _payments(s: Session, launch_id: int, customer_id: int) -> list[LaunchPayment]:
    return list(s.scalars(select(LaunchPayment).where(
        LaunchPayment.launch_id == launch_id, LaunchPayment.customer_id == customer_id)
        .order_by(LaunchPayment.id)))


def _entry_totals(pays: Sequence[LaunchPayment]) -> tuple[LaunchPayment | None, int, int]:
    fee = next((p for p in pays if p.kind == PaymentKind.ENTRY), None)
    refunded = -sum(p.amount for p in pays if p.kind == PaymentKind.ENTRY_REFUND)
    return fee, (fee.amount if fee else 0), refunded


def _credited_staff(s: Session, actor: Actor, launch_id: int, customer_id: int,
                    staff_id: int | None) -> int | None:
    if staff_id is not None:
        st = s.get(Staff, staff_id)
        if st is None or st.store_id != actor.store_id:
            raise ValidationError("launch.unknown_staff", field="staff_id")
        return staff_id
    for model in (LaunchPayment, LaunchDeposit, LaunchWaitlist):
        found = s.scalar(select(model.staff_id).where(
            model.launch_id == launch_id, model.customer_id == customer_id,
            model.staff_id.is_not(None)).order_by(model.id).limit(1))
        if found is not None:
            return found
    return actor.staff_id


def _card_total(s: Session, customer_id: int) -> int:
    return sv.ledger_balance(s, customer_id).total


def _pay_from_card(s: Session, actor: Actor, c: Customer, amount: int, op: str,
                   at: datetime) -> None:
    if amount:
        sv.post(s, actor, c, [spend_entry(sv.ledger_balance(s, c.id), amount)], op, at)


def _refund_to_card(s: Session, actor: Actor, c: Customer, amount: int, paid_op: str,
                    op: str, at: datetime, reason: str) -> None:
    """Give ``amount`` back to the card the payment ``paid_op`` drew on (see module doc)."""
    spent = list(s.scalars(select(StoredValueEntry).where(
        StoredValueEntry.store_id == actor.store_id, StoredValueEntry.operation_id == paid_op,
        StoredValueEntry.kind == EntryKind.SPEND.value).order_by(StoredValueEntry.line)))
    if not spent:
        return
    row = spent[0]
    paid_p, paid_b = -row.principal, -row.bonus
    current = sv.ledger_balance(s, c.id)
    already = s.scalar(select(StoredValueEntry.id).where(StoredValueEntry.reverses_id == row.id))
    if amount == paid_p + paid_b and not already:
        entries = reversal_entries(current, [Entry(EntryKind.SPEND, row.principal, row.bonus)],
                                   reason or "launch refund")
        sv.post(s, actor, c, entries, op, at, reverses=[row.id])
        return
    p, b = dl.card_refund_parts(amount, paid_p, paid_b)
    sv.post(s, actor, c, [adjustment_entry(current, p, b, reason or "launch refund")], op, at)


def _method(payment_method: PaymentMethod | str | None, amount: int) -> PaymentMethod | None:
    if amount == 0:
        return None
    return check_payment_method(payment_method)


def _replay(s: Session, actor: Actor, op: str, launch_id: int, customer_id: int,
            actions: tuple[str, ...]) -> LaunchOpResult | None:
    pay = s.scalars(select(LaunchPayment).where(LaunchPayment.store_id == actor.store_id,
                                                LaunchPayment.operation_id == op)).first()
    deps = list(s.scalars(select(LaunchDeposit).where(
        LaunchDeposit.store_id == actor.store_id, LaunchDeposit.operation_id == op)
        .order_by(LaunchDeposit.line)))
    if pay is None and not deps:
        return _replay_waitlist(s, actor, op, launch_id, customer_id, actions)
    first = pay or deps[0]
    if pay is not None and pay.kind == PaymentKind.BALANCE:
        action = "deal"
    elif pay is not None:
        action = str(pay.kind)
    elif deps[0].kind == DepositKind.DEPOSIT:
        action = "lock"
    else:
        action = "cancel_lock"
    if first.launch_id != launch_id or first.customer_id != customer_id or action not in actions:
        raise Conflict("operation.reused", field="operation_id", operation_id=op)
    held = _balance(s, launch_id, customer_id).held
    if action == "lock":
        amount, method = deps[0].amount, deps[0].payment_method
    elif action == "cancel_lock":
        refunds = [d for d in deps if d.kind == DepositKind.REFUND]
        amount = sum(d.amount for d in refunds)
        method = refunds[0].payment_method if refunds else None
    else:
        amount, method = pay.amount, pay.payment_method  # type: ignore[union-attr]
    return LaunchOpResult(
        op, launch_id, customer_id, action, amount, PaymentMethod(method) if method else None,
        held, early=bool(deps and deps[0].early),
        forfeited=-sum(d.amount for d in deps if d.kind == DepositKind.FORFEITED),
        applied=-sum(d.amount for d in deps if d.kind == DepositKind.APPLIED), replayed=True)


def _replay_waitlist(s: Session, actor: Actor, op: str, launch_id: int, customer_id: int,
                     actions: tuple[str, ...]) -> LaunchOpResult | None:
    """A lock that found the launch full put the customer on the waiting list; its retry
    answers with that place instead of refusing a second queueing."""
    wait = s.scalars(select(LaunchWaitlist).where(LaunchWaitlist.store_id == actor.store_id,
                                                  LaunchWaitlist.operation_id == op)).first()
    if wait is None:
        return None
    if wait.launch_id != launch_id or wait.customer_id != customer_id or "lock" not in actions:
        raise Conflict("operation.reused", field="operation_id", operation_id=op)
    position = next((i + 1 for i, w in enumerate(_waitlist(s, launch_id)) if w.id == wait.id),
                    None)
    return LaunchOpResult(op, launch_id, customer_id, "waitlist", 0, None,
                          _balance(s, launch_id, customer_id).held,
                          waitlist_position=position, replayed=True)


def _audit(s: Session, actor: Actor, action: str, r: LaunchOpResult, **extra) -> None:
    audit.record_as(s, actor, action, f"launch:{r.launch_id}", {
        "operation_id": r.operation_id, "customer_id": r.customer_id, "amount": r.amount,
        "payment_method": r.payment_method.value if r.payment_method else None, **extra})


def _today() -> tuple[datetime, date]:
    at = clock.now()
    return at, at.date()


# ----------------------------------------------------------------------------- launches


def _checked(s: Session, actor: Actor, data: LaunchInput) -> dict:
    c = Collector()
    name = c.take("name", clean_text, data.name, field="name", max_len=NAME_MAX, required=True)
    ptext = c.take("product_text", clean_text, data.product_text, field="product_text",
                   max_len=200)
    gifts = c.take("early_gifts", clean_text, data.early_gifts, field="early_gifts",
                   max_len=TEXT_MAX, multiline=True)
    privs = c.take("early_privileges", clean_text, data.early_privileges,
                   field="early_privileges", max_len=TEXT_MAX, multiline=True)
    notes = c.take("notes", clean_text, data.notes, field="notes", max_len=TEXT_MAX,
                   multiline=True)
    if data.product_id is not None:
        p = s.get(Product, data.product_id)
        if p is None or p.store_id != actor.store_id:
            c.take("product_id", _fail, "launch.unknown_product", "product_id")
    e_until = c.take("entry_refund_until", dl.share_to_bp, data.entry_refund_until,
                     field="entry_refund_until")
    e_after = c.take("entry_refund_after", dl.share_to_bp, data.entry_refund_after,
                     field="entry_refund_after")
    d_until = c.take("deposit_refund_until", dl.share_to_bp, data.deposit_refund_until,
                     field="deposit_refund_until")
    d_after = c.take("deposit_refund_after", dl.share_to_bp, data.deposit_refund_after,
                     field="deposit_refund_after")
    try:
        dl.make_terms(
            entry_fee=data.entry_fee, deposit=data.deposit, price=data.price,
            capacity=data.capacity, entry_opens=data.entry_opens,
            lock_deadline=data.lock_deadline, delivery=data.delivery,
            requires_lock=data.requires_lock,
            entry_fee_refund=dl.rule_from_bp(e_until or 0, e_after or 0),
            deposit_refund=dl.rule_from_bp(d_until or 0, d_after or 0))
    except ValidationError as e:
        for key, err in getattr(e, "errors", {e.field or "deposit": e}).items():
            # A broken refund rule is shown beside the share after the deadline.
            key = {"entry_fee_refund": "entry_refund_after",
                   "deposit_refund": "deposit_refund_after"}.get(key, key)
            err.field = key
            c.errors.setdefault(key, err)
    if data.early_until is not None and not (
            data.entry_opens <= data.early_until <= data.lock_deadline):
        c.take("early_until", _fail, "launch.early_date_invalid", "early_until")
    c.done()
    return dict(name=name, product_id=data.product_id, product_text=ptext,
                entry_opens=data.entry_opens, lock_deadline=data.lock_deadline,
                delivery=data.delivery, entry_fee=data.entry_fee, deposit=data.deposit,
                price=data.price, capacity=data.capacity, requires_lock=bool(data.requires_lock),
                entry_refund_until_bp=e_until, entry_refund_after_bp=e_after,
                deposit_refund_until_bp=d_until, deposit_refund_after_bp=d_after,
                early_until=data.early_until, early_gifts=gifts, early_privileges=privs,
                notes=notes)


def _fail(code: str, fld: str, **params: object) -> None:
    raise ValidationError(code, field=fld, **params)


# Fields that may change after a launch opened: its figures stay true to what customers paid.
_ALWAYS_EDITABLE = frozenset({"name", "product_id", "product_text", "capacity", "early_gifts",
                              "early_privileges", "notes"})


def create_launch(db: Database, actor: Actor, data: LaunchInput) -> LaunchRow:
    audit.require(db, actor, Permission.LAUNCHES_MANAGE, "launch.create")
    with db.write() as s:
        values = _checked(s, actor, data)
        ln = Launch(store_id=actor.store_id, status=LaunchStatus.DRAFT.value,
                    created_by=actor.staff_id, **values)
        s.add(ln)
        s.flush()
        audit.record_as(s, actor, "launch.create", f"launch:{ln.id}", {"name": ln.name})
        return _row(s, ln)


def update_launch(db: Database, actor: Actor, launch_id: int, data: LaunchInput) -> LaunchRow:
    audit.require(db, actor, Permission.LAUNCHES_MANAGE, "launch.update", f"launch:{launch_id}")
    with db.write() as s:
        ln = _launch(s, actor, launch_id)
        values = _checked(s, actor, data)
        changed = {k: v for k, v in values.items() if getattr(ln, k) != v}
        if ln.status != LaunchStatus.DRAFT:
            c = Collector()
            for k in sorted(set(changed) - _ALWAYS_EDITABLE):
                c.take(k, _fail, "launch.terms_fixed", k, status=ln.status)
            if "capacity" in changed and values["capacity"] is not None:
                held = _locks_held(s, ln.id) + sum(
                    1 for w in _waitlist(s, ln.id) if w.status == "offered")
                if values["capacity"] < held:
                    c.take("capacity", _fail, "launch.capacity_below_locks", "capacity",
                           held=held)
            c.done()
        for k, v in changed.items():
            setattr(ln, k, v)
        s.flush()
        offered: list[int] = []
        if "capacity" in changed and ln.status == LaunchStatus.OPEN:
            offered = _offer_seats(s, ln)
        audit.record_as(s, actor, "launch.update", f"launch:{ln.id}",
                        {"fields": sorted(changed), "offered": offered})
        return _row(s, ln)


def set_status(db: Database, actor: Actor, launch_id: int,
               status: LaunchStatus | str) -> LaunchRow:
    audit.require(db, actor, Permission.LAUNCHES_MANAGE, "launch.status", f"launch:{launch_id}")
    with db.write() as s:
        ln = _launch(s, actor, launch_id)
        try:
            new = LaunchStatus(status)
        except ValueError:
            raise ValidationError("launch.bad_transition", field="status",
                                  from_status=ln.status, to_status=str(status)[:10]) from None
        dl.check_transition(LaunchStatus(ln.status), new)
        before, ln.status = ln.status, new.value
        s.flush()
        audit.record_as(s, actor, "launch.status", f"launch:{ln.id}",
                        {"from": before, "to": new.value})
        return _row(s, ln)


def get_launch(db: Database, actor: Actor, launch_id: int) -> LaunchRow:
    audit.require(db, actor, Permission.LAUNCHES_RECORD, "launch.view")
    with db.read() as s:
        return _row(s, _launch(s, actor, launch_id))


def _money(s: Session, launch_ids: Sequence[int]) -> dict[int, LaunchMoney]:
    pays: dict[int, list[tuple[str, int]]] = {i: [] for i in launch_ids}
    deps: dict[int, list[DepositEntry]] = {i: [] for i in launch_ids}
    for lid, kind, amount in s.execute(
            select(LaunchPayment.launch_id, LaunchPayment.kind, func.sum(LaunchPayment.amount))
            .where(LaunchPayment.launch_id.in_(launch_ids))
            .group_by(LaunchPayment.launch_id, LaunchPayment.kind)):
        pays[lid].append((kind, int(amount)))
    for lid, kind, amount in s.execute(
            select(LaunchDeposit.launch_id, LaunchDeposit.kind, func.sum(LaunchDeposit.amount))
            .where(LaunchDeposit.launch_id.in_(launch_ids))
            .group_by(LaunchDeposit.launch_id, LaunchDeposit.kind)):
        deps[lid].append(DepositEntry(DepositKind(kind), 0, int(amount)))
    return {i: dl.launch_money(pays[i], deps[i]) for i in launch_ids}


def _participants(s: Session, launch_ids: Sequence[int]) -> list[dl.Participant]:
    """One Participant per row, in time order (the domain merges them per customer, keeping the
    first staff member credited)."""
    rows = []
    for lid, cid, sid, at, kind in s.execute(
            select(LaunchPayment.launch_id, LaunchPayment.customer_id, LaunchPayment.staff_id,
                   LaunchPayment.at, LaunchPayment.kind)
            .where(LaunchPayment.launch_id.in_(launch_ids),
                   LaunchPayment.kind != PaymentKind.ENTRY_REFUND)):
        rows.append((at, lid, cid, sid, kind == PaymentKind.ENTRY, False,
                     kind == PaymentKind.BALANCE))
    for lid, cid, sid, at in s.execute(
            select(LaunchDeposit.launch_id, LaunchDeposit.customer_id, LaunchDeposit.staff_id,
                   LaunchDeposit.at)
            .where(LaunchDeposit.launch_id.in_(launch_ids),
                   LaunchDeposit.kind == DepositKind.DEPOSIT)):
        rows.append((at, lid, cid, sid, False, True, False))
    rows.sort(key=lambda r: r[0])
    return [dl.Participant(lid, cid, sid, e, lk, d) for _, lid, cid, sid, e, lk, d in rows]


def list_launches(db: Database, actor: Actor) -> list[LaunchListRow]:
    """Newest opening first, drafts included."""
    audit.require(db, actor, Permission.LAUNCHES_RECORD, "launch.view")
    with db.read() as s:
        launches = list(s.scalars(select(Launch).where(Launch.store_id == actor.store_id)
                                  .order_by(Launch.entry_opens.desc(), Launch.id.desc())))
        ids = [ln.id for ln in launches]
        money = _money(s, ids)
        funnels = dl.funnel_by_launch(_participants(s, ids))
        out = []
        for ln in launches:
            out.append(LaunchListRow(
                _row(s, ln), funnels.get(ln.id, dl.Funnel(0, 0, 0)), _locks_held(s, ln.id),
                len(_waitlist(s, ln.id)), money[ln.id].deposits_held, money[ln.id].revenue))
        return out


# ----------------------------------------------------------------------------- recording


def _begin(db: Database, actor: Actor, permission: Permission, action: str, launch_id: int,
           operation_id: str) -> str:
    audit.require(db, actor, permission, action, f"launch:{launch_id}")
    return check_operation_id(operation_id)


def _result(s: Session, op: str, ln: Launch, c: Customer, action: str, amount: int,
            method: PaymentMethod | None, **kw) -> LaunchOpResult:
    card = _card_total(s, c.id) if method is PaymentMethod.STORED_VALUE else None
    return LaunchOpResult(op, ln.id, c.id, action, amount, method,
                          _balance(s, ln.id, c.id).held, card_balance=card, **kw)


def record_entry(db: Database, actor: Actor, launch_id: int, customer_id: int,
                 payment_method: PaymentMethod | str | None, operation_id: str,
                 staff_id: int | None = None) -> LaunchOpResult:
    """The customer enters (进入): pays the entry fee, if the launch has one."""
    op = _begin(db, actor, Permission.LAUNCHES_RECORD, "launch.entry", launch_id, operation_id)
    with db.write() as s:
        if done := _replay(s, actor, op, launch_id, customer_id, ("entry",)):
            return done
        ln = _launch(s, actor, launch_id)
        row = _row(s, ln)
        at, today = _today()
        dl.check_action(row.terms, row.status, Action.ENTRY, today)
        method = _method(payment_method, ln.entry_fee)
        c = sv.customer_for_update(s, actor, customer_id)
        if _entry_totals(_payments(s, ln.id, c.id))[0] is not None:
            raise Conflict("launch.already_entered", field="customer_id")
        credited = _credited_staff(s, actor, ln.id, c.id, staff_id)
        if method is PaymentMethod.STORED_VALUE:
            _pay_from_card(s, actor, c, ln.entry_fee, op, at)
        s.add(LaunchPayment(store_id=actor.store_id, launch_id=ln.id, customer_id=c.id,
                            kind=PaymentKind.ENTRY.value, amount=ln.entry_fee,
                            payment_method=method.value if method else None, operation_id=op,
                            staff_id=credited, recorded_by=actor.staff_id, at=at))
        s.flush()
        r = _result(s, op, ln, c, "entry", ln.entry_fee, method)
        _audit(s, actor, "launch.entry", r)
        return r


def record_lock(db: Database, actor: Actor, launch_id: int, customer_id: int,
                payment_method: PaymentMethod | str | None, operation_id: str,
                staff_id: int | None = None) -> LaunchOpResult:
    """The customer locks (锁定): pays the deposit while a seat is free, else joins the waiting
    list and pays nothing (``action == "waitlist"``)."""
    op = _begin(db, actor, Permission.LAUNCHES_RECORD, "launch.lock", launch_id, operation_id)
    with db.write() as s:
        if done := _replay(s, actor, op, launch_id, customer_id, ("lock",)):
            return done
        ln = _launch(s, actor, launch_id)
        row = _row(s, ln)
        at, today = _today()
        dl.check_action(row.terms, row.status, Action.LOCK, today)
        method = check_payment_method(payment_method)
        c = sv.customer_for_update(s, actor, customer_id)
        current = _balance(s, ln.id, c.id)
        entry = dl.lock_entry(row.terms, c.id, current)  # refuses a second lock
        if s.scalar(select(LaunchPayment.id).where(
                LaunchPayment.launch_id == ln.id, LaunchPayment.customer_id == c.id,
                LaunchPayment.kind == PaymentKind.BALANCE)):
            raise Conflict("launch.already_dealt", field="customer_id")
        credited = _credited_staff(s, actor, ln.id, c.id, staff_id)
        live = _waitlist(s, ln.id)
        own = next((w for w in live if w.customer_id == c.id), None)
        others_offered = sum(1 for w in live if w.status == "offered" and w is not own)
        seat_kept = own is not None and own.status == "offered"
        place = dl.lock_or_waitlist(_locks_held(s, ln.id) + others_offered, ln.capacity,
                                    len(live))
        # Without an offered seat, a customer queues behind those already waiting.
        if not seat_kept and any(w.status == "waiting" for w in live if w is not own):
            place = dl.LockPlace(False, len(live) + 1)
        if not place.locked:
            if own is not None:
                raise Conflict("launch.already_waiting", field="customer_id",
                               position=[w.id for w in live].index(own.id) + 1)
            s.add(LaunchWaitlist(store_id=actor.store_id, launch_id=ln.id, customer_id=c.id,
                                 staff_id=credited, status="waiting", at=at, updated_at=at,
                                 operation_id=op))
            s.flush()
            r = LaunchOpResult(op, ln.id, c.id, "waitlist", 0, None, current.held,
                               waitlist_position=place.waitlist_position)
            _audit(s, actor, "launch.waitlist", r)
            return r
        if method is PaymentMethod.STORED_VALUE:
            _pay_from_card(s, actor, c, entry.amount, op, at)
        early = ln.early_until is not None and today <= ln.early_until
        s.add(LaunchDeposit(store_id=actor.store_id, launch_id=ln.id, customer_id=c.id,
                            kind=DepositKind.DEPOSIT.value, amount=entry.amount,
                            payment_method=method.value, operation_id=op, line=0, early=early,
                            staff_id=credited, recorded_by=actor.staff_id, at=at))
        if own is not None:
            own.status, own.updated_at = "locked", at
        s.flush()
        r = _result(s, op, ln, c, "lock", entry.amount, method, early=early)
        _audit(s, actor, "launch.lock", r, early=early)
        return r


def record_deal(db: Database, actor: Actor, launch_id: int, customer_id: int,
                payment_method: PaymentMethod | str | None, operation_id: str,
                staff_id: int | None = None) -> LaunchOpResult:
    """The deal (成交): the customer pays ``price - deposit held`` and the deposit is applied."""
    op = _begin(db, actor, Permission.LAUNCHES_RECORD, "launch.deal", launch_id, operation_id)
    with db.write() as s:
        if done := _replay(s, actor, op, launch_id, customer_id, ("deal",)):
            return done
        ln = _launch(s, actor, launch_id)
        row = _row(s, ln)
        at, today = _today()
        c = sv.customer_for_update(s, actor, customer_id)
        current = _balance(s, ln.id, c.id)
        dl.check_action(row.terms, row.status, Action.DEAL, today, holds_lock=current.held > 0)
        if s.scalar(select(LaunchPayment.id).where(
                LaunchPayment.launch_id == ln.id, LaunchPayment.customer_id == c.id,
                LaunchPayment.kind == PaymentKind.BALANCE)):
            raise Conflict("launch.already_dealt", field="customer_id")
        plan, entries = dl.deal_entries(row.terms, c.id, current)
        method = _method(payment_method, plan.due)
        credited = _credited_staff(s, actor, ln.id, c.id, staff_id)
        if method is PaymentMethod.STORED_VALUE:
            _pay_from_card(s, actor, c, plan.due, op, at)
        s.add(LaunchPayment(store_id=actor.store_id, launch_id=ln.id, customer_id=c.id,
                            kind=PaymentKind.BALANCE.value, amount=plan.due,
                            payment_method=method.value if method else None, operation_id=op,
                            staff_id=credited, recorded_by=actor.staff_id, at=at))
        for i, e in enumerate(entries):
            s.add(LaunchDeposit(store_id=actor.store_id, launch_id=ln.id, customer_id=c.id,
                                kind=e.kind.value, amount=e.amount, operation_id=op, line=i,
                                staff_id=credited, recorded_by=actor.staff_id, at=at))
        # The deal is a purchase: the customer's stage moves as a sale would move it.
        before = Stage(c.stage)
        bought = (s.scalar(select(func.count()).select_from(Sale).where(
            Sale.customer_id == c.id, Sale.kind == "sale")) or 0) + (s.scalar(
                select(func.count()).select_from(LaunchPayment).where(
                    LaunchPayment.customer_id == c.id,
                    LaunchPayment.kind == PaymentKind.BALANCE)) or 0)
        after = stage_after_purchase(before, bought)
        if after is not before:
            pipeline.record_change(s, store_id=actor.store_id, customer=c, to=after,
                                   staff_id=actor.staff_id, source="purchase", at=at)
        s.flush()
        r = _result(s, op, ln, c, "deal", plan.due, method, applied=plan.applied)
        _audit(s, actor, "launch.deal", r, applied=plan.applied)
        return r


def _begin_refund(db: Database, actor: Actor, action: str, launch_id: int, operation_id: str,
                  override: bool, reason: str) -> tuple[str, str]:
    """The checks every refund makes before its transaction: the refund permission, the
    manager's for going over the launch's rule, and the reason's text."""
    op = _begin(db, actor, Permission.LAUNCHES_REFUND, action, launch_id, operation_id)
    if override:
        audit.require(db, actor, Permission.LAUNCHES_MANAGE, "launch.refund_override",
                      f"launch:{launch_id}")
    return op, clean_text(reason, field="reason", max_len=REASON_MAX)


def refund_entry(db: Database, actor: Actor, launch_id: int, customer_id: int,
                 amount: int | None, operation_id: str, *, override: bool = False,
                 reason: str = "") -> LaunchOpResult:
    """Pay back (part of) the entry fee under the launch's rule (``None``: what the rule allows
    today), by the method that paid it."""
    op, text = _begin_refund(db, actor, "launch.entry_refund", launch_id, operation_id, override, reason)
    with db.write() as s:
        if done := _replay(s, actor, op, launch_id, customer_id, ("entry_refund",)):
            return done
        ln = _launch(s, actor, launch_id)
        row = _row(s, ln)
        at, today = _today()
        dl.check_action(row.terms, row.status, Action.REFUND, today)
        c = sv.customer_for_update(s, actor, customer_id)
        fee, paid, refunded = _entry_totals(_payments(s, ln.id, c.id))
        if fee is None or paid == 0:
            raise ValidationError("launch.nothing_to_refund", field="amount")
        back = dl.entry_fee_refund(row.terms, paid, refunded, today, amount, override=override)
        method = PaymentMethod(fee.payment_method)
        if method is PaymentMethod.STORED_VALUE:
            _refund_to_card(s, actor, c, back, fee.operation_id, op, at, text)
        s.add(LaunchPayment(store_id=actor.store_id, launch_id=ln.id, customer_id=c.id,
                            kind=PaymentKind.ENTRY_REFUND.value, amount=-back,
                            payment_method=method.value, refunds_id=fee.id, operation_id=op,
                            staff_id=fee.staff_id, recorded_by=actor.staff_id, reason=text,
                            at=at))
        s.flush()
        r = _result(s, op, ln, c, "entry_refund", -back, method)
        _audit(s, actor, "launch.entry_refund", r, override=override, reason=text)
        return r


def cancel_lock(db: Database, actor: Actor, launch_id: int, customer_id: int,
                amount: int | None, operation_id: str, *, override: bool = False,
                reason: str = "") -> LaunchOpResult:
    """End a lock without a deal: refund ``amount`` of the deposit (``None``: what the rule
    allows today; 0: nothing) by the method that paid it; the rest is forfeited. The freed seat
    is offered to the first on the waiting list."""
    op, text = _begin_refund(db, actor, "launch.cancel_lock", launch_id, operation_id, override, reason)
    with db.write() as s:
        if done := _replay(s, actor, op, launch_id, customer_id, ("cancel_lock",)):
            return done
        ln = _launch(s, actor, launch_id)
        row = _row(s, ln)
        at, today = _today()
        dl.check_action(row.terms, row.status, Action.REFUND, today)
        c = sv.customer_for_update(s, actor, customer_id)
        current = _balance(s, ln.id, c.id)
        entries = dl.cancel_lock_entries(row.terms, c.id, current, today, amount,
                                         override=override)
        lock = s.scalars(select(LaunchDeposit).where(
            LaunchDeposit.launch_id == ln.id, LaunchDeposit.customer_id == c.id,
            LaunchDeposit.kind == DepositKind.DEPOSIT).order_by(LaunchDeposit.id.desc())).first()
        assert lock is not None  # held > 0 was checked by the domain
        method = PaymentMethod(lock.payment_method)
        back = -sum(e.amount for e in entries if e.kind is DepositKind.REFUND)
        if back and method is PaymentMethod.STORED_VALUE:
            _refund_to_card(s, actor, c, back, lock.operation_id, op, at, text)
        for i, e in enumerate(entries):
            s.add(LaunchDeposit(
                store_id=actor.store_id, launch_id=ln.id, customer_id=c.id, kind=e.kind.value,
                amount=e.amount,
                payment_method=method.value if e.kind is DepositKind.REFUND else None,
                operation_id=op, line=i, staff_id=lock.staff_id, recorded_by=actor.staff_id,
                reason=text, at=at))
        s.flush()
        offered = _offer_seats(s, ln, at) if ln.status == LaunchStatus.OPEN else []
        r = _result(s, op, ln, c, "cancel_lock", -back, method if back else None,
                    forfeited=current.held - back, offered=tuple(offered))
        _audit(s, actor, "launch.cancel_lock", r, override=override, reason=text,
               forfeited=current.held - back, offered=offered)
        return r


def _offer_seats(s: Session, ln: Launch, at: datetime | None = None) -> list[int]:
    live = _waitlist(s, ln.id)
    waiting = [w for w in live if w.status == "waiting"]
    taken = _locks_held(s, ln.id) + sum(1 for w in live if w.status == "offered")
    offered, _ = dl.promote_from_waitlist(waiting, taken, ln.capacity)
    for w in offered:
        w.status, w.updated_at = "offered", at or clock.now()
    s.flush()
    return [w.customer_id for w in offered]


def leave_waitlist(db: Database, actor: Actor, launch_id: int, customer_id: int) -> None:
    audit.require(db, actor, Permission.LAUNCHES_RECORD, "launch.leave_waitlist",
                  f"launch:{launch_id}")
    with db.write() as s:
        ln = _launch(s, actor, launch_id)
        own = next((w for w in _waitlist(s, ln.id) if w.customer_id == customer_id), None)
        if own is None:
            raise ValidationError("launch.not_waiting", field="customer_id")
        at = clock.now()
        own.status, own.updated_at = "withdrawn", at
        s.flush()
        offered = _offer_seats(s, ln, at) if ln.status == LaunchStatus.OPEN else []
        audit.record_as(s, actor, "launch.leave_waitlist", f"launch:{ln.id}",
                        {"customer_id": customer_id, "offered": offered})


# ----------------------------------------------------------------------------- reading


def customer_position(db: Database, actor: Actor, launch_id: int,
                      customer_id: int) -> CustomerPosition:
    audit.require(db, actor, Permission.LAUNCHES_RECORD, "launch.view")
    with db.read() as s:
        ln = _launch(s, actor, launch_id)
        row = _row(s, ln)
        c = s.get(Customer, customer_id)
        if c is None or c.store_id != actor.store_id:
            raise NotFound("customer", customer_id)
        today = clock.now().date()
        pays = _payments(s, ln.id, c.id)
        fee, paid, refunded = _entry_totals(pays)
        bal = _balance(s, ln.id, c.id)
        dealt = any(p.kind == PaymentKind.BALANCE for p in pays)
        live = _waitlist(s, ln.id)
        own = next((w for w in live if w.customer_id == c.id), None)
        due = None
        if not dealt:
            try:
                dl.check_action(row.terms, row.status, Action.DEAL, today,
                                holds_lock=bal.held > 0)
                due = dl.deal_entries(row.terms, c.id, bal)[0].due
            except ValidationError:
                due = None
        entry_ok = 0
        if paid - refunded > 0:
            try:
                entry_ok = dl.entry_fee_refund(row.terms, paid, refunded, today)
            except ValidationError:
                entry_ok = 0
        return CustomerPosition(
            ln.id, c.id, fee is not None, paid, refunded, bal, dealt,
            [w.id for w in live].index(own.id) + 1 if own else None,
            own is not None and own.status == "offered", due, entry_ok,
            dl.deposit_refundable(row.terms, bal, today) if bal.held > 0 else 0,
            _card_total(s, c.id))


def _names(s: Session, model, ids: set[int]) -> dict[int, tuple[str, str]]:  # noqa: ANN001
    if not ids:
        return {}
    if model is Customer:
        q = select(Customer.id, Customer.name, Customer.phone).where(Customer.id.in_(ids))
        return {i: (n, p) for i, n, p in s.execute(q)}
    return {i: (n, "") for i, n in s.execute(select(Staff.id, Staff.name)
                                              .where(Staff.id.in_(ids)))}


def _by_staff(s: Session, ps: list[dl.Participant]) -> tuple[FunnelRow, ...]:
    groups = dl.funnel_by_staff(ps)
    names = _names(s, Staff, {k for k in groups if k is not None})
    rows = [FunnelRow(k, names.get(k, ("", ""))[0] if k is not None else "", f)
            for k, f in groups.items()]
    return tuple(sorted(rows, key=lambda r: (-r.funnel.deals, -r.funnel.locks, r.staff_name)))


def funnel_report(db: Database, actor: Actor, launch_id: int | None = None) -> FunnelReport:
    audit.require(db, actor, Permission.LAUNCHES_RECORD, "launch.view")
    with db.read() as s:
        if launch_id is not None:
            ids = [_launch(s, actor, launch_id).id]
        else:
            ids = list(s.scalars(select(Launch.id).where(Launch.store_id == actor.store_id)))
        ps = _participants(s, ids)
        return FunnelReport(dl.funnel_from_participants(ps), _by_staff(s, ps),
                            dl.funnel_by_launch(ps))


def _unpaid(s: Session, actor: Actor, launches: Sequence[Launch]) -> list[UnpaidLock]:
    out: list[UnpaidLock] = []
    for ln in launches:
        terms = _row(s, ln).terms
        held = dict(s.execute(
            select(LaunchDeposit.customer_id, func.sum(LaunchDeposit.amount))
            .where(LaunchDeposit.launch_id == ln.id).group_by(LaunchDeposit.customer_id)
            .having(func.sum(LaunchDeposit.amount) > 0)).all())
        if not held:
            continue
        dealt = set(s.scalars(select(LaunchPayment.customer_id).where(
            LaunchPayment.launch_id == ln.id, LaunchPayment.kind == PaymentKind.BALANCE)))
        locks = {}
        for cid, sid, at in s.execute(
                select(LaunchDeposit.customer_id, LaunchDeposit.staff_id, LaunchDeposit.at)
                .where(LaunchDeposit.launch_id == ln.id,
                       LaunchDeposit.customer_id.in_(list(held)),
                       LaunchDeposit.kind == DepositKind.DEPOSIT)
                .order_by(LaunchDeposit.id)):
            locks[cid] = (sid, at.date())  # the latest lock (a re-lock after a cancel)
        holders = [dl.LockHolder(cid, locks[cid][0], locks[cid][1], int(h), cid in dealt)
                   for cid, h in held.items()]
        unpaid = dl.locked_not_paid(terms, holders)
        cnames = _names(s, Customer, {u.customer_id for u in unpaid})
        snames = _names(s, Staff, {u.staff_id for u in unpaid if u.staff_id is not None})
        for u in unpaid:
            n, phone = cnames.get(u.customer_id, ("", ""))
            out.append(UnpaidLock(ln.id, ln.name, u.customer_id, n, phone, u.staff_id,
                                  snames.get(u.staff_id, ("", ""))[0] if u.staff_id else "",
                                  u.locked_on, ln.lock_deadline, u.held, u.due))
    out.sort(key=lambda u: (u.locked_on, u.launch_id, u.customer_id))
    return out


def locked_unpaid(db: Database, actor: Actor, launch_id: int | None = None) -> list[UnpaidLock]:
    """Customers holding a deposit who have not paid in full, oldest lock first: for the
    follow-up engine's "locked deposit not paid" rule and the launch page. Launches in draft
    hold no deposits; open and closed launches both count."""
    audit.require(db, actor, Permission.LAUNCHES_RECORD, "launch.view")
    with db.read() as s:
        q = select(Launch).where(Launch.store_id == actor.store_id,
                                 Launch.status != LaunchStatus.DRAFT.value)
        if launch_id is not None:
            q = q.where(Launch.id == launch_id)
        return _unpaid(s, actor, list(s.scalars(q.order_by(Launch.id))))


def _waiting_rows(s: Session, ln: Launch) -> list[WaitingRow]:
    live = _waitlist(s, ln.id)
    cn = _names(s, Customer, {w.customer_id for w in live})
    sn = _names(s, Staff, {w.staff_id for w in live if w.staff_id is not None})
    return [WaitingRow(i + 1, w.customer_id, *cn.get(w.customer_id, ("", "")),
                       sn.get(w.staff_id, ("", ""))[0] if w.staff_id else "", w.at,
                       w.status == "offered") for i, w in enumerate(live)]


def waiting_list(db: Database, actor: Actor, launch_id: int) -> list[WaitingRow]:
    audit.require(db, actor, Permission.LAUNCHES_RECORD, "launch.view")
    with db.read() as s:
        return _waiting_rows(s, _launch(s, actor, launch_id))


def participants(db: Database, actor: Actor, launch_id: int) -> list[ParticipantRow]:
    """Everyone who entered, locked, dealt or waits in this launch, latest activity first."""
    audit.require(db, actor, Permission.LAUNCHES_RECORD, "launch.view")
    with db.read() as s:
        ln = _launch(s, actor, launch_id)
        info: dict[int, dict] = {}

        def get(cid: int) -> dict:
            return info.setdefault(cid, {"entered": False, "fee": 0, "held": 0, "dealt": False,
                                         "locked": False, "staff": None, "at": None})

        def touch(d: dict, sid: int | None, at: datetime) -> None:
            d["staff"] = d["staff"] if d["staff"] is not None else sid
            d["at"] = at if d["at"] is None or at > d["at"] else d["at"]

        for p in s.scalars(select(LaunchPayment).where(LaunchPayment.launch_id == ln.id)
                           .order_by(LaunchPayment.id)):
            d = get(p.customer_id)
            touch(d, p.staff_id, p.at)
            if p.kind == PaymentKind.ENTRY:
                d["entered"], d["fee"] = True, d["fee"] + p.amount
            elif p.kind == PaymentKind.ENTRY_REFUND:
                d["fee"] += p.amount
            else:
                d["dealt"] = True
        for e in s.scalars(select(LaunchDeposit).where(LaunchDeposit.launch_id == ln.id)
                           .order_by(LaunchDeposit.id)):
            d = get(e.customer_id)
            touch(d, e.staff_id, e.at)
            d["held"] += e.amount
            d["locked"] = d["locked"] or e.kind == DepositKind.DEPOSIT
        waiting = {w.customer_id: w for w in _waitlist(s, ln.id)}
        for w in waiting.values():
            touch(get(w.customer_id), w.staff_id, w.at)
        cn = _names(s, Customer, set(info))
        sn = _names(s, Staff, {d["staff"] for d in info.values() if d["staff"] is not None})
        out = []
        for cid, d in info.items():
            if d["dealt"]:
                step = "dealt"
            elif d["held"] > 0:
                step = "locked"
            elif cid in waiting:
                step = "waiting"
            elif d["locked"]:
                step = "cancelled"
            else:
                step = "entered"
            n, phone = cn.get(cid, ("", ""))
            out.append(ParticipantRow(cid, n, phone,
                                      sn.get(d["staff"], ("", ""))[0] if d["staff"] else "",
                                      d["entered"], d["fee"], d["held"], d["dealt"], step,
                                      d["at"]))
        out.sort(key=lambda r: (r.last_at, r.customer_id), reverse=True)
        return out


def launch_summary(db: Database, actor: Actor, launch_id: int) -> LaunchSummary:
    """Everything the launch's summary PDF shows, computed in one read."""
    audit.require(db, actor, Permission.LAUNCHES_RECORD, "launch.view")
    from opsdesk.db.models import Store

    with db.read() as s:
        ln = _launch(s, actor, launch_id)
        ps = _participants(s, [ln.id])
        money = _money(s, [ln.id])[ln.id]
        early = s.scalar(select(func.count()).select_from(LaunchDeposit).where(
            LaunchDeposit.launch_id == ln.id, LaunchDeposit.kind == DepositKind.DEPOSIT,
            LaunchDeposit.early.is_(True))) or 0
        refunds = (s.scalar(select(func.count(func.distinct(LaunchDeposit.operation_id))).where(
            LaunchDeposit.launch_id == ln.id,
            LaunchDeposit.kind.in_((DepositKind.REFUND, DepositKind.FORFEITED)))) or 0) + (
            s.scalar(select(func.count()).select_from(LaunchPayment).where(
                LaunchPayment.launch_id == ln.id,
                LaunchPayment.kind == PaymentKind.ENTRY_REFUND)) or 0)
        store = s.get(Store, actor.store_id)
        return LaunchSummary(
            _row(s, ln), store.name if store else "", dl.funnel_from_participants(ps),
            _by_staff(s, ps), money, _locks_held(s, ln.id), int(early), int(refunds),
            tuple(_unpaid(s, actor, [ln])), tuple(_waiting_rows(s, ln)), clock.now())


def deposit_ledger_problems(s: Session, limit: int = 20) -> list[str]:
    """For ``opsdesk check``: every launch's deposit ledger replays in posting order without a
    malformed entry or a held balance below zero, and holds no more than one deposit at a time."""
    problems: list[str] = []
    rows = s.execute(select(LaunchDeposit.launch_id, LaunchDeposit.customer_id, LaunchDeposit.id,
                            LaunchDeposit.kind, LaunchDeposit.amount)
                     .order_by(LaunchDeposit.launch_id, LaunchDeposit.id))
    current, entries, ids = None, [], []

    def flush() -> None:
        if current is None or not entries:
            return
        try:
            dl.verify_deposit_ledger(entries)
        except ValidationError as e:
            i = int(e.params.get("index", 0))
            what = ("takes the held deposit below zero" if e.code == "launch.ledger_negative"
                    else "is malformed")
            problems.append(f"launch {current}: deposit entry {ids[i]} {what}")

    for lid, cid, eid, kind, amount in rows:
        if lid != current:
            flush()
            current, entries, ids = lid, [], []
        k = DepositKind(kind) if kind in DepositKind._value2member_map_ else kind
        entries.append(DepositEntry(k, cid, amount))  # type: ignore[arg-type]
        ids.append(eid)
        if len(problems) >= limit:
            break
    flush()
    return problems[:limit]


__all__ = ["CustomerPosition", "FunnelReport", "FunnelRow", "LaunchInput", "LaunchListRow",
           "LaunchOpResult", "LaunchRow", "LaunchSummary", "ParticipantRow", "UnpaidLock",
           "WaitingRow", "cancel_lock", "create_launch", "customer_position",
           "deposit_ledger_problems", "funnel_report", "get_launch", "launch_summary",
           "leave_waitlist", "list_launches", "locked_unpaid", "participants", "record_deal",
           "record_entry", "record_lock", "refund_entry", "set_status", "update_launch",
           "waiting_list"]

