"""The dashboard on a large store (1,000,000 customers, 5,000,000 visits, 2,000,000 sales;
--quick: 100,000 customers, 500,000 visits, 200,000 sales):

* dashboard refresh - the first tab's figures for the month to date (funnel of the month's
  cohort, per-person visits, conversion and revenue, week/month/year comparisons for the store
  and every person) through ``services.dashboard.overview`` - goal < 1 s and at most 1.5x the
  same aggregates written by hand in SQL through plain ``sqlite3`` in the same run;
* the comparisons tab's 13-month trends, the growth tab and the seven-systems check, reported
  as figures (each loads when its tab is first shown).
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from benchmarks.bench_followups import _visit_store
from benchmarks.core import Context, Goal, Result, alternate, benchmark, median
from benchmarks.stores import AS_OF, demo_store


def _stamp(d: date) -> str:
    return datetime.combine(d, datetime.min.time()).isoformat(" ") + ".000000"


def _sales_store(ctx: Context, source: Path, sales: int) -> Path:
    """``source`` with its sales topped up to ``sales``, cached beside it: the demo's own sales
    (with their lines) copied a day earlier under new ids and operation ids, so the period
    queries meet twice the rows they meet on the demo store, spread over the same history."""
    target = source.with_name(f"{source.stem}-s{sales}.sqlite")
    if target.exists():
        return target
    ctx.log(f"  topping the sales up to {sales:,} (kept for reruns)…")
    tmp = target.with_suffix(".partial")
    shutil.copyfile(source, tmp)
    con = sqlite3.connect(tmp)
    have, off = con.execute("SELECT COUNT(*), MAX(id) FROM sale").fetchone()
    if sales > have:
        con.execute("PRAGMA cache_size = -262144")
        indexes = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                              "tbl_name IN ('sale', 'sale_line') AND sql IS NOT NULL").fetchall()
        for name, _ in indexes:
            con.execute(f'DROP INDEX "{name}"')
        con.execute("""
            INSERT INTO sale (id, store_id, operation_id, kind, customer_id, refunds_id, tier_id,
                              list_total, discount, total, payment_method, staff_id, reason, at)
            SELECT id + ?1, store_id, operation_id || '-b', kind, customer_id, NULL, tier_id,
                   list_total, discount, total, payment_method, staff_id, reason,
                   datetime(at, '-1 day') || '.000000'
            FROM sale WHERE kind = 'sale' ORDER BY id LIMIT ?2""", (off, sales - have))
        con.execute("""
            INSERT INTO sale_line (store_id, sale_id, product_id, quantity, unit_price,
                                   discount_units, line_total)
            SELECT l.store_id, l.sale_id + ?1, l.product_id, l.quantity, l.unit_price,
                   l.discount_units, l.line_total
            FROM sale_line l WHERE l.sale_id + ?1 IN (SELECT id FROM sale WHERE id > ?1)""",
                    (off,))
        for _, sql in indexes:
            con.execute(sql)
        con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    shutil.move(str(tmp), target)
    return target


def _bare(path: Path, as_of: date) -> float:
    """The overview's aggregates by hand: the same SQL shapes, plain sqlite3."""
    from opsdesk.domain.metrics import period_pairs

    t0 = time.perf_counter()
    con = sqlite3.connect(path)
    sid = con.execute("SELECT MIN(id) FROM store").fetchone()[0]
    start, end = _stamp(as_of.replace(day=1)), _stamp(as_of + timedelta(days=1))
    con.execute("""
        SELECT count(*),
          sum(CASE WHEN EXISTS (SELECT 1 FROM visit v WHERE v.customer_id = c.id)
                     OR c.stage IN ('customer','repeat') THEN 1 ELSE 0 END),
          sum(CASE WHEN (EXISTS (SELECT 1 FROM visit v WHERE v.customer_id = c.id)
                     OR c.stage IN ('customer','repeat'))
                    AND c.stage IN ('qualified','customer','repeat') THEN 1 ELSE 0 END),
          sum(CASE WHEN c.stage IN ('customer','repeat') THEN 1 ELSE 0 END),
          sum(CASE WHEN c.stage IN ('customer','repeat') AND (c.stage = 'repeat' OR EXISTS (
                SELECT 1 FROM sale s WHERE s.customer_id = c.id AND s.kind = 'sale' AND EXISTS (
                  SELECT 1 FROM visit v2 WHERE v2.customer_id = c.id AND v2.at > s.at)))
              THEN 1 ELSE 0 END),
          sum(CASE WHEN c.stage = 'repeat' THEN 1 ELSE 0 END),
          sum(CASE WHEN c.stage = 'repeat' AND EXISTS (
                SELECT 1 FROM customer r WHERE r.referrer_id = c.id) THEN 1 ELSE 0 END)
        FROM customer c WHERE c.store_id = ? AND c.created_at >= ? AND c.created_at < ?""",
                (sid, start, end)).fetchall()
    con.execute("""
        SELECT p.staff_id, sum(p.n), count(*), sum(CASE WHEN p.customer_id IN (
            SELECT customer_id FROM sale WHERE store_id = ?1 AND kind = 'sale'
              AND at >= ?2 AND at < ?3) THEN 1 ELSE 0 END)
        FROM (SELECT staff_id, customer_id, count(*) AS n FROM visit
              WHERE store_id = ?1 AND at >= ?2 AND at < ?3 GROUP BY staff_id, customer_id) p
        GROUP BY p.staff_id""", (sid, start, end)).fetchall()
    con.execute("SELECT staff_id, sum(total), sum(kind = 'sale') FROM sale WHERE store_id = ? "
                "AND at >= ? AND at < ? GROUP BY staff_id", (sid, start, end)).fetchall()
    con.execute("SELECT id, name FROM staff WHERE store_id = ?", (sid,)).fetchall()
    recent: set[date] = set()
    year_ago: set[date] = set()
    for p in period_pairs(as_of):
        recent.update((p.current.start, p.current.end))
        (year_ago if p.kind.value == "yoy" else recent).update((p.previous.start, p.previous.end))
    for days in (recent, year_ago):
        bounds = [_stamp(d) for d in sorted(days)]
        for table, col, cols, extra in (
                ("sale", "at", "sum(total), sum(kind = 'sale')", ""),
                ("customer", "created_at", "count(*)", ""),
                ("visit", "at", "count(*)", ""),
                ("stored_value_entry", "at", "sum(principal)", " AND kind = 'topup'")):
            where = ("staff_id IN (SELECT id FROM staff WHERE store_id = ?)" if table == "visit"
                     else "store_id = ?")
            for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):  # one query a bucket
                con.execute(f"SELECT staff_id, {cols} FROM {table} WHERE {where} "
                            f"AND {col} >= ? AND {col} < ?{extra} GROUP BY staff_id",
                            (sid, lo, hi)).fetchall()
    con.close()
    return time.perf_counter() - t0


@benchmark("dashboard", "dashboard refresh on 1M customers / 5M visits vs hand-written SQL")
def run(ctx: Context) -> list[Result]:
    from opsdesk.db.opening import open_database
    from opsdesk.services import auth, dashboard, systems_check

    size = 100_000 if ctx.quick else 1_000_000
    visits = 500_000 if ctx.quick else 5_000_000
    source = demo_store(ctx, size)
    cached = _sales_store(ctx, _visit_store(ctx, source, size, visits),
                          200_000 if ctx.quick else 2_000_000)
    store = ctx.work / "dashboard-bench.sqlite"
    shutil.copyfile(cached, store)
    con = sqlite3.connect(store)
    counts = {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("customer", "visit", "sale")}
    con.close()
    ctx.log(f"  store: {counts['customer']:,} customers, {counts['visit']:,} visits, "
            f"{counts['sale']:,} sales")
    as_of = date.fromisoformat(AS_OF)
    db = open_database(store).db
    actor = auth.login(db, "owner", "1234")
    f = dashboard.month_to_date(as_of)

    def ours() -> float:
        t0 = time.perf_counter()
        dashboard.overview(db, actor, f, as_of)
        return time.perf_counter() - t0

    n = ctx.repeats or (3 if ctx.quick else 5)
    mine, bare = alternate(ours, lambda: _bare(store, as_of), n)

    def timed(fn) -> float:  # noqa: ANN001
        t0 = time.perf_counter()
        fn()
        return time.perf_counter() - t0

    trends = median([timed(lambda: dashboard.trends(db, actor, as_of)) for _ in range(2)])
    growth = median([timed(lambda: dashboard.growth(db, actor, f, as_of)) for _ in range(2)])
    check = median([timed(lambda: systems_check.run(db, actor, as_of)) for _ in range(2)])
    db.dispose()
    note = (f"{counts['customer']:,} customers, {counts['visit']:,} visits, "
            f"{counts['sale']:,} sales; month to date {f.start}..{f.end}")
    return [
        Result("dashboard refresh (funnel, people, comparisons)", median(mine), "s",
               baseline=median(bare), baseline_samples=bare, samples=mine,
               goal=Goal(max_figure=1.0, max_ratio=1.5), note=note),
        Result("comparisons tab: 13-month trends", trends, "s", note=note),
        Result("growth tab: cohorts, rates, levers, mix", growth, "s", note=note),
        Result("seven-systems check", check, "s", note=note),
    ]
