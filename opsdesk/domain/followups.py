"""The follow-up engine's date rules (seed 002: never forget a customer).

Each rule turns facts about a customer into follow-up tasks with a due date. A rule can be
switched off and its numbers changed (:class:`FollowUpRule`, built by :func:`make_rule`). A task is
identified by a deterministic key (:func:`task_key`), stored unique with the task, so running the
generator again, on the same day or any later one, never produces a second task for the same fact,
whether the first was done, snoozed or reassigned.

The service generates tasks set-based in SQL; :func:`due_tasks` is the reference implementation
the SQL is tested against. Both must follow the rules below word for word.

Calendar arithmetic
-------------------
All dates are the store's local calendar days; times of day play no part.

* "N days after" is N **calendar days** (:func:`add_days`): Jan 31 + 30 days = Mar 2 (Mar 1 in a
  leap year); SQL ``date(d, '+30 days')``.
* "N months after" (:func:`add_months`) is the same day N months later, **clamped** to the end of
  a shorter month: Jan 31 + 1 month = Feb 28 (29); Feb 29 2024 + 12 months = Feb 28 2025. SQLite's
  ``date(d, '+12 months')`` does *not* clamp (it gives Mar 1 2025), so the SQL must write
  ``min(date(d, '+N months'), date(d, 'start of month', '+(N+1) months', '-1 day'))``, which
  the tests check against :func:`add_months`.
* A birthday on Feb 29 falls on **Feb 28** in a year without Feb 29 (:func:`birthday_on`), so
  it stays in the customer's month.

Facts (:class:`CustomerFacts`) and what they mean
--------------------------------------------------
* ``purchases``: the days of the customer's sales that were not reversed; several sales on one
  day are **one purchase day**: the series of follow-ups hangs on the day, not on the receipt,
  so a customer who bought twice in one day gets one call, not two identical ones.
* ``trials``: days of trial services; ``first_visit``: the day of the first store visit.
* ``contacts``: days of every logged visit (call, meeting, store visit, WeChat), effective or not.
* ``created_on``: the day the customer was registered; ``stage``: the current :class:`Stage`.
* ``birthday``: month and day (:class:`MonthDay`); the year, often unknown, plays no part.
* ``open_locks``: the launches (not in draft) where the customer holds a deposit (held > 0)
  without a deal (``services.launches.locked_unpaid``): the day of the latest lock and the
  launch's lock deadline, by which the shop wants the full payment.
* Facts dated after ``today`` are ignored, so the generator can be run "as of" any day.

The backlog horizon (``H`` = ``horizon_days``, default 30, from 0 to 180)
-------------------------------------------------------------------------
A follow-up that was due more than a month ago is history, not work: a task whose due date is
before ``today - H`` is **not created**, by every rule but DEPOSIT_UNPAID (a held deposit is
money between the shop and the customer and stays a task however old; launches are few). So the
first run on a store with years of history does not fill the queue with hundreds of thousands
of overdue calls, and a week without runs still creates everything due inside the horizon,
exactly as daily runs would have.

The two rules that hang one task on a whole idle spell would otherwise lose such customers for
good (the spell's single due date lies in the past forever). They **come round again**: the
task of a spell is due on the latest of its *return days* that is ``<= today``, and is created
when that day is inside the horizon; once created it is never re-dated (same key):

* LEAD_IDLE: the return days are ``a + n + j * 365`` days (``j = 0, 1, ...``): a prospect idle
  far longer than ``n`` days shows up once on the yearly return day of its idle count, instead of
  with a stale due date or never. A shop owner gets the recent idle leads now and the long
  forgotten ones spread over the year, not 300,000 calls for today.
* REACTIVATION: the return days are ``add_months(P, m + 12 * j)``: a customer idle for two years
  and a week whose 12-month task is history gets it on the two-year mark of the last purchase
  (Feb 29 2024 + 24 months = Feb 28 2026, clamped like every month step).

For the other rules the horizon only shortens the window: TRIAL_24H and AFTER_PURCHASE are
created while ``today - min(L, H) <= due``; BIRTHDAY while ``today - H <= due``. ``H = 0``
creates only what falls due on the day of the run.

The rules in words (``today`` = the day of the run; ``L`` = ``lookback_days``, default 30)
-----------------------------------------------------------------------------------------
A task is produced when its condition holds and ``due <= today``, and, where a rule says so, no
later than its last day, and (see above) ``due >= today - H``. "Not yet existing" is the SQL's
``NOT EXISTS`` on the key; the reference returns every task whose conditions hold, existing or
not.

* **TRIAL_24H** (``offsets = (d,)``, default 1 — "24 hours" is the next day): for each distinct day
  ``a`` among ``trials`` and ``first_visit`` (a trial on the first-visit day is one anchor):
  ``due = a + d days``; last day ``due + L``. Key ``trial_24h:{customer}:{a}``.
* **AFTER_PURCHASE** (``offsets``, default 30, 60, 90): for each purchase day ``p`` and offset
  ``k``: ``due = p + k days``, produced only if there is **no purchase day in** ``(p, due]``: the
  series follows the latest purchase, a new purchase supersedes the rest of an earlier one (a
  customer buying every week is plainly active and needs no satisfaction call per visit); last
  day ``due + L``. Key ``after_purchase:{customer}:{p}:{k}``; changing an offset starts the new
  step for purchases whose step is still inside its window.
* **REACTIVATION** (``offsets = (m,)``, in **months**, default 12): with ``P`` = the latest purchase
  day (customers who never bought are left to LEAD_IDLE): ``due = add_months(P, m)``, or the
  latest later return day ``add_months(P, m + 12 j) <= today`` (see the horizon); no last day
  (the customer stays idle until they buy). Key ``reactivation:{customer}:{P}``: one task per
  idle spell; a new purchase starts a new spell.
* **BIRTHDAY** (``offsets = (n,)``, default 7; at most 60): for each year ``y`` in ``today.year``,
  ``today.year + 1`` (the second covers the turn of the year): ``b = birthday_on(birthday, y)``,
  ``due = b - n days``, last day ``b``. Key ``birthday:{customer}:{y}``: once a year.
* **LEAD_IDLE** (``offsets = (n,)``, default 7): for a customer whose stage comes before
  ``customer`` (lead, target or qualified: every prospect, since buyers are covered by
  AFTER_PURCHASE and REACTIVATION): ``a`` = the latest contact day, or ``created_on`` when later or
  when never contacted; ``due = a + n days``, or the latest later return day
  ``a + n + 365 j <= today`` (see the horizon); no last day. Key ``lead_idle:{customer}:{a}``:
  a new contact starts a new count.
* **DEPOSIT_UNPAID** (``offsets = (x,)``, days before the lock deadline, default 7): for each
  open lock (``launch``, ``locked_on``, ``deadline``) with ``locked_on <= today``:
  ``due = max(deadline - x days, locked_on)`` (a lock taken inside the last ``x`` days is due at
  once, not overdue); no last day. Key ``deposit_unpaid:{customer}:{launch}:{locked_on}``.

A disabled rule produces nothing. Every task carries the customer's ``staff_id`` (``None``:
unassigned). :func:`due_tasks` returns the tasks ordered by due date, rule (in the order above),
customer and key.

Keys (:func:`task_key`): ``"{rule}:{customer_id}:{part}:{part}..."``; a date part is
``YYYY-MM-DD``, an integer part is decimal without padding. In SQL:
``'after_purchase:' || customer_id || ':' || day || ':' || 30``. A rule's numbers are not in the
key (except the purchase offset, which names the step), so changing them never duplicates a task.

Error codes (``ValidationError.code``: suggested English message; params)
-------------------------------------------------------------------------
* ``followups.offsets_required``: "Enter at least one number of days." (``rule``)
* ``followups.offset_out_of_range``: "Enter a number from {min} to {max}." (``rule``, ``value``,
  ``min``, ``max``)
* ``followups.offsets_duplicate``: "{value} is listed twice." (``rule``, ``value``)
* ``followups.too_many_offsets``: "This rule takes at most {max} numbers." (``rule``, ``max``)
* ``followups.duplicate_rule``: "The rule {rule} is defined twice." (``rule``)
* ``followups.birthday_invalid``: "This is not a day of the year." (``month``, ``day``)
* ``followups.lookback_invalid``: "Enter a number of days from {min} to {max}." (``value``,
  ``min``, ``max``)
* ``followups.horizon_invalid``: "Enter a number of days from {min} to {max}." (``value``,
  ``min``, ``max``)
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.members import STAGE_ORDER, Stage

DEFAULT_LOOKBACK_DAYS = 30
LOOKBACK_MAX = 366
DEFAULT_HORIZON_DAYS = 30
# At most half a year: the return days of the idle rules are a year apart, so at most one of
# them is ever inside the horizon.
HORIZON_MAX = 180
LEAD_IDLE_RETURN_DAYS = 365
REACTIVATION_RETURN_MONTHS = 12


class RuleKind(StrEnum):
    TRIAL_24H = "trial_24h"
    AFTER_PURCHASE = "after_purchase"
    REACTIVATION = "reactivation"
    BIRTHDAY = "birthday"
    LEAD_IDLE = "lead_idle"
    DEPOSIT_UNPAID = "deposit_unpaid"


RULE_ORDER = {k: i for i, k in enumerate(RuleKind)}


@dataclass(frozen=True)
class OffsetLimits:
    unit: str  # "days" or "months": how the UI labels the numbers
    low: int
    high: int
    most: int  # how many numbers the rule takes


LIMITS: dict[RuleKind, OffsetLimits] = {
    RuleKind.TRIAL_24H: OffsetLimits("days", 1, 30, 1),
    RuleKind.AFTER_PURCHASE: OffsetLimits("days", 1, 3650, 12),
    RuleKind.REACTIVATION: OffsetLimits("months", 1, 120, 1),
    # Beyond 60 days two yearly occurrences could share one window.
    RuleKind.BIRTHDAY: OffsetLimits("days", 0, 60, 1),
    RuleKind.LEAD_IDLE: OffsetLimits("days", 1, 365, 1),
    RuleKind.DEPOSIT_UNPAID: OffsetLimits("days", 0, 365, 1),
}

DEFAULT_OFFSETS: dict[RuleKind, tuple[int, ...]] = {
    RuleKind.TRIAL_24H: (1,),
    RuleKind.AFTER_PURCHASE: (30, 60, 90),
    RuleKind.REACTIVATION: (12,),
    RuleKind.BIRTHDAY: (7,),
    RuleKind.LEAD_IDLE: (7,),
    RuleKind.DEPOSIT_UNPAID: (7,),
}


@dataclass(frozen=True)
class FollowUpRule:
    kind: RuleKind
    enabled: bool
    offsets: tuple[int, ...]  # ascending; one number except for AFTER_PURCHASE

    @property
    def offset(self) -> int:
        return self.offsets[0]


def make_rule(kind: RuleKind, offsets: Sequence[int], enabled: bool = True) -> FollowUpRule:
    """A checked rule: one to ``LIMITS[kind].most`` whole numbers within the limits, no repeats,
    kept in ascending order."""
    kind = RuleKind(kind)
    lim = LIMITS[kind]
    values = list(offsets)
    if not values:
        raise ValidationError("followups.offsets_required", field="offsets", rule=str(kind))
    if len(values) > lim.most:
        raise ValidationError("followups.too_many_offsets", field="offsets", rule=str(kind),
                              max=lim.most)
    for v in values:
        if isinstance(v, bool) or not isinstance(v, int) or not lim.low <= v <= lim.high:
            raise ValidationError("followups.offset_out_of_range", field="offsets",
                                  rule=str(kind), value=str(v), min=lim.low, max=lim.high)
    seen: set[int] = set()
    for v in values:
        if v in seen:
            raise ValidationError("followups.offsets_duplicate", field="offsets",
                                  rule=str(kind), value=v)
        seen.add(v)
    return FollowUpRule(kind, bool(enabled), tuple(sorted(values)))


def default_rules() -> tuple[FollowUpRule, ...]:
    """Every rule, switched on, with the seed's numbers."""
    return tuple(make_rule(k, DEFAULT_OFFSETS[k]) for k in RuleKind)


def check_rules(rules: Iterable[FollowUpRule]) -> dict[RuleKind, FollowUpRule]:
    """Rules by kind; each kind at most once, each re-checked."""
    out: dict[RuleKind, FollowUpRule] = {}
    for r in rules:
        if r.kind in out:
            raise ValidationError("followups.duplicate_rule", rule=str(r.kind))
        out[RuleKind(r.kind)] = make_rule(r.kind, r.offsets, r.enabled)
    return out


# ----------------------------------------------------------------------------- calendar


def add_days(d: date, days: int) -> date:
    """``d`` + ``days`` calendar days."""
    return d + timedelta(days=days)


def add_months(d: date, months: int) -> date:
    """The same day ``months`` later, clamped to the last day of a shorter month."""
    i = d.year * 12 + d.month - 1 + months
    y, m = divmod(i, 12)
    m += 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


@dataclass(frozen=True)
class MonthDay:
    month: int
    day: int

    @classmethod
    def of(cls, d: date) -> MonthDay:
        return cls(d.month, d.day)


def month_day(month: int, day: int) -> MonthDay:
    """A checked birthday: a day that exists in some year (Feb 29 included)."""
    ok = (not isinstance(month, bool) and not isinstance(day, bool)
          and isinstance(month, int) and isinstance(day, int) and 1 <= month <= 12
          and 1 <= day <= calendar.monthrange(2000, month)[1])  # 2000: a leap year
    if not ok:
        raise ValidationError("followups.birthday_invalid", field="birthday", month=str(month),
                              day=str(day))
    return MonthDay(month, day)


def birthday_on(birthday: MonthDay, year: int) -> date:
    """The birthday's day in ``year``; Feb 29 becomes Feb 28 when ``year`` has no Feb 29."""
    last = calendar.monthrange(year, birthday.month)[1]
    return date(year, birthday.month, min(birthday.day, last))


# ----------------------------------------------------------------------------- due dates


def trial_due(anchor: date, days: int) -> date:
    """``anchor + days``: the day after a trial or first visit by default ("24 hours")."""
    return add_days(anchor, days)


def after_purchase_due(purchase_day: date, offset: int) -> date:
    """``purchase_day + offset`` calendar days."""
    return add_days(purchase_day, offset)


def reactivation_due(last_purchase: date, months: int) -> date:
    """``add_months(last_purchase, months)``: the day the customer has been idle that long."""
    return add_months(last_purchase, months)


def birthday_due(birthday: MonthDay, year: int, days_before: int) -> date:
    """``birthday_on(birthday, year) - days_before``."""
    return add_days(birthday_on(birthday, year), -days_before)


def lead_idle_due(last_contact: date | None, created_on: date, days: int) -> date:
    """``max(last_contact, created_on) + days`` (``created_on`` when never contacted)."""
    anchor = created_on if last_contact is None else max(last_contact, created_on)
    return add_days(anchor, days)


def lead_idle_return(first_due: date, today: date) -> date:
    """The latest return day ``first_due + 365 j <= today`` (``first_due <= today``)."""
    j = (today - first_due).days // LEAD_IDLE_RETURN_DAYS
    return add_days(first_due, j * LEAD_IDLE_RETURN_DAYS)


def reactivation_return(last_purchase: date, months: int, today: date) -> date:
    """The latest return day ``add_months(last_purchase, months + 12 j) <= today``
    (``reactivation_due(last_purchase, months) <= today``)."""
    j = 0
    while add_months(last_purchase, months + (j + 1) * REACTIVATION_RETURN_MONTHS) <= today:
        j += 1
    return add_months(last_purchase, months + j * REACTIVATION_RETURN_MONTHS)


def check_horizon(value: object) -> int:
    """A checked backlog horizon: whole days from 0 to ``HORIZON_MAX``."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= HORIZON_MAX:
        raise ValidationError("followups.horizon_invalid", field="horizon_days",
                              value=str(value), min=0, max=HORIZON_MAX)
    return value


def deposit_unpaid_due(deadline: date, days_before: int, locked_on: date) -> date:
    """``max(deadline - days_before, locked_on)``."""
    return max(add_days(deadline, -days_before), locked_on)


# ----------------------------------------------------------------------------- keys


def _part(p: date | int) -> str:
    if isinstance(p, datetime) or isinstance(p, bool):
        raise TypeError(f"a task key part is a date or an int, not {type(p).__name__}")
    if isinstance(p, date):
        return p.isoformat()
    if isinstance(p, int):
        return str(p)
    raise TypeError(f"a task key part is a date or an int, not {type(p).__name__}")


def task_key(rule: RuleKind, customer_id: int, *anchor: date | int) -> str:
    """``"{rule}:{customer_id}:{anchor parts}"``, parts joined by ``:`` (dates ISO, ints
    decimal). What each rule anchors on is in the module docstring."""
    return ":".join((str(RuleKind(rule)), _part(customer_id), *(_part(p) for p in anchor)))


# ----------------------------------------------------------------------------- reference


@dataclass(frozen=True)
class OpenLock:
    launch_id: int
    locked_on: date
    deadline: date  # the launch's lock deadline: the full payment is wanted by then


@dataclass(frozen=True)
class CustomerFacts:
    customer_id: int
    staff_id: int | None
    stage: Stage
    created_on: date
    first_visit: date | None = None
    trials: tuple[date, ...] = ()
    purchases: tuple[date, ...] = ()
    contacts: tuple[date, ...] = ()
    birthday: MonthDay | None = None
    open_locks: tuple[OpenLock, ...] = ()


@dataclass(frozen=True)
class Task:
    key: str
    rule: RuleKind
    customer_id: int
    staff_id: int | None
    due: date


_PROSPECT = STAGE_ORDER[Stage.CUSTOMER]


def _candidates(rule: FollowUpRule, f: CustomerFacts, today: date, lookback: int,
                horizon: int) -> Iterator[tuple[date, str]]:
    """(due, key) of every task ``rule`` produces for ``f`` on ``today``."""
    for due, key in _unbounded(rule, f, today, min(lookback, horizon)):
        if rule.kind is RuleKind.DEPOSIT_UNPAID or add_days(due, horizon) >= today:
            yield due, key


def _unbounded(rule: FollowUpRule, f: CustomerFacts, today: date,
               lookback: int) -> Iterator[tuple[date, str]]:
    c = f.customer_id
    k = rule.kind
    if k is RuleKind.TRIAL_24H:
        anchors = {d for d in f.trials if d <= today}
        if f.first_visit is not None and f.first_visit <= today:
            anchors.add(f.first_visit)
        for a in anchors:
            due = trial_due(a, rule.offset)
            if due <= today <= add_days(due, lookback):
                yield due, task_key(k, c, a)
    elif k is RuleKind.AFTER_PURCHASE:
        days = sorted({d for d in f.purchases if d <= today})
        for i, p in enumerate(days):
            nxt = days[i + 1] if i + 1 < len(days) else None
            for off in rule.offsets:
                due = after_purchase_due(p, off)
                superseded = nxt is not None and nxt <= due
                if not superseded and due <= today <= add_days(due, lookback):
                    yield due, task_key(k, c, p, off)
    elif k is RuleKind.REACTIVATION:
        days = [d for d in f.purchases if d <= today]
        if days:
            last = max(days)
            if reactivation_due(last, rule.offset) <= today:
                yield reactivation_return(last, rule.offset, today), task_key(k, c, last)
    elif k is RuleKind.BIRTHDAY:
        if f.birthday is not None:
            for y in (today.year, today.year + 1):
                due = birthday_due(f.birthday, y, rule.offset)
                if due <= today <= birthday_on(f.birthday, y):
                    yield due, task_key(k, c, y)
    elif k is RuleKind.LEAD_IDLE:
        if STAGE_ORDER[Stage(f.stage)] < _PROSPECT and f.created_on <= today:
            seen = [d for d in f.contacts if d <= today]
            anchor = max([f.created_on, *seen])
            due = lead_idle_due(anchor, f.created_on, rule.offset)
            if due <= today:
                yield lead_idle_return(due, today), task_key(k, c, anchor)
    elif k is RuleKind.DEPOSIT_UNPAID:
        for lock in f.open_locks:
            if lock.locked_on <= today:
                due = deposit_unpaid_due(lock.deadline, rule.offset, lock.locked_on)
                if due <= today:
                    yield due, task_key(k, c, lock.launch_id, lock.locked_on)


def due_tasks(rules: Iterable[FollowUpRule], facts: Iterable[CustomerFacts], today: date, *,
              lookback_days: int = DEFAULT_LOOKBACK_DAYS,
              horizon_days: int = DEFAULT_HORIZON_DAYS) -> list[Task]:
    """Every task the enabled ``rules`` produce from ``facts`` on ``today`` (the rules in words
    are in the module docstring), ordered by due date, rule, customer and key; one per key."""
    if isinstance(lookback_days, bool) or not isinstance(lookback_days, int) \
            or not 0 <= lookback_days <= LOOKBACK_MAX:
        raise ValidationError("followups.lookback_invalid", field="lookback_days",
                              value=str(lookback_days), min=0, max=LOOKBACK_MAX)
    horizon = check_horizon(horizon_days)
    active = [r for r in check_rules(rules).values() if r.enabled]
    out: dict[str, Task] = {}
    for f in facts:
        for r in active:
            for due, key in _candidates(r, f, today, lookback_days, horizon):
                out.setdefault(key, Task(key, r.kind, f.customer_id, f.staff_id, due))
    return sorted(out.values(),
                  key=lambda t: (t.due, RULE_ORDER[t.rule], t.customer_id, t.key))
