"""The front desk on a large store (1,000,000 members; --quick: 100,000):

* member search p95 for each kind of query, against the very same SQL run raw through sqlite3
  in the same run (goal: p95 <= 10 ms and <= 2x raw);
* opening the member list page: time to the first page shown, and the process's peak RSS
  (goal < 300 ms, < 300 MB);
* registering one member: the service call's commit time;
* importing 100,000 rows from .xlsx and from a GBK .csv into a store (goal < 15 s each).
"""

from __future__ import annotations

import csv
import random
import shutil
import sqlite3
import sys
import time
from pathlib import Path

from benchmarks.core import Context, Goal, Result, benchmark, median, python_cmd, run_checked
from benchmarks.stores import demo_store

LIST_SCRIPT = Path(__file__).with_name("member_list_open.py")


def _p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]


def _queries(path: Path, n: int, rng: random.Random) -> dict[str, list[str]]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    top = con.execute("SELECT MAX(id) FROM customer").fetchone()[0]
    picks = []
    while len(picks) < n:
        row = con.execute("SELECT phone, name, card_no, pinyin_initials FROM customer WHERE id = ?",
                          (rng.randrange(1, top + 1),)).fetchone()
        if row:
            picks.append(row)
    con.close()
    return {
        "full phone": [p[0] for p in picks],
        "last 4 digits": [p[0][-4:] for p in picks],
        "name": [p[1] for p in picks],
        "pinyin initials": [p[3][:2] for p in picks],
        "card number": [p[2] for p in picks],
    }


@benchmark("members", "member search p95 vs raw sqlite3, list open, registration, import")
def members(ctx: Context) -> list[Result]:
    from opsdesk.db.opening import open_database
    from opsdesk.services import auth, member_search
    from opsdesk.services import members as member_service

    size = 100_000 if ctx.quick else 1_000_000
    source = demo_store(ctx, size)
    store = ctx.work / "members-bench.sqlite"
    shutil.copyfile(source, store)
    db = open_database(store).db
    actor = auth.login(db, "owner", "1234")
    rng = random.Random(7)
    n = ctx.repeats or (100 if ctx.quick else 300)
    results: list[Result] = []
    raw = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    for kind, texts in _queries(store, n, rng).items():
        app, bare = [], []
        for text in texts:
            t0 = time.perf_counter()
            member_search.search(db, actor, text, limit=20)
            app.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            for sql, params in member_search.search_sql(actor.store_id, text, 20):
                raw.execute(sql, params).fetchall()
            bare.append((time.perf_counter() - t0) * 1000)
        results.append(Result(f"search p95: {kind}", _p95(app), "ms", baseline=_p95(bare),
                              goal=Goal(max_figure=10, max_ratio=2), samples=app,
                              baseline_samples=bare, note=f"{n} queries on {size:,} members"))
    raw.close()

    proc = run_checked(python_cmd(str(LIST_SCRIPT), str(store)), ctx, timeout=300)
    opened_ms, rss_mb = (float(x) for x in proc.stdout.split()[-2:])
    results.append(Result("member list open", opened_ms, "ms", goal=Goal(max_figure=300),
                          note=f"first page of {size:,} members, page built and shown"))
    results.append(Result("member list peak RSS", rss_mb, "MB", goal=Goal(max_figure=300)))

    commits = []
    for i in range(ctx.repeats or 30):
        data = member_service.MemberInput(phone=f"1990000{i:04d}", name=f"测试{i}")
        t0 = time.perf_counter()
        member_service.register(db, actor, data)
        commits.append((time.perf_counter() - t0) * 1000)
    results.append(Result("registration commit", median(commits), "ms", samples=commits,
                          note="members.register, median"))
    db.dispose()

    rows = 100_000 if not ctx.quick else 20_000
    results += _imports(ctx, rows)
    return results


def _write_files(folder: Path, rows: int) -> tuple[Path, Path]:
    from openpyxl import Workbook

    rng = random.Random(11)
    header = ["姓名", "手机号", "性别", "生日", "备注"]
    data = [[rng.choice("王李张刘陈杨黄赵吴周") + rng.choice("伟芳娜敏静丽强磊婷洋"),
             f"13{rng.randrange(5, 10)}{i:08d}", rng.choice("男女"),
             f"19{rng.randrange(60, 99)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
             ""] for i in range(rows)]
    csv_path = folder / "members-gbk.csv"
    with csv_path.open("w", encoding="gb18030", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(data)
    xlsx_path = folder / "members.xlsx"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(header)
    for r in data:
        ws.append(r)
    wb.save(xlsx_path)
    return xlsx_path, csv_path


def _imports(ctx: Context, rows: int) -> list[Result]:
    from opsdesk.db.opening import open_database
    from opsdesk.io import members_import as mi
    from opsdesk.services import auth, demo, member_import

    xlsx, gbk = _write_files(ctx.work, rows)
    out = []
    for label, path in (("xlsx", xlsx), ("GBK csv", gbk)):
        target = ctx.work / f"import-{label.replace(' ', '-')}.sqlite"
        for extra in ("", "-wal", "-shm"):
            Path(f"{target}{extra}").unlink(missing_ok=True)
        db = open_database(target).db
        demo.generate(db, demo.DemoOptions(members=100, seed=1))
        actor = auth.login(db, "owner", "1234")
        t0 = time.perf_counter()
        pv = mi.preview(path)
        summary = member_import.import_members(db, actor, mi.parse_all(path, pv.mapping),
                                               member_import.OnDuplicate.SKIP)
        seconds = time.perf_counter() - t0
        db.dispose()
        if summary.created != rows:
            raise RuntimeError(f"import of {label} created {summary.created} of {rows} rows")
        out.append(Result(f"import {rows:,} rows ({label})", seconds, "s",
                          goal=Goal(max_figure=15 * rows / 100_000),
                          note="preview + parse + validate + write, one transaction"))
    return out


if __name__ == "__main__":  # pragma: no cover - run through python -m benchmarks
    sys.exit("run: python -m benchmarks --only members")
