"""Launches (发售体系): pre-selling a new product in three counts, entry → lock → deal.

A launch sells something before it exists. A customer may pay an **entry fee** (进入量: to learn
about it), then a **deposit** (锁定量: to reserve a place), then the **rest of the price**
(成交量: the deal). This module holds the rules; the database keeps the records.

Terms (:class:`LaunchTerms`, built and checked by :func:`make_terms`)
----------------------------------------------------------------------
* amounts in fen: ``entry_fee >= 0`` (0: free entry), ``deposit > 0``, ``price > 0`` and
  ``deposit <= price``. A deposit equal to the price is allowed: the lock is then the whole payment
  and the deal has nothing left to pay (it only turns the deposit into revenue).
* ``capacity``: the most locks held at once, ``None`` for no limit, otherwise ``>= 1``.
* dates: ``entry_opens <= lock_deadline < delivery``. The deadline may be the opening day (a
  one-day launch) but must fall before delivery, so that "on or before the deadline" and "on or
  after delivery" never describe the same day.
* ``requires_lock``: a deal is only possible for a customer holding a lock.
* two :class:`RefundRule` s, one for entry fees and one for deposits.

Statuses and what they allow
----------------------------
``draft -> open``, ``draft -> closed`` (abandoned before opening), ``open -> closed``. Nothing
else: a second wave is a new launch, so a closed launch's figures never move again except by the
payments it still owes.

==========  ========================================================================
status      allowed (:func:`check_action`)
==========  ========================================================================
draft       nothing
open        entry and lock on ``entry_opens <= day <= lock_deadline``; deal from
            ``entry_opens`` on (with a lock when ``requires_lock``); refunds
closed      deal for a customer holding a lock (the shop still wants the final
            payment), refunds
==========  ========================================================================

Refund rules (:class:`RefundRule`)
----------------------------------
A rule gives the share of the amount at stake that may be paid back, by *refund window* of the
day the refund is made (:func:`refund_window`):

* ``until_deadline``: on or before the lock deadline (the deadline day itself included);
* ``after_deadline``: after the deadline and before the delivery day;
* from the delivery day on: nothing, ever (the product exists; a return is a sale matter).

``0 <= after_deadline <= until_deadline <= 1``: a refund never grows as delivery nears. Presets:
:data:`NON_REFUNDABLE` (0, 0), :data:`REFUNDABLE_UNTIL_DEADLINE` (1, 0, the default for entry
fees), :data:`DEFAULT_DEPOSIT_REFUND` (1, 1/2: full refund until the deadline, half after).
The refundable amount is ``round_half_up(amount × share)``. The owner may override the rule
(``override=True``; the service checks the permission), but never beyond what was paid.

Entry fee refund (:func:`entry_fee_refund`): at stake is ``paid - refunded_so_far`` for that
customer; the allowed refund is ``round_half_up(paid × share) - refunded_so_far`` (at least 0), so
several partial refunds can never add up to more than one full refund under the rule.

Deposit ledger
--------------
Deposits are held in their own append-only ledger, one signed :class:`DepositEntry` per movement,
per customer of one launch:

=========  ========  ==============================================  ==========================
kind       amount    meaning                                         posted by
=========  ========  ==============================================  ==========================
DEPOSIT    > 0       the customer pays the deposit: a lock           :func:`lock_entry`
REFUND     < 0       paid back on cancelling the lock                :func:`cancel_lock_entries`
FORFEITED  < 0       kept by the shop under the rule (revenue)       :func:`cancel_lock_entries`
APPLIED    < 0       the deposit becomes part of the deal (revenue)  :func:`deal_entries`
=========  ========  ==============================================  ==========================

``held`` (the balance) = the sum of the amounts, never below zero. A customer **holds a lock**
while ``held > 0``. The deposit is paid in one payment of exactly the launch's deposit, and a lock
ends only as a whole (cancelled: refund + forfeit; or dealt: applied), so ``held`` is always 0 or
that deposit and the ledger never carries half-locks. Cancelling refunds
``round_half_up(held × share)`` by default (less if asked; the difference is forfeited) so the
held balance returns to 0 and the customer may lock again later.

Deal: the customer pays ``amount_due_for_deal = price - held`` and the held deposit is APPLIED.

Capacity and the waiting list
-----------------------------
At most ``capacity`` locks are held at once. A customer who asks when the launch is full pays
nothing and gets a waiting-list position (:func:`lock_or_waitlist`): nothing is collected that may
never be used. When a lock ends by refund a seat frees and the first on the list is offered it
(:func:`promote_from_waitlist`, first come first served); the caller counts an offered seat as
taken until it is paid or declined.

Funnel
------
Counts are of distinct customers who **reached at least** a step: a customer who locked without
paying an entry fee has still entered, a deal without a lock (launch without ``requires_lock``)
has still passed the lock step, and a lock later cancelled still counts as a lock (the step was
reached). Then ``deals <= locks <= entries`` and each conversion lies in ``[0, 1]``:

* ``entry_to_lock = locks / entries``, ``lock_to_deal = deals / locks``,
  ``entry_to_deal = deals / entries``; ``None`` when the denominator is 0 (no rate, not 0 %).

Error codes (``ValidationError.code``: suggested English message; params)
-------------------------------------------------------------------------
* ``money.invalid`` / ``money.negative`` / ``money.zero`` / ``money.too_large`` (fields
  ``entry_fee``, ``deposit``, ``price``, ``amount``), from :func:`opsdesk.domain.money.check_amount`.
* ``launch.deposit_over_price``: "The deposit cannot be larger than the full price."
  (``deposit``, ``price``)
* ``launch.capacity_invalid``: "Capacity must be a whole number of at least 1, or empty for no
  limit." (``value``)
* ``launch.dates_out_of_order``: "This date must come after {after}." — field ``lock_deadline``
  (``after="entry_opens"``, on or after) or ``delivery`` (``after="lock_deadline"``, strictly).
* ``launch.refund_share_invalid``: "Refund shares must lie between 0 and 100 %, and the share
  after the deadline cannot exceed the share before it." (``until_deadline``, ``after_deadline``)
* ``launch.bad_transition``: "A {from_status} launch cannot become {to_status}."
  (``from_status``, ``to_status``)
* ``launch.not_open``: "This launch is {status}: {action} is not possible." (``status``,
  ``action``)
* ``launch.not_yet_open``: "Entries open on {opens}." (``opens``)
* ``launch.lock_deadline_passed``: "The lock deadline ({deadline}) has passed."
  (``deadline``)
* ``launch.lock_required``: "This launch requires a lock (a paid deposit) before the full
  payment."
* ``launch.already_locked``: "This customer already holds a lock on this launch." (``held``)
* ``launch.nothing_to_refund``: "Nothing has been paid that could be refunded."
* ``launch.refund_exceeds_paid``: "The refund cannot exceed what was paid ({max})." (``max``)
* ``launch.refund_not_allowed``: "The launch's refund rule allows at most {max} now."
  (``max``, ``window``)
* ``launch.count_invalid``: "Counts must be whole numbers of at least 0." (``value``)
* ``launch.bad_entry``: "Deposit ledger entry {index} is malformed." (``index``, ``kind``)
* ``launch.ledger_negative``: "The deposit held for customer {customer_id} went below zero at
  entry {index}." (``index``, ``customer_id``)
* ``targets.invalid_number`` (field ``until_deadline`` / ``after_deadline``): a share that is
  not a number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction
from typing import TypeVar

from opsdesk.domain.errors import Collector, ValidationError
from opsdesk.domain.money import apply_rate, check_amount, round_half_up
from opsdesk.domain.targets import Number, as_fraction

T = TypeVar("T")


# ----------------------------------------------------------------------------- statuses


class LaunchStatus(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


TRANSITIONS: Mapping[LaunchStatus, frozenset[LaunchStatus]] = {
    LaunchStatus.DRAFT: frozenset({LaunchStatus.OPEN, LaunchStatus.CLOSED}),
    LaunchStatus.OPEN: frozenset({LaunchStatus.CLOSED}),
    LaunchStatus.CLOSED: frozenset(),
}


def check_transition(current: LaunchStatus, new: LaunchStatus) -> LaunchStatus:
    """Allow ``current -> new`` only along :data:`TRANSITIONS`; returns ``new``."""
    if new not in TRANSITIONS[LaunchStatus(current)]:
        raise ValidationError("launch.bad_transition", field="status",
                              from_status=str(current), to_status=str(new))
    return LaunchStatus(new)


class Action(StrEnum):
    ENTRY = "entry"
    LOCK = "lock"
    DEAL = "deal"
    REFUND = "refund"


# ----------------------------------------------------------------------------- terms


@dataclass(frozen=True)
class RefundRule:
    """Share of the amount at stake refundable in each window (see the module docstring)."""

    until_deadline: Fraction
    after_deadline: Fraction

    def share(self, window: RefundWindow) -> Fraction:
        if window is RefundWindow.UNTIL_DEADLINE:
            return self.until_deadline
        if window is RefundWindow.AFTER_DEADLINE:
            return self.after_deadline
        return Fraction(0)


def refund_rule(until_deadline: Number, after_deadline: Number, *,
                field: str | None = None) -> RefundRule:
    """A :class:`RefundRule` from two shares (``"0.5"``, ``Fraction(1, 2)``; 1 = 100 %), checked
    for ``0 <= after_deadline <= until_deadline <= 1``."""
    u = as_fraction(until_deadline, field=field or "until_deadline")
    a = as_fraction(after_deadline, field=field or "after_deadline")
    if not 0 <= a <= u <= 1:
        raise ValidationError("launch.refund_share_invalid", field=field,
                              until_deadline=str(u), after_deadline=str(a))
    return RefundRule(u, a)


NON_REFUNDABLE = RefundRule(Fraction(0), Fraction(0))
REFUNDABLE_UNTIL_DEADLINE = RefundRule(Fraction(1), Fraction(0))
DEFAULT_DEPOSIT_REFUND = RefundRule(Fraction(1), Fraction(1, 2))


@dataclass(frozen=True)
class LaunchTerms:
    entry_fee: int
    deposit: int
    price: int
    capacity: int | None
    entry_opens: date
    lock_deadline: date
    delivery: date
    requires_lock: bool = True
    entry_fee_refund: RefundRule = REFUNDABLE_UNTIL_DEADLINE
    deposit_refund: RefundRule = DEFAULT_DEPOSIT_REFUND


def _check_capacity(capacity: int | None) -> int | None:
    if capacity is None:
        return None
    if isinstance(capacity, bool) or not isinstance(capacity, int) or capacity < 1:
        raise ValidationError("launch.capacity_invalid", field="capacity", value=str(capacity))
    return capacity


def _check_rule(rule: RefundRule, field: str) -> RefundRule:
    return refund_rule(rule.until_deadline, rule.after_deadline, field=field)


def make_terms(
    *,
    entry_fee: int,
    deposit: int,
    price: int,
    capacity: int | None,
    entry_opens: date,
    lock_deadline: date,
    delivery: date,
    requires_lock: bool = True,
    entry_fee_refund: RefundRule = REFUNDABLE_UNTIL_DEADLINE,
    deposit_refund: RefundRule = DEFAULT_DEPOSIT_REFUND,
) -> LaunchTerms:
    """Check every field at once (one :class:`~opsdesk.domain.errors.FieldErrors` naming all that
    fail) and return the terms. The rules are those of the module docstring."""
    c = Collector()
    c.take("entry_fee", check_amount, entry_fee, field="entry_fee")
    dep = c.take("deposit", check_amount, deposit, allow_zero=False, field="deposit")
    pr = c.take("price", check_amount, price, allow_zero=False, field="price")
    if dep is not None and pr is not None and dep > pr:
        c.take("deposit", _raise, "launch.deposit_over_price", "deposit", deposit=dep, price=pr)
    c.take("capacity", _check_capacity, capacity)
    if lock_deadline < entry_opens:
        c.take("lock_deadline", _raise, "launch.dates_out_of_order", "lock_deadline",
               after="entry_opens")
    if delivery <= lock_deadline:
        c.take("delivery", _raise, "launch.dates_out_of_order", "delivery", after="lock_deadline")
    fee_rule = c.take("entry_fee_refund", _check_rule, entry_fee_refund, "entry_fee_refund")
    dep_rule = c.take("deposit_refund", _check_rule, deposit_refund, "deposit_refund")
    c.done()
    return LaunchTerms(entry_fee, deposit, price, capacity, entry_opens, lock_deadline, delivery,
                       bool(requires_lock), fee_rule, dep_rule)


def _raise(code: str, field: str, **params: object) -> None:
    raise ValidationError(code, field=field, **params)


def check_action(terms: LaunchTerms, status: LaunchStatus, action: Action, on: date, *,
                 holds_lock: bool = False) -> None:
    """Refuse ``action`` on day ``on`` unless the status table of the module docstring allows it.

    ``holds_lock``: the customer's held deposit is above zero."""
    status = LaunchStatus(status)
    action = Action(action)
    if status is LaunchStatus.DRAFT or (
            status is LaunchStatus.CLOSED and action in (Action.ENTRY, Action.LOCK)):
        raise ValidationError("launch.not_open", status=str(status), action=str(action))
    if action is Action.REFUND:
        return
    if action is Action.DEAL:
        if (terms.requires_lock or status is LaunchStatus.CLOSED) and not holds_lock:
            raise ValidationError("launch.lock_required")
        if on < terms.entry_opens:
            raise ValidationError("launch.not_yet_open", opens=terms.entry_opens.isoformat())
        return
    if on < terms.entry_opens:
        raise ValidationError("launch.not_yet_open", opens=terms.entry_opens.isoformat())
    if on > terms.lock_deadline:
        raise ValidationError("launch.lock_deadline_passed",
                              deadline=terms.lock_deadline.isoformat())


# ----------------------------------------------------------------------------- refunds


class RefundWindow(StrEnum):
    UNTIL_DEADLINE = "until_deadline"
    AFTER_DEADLINE = "after_deadline"
    DELIVERED = "delivered"


def refund_window(terms: LaunchTerms, on: date) -> RefundWindow:
    """``on <= lock_deadline``: until the deadline; ``on < delivery``: after it; else delivered."""
    if on <= terms.lock_deadline:
        return RefundWindow.UNTIL_DEADLINE
    if on < terms.delivery:
        return RefundWindow.AFTER_DEADLINE
    return RefundWindow.DELIVERED


def _choose_refund(at_stake: int, allowed: int, amount: int | None, override: bool,
                   window: RefundWindow, *, zero_ok: bool) -> int:
    if at_stake <= 0:
        raise ValidationError("launch.nothing_to_refund", field="amount")
    if amount is None:
        amount = at_stake if override else allowed
        if amount == 0 and not zero_ok:
            raise ValidationError("launch.refund_not_allowed", field="amount", max=0,
                                  window=str(window))
        return amount
    check_amount(amount, allow_zero=zero_ok, field="amount")
    if amount > at_stake:
        raise ValidationError("launch.refund_exceeds_paid", field="amount", max=at_stake)
    if amount > allowed and not override:
        raise ValidationError("launch.refund_not_allowed", field="amount", max=allowed,
                              window=str(window))
    return amount


def entry_fee_refund(terms: LaunchTerms, paid: int, refunded_so_far: int, on: date,
                     amount: int | None = None, *, override: bool = False) -> int:
    """The entry fee to pay back on day ``on``.

    at stake = ``paid - refunded_so_far``;
    allowed = ``max(0, min(at stake, round_half_up(paid × share(window)) - refunded_so_far))``.
    ``amount=None`` asks for the allowed amount (everything at stake with ``override``)."""
    check_amount(paid, field="paid")
    check_amount(refunded_so_far, field="refunded_so_far")
    window = refund_window(terms, on)
    at_stake = paid - refunded_so_far
    allowed = max(0, min(at_stake, apply_rate(paid, terms.entry_fee_refund.share(window))
                         - refunded_so_far))
    return _choose_refund(at_stake, allowed, amount, override, window, zero_ok=False)


# ----------------------------------------------------------------------------- deposit ledger


class DepositKind(StrEnum):
    DEPOSIT = "deposit"
    REFUND = "refund"
    FORFEITED = "forfeited"
    APPLIED = "applied"


_DEPOSIT_KINDS = frozenset(k.value for k in DepositKind)


@dataclass(frozen=True)
class DepositEntry:
    """One deposit-ledger row: a signed change, in fen, of what the shop holds for a customer."""

    kind: DepositKind
    customer_id: int
    amount: int


@dataclass(frozen=True)
class DepositBalance:
    """Totals of one customer's deposit entries, each as a magnitude (>= 0)."""

    paid: int = 0
    refunded: int = 0
    forfeited: int = 0
    applied: int = 0

    @property
    def held(self) -> int:
        """``paid - refunded - forfeited - applied``: the deposit the shop still holds."""
        return self.paid - self.refunded - self.forfeited - self.applied

    def apply(self, entry: DepositEntry) -> DepositBalance:
        k, a = DepositKind(entry.kind), abs(entry.amount)
        return DepositBalance(
            self.paid + (a if k is DepositKind.DEPOSIT else 0),
            self.refunded + (a if k is DepositKind.REFUND else 0),
            self.forfeited + (a if k is DepositKind.FORFEITED else 0),
            self.applied + (a if k is DepositKind.APPLIED else 0),
        )


def deposit_balances(entries: Iterable[DepositEntry]) -> dict[int, DepositBalance]:
    """Per customer, the totals of their entries (in posting order)."""
    out: dict[int, DepositBalance] = {}
    for e in entries:
        out[e.customer_id] = out.get(e.customer_id, DepositBalance()).apply(e)
    return out


def lock_entry(terms: LaunchTerms, customer_id: int, current: DepositBalance) -> DepositEntry:
    """The DEPOSIT that makes a lock: exactly ``terms.deposit``, refused while one is held.
    Capacity is the caller's check (:func:`lock_or_waitlist`), made in the same transaction."""
    if current.held > 0:
        raise ValidationError("launch.already_locked", held=current.held)
    return DepositEntry(DepositKind.DEPOSIT, customer_id, terms.deposit)


def deposit_refundable(terms: LaunchTerms, current: DepositBalance, on: date) -> int:
    """``round_half_up(held × share(window of on))`` under the deposit rule."""
    return apply_rate(current.held, terms.deposit_refund.share(refund_window(terms, on)))


def cancel_lock_entries(terms: LaunchTerms, customer_id: int, current: DepositBalance, on: date,
                        amount: int | None = None, *,
                        override: bool = False) -> tuple[DepositEntry, ...]:
    """End a lock without a deal: REFUND ``amount`` (default: :func:`deposit_refundable`, which
    may be 0) and FORFEIT ``held - amount``, so ``held`` returns to 0. Zero-amount rows are left
    out. ``amount=0`` forfeits everything, which the rule always allows."""
    held = current.held
    refund = _choose_refund(held, deposit_refundable(terms, current, on), amount, override,
                            refund_window(terms, on), zero_ok=True)
    out = []
    if refund:
        out.append(DepositEntry(DepositKind.REFUND, customer_id, -refund))
    if held - refund:
        out.append(DepositEntry(DepositKind.FORFEITED, customer_id, -(held - refund)))
    return tuple(out)


@dataclass(frozen=True)
class DealPlan:
    due: int  # paid by the customer now: price - applied
    applied: int  # held deposit turned into revenue


def amount_due_for_deal(terms: LaunchTerms, held: int) -> int:
    """``price - held``: the deposit already paid counts toward the price."""
    check_amount(held, field="held")
    if held > terms.price:
        raise ValidationError("launch.deposit_over_price", field="deposit", deposit=held,
                              price=terms.price)
    return terms.price - held


def deal_entries(terms: LaunchTerms, customer_id: int,
                 current: DepositBalance) -> tuple[DealPlan, tuple[DepositEntry, ...]]:
    """The full payment: what the customer pays now, and the APPLIED entry that moves the held
    deposit into revenue (none when nothing is held). Refused without a lock when the launch
    requires one."""
    held = current.held
    if terms.requires_lock and held <= 0:
        raise ValidationError("launch.lock_required")
    plan = DealPlan(amount_due_for_deal(terms, max(held, 0)), max(held, 0))
    entries = (DepositEntry(DepositKind.APPLIED, customer_id, -held),) if held > 0 else ()
    return plan, entries


def _well_formed(e: DepositEntry) -> bool:
    a = e.amount
    if isinstance(a, bool) or not isinstance(a, int) or str(e.kind) not in _DEPOSIT_KINDS:
        return False
    return a > 0 if DepositKind(e.kind) is DepositKind.DEPOSIT else a < 0


def verify_deposit_ledger(entries: Iterable[DepositEntry]) -> dict[int, DepositBalance]:
    """Replay in posting order: every entry signed as in the table, no customer's held deposit
    below zero. Returns the balances (for ``opsdesk check``)."""
    out: dict[int, DepositBalance] = {}
    for i, e in enumerate(entries):
        if not _well_formed(e):
            raise ValidationError("launch.bad_entry", index=i, kind=str(e.kind))
        b = out.get(e.customer_id, DepositBalance()).apply(e)
        if b.held < 0:
            raise ValidationError("launch.ledger_negative", index=i, customer_id=e.customer_id)
        out[e.customer_id] = b
    return out


# ----------------------------------------------------------------------------- capacity


def _count(value: int, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError("launch.count_invalid", field=field, value=str(value))
    return value


@dataclass(frozen=True)
class LockPlace:
    locked: bool
    waitlist_position: int | None  # 1-based; None when locked


def seats_left(locks_held: int, capacity: int | None) -> int | None:
    """``max(0, capacity - locks_held)``; ``None`` for no limit."""
    _count(locks_held, "locks_held")
    return None if capacity is None else max(0, _check_capacity(capacity) - locks_held)


def lock_or_waitlist(locks_so_far: int, capacity: int | None,
                     waiting_so_far: int = 0) -> LockPlace:
    """A lock while ``locks_so_far < capacity`` (the seat that makes it exactly full included);
    otherwise position ``waiting_so_far + 1`` on the waiting list."""
    _count(waiting_so_far, "waiting_so_far")
    left = seats_left(locks_so_far, capacity)
    if left is None or left > 0:
        return LockPlace(True, None)
    return LockPlace(False, waiting_so_far + 1)


def promote_from_waitlist(waiting: Sequence[T], locks_held: int,
                          capacity: int | None) -> tuple[tuple[T, ...], tuple[T, ...]]:
    """``(offered, still_waiting)``: the first ``seats_left`` of ``waiting`` (in list order) are
    offered a seat; ``locks_held`` counts paid locks and seats offered but not yet answered."""
    left = seats_left(locks_held, capacity)
    n = len(waiting) if left is None else min(left, len(waiting))
    return tuple(waiting[:n]), tuple(waiting[n:])


# ----------------------------------------------------------------------------- funnel


def conversion(numerator: int, denominator: int) -> Fraction | None:
    """``numerator / denominator`` exactly; ``None`` when the denominator is 0."""
    _count(numerator, "numerator")
    _count(denominator, "denominator")
    return None if denominator == 0 else Fraction(numerator, denominator)


@dataclass(frozen=True)
class Funnel:
    entries: int
    locks: int
    deals: int

    @property
    def entry_to_lock(self) -> Fraction | None:
        return conversion(self.locks, self.entries)

    @property
    def lock_to_deal(self) -> Fraction | None:
        return conversion(self.deals, self.locks)

    @property
    def entry_to_deal(self) -> Fraction | None:
        return conversion(self.deals, self.entries)


def funnel(entries: int, locks: int, deals: int) -> Funnel:
    """A funnel from counts (each a whole number >= 0). Counts that do not nest (``locks >
    entries``) are kept as given: their rates then exceed 1, which shows the counts are wrong."""
    return Funnel(_count(entries, "entries"), _count(locks, "locks"), _count(deals, "deals"))


@dataclass(frozen=True)
class Participant:
    """What one customer did in one launch (plain values from the records)."""

    launch_id: int
    customer_id: int
    staff_id: int | None
    entered: bool
    locked: bool  # ever held a lock, even one cancelled later
    dealt: bool


def _merged(participants: Iterable[Participant]) -> list[Participant]:
    # One row per launch and customer is expected; several rows (one per event) are merged,
    # keeping the first staff member named, so a customer is never counted twice.
    seen: dict[tuple[int, int], Participant] = {}
    for p in participants:
        k = (p.launch_id, p.customer_id)
        q = seen.get(k)
        seen[k] = p if q is None else Participant(
            p.launch_id, p.customer_id, q.staff_id if q.staff_id is not None else p.staff_id,
            q.entered or p.entered, q.locked or p.locked, q.dealt or p.dealt)
    return list(seen.values())


def _reach(ps: Iterable[Participant]) -> Funnel:
    e = lk = d = 0
    for p in ps:
        d += p.dealt
        lk += p.locked or p.dealt
        e += p.entered or p.locked or p.dealt
    return Funnel(e, lk, d)


def funnel_from_participants(participants: Iterable[Participant]) -> Funnel:
    """Distinct customers reaching at least each step (module docstring): a deal counts as a
    lock and an entry, a lock as an entry."""
    return _reach(_merged(participants))


def _funnel_by(participants: Iterable[Participant],
               key: Callable[[Participant], int | None]) -> dict:
    groups: dict[int | None, list[Participant]] = {}
    for p in _merged(participants):
        groups.setdefault(key(p), []).append(p)
    return {k: _reach(v) for k, v in groups.items()}


def funnel_by_staff(participants: Iterable[Participant]) -> dict[int | None, Funnel]:
    """One funnel per staff member credited (``None``: nobody), over all launches given."""
    return _funnel_by(participants, lambda p: p.staff_id)


def funnel_by_launch(participants: Iterable[Participant]) -> dict[int, Funnel]:
    return _funnel_by(participants, lambda p: p.launch_id)


# ----------------------------------------------------------------------------- unpaid locks


@dataclass(frozen=True)
class LockHolder:
    """One customer's position in one launch (plain values from the records)."""

    customer_id: int
    staff_id: int | None
    locked_on: date
    held: int
    dealt: bool


@dataclass(frozen=True)
class Unpaid:
    customer_id: int
    staff_id: int | None
    locked_on: date
    held: int
    due: int  # price - held


def locked_not_paid(terms: LaunchTerms, holders: Iterable[LockHolder]) -> tuple[Unpaid, ...]:
    """Customers holding a lock (``held > 0``) without a deal, oldest lock first (then customer
    id), each with the amount still due (``price - held``)."""
    rows = [Unpaid(h.customer_id, h.staff_id, h.locked_on, h.held,
                   amount_due_for_deal(terms, h.held))
            for h in holders if h.held > 0 and not h.dealt]
    return tuple(sorted(rows, key=lambda u: (u.locked_on, u.customer_id)))


# ----------------------------------------------------------------------------- stored shares

BASIS_POINTS = 10_000  # 100 %


def share_to_bp(share: Number, *, field: str | None = None) -> int:
    """A refund share (1 = 100 %) in basis points, rounded half up: how the database keeps it."""
    return round_half_up(as_fraction(share, field=field or "share") * BASIS_POINTS)


def rule_from_bp(until_bp: int, after_bp: int) -> RefundRule:
    return RefundRule(Fraction(until_bp, BASIS_POINTS), Fraction(after_bp, BASIS_POINTS))


# ----------------------------------------------------------------------------- money


class PaymentKind(StrEnum):
    ENTRY = "entry"  # an entry fee, >= 0
    ENTRY_REFUND = "entry_refund"  # < 0
    BALANCE = "balance"  # the deal's payment of price - deposit, >= 0


@dataclass(frozen=True)
class LaunchMoney:
    """A launch's money, each figure a magnitude in fen (>= 0)."""

    entry_fees: int = 0
    entry_refunds: int = 0
    deposits_paid: int = 0
    deposits_refunded: int = 0
    deposits_forfeited: int = 0
    deposits_applied: int = 0
    balances: int = 0

    @property
    def deposits_held(self) -> int:
        """Paid in, neither paid back nor turned into revenue: a liability, not revenue."""
        return (self.deposits_paid - self.deposits_refunded - self.deposits_forfeited
                - self.deposits_applied)

    @property
    def revenue(self) -> int:
        """Entry fees kept + deposits forfeited + deposits applied to deals + balances paid."""
        return (self.entry_fees - self.entry_refunds + self.deposits_forfeited
                + self.deposits_applied + self.balances)

    @property
    def collected(self) -> int:
        """Money taken in less money paid back: ``revenue + deposits_held``."""
        return self.revenue + self.deposits_held


def launch_money(payments: Iterable[tuple[str, int]],
                 deposits: Iterable[DepositEntry]) -> LaunchMoney:
    """Totals of a launch's payment rows ``(kind, signed amount)`` and deposit entries."""
    fees = refunds = balances = 0
    for kind, amount in payments:
        k = PaymentKind(kind)
        if k is PaymentKind.ENTRY:
            fees += amount
        elif k is PaymentKind.ENTRY_REFUND:
            refunds -= amount
        else:
            balances += amount
    b = DepositBalance()
    for e in deposits:
        b = b.apply(e)
    return LaunchMoney(fees, refunds, b.paid, b.refunded, b.forfeited, b.applied, balances)


def card_refund_parts(amount: int, paid_principal: int, paid_bonus: int) -> tuple[int, int]:
    """Split a refund of ``amount`` back onto a stored-value card in the proportion the payment
    was drawn (principal, bonus), principal rounded half up, so the card gets back no more
    bonus than it gave. ``paid_*`` are magnitudes; ``amount <= paid_principal + paid_bonus``."""
    check_amount(amount, allow_zero=False, field="amount")
    total = paid_principal + paid_bonus
    if amount > total:
        raise ValidationError("launch.refund_exceeds_paid", field="amount", max=total)
    p = round_half_up(Fraction(amount * paid_principal, total))
    return p, amount - p


def offered_or_waiting_position(ids_in_order: Sequence[int], own_id: int) -> int:
    """1-based position of ``own_id`` in the waiting list (ids of live rows, oldest first)."""
    return list(ids_in_order).index(own_id) + 1
