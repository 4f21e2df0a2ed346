"""The registry, the result record and the measuring helpers every benchmark shares."""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TypeVar

REPO = Path(__file__).resolve().parents[1]
T = TypeVar("T")


@dataclass(frozen=True)
class Goal:
    """What a figure must reach: ``figure <= max_figure`` and/or ``ratio <= max_ratio``."""

    max_figure: float | None = None
    max_ratio: float | None = None

    def text(self, unit: str) -> str:
        parts = []
        if self.max_figure is not None:
            parts.append(f"<= {self.max_figure:g} {unit}")
        if self.max_ratio is not None:
            parts.append(f"<= {self.max_ratio:g}x")
        return ", ".join(parts)

    def met(self, figure: float, ratio: float | None) -> bool:
        if self.max_figure is not None and figure > self.max_figure:
            return False
        if self.max_ratio is not None and (ratio is None or ratio > self.max_ratio):
            return False
        return True


@dataclass
class Result:
    name: str
    figure: float
    unit: str
    baseline: float | None = None  # the same quantity for the bare baseline, same unit
    goal: Goal | None = None
    samples: list[float] = field(default_factory=list)
    baseline_samples: list[float] = field(default_factory=list)
    note: str = ""
    # samples[i] and baseline_samples[i] were measured back to back (``alternate``): the ratio
    # is then the median of the pairs' ratios, which cancels the machine's drift between pairs
    # (a virtual machine's speed moves by a third within a minute) instead of comparing two
    # medians that drift apart.
    paired: bool = False

    @property
    def ratio(self) -> float | None:
        if self.paired and self.samples and len(self.samples) == len(self.baseline_samples):
            if min(self.baseline_samples) > 0:
                return median([a / b for a, b in zip(self.samples, self.baseline_samples,
                                                     strict=True)])
        if self.baseline is None or self.baseline <= 0:
            return None
        return self.figure / self.baseline

    @property
    def passed(self) -> bool | None:
        return None if self.goal is None else self.goal.met(self.figure, self.ratio)

    def as_json(self) -> dict:
        d = asdict(self)
        d["goal"] = self.goal.text(self.unit) if self.goal else None
        d["ratio"] = self.ratio
        d["passed"] = self.passed
        return d


@dataclass
class Context:
    quick: bool
    cache: Path  # generated stores, reused across runs
    work: Path  # scratch for this run, removed afterwards
    opsdesk: list[str]  # the command that starts OpsDesk (the source tree or a frozen build)
    repeats: int | None = None  # overrides each benchmark's default
    log: Callable[[str], None] = print

    def env(self, **extra: str) -> dict[str, str]:
        """A child environment that writes logs and settings into scratch, never the user's."""
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env["OPSDESK_LOG_DIR"] = str(self.work / "logs")
        env["OPSDESK_SETTINGS_DIR"] = str(self.work / "settings")
        env["OPSDESK_NO_CRASH_DIALOG"] = "1"
        env.pop("OPSDESK_DB", None)
        env.update(extra)
        return env


Bench = Callable[[Context], list[Result]]


@dataclass(frozen=True)
class Registered:
    name: str
    fn: Bench
    summary: str


REGISTRY: dict[str, Registered] = {}


def benchmark(name: str, summary: str) -> Callable[[Bench], Bench]:
    def add(fn: Bench) -> Bench:
        if name in REGISTRY:
            raise ValueError(f"benchmark {name!r} registered twice")
        REGISTRY[name] = Registered(name, fn, summary)
        return fn

    return add


def discover() -> dict[str, Registered]:
    import importlib
    import pkgutil

    import benchmarks

    for mod in sorted(pkgutil.iter_modules(benchmarks.__path__), key=lambda m: m.name):
        if mod.name.startswith("bench_"):
            importlib.import_module(f"benchmarks.{mod.name}")
    return REGISTRY


# --- measuring ------------------------------------------------------------------------------

SHOWN = re.compile(r"first window shown after (\d+) ms")


def run_checked(cmd: Sequence[str], ctx: Context, timeout: float = 600, **env: str
                ) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(list(cmd), capture_output=True, text=True, timeout=timeout,
                          env=ctx.env(**env), cwd=ctx.work)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} exited {proc.returncode}:\n"
                           f"{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return proc


def shown_ms(cmd: Sequence[str], ctx: Context, timeout: float = 120) -> tuple[float, float]:
    """Run a program that prints 'first window shown after N ms'. Returns the milliseconds
    from launching it to that line, timed here with the performance counter, and N, the
    program's own figure (from the process start the OS records, in clock ticks of 10 ms)."""
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=subprocess.PIPE, stderr=err, text=True,
                                env=ctx.env(), cwd=ctx.work)
        killer = threading.Timer(timeout, proc.kill)
        killer.start()
        try:
            seen, launch_ms, own = [], None, None
            for line in proc.stdout:
                seen.append(line)
                m = SHOWN.search(line)
                if m and launch_ms is None:
                    launch_ms = (time.perf_counter() - t0) * 1000
                    own = float(m.group(1))
            code = proc.wait()
        finally:
            killer.cancel()
        if code != 0 or launch_ms is None:
            err.seek(0)
            raise RuntimeError(f"{' '.join(map(str, cmd))} exited {code} "
                               f"{'without' if launch_ms is None else 'after'} a start-up "
                               f"figure:\n{''.join(seen)[-2000:]}\n"
                               f"{err.read().decode(errors='replace')[-2000:]}")
    return launch_ms, own


def wall_seconds(cmd: Sequence[str], ctx: Context, timeout: float = 3600) -> float:
    t0 = time.perf_counter()
    run_checked(cmd, ctx, timeout=timeout)
    return time.perf_counter() - t0


def alternate(measure_a: Callable[[], T], measure_b: Callable[[], T], n: int,
              warmup: int = 1) -> tuple[list[T], list[T]]:
    """Interleave two measurements so drift (other load, caches, CPU clocks) hits both alike;
    the warm-up runs fill the file cache and the bytecode caches and are not counted."""
    for _ in range(warmup):
        measure_a()
        measure_b()
    a: list[T] = []
    b: list[T] = []
    for i in range(n):
        first, second = (measure_a, measure_b) if i % 2 == 0 else (measure_b, measure_a)
        x, y = first(), second()
        if first is measure_a:
            a.append(x), b.append(y)
        else:
            a.append(y), b.append(x)
    return a, b


def median(xs: Sequence[float]) -> float:
    return float(statistics.median(xs))


def scratch_dir() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="opsdesk-bench-")


def python_cmd(*args: str) -> list[str]:
    return [sys.executable, *args]
