"""Stored value (储值): the rules of an append-only ledger kept in two parts.

Every entry changes two numbers, in fen: the **principal** (本金, money the customer paid in and
may have back) and the **bonus** (赠送金, credit the shop gave away, never paid out). The balance
is the sum of the entries; nothing is ever edited or deleted. The database stores the entries; the
functions here decide what an operation posts, or refuse it.

=========  ==================  ==================  =========================================
kind       principal           bonus               posted by
=========  ==================  ==================  =========================================
TOPUP      > 0                 0                   :func:`topup_entries`
BONUS      0                   > 0                 :func:`topup_entries` (bracket of the tier)
SPEND      <= 0                <= 0, not both 0    :func:`spend_entry`
REFUND     < 0                 <= 0                :func:`refund_entry` (bonus forfeited)
ADJUST     any                 any, not both 0     :func:`adjustment_entry`, reason required
REVERSAL   any                 any, not both 0     :func:`reversal_entries`, the exact negation
=========  ==================  ==================  =========================================

Spending draws **in proportion** to the current principal : bonus ratio, split with
:func:`opsdesk.domain.money.split` (largest remainder, so the two parts add up to the amount to the
fen; a tie goes to the principal). Why this rule rather than bonus-first or principal-first:

* it cannot be gamed by either side. Bonus-first lets a customer top up 1,000 (bonus 200), spend
  200, and get the whole 1,000 back: 200 of goods for free. Principal-first makes the shop's refund
  liability shrink faster than the customer expects, a common complaint about prepaid cards;
* every yuan spent is then the same mix of paid and gift money, which is how the gift is accounted
  for (a discount on what is consumed) and what the member profile can explain in one sentence.

A **refund** pays back principal, never bonus, and at most the principal remaining (which, as
spending and refunds only lower it, never exceeds what was paid in). The bonus that came with the
refunded principal is forfeited with it: refunding ``r`` of a principal ``P`` also removes
``bonus × r / P`` (rounded half up), so the remaining balance keeps its ratio; refunding all the
principal removes all the bonus. Because spending is proportional, the ratio is still the one the
top-ups created, so this is exactly "the bonus of the refunded top-ups". A refund is not tied to a
particular top-up: once mixed by proportional spending, money in a card has no identity.

A **reversal** corrects a mistaken operation (wrong amount typed, spend on the wrong card): it
negates every entry of that operation exactly. A spend paid back because goods were returned is a
reversal of that spend, which also restores its bonus part. Reversing a reversal is refused; post
the operation again instead. The database links each reversal row to the row it negates.

An **adjustment** is the owner's correction of last resort (permission is checked by the service);
it needs a reason.

No operation may leave either part below zero.

Error codes (``ValidationError.code``):

* ``money.invalid`` / ``money.zero`` / ``money.negative`` / ``money.too_large`` (``field="amount"``
  or, for adjustments, ``"principal"`` / ``"bonus"``).
* ``stored_value.insufficient`` - params ``part`` (``"total"``, ``"principal"`` or ``"bonus"``),
  ``available``, ``requested``.
* ``stored_value.refund_exceeds_principal`` - param ``max`` (the principal that can be refunded).
* ``stored_value.nothing_to_refund`` - the principal is zero.
* ``stored_value.reason_required`` (``field="reason"``), and the ``text.*`` codes of a reason that
  is too long or holds control characters.
* ``stored_value.zero_adjustment`` - both parts of an adjustment are zero.
* ``stored_value.cannot_reverse`` - param ``kind``: reversing a reversal, or nothing to reverse.
* ``stored_value.bad_entry`` - params ``index``, ``kind``: an entry breaks the sign table above.
* ``stored_value.ledger_negative`` - params ``index``, ``part``: the running balance went below
  zero (raised by :func:`verify_ledger`, for ``opsdesk check``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from typing import NamedTuple

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.money import apply_rate, check_amount, split
from opsdesk.domain.text import clean_text
from opsdesk.domain.tiers import Tier, bonus_for_topup

REASON_MAX = 200


class EntryKind(StrEnum):
    TOPUP = "topup"
    BONUS = "bonus"
    SPEND = "spend"
    REFUND = "refund"
    ADJUST = "adjust"
    REVERSAL = "reversal"


_KINDS = frozenset(k.value for k in EntryKind)


@dataclass(frozen=True)
class Entry:
    """One ledger row's amounts: signed changes, in fen, to the two parts."""

    kind: EntryKind
    principal: int
    bonus: int
    reason: str = ""

    @property
    def total(self) -> int:
        return self.principal + self.bonus


@dataclass(frozen=True)
class Balance:
    principal: int = 0
    bonus: int = 0

    @property
    def total(self) -> int:
        return self.principal + self.bonus

    def apply(self, entry: Entry) -> Balance:
        return Balance(self.principal + entry.principal, self.bonus + entry.bonus)


class TopUpPlan(NamedTuple):
    principal: int
    bonus: int


class SpendPlan(NamedTuple):
    from_principal: int
    from_bonus: int


class RefundPlan(NamedTuple):
    principal: int  # paid back to the customer
    bonus_forfeited: int  # removed from the card with it


def balance(entries: Iterable[Entry]) -> Balance:
    """The sum of the entries, part by part."""
    p = b = 0
    for e in entries:
        p += e.principal
        b += e.bonus
    return Balance(p, b)


# ----------------------------------------------------------------------------- top-up


def plan_topup(amount: int, tier: Tier | None) -> TopUpPlan:
    """Principal and bonus credited for a top-up of ``amount`` paid in.

    ``tier`` decides the bonus bracket. The service should pass the tier the member holds after
    the upgrade this very top-up triggers (``tiers.evaluate_upgrade`` with ``this_topup``): the
    shop's poster says "top up 10,000, become a partner and get 3,000", and the customer expects
    the partner bracket for the top-up that made them a partner."""
    check_amount(amount, allow_zero=False, field="amount")
    return TopUpPlan(amount, bonus_for_topup(tier, amount))


def topup_entries(amount: int, tier: Tier | None) -> tuple[Entry, ...]:
    """The TOPUP entry, then a BONUS entry if a bracket applies: two rows, so a report can list
    paid-in money and given-away credit without arithmetic."""
    plan = plan_topup(amount, tier)
    entries = [Entry(EntryKind.TOPUP, plan.principal, 0)]
    if plan.bonus:
        entries.append(Entry(EntryKind.BONUS, 0, plan.bonus))
    return tuple(entries)


# ----------------------------------------------------------------------------- spend


def plan_spend(current: Balance, amount: int) -> SpendPlan:
    """How ``amount`` is drawn: in proportion to principal : bonus, parts summing to ``amount``."""
    check_amount(amount, allow_zero=False, field="amount")
    if amount > current.total:
        raise ValidationError("stored_value.insufficient", field="amount", part="total",
                              available=current.total, requested=amount)
    p, b = split(amount, [current.principal, current.bonus])
    return SpendPlan(p, b)


def spend_entry(current: Balance, amount: int) -> Entry:
    plan = plan_spend(current, amount)
    return Entry(EntryKind.SPEND, -plan.from_principal, -plan.from_bonus)


# ----------------------------------------------------------------------------- refund


def plan_refund(current: Balance, amount: int | None = None) -> RefundPlan:
    """Pay back ``amount`` of principal (``None``: all of it, closing the card's paid part) and
    forfeit the bonus in the same proportion (see the module docstring)."""
    if current.principal <= 0:
        raise ValidationError("stored_value.nothing_to_refund", field="amount")
    if amount is None:
        amount = current.principal
    check_amount(amount, allow_zero=False, field="amount")
    if amount > current.principal:
        raise ValidationError("stored_value.refund_exceeds_principal", field="amount",
                              max=current.principal)
    forfeited = apply_rate(current.bonus, Fraction(amount, current.principal))
    return RefundPlan(amount, forfeited)


def refund_entry(current: Balance, amount: int | None = None) -> Entry:
    plan = plan_refund(current, amount)
    return Entry(EntryKind.REFUND, -plan.principal, -plan.bonus_forfeited)


# ----------------------------------------------------------------------------- corrections


def _not_below_zero(after: Balance, before: Balance, *, part_is_field: bool) -> None:
    for part in ("principal", "bonus"):
        if getattr(after, part) < 0:
            raise ValidationError("stored_value.insufficient",
                                  field=part if part_is_field else None, part=part,
                                  available=getattr(before, part),
                                  requested=getattr(before, part) - getattr(after, part))


def adjustment_entry(current: Balance, principal: int, bonus: int, reason: str | None) -> Entry:
    """An owner's signed correction of either part. The reason is kept on the row."""
    text = clean_text(reason, field="reason", max_len=REASON_MAX)
    if not text:
        raise ValidationError("stored_value.reason_required", field="reason")
    check_amount(principal, allow_negative=True, field="principal")
    check_amount(bonus, allow_negative=True, field="bonus")
    if principal == 0 and bonus == 0:
        raise ValidationError("stored_value.zero_adjustment", field="principal")
    entry = Entry(EntryKind.ADJUST, principal, bonus, text)
    _not_below_zero(current.apply(entry), current, part_is_field=True)
    return entry


def reversal_entries(current: Balance, originals: Sequence[Entry],
                     reason: str | None = None) -> tuple[Entry, ...]:
    """The entries that undo one operation (all its ``originals``), in the same order.

    Refused when the operation is itself a reversal, or when undoing it would take a part below
    zero (a top-up already spent: refund what is left instead)."""
    if not originals:
        raise ValidationError("stored_value.cannot_reverse", kind="")
    text = clean_text(reason, field="reason", max_len=REASON_MAX)
    out = []
    after = current
    for e in originals:
        if e.kind is EntryKind.REVERSAL:
            raise ValidationError("stored_value.cannot_reverse", kind=str(e.kind))
        r = Entry(EntryKind.REVERSAL, -e.principal, -e.bonus, text)
        after = after.apply(r)
        _not_below_zero(after, current, part_is_field=False)
        out.append(r)
    return tuple(out)


# ----------------------------------------------------------------------------- checks


def _well_formed(e: Entry) -> bool:
    p, b = e.principal, e.bonus
    if any(isinstance(x, bool) or not isinstance(x, int) for x in (p, b)):
        return False
    match e.kind:
        case EntryKind.TOPUP:
            return p > 0 and b == 0
        case EntryKind.BONUS:
            return p == 0 and b > 0
        case EntryKind.SPEND:
            return p <= 0 and b <= 0 and (p, b) != (0, 0)
        case EntryKind.REFUND:
            return p < 0 and b <= 0
        case EntryKind.ADJUST:
            return (p, b) != (0, 0) and bool((e.reason or "").strip())
        case EntryKind.REVERSAL:
            return (p, b) != (0, 0)
    return False


def verify_ledger(entries: Iterable[Entry]) -> Balance:
    """Replay a ledger in posting order: every entry must follow the sign table and neither part
    of the running balance may go below zero. Returns the balance (for ``opsdesk check`` to
    compare with a cached one)."""
    current = Balance()
    for i, e in enumerate(entries):
        # Rows read back from the database carry the kind as a plain string.
        if str(e.kind) not in _KINDS or not _well_formed(e):
            raise ValidationError("stored_value.bad_entry", index=i, kind=str(e.kind))
        current = current.apply(e)
        for part in ("principal", "bonus"):
            if getattr(current, part) < 0:
                raise ValidationError("stored_value.ledger_negative", index=i, part=part)
    return current
