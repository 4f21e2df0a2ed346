"""Pay schemes per position with per-person overrides, who may see pay, and the promotion path.

API (each call one transaction):

* ``can_view_pay(db, actor) -> bool`` - the owner always; a manager when the owner granted it
  (store setting ``pay.manager_can_view``); nobody else sees anyone's pay.
* ``set_manager_pay_access(db, actor, allowed)`` - owner only (``pay.manage``).
* ``list_schemes(db, actor) -> list[SchemeRow]`` - every position with its scheme (or none) and
  every person's override; pay viewers only.
* ``save_position_scheme(db, actor, position_id, PayScheme | None)`` - owner; ``None`` removes it.
  The scheme is checked by ``domain.incentives.validate_scheme`` (every bad field at once) and
  nothing is written when it fails.
* ``save_override(db, actor, staff_id, SchemeOverride | None)`` - owner; ``None`` removes it.
* ``scheme_for(db, actor, staff_id) -> PayScheme | None`` - the merged scheme a person is paid by.
* ``promotion_levels(db, actor)``, ``save_promotion_levels(db, actor, [LevelInput])``,
  ``set_staff_level(db, actor, staff_id, code)`` and ``promotion_candidates(db, actor, year,
  month) -> list[Candidate]`` - the visible path (everyone sees the levels), its editing (owner),
  and who qualifies this month for their next level (owner and manager), from the locked (or
  draft) runs' attainment and the month's new members.

Exact numbers are kept as text: :func:`ratio_text` writes a terminating decimal ("0.03") or a
fraction ("1/3"), :func:`ratio_from_text` reads either back exactly.

Error codes: ``pay.unknown_position`` (``position_id``), ``pay.unknown_staff`` (``staff_id``),
``promotion.*`` from ``domain.promotion_path``, ``incentives.*`` from ``domain.incentives``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import Position, Setting, Staff
from opsdesk.db.models.incentives import PayRun, PaySlip, PromotionLevel, StaffLevel
from opsdesk.db.models.incentives import PayScheme as SchemeRowModel
from opsdesk.domain import promotion_path as pp
from opsdesk.domain.errors import ValidationError
from opsdesk.domain.incentives import (
    INHERIT,
    Basis,
    Bracket,
    BracketBy,
    CommissionMeasure,
    CommissionMode,
    CommissionRule,
    MentorRule,
    PayScheme,
    Ratio,
    SchemeOverride,
    Value,
    ValueKind,
    merge_scheme,
    to_ratio,
    validate_scheme,
)
from opsdesk.domain.roles import Permission, Role
from opsdesk.domain.text import clean_text
from opsdesk.services import audit
from opsdesk.services.context import Actor

MANAGER_PAY_SETTING = "pay.manager_can_view"


# ----------------------------------------------------------------------------- exact text


def ratio_text(value: Ratio | Fraction) -> str:
    """An exact number as text: "0.03", "12", or "1/3" when the decimal would not end."""
    f = to_ratio(value)
    d = f.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d != 1:
        return f"{f.numerator}/{f.denominator}"
    q = Decimal(f.numerator) / Decimal(f.denominator)
    text = format(q.normalize(), "f")
    return text


def ratio_from_text(text: str) -> Fraction:
    if "/" in text:
        return Fraction(text)
    return Fraction(Decimal(text))


# ----------------------------------------------------------------------------- basis as JSON


def basis_to_json(b: Basis) -> str:
    return json.dumps(_basis_obj(b), ensure_ascii=False, separators=(",", ":"))


def _basis_obj(b: Basis) -> dict[str, Any]:
    vals = []
    for name, v in b.values:
        x = v.value
        if isinstance(x, Fraction):
            x = ratio_text(x)
        vals.append([name, v.kind.value, x])
    out: dict[str, Any] = {"t": b.template, "v": vals}
    if b.parts:
        out["p"] = [_basis_obj(p) for p in b.parts]
    return out


def basis_from_json(text: str) -> Basis:
    return _basis_from(json.loads(text))


def _basis_from(o: dict[str, Any]) -> Basis:
    vals = []
    for name, kind, x in o.get("v", ()):
        k = ValueKind(kind)
        if k in (ValueKind.RATIO, ValueKind.SCORE):
            x = ratio_from_text(str(x))
        vals.append((name, Value(k, x)))
    return Basis(o["t"], tuple(vals), tuple(_basis_from(p) for p in o.get("p", ())))


# ----------------------------------------------------------------------------- access


def can_view_pay(db: Database, actor: Actor) -> bool:
    if actor.can(Permission.PAY_VIEW):
        return True
    if actor.role is not Role.MANAGER:
        return False
    with db.read() as s:
        return _manager_granted(s, actor.store_id)


def _manager_granted(s: Session, store_id: int) -> bool:
    v = s.scalar(select(Setting.value).where(Setting.store_id == store_id,
                                             Setting.key == MANAGER_PAY_SETTING))
    return v == "1"


def require_pay_view(db: Database, actor: Actor, action: str, target: str = "") -> None:
    """Everyone's pay: the owner, or a manager the owner allowed; refusals audited."""
    if not can_view_pay(db, actor):
        audit.refuse(db, actor, Permission.PAY_VIEW, action, target)


def manager_pay_access(db: Database, actor: Actor) -> bool:
    audit.require(db, actor, Permission.PAY_MANAGE, "pay.access")
    with db.read() as s:
        return _manager_granted(s, actor.store_id)


def set_manager_pay_access(db: Database, actor: Actor, allowed: bool) -> None:
    audit.require(db, actor, Permission.PAY_MANAGE, "pay.access")
    with db.write() as s:
        row = s.scalars(select(Setting).where(Setting.store_id == actor.store_id,
                                              Setting.key == MANAGER_PAY_SETTING)).first()
        if row is None:
            s.add(Setting(store_id=actor.store_id, key=MANAGER_PAY_SETTING,
                          value="1" if allowed else "0"))
        else:
            row.value = "1" if allowed else "0"
        audit.record_as(s, actor, "pay.access", detail={"manager_can_view": bool(allowed)})


# ----------------------------------------------------------------------------- scheme codec

_SCALARS = ("base_pay", "responsibility_pay", "performance_base", "new_member_bonus")


def _commission_json(rule: CommissionRule | None) -> str | None:
    if rule is None:
        return None
    br = []
    for b in rule.brackets:
        def bound(x: Ratio | None) -> Any:  # noqa: ANN401
            if x is None:
                return None
            if rule.bracket_by is BracketBy.AMOUNT and isinstance(x, int):
                return x
            return ratio_text(x)
        br.append([bound(b.lower), bound(b.upper), ratio_text(b.rate)])
    return json.dumps({"mode": rule.mode.value, "measure": rule.measure.value,
                       "by": rule.bracket_by.value, "brackets": br}, separators=(",", ":"))


def _commission_from(text: str | None) -> CommissionRule | None:
    if text is None:
        return None
    o = json.loads(text)
    by = BracketBy(o["by"])

    def bound(x: Any) -> Ratio | None:  # noqa: ANN401
        if x is None:
            return None
        if by is BracketBy.AMOUNT:
            return int(x)
        return ratio_from_text(str(x))
    brackets = tuple(Bracket(bound(lo), bound(hi), ratio_from_text(str(r)))
                     for lo, hi, r in o["brackets"])
    return CommissionRule(brackets, CommissionMode(o["mode"]), CommissionMeasure(o["measure"]), by)


def _mentor_json(rule: MentorRule | None) -> str | None:
    if rule is None:
        return None
    return json.dumps({"line": ratio_text(rule.standard_line), "bonus": rule.bonus,
                       "subsidy": rule.subsidy}, separators=(",", ":"))


def _mentor_from(text: str | None) -> MentorRule | None:
    if text is None:
        return None
    o = json.loads(text)
    return MentorRule(ratio_from_text(o["line"]), int(o["bonus"]), int(o["subsidy"]))


def _write_fields(row: SchemeRowModel, values: dict[str, Any]) -> None:
    for name in _SCALARS:
        setattr(row, name, values.get(name))
    cap = values.get("performance_cap")
    row.performance_cap = None if cap is None else ratio_text(cap)
    row.commission = _commission_json(values.get("commission"))
    row.mentor = _mentor_json(values.get("mentor"))
    share = values.get("annual_bonus_share")
    row.annual_bonus_share = None if share is None else ratio_text(share)
    row.annual_bonus_month = values.get("annual_bonus_month")


def _read_fields(row: SchemeRowModel) -> dict[str, Any]:
    return {
        "base_pay": row.base_pay, "responsibility_pay": row.responsibility_pay,
        "performance_base": row.performance_base,
        "performance_cap": None if row.performance_cap is None
        else ratio_from_text(row.performance_cap),
        "commission": _commission_from(row.commission),
        "new_member_bonus": row.new_member_bonus,
        "mentor": _mentor_from(row.mentor),
        "annual_bonus_share": None if row.annual_bonus_share is None
        else ratio_from_text(row.annual_bonus_share),
        "annual_bonus_month": row.annual_bonus_month,
    }


def scheme_from_row(row: SchemeRowModel) -> PayScheme:
    v = _read_fields(row)
    default = PayScheme()
    return PayScheme(**{f.name: (v[f.name] if v[f.name] is not None or f.name in
                                 ("commission", "mentor", "annual_bonus_month")
                                 else getattr(default, f.name))
                        for f in fields(PayScheme)})


def override_from_row(row: SchemeRowModel) -> SchemeOverride:
    v = _read_fields(row)
    chosen = {x for x in row.overridden.split(",") if x}
    return SchemeOverride(**{f.name: v[f.name] if f.name in chosen else INHERIT
                             for f in fields(SchemeOverride)})


# ----------------------------------------------------------------------------- schemes


@dataclass(frozen=True)
class SchemeRow:
    position_id: int | None
    position: str
    staff_id: int | None
    staff_name: str
    scheme: PayScheme | None  # a position's scheme
    override: SchemeOverride | None  # a person's override


def list_schemes(db: Database, actor: Actor) -> list[SchemeRow]:
    require_pay_view(db, actor, "pay.schemes")
    with db.read() as s:
        rows = {(r.position_id, r.staff_id): r for r in s.scalars(
            select(SchemeRowModel).where(SchemeRowModel.store_id == actor.store_id))}
        out: list[SchemeRow] = []
        for p in s.scalars(select(Position).where(Position.store_id == actor.store_id)
                           .order_by(Position.sort, Position.id)):
            r = rows.get((p.id, None))
            out.append(SchemeRow(p.id, p.name, None, "", scheme_from_row(r) if r else None, None))
        for st in s.scalars(select(Staff).where(Staff.store_id == actor.store_id)
                            .order_by(Staff.id)):
            r = rows.get((None, st.id))
            if r is not None:
                out.append(SchemeRow(st.position_id, st.position, st.id, st.name, None,
                                     override_from_row(r)))
        return out


def save_position_scheme(db: Database, actor: Actor, position_id: int,
                         scheme: PayScheme | None) -> None:
    audit.require(db, actor, Permission.PAY_MANAGE, "pay.scheme.save", f"position:{position_id}")
    if scheme is not None:
        validate_scheme(scheme)
    with db.write() as s:
        pos = s.get(Position, position_id)
        if pos is None or pos.store_id != actor.store_id:
            raise ValidationError("pay.unknown_position", field="position_id")
        row = s.scalars(select(SchemeRowModel).where(
            SchemeRowModel.store_id == actor.store_id,
            SchemeRowModel.position_id == position_id)).first()
        if scheme is None:
            if row is not None:
                s.delete(row)
        else:
            if row is None:
                row = SchemeRowModel(store_id=actor.store_id, position_id=position_id)
                s.add(row)
            _write_fields(row, {f.name: getattr(scheme, f.name) for f in fields(PayScheme)})
            row.overridden = ""
            row.updated_at = clock.now()
            row.updated_by = actor.staff_id
        s.flush()
        audit.record_as(s, actor, "pay.scheme.save", f"position:{position_id}",
                        {"position": pos.name, "removed": scheme is None})


def save_override(db: Database, actor: Actor, staff_id: int,
                  override: SchemeOverride | None) -> None:
    audit.require(db, actor, Permission.PAY_MANAGE, "pay.override.save", f"staff:{staff_id}")
    with db.write() as s:
        person = s.get(Staff, staff_id)
        if person is None or person.store_id != actor.store_id:
            raise ValidationError("pay.unknown_staff", field="staff_id")
        if override is not None:
            base = _position_scheme(s, actor.store_id, person.position_id) or PayScheme()
            validate_scheme(merge_scheme(base, override))
        row = s.scalars(select(SchemeRowModel).where(
            SchemeRowModel.store_id == actor.store_id,
            SchemeRowModel.staff_id == staff_id)).first()
        chosen = [] if override is None else [
            f.name for f in fields(SchemeOverride) if getattr(override, f.name) is not INHERIT]
        if override is None or not chosen:
            if row is not None:
                s.delete(row)
        else:
            if row is None:
                row = SchemeRowModel(store_id=actor.store_id, staff_id=staff_id)
                s.add(row)
            _write_fields(row, {n: getattr(override, n) for n in chosen})
            row.overridden = ",".join(chosen)
            row.updated_at = clock.now()
            row.updated_by = actor.staff_id
        s.flush()
        audit.record_as(s, actor, "pay.override.save", f"staff:{staff_id}",
                        {"fields": chosen})


def _position_scheme(s: Session, store_id: int, position_id: int | None) -> PayScheme | None:
    if position_id is None:
        return None
    row = s.scalars(select(SchemeRowModel).where(SchemeRowModel.store_id == store_id,
                                                 SchemeRowModel.position_id == position_id)).first()
    return scheme_from_row(row) if row else None


def schemes_by_staff(s: Session, store_id: int) -> dict[int, PayScheme]:
    """Every person's merged scheme; people with neither a position scheme nor an override are
    left out (they are not on the payroll)."""
    pos: dict[int, PayScheme] = {}
    over: dict[int, SchemeOverride] = {}
    for r in s.scalars(select(SchemeRowModel).where(SchemeRowModel.store_id == store_id)):
        if r.position_id is not None:
            pos[r.position_id] = scheme_from_row(r)
        elif r.staff_id is not None:
            over[r.staff_id] = override_from_row(r)
    out: dict[int, PayScheme] = {}
    for sid, pid in s.execute(select(Staff.id, Staff.position_id)
                              .where(Staff.store_id == store_id)):
        base = pos.get(pid) if pid is not None else None
        o = over.get(sid)
        if base is None and o is None:
            continue
        out[sid] = merge_scheme(base or PayScheme(), o)
    return out


def scheme_for(db: Database, actor: Actor, staff_id: int) -> PayScheme | None:
    require_pay_view(db, actor, "pay.scheme.view", f"staff:{staff_id}")
    with db.read() as s:
        return schemes_by_staff(s, actor.store_id).get(staff_id)


# ----------------------------------------------------------------------------- promotion path


@dataclass(frozen=True)
class LevelInput:
    code: str
    name: str
    rank: int
    months: int | None = None  # consecutive months at min_attainment
    min_attainment: Ratio | None = None
    min_new_members: int | None = None  # in the quarter to date


@dataclass(frozen=True)
class LevelRow:
    code: str
    name: str
    rank: int
    months: int | None
    min_attainment: Fraction | None
    min_new_members: int | None


@dataclass(frozen=True)
class Candidate:
    staff_id: int
    name: str
    from_level: str | None
    to_level: str
    evidence: tuple[pp.Evidence, ...]


def _criteria(lv: LevelInput | LevelRow) -> tuple[pp.Criterion, ...]:
    out: list[pp.Criterion] = []
    if lv.months is not None or lv.min_attainment is not None:
        out.append(pp.ConsecutiveAttainment(lv.months if lv.months is not None else 0,
                                            lv.min_attainment if lv.min_attainment is not None
                                            else 0))
    if lv.min_new_members is not None:
        out.append(pp.NewMembersInQuarter(lv.min_new_members))
    return tuple(out)


def promotion_levels(db: Database, actor: Actor) -> list[LevelRow]:
    with db.read() as s:
        return [LevelRow(r.code, r.name, r.rank, r.months,
                         None if r.min_attainment is None else ratio_from_text(r.min_attainment),
                         r.min_new_members)
                for r in s.scalars(select(PromotionLevel).where(
                    PromotionLevel.store_id == actor.store_id).order_by(PromotionLevel.rank))]


def save_promotion_levels(db: Database, actor: Actor, levels: Sequence[LevelInput]) -> None:
    audit.require(db, actor, Permission.PAY_MANAGE, "promotion.levels.save")
    names = [clean_text(lv.name, field="name", max_len=60) or lv.code for lv in levels]
    pp.validate_levels([pp.Level(lv.code, lv.rank, _criteria(lv)) for lv in levels])
    with db.write() as s:
        s.execute(delete(PromotionLevel).where(PromotionLevel.store_id == actor.store_id))
        for lv, name in zip(levels, names, strict=True):
            s.add(PromotionLevel(store_id=actor.store_id, code=lv.code.strip(), name=name,
                                 rank=lv.rank, months=lv.months,
                                 min_attainment=None if lv.min_attainment is None
                                 else ratio_text(lv.min_attainment),
                                 min_new_members=lv.min_new_members))
        s.flush()
        audit.record_as(s, actor, "promotion.levels.save", detail={"levels": len(levels)})


def set_staff_level(db: Database, actor: Actor, staff_id: int, code: str | None,
                    since: date | None = None) -> None:
    audit.require(db, actor, Permission.PAY_MANAGE, "promotion.promote", f"staff:{staff_id}")
    with db.write() as s:
        person = s.get(Staff, staff_id)
        if person is None or person.store_id != actor.store_id:
            raise ValidationError("pay.unknown_staff", field="staff_id")
        if code is not None and s.scalar(select(PromotionLevel.id).where(
                PromotionLevel.store_id == actor.store_id, PromotionLevel.code == code)) is None:
            raise ValidationError("promotion.level_unknown", field="level", level=code,
                                  person=person.name)
        row = s.scalars(select(StaffLevel).where(StaffLevel.store_id == actor.store_id,
                                                 StaffLevel.staff_id == staff_id)).first()
        if code is None:
            if row is not None:
                s.delete(row)
        elif row is None:
            s.add(StaffLevel(store_id=actor.store_id, staff_id=staff_id, level_code=code,
                             since=since or clock.now().date()))
        else:
            row.level_code, row.since = code, since or clock.now().date()
        s.flush()
        audit.record_as(s, actor, "promotion.promote", f"staff:{staff_id}", {"level": code})


def promotion_candidates(db: Database, actor: Actor, year: int, month: int) -> list[Candidate]:
    """Who qualifies in (year, month) for their next level. Attainment per month is the one
    kept on that month's pay slip (revenue against the plan's target); a month without a slip
    or without a target breaks a run of months."""
    audit.require(db, actor, Permission.ASSESSMENTS_SCORE, "promotion.candidates")
    if not 1 <= month <= 12:
        raise ValidationError("promotion.month_invalid", field="month")
    levels = promotion_levels(db, actor)
    if not levels:
        return []
    path = [pp.Level(lv.code, lv.rank, _criteria(lv)) for lv in levels]
    longest = max([lv.months or 1 for lv in levels] + [3])
    window = pp.months_back(year, month, longest)
    from opsdesk.services.pay_figures import new_members_by_staff

    with db.read() as s:
        people = s.execute(select(Staff.id, Staff.name).where(
            Staff.store_id == actor.store_id, Staff.active.is_(True)).order_by(Staff.id)).all()
        current = dict(s.execute(select(StaffLevel.staff_id, StaffLevel.level_code).where(
            StaffLevel.store_id == actor.store_id)).all())
        att: dict[tuple[int, int, int], Fraction | None] = {}
        for sid, y, m, a in s.execute(
                select(PaySlip.staff_id, PayRun.year, PayRun.month, PaySlip.attainment)
                .join(PayRun, PayRun.id == PaySlip.run_id)
                .where(PayRun.store_id == actor.store_id, PayRun.year >= window[0][0])):
            att[(sid, y, m)] = None if a is None else ratio_from_text(a)
        counts: dict[tuple[int, int, int], int] = {}
        for y, m in pp.quarter_to_date(year, month):
            for sid, n in new_members_by_staff(s, actor.store_id, y, m).items():
                counts[(sid, y, m)] = n
    histories = []
    for sid, _name in people:
        months = {ym: pp.MonthStat(att.get((sid, *ym)), counts.get((sid, *ym), 0))
                  for ym in set(window) | set(pp.quarter_to_date(year, month))}
        histories.append(pp.PersonHistory(sid, current.get(sid), months))
    names = dict(people)
    return [Candidate(int(q.person), names[int(q.person)], q.from_level, q.to_level, q.evidence)
            for q in pp.qualifiers(path, histories, year, month)]
