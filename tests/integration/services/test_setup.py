from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select

from opsdesk.db.engine import Database
from opsdesk.db.models import AuditEntry, Department, Staff, Store
from opsdesk.domain.credentials import verify_secret
from opsdesk.domain.errors import Conflict, FieldErrors, OpsError
from opsdesk.services import setup


def count(db: Database, model) -> int:  # noqa: ANN001
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_first_run_creates_store_departments_owner_and_audit(db: Database,
                                                              new_store: setup.NewStore) -> None:
    assert not setup.has_store(db)
    info = setup.create_store(db, dataclasses.replace(new_store, owner_login=" Boss "))
    assert info == setup.StoreInfo(info.id, "悦容美学馆", "CNY", "CN")
    assert setup.has_store(db)
    assert setup.list_stores(db) == [info]
    assert setup.get_store(db, info.id) == info
    with db.read() as s:
        depts = s.execute(select(Department.kind, Department.name, Department.sort)
                          .order_by(Department.sort)).all()
        owner = s.scalars(select(Staff)).one()
        owner_row = (owner.id, owner.login, owner.role, owner.name, owner.active,
                     owner.secret_hash)
        audit = s.execute(select(AuditEntry.action, AuditEntry.outcome, AuditEntry.actor_id)
                          .order_by(AuditEntry.id)).all()
    assert depts == [("target_assurance", "指标保障部", 0), ("plan_tracking", "计划追踪部", 1),
                     ("logistics", "后勤保障部", 2)]
    owner_id, *fields, secret_hash = owner_row
    assert fields == ["boss", "owner", "王丽", True]
    assert secret_hash.startswith("scrypt$") and verify_secret("2468", secret_hash)
    assert audit == [("store.create", "ok", owner_id), ("staff.role_set", "ok", owner_id)]


def test_department_names_in_the_owners_language(db: Database, new_store: setup.NewStore) -> None:
    setup.create_store(db, dataclasses.replace(
        new_store, department_names=("Sales", "Planning", "Back office")))
    with db.read() as s:
        assert s.scalars(select(Department.name).order_by(Department.sort)).all() == [
            "Sales", "Planning", "Back office"]


def test_every_bad_field_is_reported_at_once_and_nothing_written(db: Database) -> None:
    bad = setup.NewStore(store_name="Shop 😀", currency="XXX", country="XX", owner_name="  ",
                         owner_login="a", owner_secret="12")
    with pytest.raises(FieldErrors) as e:
        setup.create_store(db, bad)
    codes = {k: v.code for k, v in e.value.errors.items()}
    assert codes == {
        "store_name": "text.emoji",
        "currency": "store.unknown_currency",
        "country": "store.unknown_country",
        "owner_name": "text.required",
        "owner_login": "login.too_short",
        "owner_secret": "secret.pin_length",
    }
    assert all(err.field == k for k, err in e.value.errors.items())
    for model in (Store, Staff, Department, AuditEntry):
        assert count(db, model) == 0


def test_second_first_run_is_refused(db: Database, new_store: setup.NewStore) -> None:
    setup.create_store(db, new_store)
    with pytest.raises(Conflict) as e:
        setup.create_store(db, dataclasses.replace(new_store, store_name="Another"))
    assert e.value.code == "store.already_set_up"
    assert count(db, Store) == 1 and count(db, Staff) == 1


def test_a_chain_may_add_a_second_store(db: Database, new_store: setup.NewStore) -> None:
    first = setup.create_store(db, new_store)
    second = setup.create_store(db, dataclasses.replace(new_store, store_name="分店"),
                                first_run=False)
    assert second.id != first.id
    assert count(db, Department) == 6
    with db.read() as s:  # the same login may exist once per store
        assert s.scalars(select(Staff.store_id).where(Staff.login == "boss")
                         .order_by(Staff.store_id)).all() == [first.id, second.id]


def test_missing_store(db: Database) -> None:
    with pytest.raises(OpsError) as e:
        setup.get_store(db, 42)
    assert e.value.code == "store.missing"
