"""Read-side SQL of the dashboard: counts and sums the domain's ``metrics`` turn into rates.

Portable to PostgreSQL: SQLAlchemy Core only, no date functions in SQL. Every period and bucket
boundary is computed in Python and passed as a parameter (half-open ``[start, end)`` datetimes);
comparison and trend buckets are one query each (no per-row ``CASE``, no sort by bucket), daily
revenue a ``CASE`` over the boundaries, per-day windows a ``VALUES`` list.

Indexes each query leans on: ``ix_customer_store_created_id`` (cohorts, new customers),
``ix_visit_store_at`` (visits in a period, covering staff and customer), ``ix_sale_store_at``
(sales in a period, covering staff, kind, total and customer: no sale row is read),
``ix_sale_customer_at`` and ``ix_visit_customer_at`` (per-customer probes of the funnel),
``ix_customer_referrer`` (referrals), ``ix_customer_store_stage`` / ``_tier`` (distributions).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import (
    DateTime,
    Integer,
    and_,
    bindparam,
    case,
    column,
    distinct,
    exists,
    func,
    literal,
    select,
    text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from opsdesk.db.models import (
    Customer,
    FollowUpTask,
    Product,
    Sale,
    SaleLine,
    Staff,
    StoredValueEntry,
    Tier,
    Visit,
)

c_t = Customer.__table__
v_t = Visit.__table__
s_t = Sale.__table__
sl_t = SaleLine.__table__
p_t = Product.__table__
sv_t = StoredValueEntry.__table__
st_t = Staff.__table__
tr_t = Tier.__table__
ft_t = FollowUpTask.__table__

DEAL_STAGES = ("customer", "repeat")
QUALIFIED_STAGES = ("qualified", "customer", "repeat")

Conn = Session | Connection


@dataclass(frozen=True)
class CohortFilter:
    """Which customers a funnel counts: registered in ``[start, end)``, optionally one staff
    member's, from one source channel, or holding one tier."""

    start: datetime
    end: datetime
    staff_id: int | None = None
    source: str | None = None
    tier_id: int | None = None


def _one(x: bool) -> object:
    return case((x, 1), else_=0)


def funnel_counts(s: Conn, store_id: int, f: CohortFilter) -> dict[str, int]:
    """The seven layers' counts over one cohort, each inside the one above (see
    ``domain.metrics``)."""
    c = c_t.alias("c")
    conds = [c.c.store_id == store_id, c.c.created_at >= f.start, c.c.created_at < f.end]
    if f.staff_id is not None:
        conds.append(c.c.staff_id == f.staff_id)
    if f.source is not None:
        conds.append(c.c.source == f.source)
    if f.tier_id is not None:
        conds.append(c.c.tier_id == f.tier_id)
    v = v_t.alias("v")
    v2 = v_t.alias("v2")
    sa = s_t.alias("s")
    r = c_t.alias("r")
    deal = c.c.stage.in_(DEAL_STAGES)
    repeat = c.c.stage == "repeat"
    # A purchase is made in the shop: a buyer counts as visited even without a logged visit.
    visited = exists().where(v.c.customer_id == c.c.id) | deal
    contacted_after = exists().where(
        sa.c.customer_id == c.c.id, sa.c.kind == "sale",
        exists().where(v2.c.customer_id == c.c.id, v2.c.at > sa.c.at).correlate(sa, c))
    referred = exists().where(r.c.referrer_id == c.c.id)
    q = select(
        func.count(),
        func.coalesce(func.sum(_one(visited)), 0),
        func.coalesce(func.sum(_one(and_(visited, c.c.stage.in_(QUALIFIED_STAGES)))), 0),
        func.coalesce(func.sum(_one(deal)), 0),
        func.coalesce(func.sum(_one(and_(deal, repeat | contacted_after))), 0),
        func.coalesce(func.sum(_one(repeat)), 0),
        func.coalesce(func.sum(_one(and_(repeat, referred))), 0),
    ).where(*conds)
    row = s.execute(q).one()
    keys = ("lead", "visited", "qualified", "deal", "retained", "repeat", "referred")
    return {k: int(x or 0) for k, x in zip(keys, row, strict=True)}


@dataclass(frozen=True)
class PersonRow:
    staff_id: int
    visits: int
    visited: int
    deals: int


def people_visits(s: Conn, store_id: int, start: datetime, end: datetime) -> list[PersonRow]:
    """Per staff member: visits in ``[start, end)``, distinct customers visited, and how many of
    those bought (a sale, not a refund) in the same period."""
    pairs = (select(v_t.c.staff_id, v_t.c.customer_id, func.count().label("n"))
             .where(v_t.c.store_id == store_id, v_t.c.at >= start, v_t.c.at < end)
             .group_by(v_t.c.staff_id, v_t.c.customer_id).subquery("p"))
    # The period's buyers are read once (ix_sale_store_at carries customer and kind) and each
    # pair is looked up among them, rather than a probe into the sale index per pair.
    bought = pairs.c.customer_id.in_(
        select(s_t.c.customer_id).where(s_t.c.store_id == store_id, s_t.c.kind == "sale",
                                        s_t.c.at >= start, s_t.c.at < end))
    q = (select(pairs.c.staff_id, func.sum(pairs.c.n), func.count(),
                func.coalesce(func.sum(_one(bought)), 0))
         .group_by(pairs.c.staff_id))
    return [PersonRow(int(a), int(b), int(c), int(d)) for a, b, c, d in s.execute(q)]


def revenue_by_staff(s: Conn, store_id: int, start: datetime, end: datetime
                     ) -> dict[int | None, tuple[int, int]]:
    """staff_id -> (revenue net of refunds, number of sales) in ``[start, end)``."""
    q = (select(s_t.c.staff_id, func.coalesce(func.sum(s_t.c.total), 0),
                func.coalesce(func.sum(_one(s_t.c.kind == "sale")), 0))
         .where(s_t.c.store_id == store_id, s_t.c.at >= start, s_t.c.at < end)
         .group_by(s_t.c.staff_id))
    return {a: (int(b), int(c)) for a, b, c in s.execute(q)}


def staff_names(s: Conn, store_id: int) -> list[tuple[int, str, str, bool]]:
    """(id, name, role, active) of every staff member, by name."""
    q = (select(st_t.c.id, st_t.c.name, st_t.c.role, st_t.c.active)
         .where(st_t.c.store_id == store_id).order_by(st_t.c.name, st_t.c.id))
    return [(int(a), b, c, bool(d)) for a, b, c, d in s.execute(q)]


def tiers(s: Conn, store_id: int) -> list[tuple[int, str, str, bool]]:
    """(id, name, kind, active) of every tier, by rank."""
    q = (select(tr_t.c.id, tr_t.c.name, tr_t.c.kind, tr_t.c.active)
         .where(tr_t.c.store_id == store_id).order_by(tr_t.c.rank, tr_t.c.id))
    return [(int(a), b, c, bool(d)) for a, b, c, d in s.execute(q)]


# ----------------------------------------------------------------------------- comparisons

METRICS = ("revenue", "deals", "new_customers", "visits", "topups")


def _bucket(col, bounds: Sequence[datetime]):  # noqa: ANN001, ANN202
    """Index of the half-open range of ``bounds`` holding ``col`` (rows outside are filtered)."""
    return case(*[(col < b, i) for i, b in enumerate(bounds[1:])], else_=len(bounds) - 2)


def bucketed(s: Conn, store_id: int, bounds: Sequence[datetime], *, by_staff: bool
             ) -> dict[str, dict[tuple[int, int | None], int]]:
    """Every comparison metric summed per contiguous bucket ``[bounds[i], bounds[i+1])`` (and per
    staff member when ``by_staff``): metric -> {(bucket, staff_id or None): value}."""
    out: dict[str, dict[tuple[int, int | None], int]] = {m: {} for m in METRICS}

    def run(metric_cols, table, at_col, staff_col, where, store=None):  # noqa: ANN001, ANN202
        # One query per bucket rather than a CASE over the bounds grouped in one: no expression
        # per row and no sort of the whole range by (bucket, person); grouped by person only
        # (none for the store's trends), and through ix_visit_staff_at already in that order.
        for i in range(len(bounds) - 1):
            q = select(*([staff_col] if by_staff else []), *metric_cols).where(
                table.c.store_id == store_id if store is None else store,
                at_col >= bounds[i], at_col < bounds[i + 1], *where)
            if by_staff:
                q = q.group_by(staff_col)
            for row in s.execute(q):
                yield (i, row[0] if by_staff else None), row[1 if by_staff else 0:]

    for key, (rev, deals) in run(
            [func.coalesce(func.sum(s_t.c.total), 0),
             func.coalesce(func.sum(_one(s_t.c.kind == "sale")), 0)],
            s_t, s_t.c.at, s_t.c.staff_id, []):
        out["revenue"][key] = int(rev)
        out["deals"][key] = int(deals)
    for key, (n,) in run([func.count()], c_t, c_t.c.created_at, c_t.c.staff_id, []):
        out["new_customers"][key] = int(n)
    # Per person, visits are read through ix_visit_staff_at (staff_id, at): every visit is
    # logged by a person of its store, and that index answers the count without the rows.
    of_store = v_t.c.staff_id.in_(select(st_t.c.id).where(st_t.c.store_id == store_id)) \
        if by_staff else None
    for key, (n,) in run([func.count()], v_t, v_t.c.at, v_t.c.staff_id, [], of_store):
        out["visits"][key] = int(n)
    for key, (n,) in run([func.coalesce(func.sum(sv_t.c.principal), 0)], sv_t, sv_t.c.at,
                         sv_t.c.staff_id, [sv_t.c.kind == "topup"]):
        out["topups"][key] = int(n)
    return out


# ----------------------------------------------------------------------------- growth


def levers(s: Conn, store_id: int, start: datetime, end: datetime) -> tuple[int, int, int]:
    """(distinct paying customers, purchases, revenue net of refunds) in ``[start, end)``."""
    q = select(func.count(distinct(case((s_t.c.kind == "sale", s_t.c.customer_id)))),
               func.coalesce(func.sum(_one(s_t.c.kind == "sale")), 0),
               func.coalesce(func.sum(s_t.c.total), 0)).where(
        s_t.c.store_id == store_id, s_t.c.at >= start, s_t.c.at < end)
    a, b, c = s.execute(q).one()
    return int(a or 0), int(b or 0), int(c or 0)


def cohort_spend(s: Conn, store_id: int, days: Sequence[tuple[int, datetime, datetime,
                                                              datetime, datetime]]
                 ) -> dict[int, tuple[int, int, int]]:
    """Per cohort index: (customers, spend in the first 30 days, in the first 365 days).

    ``days`` are ``(cohort, day_start, day_end, end_30, end_365)``: customers registered in
    ``[day_start, day_end)`` belong to the cohort and their windows end at ``end_30`` /
    ``end_365`` (computed in Python, one row per registration day)."""
    if not days:
        return {}
    params = {}
    rows = []
    for i, (k, d0, d1, e30, e365) in enumerate(days):
        rows.append(f"(:k{i}, :a{i}, :b{i}, :c{i}, :d{i})")
        params.update({f"k{i}": k, f"a{i}": d0, f"b{i}": d1, f"c{i}": e30, f"d{i}": e365})
    binds = [bindparam(f"k{i}", type_=Integer) for i in range(len(days))]
    for p in "abcd":
        binds += [bindparam(f"{p}{i}", type_=DateTime) for i in range(len(days))]
    # Plain VALUES names its columns column1..column5 in both SQLite and PostgreSQL.
    vals = (text("VALUES " + ", ".join(rows)).bindparams(*binds)
            .columns(column("column1", Integer), column("column2", DateTime),
                     column("column3", DateTime), column("column4", DateTime),
                     column("column5", DateTime)).subquery("b"))
    cust = (select(vals.c.column1.label("k"), c_t.c.id.label("cid"), c_t.c.created_at.label("t0"),
                   vals.c.column4.label("e30"), vals.c.column5.label("e365"))
            .select_from(vals.join(c_t, and_(c_t.c.store_id == store_id,
                                              c_t.c.created_at >= vals.c.column2,
                                              c_t.c.created_at < vals.c.column3)))
            .subquery("cu"))
    counts = {int(k): int(n) for k, n in s.execute(
        select(cust.c.k, func.count()).group_by(cust.c.k), params)}
    spend_q = (select(cust.c.k,
                      func.coalesce(func.sum(case((s_t.c.at < cust.c.e30, s_t.c.total),
                                                  else_=0)), 0),
                      func.coalesce(func.sum(s_t.c.total), 0))
               .select_from(cust.join(s_t, and_(s_t.c.customer_id == cust.c.cid,
                                                s_t.c.at >= cust.c.t0,
                                                s_t.c.at < cust.c.e365)))
               .group_by(cust.c.k))
    spend = {int(k): (int(a), int(b)) for k, a, b in s.execute(spend_q, params)}
    return {k: (n, *spend.get(k, (0, 0))) for k, n in counts.items()}


def customer_rates(s: Conn, store_id: int) -> tuple[int, int, int, int, int, int]:
    """(paying, repeat, customers, referred in, referrers, referrers of two or more)."""
    by_stage = dict(s.execute(select(c_t.c.stage, func.count()).where(
        c_t.c.store_id == store_id).group_by(c_t.c.stage)).all())
    paying = sum(int(by_stage.get(x, 0)) for x in DEAL_STAGES)
    repeat = int(by_stage.get("repeat", 0))
    total = sum(int(x) for x in by_stage.values())
    per = (select(c_t.c.referrer_id, func.count().label("n"))
           .where(c_t.c.store_id == store_id, c_t.c.referrer_id.is_not(None))
           .group_by(c_t.c.referrer_id).subquery())
    referred, referrers, again = s.execute(select(
        func.coalesce(func.sum(per.c.n), 0), func.count(),
        func.coalesce(func.sum(_one(per.c.n >= 2)), 0))).one()
    return paying, repeat, total, int(referred), int(referrers), int(again)


def tier_distribution(s: Conn, store_id: int) -> list[tuple[int | None, int]]:
    """(tier_id or None, customers holding it)."""
    q = (select(c_t.c.tier_id, func.count()).where(c_t.c.store_id == store_id)
         .group_by(c_t.c.tier_id))
    return [(a, int(b)) for a, b in s.execute(q)]


def role_mix(s: Conn, store_id: int, start: datetime, end: datetime
             ) -> list[tuple[str, int, int, int]]:
    """(product role, revenue, cost, quantity) of the sale lines in ``[start, end)``, refunds
    netted (their lines are negative)."""
    q = (select(p_t.c.role, func.coalesce(func.sum(sl_t.c.line_total), 0),
                func.coalesce(func.sum(sl_t.c.quantity * p_t.c.cost), 0),
                func.coalesce(func.sum(sl_t.c.quantity), 0))
         .select_from(s_t.join(sl_t, sl_t.c.sale_id == s_t.c.id)
                      .join(p_t, p_t.c.id == sl_t.c.product_id))
         .where(s_t.c.store_id == store_id, s_t.c.at >= start, s_t.c.at < end)
         .group_by(p_t.c.role))
    return [(a, int(b), int(c), int(d)) for a, b, c, d in s.execute(q)]


def new_by_source(s: Conn, store_id: int, start: datetime, end: datetime) -> dict[str, int]:
    q = (select(c_t.c.source, func.count()).where(
        c_t.c.store_id == store_id, c_t.c.created_at >= start, c_t.c.created_at < end)
         .group_by(c_t.c.source))
    return {a: int(b) for a, b in s.execute(q)}


# ----------------------------------------------------------------------------- home page


def today_figures(s: Conn, store_id: int, start: datetime, end: datetime,
                  staff_id: int | None = None) -> tuple[int, int, int, int, int]:
    """(registrations, top-ups count, top-ups principal, sales count, revenue) in
    ``[start, end)``; with ``staff_id`` only that person's."""
    def mine(col):  # noqa: ANN001, ANN202
        return [col == staff_id] if staff_id is not None else []

    reg = s.execute(select(func.count()).where(
        c_t.c.store_id == store_id, c_t.c.created_at >= start, c_t.c.created_at < end,
        *mine(c_t.c.staff_id))).scalar_one()
    tn, tsum = s.execute(select(func.count(), func.coalesce(func.sum(sv_t.c.principal), 0))
                         .where(sv_t.c.store_id == store_id, sv_t.c.kind == "topup",
                                sv_t.c.at >= start, sv_t.c.at < end,
                                *mine(sv_t.c.staff_id))).one()
    sn, rev = s.execute(select(func.coalesce(func.sum(_one(s_t.c.kind == "sale")), 0),
                               func.coalesce(func.sum(s_t.c.total), 0))
                        .where(s_t.c.store_id == store_id, s_t.c.at >= start, s_t.c.at < end,
                               *mine(s_t.c.staff_id))).one()
    return int(reg), int(tn), int(tsum), int(sn), int(rev)


def latest_registrations(s: Conn, store_id: int, start: datetime, end: datetime, limit: int
                         ) -> list[tuple[int, str, datetime, str]]:
    """(id, name, registered at, source) of the newest registrations in ``[start, end)``."""
    q = (select(c_t.c.id, c_t.c.name, c_t.c.created_at, c_t.c.source)
         .where(c_t.c.store_id == store_id, c_t.c.created_at >= start, c_t.c.created_at < end)
         .order_by(c_t.c.created_at.desc(), c_t.c.id.desc()).limit(limit))
    return [(int(a), b, c, d) for a, b, c, d in s.execute(q)]


def daily_revenue(s: Conn, store_id: int, bounds: Sequence[datetime]) -> list[int]:
    """Revenue of each day ``[bounds[i], bounds[i+1])``."""
    if len(bounds) < 2:
        return []
    b = _bucket(s_t.c.at, bounds).label("b")
    q = (select(b, func.coalesce(func.sum(s_t.c.total), 0))
         .where(s_t.c.store_id == store_id, s_t.c.at >= bounds[0], s_t.c.at < bounds[-1])
         .group_by(b))
    got = {int(k): int(v) for k, v in s.execute(q)}
    return [got.get(i, 0) for i in range(len(bounds) - 1)]


# ----------------------------------------------------------------------------- systems check


def count_rows(s: Conn, table, *where) -> int:  # noqa: ANN001
    return int(s.execute(select(func.count()).select_from(table).where(*where)).scalar_one())


def customers_without_contact(s: Conn, store_id: int, since: datetime) -> tuple[int, int]:
    """(paying customers, of them none contacted by a visit since ``since``)."""
    deal = and_(c_t.c.store_id == store_id, c_t.c.stage.in_(DEAL_STAGES))
    total = count_rows(s, c_t, deal)
    contacted = exists().where(v_t.c.customer_id == c_t.c.id, v_t.c.at >= since)
    quiet = count_rows(s, c_t, deal, ~contacted)
    return total, quiet


def any_row(s: Conn, table, *where) -> bool:  # noqa: ANN001
    return s.execute(select(literal(1)).select_from(table).where(*where).limit(1)).first() \
        is not None
