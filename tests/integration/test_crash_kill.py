"""Power cut at the till: a writer process posting ledger operations is killed with SIGKILL at
random moments, and after every kill the store must be whole: the file passes integrity_check,
every operation the writer had confirmed is in its ledger, balances equal their ledgers
(``opsdesk check``), and nothing is half-written (ledger rows without their audit row, or the
other way round, or an operation missing some of its lines).

``OPSDESK_CRASH_KILLS`` sets the number of kills (default 20; the full run uses 200 or more).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

import pytest

from opsdesk.db.engine import Database
from opsdesk.db.opening import open_database
from opsdesk.domain.roles import Role
from opsdesk.domain.tiers import BonusBracket
from opsdesk.services import maintenance, members, tiers
from opsdesk.services.context import Actor

WRITER = Path(__file__).resolve().parents[1] / "ledger_writer.py"
KILLS = int(os.environ.get("OPSDESK_CRASH_KILLS", "20"))

# Per ledger: the operation ids it holds, with the signed amount each moved. A new ledger adds a
# line here and an operation to ledger_writer.OPERATIONS.
LEDGER_OPERATIONS = {
    "stored_value": "SELECT operation_id, MIN(CASE WHEN line = 0 THEN kind END), "
                    "SUM(principal + bonus), COUNT(*), MAX(line) "
                    "FROM stored_value_entry GROUP BY operation_id",
}


def setup_store(db: Database, owner: Actor, customers: int = 6) -> None:
    ladder = tiers.save_ladder(db, owner, [
        tiers.TierInput(-1, "regular", "银卡", 20, price=0, validity_days=3650,
                        bonus_brackets=(BonusBracket(50_000, 5_000),)),
        tiers.TierInput(-2, "partner", "金卡", 30, validity_days=3650, fallback_ref=-1,
                        bonus_brackets=(BonusBracket(100_000, 15_000),)),
    ], [tiers.RuleInput(target_ref=-2, min_single_topup=180_000)])
    silver = next(t.id for t in ladder.tiers if t.name == "银卡")
    for i in range(customers):
        members.register(db, owner, members.MemberInput(
            phone=f"1390000{i:04d}", name=f"顾客{i}", tier_id=silver if i % 2 else None))


class Confirmed:
    """What the writer promised: operation id -> (ledger, kind, amount)."""

    def __init__(self) -> None:
        self.ops: dict[str, tuple[str, str, int]] = {}
        self.refused = 0
        self.replays = 0

    def take(self, lines: list[str]) -> None:
        for line in lines:
            parts = line.split()
            if parts[0] == "ready":
                continue
            if parts[0] == "refused":
                self.refused += 1
            elif parts[0] == "replay":
                self.replays += 1
                assert parts[1] in self.ops, f"replayed an operation never confirmed: {line}"
            elif parts[0] == "posted-twice":
                pytest.fail(f"a replayed operation id posted again: {parts[1]}")
            else:
                ledger, op, kind, amount = parts
                assert op not in self.ops, f"operation confirmed twice: {op}"
                self.ops[op] = (ledger, kind, int(amount))


def run_and_kill(target: str, prefix: str, rng: random.Random) -> list[str]:
    """Start a writer, let it post for a random while, SIGKILL it; its complete output lines."""
    proc = subprocess.Popen([sys.executable, str(WRITER), "stream", target, prefix,
                             str(rng.randrange(1 << 30))], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, bufsize=1)
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        for line in proc.stdout:  # type: ignore[union-attr]
            if line.endswith("\n"):  # a line cut by the kill is not a confirmation
                lines.append(line.strip())
            if line.startswith("ready"):
                ready.set()
        ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if not ready.wait(60):
        proc.kill()
        pytest.fail("the writer did not start")
    # Not a timing assertion: only where in the stream of transactions the kill falls.
    time.sleep(rng.uniform(0.0, 0.4))
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    reader.join(30)
    err = proc.stderr.read()  # type: ignore[union-attr]
    proc.stderr.close()  # type: ignore[union-attr]
    assert proc.returncode == -signal.SIGKILL, f"the writer ended by itself: {err[-2000:]}"
    return lines


def check_store(path: Path, confirmed: Confirmed) -> int:
    """Every promise kept and nothing half-written; returns the operations found in the ledgers."""
    con = sqlite3.connect(path)
    try:
        assert [r[0] for r in con.execute("PRAGMA integrity_check")] == ["ok"]
        found: dict[str, tuple[str, str, int, int, int]] = {}
        for ledger, sql in LEDGER_OPERATIONS.items():
            for op, kind, amount, count, max_line in con.execute(sql):
                assert max_line == count - 1, f"{ledger} {op}: {count} lines, last {max_line}"
                found[op] = (ledger, kind, int(amount), count, max_line)
        audited = defaultdict(int)
        for (detail,) in con.execute(
                "SELECT detail FROM audit_entry WHERE outcome = 'ok' "
                "AND action LIKE 'stored_value.%'"):
            audited[json.loads(detail)["operation_id"]] += 1
    finally:
        con.close()
    lost = [op for op in confirmed.ops if op not in found]
    assert not lost, f"{len(lost)} confirmed operations lost, e.g. {lost[:5]}"
    for op, (ledger, kind, amount) in confirmed.ops.items():
        assert found[op][:3] == (ledger, kind, amount), (op, found[op], amount)
    assert set(audited) == set(found), "ledger operations and audit entries differ"
    assert all(n == 1 for n in audited.values()), "an operation audited twice"
    opened = open_database(path)
    try:
        report = maintenance.check(opened.db)
    finally:
        opened.db.dispose()
    assert report.ok, report.problems
    return len(found)


@pytest.mark.slow
def test_sigkill_never_loses_a_confirmed_operation(db: Database, db_path: Path, store: Actor,
                                                   tmp_path: Path) -> None:
    assert store.role is Role.OWNER
    setup_store(db, store)
    db.dispose()
    rng = random.Random(int(os.environ.get("OPSDESK_CRASH_SEED", "11")))
    confirmed = Confirmed()
    in_ledgers = 0
    for kill in range(KILLS):
        confirmed.take(run_and_kill(str(db_path), f"k{kill}", rng))
        in_ledgers = check_store(db_path, confirmed)
    # The stream really wrote and really was cut: something confirmed, something refused.
    assert len(confirmed.ops) >= KILLS
    summary = (f"crash test: {KILLS} kills, {len(confirmed.ops)} operations confirmed, "
               f"{in_ledgers} in the ledgers (confirmed or posted just before a kill), "
               f"{confirmed.refused} refused, {confirmed.replays} replays, lost 0")
    (tmp_path / "summary.txt").write_text(summary)
    print(summary)
