"""Plan tracking on a large store: 5,000,000 visits and 2,000,000 sales (--quick: 500,000 and
200,000) over three years, four sellers, one product line per sale, a plan for the current year
with revenue, gross profit and deals.

Measured: ``services.tracking.tracking`` (the Targets page's refresh, which the page runs off
the GUI thread): the current plan read and split into days, the actuals grouped in SQL for the
day, week, month and year to date of every seller, pace and status per cell - goal < 500 ms.
Baseline: the same grouped queries (sales net of refunds, deals, gross profit by seller and
period bucket, one query per bucket) run as raw SQL through plain ``sqlite3``.

The store is synthetic (bulk-inserted through ``sqlite3`` into a migrated file) and kept in the
cache for reruns.
"""

from __future__ import annotations

import random
import sqlite3
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from benchmarks.core import Context, Goal, Result, alternate, benchmark, median

TODAY = date(2026, 6, 30)
YEARS = 3


def _build(path: Path, visits: int, sales: int) -> None:
    from opsdesk.db.opening import open_database
    from opsdesk.domain.roles import Role
    from opsdesk.services import products, setup, staff

    tmp = path.with_suffix(".part")
    tmp.unlink(missing_ok=True)
    opened = open_database(tmp)
    db = opened.db
    setup.create_store(db, setup.NewStore(store_name="基准店", currency="CNY", country="CN",
                                          owner_name="王丽", owner_login="boss",
                                          owner_secret="2468"))
    from opsdesk.services import auth

    owner = auth.login(db, "boss", "2468")
    for i in range(4):
        staff.create_staff(db, owner, staff.StaffInput(name=f"顾问{i}", login=f"s{i}",
                                                       role=Role.SALES, secret="1357"))
    products.create_product(db, owner, products.ProductInput(
        name="护理", kind="service", role="hit", price=19_800, cost=6_000))
    db.dispose()
    rng = random.Random(5)
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    sellers = [r[0] for r in con.execute("SELECT id FROM staff WHERE role = 'sales'")]
    product = con.execute("SELECT id FROM product").fetchone()[0]
    start = datetime.combine(TODAY - timedelta(days=365 * YEARS), datetime.min.time())
    span = int((datetime.combine(TODAY, datetime.min.time()) - start).total_seconds() // 60)
    customers = max(1000, sales // 10)

    def at() -> str:
        return (start + timedelta(minutes=rng.randrange(span))).isoformat(" ") + ".000000"

    con.executemany(
        "INSERT INTO customer (id, store_id, name, phone, gender, source, staff_id, notes, "
        "created_at, pinyin_full, pinyin_initials, phone_last4, stage, lifetime_spend, "
        "balance_principal, balance_bonus, balance_total) VALUES (?, 1, ?, ?, '', 'walk_in', ?, "
        "'', ?, '', '', '', 'lead', 0, 0, 0, 0)",
        ((i, f"客{i}", f"139{i:08d}", rng.choice(sellers), at())
         for i in range(1, customers + 1)))
    batch = 200_000
    # Rows go in in time order, as a shop writes them: a period's rows sit together on disk.
    sale_at = sorted(at() for _ in range(sales))
    for lo in range(0, sales, batch):
        rows = []
        lines = []
        for i in range(lo + 1, min(sales, lo + batch) + 1):
            total = 19_800 * rng.randint(1, 3)
            rows.append((i, f"op{i}", rng.randint(1, customers), total, total,
                         rng.choice(sellers), sale_at[i - 1]))
            lines.append((i, i, product, total // 19_800, total))
        con.executemany(
            "INSERT INTO sale (id, store_id, operation_id, kind, customer_id, list_total, "
            "discount, total, payment_method, staff_id, reason, at) VALUES (?, 1, ?, 'sale', ?, "
            "?, 0, ?, 'cash', ?, '', ?)", rows)
        con.executemany(
            "INSERT INTO sale_line (id, store_id, sale_id, product_id, quantity, unit_price, "
            "discount_units, line_total) VALUES (?, 1, ?, ?, ?, 19800, 10000, ?)", lines)
    del sale_at
    visit_at = sorted(at() for _ in range(visits))
    for lo in range(0, visits, batch):
        con.executemany(
            "INSERT INTO visit (id, store_id, customer_id, staff_id, at, type, effective, "
            "outcome, note, is_second_follow_up, created_at) VALUES (?, 1, ?, ?, ?, 'call', 1, "
            "'', '', 0, ?)",
            ((i, rng.randint(1, customers), rng.choice(sellers), visit_at[i - 1],
              visit_at[i - 1]) for i in range(lo + 1, min(visits, lo + batch) + 1)))
    con.commit()
    con.execute("ANALYZE")
    con.close()
    _plan(tmp)
    tmp.replace(path)


def _plan(path: Path) -> None:
    from opsdesk.db.opening import open_database
    from opsdesk.domain.targets import Indicator, Plan, plan_indicator
    from opsdesk.services import auth, targets

    db = open_database(path).db
    owner = auth.login(db, "boss", "2468")
    people = {targets.staff_unit(p.id): 1 for p in targets.planning_data(
        db, owner, TODAY.year, TODAY).people if p.role == "sales"}
    year = TODAY.year
    plan = Plan(year, tuple(plan_indicator(year, ind, total, people, weekday_weights=(
        1, 1, 1, 1, 1, 1.5, 1.5)) for ind, total in (
        (Indicator.REVENUE, 40_000_000_00), (Indicator.GROSS_PROFIT, 28_000_000_00),
        (Indicator.DEALS, 700_000))))
    targets.save_plan(db, owner, targets.PlanDraft(plan))
    db.dispose()


BARE = """
SELECT COALESCE(o.staff_id, s.staff_id) AS who, SUM(s.total),
       SUM(CASE WHEN s.kind = 'sale' THEN 1 ELSE -1 END)
FROM sale s LEFT JOIN sale o ON o.id = s.refunds_id
WHERE s.store_id = 1 AND s.at >= :lo AND s.at < :hi
GROUP BY who;
SELECT COALESCE(o.staff_id, s.staff_id) AS who, l.product_id, SUM(l.line_total), SUM(l.quantity)
FROM sale s LEFT JOIN sale o ON o.id = s.refunds_id JOIN sale_line l ON l.sale_id = s.id
WHERE s.store_id = 1 AND s.at >= :lo AND s.at < :hi
GROUP BY who, l.product_id
"""


def _bare(path: Path) -> float:
    """The same aggregates by hand: per period bucket, sales net of refunds and deals per
    seller, and each product's lines per seller with the product's cost applied after."""
    from opsdesk.services.tracking import periods_for

    starts = sorted({lo for lo, _ in periods_for(TODAY).values()})
    b = [d.isoformat() + " 00:00:00.000000" for d in starts]
    b.append((TODAY + timedelta(days=1)).isoformat() + " 00:00:00.000000")
    t = time.perf_counter()
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    cost = dict(con.execute("SELECT id, cost FROM product"))
    gp: dict[tuple[int, int], int] = {}
    for i in range(len(b) - 1):
        params = {"lo": b[i], "hi": b[i + 1]}
        revenue, lines = BARE.split(";")
        con.execute(revenue, params).fetchall()
        for who, product, charged, qty in con.execute(lines, params):
            gp[(who, i)] = gp.get((who, i), 0) + charged - qty * cost[product]
    con.close()
    return (time.perf_counter() - t) * 1000


@benchmark("tracking", "plan tracking view on millions of visits and sales")
def tracking_bench(ctx: Context) -> list[Result]:
    visits, sales = (500_000, 200_000) if ctx.quick else (5_000_000, 2_000_000)
    path = ctx.cache / f"tracking-v2-{visits}-{sales}.sqlite"
    if not path.exists():
        ctx.log(f"building a tracking store: {visits:,} visits, {sales:,} sales …")
        t = time.perf_counter()
        ctx.cache.mkdir(parents=True, exist_ok=True)
        _build(path, visits, sales)
        ctx.log(f"  built in {time.perf_counter() - t:.0f} s")
    from opsdesk.db.opening import open_database
    from opsdesk.services import tracking
    from opsdesk.services.context import system_actor

    db = open_database(path).db

    def measured() -> float:
        t = time.perf_counter()
        view = tracking.tracking(db, system_actor(1), TODAY)
        assert view is not None and len(view.rows) >= 6
        return (time.perf_counter() - t) * 1000

    n = ctx.repeats or (3 if ctx.quick else 7)
    ours, bare = alternate(measured, lambda: _bare(path), n)
    db.dispose()
    return [Result("tracking view refresh", median(ours), "ms", baseline=median(bare),
                   goal=Goal(max_figure=500), samples=ours, baseline_samples=bare,
                   note=f"{visits:,} visits, {sales:,} sales, year to date of 4 sellers")]
