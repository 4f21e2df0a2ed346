"""Assessments (考核): the KPI templates (the store's, and a position's own) and each person's monthly score with its breakdown.

API (each call one transaction):

* ``get_template(db, actor) -> list[ItemRow]`` - the store's items, or seed 004's defaults
  (visits 20, effective visits 20, new customers 20, second follow-ups 15, revenue attainment 15,
  attitude 10 scored by the manager) when none were saved. Everyone may read it: the rules that
  steer behaviour are meant to be seen.
* ``get_template(db, actor, position_id)`` - that position's own items if it has them, else the
  store's: the store's template is the fallback for every position without its own.
* ``save_template(db, actor, [ItemInput], position_id=None)`` - owner (``pay.manage``): the
  store's template, or a position's own; weights must add up to 100 (``assessment.weights_sum``),
  every default target above 0; nothing saved otherwise (``assessment.unknown_position``).
* ``drop_template(db, actor, position_id)`` - owner: the position goes back to the store's.
* ``template_positions`` / ``own_template_positions`` - the positions and which have their own.
* ``set_manual(db, actor, staff_id, year, month, {code: value})`` - owner or manager
  (``assessments.score``): the manual items (attitude, out of the item's target) for one person;
  refused for a month whose pay run is locked (``pay_run.locked``).
* ``refresh_month(db, actor, year, month) -> list[AssessmentView]`` - owner or manager: scores
  everyone on the payroll, each on their position's template (``staff.position_id``), from the records and the manual entries and keeps score and breakdown.
* ``month_assessments(db, actor, year, month) -> list[AssessmentView]`` - the kept results;
  owner and manager see everyone, others their own (``pay.view_own``).

Automatic items are counted by ``services.pay_figures``; their target is the plan's for the
person and month when there is one, else the item's default target. ``revenue_attainment`` is
revenue net of refunds against the plan's revenue target; without a plan it has no target and
scores 0 ("no target" on the breakdown). A manual item not yet entered leaves the assessment
incomplete (``score`` None) and the pay run shows that person as blocked until it is entered.

Error codes: ``assessment.*`` (domain), ``assessment.unknown_staff`` (``staff_id``),
``pay_run.locked`` (``year``, ``month``), ``pay_run.month_invalid``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import Position, Staff
from opsdesk.db.models.incentives import (
    Assessment,
    AssessmentItem,
    AssessmentLine,
    PayRun,
)
from opsdesk.domain import assessment as da
from opsdesk.domain.errors import Collector, Conflict, ValidationError
from opsdesk.domain.incentives import Ratio, to_ratio
from opsdesk.domain.roles import Permission
from opsdesk.services import audit, pay_figures
from opsdesk.services.context import Actor
from opsdesk.services.incentives import ratio_from_text, ratio_text

# Default monthly targets of the default items (seed 004's behaviour norms for one seller).
DEFAULT_TARGETS: dict[str, str] = {
    "visits": "60", "effective_visits": "30", "new_customers": "10", "second_follow_ups": "20",
    "revenue_attainment": "0", "attitude": "10",
}
NO_TARGET = "0"  # a default target of 0: only the plan can give one


@dataclass(frozen=True)
class ItemInput:
    code: str
    weight: Ratio
    source: da.KpiSource | str = da.KpiSource.AUTO
    cap: Ratio = da.DEFAULT_CAP
    default_target: Ratio = 1


@dataclass(frozen=True)
class ItemRow:
    code: str
    weight: Fraction
    source: da.KpiSource
    cap: Fraction
    default_target: Fraction  # 0: the plan's target only


@dataclass(frozen=True)
class LineView:
    code: str
    source: da.KpiSource
    weight: Fraction
    cap: Fraction
    target: Fraction | None  # None: no target (no plan)
    actual: Fraction | None  # None: a manual item not entered yet
    score: Decimal | None


@dataclass(frozen=True)
class AssessmentView:
    staff_id: int
    staff_name: str
    year: int
    month: int
    score: Decimal | None  # None: incomplete
    lines: tuple[LineView, ...]


def check_month(year: int, month: int) -> None:
    if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100 \
            or isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise ValidationError("pay_run.month_invalid", field="month")


def _row(r: AssessmentItem) -> ItemRow:
    return ItemRow(r.code, ratio_from_text(r.weight), da.KpiSource(r.source),
                   ratio_from_text(r.cap), ratio_from_text(r.default_target))


def _defaults() -> list[ItemRow]:
    return [ItemRow(it.code, to_ratio(it.weight), it.source, to_ratio(it.cap),
                    ratio_from_text(DEFAULT_TARGETS.get(it.code, "1")))
            for it in da.DEFAULT_ITEMS]


def _templates(s: Session, store_id: int) -> dict[int | None, list[ItemRow]]:
    """Every saved template of the store in one query: ``None`` the store's (seed 004's
    defaults when none was saved), else a position's own."""
    out: dict[int | None, list[ItemRow]] = {}
    for r in s.scalars(select(AssessmentItem).where(AssessmentItem.store_id == store_id)
                       .order_by(AssessmentItem.sort, AssessmentItem.id)):
        out.setdefault(r.position_id, []).append(_row(r))
    if None not in out:
        out[None] = _defaults()
    return out


def _items(s: Session, store_id: int, position_id: int | None = None) -> list[ItemRow]:
    """The position's own template if it has one, else the store's (or the defaults)."""
    if position_id is not None:
        rows = s.scalars(select(AssessmentItem).where(
            AssessmentItem.store_id == store_id, AssessmentItem.position_id == position_id)
            .order_by(AssessmentItem.sort, AssessmentItem.id)).all()
        if rows:
            return [_row(r) for r in rows]
    rows = s.scalars(select(AssessmentItem).where(
        AssessmentItem.store_id == store_id, AssessmentItem.position_id.is_(None))
        .order_by(AssessmentItem.sort, AssessmentItem.id)).all()
    return [_row(r) for r in rows] if rows else _defaults()


def _check_position(s: Session, store_id: int, position_id: int | None) -> None:
    if position_id is None:
        return
    p = s.get(Position, position_id) if isinstance(position_id, int) \
        and not isinstance(position_id, bool) else None
    if p is None or p.store_id != store_id:
        raise ValidationError("assessment.unknown_position", field="position_id")


def get_template(db: Database, actor: Actor, position_id: int | None = None) -> list[ItemRow]:
    with db.read() as s:
        return _items(s, actor.store_id, position_id)


def template_positions(db: Database, actor: Actor) -> list[tuple[int, str, bool]]:
    """Every position of the store (active ones, and any that has a template) as
    ``(id, name, has its own template)``, in the organisation's order."""
    with db.read() as s:
        own = set(s.scalars(select(AssessmentItem.position_id).where(
            AssessmentItem.store_id == actor.store_id,
            AssessmentItem.position_id.is_not(None)).distinct()))
        rows = s.execute(select(Position.id, Position.name, Position.active).where(
            Position.store_id == actor.store_id).order_by(Position.sort, Position.id)).all()
        return [(pid, name, pid in own) for pid, name, active in rows if active or pid in own]


def own_template_positions(db: Database, actor: Actor) -> set[int]:
    """The positions that have their own template."""
    with db.read() as s:
        return {pid for pid in s.scalars(select(AssessmentItem.position_id).where(
            AssessmentItem.store_id == actor.store_id,
            AssessmentItem.position_id.is_not(None)).distinct())}


def _position_clause(store_id: int, position_id: int | None):  # noqa: ANN202
    where = AssessmentItem.store_id == store_id
    if position_id is None:
        return where & AssessmentItem.position_id.is_(None)
    return where & (AssessmentItem.position_id == position_id)


def save_template(db: Database, actor: Actor, items: Sequence[ItemInput],
                  position_id: int | None = None) -> list[ItemRow]:
    """Save the store's template (``position_id`` None) or a position's own template."""
    audit.require(db, actor, Permission.PAY_MANAGE, "assessment.template.save")
    kpis = []
    c = Collector()
    for it in items:
        try:
            src = da.KpiSource(it.source)
        except ValueError:
            raise ValidationError("assessment.code_invalid", field="items") from None
        kpis.append(da.KpiItem(it.code.strip() if isinstance(it.code, str) else it.code,
                               it.weight, src, it.cap))
        t = c.take(it.code, to_ratio, it.default_target, field=it.code)
        if t is not None and t < 0:
            c.errors.setdefault(it.code, ValidationError("assessment.target_invalid",
                                                         field=it.code))
        elif t == 0 and (src is da.KpiSource.MANUAL or it.code not in da.PLAN_ONLY_CODES):
            c.errors.setdefault(it.code, ValidationError("assessment.target_invalid",
                                                         field=it.code))
    da.validate_items(kpis)
    c.done()
    with db.write() as s:
        _check_position(s, actor.store_id, position_id)
        s.execute(delete(AssessmentItem).where(_position_clause(actor.store_id, position_id)))
        for i, (it, k) in enumerate(zip(items, kpis, strict=True)):
            s.add(AssessmentItem(store_id=actor.store_id, position_id=position_id, code=k.code,
                                 weight=ratio_text(k.weight), source=k.source.value,
                                 cap=ratio_text(k.cap),
                                 default_target=ratio_text(it.default_target), sort=i))
        s.flush()
        audit.record_as(s, actor, "assessment.template.save",
                        f"position:{position_id}" if position_id is not None else "",
                        detail={"items": [k.code for k in kpis]})
        return _items(s, actor.store_id, position_id)


def drop_template(db: Database, actor: Actor, position_id: int) -> list[ItemRow]:
    """Remove a position's own template: its people are scored on the store's again. Returns the
    store's template."""
    audit.require(db, actor, Permission.PAY_MANAGE, "assessment.template.drop")
    with db.write() as s:
        if position_id is None:
            raise ValidationError("assessment.unknown_position", field="position_id")
        _check_position(s, actor.store_id, position_id)
        s.execute(delete(AssessmentItem).where(_position_clause(actor.store_id, position_id)))
        audit.record_as(s, actor, "assessment.template.drop", f"position:{position_id}")
        return _items(s, actor.store_id, None)


def run_locked(s: Session, store_id: int, year: int, month: int) -> bool:
    return s.scalar(select(PayRun.id).where(PayRun.store_id == store_id, PayRun.year == year,
                                            PayRun.month == month,
                                            PayRun.status == "locked")) is not None


def _refuse_locked(s: Session, store_id: int, year: int, month: int) -> None:
    if run_locked(s, store_id, year, month):
        raise Conflict("pay_run.locked", field="month", year=year, month=month)


def set_manual(db: Database, actor: Actor, staff_id: int, year: int, month: int,
               values: Mapping[str, Ratio]) -> AssessmentView:
    audit.require(db, actor, Permission.ASSESSMENTS_SCORE, "assessment.score",
                  f"staff:{staff_id}")
    check_month(year, month)
    targets = pay_figures.plan_targets(db, actor, year, month)
    with db.write() as s:
        person = s.get(Staff, staff_id)
        if person is None or person.store_id != actor.store_id:
            raise ValidationError("assessment.unknown_staff", field="staff_id")
        _refuse_locked(s, actor.store_id, year, month)
        items = {it.code: it for it in _items(s, actor.store_id, person.position_id)}
        c = Collector()
        clean: dict[str, Fraction] = {}
        for code, v in values.items():
            it = items.get(code)
            if it is None:
                c.errors.setdefault(code, ValidationError("assessment.item_unknown", field=code,
                                                          code=code))
                continue
            if it.source is not da.KpiSource.MANUAL:
                c.errors.setdefault(code, ValidationError("assessment.not_manual", field=code))
                continue
            x = c.take(code, to_ratio, v, field=code)
            if x is not None and x < 0:
                c.errors.setdefault(code, ValidationError("assessment.actual_invalid",
                                                          field=code))
            elif x is not None:
                clean[code] = x
        c.done()
        a = _assessment_row(s, actor, staff_id, year, month)
        existing = {ln.code: ln for ln in s.scalars(select(AssessmentLine).where(
            AssessmentLine.assessment_id == a.id))}
        for code, x in clean.items():
            it = items[code]
            ln = existing.get(code)
            if ln is None:
                ln = AssessmentLine(store_id=actor.store_id, assessment_id=a.id, code=code,
                                    source=it.source.value, weight=ratio_text(it.weight),
                                    cap=ratio_text(it.cap), target=None, actual=None, score=None)
                s.add(ln)
            ln.actual = ratio_text(x)
        s.flush()
        fig = pay_figures.gather(s, actor.store_id, *pay_figures.month_range(year, month))
        view = score_people(s, actor, year, month, [(staff_id, person.name)], fig, targets)[0]
        audit.record_as(s, actor, "assessment.score", f"staff:{staff_id}",
                        {"year": year, "month": month,
                         "values": {k: ratio_text(v) for k, v in clean.items()}})
        return view


def _assessment_row(s: Session, actor: Actor, staff_id: int, year: int, month: int) -> Assessment:
    a = s.scalars(select(Assessment).where(
        Assessment.store_id == actor.store_id, Assessment.staff_id == staff_id,
        Assessment.year == year, Assessment.month == month)).first()
    if a is None:
        a = Assessment(store_id=actor.store_id, staff_id=staff_id, year=year, month=month,
                       score=None, updated_by=actor.staff_id)
        s.add(a)
        s.flush()
    return a


def _auto_actual(code: str, sid: int, fig: pay_figures.Figures) -> int | None:
    table = {"visits": fig.visits, "effective_visits": fig.effective_visits,
             "new_customers": fig.new_customers, "second_follow_ups": fig.second_follow_ups,
             "new_members": fig.new_members, "deals": fig.deals}
    if code == "revenue_attainment" or code == "revenue":
        return max(0, fig.net(sid))
    got = table.get(code)
    return None if got is None else got.get(sid, 0)


def _plan_target(code: str, person_targets: Mapping[str, int] | None) -> int | None:
    if not person_targets:
        return None
    if code in ("revenue_attainment", "revenue"):
        return pay_figures.revenue_target(dict(person_targets))
    v = person_targets.get(code)
    return int(v) if v else None


def score_people(s: Session, actor: Actor, year: int, month: int,
                 people: Sequence[tuple[int, str]], fig: pay_figures.Figures,
                 targets: Mapping[int, Mapping[str, int]]) -> list[AssessmentView]:
    """Score each person from the records and their kept manual entries; keep the result
    (inside the caller's write transaction)."""
    templates = _templates(s, actor.store_id)
    ids = [p[0] for p in people]
    positions = dict(s.execute(select(Staff.id, Staff.position_id).where(
        Staff.store_id == actor.store_id, Staff.id.in_(ids))).all()) if ids else {}
    store_net = max(0, sum(fig.revenue.values()) - sum(fig.refunds.values()))
    store_target = sum(pay_figures.revenue_target(dict(t)) or 0 for t in targets.values())
    registered = pay_figures.store_new_members(
        s, actor.store_id, *pay_figures.month_range(year, month)) if any(
        it.code == "store_new_members" for items in templates.values() for it in items) else 0
    rows = {a.staff_id: a for a in s.scalars(select(Assessment).where(
        Assessment.store_id == actor.store_id, Assessment.year == year,
        Assessment.month == month, Assessment.staff_id.in_(ids)))} if ids else {}
    manual: dict[tuple[int, str], str | None] = {}
    if rows:
        for aid, code, actual in s.execute(select(
                AssessmentLine.assessment_id, AssessmentLine.code, AssessmentLine.actual)
                .where(AssessmentLine.assessment_id.in_([a.id for a in rows.values()]))):
            manual[(aid, code)] = actual
        s.execute(delete(AssessmentLine).where(
            AssessmentLine.assessment_id.in_([a.id for a in rows.values()])))
    out: list[AssessmentView] = []
    now = clock.now()
    for sid, name in people:
        a = rows.get(sid)
        if a is None:
            a = Assessment(store_id=actor.store_id, staff_id=sid, year=year, month=month,
                           score=None, updated_by=actor.staff_id)
            s.add(a)
            s.flush()
        lines: list[LineView] = []
        complete = True
        items = templates.get(positions.get(sid)) or templates[None]
        for it in items:
            if it.source is da.KpiSource.MANUAL:
                raw = manual.get((a.id, it.code))
                actual = None if raw is None else ratio_from_text(raw)
                target: Fraction | None = it.default_target
            elif it.code == "store_new_members":
                actual, target = Fraction(registered), it.default_target
            elif it.code == "store_revenue_attainment":
                actual = Fraction(store_net)
                target = Fraction(store_target) if store_target else (it.default_target or None)
            else:
                got = _auto_actual(it.code, sid, fig)
                actual = None if got is None else Fraction(got)
                pt = _plan_target(it.code, targets.get(sid))
                target = Fraction(pt) if pt else (it.default_target or None)
            if actual is None:
                complete = False
                score = None
            elif target is None:
                score = Decimal("0.00")  # no target: counted as 0 %
            else:
                score = da.item_score(it.weight, it.cap, target, actual)
            lines.append(LineView(it.code, it.source, it.weight, it.cap, target, actual, score))
            s.add(AssessmentLine(
                store_id=actor.store_id, assessment_id=a.id, code=it.code,
                source=it.source.value, weight=ratio_text(it.weight), cap=ratio_text(it.cap),
                target=None if target is None else ratio_text(target),
                actual=None if actual is None else ratio_text(actual),
                score=None if score is None else str(score)))
        total = sum((ln.score for ln in lines if ln.score is not None), Decimal("0.00")) \
            if complete else None
        a.score = None if total is None else str(total)
        a.updated_at, a.updated_by = now, actor.staff_id
        out.append(AssessmentView(sid, name, year, month, total, tuple(lines)))
    s.flush()
    return out


def refresh_month(db: Database, actor: Actor, year: int, month: int) -> list[AssessmentView]:
    audit.require(db, actor, Permission.ASSESSMENTS_SCORE, "assessment.refresh")
    check_month(year, month)
    targets = pay_figures.plan_targets(db, actor, year, month)
    with db.write() as s:
        _refuse_locked(s, actor.store_id, year, month)
        people = payroll_people(s, actor.store_id, year, month)
        fig = pay_figures.gather(s, actor.store_id, *pay_figures.month_range(year, month))
        views = score_people(s, actor, year, month, people, fig, targets)
        audit.record_as(s, actor, "assessment.refresh", detail={"year": year, "month": month})
        return views


def payroll_people(s: Session, store_id: int, year: int, month: int) -> list[tuple[int, str]]:
    """People employed in the month who are paid by a scheme (position or personal)."""
    from opsdesk.services.incentives import schemes_by_staff

    schemes = schemes_by_staff(s, store_id)
    first, last = pay_figures.month_range(year, month)[0].date(), pay_figures.last_day(year, month)
    rows = s.execute(select(Staff.id, Staff.name).where(
        Staff.store_id == store_id, pay_figures.employed_clause(first, last))
        .order_by(Staff.id)).all()
    return [(r[0], r[1]) for r in rows if r[0] in schemes]


def month_assessments(db: Database, actor: Actor, year: int, month: int) -> list[AssessmentView]:
    check_month(year, month)
    team = actor.can(Permission.ASSESSMENTS_SCORE)
    if not team:
        audit.require(db, actor, Permission.PAY_VIEW_OWN, "assessment.view")
    with db.read() as s:
        q = (select(Assessment, Staff.name).join(Staff, Staff.id == Assessment.staff_id)
             .where(Assessment.store_id == actor.store_id, Assessment.year == year,
                    Assessment.month == month))
        if not team:
            q = q.where(Assessment.staff_id == actor.staff_id)
        got = s.execute(q.order_by(Assessment.staff_id)).all()
        lines: dict[int, list[LineView]] = {}
        if got:
            for ln in s.scalars(select(AssessmentLine).where(AssessmentLine.assessment_id.in_(
                    [a.id for a, _ in got])).order_by(AssessmentLine.id)):
                lines.setdefault(ln.assessment_id, []).append(LineView(
                    ln.code, da.KpiSource(ln.source), ratio_from_text(ln.weight),
                    ratio_from_text(ln.cap),
                    None if ln.target is None else ratio_from_text(ln.target),
                    None if ln.actual is None else ratio_from_text(ln.actual),
                    None if ln.score is None else Decimal(ln.score)))
        return [AssessmentView(a.staff_id, name, year, month,
                               None if a.score is None else Decimal(a.score),
                               tuple(lines.get(a.id, ()))) for a, name in got]
