"""Plan tracking (计划追踪): is a person, department or the store on pace with the plan?

Pace is "what should be done by today": the sum of the plan's daily amounts from the start of the
period up to and including today (the plan already puts weekends, closed days and the season into
its days, so no straight-line share of the month is assumed). For a period (a day, an ISO week, a
month, the year to date) ``start..end``:

* ``target`` = Σ planned days in ``start..end``
* ``due``    = Σ planned days in ``start..min(today, end)`` (0 when today is before ``start``)
* ``attainment`` = ``actual / due`` as an exact fraction; ``percent`` rounds it half up to a whole
  percent for display
* status: **green** when ``attainment >= green`` (default 1: on pace or ahead), **amber** when
  ``attainment >= amber`` (default 9/10: within 10 % of pace), **red** below. Both thresholds are
  parameters so a shop can be stricter or gentler; ``0 <= amber <= green`` is required.
* nothing due yet (``due == 0``): attainment is ``None`` and the status green — nobody is behind a
  plan that has not asked for anything.

Error codes (``ValidationError.code``: suggested English message; params):

* ``pace.thresholds_invalid``: "The amber threshold must be between 0 and the green threshold."
  (``green``, ``amber``)
* ``pace.period_invalid``: "The period ends before it starts." (``start``, ``end``)
* ``targets.invalid_number``: "Enter a number." (``text``) — an actual or threshold that is not a
  number
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.money import round_half_up
from opsdesk.domain.targets import Number, as_fraction

DEFAULT_GREEN = Fraction(1)
DEFAULT_AMBER = Fraction(9, 10)


class PaceStatus(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


@dataclass(frozen=True)
class Pace:
    today: date
    start: date | None
    end: date | None
    target: int  # the whole period
    due: int  # planned up to and including today
    actual: int
    attainment: Fraction | None  # actual / due; None when nothing was due
    status: PaceStatus

    @property
    def percent(self) -> int | None:
        """Attainment as a whole percent, half up: 0.895 -> 90."""
        return None if self.attainment is None else round_half_up(self.attainment * 100)

    @property
    def behind(self) -> int:
        """How far actual trails what was due (0 when on pace or ahead)."""
        return max(0, self.due - self.actual)

    @property
    def remaining(self) -> int:
        """What is still to do for the whole period (0 once the target is reached)."""
        return max(0, self.target - self.actual)


def _thresholds(green: Number, amber: Number) -> tuple[Fraction, Fraction]:
    g = as_fraction(green, field="green")
    a = as_fraction(amber, field="amber")
    if not 0 <= a <= g:
        raise ValidationError("pace.thresholds_invalid", field="amber", green=str(g),
                              amber=str(a))
    return g, a


def status_for(attainment: Fraction | None, green: Number = DEFAULT_GREEN,
               amber: Number = DEFAULT_AMBER) -> PaceStatus:
    """green if ``attainment >= green``, amber if ``>= amber``, else red; ``None`` is green."""
    g, a = _thresholds(green, amber)
    if attainment is None or attainment >= g:
        return PaceStatus.GREEN
    return PaceStatus.AMBER if attainment >= a else PaceStatus.RED


def planned_between(daily: Mapping[date, int], start: date | None, end: date | None) -> int:
    """Σ planned days with ``start <= day <= end`` (an open bound takes every day that side)."""
    return sum(v for d, v in daily.items()
               if (start is None or d >= start) and (end is None or d <= end))


def pace(daily: Mapping[date, int], actual: int, today: date, *, start: date | None = None,
         end: date | None = None, green: Number = DEFAULT_GREEN,
         amber: Number = DEFAULT_AMBER) -> Pace:
    """Pace of one period of the plan; formulas in the module docstring.

    ``daily`` is the plan's days (e.g. :meth:`opsdesk.domain.targets.Plan.daily`); ``actual`` is
    what was really done in ``start..today`` in the same unit (fen or count).
    """
    if isinstance(actual, bool) or not isinstance(actual, int):
        raise ValidationError("targets.invalid_number", field="actual", text=repr(actual)[:40])
    if start is not None and end is not None and start > end:
        raise ValidationError("pace.period_invalid", field="end", start=start.isoformat(),
                              end=end.isoformat())
    _thresholds(green, amber)
    until = today if end is None else min(today, end)
    due = 0 if start is not None and today < start else planned_between(daily, start, until)
    target = planned_between(daily, start, end)
    attainment = Fraction(actual, due) if due else None
    return Pace(today, start, end, target, due, actual, attainment,
                status_for(attainment, green, amber))
