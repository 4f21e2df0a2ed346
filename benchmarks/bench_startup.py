"""Cold start: ``opsdesk --smoke --db STORE`` on a large demo store (it stops at the login window)
against a bare PySide6 window, alternating, medians. The figure is what the person waiting sees:
milliseconds from launching the command to its first window painted, timed by this process with
the performance counter (the moment the program reports the window). The programs' own figures,
from the process start the OS records in clock ticks of 10 ms, are given beside it; single
samples of those move in steps of 10 ms, too coarse for a ratio near its goal."""

from __future__ import annotations

import compileall
from pathlib import Path

from benchmarks.core import (
    REPO,
    Context,
    Goal,
    Result,
    alternate,
    benchmark,
    median,
    python_cmd,
    shown_ms,
)
from benchmarks.stores import demo_store

BARE = Path(__file__).with_name("bare_window.py")


@benchmark("startup", "cold start to the login window on a big store vs a bare PySide6 window")
def startup(ctx: Context) -> list[Result]:
    members = 10_000 if ctx.quick else 100_000
    n = ctx.repeats or (3 if ctx.quick else 21)
    store = demo_store(ctx, members)
    # An installed package starts from its compiled bytecode (pip compiles at install time). A
    # source tree run under PYTHONDONTWRITEBYTECODE would otherwise recompile every module at
    # every start, which measures the compiler rather than the app.
    compileall.compile_dir(str(REPO / "opsdesk"), quiet=1)
    app_cmd = [*ctx.opsdesk, "--smoke", "--db", str(store)]
    bare_cmd = python_cmd(str(BARE))
    ctx.log(f"  {n} alternating runs of: {' '.join(app_cmd)}")
    app, bare = alternate(lambda: shown_ms(app_cmd, ctx), lambda: shown_ms(bare_cmd, ctx), n)
    own_app, own_bare = median([a[1] for a in app]), median([b[1] for b in bare])
    fast_app, fast_bare = min(a[0] for a in app), min(b[0] for b in bare)
    return [Result(f"startup ({members // 1000}k members)", median([a[0] for a in app]), "ms",
                   baseline=median([b[0] for b in bare]), goal=Goal(max_ratio=1.3),
                   samples=[round(a[0], 1) for a in app],
                   baseline_samples=[round(b[0], 1) for b in bare], paired=True,
                   note=f"medians of {n} alternating launches, ratio: median of the pairs' "
                        f"ratios; baseline: bare QMainWindow; "
                        f"own figures {own_app:.0f} ms vs {own_bare:.0f} ms "
                        f"({own_app / own_bare:.2f}x); fastest launches {fast_app:.0f} ms vs "
                        f"{fast_bare:.0f} ms ({fast_app / fast_bare:.2f}x)")]
