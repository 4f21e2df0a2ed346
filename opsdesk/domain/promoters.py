"""Promoters (推广员): levels with commission plans, and the rules of the commission ledger.

A promoter is a customer who sells for the shop part-time. Their **level** carries a
:class:`CommissionPlan`; the commission on a referred customer's sale is computed when the sale
happens (:func:`accrue_sale`), posted to an append-only ledger, frozen for the refund window,
clawed back if the sale is refunded, and paid out in cash or stored value.

Plan and formulas
-----------------
* **Eligible sale**: a sale of a customer the promoter referred, on a day ``d`` with
  ``0 <= (d − registered_on).days <= window_days`` (``window_days = N``: the registration day and
  the N days after it; day N + 1 is out; ``None``: no limit). With ``scope = FIRST`` only the
  customer's first purchase is eligible; with ``ALL`` every purchase in the window. A sale dated
  before the registration is never eligible (the customer was not the promoter's yet).
* **Rates by monthly referred revenue**: ``brackets`` are the tiered rates of
  :mod:`opsdesk.domain.incentives` (half-open ``[lower, upper)`` in fen of the month's referred
  revenue, from 0, contiguous, the last open; ``0 <= rate <= 1``). A flat percentage is one
  bracket ``[0, ∞)``. ``C(x)`` is the commission on a month's eligible referred revenue ``x`` in
  the plan's mode, rounded once: STEP ``round_half_up(x × rate of the bracket x reaches)``,
  MARGINAL ``round_half_up(Σ slice × rate)`` (:func:`opsdesk.domain.incentives.compute_commission`).
* **Accrual of one sale** (rate part): ``C(before + amount) − C(before)``, where ``before`` is the
  eligible referred revenue already accrued earlier in the same calendar month. The accruals of a
  month therefore add up to ``C(month's eligible revenue)`` exactly, whatever the order of the
  sales: the rounding telescopes. With STEP, the sale that crosses into a higher bracket carries
  the catch-up for the month's earlier sales (the whole month is paid at the bracket reached);
  with MARGINAL each sale is paid for the slice of the month it fills.
* **Fixed amount per new member** (``per_new_member``): with ``member_bonus_on =
  FIRST_PURCHASE`` it is added to the accrual of the customer's first purchase if that purchase
  is inside the window (a registration that never buys earns nothing); with ``REGISTRATION`` it
  accrues on the registration day (:func:`registration_accrual`).
* **Refund window**: an accrual posted for a sale on day ``s`` is **frozen** until
  ``available_on = s + refund_window_days`` and **available** from that day on (the last day of
  the window, ``available_on − 1``, is still frozen). A window of 0 makes it available at once.
* **Clawback** (:func:`clawback_amount`) when the sale is refunded: cumulative and proportional,
  ``clawed(r) = round_half_up(rate_part × r / sale_amount)`` for refunds totalling ``r``, plus
  the new-member amount once the sale is refunded in full; one refund claws
  ``clawed(before + refund) − clawed(before)``. So a full refund, in one go or in parts, claws the
  accrual exactly, and partial clawbacks never add up to more. A refund does not re-tier the
  month: the month's bracket was settled when the sales accrued, and a month may already be paid.
* **Balances** (:func:`commission_balance`, as of a day, entries posted after it ignored), per
  source (the sale or registration an accrual belongs to), with ``net = accrual − clawbacks``:
  ``frozen = Σ net`` of sources whose ``available_on`` is after the day;
  ``available = Σ net`` of the other sources ``− paid``; ``paid = Σ payouts``. Hence always
  ``frozen + available + paid == accrued − clawed_back``.
* **Clawback after payout**: a clawback of a sale whose commission is available (or already paid
  out) lowers ``available``, which may go **negative**: the promoter then owes that amount, and it
  is offset against future commission as it becomes available. The shop never asks for the money
  back in cash, and no payout is possible while ``available <= 0``.
* **Payout** (:func:`plan_payout`): ``0 < amount <= available``; cash or stored value. Paid into
  stored value it is money the promoter earned, so the service posts it as principal (a
  ``TOPUP``), not as bonus.
* **Leaderboard** (:func:`leaderboard`): higher is better on the chosen figure; ties are broken by
  the other figures in the order referred revenue, new members, commission; promoters equal on
  all three share a rank (competition ranking: 1, 1, 3) and are listed by promoter id.

Error codes (``ValidationError.code``; :func:`validate_plan` raises them together as
``validation.fields``), suggested English messages:

* ``promoter.rate_over_100`` (``index``, ``rate``) - "A commission rate cannot exceed 100%."
* ``promoter.rate_negative`` (``index``, ``rate``) - "A commission rate cannot be negative."
* ``rate.invalid`` (``text``) - "Enter a number such as 0.05 or 5%."
* ``incentives.brackets_empty`` / ``incentives.bracket_*`` - the bracket table messages of
  :mod:`opsdesk.domain.incentives`.
* ``promoter.days_invalid`` (``min``, ``max``) - "Enter a number of days from {min} to {max}."
* ``promoter.scope_invalid`` / ``promoter.mode_invalid`` / ``promoter.trigger_invalid`` - "Choose
  one of the options."
* ``promoter.level_duplicate`` (``which``: ``id``, ``rank`` or ``name``; ``level``) - "Two levels
  have the same {which}."
* ``promoter.sales_not_one_month`` (``index``) - "These sales are not all in the same month."
* ``promoter.refund_exceeds_sale`` (``max``) - "The refund is more than what is left of the sale
  ({max})."
* ``promoter.nothing_available`` (``available``) - "There is no commission available to pay out."
* ``promoter.payout_exceeds_available`` (``available``, ``requested``) - "Only {available} is
  available to pay out."
* ``promoter.payout_method_invalid`` - "Choose cash or stored value."
* ``promoter.bad_entry`` (``index``, ``kind``) - "A ledger entry has the wrong sign or fields."
* ``promoter.duplicate_accrual`` (``index``, ``source``) - "Commission for this sale was already
  posted."
* ``promoter.clawback_unmatched`` (``index``, ``source``) - "A clawback has no commission to take
  back."
* ``promoter.clawback_exceeds_accrual`` (``index``, ``source``) - "More commission was taken back
  than was posted for this sale."
* ``promoter.ledger_overpaid`` (``index``, ``available``) - "A payout was more than the commission
  available that day."
* ``money.invalid`` / ``money.negative`` / ``money.zero`` / ``money.too_large`` - as in
  :mod:`opsdesk.domain.money`; ``text.*`` - a level name.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction
from typing import Any

from opsdesk.domain.errors import Collector, ValidationError
from opsdesk.domain.incentives import (
    Bracket,
    CommissionMode,
    CommissionRule,
    Ratio,
    SalesFigures,
    compute_commission,
    to_ratio,
    validate_brackets,
)
from opsdesk.domain.money import check_amount, round_half_up
from opsdesk.domain.text import clean_name

MAX_WINDOW_DAYS = 3660  # ten years: beyond that "within N days" means "forever"; use None
MAX_REFUND_WINDOW_DAYS = 366
NAME_MAX = 40

Source = Hashable  # what an accrual belongs to: a sale id, or ("registration", customer id)


class PurchaseScope(StrEnum):
    FIRST = "first"  # only the referred customer's first purchase
    ALL = "all"  # every purchase inside the window


class MemberBonusOn(StrEnum):
    FIRST_PURCHASE = "first_purchase"
    REGISTRATION = "registration"


@dataclass(frozen=True)
class CommissionPlan:
    brackets: tuple[Bracket, ...] = (Bracket(0, None, 0),)  # by the month's referred revenue
    mode: CommissionMode = CommissionMode.STEP
    window_days: int | None = None  # N: registration day + 0..N; None: no limit
    scope: PurchaseScope = PurchaseScope.ALL
    per_new_member: int = 0  # fen
    member_bonus_on: MemberBonusOn = MemberBonusOn.FIRST_PURCHASE
    refund_window_days: int = 7


@dataclass(frozen=True)
class PromoterLevel:
    id: int
    name: str
    rank: int  # higher is better
    plan: CommissionPlan
    enrolment_fee: int = 0  # fen; paying it is an ordinary sale


def flat_plan(rate: Ratio, **fields: Any) -> CommissionPlan:
    """A plan paying one percentage on every eligible sale (``fields``: the plan's others)."""
    return CommissionPlan(brackets=(Bracket(0, None, rate),), **fields)


# ----------------------------------------------------------------------------- validation


def _check_rates(brackets: Sequence[Bracket]) -> None:
    for i, b in enumerate(brackets):
        r = to_ratio(b.rate, field="brackets")
        if r < 0:
            raise ValidationError("promoter.rate_negative", field="brackets", index=i,
                                  rate=str(b.rate))
        if r > 1:
            raise ValidationError("promoter.rate_over_100", field="brackets", index=i,
                                  rate=str(b.rate))


def _check_brackets(brackets: Sequence[Bracket]) -> None:
    # The promoter codes come first, so the rate error a user sees names promoters, not pay.
    _check_rates(brackets)
    validate_brackets(brackets, field="brackets")


def _check_days(value: object, field: str, lo: int, hi: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise ValidationError("promoter.days_invalid", field=field, min=lo, max=hi)


def _is_member(value: object, enum: type[StrEnum]) -> bool:
    try:
        enum(value)
    except ValueError:
        return False
    return True


def _check_mode(value: object) -> None:
    if not _is_member(value, CommissionMode):
        raise ValidationError("promoter.mode_invalid", field="mode")


def _check_scope(value: object) -> None:
    if not _is_member(value, PurchaseScope):
        raise ValidationError("promoter.scope_invalid", field="scope")


def _check_trigger(value: object) -> None:
    if not _is_member(value, MemberBonusOn):
        raise ValidationError("promoter.trigger_invalid", field="member_bonus_on")


def validate_plan(plan: CommissionPlan) -> CommissionPlan:
    """Check every field of a plan; raises ``FieldErrors`` naming each failing field."""
    c = Collector()
    c.take("brackets", _check_brackets, plan.brackets)
    c.take("mode", _check_mode, plan.mode)
    c.take("scope", _check_scope, plan.scope)
    c.take("member_bonus_on", _check_trigger, plan.member_bonus_on)
    if plan.window_days is not None:
        c.take("window_days", _check_days, plan.window_days, "window_days", 0, MAX_WINDOW_DAYS)
    c.take("refund_window_days", _check_days, plan.refund_window_days, "refund_window_days", 0,
           MAX_REFUND_WINDOW_DAYS)
    c.take("per_new_member", check_amount, plan.per_new_member, field="per_new_member")
    c.done()
    return plan


def validate_levels(levels: Sequence[PromoterLevel]) -> tuple[PromoterLevel, ...]:
    """Check each level's name, fee and plan, and that ids, ranks and names are unique; returns
    the levels with names cleaned, lowest rank first."""
    out: list[PromoterLevel] = []
    seen: dict[str, set[object]] = {"id": set(), "rank": set(), "name": set()}
    for lv in levels:
        c = Collector()
        name = c.take("name", clean_name, lv.name, max_len=NAME_MAX)
        c.take("enrolment_fee", check_amount, lv.enrolment_fee, field="enrolment_fee")
        c.take("plan", validate_plan, lv.plan)
        c.done()
        for which, key in (("id", lv.id), ("rank", lv.rank), ("name", (name or "").casefold())):
            if key in seen[which]:
                raise ValidationError("promoter.level_duplicate", field=which, which=which,
                                      level=str(lv.name))
            seen[which].add(key)
        out.append(PromoterLevel(lv.id, name or "", lv.rank, lv.plan, lv.enrolment_fee))
    return tuple(sorted(out, key=lambda lv: lv.rank))


# ----------------------------------------------------------------------------- accrual


class Ineligible(StrEnum):
    BEFORE_REGISTRATION = "before_registration"
    OUTSIDE_WINDOW = "outside_window"
    NOT_FIRST_PURCHASE = "not_first_purchase"


@dataclass(frozen=True)
class ReferredSale:
    sale_id: Source
    sold_on: date
    amount: int  # fen paid for the sale
    registered_on: date  # the referred customer's registration day
    first_purchase: bool  # the customer's first paid purchase


def month_commission(plan: CommissionPlan, revenue: int) -> int:
    """``C(revenue)``: the plan's commission on a month's eligible referred revenue."""
    check_amount(revenue, field="revenue")
    _check_brackets(plan.brackets)
    rule = CommissionRule(plan.brackets, CommissionMode(plan.mode))
    return compute_commission(rule, SalesFigures(revenue=revenue)).amount


def in_window(plan: CommissionPlan, registered_on: date, day: date) -> bool:
    """``0 <= (day − registered_on).days <= window_days`` (no upper limit when ``None``)."""
    days = (day - registered_on).days
    return days >= 0 and (plan.window_days is None or days <= plan.window_days)


def eligibility(plan: CommissionPlan, sale: ReferredSale) -> Ineligible | None:
    """Why the sale earns no percentage, or ``None`` when it does."""
    if sale.sold_on < sale.registered_on:
        return Ineligible.BEFORE_REGISTRATION
    if not in_window(plan, sale.registered_on, sale.sold_on):
        return Ineligible.OUTSIDE_WINDOW
    if plan.scope == PurchaseScope.FIRST and not sale.first_purchase:
        return Ineligible.NOT_FIRST_PURCHASE
    return None


@dataclass(frozen=True)
class SaleAccrual:
    sale_id: Source
    sold_on: date
    sale_amount: int
    ineligible: Ineligible | None
    eligible_amount: int  # counted toward the month's referred revenue: the sale, or 0
    rate_amount: int  # C(before + eligible_amount) − C(before)
    member_bonus: int  # the fixed amount for a new member, when this sale earns it
    available_on: date  # sold_on + refund_window_days

    @property
    def amount(self) -> int:
        return self.rate_amount + self.member_bonus


def accrue_sale(plan: CommissionPlan, sale: ReferredSale, month_revenue_before: int = 0
                ) -> SaleAccrual:
    """The commission a referred sale accrues (formulas in the module docstring).

    ``month_revenue_before``: the eligible referred revenue of this promoter accrued earlier in
    the same calendar month (the sum of the earlier accruals' ``eligible_amount``)."""
    validate_plan(plan)
    check_amount(sale.amount, allow_zero=False, field="amount")
    check_amount(month_revenue_before, field="month_revenue_before")
    why = eligibility(plan, sale)
    eligible = sale.amount if why is None else 0
    rate_amount = 0
    if eligible:
        rate_amount = (month_commission(plan, month_revenue_before + eligible)
                       - month_commission(plan, month_revenue_before))
    bonus = 0
    if (plan.member_bonus_on == MemberBonusOn.FIRST_PURCHASE and sale.first_purchase
            and sale.sold_on >= sale.registered_on
            and in_window(plan, sale.registered_on, sale.sold_on)):
        bonus = plan.per_new_member
    return SaleAccrual(sale.sale_id, sale.sold_on, sale.amount, why, eligible, rate_amount,
                       bonus, sale.sold_on + timedelta(days=plan.refund_window_days))


def accrue_month(plan: CommissionPlan, sales: Sequence[ReferredSale]) -> tuple[SaleAccrual, ...]:
    """Accrue a month's referred sales of one promoter in date order (ties in the order given),
    each with the revenue of the ones before. Their ``rate_amount`` add up to
    ``C(Σ eligible_amount)``."""
    if not sales:
        return ()
    first = sales[0].sold_on
    for i, s in enumerate(sales):
        if (s.sold_on.year, s.sold_on.month) != (first.year, first.month):
            raise ValidationError("promoter.sales_not_one_month", field="sales", index=i)
    ordered = sorted(enumerate(sales), key=lambda p: (p[1].sold_on, p[0]))
    out: list[SaleAccrual] = []
    before = 0
    for _, s in ordered:
        a = accrue_sale(plan, s, before)
        before += a.eligible_amount
        out.append(a)
    return tuple(out)


def registration_accrual(plan: CommissionPlan, registered_on: date) -> tuple[int, date]:
    """The fixed amount a registration earns with ``member_bonus_on = REGISTRATION`` (else 0),
    and its ``available_on``: the same refund window, which gives the shop time to spot a
    registration made only for the bonus."""
    validate_plan(plan)
    amount = plan.per_new_member if plan.member_bonus_on == MemberBonusOn.REGISTRATION else 0
    return amount, registered_on + timedelta(days=plan.refund_window_days)


# ----------------------------------------------------------------------------- clawback


def clawback_amount(rate_amount: int, member_bonus: int, sale_amount: int, refunded_before: int,
                    refund: int) -> int:
    """The commission one refund of a sale takes back (>= 0).

    ``clawed(r) = round_half_up(rate_amount × r / sale_amount) + (member_bonus if r ==
    sale_amount else 0)``; the result is ``clawed(refunded_before + refund) −
    clawed(refunded_before)``."""
    check_amount(rate_amount, field="rate_amount")
    check_amount(member_bonus, field="member_bonus")
    check_amount(sale_amount, allow_zero=False, field="sale_amount")
    check_amount(refunded_before, field="refunded_before")
    check_amount(refund, allow_zero=False, field="refund")
    left = sale_amount - refunded_before
    if refund > left:
        raise ValidationError("promoter.refund_exceeds_sale", field="refund", max=max(left, 0))

    def clawed(r: int) -> int:
        return (round_half_up(Fraction(rate_amount * r, sale_amount))
                + (member_bonus if r == sale_amount else 0))

    return clawed(refunded_before + refund) - clawed(refunded_before)


def clawback_for(accrual: SaleAccrual, refunded_before: int, refund: int) -> int:
    """:func:`clawback_amount` for an accrual computed by :func:`accrue_sale`."""
    return clawback_amount(accrual.rate_amount, accrual.member_bonus, accrual.sale_amount,
                           refunded_before, refund)


# ----------------------------------------------------------------------------- ledger


class LedgerKind(StrEnum):
    ACCRUAL = "accrual"  # amount > 0, with source and available_on
    CLAWBACK = "clawback"  # amount < 0, with the source of the accrual it reduces
    PAYOUT = "payout"  # amount < 0, with the method


class PayoutMethod(StrEnum):
    CASH = "cash"
    STORED_VALUE = "stored_value"


@dataclass(frozen=True)
class LedgerEntry:
    kind: LedgerKind
    amount: int  # signed fen
    posted_on: date
    source: Source | None = None
    available_on: date | None = None
    method: PayoutMethod | None = None


def accrual_entry(accrual: SaleAccrual) -> LedgerEntry | None:
    """The ACCRUAL row for a sale; ``None`` when it earns nothing (nothing is posted)."""
    if not accrual.amount:
        return None
    return LedgerEntry(LedgerKind.ACCRUAL, accrual.amount, accrual.sold_on, accrual.sale_id,
                       accrual.available_on)


def clawback_entry(source: Source, amount: int, posted_on: date) -> LedgerEntry | None:
    """The CLAWBACK row taking ``amount`` (>= 0) back from ``source``; ``None`` for 0."""
    check_amount(amount, field="amount")
    if not amount:
        return None
    return LedgerEntry(LedgerKind.CLAWBACK, -amount, posted_on, source)


@dataclass(frozen=True)
class CommissionBalance:
    accrued: int  # Σ accruals
    clawed_back: int  # Σ clawbacks, as a positive figure
    frozen: int  # inside the refund window
    available: int  # may be negative: a clawback after payout, owed from future commission
    paid: int  # Σ payouts, as a positive figure

    @property
    def earned(self) -> int:
        """``accrued − clawed_back`` == ``frozen + available + paid``."""
        return self.accrued - self.clawed_back


def _well_formed(e: LedgerEntry) -> bool:
    if isinstance(e.amount, bool) or not isinstance(e.amount, int):
        return False
    match str(e.kind):
        case LedgerKind.ACCRUAL:
            return e.amount > 0 and e.source is not None and e.available_on is not None
        case LedgerKind.CLAWBACK:
            return e.amount < 0 and e.source is not None
        case LedgerKind.PAYOUT:
            return e.amount < 0 and e.method is not None and str(e.method) in set(PayoutMethod)
    return False


def commission_balance(entries: Iterable[LedgerEntry], today: date) -> CommissionBalance:
    """The balances on ``today`` (entries posted after it are ignored); formulas in the module
    docstring. Raises the ledger codes for an entry that breaks the rules."""
    net: dict[Source, int] = {}
    avail_on: dict[Source, date] = {}
    accrued = clawed = paid = 0
    for i, e in enumerate(entries):
        if not _well_formed(e):
            raise ValidationError("promoter.bad_entry", index=i, kind=str(e.kind))
        if e.posted_on > today:
            continue
        if e.kind == LedgerKind.ACCRUAL:
            if e.source in net:
                raise ValidationError("promoter.duplicate_accrual", index=i, source=str(e.source))
            assert e.available_on is not None
            net[e.source] = e.amount
            avail_on[e.source] = e.available_on
            accrued += e.amount
        elif e.kind == LedgerKind.CLAWBACK:
            if e.source not in net:
                raise ValidationError("promoter.clawback_unmatched", index=i,
                                      source=str(e.source))
            net[e.source] += e.amount
            if net[e.source] < 0:
                raise ValidationError("promoter.clawback_exceeds_accrual", index=i,
                                      source=str(e.source))
            clawed -= e.amount
        else:
            paid -= e.amount
    frozen = sum(n for s, n in net.items() if avail_on[s] > today)
    released = sum(n for s, n in net.items() if avail_on[s] <= today)
    return CommissionBalance(accrued, clawed, frozen, released - paid, paid)


def plan_payout(balance: CommissionBalance, amount: int | None, method: PayoutMethod,
                posted_on: date) -> LedgerEntry:
    """The PAYOUT row for ``amount`` (``None``: everything available). ``0 < amount <=
    available``."""
    try:
        method = PayoutMethod(method)
    except ValueError:
        raise ValidationError("promoter.payout_method_invalid", field="method") from None
    if balance.available <= 0:
        raise ValidationError("promoter.nothing_available", field="amount",
                              available=balance.available)
    if amount is None:
        amount = balance.available
    check_amount(amount, allow_zero=False, field="amount")
    if amount > balance.available:
        raise ValidationError("promoter.payout_exceeds_available", field="amount",
                              available=balance.available, requested=amount)
    return LedgerEntry(LedgerKind.PAYOUT, -amount, posted_on, method=method)


def verify_ledger(entries: Sequence[LedgerEntry]) -> CommissionBalance:
    """Replay a promoter's ledger in posting order (``opsdesk check``): every rule of
    :func:`commission_balance`, and no payout more than was available on its day. Returns the
    balance on the last posting day."""
    if not entries:
        return CommissionBalance(0, 0, 0, 0, 0)
    for i, e in enumerate(entries):
        if e.kind == LedgerKind.PAYOUT and _well_formed(e):
            before = commission_balance(entries[:i], e.posted_on)
            if -e.amount > before.available:
                raise ValidationError("promoter.ledger_overpaid", index=i,
                                      available=before.available)
    return commission_balance(entries, max(e.posted_on for e in entries))


# ----------------------------------------------------------------------------- leaderboard


class RankBy(StrEnum):
    REVENUE = "revenue"
    NEW_MEMBERS = "new_members"
    COMMISSION = "commission"


@dataclass(frozen=True)
class PromoterFigures:
    promoter_id: int
    referred_revenue: int  # fen
    new_members: int
    commission: int  # fen


@dataclass(frozen=True)
class LeaderboardRow:
    rank: int  # competition ranking: 1, 1, 3
    tied: bool
    figures: PromoterFigures


_ORDER = (RankBy.REVENUE, RankBy.NEW_MEMBERS, RankBy.COMMISSION)


def _value(f: PromoterFigures, by: RankBy) -> int:
    return {RankBy.REVENUE: f.referred_revenue, RankBy.NEW_MEMBERS: f.new_members,
            RankBy.COMMISSION: f.commission}[by]


def leaderboard(figures: Iterable[PromoterFigures], by: RankBy = RankBy.REVENUE
                ) -> tuple[LeaderboardRow, ...]:
    """Promoters best first on ``by``, ties broken as in the module docstring."""
    by = RankBy(by)
    keys = (by, *(k for k in _ORDER if k != by))
    rows = sorted(figures, key=lambda f: (tuple(-_value(f, k) for k in keys), f.promoter_id))
    out: list[LeaderboardRow] = []
    for i, f in enumerate(rows):
        key = tuple(_value(f, k) for k in keys)
        prev = tuple(_value(rows[i - 1], k) for k in keys) if i else None
        nxt = tuple(_value(rows[i + 1], k) for k in keys) if i + 1 < len(rows) else None
        rank = out[-1].rank if prev == key else i + 1
        out.append(LeaderboardRow(rank, key in (prev, nxt), f))
    return tuple(out)
