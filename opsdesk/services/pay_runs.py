"""The monthly incentive run: draft for everyone on the payroll, review, lock.

API (each call one transaction):

* ``draft_run(db, actor, year, month, progress=None) -> RunSummary`` - owner (``pay.manage``).
  Computes every person's slip with ``domain.incentives.compute_pay`` from their merged scheme
  and the month's figures (``services.pay_figures``), scores their assessment on the way
  (``services.assessments``), and replaces the month's previous draft. A month whose run is
  locked is refused (``pay_run.locked``). A person whose pay cannot be computed (an assessment
  not complete, a bad scheme) gets a slip without lines that names the problem; the run cannot
  be locked until none is left. ``progress(done, total)`` may raise to cancel: nothing is
  written then.
* ``get_run(db, actor, year, month) -> RunView | None`` and ``list_runs(db, actor)`` - pay
  viewers only (the owner; a manager when allowed).
* ``lock_run(db, actor, year, month) -> RunSummary`` - owner. Refused when already locked
  (``pay_run.locked``) or with blocked slips (``pay_run.incomplete``). A locked run, its slips
  and lines are never changed again: corrections are adjustments in a later month.
* ``add_entry(db, actor, EntryInput) -> int`` / ``remove_entry(db, actor, entry_id)`` /
  ``list_entries(db, actor, year, month)`` - owner; deductions (a reason, an amount taken off)
  and adjustments (a reason, the locked month corrected, any sign) for a month not locked.
* ``my_slips(db, actor) -> list[SlipView]`` - anyone (``pay.view_own``): their own slips of
  locked runs, nobody else's.
* ``slip(db, actor, slip_id) -> SlipView`` - a pay viewer, or the person it belongs to once the
  run is locked; anyone else is refused and audited.

What a run uses per person (formulas in ``domain.incentives``):

* fixed pay pro rata to the days employed (``staff.hire_date`` / ``leave_date``);
* performance pay from the month's assessment score;
* commission on revenue (or gross profit) net of the refunds paid this month, with last month's
  negative carry; attainment brackets use the plan's revenue target, and without one attainment
  counts as 0 % (the first bracket's rate), marked "no target" on the slip;
* new-member bonus per customer registered with the person as consultant;
* mentor lines per apprentice (``staff.mentor_id``) against the apprentice's revenue
  attainment; an apprentice without a target keeps the subsidy only;
* PK prizes of contests ending in the month;
* annual bonus: provision each month = entitlement to date − provisions before (shown, not paid),
  paid in the scheme's month as ``(year-to-date actual − year-to-date target) × share``; without
  a plan there is no target, so no provision ("no target");
* deductions and adjustments entered for the month.

Error codes: ``pay_run.month_invalid`` (``month``), ``pay_run.locked`` (``year``, ``month``),
``pay_run.incomplete`` (``names``), ``pay_run.not_drafted`` (``year``, ``month``),
``pay_entry.kind_invalid`` (``kind``), ``pay_entry.unknown_staff`` (``staff_id``),
``pay_entry.source_required`` (``source``), ``pay_entry.unknown`` (``entry_id``),
``incentives.reason_required``, ``money.*``, ``text.*``.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import Department, Staff
from opsdesk.db.models.incentives import PayEntry, PayLine, PayRun, PaySlip
from opsdesk.domain import incentives as di
from opsdesk.domain.errors import Collector, Conflict, NotFound, OpsError, ValidationError
from opsdesk.domain.money import check_amount
from opsdesk.domain.roles import Permission
from opsdesk.domain.text import clean_text
from opsdesk.services import assessments, audit, contests, pay_figures
from opsdesk.services.context import Actor
from opsdesk.services.incentives import (
    basis_from_json,
    basis_to_json,
    ratio_from_text,
    ratio_text,
    require_pay_view,
    schemes_by_staff,
)

Progress = Callable[[int, int], None]

# Notes a slip carries (shown in words by the UI and on the printed slip).
NOTE_NO_TARGET = "no_target"  # attainment-based parts counted as 0 % / not applied
NOTE_NO_ANNUAL_TARGET = "no_annual_target"


@dataclass(frozen=True)
class RunSummary:
    id: int
    year: int
    month: int
    status: str  # draft | locked
    total: int
    slips: int
    blocked: int
    created_at: datetime
    locked_at: datetime | None

    @property
    def locked(self) -> bool:
        return self.status == "locked"


@dataclass(frozen=True)
class LineView:
    seq: int
    kind: di.PayKind
    amount: int
    basis: di.Basis


@dataclass(frozen=True)
class SlipView:
    id: int
    run_id: int
    year: int
    month: int
    locked: bool
    staff_id: int
    staff_name: str
    position: str
    department: str
    total: int
    days_employed: int
    days_in_month: int
    assessment_score: Decimal | None
    attainment: Fraction | None
    annual_accrual: int
    annual_accrued_to_date: int
    lines: tuple[LineView, ...]
    problems: tuple[tuple[str, dict], ...]  # (error code, params): the slip could not be computed
    notes: tuple[str, ...]  # NOTE_* codes

    @property
    def blocked(self) -> bool:
        return bool(self.problems)


@dataclass(frozen=True)
class RunView:
    summary: RunSummary
    slips: tuple[SlipView, ...]


@dataclass(frozen=True)
class EntryInput:
    staff_id: int
    year: int
    month: int
    kind: str  # deduction | adjustment
    amount: int  # fen; a deduction > 0 (taken off), an adjustment any sign but 0
    reason: str
    source: str = ""  # an adjustment: the locked month it corrects, e.g. "2026-03"


@dataclass(frozen=True)
class EntryRow:
    id: int
    staff_id: int
    staff_name: str
    kind: str
    amount: int
    reason: str
    source: str


# ----------------------------------------------------------------------------- reading


def _summary(s: Session, run: PayRun) -> RunSummary:
    blocked = s.scalar(select(func.count()).select_from(PaySlip).where(
        PaySlip.run_id == run.id, PaySlip.notes.like('%"problems": [[%'))) or 0
    return RunSummary(run.id, run.year, run.month, run.status, run.total, run.slips, blocked,
                      run.created_at, run.locked_at)


def _slip_views(s: Session, run: PayRun, slips: list[PaySlip]) -> tuple[SlipView, ...]:
    if not slips:
        return ()
    lines: dict[int, list[LineView]] = {}
    q = select(PayLine).where(PayLine.run_id == run.id)
    if len(slips) == 1:
        q = q.where(PayLine.slip_id == slips[0].id)
    for ln in s.scalars(q.order_by(PayLine.slip_id, PayLine.seq)):
        lines.setdefault(ln.slip_id, []).append(
            LineView(ln.seq, di.PayKind(ln.kind), ln.amount, basis_from_json(ln.basis)))
    out = []
    for sl in slips:
        notes = json.loads(sl.notes) if sl.notes else {}
        out.append(SlipView(
            sl.id, run.id, run.year, run.month, run.status == "locked", sl.staff_id,
            sl.staff_name, sl.position, sl.department, sl.total, sl.days_employed,
            sl.days_in_month, None if sl.assessment_score is None else Decimal(sl.assessment_score),
            None if sl.attainment is None else ratio_from_text(sl.attainment), sl.annual_accrual,
            sl.annual_accrued_to_date, tuple(lines.get(sl.id, ())),
            tuple((p[0], p[1]) for p in notes.get("problems", ())),
            tuple(notes.get("notes", ()))))
    return tuple(out)


def _run(s: Session, store_id: int, year: int, month: int) -> PayRun | None:
    return s.scalars(select(PayRun).where(PayRun.store_id == store_id, PayRun.year == year,
                                          PayRun.month == month)).first()


def get_run(db: Database, actor: Actor, year: int, month: int) -> RunView | None:
    require_pay_view(db, actor, "pay_run.view", f"{year}-{month:02d}")
    assessments.check_month(year, month)
    with db.read() as s:
        run = _run(s, actor.store_id, year, month)
        if run is None:
            return None
        slips = s.scalars(select(PaySlip).where(PaySlip.run_id == run.id)
                          .order_by(PaySlip.staff_id)).all()
        return RunView(_summary(s, run), _slip_views(s, run, list(slips)))


def list_runs(db: Database, actor: Actor) -> list[RunSummary]:
    require_pay_view(db, actor, "pay_run.list")
    with db.read() as s:
        runs = s.scalars(select(PayRun).where(PayRun.store_id == actor.store_id)
                         .order_by(PayRun.year.desc(), PayRun.month.desc())).all()
        return [_summary(s, r) for r in runs]


def my_slips(db: Database, actor: Actor) -> list[SlipView]:
    audit.require(db, actor, Permission.PAY_VIEW_OWN, "pay_slip.own")
    if actor.staff_id is None:
        return []
    with db.read() as s:
        out: list[SlipView] = []
        for run, sl in s.execute(select(PayRun, PaySlip).join(PaySlip, PaySlip.run_id == PayRun.id)
                                 .where(PayRun.store_id == actor.store_id,
                                        PayRun.status == "locked",
                                        PaySlip.staff_id == actor.staff_id)
                                 .order_by(PayRun.year.desc(), PayRun.month.desc())).all():
            out.extend(_slip_views(s, run, [sl]))
        return out


def slip(db: Database, actor: Actor, slip_id: int) -> SlipView:
    with db.read() as s:
        got = s.execute(select(PaySlip.staff_id, PayRun.status)
                        .join(PayRun, PaySlip.run_id == PayRun.id)
                        .where(PaySlip.id == slip_id, PayRun.store_id == actor.store_id)).first()
    if got is None:
        raise NotFound("pay_slip", slip_id)
    own = (got[0] == actor.staff_id and got[1] == "locked"
           and actor.can(Permission.PAY_VIEW_OWN))
    if not own:
        require_pay_view(db, actor, "pay_slip.view", f"slip:{slip_id}")
    with db.read() as s:
        sl = s.get(PaySlip, slip_id)
        assert sl is not None
        run = s.get(PayRun, sl.run_id)
        assert run is not None
        return _slip_views(s, run, [sl])[0]


# ----------------------------------------------------------------------------- entries


def add_entry(db: Database, actor: Actor, data: EntryInput) -> int:
    audit.require(db, actor, Permission.PAY_MANAGE, "pay_entry.add", f"staff:{data.staff_id}")
    assessments.check_month(data.year, data.month)
    c = Collector()
    if data.kind not in ("deduction", "adjustment"):
        c.errors["kind"] = ValidationError("pay_entry.kind_invalid", field="kind",
                                           kind=str(data.kind)[:20])
    reason = c.take("reason", clean_text, data.reason, field="reason", max_len=di.REASON_MAX)
    if reason == "":
        c.errors.setdefault("reason", ValidationError("incentives.reason_required",
                                                      field="reason", index=0))
    source = c.take("source", clean_text, data.source, field="source", max_len=60) or ""
    if data.kind == "deduction":
        c.take("amount", check_amount, data.amount, allow_zero=False, field="amount")
    else:
        c.take("amount", check_amount, data.amount, allow_negative=True, allow_zero=False,
               field="amount")
        if data.kind == "adjustment" and not source:
            c.errors.setdefault("source", ValidationError("pay_entry.source_required",
                                                          field="source"))
    c.done()
    with db.write() as s:
        person = s.get(Staff, data.staff_id)
        if person is None or person.store_id != actor.store_id:
            raise ValidationError("pay_entry.unknown_staff", field="staff_id")
        assessments._refuse_locked(s, actor.store_id, data.year, data.month)
        row = PayEntry(store_id=actor.store_id, staff_id=data.staff_id, year=data.year,
                       month=data.month, kind=data.kind, amount=data.amount, reason=reason,
                       source=source, created_by=actor.staff_id)
        s.add(row)
        s.flush()
        audit.record_as(s, actor, "pay_entry.add", f"staff:{data.staff_id}",
                        {"year": data.year, "month": data.month, "kind": data.kind,
                         "amount": data.amount, "reason": reason, "source": source})
        return row.id


def remove_entry(db: Database, actor: Actor, entry_id: int) -> None:
    audit.require(db, actor, Permission.PAY_MANAGE, "pay_entry.remove", f"entry:{entry_id}")
    with db.write() as s:
        row = s.get(PayEntry, entry_id)
        if row is None or row.store_id != actor.store_id:
            raise ValidationError("pay_entry.unknown", field="entry_id")
        assessments._refuse_locked(s, actor.store_id, row.year, row.month)
        detail = {"year": row.year, "month": row.month, "kind": row.kind, "amount": row.amount,
                  "reason": row.reason}
        s.delete(row)
        s.flush()
        audit.record_as(s, actor, "pay_entry.remove", f"entry:{entry_id}", detail)


def list_entries(db: Database, actor: Actor, year: int, month: int) -> list[EntryRow]:
    require_pay_view(db, actor, "pay_entry.list")
    with db.read() as s:
        return [EntryRow(e.id, e.staff_id, n, e.kind, e.amount, e.reason, e.source)
                for e, n in s.execute(select(PayEntry, Staff.name)
                                      .join(Staff, Staff.id == PayEntry.staff_id)
                                      .where(PayEntry.store_id == actor.store_id,
                                             PayEntry.year == year, PayEntry.month == month)
                                      .order_by(PayEntry.id))]


# ----------------------------------------------------------------------------- the run


def _prev(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


@dataclass
class _Person:
    id: int
    name: str
    position: str
    department: str
    hire: date | None
    leave: date | None
    mentor_id: int | None


def draft_run(db: Database, actor: Actor, year: int, month: int,
              progress: Progress | None = None) -> RunSummary:
    audit.require(db, actor, Permission.PAY_MANAGE, "pay_run.draft", f"{year}-{month:02d}")
    assessments.check_month(year, month)
    with db.read() as s:
        existing = _run(s, actor.store_id, year, month)
        if existing is not None and existing.status == "locked":
            raise Conflict("pay_run.locked", field="month", year=year, month=month)
    targets = pay_figures.plan_targets(db, actor, year, month)
    with db.write() as s:
        summary = _draft(s, db, actor, year, month, targets, progress)
        audit.record_as(s, actor, "pay_run.draft", f"{year}-{month:02d}",
                        {"slips": summary.slips, "total": summary.total,
                         "blocked": summary.blocked})
        return summary


def _draft(s: Session, db: Database, actor: Actor, year: int, month: int,
           targets: dict[int, dict[str, int]], progress: Progress | None) -> RunSummary:
    store = actor.store_id
    run = _run(s, store, year, month)
    if run is not None and run.status == "locked":
        raise Conflict("pay_run.locked", field="month", year=year, month=month)
    if run is not None:
        s.execute(delete(PayLine).where(PayLine.run_id == run.id))
        s.execute(delete(PaySlip).where(PaySlip.run_id == run.id))
        run.created_at, run.created_by = clock.now(), actor.staff_id
    else:
        run = PayRun(store_id=store, year=year, month=month, status="draft", total=0, slips=0,
                     created_by=actor.staff_id)
        s.add(run)
    s.flush()
    schemes = schemes_by_staff(s, store)
    people_rows = assessments.payroll_people(s, store, year, month)
    ids = [p[0] for p in people_rows]
    people: dict[int, _Person] = {}
    if ids:
        for st, dept in s.execute(select(Staff, Department.name)
                                  .outerjoin(Department, Department.id == Staff.department_id)
                                  .where(Staff.store_id == store)):
            people[st.id] = _Person(st.id, st.name, st.position or "", dept or "", st.hire_date,
                                    st.leave_date, st.mentor_id)
    lo, hi = pay_figures.month_range(year, month)
    need_cost = any(sc.commission is not None
                    and sc.commission.measure is di.CommissionMeasure.GROSS_PROFIT
                    for sc in schemes.values())
    fig = pay_figures.gather(s, store, lo, hi, cost=need_cost)
    scores = {v.staff_id: v for v in assessments.score_people(
        s, actor, year, month, people_rows, fig, targets)} if people_rows else {}
    py, pm = _prev(year, month)
    prev = {r[0]: (r[1], r[2]) for r in s.execute(
        select(PaySlip.staff_id, PaySlip.commission_carry_out, PaySlip.annual_accrued_to_date)
        .join(PayRun, PayRun.id == PaySlip.run_id)
        .where(PayRun.store_id == store, PayRun.year == py, PayRun.month == pm))}
    prizes = contests.prizes_for_month(s, store, year, month)
    entries: dict[int, list[PayEntry]] = {}
    for e in s.scalars(select(PayEntry).where(PayEntry.store_id == store, PayEntry.year == year,
                                              PayEntry.month == month).order_by(PayEntry.id)):
        entries.setdefault(e.staff_id, []).append(e)
    annual = _annual_figures(s, db, actor, store, year, month, schemes, ids, targets)
    apprentices: dict[int, list[int]] = {}
    for p in people.values():
        if p.mentor_id is not None:
            apprentices.setdefault(p.mentor_id, []).append(p.id)

    def attainment(sid: int) -> Fraction | None:
        t = pay_figures.revenue_target(targets.get(sid))
        return Fraction(max(0, fig.net(sid)), t) if t else None

    total_run = 0
    n_slips = 0
    blocked = 0
    for i, sid in enumerate(ids):
        if progress is not None:
            progress(i, len(ids))
        p = people[sid]
        scheme = schemes[sid]
        notes: list[str] = []
        sales_target = pay_figures.revenue_target(targets.get(sid))
        if scheme.commission is not None \
                and scheme.commission.measure is di.CommissionMeasure.GROSS_PROFIT:
            sales_target = (targets.get(sid) or {}).get("gross_profit") or None
        if scheme.commission is not None and scheme.commission.bracket_by is di.BracketBy.ATTAINMENT \
                and not sales_target:
            first = scheme.commission.brackets[0]
            scheme = dataclasses.replace(scheme, commission=di.CommissionRule(
                (di.Bracket(0, None, first.rate),), di.CommissionMode.STEP,
                scheme.commission.measure, di.BracketBy.AMOUNT))
            notes.append(NOTE_NO_TARGET)
        carry_in, accrued_before = prev.get(sid, (0, 0))
        aps = []
        for a in apprentices.get(sid, ()):
            if a in people and scheme.mentor is not None and _employed(people[a], year, month):
                att = attainment(a)
                if att is None and NOTE_NO_TARGET not in notes:
                    notes.append(NOTE_NO_TARGET)
                aps.append(di.ApprenticeResult(people[a].name, att))
        view = scores.get(sid)
        score = view.score if view is not None else None
        ab = annual.get(sid)
        accrual = accrued_to_date = 0
        annual_input = None
        if scheme.annual_bonus_share and ab is not None:
            ytd_actual, ytd_target = ab
            if ytd_target:
                acc = di.accrue_annual_bonus(max(0, ytd_actual), ytd_target,
                                             scheme.annual_bonus_share,
                                             accrued_before if month > 1 else 0)
                accrual, accrued_to_date = acc.accrual, acc.entitlement_to_date
                if scheme.annual_bonus_month == month:
                    annual_input = di.AnnualBonusInput(max(0, ytd_actual), ytd_target)
            else:
                notes.append(NOTE_NO_ANNUAL_TARGET)
        deds = tuple(di.Deduction(e.reason, e.amount) for e in entries.get(sid, ())
                     if e.kind == "deduction")
        adjs = tuple(di.Adjustment(e.source, e.reason, e.amount) for e in entries.get(sid, ())
                     if e.kind == "adjustment")
        inputs = di.PayInputs(
            year, month, scheme, joined=p.hire, left=p.leave,
            assessment_score=score if scheme.performance_base else None,
            sales=di.SalesFigures(revenue=fig.revenue.get(sid, 0),
                                  refunds=fig.refunds.get(sid, 0),
                                  cost_of_sales=fig.cost.get(sid, 0), carry_in=min(0, carry_in),
                                  target=sales_target),
            new_members=fig.new_members.get(sid, 0), apprentices=tuple(aps),
            contest_prizes=tuple(prizes.get(sid, ())), annual_bonus=annual_input,
            deductions=deds, adjustments=adjs)
        problems: list[list] = []
        payslip = None
        try:
            payslip = di.compute_pay(inputs)
        except OpsError as e:
            errs = getattr(e, "errors", None) or {e.field or "": e}
            problems = [[x.code, {k: str(v) for k, v in x.params.items()}]
                        for x in errs.values()]
        att = attainment(sid)
        row = PaySlip(store_id=store, run_id=run.id, staff_id=sid, staff_name=p.name,
                      position=p.position[:60], department=p.department[:60],
                      total=payslip.total if payslip else 0,
                      days_employed=payslip.days_employed if payslip else
                      di.days_employed(year, month, p.hire, p.leave)
                      if not (p.hire and p.leave and p.leave < p.hire) else 0,
                      days_in_month=pay_figures.last_day(year, month).day,
                      assessment_score=None if score is None else str(score),
                      attainment=None if att is None else ratio_text(att),
                      commission_carry_out=payslip.commission_carry_out if payslip else
                      min(0, carry_in),
                      annual_accrual=accrual, annual_accrued_to_date=accrued_to_date,
                      notes=json.dumps({"problems": problems, "notes": notes},
                                       ensure_ascii=False))
        s.add(row)
        s.flush()
        if payslip is not None:
            if payslip.lines:
                s.execute(PayLine.__table__.insert(), [
                    {"store_id": store, "run_id": run.id, "slip_id": row.id, "seq": k,
                     "kind": ln.kind.value, "amount": ln.amount,
                     "basis": basis_to_json(ln.basis)}
                    for k, ln in enumerate(payslip.lines)])
            total_run += payslip.total
        else:
            blocked += 1
        n_slips += 1
    if progress is not None:
        progress(len(ids), len(ids))
    run.total, run.slips, run.status = total_run, n_slips, "draft"
    s.flush()
    return RunSummary(run.id, year, month, "draft", total_run, n_slips, blocked, run.created_at,
                      None)


def _employed(p: _Person, year: int, month: int) -> bool:
    first, last = date(year, month, 1), pay_figures.last_day(year, month)
    return (p.hire is None or p.hire <= last) and (p.leave is None or p.leave >= first)


def _annual_figures(s: Session, db: Database, actor: Actor, store: int, year: int, month: int,
                    schemes: dict[int, di.PayScheme], ids: list[int],
                    month_targets: dict[int, dict[str, int]]) -> dict[int, tuple[int, int]]:
    """(year-to-date net revenue, year-to-date revenue target) for those with an annual bonus."""
    who = [sid for sid in ids if schemes[sid].annual_bonus_share]
    if not who:
        return {}
    lo, hi = datetime(year, 1, 1), pay_figures.month_range(year, month)[1]
    revenue, _d = pay_figures.sales_by_staff(s, store, lo, hi)
    refunds = pay_figures.refunds_by_staff(s, store, lo, hi)
    ytd_target: dict[int, int] = {sid: 0 for sid in who}
    for m in range(1, month + 1):
        t = month_targets if m == month else pay_figures.plan_targets(db, actor, year, m)
        for sid in who:
            ytd_target[sid] += pay_figures.revenue_target(t.get(sid)) or 0
    return {sid: (revenue.get(sid, 0) - refunds.get(sid, 0), ytd_target[sid]) for sid in who}


def lock_run(db: Database, actor: Actor, year: int, month: int) -> RunSummary:
    audit.require(db, actor, Permission.PAY_MANAGE, "pay_run.lock", f"{year}-{month:02d}")
    assessments.check_month(year, month)
    with db.write() as s:
        run = _run(s, actor.store_id, year, month)
        if run is None:
            raise ValidationError("pay_run.not_drafted", field="month", year=year, month=month)
        if run.status == "locked":
            raise Conflict("pay_run.locked", field="month", year=year, month=month)
        summary = _summary(s, run)
        if summary.blocked:
            names = s.scalars(select(PaySlip.staff_name).where(
                PaySlip.run_id == run.id, PaySlip.notes.like('%"problems": [[%'))
                .order_by(PaySlip.staff_id)).all()
            raise Conflict("pay_run.incomplete", field="month", names="、".join(names))
        lines_total = s.scalar(select(func.coalesce(func.sum(PayLine.amount), 0))
                               .where(PayLine.run_id == run.id))
        slips_total = s.scalar(select(func.coalesce(func.sum(PaySlip.total), 0))
                               .where(PaySlip.run_id == run.id))
        if not (int(lines_total) == int(slips_total) == run.total):
            raise Conflict("pay_run.totals_differ", field="month")
        run.status, run.locked_at, run.locked_by = "locked", clock.now(), actor.staff_id
        s.flush()
        audit.record_as(s, actor, "pay_run.lock", f"{year}-{month:02d}",
                        {"total": run.total, "slips": run.slips})
        return _summary(s, run)


# ----------------------------------------------------------------------------- export


def run_rows(db: Database, actor: Actor, year: int, month: int) -> list[SlipView]:
    """Every slip of the run, for the export and the slips PDF (pay viewers only)."""
    view = get_run(db, actor, year, month)
    if view is None:
        raise ValidationError("pay_run.not_drafted", field="month", year=year, month=month)
    return list(view.slips)


def locked_run_problems(s: Session) -> list[str]:
    """For ``opsdesk check``: every locked run's total is the sum of its slips, and every slip's
    total the sum of its lines (portable SQL, one pass over each table)."""
    problems: list[str] = []
    slip_sums = (select(PaySlip.run_id, func.sum(PaySlip.total).label("t"),
                        func.count().label("n"))
                 .group_by(PaySlip.run_id).subquery())
    for run_id, y, m, total, n, got, count in s.execute(
            select(PayRun.id, PayRun.year, PayRun.month, PayRun.total, PayRun.slips,
                   func.coalesce(slip_sums.c.t, 0), func.coalesce(slip_sums.c.n, 0))
            .outerjoin(slip_sums, slip_sums.c.run_id == PayRun.id)
            .where(PayRun.status == "locked")):
        if int(got) != total or int(count) != n:
            problems.append(f"pay run {y}-{m:02d} (id {run_id}): total {total} in {n} slips, "
                            f"but its slips add up to {int(got)} in {int(count)}")
    line_sums = (select(PayLine.slip_id, func.sum(PayLine.amount).label("t"))
                 .group_by(PayLine.slip_id).subquery())
    for slip_id, y, m, name, total, got in s.execute(
            select(PaySlip.id, PayRun.year, PayRun.month, PaySlip.staff_name, PaySlip.total,
                   func.coalesce(line_sums.c.t, 0))
            .join(PayRun, PayRun.id == PaySlip.run_id)
            .outerjoin(line_sums, line_sums.c.slip_id == PaySlip.id)
            .where(PayRun.status == "locked")
            .where(PaySlip.total != func.coalesce(line_sums.c.t, 0)).limit(20)):
        problems.append(f"pay run {y}-{m:02d}: slip {slip_id} ({name}) total {total}, "
                        f"its lines add up to {int(got)}")
    return problems
