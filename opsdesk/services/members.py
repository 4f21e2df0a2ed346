"""Customers and members: registration, editing, the profile, the list.

API for screens:

* ``find_duplicates(db, actor, phone) -> list[MemberRef]`` - the live warning while the phone is
  typed: the customers already holding that number (normalised with the store's country). An
  incomplete or invalid number simply finds nothing.
* ``register(db, actor, MemberInput) -> MemberRef`` - phone first: normalised by
  ``domain.phone.normalize_mobile`` for the store's country. A phone already registered is
  refused with ``member.duplicate_phone`` (Conflict, ``field="phone"``, params ``existing_id``,
  ``existing_name``). The card number is ``M`` + the zero-padded id. Every field error is raised
  at once (``validation.fields``); nothing is written on any error.
* ``update(db, actor, customer_id, MemberInput) -> MemberRef`` - the same checks; a tier is not
  changed here (it moves by sales, upgrades and lapses).
* ``get_profile(db, actor, customer_id, timeline_limit=100) -> MemberProfile`` - tier and
  expiry, balance (principal and bonus apart), lifetime spend, referrals, and one timeline
  (newest first) of purchases, refunds, top-ups and other stored-value entries, and tier changes.
* ``list_page(db, actor, filters, sort, after_key=None, limit=200, descending=False) -> Page`` -
  the member list, keyset-paged (see ``opsdesk.db.queries.member_list``).
* Looking up a referrer: ``member_search.search``.

Error codes: ``phone.*`` (``phone``); ``text.*`` (``name``, ``notes``); ``member.gender_invalid``,
``member.source_invalid``; ``member.unknown_referrer``, ``member.referrer_required`` (source
``member_referral`` without a referrer), ``member.own_referrer`` (``referrer_id``);
``member.unknown_staff`` (``staff_id``); ``member.unknown_tier`` (``tier_id``);
``member.birthday_invalid`` (``birthday``, in the future); ``member.duplicate_phone``;
``not_found``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import (
    Customer,
    Product,
    Sale,
    SaleLine,
    Staff,
    Store,
    StoredValueEntry,
    Visit,
)
from opsdesk.db.models import TierChange as TierChangeRow
from opsdesk.db.queries import member_list
from opsdesk.domain.errors import Collector, Conflict, NotFound, ValidationError
from opsdesk.domain.members import Gender, Source, Stage, check_gender, check_source
from opsdesk.domain.phone import last4, normalize_mobile
from opsdesk.domain.roles import Permission
from opsdesk.domain.search_keys import format_card_number, name_keys
from opsdesk.domain.stored_value import Balance
from opsdesk.domain.text import clean_name, clean_text
from opsdesk.domain.tiers import expiry
from opsdesk.services import audit, tiers
from opsdesk.services.context import Actor


@dataclass(frozen=True)
class MemberInput:
    phone: str
    name: str
    gender: Gender | str = Gender.UNKNOWN
    birthday: date | None = None
    tier_id: int | None = None  # register only
    source: Source | str = Source.WALK_IN
    referrer_id: int | None = None
    staff_id: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class MemberRef:
    id: int
    name: str
    phone: str
    card_no: str | None


@dataclass(frozen=True)
class TimelineItem:
    at: datetime
    kind: str  # purchase | refund | topup | bonus | spend | sv_refund | adjust | reversal | tier
    amount: int  # fen; signed as it changed the customer's money (a purchase is positive spend)
    text: str  # products bought, a reason, or "old → new" for a tier change
    ref: str  # "sale:12", "operation:abc", "tier_change:3"
    reason: str = ""  # a tier change's reason code (membership, upgrade_spend, lapse, …);
    # for a visit, its type (call, meeting, store_visit, wechat)


@dataclass(frozen=True)
class MemberProfile:
    id: int
    name: str
    phone: str
    card_no: str | None
    gender: Gender
    birthday: date | None
    source: Source
    referrer_id: int | None
    referrer_name: str
    staff_id: int | None
    staff_name: str
    notes: str
    stage: Stage
    tier_id: int | None
    tier: str
    tier_since: date | None
    tier_expires_on: date | None
    balance: Balance
    lifetime_spend: int
    last_purchase_at: datetime | None
    referrals: int
    created_at: datetime
    timeline: tuple[TimelineItem, ...]


def _country(s: Session, store_id: int) -> str:
    store = s.get(Store, store_id)
    if store is None:
        raise NotFound("store", store_id)
    return store.country


def find_duplicates(db: Database, actor: Actor, phone: str) -> list[MemberRef]:
    audit.require(db, actor, Permission.MEMBERS_VIEW, "member.search")
    with db.read() as s:
        try:
            stored = normalize_mobile(phone, _country(s, actor.store_id))
        except ValidationError:
            return []
        return [MemberRef(c.id, c.name, c.phone, c.card_no) for c in s.scalars(
            select(Customer).where(Customer.store_id == actor.store_id,
                                   Customer.phone == stored).order_by(Customer.id))]


def _validate(s: Session, actor: Actor, data: MemberInput, customer_id: int | None) -> dict[str, Any]:
    country = _country(s, actor.store_id)
    c = Collector()
    v = {
        "phone": c.take("phone", normalize_mobile, data.phone, country),
        "name": c.take("name", clean_name, data.name, field="name"),
        "gender": c.take("gender", check_gender, data.gender),
        "source": c.take("source", check_source, data.source),
        "notes": c.take("notes", clean_text, data.notes, field="notes", max_len=2000,
                        multiline=True),
    }
    if data.birthday is not None and (not isinstance(data.birthday, date)
                                      or data.birthday > clock.now().date()):
        c.errors["birthday"] = ValidationError("member.birthday_invalid", field="birthday")
    if data.referrer_id is not None:
        if data.referrer_id == customer_id:
            c.errors["referrer_id"] = ValidationError("member.own_referrer", field="referrer_id")
        elif not s.scalar(select(Customer.id).where(Customer.id == data.referrer_id,
                                                    Customer.store_id == actor.store_id)):
            c.errors["referrer_id"] = ValidationError("member.unknown_referrer",
                                                      field="referrer_id")
        elif customer_id is not None:
            # Editing an existing member: the new referrer may not be one they brought in,
            # directly or down the chain (the referral tree would close on itself).
            from opsdesk.domain.referrals import check_referral_link
            from opsdesk.services.referrals import referrer_chain

            try:
                check_referral_link(customer_id, data.referrer_id,
                                    referrer_chain(s, data.referrer_id))
            except ValidationError as e:
                c.errors["referrer_id"] = e
    elif v["source"] is Source.MEMBER_REFERRAL:
        c.errors["referrer_id"] = ValidationError("member.referrer_required", field="referrer_id")
    if data.staff_id is not None and not s.scalar(select(Staff.id).where(
            Staff.id == data.staff_id, Staff.store_id == actor.store_id)):
        c.errors["staff_id"] = ValidationError("member.unknown_staff", field="staff_id")
    if customer_id is None and data.tier_id is not None:
        ladder = tiers.load_ladder(s, actor.store_id)
        v["tier"] = ladder.tier(data.tier_id)
        v["ladder"] = ladder
        if v["tier"] is None:
            c.errors["tier_id"] = ValidationError("member.unknown_tier", field="tier_id")
    if v["phone"] and "phone" not in c.errors:
        clash = select(Customer).where(Customer.store_id == actor.store_id,
                                       Customer.phone == v["phone"])
        if customer_id is not None:
            clash = clash.where(Customer.id != customer_id)
        other = s.scalars(clash.order_by(Customer.id).limit(1)).first()
        if other is not None:
            c.errors["phone"] = Conflict("member.duplicate_phone", field="phone",
                                         existing_id=other.id, existing_name=other.name)
    if len(c.errors) == 1 and "phone" in c.errors and isinstance(c.errors["phone"], Conflict):
        # Alone, the duplicate is raised as itself so the screen can offer "open that member".
        raise c.errors["phone"]
    c.done()
    return v


def _apply(c: Customer, v: dict[str, Any], data: MemberInput) -> dict[str, list]:
    keys = name_keys(v["name"])
    changes: dict[str, list] = {}
    for key, value in (("phone", v["phone"]), ("name", v["name"]), ("gender", v["gender"].value),
                       ("birthday", data.birthday), ("source", v["source"].value),
                       ("referrer_id", data.referrer_id), ("staff_id", data.staff_id),
                       ("notes", v["notes"]), ("pinyin_full", keys.full[:200]),
                       ("pinyin_initials", keys.initials[:60]),
                       ("phone_last4", last4(v["phone"]))):
        if getattr(c, key, None) != value:
            changes[key] = [getattr(c, key, None), value]
            setattr(c, key, value)
    return changes


def _ref(c: Customer) -> MemberRef:
    return MemberRef(c.id, c.name, c.phone, c.card_no)


def register(db: Database, actor: Actor, data: MemberInput) -> MemberRef:
    audit.require(db, actor, Permission.MEMBERS_REGISTER, "member.register")
    with db.write() as s:
        v = _validate(s, actor, data, None)
        c = Customer(store_id=actor.store_id, stage=Stage.LEAD.value, lifetime_spend=0,
                     balance_principal=0, balance_bonus=0, balance_total=0)
        _apply(c, v, data)
        s.add(c)
        s.flush()
        c.card_no = format_card_number(c.id)
        if v.get("tier") is not None:
            at = clock.now()
            tiers.set_tier(s, actor, c, v["ladder"], v["tier"], reason="registration", at=at,
                           operation_id=None, expires_on=expiry(v["tier"], at.date()))
        s.flush()
        audit.record_as(s, actor, "member.register", f"customer:{c.id}",
                        {"name": c.name, "phone": c.phone, "tier_id": c.tier_id})
        return _ref(c)


def update(db: Database, actor: Actor, customer_id: int, data: MemberInput) -> MemberRef:
    audit.require(db, actor, Permission.MEMBERS_EDIT, "member.update", f"customer:{customer_id}")
    with db.write() as s:
        c = s.get(Customer, customer_id)
        if c is None or c.store_id != actor.store_id:
            raise NotFound("customer", customer_id)
        v = _validate(s, actor, data, customer_id)
        changes = _apply(c, v, data)
        if changes:
            audit.record_as(s, actor, "member.update", f"customer:{c.id}",
                            {k: val for k, val in changes.items() if not k.startswith(("pinyin",
                                                                                        "phone_l"))})
        return _ref(c)


def list_page(db: Database, actor: Actor, filters: member_list.Filters | None = None,
              sort: member_list.Sort = member_list.Sort.NAME, after_key=None,  # noqa: ANN001
              limit: int = 200, descending: bool = False) -> member_list.Page:
    audit.require(db, actor, Permission.MEMBERS_VIEW, "member.list")
    with db.read() as s:
        return member_list.page(s, actor.store_id, filters or member_list.Filters(), sort,
                                after_key, limit, descending)


def get_profile(db: Database, actor: Actor, customer_id: int,
                timeline_limit: int = 100) -> MemberProfile:
    audit.require(db, actor, Permission.MEMBERS_VIEW, "member.view", f"customer:{customer_id}")
    from opsdesk.services.stored_value import ledger_balance

    with db.read() as s:
        c = s.get(Customer, customer_id)
        if c is None or c.store_id != actor.store_id:
            raise NotFound("customer", customer_id)
        names = tiers.tier_names(s, actor.store_id)
        referrer = s.get(Customer, c.referrer_id) if c.referrer_id else None
        staff = s.get(Staff, c.staff_id) if c.staff_id else None
        referrals = s.scalar(select(func.count()).select_from(Customer).where(
            Customer.referrer_id == c.id))
        return MemberProfile(
            c.id, c.name, c.phone, c.card_no, Gender(c.gender), c.birthday, Source(c.source),
            c.referrer_id, referrer.name if referrer else "", c.staff_id,
            staff.name if staff else "", c.notes, Stage(c.stage), c.tier_id,
            names.get(c.tier_id, "") if c.tier_id else "", c.tier_since, c.tier_expires_on,
            ledger_balance(s, c.id), c.lifetime_spend, c.last_purchase_at, referrals,
            c.created_at, _timeline(s, c, names, timeline_limit))


def _timeline(s: Session, c: Customer, names: dict[int, str], limit: int) -> tuple[TimelineItem, ...]:
    items: list[tuple[datetime, int, TimelineItem]] = []
    sales = s.scalars(select(Sale).where(Sale.customer_id == c.id)
                      .order_by(Sale.id.desc()).limit(limit)).all()
    products: dict[int, list[str]] = {}
    if sales:
        for sale_id, name, qty in s.execute(
                select(SaleLine.sale_id, Product.name, SaleLine.quantity)
                .join(Product, Product.id == SaleLine.product_id)
                .where(SaleLine.sale_id.in_([x.id for x in sales])).order_by(SaleLine.id)):
            products.setdefault(sale_id, []).append(name if abs(qty) == 1 else f"{name} ×{abs(qty)}")
    for x in sales:
        kind = "purchase" if x.kind == "sale" else "refund"
        items.append((x.at, 0, TimelineItem(x.at, kind, x.total, "、".join(products.get(x.id, [])),
                                            f"sale:{x.id}")))
    for e in s.scalars(select(StoredValueEntry).where(StoredValueEntry.customer_id == c.id)
                       .order_by(StoredValueEntry.id.desc()).limit(limit)):
        kind = "sv_refund" if e.kind == "refund" else e.kind
        items.append((e.at, 1, TimelineItem(e.at, kind, e.principal + e.bonus, e.reason,
                                            f"operation:{e.operation_id}")))
    for t in s.scalars(select(TierChangeRow).where(TierChangeRow.customer_id == c.id)
                       .order_by(TierChangeRow.id.desc()).limit(limit)):
        text = f"{names.get(t.from_tier_id, '') if t.from_tier_id else ''} → " \
               f"{names.get(t.to_tier_id, '') if t.to_tier_id else ''}"
        items.append((t.at, 2, TimelineItem(t.at, "tier", 0, text, f"tier_change:{t.id}",
                                            t.reason)))
    staff_names = dict(s.execute(select(Staff.id, Staff.name).where(
        Staff.store_id == c.store_id)).all())
    for v in s.scalars(select(Visit).where(Visit.customer_id == c.id)
                       .order_by(Visit.at.desc(), Visit.id.desc()).limit(limit)):
        who = staff_names.get(v.staff_id, "")
        text = " · ".join(x for x in (who, v.outcome or v.note) if x)
        items.append((v.at, 3, TimelineItem(v.at, "visit", 0, text, f"visit:{v.id}", v.type)))
    items.sort(key=lambda x: (x[0], x[1]), reverse=True)
    return tuple(i for _, _, i in items[:limit])
