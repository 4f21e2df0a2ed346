from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from opsdesk.db.engine import Database
from opsdesk.db.opening import open_database
from opsdesk.domain.demo import DEMO_OWNER, DEMO_PIN
from opsdesk.domain.errors import Conflict
from opsdesk.services import auth, demo, maintenance
from opsdesk.services.context import Actor

AS_OF = date(2025, 6, 15)
MEMBERS = 300
# Salted hashes differ on every run by design; everything else must come from seed and as_of.
SALTED = {("staff", "secret_hash")}


def generate(template: Path, folder: Path, seed: int = 7) -> Path:
    path = folder / f"demo-{seed}.sqlite"
    shutil.copyfile(template, path)
    opened = open_database(path)
    try:
        demo.generate(opened.db, demo.DemoOptions(members=MEMBERS, seed=seed, as_of=AS_OF))
    finally:
        opened.db.dispose()
    return path


def digest(path: Path) -> str:
    con = sqlite3.connect(path)
    h = hashlib.sha256()
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        for t in tables:
            cols = [r[1] for r in con.execute(f"PRAGMA table_info({t})")
                    if (t, r[1]) not in SALTED]
            h.update(f"{t}:{cols}".encode())
            for row in con.execute(f"SELECT {', '.join(cols)} FROM {t} ORDER BY rowid"):
                h.update(repr(row).encode())
    finally:
        con.close()
    return h.hexdigest()


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Path:
    return generate(migrated_template, tmp_path_factory.mktemp("demo"))


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path):  # noqa: ANN201
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_file, path)
    opened = open_database(path)
    yield opened.db
    opened.db.dispose()


def test_same_seed_and_date_give_the_same_store(demo_file: Path, migrated_template: Path,
                                                tmp_path: Path) -> None:
    again = generate(migrated_template, tmp_path)
    assert digest(again) == digest(demo_file)
    assert digest(generate(migrated_template, tmp_path, seed=8)) != digest(demo_file)


def test_no_real_clock_in_the_demo(demo_file: Path) -> None:
    con = sqlite3.connect(demo_file)
    try:
        stamps = []
        for table, column in (("store", "created_at"), ("staff", "created_at"),
                              ("customer", "created_at"), ("audit_entry", "at")):
            stamps += [r[0] for r in con.execute(f"SELECT {column} FROM {table}")]
        hires = [r[0] for r in con.execute("SELECT hire_date FROM staff")]
    finally:
        con.close()
    assert stamps and max(stamps) < "2025-06-16"
    assert all(h is not None and h <= "2025-06-15" for h in hires)


def test_demo_refuses_a_non_empty_database(db: Database, store: Actor) -> None:
    with pytest.raises(Conflict) as e:
        demo.generate(db, demo.DemoOptions(members=5, seed=1, as_of=AS_OF))
    assert e.value.code == "demo.not_empty"


def test_demo_staff(demo_file: Path) -> None:
    con = sqlite3.connect(demo_file)
    try:
        staff = con.execute("SELECT s.login, s.role, d.kind, s.mentor_id, s.active FROM staff s "
                            "JOIN department d ON d.id = s.department_id").fetchall()
        n_depts = con.execute("SELECT count(*) FROM department").fetchone()[0]
    finally:
        con.close()
    assert len(staff) == 8
    assert n_depts == 3
    assert {r[2] for r in staff} == {"target_assurance", "plan_tracking", "logistics"}
    roles = Counter(r[1] for r in staff)
    assert roles == {"owner": 1, "manager": 2, "sales": 4, "front_desk": 1}
    assert sum(1 for r in staff if r[3] is not None) == 2  # two apprentices
    assert all(r[4] == 1 for r in staff)


def test_demo_customers_span_eighteen_months(demo_file: Path) -> None:
    con = sqlite3.connect(demo_file)
    try:
        months = Counter(r[0] for r in con.execute(
            "SELECT substr(created_at, 1, 7) FROM customer"))
        phones = con.execute("SELECT count(DISTINCT phone), count(*) FROM customer").fetchone()
        referrers_earlier = con.execute(
            "SELECT count(*) FROM customer c JOIN customer r ON r.id = c.referrer_id "
            "WHERE r.created_at > c.created_at").fetchone()[0]
        sales_owned = con.execute(
            "SELECT count(*) FROM customer c JOIN staff s ON s.id = c.staff_id "
            "WHERE s.role = 'sales'").fetchone()[0]
    finally:
        con.close()
    assert sum(months.values()) == MEMBERS
    assert len(months) == 18
    assert min(months) == "2024-01" and max(months) == "2025-06"
    assert phones[0] == phones[1] == MEMBERS
    assert referrers_earlier == 0
    assert sales_owned == MEMBERS


def test_demo_logins_work(demo_db: Database) -> None:
    owner = auth.login(demo_db, DEMO_OWNER, DEMO_PIN)
    assert owner.role.value == "owner"
    assert auth.login(demo_db, "liufang", DEMO_PIN).role.value == "front_desk"


def test_check_is_clean_on_the_demo(demo_db: Database) -> None:
    report = maintenance.check(demo_db)
    assert report.ok, report.problems
