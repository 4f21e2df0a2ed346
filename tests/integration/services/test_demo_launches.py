"""The demo store's launches: two past ones closed, one open, with every step of the funnel,
refunds and a waiting list, consistent with the rules (``opsdesk check``), the same for a seed."""

from __future__ import annotations

from datetime import date

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.domain.demo import DEMO_OWNER, DEMO_PIN
from opsdesk.services import auth, demo, launches, maintenance

AS_OF = date(2025, 3, 14)


def test_demo_has_two_closed_launches_and_one_open(db: Database) -> None:
    demo.generate(db, demo.DemoOptions(members=200, seed=1, as_of=AS_OF,
                                       sales_process=False))
    owner = auth.login(db, DEMO_OWNER, DEMO_PIN)
    with clock.frozen(clock.now().replace(year=2025, month=3, day=14)):
        rows = launches.list_launches(db, owner)
        assert sorted(r.launch.status for r in rows) == ["closed", "closed", "open"]
        for r in rows:
            assert r.funnel.entries > r.funnel.locks > r.funnel.deals > 0
            assert r.launch.entry_opens < AS_OF
        now = next(r for r in rows if r.launch.status == "open")
        assert now.locks_held == now.launch.capacity  # full: the rest wait
        assert launches.waiting_list(db, owner, now.launch.id)
        assert launches.locked_unpaid(db, owner, now.launch.id)
        refunds = sum(launches.launch_summary(db, owner, r.launch.id).refunds for r in rows)
        assert refunds > 0
    assert maintenance.check(db).ok, maintenance.check(db).problems
