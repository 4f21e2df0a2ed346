"""The demo store's launches (发售): two past launches, closed, and one open now.

Each launch draws a bounded sample of customers registered before it opened (a few hundred at
most, whatever the store's size), lets them enter, lock, pay in full, cancel and wait in the
order of their days, and applies the rules of ``domain.launches`` to every step as the service
would: a lock beyond capacity joins the waiting list, a cancelled lock refunds by the window it
falls in and offers its seat to the first in line, a deal pays ``price - deposit``. Payments are
cash, WeChat, Alipay or bank card (stored value is left to the members' own history). The rows
are bulk-inserted in one transaction; drawn from ``ctx.rng``, so the same seed gives the same
launches.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, insert, select

from opsdesk.db.models.launches import Launch, LaunchDeposit, LaunchPayment, LaunchWaitlist
from opsdesk.domain import launches as dl

if TYPE_CHECKING:  # demo.py imports this module to register the step
    from opsdesk.services.demo import DemoContext, Progress

YUAN = 100
METHODS = ("wechat", "wechat", "alipay", "cash", "bank_card")


@dataclass(frozen=True)
class Plan:
    name: str
    product: str
    opens: int  # days before today
    lock_days: int
    delivery_after: int  # days after the deadline
    entry_fee: int
    deposit: int
    price: int
    capacity: int | None
    closed: bool
    people: int  # customers drawn
    lock_share: float  # of those who enter
    deal_share: float  # of those who lock
    cancel_share: float
    gifts: str = ""
    privileges: str = ""
    early_days: int = 5


PLANS = (
    Plan("新年焕颜疗程首发", "焕颜疗程 10 次", 330, 20, 25, 99 * YUAN, 1000 * YUAN, 6800 * YUAN, 40,
         True, 110, 0.45, 0.75, 0.12, "赠面部护理 2 次", "优先预约时段"),
    Plan("夏季身体塑形营", "塑形营 8 周", 160, 18, 20, 0, 500 * YUAN, 3980 * YUAN, 25, True, 70,
         0.45, 0.7, 0.1, "赠体态评估 1 次", "专属教练群"),
    Plan("冬季抗衰精华疗程预售", "抗衰精华疗程 12 次", 16, 22, 21, 199 * YUAN, 2000 * YUAN,
         12800 * YUAN, 12, False, 80, 0.5, 0.35, 0.08, "赠精华液 1 瓶", "年度 VIP 护理日"),
)


@dataclass
class _Person:
    cid: int
    staff: int | None
    entered: bool = False
    held: int = 0
    dealt: bool = False
    waiting: int | None = None  # waitlist row index


@dataclass
class _Rows:
    payments: list[dict] = field(default_factory=list)
    deposits: list[dict] = field(default_factory=list)
    waitlist: list[dict] = field(default_factory=list)


def _at(d: date, minute: int) -> datetime:
    return datetime.combine(d, time(10, 0)) + timedelta(minutes=minute)


def _sample(ctx: DemoContext, before: date, k: int) -> list[tuple[int, int | None]]:
    """Up to ``k`` distinct customers registered before ``before``: O(k), not O(members)."""
    # The list is in id order, and registration dates rise with the id (the history registers
    # day by day), so the customers registered in time are a prefix of it.
    hi = bisect.bisect_left(ctx.customers, before, key=lambda c: c[1].date())
    picked = ctx.rng.sample(range(hi), min(k, hi)) if hi else []
    return [(ctx.customers[i][0], ctx.customers[i][2]) for i in sorted(picked)]


def _simulate(ctx: DemoContext, plan: Plan, launch_id: int, terms: dl.LaunchTerms,
              store: int, rows: _Rows) -> None:
    rng = ctx.rng
    today = ctx.today
    people = [_Person(cid, sid) for cid, sid in _sample(ctx, terms.entry_opens, plan.people)]
    events: list[tuple[datetime, int, str, int]] = []  # (when, seq, kind, person index)
    span = (terms.lock_deadline - terms.entry_opens).days
    last_day = min(today, terms.delivery + timedelta(days=20))
    seq = 0
    for i, _p in enumerate(people):
        # Entries crowd the first days (the launch is announced then) and thin out after.
        day = terms.entry_opens + timedelta(days=int(span * rng.random() ** 1.7))
        if day > today:
            continue
        if plan.entry_fee or rng.random() < 0.9:
            events.append((_at(day, rng.randint(0, 480)), seq, "entry", i))
            seq += 1
        if rng.random() >= plan.lock_share:
            continue
        left = max(0, (terms.lock_deadline - day).days)
        # The early-lock gifts pull half the lockers into the first days after they enter.
        lock_day = day + timedelta(days=rng.randint(0, min(2, left)) if rng.random() < 0.5
                                   else rng.randint(0, left))
        if lock_day > today:
            continue
        events.append((_at(lock_day, rng.randint(481, 540)), seq, "lock", i))
        seq += 1
        r = rng.random()
        if r < plan.cancel_share:
            cday = lock_day + timedelta(days=rng.randint(1, 30))
            if cday <= last_day:
                events.append((_at(cday, rng.randint(0, 480)), seq, "cancel", i))
                seq += 1
                if plan.entry_fee and rng.random() < 0.5:
                    events.append((_at(cday, 490), seq, "entry_refund", i))
                    seq += 1
        elif r < plan.cancel_share + plan.deal_share:
            dday = lock_day + timedelta(days=rng.randint(2, 35))
            if dday <= last_day:
                events.append((_at(dday, rng.randint(0, 480)), seq, "deal", i))
                seq += 1
    events.sort()
    n_ops = 0

    def op() -> str:
        nonlocal n_ops
        n_ops += 1
        return f"demo-launch-{launch_id}-{n_ops}"

    live: list[int] = []  # waitlist row indexes still waiting or offered, in order
    extra: list[tuple[datetime, int, str, int]] = []
    i_evt = 0
    while i_evt < len(events) or extra:
        if extra and (i_evt >= len(events) or extra[0] < events[i_evt]):
            at, _s, kind, i = extra.pop(0)
        else:
            at, _s, kind, i = events[i_evt]
            i_evt += 1
        p = people[i]
        day = at.date()
        method = rng.choice(METHODS)
        base = dict(store_id=store, launch_id=launch_id, customer_id=p.cid, staff_id=p.staff,
                    recorded_by=p.staff, at=at)
        if kind == "entry" and not p.entered:
            p.entered = True
            rows.payments.append(dict(base, kind="entry", amount=terms.entry_fee,
                                      payment_method=method if terms.entry_fee else None,
                                      refunds_id=None, operation_id=op(), reason=""))
        elif kind == "lock" and p.held == 0 and not p.dealt and p.waiting is None:
            offered = sum(1 for w in live if rows.waitlist[w]["status"] == "offered")
            locks = sum(1 for q in people if q.held > 0)
            place = dl.lock_or_waitlist(locks + offered, terms.capacity, len(live))
            # A newcomer queues behind those already waiting, even when a seat is offered.
            if not place.locked or any(rows.waitlist[w]["status"] == "waiting" for w in live):
                rows.waitlist.append(dict(store_id=store, launch_id=launch_id,
                                          customer_id=p.cid, staff_id=p.staff,
                                          status="waiting", at=at, updated_at=at))
                p.waiting = len(rows.waitlist) - 1
                live.append(p.waiting)
                continue
            _lock(rows, base, terms, p, plan, method, op())
        elif kind == "lock_offered" and p.waiting is not None:
            w = rows.waitlist[p.waiting]
            live.remove(p.waiting)
            p.waiting = None
            w["status"], w["updated_at"] = "locked", at
            _lock(rows, base, terms, p, plan, method, op())
        elif kind == "cancel" and p.held > 0:
            bal = dl.DepositBalance(paid=p.held)
            o = op()
            for line, e in enumerate(dl.cancel_lock_entries(terms, p.cid, bal, day)):
                rows.deposits.append(dict(
                    base, kind=e.kind.value, amount=e.amount, line=line, early=False,
                    payment_method=p_method(rows, p) if e.kind is dl.DepositKind.REFUND else None,
                    operation_id=o, reason=""))
            p.held = 0
            if not plan.closed or day <= terms.lock_deadline:
                waiting = [w for w in live if rows.waitlist[w]["status"] == "waiting"]
                locks = sum(1 for q in people if q.held > 0)
                offered = sum(1 for w in live if rows.waitlist[w]["status"] == "offered")
                first, _rest = dl.promote_from_waitlist(waiting, locks + offered, terms.capacity)
                for w in first:
                    rows.waitlist[w]["status"], rows.waitlist[w]["updated_at"] = "offered", at
                    nxt = at + timedelta(days=1, minutes=30)
                    who = next(j for j, q in enumerate(people) if q.waiting == w)
                    if nxt.date() <= min(terms.lock_deadline, today) and rng.random() < 0.8:
                        extra.append((nxt, 10**6 + len(extra), "lock_offered", who))
                        extra.sort()
        elif kind == "entry_refund" and p.entered and terms.entry_fee:
            fee = next(r for r in rows.payments if r["customer_id"] == p.cid
                       and r["kind"] == "entry")
            try:
                back = dl.entry_fee_refund(terms, fee["amount"], 0, day)
            except Exception:  # noqa: BLE001 - the rule allows nothing now: no refund
                continue
            rows.payments.append(dict(base, kind="entry_refund", amount=-back,
                                      payment_method=fee["payment_method"],
                                      refunds_id=fee["_id"], operation_id=op(),
                                      reason="改期无法参加"))
        elif kind == "deal" and p.held > 0 and not p.dealt:
            plan_, entries = dl.deal_entries(terms, p.cid, dl.DepositBalance(paid=p.held))
            o = op()
            rows.payments.append(dict(base, kind="balance", amount=plan_.due,
                                      payment_method=method if plan_.due else None,
                                      refunds_id=None, operation_id=o, reason=""))
            for line, e in enumerate(entries):
                rows.deposits.append(dict(base, kind=e.kind.value, amount=e.amount, line=line,
                                          early=False, payment_method=None, operation_id=o,
                                          reason=""))
            p.held, p.dealt = 0, True


def p_method(rows: _Rows, p: _Person) -> str:
    for d in reversed(rows.deposits):
        if d["customer_id"] == p.cid and d["kind"] == "deposit":
            return d["payment_method"]
    return "cash"


def _lock(rows: _Rows, base: dict, terms: dl.LaunchTerms, p: _Person, plan: Plan, method: str,
          o: str) -> None:
    early_until = terms.entry_opens + timedelta(days=plan.early_days)
    rows.deposits.append(dict(base, kind="deposit", amount=terms.deposit, line=0,
                              early=base["at"].date() <= early_until, payment_method=method,
                              operation_id=o, reason=""))
    p.held = terms.deposit


def step_launches(ctx: DemoContext, progress: Progress) -> None:
    store = ctx.owner.store_id
    if not ctx.customers:
        return
    progress("launches", 0, len(PLANS))
    with ctx.db.write() as s:
        next_payment_id = 1 + (s.scalar(select(func.max(LaunchPayment.id))) or 0)
        for n, plan in enumerate(PLANS):
            opens = ctx.today - timedelta(days=plan.opens)
            deadline = opens + timedelta(days=plan.lock_days)
            delivery = deadline + timedelta(days=plan.delivery_after)
            terms = dl.make_terms(entry_fee=plan.entry_fee, deposit=plan.deposit,
                                  price=plan.price, capacity=plan.capacity, entry_opens=opens,
                                  lock_deadline=deadline, delivery=delivery)
            ln = Launch(store_id=store, name=plan.name, product_text=plan.product,
                        status="closed" if plan.closed else "open", entry_opens=opens,
                        lock_deadline=deadline, delivery=delivery, entry_fee=plan.entry_fee,
                        deposit=plan.deposit, price=plan.price, capacity=plan.capacity,
                        requires_lock=True, early_until=opens + timedelta(days=plan.early_days),
                        early_gifts=plan.gifts, early_privileges=plan.privileges,
                        created_by=ctx.owner.staff_id,
                        created_at=datetime.combine(opens - timedelta(days=10), time(18)))
            s.add(ln)
            s.flush()
            rows = _Rows()
            _simulate_with_ids(ctx, plan, ln.id, terms, store, rows, next_payment_id)
            if rows.payments:
                for r in rows.payments:
                    r.pop("_id", None)
                s.execute(insert(LaunchPayment), rows.payments)
                next_payment_id += len(rows.payments)
            if rows.deposits:
                s.execute(insert(LaunchDeposit), rows.deposits)
            if rows.waitlist:
                s.execute(insert(LaunchWaitlist), rows.waitlist)
            progress("launches", n + 1, len(PLANS))


def _simulate_with_ids(ctx: DemoContext, plan: Plan, launch_id: int, terms: dl.LaunchTerms,
                       store: int, rows: _Rows, first_id: int) -> None:
    """Payments get explicit ids so a refund can name the fee it refunds in the same bulk
    insert."""

    class _Ids(list):
        def append(self, row: dict) -> None:  # type: ignore[override]
            row["_id"] = row["id"] = first_id + len(self)
            super().append(row)

    rows.payments = _Ids()
    _simulate(ctx, plan, launch_id, terms, store, rows)
