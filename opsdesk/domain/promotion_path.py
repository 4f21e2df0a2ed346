"""The promotion path (晋升通道): levels anyone can see, and who has earned the next one.

A :class:`Level` has a rank (higher is better) and criteria that must *all* hold in the month
being evaluated:

* :class:`ConsecutiveAttainment` - the last ``months`` calendar months, this month included, each
  with an attainment (actual / target, ``1`` = 100 %) of at least ``min_attainment``. A month
  without a record or without a target breaks the run: no figure, no proof.
* :class:`NewMembersInQuarter` - at least ``min_count`` new members developed in the calendar
  quarter to date (from the quarter's first month through this month), so a person qualifies in
  the month the count is reached rather than waiting for the quarter to end.

People climb one level at a time: a person qualifies for the *next* level above their current
one (the lowest rank above it; a person with no level aims at the lowest level) when all its
criteria hold. Skipping is not possible because each step is meant to be seen and celebrated, and
a level's criteria are written for people coming from the level below. :func:`qualifiers` lists
the people who qualify this month with the evidence behind each criterion.

Error codes, suggested English messages:

* ``promotion.code_invalid`` - "Give the level a short code."
* ``promotion.duplicate_code`` (``code``) - "Two levels have the same code."
* ``promotion.duplicate_rank`` (``code``) - "Two levels have the same rank."
* ``promotion.rank_invalid`` (``code``) - "The rank must be a whole number."
* ``promotion.no_criteria`` (``code``) - "Give the level at least one criterion."
* ``promotion.months_invalid`` (``code``, ``min``, ``max``) - "Count from {min} to {max} months."
* ``promotion.min_attainment_invalid`` (``code``) - "The attainment must be above 0%."
* ``promotion.count_invalid`` (``code``) - "Enter a whole number above 0."
* ``promotion.criterion_unknown`` (``code``) - "This kind of criterion is not supported."
* ``promotion.level_unknown`` (``person``, ``level``) - "The person's current level no longer
  exists."
* ``promotion.month_invalid`` - "Choose a month from 1 to 12."
* ``promotion.attainment_invalid`` (``person``) - "Attainment cannot be negative."
* ``rate.invalid`` (``text``) - "Enter a number such as 1 or 100%."
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.incentives import Ratio, to_ratio

YearMonth = tuple[int, int]
MAX_MONTHS = 24
CODE_MAX = 40


@dataclass(frozen=True)
class ConsecutiveAttainment:
    months: int
    min_attainment: Ratio  # 1 = 100 %


@dataclass(frozen=True)
class NewMembersInQuarter:
    min_count: int


Criterion = ConsecutiveAttainment | NewMembersInQuarter


@dataclass(frozen=True)
class Level:
    code: str  # stable key; the UI shows the owner's name for it
    rank: int
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class MonthStat:
    attainment: Ratio | None  # None: no target that month
    new_members: int = 0


@dataclass(frozen=True)
class PersonHistory:
    person: str | int
    current_level: str | None  # None: not on the path yet
    months: Mapping[YearMonth, MonthStat]


@dataclass(frozen=True)
class Evidence:
    criterion: Criterion
    met: bool
    months: tuple[YearMonth, ...]  # the months looked at, oldest first
    values: tuple[Fraction | int | None, ...]  # attainment per month, or new members per month


@dataclass(frozen=True)
class Qualification:
    person: str | int
    from_level: str | None
    to_level: str
    evidence: tuple[Evidence, ...]


def months_back(year: int, month: int, n: int) -> tuple[YearMonth, ...]:
    """The ``n`` calendar months ending with (year, month), oldest first."""
    out = []
    y, m = year, month
    for _ in range(n):
        out.append((y, m))
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return tuple(reversed(out))


def quarter_to_date(year: int, month: int) -> tuple[YearMonth, ...]:
    first = (month - 1) // 3 * 3 + 1
    return tuple((year, m) for m in range(first, month + 1))


def validate_levels(levels: Sequence[Level]) -> tuple[Level, ...]:
    """Check the path and return it sorted by rank, lowest first."""
    codes: set[str] = set()
    ranks: set[int] = set()
    for lv in levels:
        if not isinstance(lv.code, str) or not lv.code.strip() or len(lv.code) > CODE_MAX:
            raise ValidationError("promotion.code_invalid", field="code")
        if lv.code in codes:
            raise ValidationError("promotion.duplicate_code", field="code", code=lv.code)
        if isinstance(lv.rank, bool) or not isinstance(lv.rank, int):
            raise ValidationError("promotion.rank_invalid", field="rank", code=lv.code)
        if lv.rank in ranks:
            raise ValidationError("promotion.duplicate_rank", field="rank", code=lv.code)
        codes.add(lv.code)
        ranks.add(lv.rank)
        if not lv.criteria:
            raise ValidationError("promotion.no_criteria", field="criteria", code=lv.code)
        for cr in lv.criteria:
            _check_criterion(cr, lv.code)
    return tuple(sorted(levels, key=lambda lv: lv.rank))


def _positive_int(x: object) -> bool:
    return not isinstance(x, bool) and isinstance(x, int) and x > 0


def _check_criterion(cr: object, code: str) -> None:
    if isinstance(cr, ConsecutiveAttainment):
        if not _positive_int(cr.months) or cr.months > MAX_MONTHS:
            raise ValidationError("promotion.months_invalid", field="criteria", code=code,
                                  min=1, max=MAX_MONTHS)
        if to_ratio(cr.min_attainment, field="criteria") <= 0:
            raise ValidationError("promotion.min_attainment_invalid", field="criteria",
                                  code=code)
    elif isinstance(cr, NewMembersInQuarter):
        if not _positive_int(cr.min_count):
            raise ValidationError("promotion.count_invalid", field="criteria", code=code)
    else:
        raise ValidationError("promotion.criterion_unknown", field="criteria", code=code)


def evaluate(criterion: Criterion, history: PersonHistory, year: int, month: int) -> Evidence:
    """Whether one criterion holds for the person in (year, month), with the figures used."""
    if not 1 <= month <= 12:
        raise ValidationError("promotion.month_invalid", field="month")
    if isinstance(criterion, ConsecutiveAttainment):
        window = months_back(year, month, criterion.months)
        floor = to_ratio(criterion.min_attainment)
        values: list[Fraction | int | None] = []
        for ym in window:
            stat = history.months.get(ym)
            a = None if stat is None or stat.attainment is None else to_ratio(stat.attainment)
            if a is not None and a < 0:
                raise ValidationError("promotion.attainment_invalid", field="months",
                                      person=str(history.person))
            values.append(a)
        met = all(a is not None and a >= floor for a in values)
        return Evidence(criterion, met, window, tuple(values))
    window = quarter_to_date(year, month)
    counts = tuple(history.months[ym].new_members if ym in history.months else 0
                   for ym in window)
    return Evidence(criterion, sum(counts) >= criterion.min_count, window, counts)


def next_level(levels: Sequence[Level], current: str | None) -> Level | None:
    """The lowest level ranked above ``current`` (None when already at the top)."""
    ordered = sorted(levels, key=lambda lv: lv.rank)
    if current is None:
        return ordered[0] if ordered else None
    now = next((lv for lv in ordered if lv.code == current), None)
    if now is None:
        raise ValidationError("promotion.level_unknown", field="current_level", level=current,
                              person="")
    return next((lv for lv in ordered if lv.rank > now.rank), None)


def qualifiers(levels: Sequence[Level], histories: Sequence[PersonHistory], year: int,
               month: int) -> tuple[Qualification, ...]:
    """Everyone who, in (year, month), meets every criterion of their next level; in the order
    the histories were given."""
    path = validate_levels(levels)
    out: list[Qualification] = []
    for h in histories:
        try:
            target = next_level(path, h.current_level)
        except ValidationError:
            raise ValidationError("promotion.level_unknown", field="current_level",
                                  level=h.current_level, person=str(h.person)) from None
        if target is None:
            continue
        evidence = tuple(evaluate(cr, h, year, month) for cr in target.criteria)
        if all(e.met for e in evidence):
            out.append(Qualification(h.person, h.current_level, target.code, evidence))
    return tuple(out)
