"""Demo stores for benchmarks, generated once into ``.bench/`` and reused while nothing that shapes
them has changed: the key holds the size, the seed, the schema head and a digest of the demo
generator, so a new migration or a richer demo makes a new file instead of a stale one."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from benchmarks.core import REPO, Context, python_cmd, run_checked

AS_OF = "2026-06-30"  # a fixed "today", so the same key always means the same data
GENERATOR_SOURCES = ("opsdesk/services/demo.py", "opsdesk/domain/demo.py",
                     "opsdesk/services/demo_sales_process.py")


def generator_digest() -> str:
    h = hashlib.sha256()
    for rel in GENERATOR_SOURCES:
        p = REPO / rel
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()[:10]


def store_key(members: int, seed: int = 1) -> str:
    from opsdesk.db.schema import HEAD

    return f"demo-m{members}-s{seed}-r{HEAD}-g{generator_digest()}"


def cached_path(ctx: Context, members: int, seed: int = 1) -> Path:
    return ctx.cache / f"{store_key(members, seed)}.sqlite"


def demo_cmd(db: Path, members: int, seed: int = 1) -> list[str]:
    # Always the source tree's generator: a frozen build under test may lack nothing, but the
    # store must not depend on which build is being measured.
    return python_cmd("-m", "opsdesk", "demo", "--db", str(db), "--members", str(members),
                      "--seed", str(seed), "--as-of", AS_OF)


def adopt(ctx: Context, made: Path, members: int, seed: int = 1) -> Path:
    """Move a store generated elsewhere into the cache (if it has none yet) and return the cached
    path; the move is a rename, so the cache never holds a half-written file."""
    target = cached_path(ctx, members, seed)
    if not target.exists():
        ctx.cache.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".partial")
        shutil.move(str(made), tmp)
        os.replace(tmp, target)
    return target


def demo_store(ctx: Context, members: int, seed: int = 1) -> Path:
    path = cached_path(ctx, members, seed)
    if path.exists():
        return path
    ctx.log(f"  generating a {members:,}-member demo store into {ctx.cache} (kept for reruns)…")
    ctx.cache.mkdir(parents=True, exist_ok=True)
    made = ctx.work / f"new-{path.name}"
    for extra in ("", "-wal", "-shm"):
        Path(f"{made}{extra}").unlink(missing_ok=True)
    run_checked(demo_cmd(made, members, seed), ctx, timeout=3600)
    if Path(f"{made}-wal").exists():
        raise RuntimeError(f"the demo generator left {made}-wal behind: the store is not closed")
    return adopt(ctx, made, members, seed)
