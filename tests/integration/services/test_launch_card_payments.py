"""Money a launch took from a member's card is paid back only by the launch's own refund: the
member ledger's reversal would return it while the launch still counted it as paid."""

from __future__ import annotations

import pytest

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.domain.errors import Conflict
from opsdesk.services import launches, stored_value
from opsdesk.services.context import Actor
from tests.integration.services.launch_helpers import DAY, YUAN, customer, op, open_launch


def test_a_launch_payment_from_the_card_cannot_be_reversed_on_the_member_ledger(
        db: Database, store: Actor) -> None:
    lid = open_launch(db, store)
    c = customer(db, store, 1, topup=3000 * YUAN)
    entry_op, lock_op = op(), op()
    with clock.frozen(DAY):
        launches.record_entry(db, store, lid, c, "stored_value", entry_op)
        launches.record_lock(db, store, lid, c, "stored_value", lock_op)
    before = stored_value.get_balance(db, store, c).total
    for original in (entry_op, lock_op):
        with pytest.raises(Conflict) as refused:
            stored_value.reverse(db, store, original, op())
        assert refused.value.code == "stored_value.launch_operation"
    assert stored_value.get_balance(db, store, c).total == before == 3000 * YUAN - 1099 * YUAN


def test_a_plain_top_up_is_still_reversible(db: Database, store: Actor) -> None:
    c = customer(db, store, 2)
    top = op()
    stored_value.top_up(db, store, c, 500 * YUAN, "cash", top)
    stored_value.reverse(db, store, top, op())
    assert stored_value.get_balance(db, store, c).total == 0


def test_a_retried_lock_that_was_queued_answers_with_its_place(db: Database, store: Actor) -> None:
    from sqlalchemy import func, select

    from opsdesk.db.models.launches import LaunchWaitlist

    lid = open_launch(db, store, capacity=1)
    first, queued = customer(db, store, 3), customer(db, store, 4)
    key = op()
    with clock.frozen(DAY):
        launches.record_lock(db, store, lid, first, "cash", op())
        w = launches.record_lock(db, store, lid, queued, "cash", key)
        again = launches.record_lock(db, store, lid, queued, "cash", key)
        with pytest.raises(Conflict) as reused:
            launches.record_lock(db, store, lid, first, "cash", key)
    assert (w.action, w.waitlist_position, w.replayed) == ("waitlist", 1, False)
    assert (again.action, again.waitlist_position, again.replayed) == ("waitlist", 1, True)
    assert reused.value.code == "operation.reused"
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(LaunchWaitlist)) == 1
