"""The follow-up engine (seed 002: never forget a customer): rule settings, task generation, the
work queue.

API for screens (each call one transaction):

* ``load_rules(db, actor) -> RuleSettings`` - every rule (defaults for those never saved) and
  the look-back window.
* ``save_rules(db, actor, rules, lookback_days, horizon_days=None) -> RuleSettings`` - owner or
  manager; checked by ``domain.followups.check_rules``; ``horizon_days`` (the backlog horizon of
  ``domain.followups``: a task due more than that many days before the run is not created)
  ``None`` keeps the saved one.
* ``generate(db, actor, today, force=False, progress=None) -> GenerationResult`` - creates
  the tasks due on ``today`` that do not exist yet, assigned to each customer's staff member.
  Set-based: one ``INSERT ... SELECT ... ON CONFLICT (store_id, key) DO NOTHING`` per rule
  (and per purchase offset), so running it twice, or on every start of the app, creates
  nothing new. It follows the rules of ``domain.followups`` word for word; a test compares it
  with ``due_tasks``.
  Incremental: each rule reads only what changed since its last run (see "Incremental design"
  below), so a daily run on a million members takes a fraction of a second and a second run
  the same day finds nothing at once; ``force=True`` evaluates every rule in full.
  DEPOSIT_UNPAID reads the launch ledgers (``services.launches.locked_unpaid``'s customers).
* ``queue(db, actor, today, bucket, scope=Scope.MINE, staff_id=None, after_key=None,
  limit=100, upcoming_days=7) -> TaskPage`` - ``overdue`` (queue day before today), ``today``,
  ``upcoming`` (the next ``upcoming_days`` days), open and snoozed tasks, keyset-paged in queue
  order. ``Scope.TEAM`` (managers) shows everyone's, or ``staff_id``'s.
* ``queue_counts(db, actor, today, scope=Scope.MINE, upcoming_days=7) -> QueueCounts`` - the
  sidebar badge.
* ``complete(db, actor, task_id, VisitInput) -> visits.VisitResult`` - logs the visit and closes
  the task in one transaction.
* ``snooze(db, actor, task_id, until) -> TaskRow`` - to a later day.
* ``reassign(db, actor, task_ids, to_staff_id) -> int`` - managers; the number moved.

Facts the SQL reads (the domain's ``CustomerFacts``): purchases are the days of sales not
refunded; a *trial* is such a sale with a line of a traffic-role product (the free or entry
product of the matrix, seed 003); the *first visit* is the customer's first logged visit of type
``store_visit``; contacts are all logged visits; ``created_on`` is the day of registration.

Runs on SQLite and PostgreSQL: the few date expressions that differ are in ``_Dialect``.

Error codes: the ``followups.*`` codes of ``domain.followups``; ``followup.unknown_task``
(``task_id``); ``followup.task_closed`` (``task_id``); ``followup.snooze_not_future``
(``until``, param ``today``); ``followup.staff_inactive`` (``to_staff_id``, param ``name``);
``followup.unknown_staff`` (``to_staff_id``); ``followup.bucket_invalid`` (``bucket``);
``followup.no_tasks`` (``task_ids``); and those of ``visits.log_visit`` for ``complete``.
"""

from __future__ import annotations

import calendar
import contextlib
import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Date, DateTime, Integer, and_, bindparam, case, func, select, text, tuple_
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import (
    AuditEntry,
    Customer,
    FollowUpRuleRow,
    FollowUpTask,
    Sale,
    Setting,
    Staff,
    StageChange,
    Visit,
)
from opsdesk.db.models.sales_process import FollowUpState
from opsdesk.domain import followups as rules_domain
from opsdesk.domain.errors import ValidationError
from opsdesk.domain.followups import (
    DEFAULT_HORIZON_DAYS,
    DEFAULT_LOOKBACK_DAYS,
    LEAD_IDLE_RETURN_DAYS,
    LOOKBACK_MAX,
    REACTIVATION_RETURN_MONTHS,
    FollowUpRule,
    RuleKind,
    add_days,
    add_months,
    birthday_on,
    check_horizon,
    check_rules,
    default_rules,
)
from opsdesk.domain.roles import Permission
from opsdesk.services import audit, visits
from opsdesk.services.context import Actor

LOOKBACK_SETTING = "followups.lookback_days"
HORIZON_SETTING = "followups.horizon_days"
OPEN = ("open", "snoozed")


class Bucket(StrEnum):
    OVERDUE = "overdue"
    TODAY = "today"
    UPCOMING = "upcoming"


class Scope(StrEnum):
    MINE = "mine"
    TEAM = "team"


@dataclass(frozen=True)
class RuleSettings:
    rules: tuple[FollowUpRule, ...]  # in RuleKind order
    lookback_days: int
    horizon_days: int = DEFAULT_HORIZON_DAYS


@dataclass(frozen=True)
class GenerationResult:
    created: int
    by_rule: dict[str, int]


@dataclass(frozen=True)
class TaskRow:
    id: int
    customer_id: int
    customer_name: str
    phone: str
    stage: str
    staff_id: int | None
    staff_name: str
    rule: str  # a RuleKind value or 'manual'
    due_on: date
    queue_on: date
    status: str
    note: str


@dataclass(frozen=True)
class TaskPage:
    rows: tuple[TaskRow, ...]
    next_key: tuple[Any, int] | None


@dataclass(frozen=True)
class QueueCounts:
    overdue: int
    today: int
    upcoming: int

    @property
    def badge(self) -> int:
        """What the sidebar shows: the work due by today."""
        return self.overdue + self.today


# ----------------------------------------------------------------------------- settings


def _load(s: Session, store_id: int) -> RuleSettings:
    saved = {r.kind: r for r in s.scalars(select(FollowUpRuleRow).where(
        FollowUpRuleRow.store_id == store_id))}
    out = []
    for d in default_rules():
        r = saved.get(d.kind.value)
        if r is None:
            out.append(d)
        else:
            offsets = tuple(int(x) for x in r.offsets.split(",") if x)
            out.append(FollowUpRule(d.kind, bool(r.enabled), offsets))
    raw = s.scalar(select(Setting.value).where(Setting.store_id == store_id,
                                               Setting.key == LOOKBACK_SETTING))
    hraw = s.scalar(select(Setting.value).where(Setting.store_id == store_id,
                                                Setting.key == HORIZON_SETTING))
    return RuleSettings(tuple(out), int(raw) if raw else DEFAULT_LOOKBACK_DAYS,
                        int(hraw) if hraw else DEFAULT_HORIZON_DAYS)


def load_rules(db: Database, actor: Actor) -> RuleSettings:
    audit.require(db, actor, Permission.FOLLOWUPS_GENERATE, "followups.rules_view")
    with db.read() as s:
        return _load(s, actor.store_id)


def _check_lookback(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= LOOKBACK_MAX:
        raise ValidationError("followups.lookback_invalid", field="lookback_days",
                              value=str(value), min=0, max=LOOKBACK_MAX)
    return value


def save_rules(db: Database, actor: Actor, rules: Sequence[FollowUpRule],
               lookback_days: int = DEFAULT_LOOKBACK_DAYS,
               horizon_days: int | None = None) -> RuleSettings:
    audit.require(db, actor, Permission.FOLLOWUPS_RULES, "followups.rules_save")
    checked = check_rules(rules)
    lookback = _check_lookback(lookback_days)
    horizon = None if horizon_days is None else check_horizon(horizon_days)
    with db.write() as s:
        if horizon is None:
            horizon = _load(s, actor.store_id).horizon_days
        for kind, r in checked.items():
            row = s.scalars(select(FollowUpRuleRow).where(
                FollowUpRuleRow.store_id == actor.store_id,
                FollowUpRuleRow.kind == kind.value)).first()
            if row is None:
                row = FollowUpRuleRow(store_id=actor.store_id, kind=kind.value)
                s.add(row)
            row.enabled = r.enabled
            row.offsets = ",".join(str(x) for x in r.offsets)
            row.updated_at = clock.now()
        for key, value in ((LOOKBACK_SETTING, lookback), (HORIZON_SETTING, horizon)):
            st = s.scalars(select(Setting).where(Setting.store_id == actor.store_id,
                                                 Setting.key == key)).first()
            if st is None:
                s.add(Setting(store_id=actor.store_id, key=key, value=str(value)))
            else:
                st.value = str(value)
        s.flush()
        audit.record_as(s, actor, "followups.rules_save", "", {
            "rules": {k.value: [r.enabled, list(r.offsets)] for k, r in checked.items()},
            "lookback_days": lookback, "horizon_days": horizon})
        return _load(s, actor.store_id)


# ----------------------------------------------------------------------------- generation
#
# Incremental design. A full evaluation of a rule reads every customer the rule could concern;
# on a million members that is seconds. ``followup_state`` remembers per rule how far the last
# run covered: its ``today`` (``covered_on``), the rule's settings then, and the highest ids of
# the fact rows it had seen (sales and refunds, visits, customers, stage changes, audit entries).
# Every task of ``due_tasks(covered_on)`` exists after that run, so the next run on ``today``
# only needs the keys that are due now and were not due then. A key becomes due for one of two
# reasons, and the run looks at exactly those:
#
# * time: the due date of a fact already known entered the window. Each rule reads only the
#   days that newly entered it: trial anchors and purchase days in ``(covered_on - d, today - d]``
#   (one or a few days of the sale and visit indexes), birthdays in
#   ``(covered_on + n, today + n]``, last purchases in ``(cutoff(covered_on), cutoff(today)]``,
#   idle anchors (registration or contact days) in ``(covered_on - n, today - n]``;
# * facts: a customer gained a sale, refund, visit, stage change or edit (rows above the
#   watermarks: the "touched" customers). For them the whole rule is evaluated, by customer id,
#   by the rules those facts can concern and only if they can make a task due today
#   (``_relevant``: a sale dated today cannot; a backdated one or a refund can).
#
# Ids as watermarks need rows to become visible in id order: SQLite has one writer, and on
# PostgreSQL every write transaction takes the same advisory lock first (``Database.write``).
# DEPOSIT_UNPAID always reads the launch ledgers in full: they are small, and a launch's status
# changes without a new row.
#
# The backlog horizon ``H`` (``domain.followups``) only narrows these windows: a key is due on
# ``today`` if its due date lies in ``[today - H, today]``, and it is new if that date lies in
# ``(covered_on, today]`` (one due before ``covered_on`` and inside the horizon existed after the
# last run). LEAD_IDLE and REACTIVATION look at each return day ``j`` (a year apart; with
# ``H <= 180`` at most one is inside the horizon): the anchors whose ``j``-th return day entered
# the window. A changed horizon is a changed setting: every rule evaluates in full.
#
# Each query checks the rule's full condition, so it can never create a task the full
# evaluation would not; the two reasons above cover every key the full evaluation would newly
# find. A rule whose settings changed, a run for an earlier day than the last, too many touched
# customers or a bulk member import (which edits birthdays without naming the customers) make
# that rule evaluate in full, as does ``force=True``. Tasks are never deleted by the app; a
# task deleted by hand is only found again by a forced run.
#
# Portability: the SQL is text in one dialect-neutral shape; the few date expressions that
# differ between SQLite (ISO text, ``date(x, '+N days')``) and PostgreSQL (``date + N``) are in
# ``_Dialect``; every date parameter is computed in Python and bound with its SQL type.

BIG_CACHE_KIB = 128 * 1024  # SQLite's page cache during a full evaluation (default 2 MiB)
TOUCHED_MAX = 20_000  # beyond this many touched customers a full evaluation is cheaper
# Customer ids per statement: SQLite before 3.32 allowed 999 parameters, later ones 32766.
_CHUNK = 4000 if sqlite3.sqlite_version_info >= (3, 32) else 500
_USES_LOOKBACK = (RuleKind.TRIAL_24H, RuleKind.AFTER_PURCHASE)


class _Dialect:
    """The generator's date expressions for SQLite (dates are ISO text) or PostgreSQL."""

    def __init__(self, name: str) -> None:
        self.pg = name == "postgresql"

    def day(self, expr: str) -> str:
        return f"CAST({expr} AS DATE)" if self.pg else f"date({expr})"

    def plus_days(self, expr: str, n: int) -> str:
        """``expr`` is a day (the result of :meth:`day` or a date column)."""
        n = int(n)
        return f"({expr} + {n})" if self.pg else f"date({expr}, '{n:+d} days')"

    def plus_day_count(self, expr: str, count: str) -> str:
        """The day ``expr`` plus the integer SQL expression ``count`` (days)."""
        return f"({expr} + ({count}))" if self.pg else f"date(julianday({expr}) + ({count}))"

    def days_until(self, expr: str, param: str) -> str:
        """Whole days from the day ``expr`` to the day parameter ``param``."""
        return (f"({param} - {expr})" if self.pg
                else f"CAST(julianday({param}) - julianday({expr}) AS INTEGER)")

    def plus_months(self, expr: str, n: int) -> str:
        n = int(n)
        if self.pg:  # PostgreSQL clamps to the month's end, as the domain does
            return f"CAST({expr} + INTERVAL '{n} months' AS DATE)"
        # date(x, '+N months') overflows into the next month (Jan 31 + 1 month = Mar 3);
        # the domain clamps to the month's end, so take the smaller of the two.
        return (f"min(date({expr}, '+{n} months'), "
                f"date({expr}, 'start of month', '+{n + 1} months', '-1 day'))")

    def key(self, expr: str) -> str:
        """A day as ``YYYY-MM-DD`` text, for task keys."""
        return f"to_char({expr}, 'YYYY-MM-DD')" if self.pg else expr

    def unindexed(self, expr: str) -> str:
        """``expr`` in a condition that must not pick the index (SQLite's unary plus)."""
        return expr if self.pg else f"+{expr}"

    @property
    def fence(self) -> str:
        """Ends a subquery so that it is computed once per row, not copied into every place
        that names its columns (SQLite's flattener would evaluate a correlated subquery once
        for each mention)."""
        return "OFFSET 0" if self.pg else "LIMIT -1 OFFSET 0"

    def later(self, day: str, maybe: str) -> str:
        """The later of a day and a day that may be NULL."""
        return f"GREATEST({day}, {maybe})" if self.pg else f"max({day}, COALESCE({maybe}, {day}))"


def _exec(s: Session, sql: str, params: dict):  # noqa: ANN202
    """``sql`` with the parameters it names, each bound with its SQL type (dates as dates)."""
    binds = []
    for k, v in params.items():
        if not re.search(rf":{k}\b", sql):
            continue
        if isinstance(v, datetime):
            binds.append(bindparam(k, v, type_=DateTime()))
        elif isinstance(v, date):
            binds.append(bindparam(k, v, type_=Date()))
        elif isinstance(v, (list, tuple)):
            typ = Date() if v and isinstance(v[0], date) else Integer()
            binds.append(bindparam(k, list(v), type_=typ, expanding=True))
        else:
            binds.append(bindparam(k, v))
    return s.execute(text(sql).bindparams(*binds))


@dataclass
class _Run:
    """One rule's run: full, or incremental since ``since`` for the ``touched`` customers."""

    s: Session
    sql: _Dialect
    params: dict
    today: date
    full: bool
    since: date | None = None
    touched: tuple[int, ...] = ()
    horizon: int = DEFAULT_HORIZON_DAYS

    def insert(self, select_sql: str, extra: dict | None = None) -> int:
        # "WHERE true" keeps SQLite from reading ON CONFLICT as the join's ON clause. Many rows
        # (a full evaluation) go in in key order: the unique key's index then grows at one end
        # instead of at random pages.
        order = "ORDER BY x.key" if self.full else ""
        sql = (_INSERT + "SELECT :store, x.cid, x.staff, :rule, x.key, x.due, x.due, 'open', "
               f"'', :now FROM ({select_sql}) x WHERE true {order} "
               "ON CONFLICT (store_id, key) DO NOTHING")
        return _exec(self.s, sql, {**self.params, **(extra or {})}).rowcount or 0

    def chunks(self) -> list[list[int]]:
        t = list(self.touched)
        return [t[i:i + _CHUNK] for i in range(0, len(t), _CHUNK)]

    def new_days(self, lo: date, hi: date, shift: int) -> tuple[date, date] | None:
        """The part of the window ``[lo, hi]`` (``hi = today + shift``) that was not inside it
        on the last run (``since + shift``); ``None``: nothing new."""
        if self.full:
            return (lo, hi) if lo <= hi else None
        lo = max(lo, add_days(self.since, shift + 1))
        return (lo, hi) if lo <= hi else None


_INSERT = ("INSERT INTO followup_task (store_id, customer_id, staff_id, rule, key, due_on, "
           "queue_on, status, note, created_at) ")

# A sale that counts as a purchase: a sale, of a customer, never refunded (the refund's
# refunds_id is unique and indexed, so the check is one seek).
_PURCHASE = ("{s}.kind = 'sale' AND {s}.customer_id IS NOT NULL AND NOT EXISTS "
             "(SELECT 1 FROM sale r_{s} WHERE r_{s}.refunds_id = {s}.id)")


def _purchase(alias: str) -> str:
    return _PURCHASE.format(s=alias)


def _trial(r: _Run, rule: FollowUpRule, lookback: int) -> int:
    d, D = rule.offset, r.sql
    lo, hi = add_days(r.today, -d - lookback), add_days(r.today, -d)

    def anchors(who: str) -> str:
        # who: the store's rows of the window (its date index), or given customers' rows (the
        # customer index; those customers are the store's).
        return f"""
            SELECT a.cid AS cid, c.staff_id AS staff,
                   'trial_24h:' || a.cid || ':' || {D.key('a.d')} AS key,
                   {D.plus_days('a.d', d)} AS due
            FROM (
                SELECT s.customer_id AS cid, {D.day('s.at')} AS d FROM sale s
                WHERE {who.format(x='s')} AND s.at >= :lo AND s.at < :hi AND {_purchase('s')}
                  AND EXISTS (SELECT 1 FROM sale_line l JOIN product p ON p.id = l.product_id
                              WHERE l.sale_id = s.id AND p.role = 'traffic')
                UNION
                SELECT v.customer_id, {D.day('v.at')} FROM visit v
                WHERE {who.format(x='v')} AND v.at >= :lo AND v.at < :hi
                  AND v.type = 'store_visit'
                  AND NOT EXISTS (SELECT 1 FROM visit w WHERE w.customer_id = v.customer_id
                                  AND w.type = 'store_visit' AND w.at < {D.day('v.at')})
            ) a JOIN customer c ON c.id = a.cid"""

    n = 0
    days = r.new_days(lo, hi, -d)
    if days:
        n += r.insert(anchors("{x}.store_id = :store"),
                      {"lo": days[0], "hi": add_days(days[1], 1)})
    for ids in r.chunks():
        n += r.insert(anchors("{x}.customer_id IN :ids"),
                      {"lo": lo, "hi": add_days(hi, 1), "ids": ids})
    return n


def _after_purchase(r: _Run, rule: FollowUpRule, lookback: int) -> int:
    D = r.sql
    n = 0
    for k in rule.offsets:
        lo, hi = add_days(r.today, -k - lookback), add_days(r.today, -k)

        def days_of(who: str, k: int = k) -> str:
            # Superseded: another purchase day in (p, p + k].
            return f"""
                SELECT p.cid AS cid, c.staff_id AS staff,
                       'after_purchase:' || p.cid || ':' || {D.key('p.d')} || ':' || {k} AS key,
                       {D.plus_days('p.d', k)} AS due
                FROM (SELECT DISTINCT s.customer_id AS cid, {D.day('s.at')} AS d FROM sale s
                      WHERE {who} AND s.at >= :lo AND s.at < :hi AND {_purchase('s')}) p
                JOIN customer c ON c.id = p.cid
                WHERE NOT EXISTS (
                    SELECT 1 FROM sale n WHERE n.customer_id = p.cid
                      AND n.at >= {D.plus_days('p.d', 1)} AND n.at < {D.plus_days('p.d', k + 1)}
                      AND {_purchase('n')})"""

        days = r.new_days(lo, hi, -k)
        if days:
            n += r.insert(days_of("s.store_id = :store"),
                          {"lo": days[0], "hi": add_days(days[1], 1)})
        for ids in r.chunks():
            n += r.insert(days_of("s.customer_id IN :ids"),
                          {"lo": lo, "hi": add_days(hi, 1), "ids": ids})
    return n


def _reactivation_cutoff(today: date, months: int) -> date:
    """The last purchase day ``p`` with ``add_months(p, months) <= today``."""
    p = add_months(today, -months)
    while add_months(p + timedelta(days=1), months) <= today:
        p += timedelta(days=1)
    while add_months(p, months) > today:
        p -= timedelta(days=1)
    return p


def _reactivation(r: _Run, rule: FollowUpRule, lookback: int) -> int:
    m, D = rule.offset, r.sql
    store = r.params["store"]
    first = r.s.scalar(select(func.min(Sale.at)).where(Sale.store_id == store))
    if first is None:
        return 0
    first_day = _day_of(first)
    edge = add_days(r.today, -r.horizon - 1)  # a return day after it is inside the horizon

    def idle(candidates: str, months: int) -> str:
        return f"""
            SELECT y.cid AS cid, y.staff AS staff,
                   'reactivation:' || y.cid || ':' || {D.key('y.p')} AS key,
                   {D.plus_months('y.p', months)} AS due
            FROM (
                SELECT c.id AS cid, c.staff_id AS staff,
                       (SELECT {D.day('max(s.at)')} FROM sale s WHERE s.customer_id = c.id
                          AND s.at < :tomorrow AND {_purchase('s')}) AS p
                FROM customer c
                WHERE c.id IN {candidates} {D.fence}
            ) y
            WHERE y.p IS NOT NULL AND y.p > :plo AND y.p <= :cutoff"""

    n = 0
    j = 0
    while True:
        # The j-th return day, m + 12 j months after the last purchase P, is the latest one by
        # today and inside the horizon for P in (plo, cutoff].
        months = m + j * REACTIVATION_RETURN_MONTHS
        cutoff = _reactivation_cutoff(r.today, months)
        if cutoff < first_day:
            return n
        plo = max(_reactivation_cutoff(edge, months),
                  _reactivation_cutoff(r.today, months + REACTIVATION_RETURN_MONTHS))
        j += 1
        if plo >= cutoff:
            continue
        if r.full:
            # customer.last_purchase_at is the latest sale, refunded or not ("opsdesk check"
            # holds it to that), so a customer whose last purchase day is in the range is found
            # through its index. Whose latest sale is later can still qualify only if that sale
            # was refunded, or lies after ``today`` (a run "as of" an earlier day); both are few
            # and added by name.
            n += r.insert(idle("""(
                SELECT id FROM customer WHERE store_id = :store AND last_purchase_at >= :lo
                    AND last_purchase_at < :nxt
                UNION SELECT customer_id FROM sale WHERE store_id = :store
                    AND refunds_id IS NOT NULL AND customer_id IS NOT NULL
                UNION SELECT customer_id FROM sale WHERE store_id = :store AND at >= :tomorrow
                    AND customer_id IS NOT NULL)""", months),
                          {"lo": add_days(plo, 1), "nxt": add_days(cutoff, 1), "plo": plo,
                           "cutoff": cutoff})
            continue
        # Whose latest purchase day's return day entered the window since the last run made a
        # purchase on that day: the customers of the days (cutoff(since), cutoff(today)].
        before = max(plo, _reactivation_cutoff(r.since, months))
        if before < cutoff:
            n += r.insert(idle("""(
                SELECT customer_id FROM sale WHERE store_id = :store AND at >= :lo
                    AND at < :hi AND customer_id IS NOT NULL)""", months),
                          {"lo": add_days(before, 1), "hi": add_days(cutoff, 1), "plo": plo,
                           "cutoff": cutoff})
        for ids in r.chunks():
            n += r.insert(idle(":ids", months), {"ids": ids, "plo": plo, "cutoff": cutoff})


def _birthday(r: _Run, rule: FollowUpRule, lookback: int) -> int:
    n_before = rule.offset
    # b - n_before >= today - horizon: the horizon may cut the start of the window.
    lo, hi = max(r.today, add_days(r.today, n_before - r.horizon)), add_days(r.today, n_before)
    if lo > hi:
        return 0
    first = r.s.scalar(select(func.min(Customer.birthday)).where(
        Customer.store_id == r.params["store"], Customer.birthday.is_not(None)))
    if first is None:
        return 0
    last = r.s.scalar(select(func.max(Customer.birthday)).where(
        Customer.store_id == r.params["store"]))
    years = range(first.year, last.year + 1)
    fresh = r.new_days(lo, hi, n_before)
    n = 0
    b = lo
    while b <= hi:
        # The birth dates whose birthday falls on day b: the same month and day in every birth
        # year, and Feb 29 on Feb 28 of a year without it.
        mds = [(b.month, b.day)]
        if (b.month, b.day) == (2, 28) and birthday_on(rules_domain.MonthDay(2, 29), b.year) == b:
            mds.append((2, 29))
        born = [date(y, mo, dd) for y in years for mo, dd in mds
                if dd <= calendar.monthrange(y, mo)[1]]
        extra = {"born": born, "suffix": f":{b.year}", "due": add_days(b, -n_before)}
        sql = """
            SELECT c.id AS cid, c.staff_id AS staff, 'birthday:' || c.id || :suffix AS key,
                   :due AS due
            FROM customer c WHERE c.store_id = :store AND {born} IN :born"""
        if fresh and fresh[0] <= b <= fresh[1]:
            n += r.insert(sql.format(born="c.birthday"), extra)  # through the birthday index
        else:  # the given customers, by id
            for ids in r.chunks():
                n += r.insert(sql.format(born=r.sql.unindexed("c.birthday"))
                              + " AND c.id IN :ids", {**extra, "ids": ids})
        b = add_days(b, 1)
    return n


def _lead_idle(r: _Run, rule: FollowUpRule, lookback: int) -> int:
    n, D = rule.offset, r.sql
    cut = add_days(r.today, -n)
    every = LEAD_IDLE_RETURN_DAYS

    def idle(candidates: str) -> str:
        # age: days since the first due date a + n; the task is due on the latest return day
        # a + n + 365 j, created when that day is inside the horizon (age % 365 <= horizon).
        last_contact = (f"(SELECT {D.day('max(v.at)')} FROM visit v "
                        "WHERE v.customer_id = c.id AND v.at < :tomorrow)")
        return f"""
            SELECT z.cid AS cid, z.staff AS staff,
                   'lead_idle:' || z.cid || ':' || {D.key('z.a')} AS key,
                   {D.plus_day_count('z.a', f'{n} + {every} * (z.age / {every})')} AS due
            FROM (
                SELECT y.cid AS cid, y.staff AS staff, y.a AS a,
                       {D.days_until('y.a', ':today')} - {n} AS age
                FROM (
                    SELECT c.id AS cid, c.staff_id AS staff,
                           {D.later(D.day('c.created_at'), last_contact)} AS a
                    FROM customer c
                    WHERE c.store_id = :store AND c.stage IN ('lead', 'target', 'qualified')
                      AND {D.unindexed('c.created_at')} < :tomorrow {candidates} {D.fence}
                ) y
                WHERE y.a <= :cut
            ) z
            WHERE z.age % {every} <= :horizon"""

    base = {"cut": cut, "today": r.today, "horizon": r.horizon}
    out = 0
    # The anchor a is the day of a registration or of a contact, and the task is made when a
    # return day a + n + 365 j lies in [today - horizon, today] (in full) or, incrementally,
    # also after covered_on: so only those registered or contacted on the days n + 365 j before
    # such a day are read, through the date indexes, never every prospect of the store.
    first = r.s.scalar(select(func.min(Customer.created_at)).where(
        Customer.store_id == r.params["store"]))
    oldest = _day_of(first) if first is not None else r.today
    start = add_days(r.today, -r.horizon)
    if not r.full:
        start = max(add_days(r.since, 1), start)
    j = 0
    while start <= r.today:
        lo, hi = add_days(start, -n - j * every), add_days(r.today, -n - j * every)
        if hi < oldest:
            break
        out += r.insert(idle("""AND c.id IN (
            SELECT id FROM customer WHERE store_id = :store AND created_at >= :lo
                AND created_at < :hi
            UNION SELECT customer_id FROM visit WHERE store_id = :store AND at >= :lo
                AND at < :hi)"""), {**base, "lo": lo, "hi": add_days(hi, 1)})
        j += 1
    for ids in r.chunks():
        out += r.insert(idle("AND c.id IN :ids"), {**base, "ids": ids})
    return out


def _deposit_unpaid(r: _Run, rule: FollowUpRule, lookback: int) -> int:
    # The launches' locked-but-unpaid customers (as ``services.launches.locked_unpaid`` lists
    # them): a deposit held (the ledger's sum > 0), no deal (balance payment), the launch not in
    # draft; locked on the day of the latest lock. Always evaluated in full: it reads the launch
    # ledgers, which are small, and a launch's status or terms change without a new row.
    x, D = rule.offset, r.sql
    locked_on = D.day("k.at")
    due = D.later(D.plus_days("l.lock_deadline", -x), locked_on)
    return r.insert(f"""
        SELECT h.customer_id AS cid, c.staff_id AS staff,
               'deposit_unpaid:' || h.customer_id || ':' || h.launch_id || ':'
                   || {D.key(locked_on)} AS key,
               {due} AS due
        FROM (SELECT d.launch_id AS launch_id, d.customer_id AS customer_id,
                     max(CASE WHEN d.kind = 'deposit' THEN d.id END) AS lock_id
              FROM launch_deposit d WHERE d.store_id = :store
              GROUP BY d.launch_id, d.customer_id HAVING sum(d.amount) > 0) h
        JOIN launch_deposit k ON k.id = h.lock_id
        JOIN launch l ON l.id = h.launch_id
        JOIN customer c ON c.id = h.customer_id
        WHERE l.status <> 'draft' AND {locked_on} <= :today AND {due} <= :today
          AND NOT EXISTS (SELECT 1 FROM launch_payment p WHERE p.launch_id = h.launch_id
                          AND p.customer_id = h.customer_id AND p.kind = 'balance')""",
                    {"today": r.today})


_GENERATORS = {
    RuleKind.TRIAL_24H: _trial,
    RuleKind.AFTER_PURCHASE: _after_purchase,
    RuleKind.REACTIVATION: _reactivation,
    RuleKind.BIRTHDAY: _birthday,
    RuleKind.LEAD_IDLE: _lead_idle,
    RuleKind.DEPOSIT_UNPAID: _deposit_unpaid,
}


@dataclass(frozen=True)
class _Marks:
    """The highest id of each kind of fact row: what a run has seen."""

    sale_id: int
    visit_id: int
    customer_id: int
    stage_change_id: int
    audit_id: int


def _marks(s: Session) -> _Marks:
    def top(col) -> int:  # noqa: ANN001
        return int(s.scalar(select(func.max(col))) or 0)

    return _Marks(top(Sale.id), top(Visit.id), top(Customer.id), top(StageChange.id),
                  top(AuditEntry.id))


def _day_of(value: object) -> date:
    return value.date() if isinstance(value, datetime) else date.fromisoformat(str(value)[:10])


def _mine(column, store_id: int):  # noqa: ANN001, ANN202
    # "+ 0" keeps the planner off the store's index: the rows above a mark are a range of the
    # primary key, a handful, while the store's index would visit every row of the store.
    return (column + 0) == store_id


def _touched(s: Session, store_id: int, m: _Marks) -> tuple[dict, bool]:
    """The customers whose facts changed since the marks ``m``, by kind of fact (for sales,
    visits and new customers with the earliest day among their new rows), and whether a bulk
    edit (a member import, which fills in birthdays of existing members) happened since."""
    out: dict = {}
    # Rows, not GROUP BY: grouped, SQLite would walk the customer index in full to avoid a sort.
    for kind, q in (
            ("sale", select(Sale.customer_id, Sale.at).where(
                Sale.id > m.sale_id, _mine(Sale.store_id, store_id), Sale.kind == "sale",
                Sale.customer_id.is_not(None))),
            ("visit", select(Visit.customer_id, Visit.at).where(
                Visit.id > m.visit_id, _mine(Visit.store_id, store_id))),
            ("customer", select(Customer.id, Customer.created_at).where(
                Customer.id > m.customer_id, _mine(Customer.store_id, store_id)))):
        first: dict[int, date] = {}
        for cid, at in s.execute(q):
            d = _day_of(at)
            if cid not in first or d < first[cid]:
                first[cid] = d
        out[kind] = first
    out["refund"] = set(s.scalars(select(Sale.customer_id).where(
        Sale.id > m.sale_id, _mine(Sale.store_id, store_id), Sale.kind == "refund",
        Sale.customer_id.is_not(None))))
    out["stage"] = set(s.scalars(select(StageChange.customer_id).where(
        StageChange.id > m.stage_change_id, _mine(StageChange.store_id, store_id))))
    edited: set[int] = set()
    bulk = False
    for action, target in s.execute(select(AuditEntry.action, AuditEntry.target).where(
            AuditEntry.id > m.audit_id, _mine(AuditEntry.store_id, store_id),
            AuditEntry.outcome == "ok")):
        if target.startswith("customer:") and target[9:].isdigit():
            edited.add(int(target[9:]))
        elif action == "member.import":
            bulk = True
    out["edited"] = edited
    return out, bulk


def _relevant(rule: FollowUpRule, f: dict, today: date) -> set[int]:
    """The touched customers for whom ``rule`` may find a new key today. A new sale, visit or
    registration dated ``x`` only adds an anchor ``x`` (or removes one), and a task hanging on
    ``x`` is due no earlier than ``x`` + the rule's least number, so rows dated later than that
    cannot make a task today: the days newly entering the window find them when they are due.
    A refund can revive an earlier purchase (no longer superseded, or the latest again); a stage
    change or a member edit can make any key due."""

    def upto(kind: str, last: date) -> set[int]:
        return {c for c, d in f[kind].items() if d <= last}

    k = rule.kind
    if k is RuleKind.TRIAL_24H:
        last = add_days(today, -rule.offset)
        return upto("sale", last) | upto("visit", last)
    if k is RuleKind.AFTER_PURCHASE:
        return upto("sale", add_days(today, -rule.offsets[0])) | f["refund"]
    if k is RuleKind.REACTIVATION:
        return upto("sale", _reactivation_cutoff(today, rule.offset)) | f["refund"]
    if k is RuleKind.BIRTHDAY:
        return set(f["customer"]) | f["edited"]
    if k is RuleKind.LEAD_IDLE:
        last = add_days(today, -rule.offset)
        return upto("visit", last) | upto("customer", last) | f["stage"] | f["edited"]
    return set()  # DEPOSIT_UNPAID: always in full (see _deposit_unpaid)


def _signature(rule: FollowUpRule, lookback: int, horizon: int) -> str:
    sig = f"{int(rule.enabled)}:{','.join(map(str, rule.offsets))}"
    if rule.kind in _USES_LOOKBACK:
        sig = f"{sig}:{lookback}"
    return sig if rule.kind is RuleKind.DEPOSIT_UNPAID else f"{sig}:h{horizon}"


def generate_in_session(s: Session, store_id: int, today: date,
                        settings: RuleSettings | None = None, *,
                        full: bool = False,
                        progress: Callable[[int, int, str], None] | None = None
                        ) -> GenerationResult:
    """Creates the tasks due on ``today`` (see above); ``full``: evaluate every rule in full.
    ``progress(done, total, rule)`` is called before each rule (``rule`` a RuleKind value) and
    once at the end with an empty rule."""
    settings = settings or _load(s, store_id)
    sql = _Dialect(s.get_bind().dialect.name)
    now_marks = _marks(s)
    states = {st.kind: st for st in s.scalars(select(FollowUpState).where(
        FollowUpState.store_id == store_id))}
    touched_by: dict[_Marks, tuple[dict, bool]] = {}
    base = {"store": store_id, "now": clock.now(), "tomorrow": add_days(today, 1)}
    by_rule: dict[str, int] = {}
    cache = None  # SQLite's page cache size before a full evaluation enlarged it
    try:
        total = len(settings.rules)
        for i, rule in enumerate(settings.rules):
            if progress is not None:
                progress(i, total, rule.kind.value)
            cache = _evaluate(s, rule, settings, states, full, today, sql, base, now_marks,
                              touched_by, by_rule, cache)
        if progress is not None:
            progress(total, total, "")
    finally:
        if cache is not None:  # back to the connection's own size for its next user
            with contextlib.suppress(SQLAlchemyError):  # an error on the way matters more
                s.execute(text(f"PRAGMA cache_size = {int(cache)}"))
    s.flush()
    return GenerationResult(sum(by_rule.values()), by_rule)


def _evaluate(s: Session, rule: FollowUpRule, settings: RuleSettings, states: dict, full: bool,
              today: date, sql: _Dialect, base: dict, now_marks: _Marks, touched_by: dict,
              by_rule: dict, cache: int | None) -> int | None:
    """One rule's run (in full or incremental) and its state row. Returns SQLite's page cache
    size from before a full evaluation enlarged it (``cache`` when already enlarged)."""
    store_id = base["store"]
    st = states.get(rule.kind.value)
    if not rule.enabled:
        if st is not None:
            s.delete(st)  # switched back on later, the rule starts afresh
        return cache
    sig = _signature(rule, settings.lookback_days, settings.horizon_days)
    run = _Run(s, sql, {**base, "rule": rule.kind.value}, today, full=True,
               horizon=settings.horizon_days)
    if not full and st is not None and st.settings == sig and st.covered_on <= today:
        seen = _Marks(st.sale_id, st.visit_id, st.customer_id, st.stage_change_id, st.audit_id)
        if seen not in touched_by:
            touched_by[seen] = _touched(s, store_id, seen)
        facts, bulk = touched_by[seen]
        ids = _relevant(rule, facts, today)
        if len(ids) <= TOUCHED_MAX and not (bulk and rule.kind is RuleKind.BIRTHDAY):
            run = _Run(s, sql, run.params, today, full=False, since=st.covered_on,
                       touched=tuple(sorted(ids)), horizon=settings.horizon_days)
    if run.full and cache is None and not sql.pg and rule.kind is not RuleKind.DEPOSIT_UNPAID:
        # A full evaluation may write a backlog of many thousand tasks into the task table's
        # indexes: with SQLite's default 2 MiB page cache that is mostly page misses.
        cache = int(s.execute(text("PRAGMA cache_size")).scalar())
        s.execute(text(f"PRAGMA cache_size = {-BIG_CACHE_KIB}"))
    # The horizon shortens the trial and after-purchase windows like the look-back does.
    by_rule[rule.kind.value] = _GENERATORS[rule.kind](
        run, rule, min(settings.lookback_days, settings.horizon_days))
    if st is None:
        st = FollowUpState(store_id=store_id, kind=rule.kind.value)
        s.add(st)
    covered = (sig, today, now_marks.sale_id, now_marks.visit_id, now_marks.customer_id,
               now_marks.stage_change_id, now_marks.audit_id)
    if covered != (st.settings, st.covered_on, st.sale_id, st.visit_id, st.customer_id,
                   st.stage_change_id, st.audit_id):  # else: a run with nothing to write
        (st.settings, st.covered_on, st.sale_id, st.visit_id, st.customer_id,
         st.stage_change_id, st.audit_id) = covered
        st.updated_at = clock.now()
    return cache


def generate(db: Database, actor: Actor, today: date, *, force: bool = False,
             progress: Callable[[int, int, str], None] | None = None) -> GenerationResult:
    """``force``: evaluate every rule in full, not only what changed since the last run;
    ``progress``: as for ``generate_in_session`` (an exception it raises, such as a cancel,
    rolls the whole run back)."""
    audit.require(db, actor, Permission.FOLLOWUPS_GENERATE, "followups.generate")
    with db.write() as s:
        result = generate_in_session(s, actor.store_id, today, full=force, progress=progress)
        if result.created:
            audit.record_as(s, actor, "followups.generate", "", {
                "today": today.isoformat(), "created": result.created,
                "by_rule": result.by_rule})
        return result


# ----------------------------------------------------------------------------- queue


def _bucket_range(bucket: Bucket | str, today: date, upcoming_days: int) -> tuple[date | None,
                                                                                   date]:
    try:
        b = Bucket(bucket)
    except ValueError:
        raise ValidationError("followup.bucket_invalid", field="bucket") from None
    if b is Bucket.OVERDUE:
        return None, add_days(today, -1)
    if b is Bucket.TODAY:
        return today, today
    return add_days(today, 1), add_days(today, max(1, int(upcoming_days)))


def _scope_where(db: Database, actor: Actor, scope: Scope | str, staff_id: int | None) -> list:
    w = [FollowUpTask.store_id == actor.store_id, FollowUpTask.status.in_(OPEN)]
    if Scope(scope) is Scope.TEAM:
        if not actor.can(Permission.FOLLOWUPS_TEAM):
            audit.refuse(db, actor, Permission.FOLLOWUPS_TEAM, "followup.queue",
                         f"staff:{staff_id}" if staff_id else "team")
        if staff_id is not None:
            w.append(FollowUpTask.staff_id == staff_id)
    else:
        if actor.staff_id is None:
            audit.refuse(db, actor, Permission.FOLLOWUPS_TEAM, "followup.queue")
        w.append(FollowUpTask.staff_id == actor.staff_id)
    return w


def queue(db: Database, actor: Actor, today: date, bucket: Bucket | str,
          scope: Scope | str = Scope.MINE, staff_id: int | None = None,
          after_key: tuple[Any, int] | None = None, limit: int = 100,
          upcoming_days: int = 7) -> TaskPage:
    audit.require(db, actor, Permission.FOLLOWUPS_WORK, "followup.queue")
    w = _scope_where(db, actor, scope, staff_id)
    lo, hi = _bucket_range(bucket, today, upcoming_days)
    if lo is not None:
        w.append(FollowUpTask.queue_on >= lo)
    w.append(FollowUpTask.queue_on <= hi)
    if after_key is not None:
        w.append(tuple_(FollowUpTask.queue_on, FollowUpTask.id) > tuple_(*after_key))
    limit = max(1, min(int(limit), 500))
    q = (select(FollowUpTask.id, FollowUpTask.customer_id, Customer.name, Customer.phone,
                Customer.stage, FollowUpTask.staff_id, Staff.name, FollowUpTask.rule,
                FollowUpTask.due_on, FollowUpTask.queue_on, FollowUpTask.status,
                FollowUpTask.note)
         .join(Customer, Customer.id == FollowUpTask.customer_id)
         .outerjoin(Staff, Staff.id == FollowUpTask.staff_id)
         .where(and_(*w)).order_by(FollowUpTask.queue_on, FollowUpTask.id).limit(limit))
    with db.read() as s:
        rows = tuple(TaskRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6] or "", r[7], r[8], r[9],
                             r[10], r[11]) for r in s.execute(q))
    nxt = (rows[-1].queue_on, rows[-1].id) if len(rows) == limit else None
    return TaskPage(rows, nxt)


def queue_counts(db: Database, actor: Actor, today: date, scope: Scope | str = Scope.MINE,
                 staff_id: int | None = None, upcoming_days: int = 7) -> QueueCounts:
    audit.require(db, actor, Permission.FOLLOWUPS_WORK, "followup.queue")
    w = _scope_where(db, actor, scope, staff_id)
    end = add_days(today, max(1, int(upcoming_days)))
    q = select(
        func.sum(case((FollowUpTask.queue_on < today, 1), else_=0)),
        func.sum(case((FollowUpTask.queue_on == today, 1), else_=0)),
        func.sum(case((FollowUpTask.queue_on > today, 1), else_=0)),
    ).where(and_(*w), FollowUpTask.queue_on <= end)
    with db.read() as s:
        o, t, u = s.execute(q).one()
    return QueueCounts(int(o or 0), int(t or 0), int(u or 0))


# ----------------------------------------------------------------------------- working tasks


def _task_row(s: Session, t: FollowUpTask) -> TaskRow:
    c = s.get(Customer, t.customer_id)
    name = s.scalar(select(Staff.name).where(Staff.id == t.staff_id)) if t.staff_id else None
    return TaskRow(t.id, t.customer_id, c.name, c.phone, c.stage, t.staff_id, name or "",
                   t.rule, t.due_on, t.queue_on, t.status, t.note)


def _open_task(s: Session, actor: Actor, task_id: int) -> FollowUpTask:
    t = s.get(FollowUpTask, task_id)
    if t is None or t.store_id != actor.store_id:
        raise ValidationError("followup.unknown_task", field="task_id")
    if t.status not in OPEN:
        raise ValidationError("followup.task_closed", field="task_id", status=t.status)
    return t


def complete(db: Database, actor: Actor, task_id: int,
             visit: visits.VisitInput) -> visits.VisitResult:
    """The visit that closes the task: ``visit.customer_id`` is the task's customer."""
    audit.require(db, actor, Permission.FOLLOWUPS_WORK, "followup.complete", f"task:{task_id}")
    data = visits.VisitInput(**{**visit.__dict__, "task_id": task_id})
    visits.check_log_permission(db, actor, data)
    visits.check_task_owner(db, actor, task_id, data.staff_id)
    with db.write() as s:
        return visits.log_in_session(s, actor, data)


def snooze(db: Database, actor: Actor, task_id: int, until: date) -> TaskRow:
    audit.require(db, actor, Permission.FOLLOWUPS_WORK, "followup.snooze", f"task:{task_id}")
    visits.check_task_owner(db, actor, task_id, None)
    today = clock.now().date()
    with db.write() as s:
        t = _open_task(s, actor, task_id)
        if until <= today:
            raise ValidationError("followup.snooze_not_future", field="until",
                                  today=today.isoformat())
        t.status, t.snoozed_until, t.queue_on = "snoozed", until, until
        s.flush()
        audit.record_as(s, actor, "followup.snooze", f"task:{t.id}",
                        {"until": until.isoformat()})
        return _task_row(s, t)


def reassign(db: Database, actor: Actor, task_ids: Sequence[int], to_staff_id: int) -> int:
    audit.require(db, actor, Permission.FOLLOWUPS_TEAM, "followup.reassign",
                  f"staff:{to_staff_id}")
    ids = sorted({int(i) for i in task_ids})
    if not ids:
        raise ValidationError("followup.no_tasks", field="task_ids")
    today = clock.now().date()
    with db.write() as s:
        p = s.get(Staff, to_staff_id)
        if p is None or p.store_id != actor.store_id:
            raise ValidationError("followup.unknown_staff", field="to_staff_id")
        if visits.staff_has_left(p, today):
            raise ValidationError("followup.staff_inactive", field="to_staff_id", name=p.name)
        tasks = s.scalars(select(FollowUpTask).where(FollowUpTask.id.in_(ids),
                                                     FollowUpTask.store_id == actor.store_id)
                          ).all()
        if len(tasks) != len(ids):
            raise ValidationError("followup.unknown_task", field="task_ids")
        for t in tasks:
            if t.status not in OPEN:
                raise ValidationError("followup.task_closed", field="task_ids", status=t.status)
        moved = [t.id for t in tasks if t.staff_id != p.id]
        for t in tasks:
            t.staff_id = p.id
        s.flush()
        audit.record_as(s, actor, "followup.reassign", f"staff:{p.id}",
                        {"tasks": moved, "count": len(moved)})
        return len(moved)
