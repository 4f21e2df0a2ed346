"""``python -m benchmarks [--quick] [--only NAME ...] [--json FILE] [--repeats N] [--exe CMD]``"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import sys
import time
from pathlib import Path

from benchmarks.core import REPO, Context, Result, discover, python_cmd, scratch_dir


def table(results: list[Result]) -> str:
    head = ("benchmark", "figure", "unit", "baseline", "ratio", "goal", "result")
    rows = [head]
    for r in results:
        rows.append((
            r.name, f"{r.figure:.1f}", r.unit,
            "" if r.baseline is None else f"{r.baseline:.1f}",
            "" if r.ratio is None else f"{r.ratio:.2f}x",
            r.goal.text(r.unit) if r.goal else "",
            {True: "pass", False: "FAIL", None: "-"}[r.passed],
        ))
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
             for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _command(text: str) -> list[str]:
    # Children run in a scratch folder, so a relative path to the program must be made absolute.
    cmd = shlex.split(text)
    if cmd and Path(cmd[0]).exists():
        cmd[0] = str(Path(cmd[0]).resolve())
    return cmd


def _load() -> tuple[float, float, float] | None:
    try:
        return os.getloadavg()
    except (AttributeError, OSError):  # Windows has no load average
        return None


def main(argv: list[str] | None = None) -> int:
    registry = discover()
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    p.add_argument("--quick", action="store_true", help="smaller stores, fewer repeats")
    p.add_argument("--only", action="append", metavar="NAME", choices=sorted(registry),
                   help=f"run only this benchmark (repeatable): {', '.join(sorted(registry))}")
    p.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")
    p.add_argument("--repeats", type=int, metavar="N", help="override each benchmark's repeats")
    p.add_argument("--exe", metavar="CMD",
                   help="the command that starts OpsDesk, e.g. a frozen build "
                        "(default: this Python with -m opsdesk)")
    p.add_argument("--cache", type=Path, default=REPO / ".bench",
                   help="where generated stores are kept between runs (default: .bench/)")
    p.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    args = p.parse_args(argv)
    if args.list:
        for name, reg in sorted(registry.items()):
            print(f"{name:12} {reg.summary}")
        return 0

    results: list[Result] = []
    errors: dict[str, str] = {}
    started = time.time()
    load_before = _load()
    if load_before is not None and load_before[0] > 0.5 * (os.cpu_count() or 1):
        # Ratios survive some load because both sides are measured alike, absolute figures don't.
        print(f"note: the machine is busy (load {load_before[0]:.1f} on {os.cpu_count()} CPUs); "
              "figures will be high and noisy", file=sys.stderr)
    with scratch_dir() as work:
        ctx = Context(quick=args.quick, cache=args.cache, work=Path(work),
                      opsdesk=_command(args.exe) if args.exe else python_cmd("-m", "opsdesk"),
                      repeats=args.repeats, log=lambda s: print(s, file=sys.stderr, flush=True))
        for name in args.only or sorted(registry):
            print(f"[{name}] {registry[name].summary}", file=sys.stderr, flush=True)
            t0 = time.perf_counter()
            try:
                results += registry[name].fn(ctx)
            except Exception as e:  # one broken benchmark must not hide the others' figures
                errors[name] = f"{type(e).__name__}: {e}"
                print(f"[{name}] failed: {errors[name]}", file=sys.stderr, flush=True)
            print(f"[{name}] took {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)

    print(table(results))
    load_after = _load()
    if load_before is not None and load_after is not None:
        print(f"load average: {load_before[0]:.1f} before, {load_after[0]:.1f} after, "
              f"{os.cpu_count()} CPUs")
    for name, err in errors.items():
        print(f"ERROR {name}: {err.splitlines()[0]}")
    if args.json:
        args.json.write_text(json.dumps({
            "started": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(started)),
            "quick": args.quick,
            "machine": {"python": sys.version.split()[0], "platform": platform.platform(),
                        "processor": platform.processor() or platform.machine()},
            "opsdesk": ctx.opsdesk,
            "cpus": os.cpu_count(),
            "load_before": load_before,
            "load_after": load_after,
            "results": [r.as_json() for r in results],
            "errors": errors,
        }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if errors:
        return 1
    return 0 if all(r.passed is not False for r in results) else 3


if __name__ == "__main__":
    raise SystemExit(main())
