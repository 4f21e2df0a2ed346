"""Support operations: the consistency check, backup and restore."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from opsdesk.db import backup as backups
from opsdesk.db import schema
from opsdesk.db.engine import Database
from opsdesk.db.schema import preflight
from opsdesk.domain.errors import EnvironmentProblem
from opsdesk.domain.roles import Permission
from opsdesk.services import audit
from opsdesk.services.context import Actor

# Each invariant returns a list of human-readable problems. Ledgers add theirs here as they land.
Invariant = Callable[[Session], list[str]]
INVARIANTS: list[tuple[str, Invariant]] = []


def invariant(name: str) -> Callable[[Invariant], Invariant]:
    def add(fn: Invariant) -> Invariant:
        INVARIANTS.append((name, fn))
        return fn
    return add


@invariant("audit log hash chain")
def _audit_chain(s: Session) -> list[str]:
    return audit.verify_chain(s)


@invariant("staff belong to their store")
def _staff_store(s: Session) -> list[str]:
    rows = s.execute(text(
        "SELECT a.id FROM staff a JOIN staff m ON m.id = a.mentor_id WHERE m.store_id <> a.store_id "
        "UNION ALL SELECT a.id FROM staff a JOIN department d ON d.id = a.department_id "
        "WHERE d.store_id <> a.store_id")).scalars().all()
    return [f"staff {i}: mentor or department of another store" for i in rows]


def _ids(s: Session, sql: str, limit: int = 20) -> list:
    return s.execute(text(sql + f" LIMIT {limit}")).all()


@invariant("stored value ledgers replay without a negative balance")
def _ledger_replay(s: Session) -> list[str]:
    from opsdesk.domain.errors import ValidationError
    from opsdesk.domain.stored_value import Entry, EntryKind, verify_ledger

    problems: list[str] = []
    # Streamed in (customer, id) order, the order of ix_stored_value_entry_customer: one pass,
    # one customer's entries in memory at a time.
    rows = s.execute(text("SELECT customer_id, id, kind, principal, bonus, reason "
                          "FROM stored_value_entry ORDER BY customer_id, id"))
    current, entries, ids = None, [], []

    def flush() -> None:
        if current is None:
            return
        try:
            verify_ledger(entries)
        except ValidationError as e:
            i = e.params.get("index", 0)
            problems.append(f"customer {current}: stored value entry {ids[i]} "
                            f"{e.code.split('.')[-1].replace('_', ' ')} ({e.params.get('part') or e.params.get('kind')})")

    for cid, eid, kind, p, b, reason in rows:
        if cid != current:
            flush()
            current, entries, ids = cid, [], []
        k = EntryKind(kind) if kind in EntryKind._value2member_map_ else kind
        entries.append(Entry(k, p, b, reason or ""))
        ids.append(eid)
        if len(problems) >= 20:
            break
    flush()
    return problems[:20]


@invariant("cached balances equal the stored value ledger")
def _cached_balances(s: Session) -> list[str]:
    rows = _ids(s, """
        SELECT c.id, c.balance_principal, c.balance_bonus, c.balance_total,
               COALESCE(e.p, 0), COALESCE(e.b, 0)
        FROM customer c LEFT JOIN (
            SELECT customer_id, SUM(principal) AS p, SUM(bonus) AS b
            FROM stored_value_entry GROUP BY customer_id) e ON e.customer_id = c.id
        WHERE c.balance_principal <> COALESCE(e.p, 0) OR c.balance_bonus <> COALESCE(e.b, 0)
           OR c.balance_total <> COALESCE(e.p, 0) + COALESCE(e.b, 0)""")
    return [f"customer {r[0]}: cached balance {r[1]}+{r[2]}={r[3]} but the ledger sums to "
            f"{r[4]}+{r[5]}" for r in rows]


@invariant("reversal entries undo exactly the entry they name")
def _reversal_links(s: Session) -> list[str]:
    rows = _ids(s, """
        SELECT r.id, o.id FROM stored_value_entry r
        LEFT JOIN stored_value_entry o ON o.id = r.reverses_id
        WHERE r.reverses_id IS NOT NULL AND (o.id IS NULL OR o.kind = 'reversal'
           OR r.kind <> 'reversal' OR o.customer_id <> r.customer_id
           OR o.store_id <> r.store_id OR o.id > r.id
           OR r.principal <> -o.principal OR r.bonus <> -o.bonus)""")
    return [f"stored value entry {r[0]}: not an exact reversal of entry {r[1]}" for r in rows]


@invariant("ledger rows belong to their customer's store")
def _ledger_store(s: Session) -> list[str]:
    rows = _ids(s, """
        SELECT 'stored value entry', e.id FROM stored_value_entry e
        JOIN customer c ON c.id = e.customer_id WHERE c.store_id <> e.store_id
        UNION ALL SELECT 'sale', x.id FROM sale x
        JOIN customer c ON c.id = x.customer_id WHERE c.store_id <> x.store_id""")
    return [f"{r[0]} {r[1]}: store differs from its customer's" for r in rows]


@invariant("sale totals equal their lines; refunds negate their sale")
def _sales(s: Session) -> list[str]:
    rows = _ids(s, """
        SELECT x.id, 'lines' FROM sale x LEFT JOIN (
            SELECT sale_id, SUM(line_total) AS t FROM sale_line GROUP BY sale_id) l
            ON l.sale_id = x.id
        WHERE COALESCE(l.t, 0) <> x.total OR x.list_total - x.discount <> x.total
        UNION ALL
        SELECT r.id, 'refund' FROM sale r JOIN sale o ON o.id = r.refunds_id
        WHERE r.total <> -o.total OR COALESCE(r.customer_id, 0) <> COALESCE(o.customer_id, 0)
           OR o.kind <> 'sale'""")
    return [f"sale {r[0]}: " + ("total differs from its lines" if r[1] == "lines"
                                else "refund does not negate the original sale") for r in rows]


@invariant("stored value payments match their sales")
def _sv_payments(s: Session) -> list[str]:
    rows = _ids(s, """
        SELECT x.id FROM sale x LEFT JOIN (
            SELECT sale_id, SUM(principal + bonus) AS t FROM stored_value_entry
            WHERE sale_id IS NOT NULL GROUP BY sale_id) e ON e.sale_id = x.id
        WHERE (x.payment_method = 'stored_value' AND x.customer_id IS NOT NULL
               AND COALESCE(e.t, 0) <> -x.total)
           OR (x.payment_method <> 'stored_value' AND e.t IS NOT NULL)""")
    return [f"sale {r[0]}: stored value entries differ from the amount paid" for r in rows]


@invariant("cached lifetime spend and last purchase equal the sales")
def _lifetime(s: Session) -> list[str]:
    rows = _ids(s, """
        SELECT c.id, c.lifetime_spend, COALESCE(x.t, 0) FROM customer c LEFT JOIN (
            SELECT customer_id, SUM(total) AS t, MAX(CASE WHEN kind = 'sale' THEN at END) AS last
            FROM sale WHERE customer_id IS NOT NULL GROUP BY customer_id) x
            ON x.customer_id = c.id
        WHERE c.lifetime_spend <> COALESCE(x.t, 0)
           OR c.last_purchase_at <> x.last
           OR (c.last_purchase_at IS NULL) <> (x.last IS NULL)""")
    return [f"customer {r[0]}: cached lifetime spend {r[1]} or last purchase differs from the "
            f"sales ({r[2]})" for r in rows]


@invariant("every done follow-up task names the visit that closed it, and that visit the task")
def _done_tasks(s: Session) -> list[str]:
    rows = _ids(s, """
        SELECT t.id FROM followup_task t LEFT JOIN visit v ON v.id = t.done_visit_id
        WHERE t.status = 'done' AND (v.id IS NULL OR v.task_id IS NULL OR v.task_id <> t.id
                                     OR v.customer_id <> t.customer_id)
        UNION ALL
        SELECT v.task_id FROM visit v JOIN followup_task t ON t.id = v.task_id
        WHERE t.done_visit_id IS NULL OR t.done_visit_id <> v.id""")
    return [f"follow-up task {r[0]}: done without its visit, or the visit names another task"
            for r in rows]


@invariant("launch deposit ledgers replay without a negative held deposit")
def _launch_deposits(s: Session) -> list[str]:
    from opsdesk.services.launches import deposit_ledger_problems

    return deposit_ledger_problems(s)


@invariant("locked pay runs: run total = sum of slips, slip total = sum of its lines")
def _locked_pay_runs(s: Session) -> list[str]:
    from opsdesk.services.pay_runs import locked_run_problems

    return locked_run_problems(s)


@invariant("promoter commission ledgers replay: clawbacks within accruals, no overpaid payout")
def _commission_ledgers(s: Session) -> list[str]:
    from opsdesk.services.promoters import check_ledgers

    return check_ledgers(s)


@invariant("locked pond settlements: lines add up, owed = fee + share + minimum top-up")
def _pond_settlements(s: Session) -> list[str]:
    from opsdesk.services.ponds import check_settlements

    return check_settlements(s)


@invariant("visits, tasks and stage changes belong to their customer's store")
def _sales_process_store(s: Session) -> list[str]:
    rows = _ids(s, """
        SELECT 'visit', v.id FROM visit v JOIN customer c ON c.id = v.customer_id
            JOIN staff p ON p.id = v.staff_id
            WHERE c.store_id <> v.store_id OR p.store_id <> v.store_id
        UNION ALL SELECT 'task', t.id FROM followup_task t JOIN customer c ON c.id = t.customer_id
            WHERE c.store_id <> t.store_id
        UNION ALL SELECT 'stage change', x.id FROM stage_change x
            JOIN customer c ON c.id = x.customer_id WHERE c.store_id <> x.store_id""")
    return [f"{r[0]} {r[1]}: belongs to another store than its customer" for r in rows]


@dataclass(frozen=True)
class CheckReport:
    sqlite_version: str
    schema_revision: str
    checks_run: list[str]
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check(db: Database) -> CheckReport:
    problems: list[str] = []
    ran: list[str] = []
    with db.read() as s:
        conn = s.connection()
        if db.is_sqlite:
            ran.append("integrity_check")
            res = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
            if res != ["ok"]:
                problems += [f"integrity: {r}" for r in res[:20]]
            ran.append("foreign_key_check")
            for r in conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()[:20]:
                problems.append(f"foreign key: table {r[0]} row {r[1]} points to missing {r[2]}")
            version = sqlite3.sqlite_version
        else:
            version = "n/a"
        revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() or "?"
        for name, fn in INVARIANTS:
            ran.append(name)
            problems += fn(s)
    return CheckReport(sqlite_version=version, schema_revision=revision, checks_run=ran,
                       problems=problems)


def backup(db: Database, actor: Actor | None, dest: Path,
           progress: backups.Progress | None = None) -> Path:
    """Online backup of the open store to ``dest``; audited."""
    if actor is not None:
        audit.require(db, actor, Permission.BACKUP, "db.backup")
    if not db.is_sqlite or db.path is None:
        raise EnvironmentProblem("backup.server_database")
    out = backups.online_backup(db.path, Path(dest), progress)
    if actor is not None:
        with db.write() as s:
            audit.record_as(s, actor, "db.backup", str(out)[-100:])
    return out


def verify_backup_file(path: Path) -> schema.Inspection:
    """A file offered for restore must be a healthy OpsDesk database no newer than this app."""
    found = preflight(path)
    if found.state is schema.State.NEW:
        raise EnvironmentProblem("restore.empty", path=str(path))
    try:
        con = schema.connect_readonly(Path(path))
        try:
            res = [r[0] for r in con.execute("PRAGMA integrity_check")]
        finally:
            con.close()
    except sqlite3.DatabaseError as e:  # "database disk image is malformed"
        res = [str(e)]
    if res != ["ok"]:
        raise EnvironmentProblem("restore.verify_failed", path=str(path), reason="; ".join(res[:3]))
    return found


def restore(source: Path, live: Path, progress: backups.Progress | None = None) -> Path | None:
    """Replace the database at ``live`` with ``source`` (verified first). The current file is
    kept as a backup beside it; the restored copy is opened and migrated by the next start."""
    if Path(live).exists() and Path(source).resolve() == Path(live).resolve():
        raise EnvironmentProblem("restore.same_file", path=str(source))
    verify_backup_file(source)
    kept = None
    if Path(live).exists() and Path(live).stat().st_size:
        kept = backups.online_backup(live, backups.unused_path(
            Path(live).parent / "backups" / backups.timestamped_name(live, "before-restore")))
    backups.restore_into(source, live, progress)
    return kept
