"""The incentive system (激励体系): one person's pay for one month, line by line, with its basis.

A pay scheme belongs to a position; a person may override any of its fields
(:func:`merge_scheme`). :func:`compute_pay` turns a scheme and the month's figures into a
:class:`Payslip`: a list of :class:`PayLine` whose amounts add up to ``total`` exactly. Every line
carries a :class:`Basis`: a template id (:data:`TEMPLATES`) and the typed numbers the template
shows, so a slip can print "commission: ¥312,000.00 × 3% = ¥9,360.00" in any language without this
module formatting anything.

All amounts are ``int`` fen. Rates, shares, attainments and scores are exact numbers
(:data:`Ratio`: ``int``, :class:`~fractions.Fraction`, :class:`~decimal.Decimal` or a string such
as ``"0.03"`` or ``"3%"``; a float is refused). Every amount is rounded exactly once, by
:func:`opsdesk.domain.money.round_half_up` (via ``apply_rate`` or directly), from the exact product.

Formulas
--------
* **Days employed**: the calendar days of the month from ``max(joined, 1st)`` to
  ``min(left, last day)``, both inclusive (:func:`days_employed`).
* **Fixed components** (base pay, responsibility pay, the performance base) are pro rata:
  ``round_half_up(monthly × days_employed / days_in_month)`` (:func:`prorate`). A full month pays
  ``monthly`` exactly. Variable components (commission, new-member bonus, mentor subsidy, bonus
  and cut, contest prizes, annual bonus, deductions, adjustments) are never prorated: they already
  measure what the person did while employed.
* **Performance pay** = ``round_half_up(performance_base × factor)``, where
  ``factor = min(max(score / 100, 0), cap)``: an assessment score of 100 pays the base, 87.5 pays
  87.5 %, 130 with the default cap 1.2 pays 120 %. ``1 <= cap <= 3`` (:func:`performance_factor`).
* **Commission base** (:func:`commission_base`): ``measure`` is ``revenue − refunds`` (REVENUE) or
  ``revenue − refunds − cost_of_sales`` (GROSS_PROFIT). Refunds are those paid this month, whatever
  month the sale was in, because a locked month is never reopened. ``raw = measure + carry_in``
  (``carry_in <= 0`` is last month's ``carry_out``); ``base = max(raw, 0)``;
  ``carry_out = min(raw, 0)``. A base never goes negative, so commission is never negative, and a
  refund bigger than the month's sales is recovered from the following months' bases instead of
  being lost or turned into a debt on the slip.
* **Brackets** are half-open ``[lower, upper)``: reaching a bound exactly reaches the bracket that
  starts there; one fen below stays in the bracket beneath. The first starts at 0, each next one
  starts exactly where the previous ends, the last has no upper bound, and ``0 <= rate <= 1``.
  With ``bracket_by=AMOUNT`` the bounds are fen of the base; with ``ATTAINMENT`` they are ratios
  of ``attainment = base / target`` (``1`` = 100 %); a ratio bound ``a`` stands for the base
  ``a × target`` (exact, not rounded).
* **STEP** commission = ``round_half_up(base × rate of the bracket the base reaches)``.
* **MARGINAL** commission = ``round_half_up(Σ_j max(0, min(base, upper_j) − lower_j) × rate_j)``:
  each slice at its own rate, the exact sum rounded once. The line's slices (basis parts) share
  that rounded amount by :func:`opsdesk.domain.money.split` in proportion to their exact products,
  so the printed slices add up to the line. Properties (tested): marginal commission never
  decreases as the base grows (rates are >= 0); and when the rates never decrease from one
  bracket to the next, marginal <= step for the same base, because every slice is paid at a rate
  <= the rate of the bracket reached and rounding half-up is monotone.
* **New-member bonus** = ``count × bonus per member``.
* **Mentor** (师徒), per apprentice with ``attainment`` against the scheme's ``standard_line``:
  the subsidy is always listed; at or above the line the mentor also gets ``bonus``; below it a
  cut ``round_half_up(subsidy × min(1, (standard_line − attainment) / standard_line))`` is taken
  off: proportional to the shortfall, so an apprentice at 0 costs the whole subsidy and the
  subsidy net of the cut is never below 0. An apprentice without a target for the month (no
  plan) has no attainment (``None``): the subsidy is listed and neither bonus nor cut applies.
* **Contest prizes** (:func:`award_contest`): competition ranking on the metric, higher is better;
  only a value > 0 is placed (doing nothing wins nothing). ``k`` participants tied at rank ``r``
  occupy positions ``r .. r+k−1`` and share the sum of those positions' prizes equally
  (``split``; a left-over fen goes to the earlier entry in the order given). The next rank after
  them is ``r + k``.
* **Annual bonus**: ``entitlement = round_half_up(max(0, actual − target) × share)`` for the year
  to date. Each month accrues ``entitlement_to_date − accrued_before`` (:func:`accrue_annual_bonus`);
  an accrual may be negative (a later month fell behind and part of an earlier provision is
  released), which is what makes the twelve accruals add up to the year's entitlement exactly.
  The bonus is paid as one line in the scheme's ``annual_bonus_month``: the full-year entitlement.
* **Deductions** are negative lines with a required reason; **adjustments** carry a correction of
  an earlier, locked run (any sign, not zero) with its source and reason.
* **Total** = the sum of the lines. It may be negative (deductions larger than the pay); nothing
  is clamped, so the slip always adds up and the review screen shows the case.

Line kinds with their basis templates (the values named in braces; ``{amount}`` is the line's
amount; the English patterns are in :data:`TEMPLATES`):

* BASE, RESPONSIBILITY: ``pay.fixed`` "{amount}" for a full month, else ``pay.prorated``
  "{monthly} × {days_employed}/{days_in_month} days = {amount}".
* PERFORMANCE: ``pay.performance`` "{performance_base} × {factor} (score {score}, cap {cap}) =
  {amount}"; when prorated it also carries ``monthly``, ``days_employed``, ``days_in_month``.
* COMMISSION: ``pay.commission.step`` "{base} × {rate} = {amount}", or
  ``pay.commission.marginal`` "Σ slices = {amount}" whose parts are ``pay.commission.slice``
  "{slice} × {rate} = {amount}" (with ``lower`` and, except the open last slice, ``upper``).
* NEW_MEMBER_BONUS: ``pay.new_member_bonus`` "{count} × {unit} = {amount}".
* MENTOR_SUBSIDY: ``pay.mentor_subsidy`` "{apprentice}: {amount}"; MENTOR_BONUS:
  ``pay.mentor_bonus`` "{apprentice}: {attainment} >= {standard_line} → {amount}"; MENTOR_CUT:
  ``pay.mentor_cut`` "{apprentice}: {subsidy} × ({standard_line} − {attainment}) /
  {standard_line} = {amount}".
* PK_PRIZE: ``pay.pk_prize`` "{contest}: rank {rank} ({tied} tied) → {amount}".
* ANNUAL_BONUS: ``pay.annual_bonus`` "({actual} − {target}) × {share} = {amount}".
* DEDUCTION: ``pay.deduction`` "{reason}: {amount}".
* ADJUSTMENT: ``pay.adjustment`` "{source}: {reason}: {amount}".

The commission bases also carry ``revenue``, ``refunds``, ``cost_of_sales`` (GROSS_PROFIT),
``carry_in``, ``carry_out``, ``measure`` and, when a target is known, ``target`` and
``attainment``, so a slip can explain the base itself. The label code of a line is
``"pay." + kind.value``.

Error codes (``ValidationError.code``; :func:`validate_scheme` and :func:`compute_pay` raise them
together as ``validation.fields`` with one error per field), suggested English messages:

* ``rate.invalid`` (param ``text``) - "Enter a number such as 0.03 or 3%."
* ``money.invalid`` / ``money.negative`` / ``money.zero`` / ``money.too_large`` - as in
  :mod:`opsdesk.domain.money`.
* ``incentives.brackets_empty`` - "Add at least one commission bracket."
* ``incentives.bracket_not_from_zero`` (``lower``) - "The first bracket must start at 0."
* ``incentives.bracket_unsorted`` (``index``) - "Bracket {index} starts below the one before it;
  list brackets from the lowest up."
* ``incentives.bracket_empty_range`` (``index``) - "Bracket {index} ends where it starts or below."
* ``incentives.bracket_overlap`` (``index``) - "Bracket {index} overlaps the one before it."
* ``incentives.bracket_gap`` (``index``) - "Bracket {index} leaves a gap after the one before it."
* ``incentives.bracket_unbounded_not_last`` (``index``) - "Only the last bracket may have no
  upper limit."
* ``incentives.bracket_last_bounded`` (``index``) - "The last bracket must have no upper limit."
* ``incentives.bracket_bound_not_amount`` (``index``) - "Amount brackets need whole fen bounds."
* ``incentives.rate_negative`` (``index``, ``rate``) - "A rate cannot be negative."
* ``incentives.rate_over_100`` (``index``, ``rate``) - "A rate cannot exceed 100%."
* ``incentives.target_required`` - "Attainment brackets need a target above zero for the month."
* ``incentives.carry_in_positive`` - "The carried base must be zero or negative."
* ``incentives.cap_invalid`` (``min``, ``max``) - "The score cap must be between {min} and {max}."
* ``incentives.score_missing`` - "This scheme pays performance pay: enter the assessment score."
* ``incentives.score_invalid`` - "The assessment score cannot be negative."
* ``incentives.standard_line_invalid`` - "The standard line must be above 0%."
* ``incentives.attainment_invalid`` (``index``) - "Attainment cannot be negative."
* ``incentives.no_mentor_rule`` - "This scheme has no mentor rule for apprentices."
* ``incentives.share_invalid`` - "The annual bonus share must be between 0% and 100%."
* ``incentives.month_invalid`` - "Choose a month from 1 to 12."
* ``incentives.months_mismatch`` - "Give one actual and one target for each month, at most 12."
* ``incentives.annual_bonus_month_required`` - "Choose the month the annual bonus is paid."
* ``incentives.annual_bonus_not_due`` (``month``, ``due``) - "The annual bonus is paid in month
  {due}, not {month}."
* ``incentives.count_invalid`` - "Enter a whole number, zero or more."
* ``incentives.reason_required`` (``index``) - "Give a reason."
* ``incentives.adjustment_zero`` (``index``) - "An adjustment cannot be zero."
* ``incentives.left_before_joined`` - "The leaving date is before the joining date."
* ``incentives.contest_duplicate`` (``participant``) - "A participant is listed twice."
* ``incentives.contest_value_invalid`` (``participant``) - "Enter the contest figure as a number."
* ``incentives.prize_invalid`` (``index``) - "Enter a prize amount, zero or more."
* ``text.too_long`` / ``text.control_char`` / ``text.bidi_control`` - a reason or name.
"""

from __future__ import annotations

import calendar
import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum, StrEnum
from fractions import Fraction

from opsdesk.domain.errors import Collector, ValidationError
from opsdesk.domain.money import check_amount, round_half_up, split
from opsdesk.domain.text import clean_text

Ratio = int | Fraction | Decimal | str

DEFAULT_PERFORMANCE_CAP = Decimal("1.2")
CAP_MIN, CAP_MAX = 1, 3
REASON_MAX = 200


# ----------------------------------------------------------------------------- exact numbers


def to_ratio(value: Ratio, *, field: str | None = None) -> Fraction:
    """An exact number from ``3``, ``Fraction(1, 3)``, ``Decimal("0.03")``, ``"0.03"`` or ``"3%"``.

    Floats are refused: ``0.1`` is not one tenth, and a pay rule must mean what it says."""
    if isinstance(value, bool) or isinstance(value, float):
        raise ValidationError("rate.invalid", field=field, text=str(value)[:40])
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    text = str(value).strip()
    scale = Fraction(1)
    if text.endswith("%"):
        text, scale = text[:-1].strip(), Fraction(1, 100)
    try:
        d = Decimal(text)
    except InvalidOperation:
        raise ValidationError("rate.invalid", field=field, text=str(value)[:40]) from None
    if not d.is_finite():
        raise ValidationError("rate.invalid", field=field, text=str(value)[:40])
    return Fraction(d) * scale


def _count(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError("incentives.count_invalid", field=field)
    return value


# ----------------------------------------------------------------------------- basis and lines


class PayKind(StrEnum):
    BASE = "base"
    RESPONSIBILITY = "responsibility"
    PERFORMANCE = "performance"
    COMMISSION = "commission"
    NEW_MEMBER_BONUS = "new_member_bonus"
    MENTOR_SUBSIDY = "mentor_subsidy"
    MENTOR_BONUS = "mentor_bonus"
    MENTOR_CUT = "mentor_cut"
    PK_PRIZE = "pk_prize"
    ANNUAL_BONUS = "annual_bonus"
    DEDUCTION = "deduction"
    ADJUSTMENT = "adjustment"


class ValueKind(StrEnum):
    MONEY = "money"  # int fen
    RATIO = "ratio"  # Fraction, shown as a percentage (rates, attainment, shares, factors)
    SCORE = "score"  # Fraction, assessment points
    COUNT = "count"  # int (people, days, ranks)
    TEXT = "text"  # str, already the user's words (a reason, a contest name)


@dataclass(frozen=True)
class Value:
    kind: ValueKind
    value: int | Fraction | str


def money_value(x: int) -> Value:
    return Value(ValueKind.MONEY, x)


def ratio_value(x: Fraction) -> Value:
    return Value(ValueKind.RATIO, Fraction(x))


def score_value(x: Fraction) -> Value:
    return Value(ValueKind.SCORE, Fraction(x))


def count_value(x: int) -> Value:
    return Value(ValueKind.COUNT, x)


def text_value(x: str) -> Value:
    return Value(ValueKind.TEXT, x)


@dataclass(frozen=True)
class Basis:
    """How a line's amount came about: a template id and the numbers it shows."""

    template: str
    values: tuple[tuple[str, Value], ...] = ()
    parts: tuple[Basis, ...] = ()

    def get(self, name: str) -> Value | None:
        for key, v in self.values:
            if key == name:
                return v
        return None

    def __getitem__(self, name: str) -> int | Fraction | str:
        v = self.get(name)
        if v is None:
            raise KeyError(name)
        return v.value


def _basis(template: str, parts: Sequence[Basis] = (), **values: Value | None) -> Basis:
    return Basis(template, tuple((k, v) for k, v in values.items() if v is not None), tuple(parts))


TEMPLATES: dict[str, str] = {
    "pay.fixed": "{amount}",
    "pay.prorated": "{monthly} × {days_employed}/{days_in_month} days = {amount}",
    "pay.performance": "{performance_base} × {factor} (score {score}, cap {cap}) = {amount}",
    "pay.commission.step": "{base} × {rate} = {amount}",
    "pay.commission.marginal": "Σ slices = {amount}",
    "pay.commission.slice": "{slice} × {rate} = {amount}",
    "pay.new_member_bonus": "{count} × {unit} = {amount}",
    "pay.mentor_subsidy": "{apprentice}: {amount}",
    "pay.mentor_bonus": "{apprentice}: {attainment} >= {standard_line} → {amount}",
    "pay.mentor_cut": "{apprentice}: {subsidy} × ({standard_line} − {attainment}) / "
                      "{standard_line} = {amount}",
    "pay.pk_prize": "{contest}: rank {rank} ({tied} tied) → {amount}",
    "pay.annual_bonus": "({actual} − {target}) × {share} = {amount}",
    "pay.deduction": "{reason}: {amount}",
    "pay.adjustment": "{source}: {reason}: {amount}",
}


@dataclass(frozen=True)
class PayLine:
    kind: PayKind
    label_code: str
    amount: int  # fen; negative for deductions, cuts and negative adjustments
    basis: Basis


def _line(kind: PayKind, amount: int, basis: Basis) -> PayLine:
    return PayLine(kind, "pay." + kind.value, amount, basis)


@dataclass(frozen=True)
class Payslip:
    year: int
    month: int
    lines: tuple[PayLine, ...]
    total: int
    days_employed: int
    days_in_month: int
    commission_carry_out: int = 0  # fen, <= 0: the next month's carry_in

    def __post_init__(self) -> None:
        if self.total != sum(line.amount for line in self.lines):
            raise ValueError("payslip total differs from the sum of its lines")

    def lines_of(self, kind: PayKind) -> tuple[PayLine, ...]:
        return tuple(line for line in self.lines if line.kind == kind)


# ----------------------------------------------------------------------------- proration


def days_employed(year: int, month: int, joined: date | None, left: date | None) -> int:
    """Calendar days of the month from ``max(joined, 1st)`` to ``min(left, last)``, inclusive;
    0 when the employment does not touch the month. ``None`` means no such date."""
    if joined and left and left < joined:
        raise ValidationError("incentives.left_before_joined", field="left")
    n = calendar.monthrange(year, month)[1]
    first, last = date(year, month, 1), date(year, month, n)
    start = max(first, joined) if joined else first
    end = min(last, left) if left else last
    return max(0, (end - start).days + 1)


def prorate(monthly: int, days: int, days_in_month: int) -> int:
    """``round_half_up(monthly × days / days_in_month)``; a full month is ``monthly`` exactly."""
    if not 0 <= days <= days_in_month:
        raise ValidationError("incentives.count_invalid", field="days")
    return round_half_up(Fraction(monthly * days, days_in_month))


def _fixed_line(kind: PayKind, monthly: int, days: int, n: int) -> PayLine:
    amount = prorate(monthly, days, n)
    if days == n:
        return _line(kind, amount, _basis("pay.fixed", amount=money_value(amount)))
    return _line(kind, amount, _basis(
        "pay.prorated", monthly=money_value(monthly), days_employed=count_value(days),
        days_in_month=count_value(n), amount=money_value(amount)))


# ----------------------------------------------------------------------------- performance


def performance_factor(score: Ratio, cap: Ratio = DEFAULT_PERFORMANCE_CAP) -> Fraction:
    """``min(max(score / 100, 0), cap)``: the multiplier on the performance base."""
    s = to_ratio(score, field="assessment_score")
    if s < 0:
        raise ValidationError("incentives.score_invalid", field="assessment_score")
    c = _check_cap(cap)
    return min(max(s / 100, Fraction(0)), c)


def _check_cap(cap: Ratio) -> Fraction:
    c = to_ratio(cap, field="performance_cap")
    if not CAP_MIN <= c <= CAP_MAX:
        raise ValidationError("incentives.cap_invalid", field="performance_cap",
                              min=CAP_MIN, max=CAP_MAX)
    return c


# ----------------------------------------------------------------------------- commission


class CommissionMode(StrEnum):
    STEP = "step"  # the whole base at the rate of the bracket reached (全额累进)
    MARGINAL = "marginal"  # each slice of the base at its own rate (超额累进)


class CommissionMeasure(StrEnum):
    REVENUE = "revenue"
    GROSS_PROFIT = "gross_profit"


class BracketBy(StrEnum):
    AMOUNT = "amount"  # bounds in fen of the base
    ATTAINMENT = "attainment"  # bounds as ratios of base / target, 1 = 100 %


@dataclass(frozen=True)
class Bracket:
    lower: Ratio  # inclusive; fen (AMOUNT) or a ratio (ATTAINMENT)
    upper: Ratio | None  # exclusive; None: no upper limit, the last bracket only
    rate: Ratio  # 0.03 = 3 %


@dataclass(frozen=True)
class CommissionRule:
    brackets: tuple[Bracket, ...]
    mode: CommissionMode = CommissionMode.STEP
    measure: CommissionMeasure = CommissionMeasure.REVENUE
    bracket_by: BracketBy = BracketBy.AMOUNT


@dataclass(frozen=True)
class _Band:
    lower: Fraction
    upper: Fraction | None
    rate: Fraction


def validate_brackets(brackets: Sequence[Bracket], by: BracketBy = BracketBy.AMOUNT,
                      *, field: str = "brackets") -> tuple[_Band, ...]:
    """Check a bracket table (see the module docstring for the rules) and return it exact."""
    if not brackets:
        raise ValidationError("incentives.brackets_empty", field=field)
    bands: list[_Band] = []
    for i, b in enumerate(brackets):
        bounds = [b.lower] + ([] if b.upper is None else [b.upper])
        if by is BracketBy.AMOUNT:
            for x in bounds:
                if isinstance(x, bool) or not isinstance(x, int):
                    raise ValidationError("incentives.bracket_bound_not_amount", field=field,
                                          index=i)
                check_amount(x, allow_negative=True, field=field)
        lo = to_ratio(b.lower, field=field)
        hi = None if b.upper is None else to_ratio(b.upper, field=field)
        rate = to_ratio(b.rate, field=field)
        if rate < 0:
            raise ValidationError("incentives.rate_negative", field=field, index=i,
                                  rate=str(b.rate))
        if rate > 1:
            raise ValidationError("incentives.rate_over_100", field=field, index=i,
                                  rate=str(b.rate))
        if hi is not None and hi <= lo:
            raise ValidationError("incentives.bracket_empty_range", field=field, index=i)
        bands.append(_Band(lo, hi, rate))
    if bands[0].lower != 0:
        raise ValidationError("incentives.bracket_not_from_zero", field=field,
                              lower=str(brackets[0].lower))
    for i in range(1, len(bands)):
        prev, cur = bands[i - 1], bands[i]
        if cur.lower < prev.lower:
            raise ValidationError("incentives.bracket_unsorted", field=field, index=i)
        if prev.upper is None:
            raise ValidationError("incentives.bracket_unbounded_not_last", field=field,
                                  index=i - 1)
        if cur.lower < prev.upper:
            raise ValidationError("incentives.bracket_overlap", field=field, index=i)
        if cur.lower > prev.upper:
            raise ValidationError("incentives.bracket_gap", field=field, index=i)
    if bands[-1].upper is not None:
        raise ValidationError("incentives.bracket_last_bounded", field=field,
                              index=len(bands) - 1)
    return tuple(bands)


@dataclass(frozen=True)
class SalesFigures:
    """A person's month for commission. ``refunds`` are those paid out this month (whatever month
    the sale was in); ``cost_of_sales`` is the net cost of what was sold, used for GROSS_PROFIT;
    ``carry_in`` (<= 0) is last month's ``carry_out``; ``target`` is the month's target of the
    same measure, needed for ATTAINMENT brackets and shown on the slip when known."""

    revenue: int = 0
    refunds: int = 0
    cost_of_sales: int = 0
    carry_in: int = 0
    target: int | None = None


@dataclass(frozen=True)
class CommissionBase:
    measure_amount: int  # revenue − refunds [− cost_of_sales]
    raw: int  # measure_amount + carry_in
    base: int  # max(raw, 0)
    carry_out: int  # min(raw, 0)


def commission_base(figures: SalesFigures,
                    measure: CommissionMeasure = CommissionMeasure.REVENUE) -> CommissionBase:
    """``raw = revenue − refunds [− cost_of_sales] + carry_in``; ``base = max(raw, 0)``;
    ``carry_out = min(raw, 0)``."""
    c = Collector()
    c.take("revenue", check_amount, figures.revenue, field="revenue")
    c.take("refunds", check_amount, figures.refunds, field="refunds")
    c.take("cost_of_sales", check_amount, figures.cost_of_sales, field="cost_of_sales")
    c.take("carry_in", check_amount, figures.carry_in, allow_negative=True, field="carry_in")
    if figures.target is not None:
        c.take("target", check_amount, figures.target, field="target")
    c.done()
    if figures.carry_in > 0:
        raise ValidationError("incentives.carry_in_positive", field="carry_in")
    m = figures.revenue - figures.refunds
    if measure is CommissionMeasure.GROSS_PROFIT:
        m -= figures.cost_of_sales
    raw = m + figures.carry_in
    return CommissionBase(m, raw, max(raw, 0), min(raw, 0))


@dataclass(frozen=True)
class CommissionSlice:
    lower: Fraction  # fen of the base (exact; an attainment bound times the target)
    upper: Fraction | None
    rate: Fraction
    slice: Fraction  # the part of the base inside [lower, upper)
    amount: int  # this slice's share of the rounded commission


@dataclass(frozen=True)
class CommissionResult:
    base: CommissionBase
    attainment: Fraction | None  # base / target when a target > 0 is known
    amount: int
    rate: Fraction | None  # STEP: the rate of the bracket reached
    bracket_index: int  # the bracket the base (or the attainment) reaches
    slices: tuple[CommissionSlice, ...]  # MARGINAL: the slices the base reaches into


def _reached(bands: Sequence[_Band], x: Fraction) -> int:
    for i, b in enumerate(bands):
        if b.lower <= x and (b.upper is None or x < b.upper):
            return i
    return 0  # x < 0 cannot happen: the base is floored at 0


def compute_commission(rule: CommissionRule, figures: SalesFigures) -> CommissionResult:
    """Commission for the month in the rule's mode; formulas in the module docstring."""
    bands = validate_brackets(rule.brackets, rule.bracket_by)
    cb = commission_base(figures, rule.measure)
    target = figures.target
    attainment = Fraction(cb.base, target) if target else None
    if rule.bracket_by is BracketBy.ATTAINMENT:
        if not target:
            raise ValidationError("incentives.target_required", field="target")
        x = attainment
        scale = Fraction(target)
    else:
        x = Fraction(cb.base)
        scale = Fraction(1)
    assert x is not None
    idx = _reached(bands, x)
    if rule.mode is CommissionMode.STEP:
        rate = bands[idx].rate
        amount = round_half_up(cb.base * rate)
        return CommissionResult(cb, attainment, amount, rate, idx, ())
    pieces: list[tuple[_Band, Fraction, Fraction, Fraction | None]] = []
    for b in bands:
        lo = b.lower * scale
        hi = None if b.upper is None else b.upper * scale
        top = cb.base if hi is None else min(Fraction(cb.base), hi)
        if top > lo:
            pieces.append((b, top - lo, lo, hi))
    exact = [s * b.rate for b, s, _, _ in pieces]
    amount = round_half_up(sum(exact, Fraction(0)))
    shares = split(amount, exact) if amount else [0] * len(exact)
    slices = tuple(CommissionSlice(lo, hi, b.rate, s, a)
                   for (b, s, lo, hi), a in zip(pieces, shares, strict=True))
    return CommissionResult(cb, attainment, amount, None, idx, slices)


def _commission_line(rule: CommissionRule, figures: SalesFigures, r: CommissionResult) -> PayLine:
    gp = rule.measure is CommissionMeasure.GROSS_PROFIT
    common: dict[str, Value | None] = dict(
        measure=text_value(rule.measure.value),
        revenue=money_value(figures.revenue),
        refunds=money_value(figures.refunds),
        cost_of_sales=money_value(figures.cost_of_sales) if gp else None,
        carry_in=money_value(figures.carry_in),
        base=money_value(r.base.base),
        carry_out=money_value(r.base.carry_out),
        target=money_value(figures.target) if figures.target else None,
        attainment=ratio_value(r.attainment) if r.attainment is not None else None,
    )
    if rule.mode is CommissionMode.STEP:
        assert r.rate is not None
        basis = _basis("pay.commission.step", rate=ratio_value(r.rate),
                       amount=money_value(r.amount), **common)
    else:
        parts = [_basis("pay.commission.slice", lower=money_value(round_half_up(s.lower)),
                        upper=None if s.upper is None else money_value(round_half_up(s.upper)),
                        slice=money_value(round_half_up(s.slice)), rate=ratio_value(s.rate),
                        amount=money_value(s.amount))
                 for s in r.slices]
        basis = _basis("pay.commission.marginal", parts, amount=money_value(r.amount), **common)
    return _line(PayKind.COMMISSION, r.amount, basis)


# ----------------------------------------------------------------------------- mentor


@dataclass(frozen=True)
class MentorRule:
    standard_line: Ratio  # the apprentice's attainment that counts as "on standard", 1 = 100 %
    bonus: int = 0  # fen per apprentice at or above the line
    subsidy: int = 0  # fen per apprentice, cut below the line


@dataclass(frozen=True)
class ApprenticeResult:
    apprentice: str  # the name printed on the mentor's slip
    attainment: Ratio | None  # None: no target for the month (no plan), the rule is not applied


@dataclass(frozen=True)
class MentorOutcome:
    subsidy: int
    bonus: int
    cut: int  # >= 0, taken off
    below: bool


def mentor_outcome(rule: MentorRule, attainment: Ratio) -> MentorOutcome:
    """At or above the line: subsidy + bonus. Below: subsidy − cut, with
    ``cut = round_half_up(subsidy × min(1, (line − attainment) / line))``."""
    line = _check_standard_line(rule.standard_line)
    a = to_ratio(attainment, field="apprentices")
    if a < 0:
        raise ValidationError("incentives.attainment_invalid", field="apprentices", index=0)
    if a >= line:
        return MentorOutcome(rule.subsidy, rule.bonus, 0, False)
    cut = round_half_up(rule.subsidy * min(Fraction(1), (line - a) / line))
    return MentorOutcome(rule.subsidy, 0, cut, True)


def _check_standard_line(value: Ratio) -> Fraction:
    line = to_ratio(value, field="standard_line")
    if line <= 0:
        raise ValidationError("incentives.standard_line_invalid", field="standard_line")
    return line


def _mentor_lines_unknown(rule: MentorRule, ap: ApprenticeResult) -> list[PayLine]:
    """No target, so no attainment: the subsidy is listed, neither bonus nor cut applies."""
    if not rule.subsidy:
        return []
    return [_line(PayKind.MENTOR_SUBSIDY, rule.subsidy, _basis(
        "pay.mentor_subsidy", apprentice=text_value(ap.apprentice),
        amount=money_value(rule.subsidy)))]


def _mentor_lines(rule: MentorRule, ap: ApprenticeResult) -> list[PayLine]:
    assert ap.attainment is not None
    out = mentor_outcome(rule, ap.attainment)
    who = text_value(ap.apprentice)
    a = ratio_value(to_ratio(ap.attainment))
    line = ratio_value(to_ratio(rule.standard_line))
    lines = []
    if out.subsidy:
        lines.append(_line(PayKind.MENTOR_SUBSIDY, out.subsidy, _basis(
            "pay.mentor_subsidy", apprentice=who, amount=money_value(out.subsidy))))
    if out.bonus:
        lines.append(_line(PayKind.MENTOR_BONUS, out.bonus, _basis(
            "pay.mentor_bonus", apprentice=who, attainment=a, standard_line=line,
            amount=money_value(out.bonus))))
    if out.below and out.subsidy:
        lines.append(_line(PayKind.MENTOR_CUT, -out.cut, _basis(
            "pay.mentor_cut", apprentice=who, subsidy=money_value(out.subsidy), attainment=a,
            standard_line=line, amount=money_value(-out.cut))))
    return lines


# ----------------------------------------------------------------------------- contests (PK)


@dataclass(frozen=True)
class ContestEntry:
    participant: str | int  # a person's or a team's id
    value: Ratio  # the contest metric: visits, deals, revenue in fen, new members


@dataclass(frozen=True)
class ContestPlace:
    participant: str | int
    value: Fraction
    rank: int | None  # None: not placed (value <= 0)
    tied: int  # how many share this rank (1: no tie)
    prize: int


def award_contest(entries: Sequence[ContestEntry], prizes: Sequence[int]) -> tuple[ContestPlace, ...]:
    """Rank by value (higher is better) and give out ``prizes[0]`` for rank 1, ``prizes[1]`` for
    rank 2, ...; ties share the prizes of the positions they occupy. Results in rank order, the
    unplaced last, each group in the order given."""
    for i, p in enumerate(prizes):
        if isinstance(p, bool) or not isinstance(p, int) or p < 0:
            raise ValidationError("incentives.prize_invalid", field="prizes", index=i)
        check_amount(p, field="prizes")
    seen: set[str | int] = set()
    values: list[Fraction] = []
    for e in entries:
        if e.participant in seen:
            raise ValidationError("incentives.contest_duplicate", field="entries",
                                  participant=str(e.participant))
        seen.add(e.participant)
        try:
            values.append(to_ratio(e.value, field="entries"))
        except ValidationError:
            raise ValidationError("incentives.contest_value_invalid", field="entries",
                                  participant=str(e.participant)) from None
    order = sorted(range(len(entries)), key=lambda i: -values[i])  # stable: ties keep input order
    placed = [i for i in order if values[i] > 0]
    out: list[ContestPlace] = []
    pos = 0
    while pos < len(placed):
        group = [i for i in placed[pos:] if values[i] == values[placed[pos]]]
        k = len(group)
        pool = sum(prizes[pos:pos + k])
        shares = split(pool, [1] * k)
        out.extend(ContestPlace(entries[i].participant, values[i], pos + 1, k, s)
                   for i, s in zip(group, shares, strict=True))
        pos += k
    out.extend(ContestPlace(entries[i].participant, values[i], None, 0, 0)
               for i in order if values[i] <= 0)
    return tuple(out)


def split_team_prize(prize: int, members: Sequence[str | int]) -> dict[str | int, int]:
    """A team's prize shared equally among its members; a left-over fen goes to the earlier."""
    check_amount(prize, field="prize")
    if not members:
        return {}
    return dict(zip(members, split(prize, [1] * len(members)), strict=True))


@dataclass(frozen=True)
class ContestPrize:
    contest: str  # the contest's name as printed
    rank: int
    prize: int  # fen
    tied: int = 1


# ----------------------------------------------------------------------------- annual bonus


def annual_bonus_entitlement(actual: int, target: int, share: Ratio) -> int:
    """``round_half_up(max(0, actual − target) × share)``."""
    check_amount(actual, allow_negative=True, field="actual")
    check_amount(target, field="target")
    s = _check_share(share)
    return round_half_up(max(0, actual - target) * s)


def _check_share(share: Ratio) -> Fraction:
    s = to_ratio(share, field="annual_bonus_share")
    if not 0 <= s <= 1:
        raise ValidationError("incentives.share_invalid", field="annual_bonus_share")
    return s


@dataclass(frozen=True)
class Accrual:
    ytd_actual: int
    ytd_target: int
    entitlement_to_date: int
    accrued_before: int
    accrual: int  # this month's provision; may be negative


def accrue_annual_bonus(ytd_actual: int, ytd_target: int, share: Ratio,
                        accrued_before: int) -> Accrual:
    """``accrual = entitlement(ytd_actual, ytd_target, share) − accrued_before``."""
    ent = annual_bonus_entitlement(ytd_actual, ytd_target, share)
    check_amount(accrued_before, field="accrued_before")
    return Accrual(ytd_actual, ytd_target, ent, accrued_before, ent - accrued_before)


def accrual_schedule(monthly_actuals: Sequence[int], monthly_targets: Sequence[int],
                     share: Ratio) -> tuple[Accrual, ...]:
    """The accruals of consecutive months from January; they sum to the last month's
    entitlement exactly."""
    if len(monthly_actuals) != len(monthly_targets) or len(monthly_actuals) > 12:
        raise ValidationError("incentives.months_mismatch", field="months")
    out: list[Accrual] = []
    ya = yt = accrued = 0
    for a, t in zip(monthly_actuals, monthly_targets, strict=True):
        ya += a
        yt += t
        acc = accrue_annual_bonus(ya, yt, share, accrued)
        accrued = acc.entitlement_to_date
        out.append(acc)
    return tuple(out)


@dataclass(frozen=True)
class AnnualBonusInput:
    actual: int  # fen, the whole year's figure (revenue or gross profit, as the owner chose)
    target: int  # fen, the year's target


# ----------------------------------------------------------------------------- deductions


@dataclass(frozen=True)
class Deduction:
    reason: str
    amount: int  # fen > 0, taken off


@dataclass(frozen=True)
class Adjustment:
    source: str  # the locked run it corrects, e.g. "2024-05"
    reason: str
    amount: int  # fen, any sign, not zero


def _reason(text: str, index: int) -> str:
    r = clean_text(text, field="reason", max_len=REASON_MAX)
    if not r:
        raise ValidationError("incentives.reason_required", field="reason", index=index)
    return r


# ----------------------------------------------------------------------------- schemes


class Inherit(Enum):
    INHERIT = "inherit"


INHERIT = Inherit.INHERIT


@dataclass(frozen=True)
class PayScheme:
    """A position's pay rules. Amounts in fen per month."""

    base_pay: int = 0
    responsibility_pay: int = 0
    performance_base: int = 0
    performance_cap: Ratio = DEFAULT_PERFORMANCE_CAP
    commission: CommissionRule | None = None
    new_member_bonus: int = 0  # fen per new member developed
    mentor: MentorRule | None = None
    annual_bonus_share: Ratio = 0
    annual_bonus_month: int | None = None  # 1..12: the month the annual bonus is paid


@dataclass(frozen=True)
class SchemeOverride:
    """A person's exceptions to the position's scheme; every field left INHERIT keeps the
    position's value (``None`` is a value: ``commission=None`` removes the commission)."""

    base_pay: int | Inherit = INHERIT
    responsibility_pay: int | Inherit = INHERIT
    performance_base: int | Inherit = INHERIT
    performance_cap: Ratio | Inherit = INHERIT
    commission: CommissionRule | None | Inherit = INHERIT
    new_member_bonus: int | Inherit = INHERIT
    mentor: MentorRule | None | Inherit = INHERIT
    annual_bonus_share: Ratio | Inherit = INHERIT
    annual_bonus_month: int | None | Inherit = INHERIT


def merge_scheme(position: PayScheme, override: SchemeOverride | None) -> PayScheme:
    """The position's scheme with the person's overridden fields replaced (whole fields: an
    overridden commission replaces the whole bracket table, never single brackets)."""
    if override is None:
        return position
    changes = {f.name: getattr(override, f.name) for f in dataclasses.fields(override)
               if getattr(override, f.name) is not INHERIT}
    return dataclasses.replace(position, **changes)


def validate_scheme(scheme: PayScheme) -> None:
    """Raise ``validation.fields`` naming every field that breaks a rule."""
    c = Collector()
    for name in ("base_pay", "responsibility_pay", "performance_base", "new_member_bonus"):
        c.take(name, check_amount, getattr(scheme, name), field=name)
    c.take("performance_cap", _check_cap, scheme.performance_cap)
    if scheme.commission is not None:
        c.take("brackets", validate_brackets, scheme.commission.brackets,
               scheme.commission.bracket_by)
    if scheme.mentor is not None:
        c.take("standard_line", _check_standard_line, scheme.mentor.standard_line)
        c.take("mentor_bonus", check_amount, scheme.mentor.bonus, field="mentor_bonus")
        c.take("mentor_subsidy", check_amount, scheme.mentor.subsidy, field="mentor_subsidy")
    share = c.take("annual_bonus_share", _check_share, scheme.annual_bonus_share)
    m = scheme.annual_bonus_month
    if m is not None and (isinstance(m, bool) or not isinstance(m, int) or not 1 <= m <= 12):
        c.errors.setdefault("annual_bonus_month", ValidationError(
            "incentives.month_invalid", field="annual_bonus_month"))
    elif m is None and share:
        c.errors.setdefault("annual_bonus_month", ValidationError(
            "incentives.annual_bonus_month_required", field="annual_bonus_month"))
    c.done()


# ----------------------------------------------------------------------------- the payslip


@dataclass(frozen=True)
class PayInputs:
    """Everything one person's month needs; the scheme is already merged with the overrides."""

    year: int
    month: int
    scheme: PayScheme
    joined: date | None = None
    left: date | None = None
    assessment_score: Ratio | None = None  # needed when the scheme pays performance pay
    sales: SalesFigures = SalesFigures()
    new_members: int = 0
    apprentices: tuple[ApprenticeResult, ...] = ()
    contest_prizes: tuple[ContestPrize, ...] = ()
    annual_bonus: AnnualBonusInput | None = None  # only in the scheme's annual_bonus_month
    deductions: tuple[Deduction, ...] = ()
    adjustments: tuple[Adjustment, ...] = ()


def compute_pay(inputs: PayInputs) -> Payslip:
    """The month's payslip. Lines in a fixed order: base, responsibility, performance,
    commission, new-member bonus, mentor lines per apprentice, contest prizes, annual bonus,
    deductions, adjustments. A fixed component with a zero amount in the scheme has no line; a
    configured commission or new-member bonus always has one, so a slip shows "0 × ¥50"."""
    validate_scheme(inputs.scheme)
    s = inputs.scheme
    if not 1 <= inputs.month <= 12:
        raise ValidationError("incentives.month_invalid", field="month")
    c = Collector()
    days = c.take("left", days_employed, inputs.year, inputs.month, inputs.joined, inputs.left)
    n = calendar.monthrange(inputs.year, inputs.month)[1]
    lines: list[PayLine] = []
    carry_out = 0
    if days is not None:
        if s.base_pay:
            lines.append(_fixed_line(PayKind.BASE, s.base_pay, days, n))
        if s.responsibility_pay:
            lines.append(_fixed_line(PayKind.RESPONSIBILITY, s.responsibility_pay, days, n))
        if s.performance_base:
            line = c.take("assessment_score", _performance_line, s, inputs.assessment_score,
                          days, n)
            if line is not None:
                lines.append(line)
    if s.commission is not None:
        r = c.take("sales", compute_commission, s.commission, inputs.sales)
        if r is not None:
            lines.append(_commission_line(s.commission, inputs.sales, r))
            carry_out = r.base.carry_out
    count = c.take("new_members", _count, inputs.new_members, "new_members")
    if s.new_member_bonus and count is not None:
        amount = count * s.new_member_bonus
        lines.append(_line(PayKind.NEW_MEMBER_BONUS, amount, _basis(
            "pay.new_member_bonus", count=count_value(count), unit=money_value(s.new_member_bonus),
            amount=money_value(amount))))
    if inputs.apprentices:
        got = c.take("apprentices", _all_mentor_lines, s.mentor, inputs.apprentices)
        lines.extend(got or ())
    got = c.take("contest_prizes", _prize_lines, inputs.contest_prizes)
    lines.extend(got or ())
    if inputs.annual_bonus is not None:
        line = c.take("annual_bonus", _annual_line, s, inputs.month, inputs.annual_bonus)
        if line is not None:
            lines.append(line)
    got = c.take("deductions", _deduction_lines, inputs.deductions)
    lines.extend(got or ())
    got = c.take("adjustments", _adjustment_lines, inputs.adjustments)
    lines.extend(got or ())
    c.done()
    assert days is not None
    return Payslip(inputs.year, inputs.month, tuple(lines), sum(x.amount for x in lines), days, n,
                   carry_out)


def _performance_line(s: PayScheme, score: Ratio | None, days: int, n: int) -> PayLine:
    if score is None:
        raise ValidationError("incentives.score_missing", field="assessment_score")
    factor = performance_factor(score, s.performance_cap)
    base = prorate(s.performance_base, days, n)
    amount = round_half_up(base * factor)
    prorated = days != n
    return _line(PayKind.PERFORMANCE, amount, _basis(
        "pay.performance", performance_base=money_value(base), factor=ratio_value(factor),
        score=score_value(to_ratio(score)), cap=ratio_value(to_ratio(s.performance_cap)),
        monthly=money_value(s.performance_base) if prorated else None,
        days_employed=count_value(days) if prorated else None,
        days_in_month=count_value(n) if prorated else None,
        amount=money_value(amount)))


def _all_mentor_lines(rule: MentorRule | None,
                      apprentices: Sequence[ApprenticeResult]) -> list[PayLine]:
    if rule is None:
        raise ValidationError("incentives.no_mentor_rule", field="apprentices")
    out: list[PayLine] = []
    for i, ap in enumerate(apprentices):
        clean_text(ap.apprentice, field="apprentices", max_len=REASON_MAX)
        if ap.attainment is None:
            out.extend(_mentor_lines_unknown(rule, ap))
            continue
        if to_ratio(ap.attainment, field="apprentices") < 0:
            raise ValidationError("incentives.attainment_invalid", field="apprentices", index=i)
        out.extend(_mentor_lines(rule, ap))
    return out


def _prize_lines(prizes: Sequence[ContestPrize]) -> list[PayLine]:
    out = []
    for i, p in enumerate(prizes):
        if isinstance(p.prize, bool) or not isinstance(p.prize, int) or p.prize < 0:
            raise ValidationError("incentives.prize_invalid", field="contest_prizes", index=i)
        check_amount(p.prize, field="contest_prizes")
        name = clean_text(p.contest, field="contest_prizes", max_len=REASON_MAX)
        out.append(_line(PayKind.PK_PRIZE, p.prize, _basis(
            "pay.pk_prize", contest=text_value(name), rank=count_value(p.rank),
            tied=count_value(p.tied), amount=money_value(p.prize))))
    return out


def _annual_line(s: PayScheme, month: int, a: AnnualBonusInput) -> PayLine:
    if s.annual_bonus_month != month:
        raise ValidationError("incentives.annual_bonus_not_due", field="annual_bonus",
                              month=month, due=s.annual_bonus_month)
    amount = annual_bonus_entitlement(a.actual, a.target, s.annual_bonus_share)
    return _line(PayKind.ANNUAL_BONUS, amount, _basis(
        "pay.annual_bonus", actual=money_value(a.actual), target=money_value(a.target),
        share=ratio_value(to_ratio(s.annual_bonus_share)), amount=money_value(amount)))


def _deduction_lines(deductions: Sequence[Deduction]) -> list[PayLine]:
    out = []
    for i, d in enumerate(deductions):
        reason = _reason(d.reason, i)
        check_amount(d.amount, allow_zero=False, field="amount")
        out.append(_line(PayKind.DEDUCTION, -d.amount, _basis(
            "pay.deduction", reason=text_value(reason), amount=money_value(-d.amount))))
    return out


def _adjustment_lines(adjustments: Sequence[Adjustment]) -> list[PayLine]:
    out = []
    for i, a in enumerate(adjustments):
        reason = _reason(a.reason, i)
        source = clean_text(a.source, field="source", max_len=REASON_MAX)
        check_amount(a.amount, allow_negative=True, field="amount")
        if a.amount == 0:
            raise ValidationError("incentives.adjustment_zero", field="amount", index=i)
        out.append(_line(PayKind.ADJUSTMENT, a.amount, _basis(
            "pay.adjustment", source=text_value(source), reason=text_value(reason),
            amount=money_value(a.amount))))
    return out
