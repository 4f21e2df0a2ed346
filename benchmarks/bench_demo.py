"""Demo generation: ``opsdesk demo`` wall time for a large store (goal: 1,000,000 members in under
two minutes), against plain sqlite3 inserting as many customer rows with the same indexes."""

from __future__ import annotations

from pathlib import Path

from benchmarks.core import Context, Goal, Result, benchmark, python_cmd, wall_seconds
from benchmarks.stores import adopt, cached_path, demo_cmd

BARE = Path(__file__).with_name("bare_insert.py")
GOAL_SECONDS_PER_MILLION = 120.0


def _fresh(path: Path) -> Path:
    for extra in ("", "-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    return path


@benchmark("demo", "opsdesk demo wall time vs plain sqlite3 bulk insert of the customers")
def demo(ctx: Context) -> list[Result]:
    members = 100_000 if ctx.quick else 1_000_000
    n = ctx.repeats or 1
    app_db, bare_db = ctx.work / "demo-bench.sqlite", ctx.work / "bare-insert.sqlite"
    app: list[float] = []
    bare: list[float] = []
    for _ in range(n):
        ctx.log(f"  opsdesk demo --members {members:,} …")
        app.append(wall_seconds(demo_cmd(_fresh(app_db), members), ctx))
        bare.append(wall_seconds(python_cmd(str(BARE), str(_fresh(bare_db)), str(members)), ctx))
        _fresh(bare_db)
    # The store just made is the one later benchmarks would generate: keep it.
    if not cached_path(ctx, members).exists() and not Path(f"{app_db}-wal").exists():
        adopt(ctx, app_db, members)
    goal = GOAL_SECONDS_PER_MILLION * members / 1_000_000
    app.sort(), bare.sort()
    return [Result(f"demo ({members:,} members)", app[len(app) // 2], "s",
                   baseline=bare[len(bare) // 2], goal=Goal(max_figure=goal), samples=app,
                   baseline_samples=bare,
                   note="wall time incl. interpreter start; baseline: sqlite3 executemany")]
