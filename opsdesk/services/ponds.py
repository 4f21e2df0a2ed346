"""Partner ponds (鱼塘): partners, contracts, the import of their customers, monthly settlement
(preview, then lock: a locked month is written once and never changed) and conversion.

The formulas are ``domain.ponds``; this module gathers the customers and their spend and stores
the locked result.

API for screens (each call one transaction):

* ``list_ponds(db, actor) -> list[PondRow]``; ``save_pond(db, actor, PondInput) -> PondRow``.
* ``add_contract(db, actor, pond_id, PondTerms) -> ContractRow`` - contracts of one pond may not
  overlap (``pond.contract_overlap``); ``contracts(db, actor, pond_id)``.
* ``import_customers(db, actor, pond_id, rows, on_duplicate, progress, should_cancel)`` - the
  members importer, every new customer tagged with the pond (source ``pond``).
* ``preview(db, actor, pond_id, year, month) -> SettlementView`` - what the month owes now.
* ``lock(db, actor, pond_id, year, month, operation_id) -> SettlementView`` - owner
  (``ponds.settle``); the month must have ended and not be locked yet.
* ``settlements(db, actor, pond_id)``; ``get_settlement(db, actor, settlement_id)``.
* ``conversion(db, actor, pond_id) -> Conversion``.

Error codes: those of ``domain.ponds``; ``pond.name_taken`` (Conflict, ``name``);
``pond.contract_overlap`` (``valid_from``); ``pond.no_contract`` (``month``: no contract touches
the month); ``operation.*``; ``text.*``; ``not_found``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from fractions import Fraction

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import Customer, Sale, Store
from opsdesk.db.models.promotion import Pond, PondContract, PondSettlement, PondSettlementLine
from opsdesk.domain.errors import Collector, Conflict, NotFound, ValidationError
from opsdesk.domain.operations import check_operation_id
from opsdesk.domain.ponds import (
    Conversion,
    Period,
    PondCustomer,
    PondTerms,
    Spend,
    check_settleable,
    covered_days,
    pond_conversion,
    settle_month,
    settlement_period,
    validate_terms,
)
from opsdesk.domain.roles import Permission
from opsdesk.domain.text import clean_name, clean_text
from opsdesk.services import audit
from opsdesk.services.context import Actor


@dataclass(frozen=True)
class PondInput:
    id: int | None
    name: str
    owner: str = ""
    phone: str = ""
    notes: str = ""
    active: bool = True


@dataclass(frozen=True)
class PondRow:
    id: int
    name: str
    owner: str
    phone: str
    notes: str
    active: bool
    customers: int
    paying: int
    contract: PondTerms | None  # the one valid today, or the latest


@dataclass(frozen=True)
class ContractRow:
    id: int
    pond_id: int
    terms: PondTerms


def _terms(c: PondContract) -> PondTerms:
    return PondTerms(c.valid_from, c.valid_to, c.fee_per_customer, Fraction(c.share_rate),
                     c.share_months, c.monthly_minimum)


def _pond(s: Session, actor: Actor, pond_id: int) -> Pond:
    p = s.get(Pond, pond_id)
    if p is None or p.store_id != actor.store_id:
        raise NotFound("pond", pond_id)
    return p


def _paying(s: Session, pond_id: int):  # noqa: ANN202
    return select(func.count(func.distinct(Sale.customer_id))).join(
        Customer, Customer.id == Sale.customer_id).where(
        Customer.pond_id == pond_id, Sale.kind == "sale", Sale.total > 0)


def _row(s: Session, p: Pond) -> PondRow:
    today = clock.now().date()
    cs = [_terms(c) for c in s.scalars(select(PondContract).where(
        PondContract.pond_id == p.id).order_by(PondContract.valid_from))]
    current = next((t for t in cs if t.valid_on(today)), cs[-1] if cs else None)
    n = s.scalar(select(func.count()).select_from(Customer).where(Customer.pond_id == p.id))
    return PondRow(p.id, p.name, p.owner, p.phone, p.notes, p.active, int(n or 0),
                   int(s.scalar(_paying(s, p.id)) or 0), current)


def list_ponds(db: Database, actor: Actor) -> list[PondRow]:
    audit.require(db, actor, Permission.PONDS_MANAGE, "pond.list")
    with db.read() as s:
        return [_row(s, p) for p in s.scalars(select(Pond).where(
            Pond.store_id == actor.store_id).order_by(Pond.id))]


def save_pond(db: Database, actor: Actor, data: PondInput) -> PondRow:
    audit.require(db, actor, Permission.PONDS_MANAGE, "pond.save")
    c = Collector()
    name = c.take("name", clean_name, data.name, field="name", max_len=60)
    owner = c.take("owner", clean_text, data.owner, field="owner", max_len=60)
    phone = c.take("phone", clean_text, data.phone, field="phone", max_len=20)
    notes = c.take("notes", clean_text, data.notes, field="notes", max_len=2000, multiline=True)
    c.done()
    with db.write() as s:
        clash = select(Pond.id).where(Pond.store_id == actor.store_id, Pond.name == name)
        if data.id is not None:
            clash = clash.where(Pond.id != data.id)
        if s.scalar(clash):
            raise Conflict("pond.name_taken", field="name", name=name)
        p = _pond(s, actor, data.id) if data.id is not None else Pond(store_id=actor.store_id)
        if data.id is None:
            s.add(p)
        p.name, p.owner, p.phone, p.notes, p.active = name, owner, phone, notes, data.active
        s.flush()
        audit.record_as(s, actor, "pond.save", f"pond:{p.id}", {
            "name": name, "owner": owner, "phone": phone, "active": data.active})
        return _row(s, p)


def contracts(db: Database, actor: Actor, pond_id: int) -> list[ContractRow]:
    audit.require(db, actor, Permission.PONDS_MANAGE, "pond.view", f"pond:{pond_id}")
    with db.read() as s:
        _pond(s, actor, pond_id)
        return [ContractRow(c.id, c.pond_id, _terms(c)) for c in s.scalars(
            select(PondContract).where(PondContract.pond_id == pond_id)
            .order_by(PondContract.valid_from))]


def _overlaps(a: PondTerms, b: PondTerms) -> bool:
    far = date.max
    return a.valid_from <= (b.valid_to or far) and b.valid_from <= (a.valid_to or far)


def add_contract(db: Database, actor: Actor, pond_id: int, terms: PondTerms) -> ContractRow:
    audit.require(db, actor, Permission.PONDS_MANAGE, "pond.contract", f"pond:{pond_id}")
    rate = validate_terms(terms)
    with db.write() as s:
        _pond(s, actor, pond_id)
        for other in s.scalars(select(PondContract).where(PondContract.pond_id == pond_id)):
            if _overlaps(_terms(other), terms):
                raise ValidationError("pond.contract_overlap", field="valid_from",
                                      start=other.valid_from.isoformat(),
                                      end=other.valid_to.isoformat() if other.valid_to else "")
        text = str(rate.numerator) if rate.denominator == 1 else \
            f"{rate.numerator}/{rate.denominator}"
        c = PondContract(store_id=actor.store_id, pond_id=pond_id, valid_from=terms.valid_from,
                         valid_to=terms.valid_to, fee_per_customer=terms.fee_per_customer,
                         share_rate=text, share_months=terms.share_months,
                         monthly_minimum=terms.monthly_minimum)
        s.add(c)
        s.flush()
        audit.record_as(s, actor, "pond.contract", f"pond:{pond_id}", {
            "contract_id": c.id, "valid_from": terms.valid_from, "valid_to": terms.valid_to,
            "fee_per_customer": terms.fee_per_customer, "share_rate": text,
            "share_months": terms.share_months, "monthly_minimum": terms.monthly_minimum})
        return ContractRow(c.id, pond_id, _terms(c))


def import_customers(db: Database, actor: Actor, pond_id: int, rows: Iterable, on_duplicate,  # noqa: ANN001
                     progress: Callable[[int], None] | None = None,
                     should_cancel: Callable[[], bool] | None = None):  # noqa: ANN201
    """The members importer with every new customer tagged with the pond; a phone already
    registered stays the shop's own customer (skipped or merged, never re-tagged)."""
    from opsdesk.services import member_import

    audit.require(db, actor, Permission.PONDS_MANAGE, "pond.import", f"pond:{pond_id}")
    with db.read() as s:
        _pond(s, actor, pond_id)
    return member_import.import_members(db, actor, rows, on_duplicate, progress, should_cancel,
                                        pond_id=pond_id)


# ----------------------------------------------------------------------------- settlement


@dataclass(frozen=True)
class LineView:
    customer_id: int
    name: str
    phone: str
    registered_on: date
    new: bool
    fee: int
    share_base: int
    share: int


@dataclass(frozen=True)
class SettlementView:
    id: int | None  # None: a preview, not locked
    pond_id: int
    pond_name: str
    pond_owner: str
    store_name: str
    year: int
    month: int
    covered_days: int
    new_customers: int
    fee_total: int
    share_base: int
    share_rate: Fraction
    share: int
    minimum: int
    minimum_topup: int
    owed: int
    lines: tuple[LineView, ...]
    locked_at: datetime | None
    terms: tuple[PondTerms, ...]
    replayed: bool = False


def _compute(s: Session, pond: Pond, period: Period):  # noqa: ANN202
    """The month's settlement per contract touching it, summed (a contract renewed mid-month
    settles each part by its own terms)."""
    results = []
    lo = datetime.combine(period.first, datetime.min.time())
    hi = datetime.combine(period.last + timedelta(days=1), datetime.min.time())
    for c in s.scalars(select(PondContract).where(PondContract.pond_id == pond.id)
                       .order_by(PondContract.valid_from)):
        terms = _terms(c)
        if not covered_days(terms, period):
            continue
        cust_lo = datetime.combine(terms.valid_from, datetime.min.time())
        q = select(Customer.id, Customer.created_at).where(
            Customer.pond_id == pond.id, Customer.created_at >= cust_lo, Customer.created_at < hi)
        if terms.valid_to is not None:
            q = q.where(Customer.created_at < datetime.combine(
                terms.valid_to + timedelta(days=1), datetime.min.time()))
        customers = [PondCustomer(cid, at.date()) for cid, at in s.execute(q)]
        ids = {pc.customer_id for pc in customers}
        spend = [Spend(cid, at.date(), total) for cid, at, total in s.execute(
            select(Sale.customer_id, Sale.at, Sale.total).join(
                Customer, Customer.id == Sale.customer_id).where(
                Customer.pond_id == pond.id, Sale.at >= lo, Sale.at < hi))
            if cid in ids]
        results.append((c, terms, settle_month(terms, period, customers, spend)))
    return results


def _view(s: Session, actor: Actor, pond: Pond, period: Period, results, row=None,  # noqa: ANN001
          replayed: bool = False) -> SettlementView:
    store = s.get(Store, actor.store_id)
    lines: list = []
    if row is not None:
        src = [(ln.customer_id, ln.registered_on, ln.new, ln.fee, ln.share_base, ln.share)
               for ln in s.scalars(select(PondSettlementLine).where(
                   PondSettlementLine.settlement_id == row.id).order_by(PondSettlementLine.id))]
    else:
        src = [(ln.customer_id, ln.registered_on, ln.new, ln.fee, ln.share_base, ln.share)
               for _c, _t, r in results for ln in r.lines]
    ids = [x[0] for x in src]
    info: dict[int, tuple[str, str]] = {}
    for i in range(0, len(ids), 500):
        for cid, name, phone in s.execute(select(Customer.id, Customer.name, Customer.phone)
                                          .where(Customer.id.in_(ids[i:i + 500]))):
            info[cid] = (name, phone)
    lines = [LineView(cid, *info.get(cid, ("", "")), reg, new, fee, base, share)
             for cid, reg, new, fee, base, share in src]
    terms = tuple(t for _c, t, _r in results)
    if row is not None:
        return SettlementView(row.id, pond.id, pond.name, pond.owner, store.name if store else "",
                              row.year, row.month, row.covered_days, row.new_customers,
                              row.fee_total, row.share_base,
                              terms[0].share_rate if len(terms) == 1 else Fraction(0),
                              row.share, row.minimum, row.minimum_topup, row.owed,
                              tuple(lines), row.locked_at, terms, replayed)
    tot = [r for _c, _t, r in results]
    rate = tot[0].share_rate if len(tot) == 1 else Fraction(0)
    return SettlementView(None, pond.id, pond.name, pond.owner, store.name if store else "",
                          period.year, period.month, sum(r.covered_days for r in tot),
                          sum(r.new_customers for r in tot), sum(r.fee_total for r in tot),
                          sum(r.share_base for r in tot), rate, sum(r.share for r in tot),
                          sum(r.minimum for r in tot), sum(r.minimum_topup for r in tot),
                          sum(r.owed for r in tot), tuple(lines), None, terms)


def _locked(s: Session, pond_id: int) -> set[Period]:
    return {Period(y, m) for y, m in s.execute(select(PondSettlement.year, PondSettlement.month)
                                              .where(PondSettlement.pond_id == pond_id))}


def preview(db: Database, actor: Actor, pond_id: int, year: int, month: int) -> SettlementView:
    audit.require(db, actor, Permission.PONDS_MANAGE, "pond.view", f"pond:{pond_id}")
    period = settlement_period(year, month)
    with db.read() as s:
        pond = _pond(s, actor, pond_id)
        row = s.scalars(select(PondSettlement).where(
            PondSettlement.pond_id == pond_id, PondSettlement.year == year,
            PondSettlement.month == month)).first()
        results = _compute(s, pond, period)
        return _view(s, actor, pond, period, results, row)


def lock(db: Database, actor: Actor, pond_id: int, year: int, month: int,
         operation_id: str) -> SettlementView:
    audit.require(db, actor, Permission.PONDS_SETTLE, "pond.settle", f"pond:{pond_id}")
    op = check_operation_id(operation_id)
    period = settlement_period(year, month)
    with db.write() as s:
        pond = _pond(s, actor, pond_id)
        done = s.scalars(select(PondSettlement).where(
            PondSettlement.store_id == actor.store_id, PondSettlement.operation_id == op)).first()
        if done is not None:
            if (done.pond_id, done.year, done.month) != (pond_id, year, month):
                raise Conflict("operation.reused", field="operation_id", operation_id=op)
            return _view(s, actor, pond, period, _compute(s, pond, period), done, replayed=True)
        check_settleable(period, clock.now().date(), _locked(s, pond_id))
        results = _compute(s, pond, period)
        if not results:
            raise ValidationError("pond.no_contract", field="month", year=year, month=month)
        tot = [r for _c, _t, r in results]
        row = PondSettlement(
            store_id=actor.store_id, pond_id=pond_id, year=year, month=month,
            covered_days=sum(r.covered_days for r in tot),
            new_customers=sum(r.new_customers for r in tot),
            fee_total=sum(r.fee_total for r in tot), share_base=sum(r.share_base for r in tot),
            share=sum(r.share for r in tot), minimum=sum(r.minimum for r in tot),
            minimum_topup=sum(r.minimum_topup for r in tot), owed=sum(r.owed for r in tot),
            operation_id=op, staff_id=actor.staff_id, locked_at=clock.now())
        s.add(row)
        s.flush()
        s.add_all(PondSettlementLine(store_id=actor.store_id, settlement_id=row.id,
                                     contract_id=c.id, customer_id=ln.customer_id,
                                     registered_on=ln.registered_on, new=ln.new, fee=ln.fee,
                                     share_base=ln.share_base, share=ln.share)
                  for c, _t, r in results for ln in r.lines)
        s.flush()
        audit.record_as(s, actor, "pond.settle", f"pond:{pond_id}", {
            "operation_id": op, "year": year, "month": month, "owed": row.owed,
            "settlement_id": row.id})
        return _view(s, actor, pond, period, results, row)


@dataclass(frozen=True)
class SettlementRow:
    id: int
    year: int
    month: int
    new_customers: int
    fee_total: int
    share: int
    minimum_topup: int
    owed: int
    locked_at: datetime


def settlements(db: Database, actor: Actor, pond_id: int) -> list[SettlementRow]:
    audit.require(db, actor, Permission.PONDS_MANAGE, "pond.view", f"pond:{pond_id}")
    with db.read() as s:
        _pond(s, actor, pond_id)
        return [SettlementRow(r.id, r.year, r.month, r.new_customers, r.fee_total, r.share,
                              r.minimum_topup, r.owed, r.locked_at)
                for r in s.scalars(select(PondSettlement).where(
                    PondSettlement.pond_id == pond_id)
                    .order_by(PondSettlement.year.desc(), PondSettlement.month.desc()))]


def conversion(db: Database, actor: Actor, pond_id: int) -> Conversion:
    audit.require(db, actor, Permission.PONDS_MANAGE, "pond.view", f"pond:{pond_id}")
    with db.read() as s:
        _pond(s, actor, pond_id)
        customers = [PondCustomer(cid, at.date()) for cid, at in s.execute(
            select(Customer.id, Customer.created_at).where(Customer.pond_id == pond_id))]
        paying = set(s.scalars(select(Sale.customer_id).join(
            Customer, Customer.id == Sale.customer_id).where(
            Customer.pond_id == pond_id, Sale.kind == "sale", Sale.total > 0).distinct()))
    return pond_conversion(customers, paying)


# ----------------------------------------------------------------------------- checks


def check_settlements(s: Session) -> list[str]:
    """``opsdesk check``: a locked settlement's lines add up to its fee and share, and its owed
    figure is fee + share + minimum top-up (the table also enforces the last)."""
    problems: list[str] = []
    sums = {sid: (fee, share) for sid, fee, share in s.execute(
        select(PondSettlementLine.settlement_id, func.sum(PondSettlementLine.fee),
               func.sum(PondSettlementLine.share))
        .group_by(PondSettlementLine.settlement_id))}
    for r in s.scalars(select(PondSettlement).order_by(PondSettlement.id)):
        fee, share = sums.get(r.id, (0, 0))
        if int(fee or 0) != r.fee_total or int(share or 0) != r.share:
            problems.append(f"pond settlement {r.id}: lines ({fee}, {share}) do not add up to "
                            f"fee {r.fee_total} and share {r.share}")
        if r.owed != r.fee_total + r.share + r.minimum_topup or r.owed < r.minimum:
            problems.append(f"pond settlement {r.id}: owed {r.owed} is not fee + share + "
                            "minimum top-up, or below the minimum")
    return problems
