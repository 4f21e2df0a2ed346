"""Two front desks top up the same card at the same time, 1,000 times each, from two processes:
the balance must come out exact (no lost update), every operation posted once. Runs on SQLite,
and on PostgreSQL when OPSDESK_TEST_PG_URL is set (``packaging/ci_postgres.sh``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from opsdesk.db.engine import Database
from opsdesk.services import maintenance, members, stored_value
from opsdesk.services.context import Actor

WRITER = Path(__file__).resolve().parents[1] / "ledger_writer.py"
TOP_UPS = int(os.environ.get("OPSDESK_CONCURRENT_TOPUPS", "1000"))
AMOUNT = 1_234


def test_two_processes_topping_up_one_card_end_with_the_exact_balance(db: Database,
                                                                      store: Actor) -> None:
    card = members.register(db, store, members.MemberInput(phone="13800000001", name="王丽")).id
    target = str(db.path) if db.is_sqlite else db.url.render_as_string(hide_password=False)
    procs = [subprocess.Popen([sys.executable, str(WRITER), "topups", target, f"desk{i}",
                               str(TOP_UPS), str(card), str(AMOUNT)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for i in (1, 2)]
    outputs = [p.communicate(timeout=600) for p in procs]
    for p, (out, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err[-3000:]
        lines = out.splitlines()
        assert lines[0] == "ready"
        assert len(lines) == TOP_UPS + 1 and all(ln.startswith("stored_value ") for ln in lines[1:])
    balance = stored_value.get_balance(db, store, card)
    assert balance == stored_value.Balance(2 * TOP_UPS * AMOUNT, 0)
    assert len(stored_value.history(db, store, card, limit=5 * TOP_UPS)) == 2 * TOP_UPS
    report = maintenance.check(db)
    assert report.ok, report.problems
