"""The sales pipeline (销售流程): stages with their goal, script (话术) and offers (主张), and each
customer's stage with its history.

The stages are the five lifecycle classes of ``domain.members.Stage`` (线索/目标/精准/成交/复购),
fixed because the funnel, the follow-up rules and sales all reason about them. What a shop
configures per stage is its display name (empty: the app's translated label), goal, script (rich
text, HTML as ``QTextEdit.toHtml`` gives it), order, and any number of offers.

API for screens (each call one transaction):

* ``list_stages(db, actor) -> list[StageRow]`` - every stage in display order with its active
  offers; defaults for a stage never edited. Anyone who may see members.
* ``save_stage(db, actor, code, StageInput) -> StageRow`` - owner or manager.
* ``list_offers(db, actor, stage=None, include_inactive=False) -> list[OfferRow]``.
* ``create_offer(db, actor, OfferInput) -> OfferRow``, ``update_offer(db, actor, offer_id,
  OfferInput) -> OfferRow``, ``delete_offer(db, actor, offer_id) -> None`` - owner or manager.
* ``set_stage(db, actor, customer_id, stage, reason="") -> StageChangeRow`` - moves a customer
  by hand. The facts are the customer's purchases not refunded: none means a prospect (lead,
  target or qualified), one a ``customer``, two or more ``repeat``. A stage that contradicts them
  is an *override*: it needs a reason and is recorded with ``override=True``. Sales keep moving
  the stage forward on purchase (``sales.sell``) and record it here with source ``purchase``.
* ``stage_history(db, actor, customer_id) -> list[StageChangeRow]`` - newest first.

Error codes: ``member.stage_invalid`` (``stage``); ``pipeline.stage_unchanged`` (``stage``: the
customer is already at that stage); ``pipeline.override_reason_required`` (``reason``, params
``stage``, ``expected``: the stage the purchases imply); ``offer.dates_reversed`` (``valid_to``);
``text.*`` (``name``, ``goal``, ``script``, ``price_text``, ``gifts``, ``privileges``,
``reason``); ``not_found`` (customer, offer).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import Customer, Offer, PipelineStage, Sale, Staff, StageChange
from opsdesk.domain.errors import Collector, NotFound, ValidationError
from opsdesk.domain.members import STAGE_ORDER, Stage, check_stage
from opsdesk.domain.roles import Permission
from opsdesk.domain.text import clean_name, clean_text
from opsdesk.services import audit
from opsdesk.services.context import Actor

SCRIPT_MAX = 100_000  # an HTML script with formatting runs long; a novel would not fit
TEXT_MAX = 2000
REASON_MAX = 200


@dataclass(frozen=True)
class StageInput:
    name: str = ""
    goal: str = ""
    script: str = ""
    sort: int | None = None  # None: keep the current (or default) position


@dataclass(frozen=True)
class OfferInput:
    stage: Stage | str
    name: str
    price_text: str = ""
    gifts: str = ""
    privileges: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    active: bool = True
    sort: int = 0


@dataclass(frozen=True)
class OfferRow:
    id: int
    stage: Stage
    name: str
    price_text: str
    gifts: str
    privileges: str
    valid_from: date | None
    valid_to: date | None
    active: bool
    sort: int


@dataclass(frozen=True)
class StageRow:
    code: Stage
    name: str  # '': show the app's label for ``code``
    goal: str
    script: str
    sort: int
    offers: tuple[OfferRow, ...]


@dataclass(frozen=True)
class StageChangeRow:
    id: int
    customer_id: int
    from_stage: Stage | None
    to_stage: Stage
    staff_id: int | None
    staff_name: str
    at: datetime
    source: str  # manual | visit | purchase
    reason: str
    override: bool


# ----------------------------------------------------------------------------- stages, offers


def _offer_row(o: Offer) -> OfferRow:
    return OfferRow(o.id, Stage(o.stage), o.name, o.price_text, o.gifts, o.privileges,
                    o.valid_from, o.valid_to, o.active, o.sort)


def _offers(s: Session, store_id: int, stage: Stage | None = None,
            include_inactive: bool = False) -> list[OfferRow]:
    q = select(Offer).where(Offer.store_id == store_id)
    if stage is not None:
        q = q.where(Offer.stage == stage.value)
    if not include_inactive:
        q = q.where(Offer.active.is_(True))
    return [_offer_row(o) for o in s.scalars(q.order_by(Offer.stage, Offer.sort, Offer.id))]


def _stages(s: Session, store_id: int) -> list[StageRow]:
    rows = {r.code: r for r in s.scalars(select(PipelineStage).where(
        PipelineStage.store_id == store_id))}
    offers = _offers(s, store_id)
    out = []
    for st in Stage:
        r = rows.get(st.value)
        mine = tuple(o for o in offers if o.stage is st)
        if r is None:
            out.append(StageRow(st, "", "", "", STAGE_ORDER[st], mine))
        else:
            out.append(StageRow(st, r.name, r.goal, r.script, r.sort, mine))
    return sorted(out, key=lambda x: (x.sort, STAGE_ORDER[x.code]))


def list_stages(db: Database, actor: Actor) -> list[StageRow]:
    audit.require(db, actor, Permission.MEMBERS_VIEW, "pipeline.view")
    with db.read() as s:
        return _stages(s, actor.store_id)


def save_stage(db: Database, actor: Actor, code: Stage | str, data: StageInput) -> StageRow:
    audit.require(db, actor, Permission.PIPELINE_MANAGE, "pipeline.stage_save", str(code))
    st = check_stage(code, "code")
    c = Collector()
    name = c.take("name", clean_name, data.name, field="name", max_len=40, required=False)
    goal = c.take("goal", clean_text, data.goal, field="goal", max_len=TEXT_MAX, multiline=True)
    script = c.take("script", clean_text, data.script, field="script", max_len=SCRIPT_MAX,
                    multiline=True)
    c.done()
    with db.write() as s:
        row = s.scalars(select(PipelineStage).where(PipelineStage.store_id == actor.store_id,
                                                    PipelineStage.code == st.value)).first()
        if row is None:
            row = PipelineStage(store_id=actor.store_id, code=st.value, sort=STAGE_ORDER[st])
            s.add(row)
        row.name, row.goal, row.script = name, goal, script
        if data.sort is not None:
            row.sort = int(data.sort)
        row.updated_at = clock.now()
        s.flush()
        audit.record_as(s, actor, "pipeline.stage_save", f"stage:{st.value}",
                        {"name": name, "sort": row.sort, "script_chars": len(script)})
        return next(r for r in _stages(s, actor.store_id) if r.code is st)


def _check_offer(data: OfferInput) -> dict:
    c = Collector()
    stage = c.take("stage", check_stage, data.stage)
    out = {
        "stage": stage,
        "name": c.take("name", clean_name, data.name, field="name", max_len=60),
        "price_text": c.take("price_text", clean_text, data.price_text, field="price_text",
                             max_len=TEXT_MAX, multiline=True),
        "gifts": c.take("gifts", clean_text, data.gifts, field="gifts", max_len=TEXT_MAX,
                        multiline=True),
        "privileges": c.take("privileges", clean_text, data.privileges, field="privileges",
                             max_len=TEXT_MAX, multiline=True),
    }
    if data.valid_from and data.valid_to and data.valid_to < data.valid_from:
        c.errors["valid_to"] = ValidationError("offer.dates_reversed", field="valid_to")
    c.done()
    return out


def list_offers(db: Database, actor: Actor, stage: Stage | str | None = None,
                include_inactive: bool = False) -> list[OfferRow]:
    audit.require(db, actor, Permission.MEMBERS_VIEW, "pipeline.view")
    st = check_stage(stage) if stage is not None else None
    with db.read() as s:
        return _offers(s, actor.store_id, st, include_inactive)


def _fill_offer(o: Offer, v: dict, data: OfferInput) -> None:
    o.stage = v["stage"].value
    o.name, o.price_text, o.gifts, o.privileges = (v["name"], v["price_text"], v["gifts"],
                                                   v["privileges"])
    o.valid_from, o.valid_to = data.valid_from, data.valid_to
    o.active, o.sort = bool(data.active), int(data.sort)


def create_offer(db: Database, actor: Actor, data: OfferInput) -> OfferRow:
    audit.require(db, actor, Permission.PIPELINE_MANAGE, "offer.create")
    v = _check_offer(data)
    with db.write() as s:
        o = Offer(store_id=actor.store_id)
        _fill_offer(o, v, data)
        s.add(o)
        s.flush()
        audit.record_as(s, actor, "offer.create", f"offer:{o.id}",
                        {"stage": o.stage, "name": o.name})
        return _offer_row(o)


def _own_offer(s: Session, actor: Actor, offer_id: int) -> Offer:
    o = s.get(Offer, offer_id)
    if o is None or o.store_id != actor.store_id:
        raise NotFound("offer", offer_id)
    return o


def update_offer(db: Database, actor: Actor, offer_id: int, data: OfferInput) -> OfferRow:
    audit.require(db, actor, Permission.PIPELINE_MANAGE, "offer.update", f"offer:{offer_id}")
    v = _check_offer(data)
    with db.write() as s:
        o = _own_offer(s, actor, offer_id)
        _fill_offer(o, v, data)
        s.flush()
        audit.record_as(s, actor, "offer.update", f"offer:{o.id}",
                        {"stage": o.stage, "name": o.name, "active": o.active})
        return _offer_row(o)


def delete_offer(db: Database, actor: Actor, offer_id: int) -> None:
    """Offers are configuration, referenced by nothing; a past offer can also just be made
    inactive to keep it for reference."""
    audit.require(db, actor, Permission.PIPELINE_MANAGE, "offer.delete", f"offer:{offer_id}")
    with db.write() as s:
        o = _own_offer(s, actor, offer_id)
        audit.record_as(s, actor, "offer.delete", f"offer:{o.id}", {"name": o.name})
        s.delete(o)


# ----------------------------------------------------------------------------- customer stage


def purchase_count(s: Session, customer_id: int) -> int:
    """The customer's sales that were not refunded."""
    refunded = select(Sale.refunds_id).where(Sale.refunds_id.is_not(None),
                                             Sale.customer_id == customer_id)
    return s.scalar(select(func.count()).select_from(Sale).where(
        Sale.customer_id == customer_id, Sale.kind == "sale", Sale.id.not_in(refunded))) or 0


def stage_from_facts(purchases: int) -> Stage | None:
    """The stage the purchases imply; ``None``: any prospect stage fits (no purchase)."""
    if purchases <= 0:
        return None
    return Stage.CUSTOMER if purchases == 1 else Stage.REPEAT


def is_override(stage: Stage, purchases: int) -> bool:
    expected = stage_from_facts(purchases)
    if expected is None:
        return STAGE_ORDER[stage] >= STAGE_ORDER[Stage.CUSTOMER]
    return stage is not expected


def record_change(s: Session, *, store_id: int, customer: Customer, to: Stage,
                  staff_id: int | None, source: str, reason: str = "",
                  override: bool = False, at: datetime | None = None) -> StageChange:
    """Move ``customer`` to ``to`` and append the history row, in the caller's transaction."""
    row = StageChange(store_id=store_id, customer_id=customer.id, from_stage=customer.stage,
                      to_stage=to.value, staff_id=staff_id, at=at or clock.now(), source=source,
                      reason=reason, override=override)
    customer.stage = to.value
    s.add(row)
    s.flush()
    return row


def check_move(s: Session, customer: Customer, stage: Stage, reason: str) -> bool:
    """Whether moving ``customer`` to ``stage`` is an override; raises when it is one without
    a reason. ``reason`` is already cleaned."""
    if Stage(customer.stage) is stage:
        raise ValidationError("pipeline.stage_unchanged", field="stage", stage=stage.value)
    n = purchase_count(s, customer.id)
    override = is_override(stage, n)
    if override and not reason:
        expected = stage_from_facts(n)
        raise ValidationError("pipeline.override_reason_required", field="reason",
                              stage=stage.value,
                              expected=expected.value if expected else "prospect")
    return override


def change_row(s: Session, r: StageChange) -> StageChangeRow:
    name = s.scalar(select(Staff.name).where(Staff.id == r.staff_id)) if r.staff_id else None
    return StageChangeRow(r.id, r.customer_id, Stage(r.from_stage) if r.from_stage else None,
                          Stage(r.to_stage), r.staff_id, name or "", r.at, r.source, r.reason,
                          r.override)


def set_stage(db: Database, actor: Actor, customer_id: int, stage: Stage | str,
              reason: str = "") -> StageChangeRow:
    audit.require(db, actor, Permission.STAGE_SET, "pipeline.set_stage", f"customer:{customer_id}")
    st = check_stage(stage)
    why = clean_text(reason, field="reason", max_len=REASON_MAX)
    with db.write() as s:
        c = s.get(Customer, customer_id)
        if c is None or c.store_id != actor.store_id:
            raise NotFound("customer", customer_id)
        override = check_move(s, c, st, why)
        row = record_change(s, store_id=actor.store_id, customer=c, to=st,
                            staff_id=actor.staff_id, source="manual", reason=why,
                            override=override)
        audit.record_as(s, actor, "pipeline.set_stage", f"customer:{c.id}",
                        {"from": row.from_stage, "to": st.value, "override": override,
                         "reason": why})
        return change_row(s, row)


def stage_history(db: Database, actor: Actor, customer_id: int) -> list[StageChangeRow]:
    audit.require(db, actor, Permission.MEMBERS_VIEW, "pipeline.history",
                  f"customer:{customer_id}")
    with db.read() as s:
        c = s.get(Customer, customer_id)
        if c is None or c.store_id != actor.store_id:
            raise NotFound("customer", customer_id)
        rows = s.scalars(select(StageChange).where(StageChange.customer_id == customer_id)
                         .order_by(StageChange.at.desc(), StageChange.id.desc())).all()
        names = dict(s.execute(select(Staff.id, Staff.name).where(
            Staff.store_id == actor.store_id)).all())
        return [StageChangeRow(r.id, r.customer_id,
                               Stage(r.from_stage) if r.from_stage else None, Stage(r.to_stage),
                               r.staff_id, names.get(r.staff_id, ""), r.at, r.source, r.reason,
                               r.override) for r in rows]
