"""The follow-up engine and the visit log on a large store (1,000,000 customers; --quick: 100,000):

* follow-up generation: the first run on a fresh store (every rule in full, the backlog
  created), the next day's run after a day of business (incremental: only the days newly
  entering each rule's window and the customers with new facts), a second run the same day
  (nothing new) - goals < 2 s, < 2 s and < 0.5 s - and, for information, a forced full
  re-evaluation; the baseline is plain sqlite3 reading one day's sales, visits and birthdays;
* the visit list's first page on 5,000,000 visits (--quick: 500,000): the whole team newest
  first, one salesperson's own, and a type within a month - goal < 300 ms. The visits the demo
  made are topped up in bulk to that count in a copy of the cached store, itself kept in the
  cache for reruns.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from benchmarks.core import Context, Goal, Result, benchmark, median
from benchmarks.stores import AS_OF, demo_store, store_key

TYPES = ("call", "wechat", "store_visit", "meeting")


def _fresh(path: Path):  # noqa: ANN202
    from opsdesk.db.opening import open_database

    return open_database(path).db


def _ensure_schema(store: Path) -> None:
    """A store cached before the follow-up state table was filled into its migration lacks it
    (the cache key names the schema head, which did not change): create what is missing."""
    import sqlalchemy as sa

    from opsdesk.db.models.sales_process import FollowUpState

    engine = sa.create_engine(f"sqlite:///{store}")
    with engine.begin() as con:
        FollowUpState.__table__.create(con, checkfirst=True)
        for ix in FollowUpState.metadata.tables["customer"].indexes:
            if ix.name == "ix_customer_store_birthday":
                ix.create(con, checkfirst=True)
    engine.dispose()


_ACTIVITY = ("sale_line", "sale", "visit", "customer")  # the day's rows, children first


def _tops(con: sqlite3.Connection) -> dict[str, int]:
    return {t: con.execute(f"SELECT COALESCE(MAX(id), 0) FROM {t}").fetchone()[0]
            for t in _ACTIVITY}


def _reset(store: Path, tops: dict[str, int]) -> None:
    """Back to the demo as generated: no rule-made tasks, nothing covered, no added day."""
    con = sqlite3.connect(store)
    con.execute("DELETE FROM followup_task WHERE rule <> 'manual'")
    con.execute("DELETE FROM followup_state")
    for t in _ACTIVITY:
        con.execute(f"DELETE FROM {t} WHERE id > ?", (tops[t],))
    con.commit()
    con.close()


def _business_day(store: Path, day: date, rng: random.Random) -> dict[str, int]:
    """One more day of business, as much as the demo's busiest recent days: new members, sales
    (with a line each) and visits, written as new rows the way the services write them."""
    con = sqlite3.connect(store)
    store_id = con.execute("SELECT MIN(id) FROM store").fetchone()[0]
    staff = [r[0] for r in con.execute("SELECT id FROM staff WHERE role = 'sales'")]
    products = [r[0] for r in con.execute("SELECT id FROM product")]
    top = con.execute("SELECT MAX(id) FROM customer").fetchone()[0]
    y = (day - timedelta(days=1)).isoformat()
    counts = {t: con.execute(f"SELECT COUNT(*) FROM {t} WHERE at >= ? AND at < ?",
                             (y, day.isoformat())).fetchone()[0] for t in ("sale", "visit")}
    counts["customer"] = con.execute(
        "SELECT COUNT(*) FROM customer WHERE created_at >= ? AND created_at < ?",
        (y, day.isoformat())).fetchone()[0]

    def at() -> str:
        return (datetime.combine(day, datetime.min.time())
                + timedelta(seconds=rng.randrange(9 * 3600, 21 * 3600))).isoformat(" ") + ".000000"

    cols = [r[1] for r in con.execute("PRAGMA table_info(customer)")]
    template = dict(zip(cols, con.execute("SELECT * FROM customer WHERE id = ?", (top,)).fetchone(),
                        strict=True))
    for i in range(counts["customer"]):
        row = {**template, "id": None, "name": f"新客{i}", "phone": f"139{rng.randrange(10**8):08d}",
               "card_no": None, "created_at": at(), "stage": "lead", "last_purchase_at": None,
               "staff_id": rng.choice(staff), "birthday": None if rng.random() < 0.3 else
               date(1970 + rng.randrange(40), rng.randrange(1, 13), rng.randrange(1, 29)).isoformat()}
        con.execute(f"INSERT INTO customer ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                    tuple(row.values()))
    top = con.execute("SELECT MAX(id) FROM customer").fetchone()[0]
    for i in range(counts["sale"]):
        when = at()
        cur = con.execute(
            "INSERT INTO sale (store_id, operation_id, kind, customer_id, list_total, discount, "
            "total, payment_method, staff_id, reason, at) VALUES (?, ?, 'sale', ?, 1000, 0, 1000, "
            "'cash', ?, '', ?)", (store_id, f"bench-{day}-{i}", rng.randrange(1, top + 1),
                                  rng.choice(staff), when))
        con.execute("INSERT INTO sale_line (store_id, sale_id, product_id, quantity, unit_price, "
                    "discount_units, line_total) VALUES (?, ?, ?, 1, 1000, 10000, 1000)",
                    (store_id, cur.lastrowid, rng.choice(products)))
    for _ in range(counts["visit"]):
        sid = rng.choice(staff)
        when = at()
        con.execute(
            "INSERT INTO visit (store_id, customer_id, staff_id, at, type, effective, outcome, "
            "note, is_second_follow_up, logged_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (store_id, rng.randrange(1, top + 1), sid, when, rng.choice(TYPES),
             rng.random() < 0.5, "", "", 0, sid, when))
    con.commit()
    con.close()
    return counts


def _bare_day(store: Path, day: date) -> float:
    """The baseline: plain sqlite3 reading one day's sales and visits through their date indexes
    and the members born on one day of the year (what a daily run must at least look at)."""
    con = sqlite3.connect(store)
    t0 = time.perf_counter()
    lo, hi = day.isoformat(), (day + timedelta(days=1)).isoformat()
    con.execute("SELECT COUNT(DISTINCT customer_id) FROM sale WHERE store_id = 1 AND at >= ? "
                "AND at < ?", (lo, hi)).fetchone()
    con.execute("SELECT COUNT(DISTINCT customer_id) FROM visit WHERE store_id = 1 AND at >= ? "
                "AND at < ?", (lo, hi)).fetchone()
    con.execute("SELECT COUNT(*) FROM customer WHERE store_id = 1 AND "
                "substr(birthday, 6, 5) = ?", (day.strftime("%m-%d"),)).fetchone()
    took = time.perf_counter() - t0
    con.close()
    return took


def _generation(ctx: Context, source: Path, size: int) -> list[Result]:
    from opsdesk.db import clock
    from opsdesk.services import auth, followups

    store = ctx.work / "followups-bench.sqlite"
    shutil.copyfile(source, store)
    _ensure_schema(store)
    con = sqlite3.connect(store)
    tops = _tops(con)
    con.close()
    today = date.fromisoformat(AS_OF)
    yesterday = today - timedelta(days=1)
    n = ctx.repeats or 3
    first, daily, second, forced, bare = [], [], [], [], []
    made: dict[str, int] = {}
    added: dict[str, int] = {}
    for i in range(n):
        _reset(store, tops)
        db = _fresh(store)
        actor = auth.login(db, "owner", "1234")
        with clock.frozen(datetime.combine(yesterday, datetime.min.time()) + timedelta(hours=9)):
            t0 = time.perf_counter()
            made["first"] = followups.generate(db, actor, yesterday).created
            first.append(time.perf_counter() - t0)
        db.dispose()
        added = _business_day(store, today, random.Random(i))
        bare.append(_bare_day(store, today))
        db = _fresh(store)
        actor = auth.login(db, "owner", "1234")
        with clock.frozen(datetime.combine(today, datetime.min.time()) + timedelta(hours=9)):
            t0 = time.perf_counter()
            made["daily"] = followups.generate(db, actor, today).created
            daily.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            again = followups.generate(db, actor, today)
            second.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            again_forced = followups.generate(db, actor, today, force=True)
            forced.append(time.perf_counter() - t0)
        assert again.created == again_forced.created == 0, (again, again_forced)
        db.dispose()
    base = median(bare)
    day = (f"{added.get('customer', 0):,} new members, {added.get('sale', 0):,} sales and "
           f"{added.get('visit', 0):,} visits added before it")
    return [
        Result("follow-up generation: first run on a fresh store", median(first), "s",
               baseline=base, baseline_samples=bare, goal=Goal(max_figure=2), samples=first,
               note=f"{size:,} customers, empty task table: every rule in full, "
                    f"{made['first']:,} tasks created (the backlog)"),
        Result("follow-up generation: the next day's run", median(daily), "s", baseline=base,
               baseline_samples=bare, goal=Goal(max_figure=2), samples=daily,
               note=f"incremental; {day}; {made['daily']:,} tasks created"),
        Result("follow-up generation: second run the same day", median(second), "s",
               baseline=base, baseline_samples=bare, goal=Goal(max_figure=0.5), samples=second,
               note="incremental, nothing new since the last run"),
        Result("follow-up generation: forced full re-evaluation", median(forced), "s",
               baseline=base, baseline_samples=bare, samples=forced,
               note="force=True (as after a rule change, for every rule): nothing new found"),
    ]


def _visit_store(ctx: Context, source: Path, size: int, visits: int) -> Path:
    """The demo store with its visits topped up to ``visits``, cached beside it."""
    target = ctx.cache / f"{store_key(size)}-v{visits}.sqlite"
    if target.exists():
        return target
    ctx.log(f"  topping the visit log up to {visits:,} visits (kept for reruns)…")
    tmp = target.with_suffix(".partial")
    shutil.copyfile(source, tmp)
    con = sqlite3.connect(tmp)
    have = con.execute("SELECT COUNT(*) FROM visit").fetchone()[0]
    store_id = con.execute("SELECT MIN(id) FROM store").fetchone()[0]
    staff = [r[0] for r in con.execute("SELECT id FROM staff WHERE role = 'sales'")]
    top = con.execute("SELECT MAX(id) FROM customer").fetchone()[0]
    rng = random.Random(11)
    end = datetime.fromisoformat(AS_OF + " 20:00:00")
    span = 540 * 86400
    con.execute("PRAGMA cache_size = -262144")
    indexes = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                          "AND tbl_name = 'visit' AND sql IS NOT NULL").fetchall()
    for name, _ in indexes:
        con.execute(f'DROP INDEX "{name}"')
    left = visits - have
    while left > 0:
        k = min(left, 200_000)
        rows = []
        for _ in range(k):
            at = (end - timedelta(seconds=rng.randrange(span))).isoformat(" ") + ".000000"
            sid = rng.choice(staff)
            rows.append((store_id, rng.randrange(1, top + 1), sid, at, rng.choice(TYPES),
                         rng.random() < 0.5, "", "", 1, sid, at))
        con.executemany(
            "INSERT INTO visit (store_id, customer_id, staff_id, at, type, effective, outcome, "
            "note, is_second_follow_up, logged_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            rows)
        left -= k
    for _, sql in indexes:
        con.execute(sql)
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    shutil.move(str(tmp), target)
    return target


def _visit_list(ctx: Context, source: Path, size: int) -> list[Result]:
    from opsdesk.services import auth, visits

    count = 500_000 if ctx.quick else 5_000_000
    cached = _visit_store(ctx, source, size, count)
    store = ctx.work / "visits-bench.sqlite"
    shutil.copyfile(cached, store)
    con = sqlite3.connect(store)
    seller = con.execute("SELECT login FROM staff WHERE role = 'sales' ORDER BY id").fetchone()[0]
    con.close()
    month = date.fromisoformat(AS_OF).replace(day=1)
    cases = {
        "whole team, newest first": ("owner", visits.VisitFilters()),
        "one salesperson's own": (seller, visits.VisitFilters()),
        "store visits in one month": ("owner", visits.VisitFilters(
            type="store_visit", date_from=month, date_to=date.fromisoformat(AS_OF))),
    }
    n = ctx.repeats or 5
    results = []
    for label, (login, filters) in cases.items():
        times = []
        for _ in range(n):
            db = _fresh(store)  # as the page opens: a new engine, the query's first run
            actor = auth.login(db, login, "1234")
            t0 = time.perf_counter()
            page = visits.list_visits(db, actor, filters, limit=100)
            times.append((time.perf_counter() - t0) * 1000)
            db.dispose()
        assert page.rows, label
        results.append(Result(f"visit list first page: {label}", median(times), "ms",
                              goal=Goal(max_figure=300), samples=times,
                              note=f"{count:,} visits, 100 rows"))
    return results


@benchmark("followups", "follow-up generation on a large store, visit list on millions of visits")
def followups_bench(ctx: Context) -> list[Result]:
    size = 100_000 if ctx.quick else 1_000_000
    source = demo_store(ctx, size)
    return _generation(ctx, source, size) + _visit_list(ctx, source, size)
