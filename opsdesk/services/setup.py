"""First run: create the store, its default departments and the owner account."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from opsdesk.db.engine import Database
from opsdesk.db.models import Department, Staff, Store
from opsdesk.domain.credentials import check_secret_policy, hash_secret
from opsdesk.domain.errors import Collector, Conflict, OpsError
from opsdesk.domain.roles import Role
from opsdesk.domain.store import DEFAULT_DEPARTMENTS, check_country, check_currency
from opsdesk.domain.text import clean_login, clean_name
from opsdesk.services import audit


@dataclass(frozen=True)
class NewStore:
    store_name: str
    currency: str
    country: str
    owner_name: str
    owner_login: str
    owner_secret: str
    # Default department names in the owner's language; kinds keep their meaning if renamed.
    department_names: tuple[str, str, str] = tuple(n for _, n in DEFAULT_DEPARTMENTS)  # type: ignore[assignment]


@dataclass(frozen=True)
class StoreInfo:
    id: int
    name: str
    currency: str
    country: str


def has_store(db: Database) -> bool:
    with db.read() as s:
        return bool(s.scalar(select(func.count()).select_from(Store)))


def list_stores(db: Database) -> list[StoreInfo]:
    with db.read() as s:
        return [StoreInfo(r.id, r.name, r.currency, r.country)
                for r in s.scalars(select(Store).order_by(Store.id))]


def get_store(db: Database, store_id: int) -> StoreInfo:
    with db.read() as s:
        r = s.get(Store, store_id)
        if r is None:
            raise OpsError("store.missing", id=store_id)
        return StoreInfo(r.id, r.name, r.currency, r.country)


def validate(new: NewStore) -> dict[str, str]:
    c = Collector()
    v = {
        "store_name": c.take("store_name", clean_name, new.store_name, field="store_name", max_len=100),
        "currency": c.take("currency", check_currency, new.currency),
        "country": c.take("country", check_country, new.country),
        "owner_name": c.take("owner_name", clean_name, new.owner_name, field="owner_name"),
        "owner_login": c.take("owner_login", clean_login, new.owner_login, field="owner_login"),
        "owner_secret": c.take("owner_secret", check_secret_policy, new.owner_secret,
                               field="owner_secret"),
    }
    c.done()
    return v


def create_store(db: Database, new: NewStore, *, first_run: bool = True) -> StoreInfo:
    """Create a store and its owner. At first run this is refused once any store exists."""
    v = validate(new)
    secret_hash = hash_secret(v["owner_secret"])
    with db.write() as s:
        if first_run and s.scalar(select(func.count()).select_from(Store)):
            raise Conflict("store.already_set_up")
        store = Store(name=v["store_name"], currency=v["currency"], country=v["country"])
        s.add(store)
        s.flush()
        for i, (kind, _default) in enumerate(DEFAULT_DEPARTMENTS):
            name = clean_name(new.department_names[i], field="department", max_len=60)
            s.add(Department(store_id=store.id, name=name, kind=kind, sort=i))
        owner = Staff(store_id=store.id, name=v["owner_name"], login=v["owner_login"],
                      role=Role.OWNER.value, secret_hash=secret_hash, position="")
        s.add(owner)
        s.flush()
        audit.record(s, store_id=store.id, actor_id=owner.id, action="store.create",
                     target=f"store:{store.id}", detail={"name": store.name})
        audit.record(s, store_id=store.id, actor_id=owner.id, action="staff.role_set",
                     target=f"staff:{owner.id}", detail={"role": Role.OWNER.value})
        return StoreInfo(store.id, store.name, store.currency, store.country)
