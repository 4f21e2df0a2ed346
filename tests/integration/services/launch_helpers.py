"""A launch with a shop around it, for the launch service, permission and state-machine tests."""

from __future__ import annotations

from datetime import date, datetime

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.domain.operations import new_operation_id
from opsdesk.services import launches, members, stored_value
from opsdesk.services.context import Actor

YUAN = 100
OPENS = date(2026, 3, 1)
DEADLINE = date(2026, 3, 20)
DELIVERY = date(2026, 4, 10)
DAY = datetime(2026, 3, 5, 10, 0)


def terms(**kw) -> launches.LaunchInput:  # noqa: ANN003
    base = dict(name="春季抗衰疗程首发", entry_opens=OPENS, lock_deadline=DEADLINE,
                delivery=DELIVERY, entry_fee=99 * YUAN, deposit=1000 * YUAN, price=6800 * YUAN,
                capacity=3, product_text="抗衰疗程 10 次", early_until=date(2026, 3, 8),
                early_gifts="赠面部护理 2 次", early_privileges="优先预约")
    base.update(kw)
    return launches.LaunchInput(**base)


def open_launch(db: Database, owner: Actor, **kw) -> int:  # noqa: ANN003
    with clock.frozen(datetime(2026, 2, 20, 9, 0)):
        row = launches.create_launch(db, owner, terms(**kw))
        launches.set_status(db, owner, row.id, "open")
    return row.id


def customer(db: Database, owner: Actor, n: int, topup: int = 0) -> int:
    ref = members.register(db, owner, members.MemberInput(phone=f"1380000{n:04d}",
                                                          name=f"顾客{n}"))
    if topup:
        stored_value.top_up(db, owner, ref.id, topup, "cash", new_operation_id())
    return ref.id


def op() -> str:
    return new_operation_id()
