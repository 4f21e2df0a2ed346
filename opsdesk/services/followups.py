"""The follow-up engine (seed 002: never forget a customer): rule settings, task generation, the
work queue.

API for screens (each call one transaction):

* ``load_rules(db, actor) -> RuleSettings`` - every rule (defaults for those never saved) and
  the look-back window.
* ``save_rules(db, actor, rules, lookback_days) -> RuleSettings`` - owner or manager; checked by
  ``domain.followups.check_rules``.
* ``generate(db, actor, today) -> GenerationResult`` - creates the tasks due on ``today`` that
  do not exist yet, assigned to each customer's staff member. Set-based: one
  ``INSERT ... SELECT ... ON CONFLICT (store_id, key) DO NOTHING`` per rule (and per purchase
  offset), so running it twice, or on every start of the app, creates nothing new. It follows
  the rules of ``domain.followups`` word for word; a test compares it with ``due_tasks``.
  DEPOSIT_UNPAID produces nothing until launches are recorded (there are no locks to read).
  A run on the same day, with the same rules, when no audited write happened since the last
  run, returns at once: nothing it reads can have changed (``force=True`` evaluates anyway).
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

Date arithmetic is SQLite's (``date(x, '+N days')``, text dates); a PostgreSQL chain needs the
few expressions in ``_SQLiteDates`` ported (``x + N``, ``to_char``).

Error codes: the ``followups.*`` codes of ``domain.followups``; ``followup.unknown_task``
(``task_id``); ``followup.task_closed`` (``task_id``); ``followup.snooze_not_future``
(``until``, param ``today``); ``followup.staff_inactive`` (``to_staff_id``, param ``name``);
``followup.unknown_staff`` (``to_staff_id``); ``followup.bucket_invalid`` (``bucket``);
``followup.no_tasks`` (``task_ids``); and those of ``visits.log_visit`` for ``complete``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, case, func, select, text, tuple_
from sqlalchemy.orm import Session

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import (
    AuditEntry,
    Customer,
    FollowUpRuleRow,
    FollowUpTask,
    Setting,
    Staff,
)
from opsdesk.domain import followups as rules_domain
from opsdesk.domain.errors import ValidationError
from opsdesk.domain.followups import (
    DEFAULT_LOOKBACK_DAYS,
    LOOKBACK_MAX,
    FollowUpRule,
    RuleKind,
    add_days,
    add_months,
    birthday_on,
    check_rules,
    default_rules,
)
from opsdesk.domain.roles import Permission
from opsdesk.services import audit, visits
from opsdesk.services.context import Actor

LOOKBACK_SETTING = "followups.lookback_days"
LAST_RUN_SETTING = "followups.last_run"  # see _state
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
    return RuleSettings(tuple(out), int(raw) if raw else DEFAULT_LOOKBACK_DAYS)


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
               lookback_days: int = DEFAULT_LOOKBACK_DAYS) -> RuleSettings:
    audit.require(db, actor, Permission.FOLLOWUPS_RULES, "followups.rules_save")
    checked = check_rules(rules)
    lookback = _check_lookback(lookback_days)
    with db.write() as s:
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
        st = s.scalars(select(Setting).where(Setting.store_id == actor.store_id,
                                             Setting.key == LOOKBACK_SETTING)).first()
        if st is None:
            s.add(Setting(store_id=actor.store_id, key=LOOKBACK_SETTING, value=str(lookback)))
        else:
            st.value = str(lookback)
        s.flush()
        audit.record_as(s, actor, "followups.rules_save", "", {
            "rules": {k.value: [r.enabled, list(r.offsets)] for k, r in checked.items()},
            "lookback_days": lookback})
        return _load(s, actor.store_id)


# ----------------------------------------------------------------------------- generation


def _iso(d: date) -> str:
    return d.isoformat()


class _SQLiteDates:
    """The generator's date expressions; dates are ISO text, as SQLite stores them."""

    @staticmethod
    def day(expr: str) -> str:
        return f"date({expr})"

    @staticmethod
    def plus_days(expr: str, n: int) -> str:
        return f"date({expr}, '{int(n):+d} days')"

    @staticmethod
    def plus_months(expr: str, n: int) -> str:
        # date(x, '+N months') overflows into the next month (Jan 31 + 1 month = Mar 3);
        # the domain clamps to the month's end, so take the smaller of the two.
        n = int(n)
        return (f"min(date({expr}, '+{n} months'), "
                f"date({expr}, 'start of month', '+{n + 1} months', '-1 day'))")


_D = _SQLiteDates

# A sale that counts as a purchase: a sale, of a customer, never refunded (the refund's
# refunds_id is unique and indexed, so the check is one seek).
_PURCHASE = ("{s}.kind = 'sale' AND {s}.customer_id IS NOT NULL AND NOT EXISTS "
             "(SELECT 1 FROM sale r_{s} WHERE r_{s}.refunds_id = {s}.id)")


def _purchase(alias: str) -> str:
    return _PURCHASE.format(s=alias)


_INSERT = ("INSERT INTO followup_task (store_id, customer_id, staff_id, rule, key, due_on, "
           "queue_on, status, note, created_at) ")


def _insert(s: Session, select_sql: str, params: dict) -> int:
    # "WHERE true" keeps SQLite from reading ON CONFLICT as the join's ON clause.
    sql = (_INSERT + "SELECT :store, x.cid, x.staff, :rule, x.key, x.due, x.due, 'open', '', :now "
           f"FROM ({select_sql}) x WHERE true ON CONFLICT (store_id, key) DO NOTHING")
    return s.execute(text(sql), params).rowcount or 0


def _trial(s: Session, base: dict, today: date, rule: FollowUpRule, lookback: int) -> int:
    d = rule.offset
    lo, hi = add_days(today, -d - lookback), add_days(today, -d + 1)
    sql = f"""
        SELECT a.cid AS cid, c.staff_id AS staff,
               'trial_24h:' || a.cid || ':' || a.d AS key, {_D.plus_days('a.d', d)} AS due
        FROM (
            SELECT s.customer_id AS cid, {_D.day('s.at')} AS d FROM sale s
            WHERE s.store_id = :store AND s.at >= :lo AND s.at < :hi AND {_purchase('s')}
              AND EXISTS (SELECT 1 FROM sale_line l JOIN product p ON p.id = l.product_id
                          WHERE l.sale_id = s.id AND p.role = 'traffic')
            UNION
            SELECT v.customer_id, {_D.day('v.at')} FROM visit v
            WHERE v.store_id = :store AND v.at >= :lo AND v.at < :hi AND v.type = 'store_visit'
              AND NOT EXISTS (SELECT 1 FROM visit w WHERE w.customer_id = v.customer_id
                              AND w.type = 'store_visit' AND w.at < {_D.day('v.at')})
        ) a JOIN customer c ON c.id = a.cid"""
    return _insert(s, sql, {**base, "lo": _iso(lo), "hi": _iso(hi)})


def _after_purchase(s: Session, base: dict, today: date, rule: FollowUpRule,
                    lookback: int) -> int:
    n = 0
    for k in rule.offsets:
        lo, hi = add_days(today, -k - lookback), add_days(today, -k + 1)
        # Superseded: another purchase day in (p, p + k].
        sql = f"""
            SELECT p.cid AS cid, c.staff_id AS staff,
                   'after_purchase:' || p.cid || ':' || p.d || ':' || {k} AS key,
                   {_D.plus_days('p.d', k)} AS due
            FROM (SELECT DISTINCT s.customer_id AS cid, {_D.day('s.at')} AS d FROM sale s
                  WHERE s.store_id = :store AND s.at >= :lo AND s.at < :hi
                    AND {_purchase('s')}) p
            JOIN customer c ON c.id = p.cid
            WHERE NOT EXISTS (
                SELECT 1 FROM sale n WHERE n.customer_id = p.cid
                  AND n.at >= {_D.plus_days('p.d', 1)} AND n.at < {_D.plus_days('p.d', k + 1)}
                  AND {_purchase('n')})"""
        n += _insert(s, sql, {**base, "lo": _iso(lo), "hi": _iso(hi)})
    return n


def _reactivation_cutoff(today: date, months: int) -> date:
    """The last purchase day ``p`` with ``add_months(p, months) <= today``."""
    p = add_months(today, -months)
    while add_months(p + timedelta(days=1), months) <= today:
        p += timedelta(days=1)
    while add_months(p, months) > today:
        p -= timedelta(days=1)
    return p


def _reactivation(s: Session, base: dict, today: date, rule: FollowUpRule,
                  lookback: int) -> int:
    m = rule.offset
    cutoff = _reactivation_cutoff(today, m)
    nxt = add_days(cutoff, 1)
    # customer.last_purchase_at is the latest sale, refunded or not ("opsdesk check" holds it
    # to that), so a customer idle since the cut-off is found through its index. Whose latest
    # sale is later can still qualify only if that sale was refunded, or lies after ``today``
    # (a run "as of" an earlier day); both are few and added by name.
    sql = f"""
        SELECT y.cid AS cid, y.staff AS staff, 'reactivation:' || y.cid || ':' || y.p AS key,
               {_D.plus_months('y.p', m)} AS due
        FROM (
            SELECT c.id AS cid, c.staff_id AS staff,
                   (SELECT {_D.day('max(s.at)')} FROM sale s WHERE s.customer_id = c.id
                      AND s.at < :tomorrow AND {_purchase('s')}) AS p
            FROM customer c
            WHERE c.id IN (
                SELECT id FROM customer WHERE store_id = :store AND last_purchase_at < :nxt
                UNION SELECT customer_id FROM sale WHERE store_id = :store
                    AND refunds_id IS NOT NULL AND customer_id IS NOT NULL
                UNION SELECT customer_id FROM sale WHERE store_id = :store AND at >= :tomorrow
                    AND customer_id IS NOT NULL)
        ) y
        WHERE y.p IS NOT NULL AND y.p <= :cutoff"""
    return _insert(s, sql, {**base, "nxt": _iso(nxt), "cutoff": _iso(cutoff)})


def _birthday(s: Session, base: dict, today: date, rule: FollowUpRule, lookback: int) -> int:
    n = rule.offset
    # Birthdays falling in [today, today + n] of this year or the next: a short list of
    # (month-day, year, due) rows, one per calendar day, Feb 29 mapped onto Feb 28.
    rows: list[tuple[str, int, str]] = []
    for y in (today.year, today.year + 1):
        for md in {(m, d) for m, d in _month_days(today, n, y)}:
            b = birthday_on(rules_domain.MonthDay(*md), y)
            rows.append((f"{md[0]:02d}-{md[1]:02d}", y, _iso(add_days(b, -n))))
    if not rows:
        return 0
    values = " UNION ALL ".join(f"SELECT '{md}' AS md, {y} AS y, '{due}' AS due"
                                for md, y, due in rows)
    sql = f"""
        SELECT c.id AS cid, c.staff_id AS staff, 'birthday:' || c.id || ':' || w.y AS key,
               w.due AS due
        FROM customer c JOIN ({values}) w ON w.md = substr(c.birthday, 6, 5)
        WHERE c.store_id = :store AND c.birthday IS NOT NULL"""
    return _insert(s, sql, base)


def _month_days(today: date, n: int, year: int) -> list[tuple[int, int]]:
    """The birthdays (month, day) whose day in ``year`` lies in ``[today, today + n]``."""
    out = []
    d = today
    end = add_days(today, n)
    while d <= end:
        if d.year == year:
            out.append((d.month, d.day))
            if (d.month, d.day) == (2, 28) and birthday_on(rules_domain.MonthDay(2, 29),
                                                           year) == d:
                out.append((2, 29))
        d += timedelta(days=1)
    return out


def _lead_idle(s: Session, base: dict, today: date, rule: FollowUpRule, lookback: int) -> int:
    n = rule.offset
    cut = add_days(today, -n)
    sql = f"""
        SELECT y.cid AS cid, y.staff AS staff, 'lead_idle:' || y.cid || ':' || y.a AS key,
               {_D.plus_days('y.a', n)} AS due
        FROM (
            SELECT c.id AS cid, c.staff_id AS staff,
                   max({_D.day('c.created_at')},
                       COALESCE((SELECT {_D.day('max(v.at)')} FROM visit v
                                 WHERE v.customer_id = c.id AND v.at < :tomorrow), '')) AS a
            FROM customer c
            WHERE c.store_id = :store AND c.stage IN ('lead', 'target', 'qualified')
              AND c.created_at < :tomorrow
        ) y
        WHERE y.a <= :cut"""
    return _insert(s, sql, {**base, "cut": _iso(cut)})


def _deposit_unpaid(s: Session, base: dict, today: date, rule: FollowUpRule,
                    lookback: int) -> int:
    return 0  # no launches, so no locked deposits, are recorded yet


_GENERATORS = {
    RuleKind.TRIAL_24H: _trial,
    RuleKind.AFTER_PURCHASE: _after_purchase,
    RuleKind.REACTIVATION: _reactivation,
    RuleKind.BIRTHDAY: _birthday,
    RuleKind.LEAD_IDLE: _lead_idle,
    RuleKind.DEPOSIT_UNPAID: _deposit_unpaid,
}


def generate_in_session(s: Session, store_id: int, today: date,
                        settings: RuleSettings | None = None) -> GenerationResult:
    settings = settings or _load(s, store_id)
    base = {"store": store_id, "now": clock.now().isoformat(" "),
            "tomorrow": _iso(add_days(today, 1))}
    by_rule: dict[str, int] = {}
    for r in settings.rules:
        if r.enabled:
            base["rule"] = r.kind.value
            by_rule[r.kind.value] = _GENERATORS[r.kind](s, dict(base), today, r,
                                                        settings.lookback_days)
    return GenerationResult(sum(by_rule.values()), by_rule)


def _state(s: Session, store_id: int, today: date, settings: RuleSettings) -> str:
    """What a run's outcome depends on: the day, the rules, and every fact, summed up by the
    newest audit entry (every service that changes a fact - sale, refund, visit, member edit,
    stage change - writes one in the same transaction)."""
    last = s.scalar(select(func.max(AuditEntry.id))) or 0
    rules = ";".join(f"{r.kind.value}:{int(r.enabled)}:{','.join(map(str, r.offsets))}"
                     for r in settings.rules)
    return f"{today.isoformat()}|{settings.lookback_days}|{rules}|{last}"


def generate(db: Database, actor: Actor, today: date, *, force: bool = False) -> GenerationResult:
    """``force``: evaluate every rule even when nothing changed since the last run."""
    audit.require(db, actor, Permission.FOLLOWUPS_GENERATE, "followups.generate")
    with db.write() as s:
        settings = _load(s, actor.store_id)
        marker = s.scalars(select(Setting).where(Setting.store_id == actor.store_id,
                                                 Setting.key == LAST_RUN_SETTING)).first()
        if not force and marker is not None \
                and marker.value == _state(s, actor.store_id, today, settings):
            # The same day, rules and facts as the last run: it would find nothing new.
            return GenerationResult(0, {r.kind.value: 0 for r in settings.rules if r.enabled})
        result = generate_in_session(s, actor.store_id, today, settings)
        if result.created:
            audit.record_as(s, actor, "followups.generate", "", {
                "today": today.isoformat(), "created": result.created,
                "by_rule": result.by_rule})
        state = _state(s, actor.store_id, today, settings)
        if marker is None:
            s.add(Setting(store_id=actor.store_id, key=LAST_RUN_SETTING, value=state))
        else:
            marker.value = state
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
