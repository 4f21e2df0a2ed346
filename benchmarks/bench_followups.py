"""The follow-up engine and the visit log on a large store (1,000,000 customers; --quick: 100,000):

* follow-up generation, first run (every rule-based task of the day created) and a second run on
  the same day (nothing left to create) - goals < 2 s and < 0.5 s;
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


def _generation(ctx: Context, source: Path, size: int) -> list[Result]:
    from opsdesk.db import clock
    from opsdesk.services import auth, followups

    store = ctx.work / "followups-bench.sqlite"
    shutil.copyfile(source, store)
    today = date.fromisoformat(AS_OF)
    yesterday = today - timedelta(days=1)
    n = ctx.repeats or 3
    backlog, daily, second, forced = [], [], [], []
    made = {}
    for _ in range(n):
        con = sqlite3.connect(store)
        con.execute("DELETE FROM followup_task WHERE rule <> 'manual'")
        con.execute("DELETE FROM setting WHERE key = 'followups.last_run'")
        con.commit()
        con.close()
        db = _fresh(store)
        actor = auth.login(db, "owner", "1234")
        with clock.frozen(datetime.combine(today, datetime.min.time()) + timedelta(hours=9)):
            t0 = time.perf_counter()
            made["backlog"] = followups.generate(db, actor, yesterday).created
            backlog.append(time.perf_counter() - t0)
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
    goal = Goal(max_figure=2)
    return [
        Result("follow-up generation: first run on an empty task table", median(backlog), "s",
               goal=goal, samples=backlog,
               note=f"{size:,} customers, {made['backlog']:,} tasks created (the backlog)"),
        Result("follow-up generation: the next day's run", median(daily), "s", goal=goal,
               samples=daily, note=f"{made['daily']:,} tasks created"),
        Result("follow-up generation: second run", median(second), "s",
               goal=Goal(max_figure=0.5), samples=second,
               note="same day, nothing changed since: answered from the last run's marker"),
        Result("follow-up generation: second run, every rule evaluated", median(forced), "s",
               goal=Goal(max_figure=0.5), samples=forced,
               note="force=True: the SQL finds nothing new"),
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
