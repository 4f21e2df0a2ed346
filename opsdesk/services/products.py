"""The product matrix: products, services and sellable memberships, each with its funnel role.

API for screens:

* ``list_products(db, actor, *, include_inactive=False) -> list[ProductRow]`` - by role
  (traffic, hit, profit, brand), then name.
* ``create_product(db, actor, data: ProductInput) -> ProductRow`` and
  ``update_product(db, actor, product_id, data) -> ProductRow`` - owner and manager
  (``products.manage``); a product is never deleted, set ``active=False`` to stop selling it.

A ``membership`` product must name an active tier (``tier_id``); selling it gives the buyer that
tier from the day of the sale. Its price is usually the tier's price, but the owner may sell a
launch offer for less, so the two are kept apart.

Error codes: ``text.*`` (``name``, ``notes``); ``money.*`` (``price``, ``cost``);
``product.role_invalid``, ``product.kind_invalid``; ``product.tier_required`` (``tier_id``, a
membership without a tier), ``product.tier_not_allowed`` (``tier_id`` on a non-membership),
``product.unknown_tier`` (``tier_id``); ``product.name_taken`` (Conflict, ``name``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from opsdesk.db.engine import Database
from opsdesk.db.models import Product, Tier
from opsdesk.domain.errors import Collector, Conflict, NotFound, ValidationError
from opsdesk.domain.members import (
    ProductKind,
    ProductRole,
    check_product_kind,
    check_product_role,
)
from opsdesk.domain.money import check_amount
from opsdesk.domain.roles import Permission
from opsdesk.domain.text import clean_name, clean_text
from opsdesk.services import audit
from opsdesk.services.context import Actor

ROLE_ORDER = {r.value: i for i, r in enumerate(ProductRole)}


@dataclass(frozen=True)
class ProductInput:
    name: str
    kind: ProductKind | str
    role: ProductRole | str
    price: int
    cost: int = 0
    tier_id: int | None = None
    active: bool = True
    notes: str = ""


@dataclass(frozen=True)
class ProductRow:
    id: int
    name: str
    kind: ProductKind
    role: ProductRole
    price: int
    cost: int
    tier_id: int | None
    active: bool
    notes: str


def _row(p: Product) -> ProductRow:
    return ProductRow(p.id, p.name, ProductKind(p.kind), ProductRole(p.role), p.price, p.cost,
                      p.tier_id, p.active, p.notes)


def list_products(db: Database, actor: Actor, *, include_inactive: bool = False) -> list[ProductRow]:
    audit.require(db, actor, Permission.MEMBERS_VIEW, "product.list")
    q = select(Product).where(Product.store_id == actor.store_id)
    if not include_inactive:
        q = q.where(Product.active.is_(True))
    with db.read() as s:
        rows = [_row(p) for p in s.scalars(q)]
    return sorted(rows, key=lambda r: (ROLE_ORDER[r.role.value], r.name, r.id))


def _validate(s: Session, actor: Actor, data: ProductInput, product_id: int | None) -> dict:
    c = Collector()
    v = {
        "name": c.take("name", clean_name, data.name, field="name", max_len=60),
        "kind": c.take("kind", check_product_kind, data.kind),
        "role": c.take("role", check_product_role, data.role),
        "price": c.take("price", check_amount, data.price, field="price"),
        "cost": c.take("cost", check_amount, data.cost, field="cost"),
        "notes": c.take("notes", clean_text, data.notes, field="notes", max_len=2000,
                        multiline=True),
    }
    if v["kind"] is ProductKind.MEMBERSHIP:
        if data.tier_id is None:
            c.errors["tier_id"] = ValidationError("product.tier_required", field="tier_id")
        elif not s.scalar(select(Tier.id).where(Tier.id == data.tier_id, Tier.active.is_(True),
                                                Tier.store_id == actor.store_id)):
            c.errors["tier_id"] = ValidationError("product.unknown_tier", field="tier_id")
    elif data.tier_id is not None and v["kind"] is not None:
        c.errors["tier_id"] = ValidationError("product.tier_not_allowed", field="tier_id")
    if v["name"]:
        clash = select(Product.id).where(Product.store_id == actor.store_id,
                                         Product.name == v["name"])
        if product_id is not None:
            clash = clash.where(Product.id != product_id)
        if s.scalar(clash):
            c.errors["name"] = Conflict("product.name_taken", field="name")
    c.done()
    return v


def create_product(db: Database, actor: Actor, data: ProductInput) -> ProductRow:
    audit.require(db, actor, Permission.PRODUCTS_MANAGE, "product.create")
    with db.write() as s:
        v = _validate(s, actor, data, None)
        p = Product(store_id=actor.store_id, name=v["name"], kind=v["kind"].value,
                    role=v["role"].value, price=v["price"], cost=v["cost"], tier_id=data.tier_id,
                    active=data.active, notes=v["notes"])
        s.add(p)
        s.flush()
        audit.record_as(s, actor, "product.create", f"product:{p.id}",
                        {"name": p.name, "price": p.price, "role": p.role, "kind": p.kind})
        return _row(p)


def update_product(db: Database, actor: Actor, product_id: int, data: ProductInput) -> ProductRow:
    audit.require(db, actor, Permission.PRODUCTS_MANAGE, "product.update", f"product:{product_id}")
    with db.write() as s:
        p = s.get(Product, product_id)
        if p is None or p.store_id != actor.store_id:
            raise NotFound("product", product_id)
        v = _validate(s, actor, data, product_id)
        changes = {}
        for key, value in (("name", v["name"]), ("kind", v["kind"].value),
                           ("role", v["role"].value), ("price", v["price"]), ("cost", v["cost"]),
                           ("tier_id", data.tier_id), ("active", data.active),
                           ("notes", v["notes"])):
            if getattr(p, key) != value:
                changes[key] = [getattr(p, key), value]
                setattr(p, key, value)
        if changes:
            audit.record_as(s, actor, "product.update", f"product:{p.id}", changes)
        return _row(p)
