"""PK contests (seed 004): people or teams compete on one metric over a short period for prizes.

API (each call one transaction):

* ``create_contest(db, actor, ContestInput) -> int`` - owner or manager (``contests.manage``).
* ``list_contests(db, actor) -> list[ContestRow]`` - everyone: a contest is meant to be seen.
* ``leaderboard(db, actor, contest_id) -> Leaderboard`` - everyone; live, counted from the
  records by ``services.pay_figures`` over the contest's days; ranks and prizes as
  ``domain.incentives.award_contest`` gives them (ties share the prizes of the places they take;
  nothing done, nothing won). In team mode a team's figure is the sum of its members' and its
  prize is shared equally among them.
* ``prizes_for_month(s, store_id, year, month) -> {staff_id: [ContestPrize]}`` - for the pay
  run: the prizes of contests that end in the month.

Error codes: ``contest.name_required`` (``name``), ``contest.metric_invalid`` (``metric``),
``contest.period_invalid`` (``date_to``), ``contest.no_participants`` (``participants``),
``contest.unknown_staff`` (``participants``), ``contest.team_required`` (``participants``),
``contest.prizes_invalid`` (``prizes``), ``contest.ended_in_locked_month`` (``date_to``),
``not_found``; ``text.*``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from opsdesk.db.engine import Database
from opsdesk.db.models import Staff
from opsdesk.db.models.incentives import Contest, ContestParticipant
from opsdesk.domain.errors import Collector, NotFound, ValidationError
from opsdesk.domain.incentives import ContestEntry, ContestPrize, award_contest, split_team_prize
from opsdesk.domain.money import check_amount
from opsdesk.domain.roles import Permission
from opsdesk.domain.text import clean_text
from opsdesk.services import audit, pay_figures
from opsdesk.services.context import Actor

MAX_PRIZES = 10


class Metric(StrEnum):
    VISITS = "visits"
    DEALS = "deals"
    REVENUE = "revenue"  # fen, net of refunds
    NEW_MEMBERS = "new_members"


@dataclass(frozen=True)
class ContestInput:
    name: str
    metric: Metric | str
    date_from: date
    date_to: date
    participants: Sequence[tuple[int, str]]  # (staff_id, team name; "" in a contest of people)
    prizes: Sequence[int]  # fen for rank 1, 2, ...
    teams: bool = False


@dataclass(frozen=True)
class ContestRow:
    id: int
    name: str
    metric: Metric
    date_from: date
    date_to: date
    teams: bool
    prizes: tuple[int, ...]
    participants: tuple[tuple[int, str, str], ...]  # (staff_id, name, team)


@dataclass(frozen=True)
class Standing:
    key: str  # the team's name, or the person's id as text
    label: str  # what the board shows: the team or the person
    members: tuple[str, ...]
    value: int
    rank: int | None
    tied: int
    prize: int


@dataclass(frozen=True)
class Leaderboard:
    contest: ContestRow
    standings: tuple[Standing, ...]
    as_of: date


def create_contest(db: Database, actor: Actor, data: ContestInput) -> int:
    audit.require(db, actor, Permission.CONTESTS_MANAGE, "contest.create")
    c = Collector()
    name = c.take("name", clean_text, data.name, field="name", max_len=60)
    if name == "":
        c.errors.setdefault("name", ValidationError("contest.name_required", field="name"))
    try:
        metric = Metric(data.metric)
    except ValueError:
        metric = None
        c.errors.setdefault("metric", ValidationError("contest.metric_invalid", field="metric"))
    if data.date_to < data.date_from:
        c.errors.setdefault("date_to", ValidationError("contest.period_invalid", field="date_to"))
    if not data.participants:
        c.errors.setdefault("participants", ValidationError("contest.no_participants",
                                                            field="participants"))
    if data.teams and any(not (t or "").strip() for _sid, t in data.participants):
        c.errors.setdefault("participants", ValidationError("contest.team_required",
                                                            field="participants"))
    if not data.prizes or len(data.prizes) > MAX_PRIZES or any(
            isinstance(p, bool) or not isinstance(p, int) or p < 0 for p in data.prizes):
        c.errors.setdefault("prizes", ValidationError("contest.prizes_invalid", field="prizes",
                                                      max=MAX_PRIZES))
    else:
        for p in data.prizes:
            c.take("prizes", check_amount, p, field="prizes")
    c.done()
    assert metric is not None and name
    from opsdesk.services.assessments import run_locked

    with db.write() as s:
        ids = [sid for sid, _t in data.participants]
        known = set(s.scalars(select(Staff.id).where(Staff.store_id == actor.store_id,
                                                     Staff.id.in_(ids))))
        if len(set(ids)) != len(ids) or known != set(ids):
            raise ValidationError("contest.unknown_staff", field="participants")
        if run_locked(s, actor.store_id, data.date_to.year, data.date_to.month):
            raise ValidationError("contest.ended_in_locked_month", field="date_to")
        row = Contest(store_id=actor.store_id, name=name, metric=metric.value,
                      date_from=data.date_from, date_to=data.date_to, teams=bool(data.teams),
                      prizes=",".join(str(p) for p in data.prizes), created_by=actor.staff_id)
        s.add(row)
        s.flush()
        for sid, team in data.participants:
            s.add(ContestParticipant(store_id=actor.store_id, contest_id=row.id, staff_id=sid,
                                     team=(team or "").strip()[:60] if data.teams else ""))
        s.flush()
        audit.record_as(s, actor, "contest.create", f"contest:{row.id}",
                        {"name": name, "metric": metric.value, "prizes": list(data.prizes)})
        return row.id


def _rows(s: Session, store_id: int, where=None) -> list[ContestRow]:  # noqa: ANN001
    q = select(Contest).where(Contest.store_id == store_id)
    if where is not None:
        q = q.where(where)
    contests = s.scalars(q.order_by(Contest.date_to.desc(), Contest.id.desc())).all()
    if not contests:
        return []
    parts: dict[int, list[tuple[int, str, str]]] = {}
    for cid, sid, name, team in s.execute(
            select(ContestParticipant.contest_id, ContestParticipant.staff_id, Staff.name,
                   ContestParticipant.team)
            .join(Staff, Staff.id == ContestParticipant.staff_id)
            .where(ContestParticipant.contest_id.in_([c.id for c in contests]))
            .order_by(ContestParticipant.id)):
        parts.setdefault(cid, []).append((sid, name, team))
    return [ContestRow(c.id, c.name, Metric(c.metric), c.date_from, c.date_to, c.teams,
                       tuple(int(x) for x in c.prizes.split(",") if x),
                       tuple(parts.get(c.id, ()))) for c in contests]


def list_contests(db: Database, actor: Actor) -> list[ContestRow]:
    with db.read() as s:
        return _rows(s, actor.store_id)


def _values(s: Session, store_id: int, c: ContestRow) -> dict[int, int]:
    lo, hi = pay_figures.days_range(c.date_from, c.date_to)
    if c.metric is Metric.VISITS:
        return {k: v[0] for k, v in pay_figures.visit_norms(s, store_id, lo, hi).items()}
    if c.metric is Metric.NEW_MEMBERS:
        return pay_figures.new_members_between(s, store_id, lo, hi)
    revenue, deals = pay_figures.sales_by_staff(s, store_id, lo, hi)
    if c.metric is Metric.DEALS:
        return deals
    refunds = pay_figures.refunds_by_staff(s, store_id, lo, hi)
    return {k: revenue.get(k, 0) - refunds.get(k, 0) for k in set(revenue) | set(refunds)}


def _standings(s: Session, store_id: int, c: ContestRow) -> tuple[Standing, ...]:
    values = _values(s, store_id, c)
    if c.teams:
        teams: dict[str, list[tuple[int, str]]] = {}
        for sid, name, team in c.participants:
            teams.setdefault(team, []).append((sid, name))
        entries = [ContestEntry(t, sum(values.get(sid, 0) for sid, _ in m))
                   for t, m in teams.items()]
        places = award_contest(entries, list(c.prizes))
        return tuple(Standing(str(p.participant), str(p.participant),
                              tuple(n for _, n in teams[str(p.participant)]), int(p.value),
                              p.rank, p.tied, p.prize) for p in places)
    names = {sid: name for sid, name, _t in c.participants}
    entries = [ContestEntry(sid, values.get(sid, 0)) for sid, _n, _t in c.participants]
    places = award_contest(entries, list(c.prizes))
    return tuple(Standing(str(p.participant), names[int(p.participant)],
                          (names[int(p.participant)],), int(p.value), p.rank, p.tied, p.prize)
                 for p in places)


def leaderboard(db: Database, actor: Actor, contest_id: int) -> Leaderboard:
    from opsdesk.db import clock

    with db.read() as s:
        rows = _rows(s, actor.store_id, Contest.id == contest_id)
        if not rows:
            raise NotFound("contest", contest_id)
        return Leaderboard(rows[0], _standings(s, actor.store_id, rows[0]), clock.now().date())


def prizes_for_month(s: Session, store_id: int, year: int, month: int) -> dict[
        int, list[ContestPrize]]:
    first, last = date(year, month, 1), pay_figures.last_day(year, month)
    out: dict[int, list[ContestPrize]] = {}
    for c in reversed(_rows(s, store_id, (Contest.date_to >= first) & (Contest.date_to <= last))):
        for st in _standings(s, store_id, c):
            if not st.prize or st.rank is None:
                continue
            if c.teams:
                members = [sid for sid, _n, t in c.participants if t == st.key]
                for sid, amount in split_team_prize(st.prize, members).items():
                    if amount:
                        out.setdefault(int(sid), []).append(
                            ContestPrize(f"{c.name} · {st.label}", st.rank, amount, st.tied))
            else:
                out.setdefault(int(st.key), []).append(
                    ContestPrize(c.name, st.rank, st.prize, st.tied))
    return out
