"""Assessment (考核): a month's KPI items, each weighted, scored against a target.

An assessment template is a list of :class:`KpiItem` whose weights add up to exactly 100 points.
For one person and month each item gets a target and an actual (:class:`KpiEntry`): AUTO items are
counted from the data by a service (visits, effective visits, new customers, second follow-ups,
revenue), MANUAL items are entered by the manager (attitude). :func:`fill_entries` puts the two
together; :func:`score_assessment` scores them.

Formula, per item::

    ratio  = actual / target                 (target > 0, actual >= 0)
    capped = min(ratio, cap)                 (cap >= 1; default 1.2, attitude 1)
    score  = round_half_up(weight × capped × 100) / 100     (points, two decimals)

and ``total = Σ score`` (exact: a sum of two-decimal numbers), so the breakdown printed on a slip
adds up to the total to the last digit. Reaching every target scores 100; over-achievement is
rewarded up to ``Σ weight × cap`` (118 with the default items) and a single item cannot make up
for more than ``(cap − 1) × weight`` of shortfalls elsewhere.
:func:`opsdesk.domain.incentives.performance_factor` turns the total into the performance-pay
multiplier (``score / 100``, capped there too).

Other codes a template may use: AUTO ``new_members``, ``deals``, ``revenue`` (the person's),
``store_revenue_attainment`` (the whole store's revenue net of refunds against the sum of the
plan's revenue targets: for the manager, whose own sales are few), ``store_new_members``
(every member registered in the store that month: the front desk's count) and MANUAL
``plan_follow_through`` (how well the month's plan was followed up, scored by the owner). A
template may belong to the store (every position without its own) or to one position.

Units are the caller's as long as target and actual share them: counts for visits, fen for
revenue (so "revenue attainment" is revenue / revenue target), points for attitude (the default
target 10 means "out of 10").

Default items (seed 004: 拜访量, 有效拜访, 新客户开发, 二次跟进; revenue attainment; attitude):
``visits`` 20, ``effective_visits`` 20, ``new_customers`` 20, ``second_follow_ups`` 15,
``revenue_attainment`` 15 (all AUTO, cap 1.2) and ``attitude`` 10 (MANUAL, cap 1).

Error codes, suggested English messages (per item the error's ``field`` is the item code;
several at once are raised as ``validation.fields``):

* ``assessment.weights_sum`` (param ``actual``) - "The weights add up to {actual}; they must add
  up to 100."
* ``assessment.items_empty`` - "Add at least one assessment item."
* ``assessment.code_invalid`` - "Give the item a short code."
* ``assessment.item_duplicate`` (``code``) - "This item is listed twice."
* ``assessment.weight_invalid`` - "A weight must be above 0."
* ``assessment.cap_invalid`` (``min``, ``max``) - "The cap must be between {min} and {max}."
* ``assessment.target_invalid`` - "The target must be above 0."
* ``assessment.actual_invalid`` - "The result cannot be negative."
* ``assessment.item_missing`` - "Enter a result for this item."
* ``assessment.item_unknown`` (``code``) - "This item is not part of the assessment."
* ``assessment.manual_missing`` - "The manager has not scored this item yet."
* ``assessment.auto_missing`` - "No figure was found for this item."
* ``assessment.not_manual`` - "This item is counted from the records and cannot be typed in."
* ``assessment.unknown_position`` - "This position is not in the store."
* ``rate.invalid`` (``text``) - "Enter a number."
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from opsdesk.domain.errors import Collector, ValidationError
from opsdesk.domain.incentives import Ratio, to_ratio
from opsdesk.domain.money import round_half_up

TOTAL_WEIGHT = 100
# Items whose default target may be 0 ("only the plan's target counts").
PLAN_ONLY_CODES = ("revenue_attainment", "store_revenue_attainment")
DEFAULT_CAP = Decimal("1.2")
CAP_MIN, CAP_MAX = 1, 3
CODE_MAX = 40


class KpiSource(StrEnum):
    AUTO = "auto"  # counted from the records by a service
    MANUAL = "manual"  # entered by the manager


@dataclass(frozen=True)
class KpiItem:
    code: str  # stable key and translation key: "assessment.item." + code
    weight: Ratio  # points out of 100
    source: KpiSource = KpiSource.AUTO
    cap: Ratio = DEFAULT_CAP  # the largest actual/target that still earns points


DEFAULT_ITEMS: tuple[KpiItem, ...] = (
    KpiItem("visits", 20),
    KpiItem("effective_visits", 20),
    KpiItem("new_customers", 20),
    KpiItem("second_follow_ups", 15),
    KpiItem("revenue_attainment", 15),
    KpiItem("attitude", 10, KpiSource.MANUAL, cap=1),
)


@dataclass(frozen=True)
class KpiEntry:
    code: str
    target: Ratio
    actual: Ratio


@dataclass(frozen=True)
class ItemScore:
    code: str
    source: KpiSource
    weight: Fraction
    cap: Fraction
    target: Fraction
    actual: Fraction
    ratio: Fraction  # actual / target
    capped: Fraction  # min(ratio, cap)
    score: Decimal  # two decimals


@dataclass(frozen=True)
class AssessmentResult:
    items: tuple[ItemScore, ...]
    total: Decimal  # Σ item scores

    def item(self, code: str) -> ItemScore:
        for it in self.items:
            if it.code == code:
                return it
        raise KeyError(code)


def _weight(item: KpiItem) -> Fraction:
    w = to_ratio(item.weight, field=item.code)
    if w <= 0:
        raise ValidationError("assessment.weight_invalid", field=item.code)
    return w


def _cap(item: KpiItem) -> Fraction:
    c = to_ratio(item.cap, field=item.code)
    if not CAP_MIN <= c <= CAP_MAX:
        raise ValidationError("assessment.cap_invalid", field=item.code, min=CAP_MIN, max=CAP_MAX)
    return c


def validate_items(items: Sequence[KpiItem]) -> None:
    """Codes present and unique, weights > 0, caps in range, weights summing to exactly 100."""
    if not items:
        raise ValidationError("assessment.items_empty", field="items")
    c = Collector()
    seen: set[str] = set()
    total = Fraction(0)
    for it in items:
        if not isinstance(it.code, str) or not it.code.strip() or len(it.code) > CODE_MAX:
            raise ValidationError("assessment.code_invalid", field="items")
        if it.code in seen:
            raise ValidationError("assessment.item_duplicate", field="items", code=it.code)
        seen.add(it.code)
        w = c.take(it.code, _weight, it)
        c.take(it.code, _cap, it)
        total += w or 0
    c.done()
    if total != TOTAL_WEIGHT:
        raise ValidationError("assessment.weights_sum", field="weights", actual=_show(total))


def _show(x: Fraction) -> str:
    if x.denominator == 1:
        return str(x.numerator)
    return str(Decimal(round_half_up(x * 100)) / 100)


def item_score(weight: Fraction, cap: Fraction, target: Fraction, actual: Fraction) -> Decimal:
    """``round_half_up(weight × min(actual / target, cap) × 100) / 100``."""
    return Decimal(round_half_up(weight * min(actual / target, cap) * 100)) / 100


def score_assessment(items: Sequence[KpiItem], entries: Sequence[KpiEntry]) -> AssessmentResult:
    """Score every item of the template from its entry; the breakdown keeps each step."""
    validate_items(items)
    c = Collector()
    by_code: dict[str, KpiEntry] = {}
    known = {it.code for it in items}
    for e in entries:
        if e.code not in known:
            raise ValidationError("assessment.item_unknown", field="entries", code=e.code)
        if e.code in by_code:
            raise ValidationError("assessment.item_duplicate", field="entries", code=e.code)
        by_code[e.code] = e
    out: list[ItemScore] = []
    for it in items:
        e = by_code.get(it.code)
        if e is None:
            c.errors.setdefault(it.code, ValidationError("assessment.item_missing",
                                                         field=it.code))
            continue
        scored = c.take(it.code, _score_one, it, e)
        if scored is not None:
            out.append(scored)
    c.done()
    return AssessmentResult(tuple(out), sum((s.score for s in out), Decimal(0)))


def _score_one(it: KpiItem, e: KpiEntry) -> ItemScore:
    target = to_ratio(e.target, field=it.code)
    if target <= 0:
        raise ValidationError("assessment.target_invalid", field=it.code)
    actual = to_ratio(e.actual, field=it.code)
    if actual < 0:
        raise ValidationError("assessment.actual_invalid", field=it.code)
    w, cap = _weight(it), _cap(it)
    ratio = actual / target
    return ItemScore(it.code, it.source, w, cap, target, actual, ratio, min(ratio, cap),
                     item_score(w, cap, target, actual))


def fill_entries(items: Sequence[KpiItem], targets: Mapping[str, Ratio],
                 auto: Mapping[str, Ratio], manual: Mapping[str, Ratio]) -> tuple[KpiEntry, ...]:
    """Entries for every item: the actual of an AUTO item from ``auto`` (the service's counts),
    of a MANUAL item from ``manual`` (the manager's input). A manual value for an AUTO item is
    refused, so a counted figure cannot be quietly typed over."""
    c = Collector()
    out: list[KpiEntry] = []
    for it in items:
        if it.code not in targets:
            c.errors.setdefault(it.code, ValidationError("assessment.target_invalid",
                                                         field=it.code))
            continue
        if it.source is KpiSource.AUTO:
            if it.code in manual:
                c.errors.setdefault(it.code, ValidationError("assessment.not_manual",
                                                             field=it.code))
                continue
            if it.code not in auto:
                c.errors.setdefault(it.code, ValidationError("assessment.auto_missing",
                                                             field=it.code))
                continue
            actual = auto[it.code]
        else:
            if it.code not in manual:
                c.errors.setdefault(it.code, ValidationError("assessment.manual_missing",
                                                             field=it.code))
                continue
            actual = manual[it.code]
        out.append(KpiEntry(it.code, targets[it.code], actual))
    c.done()
    return tuple(out)
