"""The command line: GUI by default, plus sub-commands for automation and support.

Errors the user can fix (a wrong path, a newer database, a bad number) print one clear line and
exit with status 2; nothing is written. Bugs print a traceback and exit 1.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from opsdesk import __version__

EXIT_OK, EXIT_BUG, EXIT_USER = 0, 1, 2


def _positive_int(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if n < 0 or n > 10_000_000:
        raise argparse.ArgumentTypeError(f"must be between 0 and 10,000,000: {n}")
    return n


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2026-11-23: {text!r}") from None


def _year_month(text: str) -> tuple[int, int]:
    try:
        year, month = (int(x) for x in text.split("-"))
        date(year, month, 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a month like 2026-11: {text!r}") from None
    return year, month


def build_parser() -> argparse.ArgumentParser:
    """The whole command line (the desktop start reads its own options: ``gui_options``)."""
    p = argparse.ArgumentParser(
        prog="opsdesk",
        description="OpsDesk: systematic store operations, offline. Without a command it starts "
                    "the desktop app.",
    )
    p.add_argument("--version", action="version", version=f"OpsDesk {__version__}")
    p.add_argument("--db", metavar="PATH|URL",
                   help="database file (or a postgresql+psycopg:// URL for a chain of stores); "
                        "default: OPSDESK_DB, else the last one used, else the user data folder")
    p.add_argument("--lang", metavar="LANG", help="interface language, e.g. zh_CN or en")
    p.add_argument("--demo", action="store_true",
                   help="start on the demo store (created on first use in the user data folder, "
                        "or at --db)")
    p.add_argument("--smoke", action="store_true",
                   help="start the real app, print milliseconds from process start to the first "
                        "window shown, exit 0; without --db on a temporary demo store logged in "
                        "as its owner, with --db at that store's login window")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    d = sub.add_parser("demo", help="create a deterministic demo store in an empty database",
                       description="Create the demo store (a beauty salon with 18 months of "
                                   "history). The same seed and --as-of give the same data.")
    d.add_argument("--db", required=True, metavar="PATH", help="new or empty database file")
    d.add_argument("--members", type=_positive_int, default=2000, metavar="N",
                   help="number of customers (default 2000)")
    d.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    d.add_argument("--as-of", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                   help="the demo's 'today' (default: today)")

    c = sub.add_parser("check", help="integrity check and every ledger invariant",
                       description="Run PRAGMA integrity_check, the foreign-key check, the audit "
                                   "hash chain and every ledger invariant; exit 3 if anything "
                                   "is wrong.")
    c.add_argument("--db", required=True, metavar="PATH|URL")

    b = sub.add_parser("backup", help="online backup of a database to a verified copy")
    b.add_argument("--db", required=True, metavar="PATH")
    b.add_argument("--to", required=True, metavar="FILE", type=Path)

    i = sub.add_parser("import", help="import data from a file (members)")
    i.add_argument("what", choices=["members"])
    i.add_argument("file", type=Path, metavar="FILE", help=".xlsx or .csv (UTF-8 or GBK)")
    i.add_argument("--db", required=True, metavar="PATH|URL")
    i.add_argument("--merge", action="store_true",
                   help="a phone already registered: fill in what the member lacks "
                        "(default: skip that row)")
    i.add_argument("--login", default=None, metavar="USER",
                   help="audit the import under this staff login (default: the store's owner)")

    e = sub.add_parser("export", help="export data to a file (members)")
    e.add_argument("what", choices=["members"])
    e.add_argument("file", type=Path, metavar="FILE", help=".xlsx or .csv")
    e.add_argument("--db", required=True, metavar="PATH|URL")

    pl = sub.add_parser("plan", help="the year's plan (targets) and its tracking")
    pl_sub = pl.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    pe = pl_sub.add_parser("export", help="write the year's current plan and tracking view",
                           description="Write the current plan of --year and, for a year under "
                                       "way, the tracking view on today, to .xlsx or .pdf "
                                       "(chosen by the extension of --out).")
    pe.add_argument("--year", type=int, required=True, metavar="Y")
    pe.add_argument("--out", type=Path, required=True, metavar="FILE", help=".xlsx or .pdf")
    pe.add_argument("--db", required=True, metavar="PATH|URL")
    pe.add_argument("--lang", metavar="LANG", default=None,
                    help="language of the labels, e.g. zh_CN (default: the system's)")

    sl = sub.add_parser("slips", help="print a month's incentive slips to a PDF",
                        description="Write the slips of the month's pay run (one person per "
                                    "A4 page, or three per page with cut lines) in the app's "
                                    "language. A draft run's slips are marked as a draft.")
    sl.add_argument("--month", required=True, type=_year_month, metavar="YYYY-MM")
    sl.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    sl.add_argument("--db", required=True, metavar="PATH|URL")
    sl.add_argument("--layout", choices=["one", "three"], default="one",
                    help="one person per page (default) or three per page")
    sl.add_argument("--lang", dest="slips_lang", metavar="LANG",
                    help="language of the slips, e.g. zh_CN or en (default: the app's)")

    rp = sub.add_parser("report", help="the monthly operations report as a PDF",
                        description="Write the monthly operations report (funnel, people, "
                                    "comparisons and growth, with charts and tables) of one "
                                    "month to a PDF.")
    rp.add_argument("--month", required=True, type=_year_month, metavar="YYYY-MM")
    rp.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    rp.add_argument("--db", required=True, metavar="PATH|URL")
    rp.add_argument("--lang", default="zh_CN", metavar="LANG",
                    help="language of the report, e.g. zh_CN (default) or en")

    r = sub.add_parser("restore", help="replace a database with a verified backup",
                       description="Restore FILE over the database at --db. The current "
                                   "database is first backed up beside it. Close the app first.")
    r.add_argument("--from", dest="source", required=True, metavar="FILE", type=Path)
    r.add_argument("--db", required=True, metavar="PATH")
    return p


_GUI_FLAGS = ("--demo", "--smoke")
_GUI_VALUES = ("--db", "--lang")


def gui_options(argv: list[str]) -> argparse.Namespace | None:
    """The desktop start's own options (``--db``, ``--lang``, ``--demo``, ``--smoke``), read
    without building a parser, which costs start-up time; ``None`` for anything else (a
    command, ``--help``, a mistake), which the full parser then handles or explains."""
    found: dict[str, object] = {"db": None, "lang": None, "demo": False, "smoke": False,
                                "command": None}
    i = 0
    while i < len(argv):
        arg = argv[i]
        name, eq, value = arg.partition("=")
        if arg in _GUI_FLAGS:
            found[arg[2:]] = True
        elif name in _GUI_VALUES:
            if not eq:
                i += 1
                if i >= len(argv) or argv[i].startswith("-"):
                    return None
                value = argv[i]
            found[name[2:]] = value
        else:
            return None
        i += 1
    return argparse.Namespace(**found)


def run(argv: list[str]) -> int:
    # Imported here so that `opsdesk --help` and the GUI path stay quick.
    from opsdesk.domain.errors import OpsError

    args = gui_options(argv)
    if args is None:
        args = build_parser().parse_args(argv)
    if args.command is None:
        from opsdesk.app.gui import start_gui

        return start_gui(args)
    try:
        return COMMANDS[args.command](args)
    except OpsError as e:
        from opsdesk.ui.messages import message_for

        print(f"opsdesk {args.command}: {message_for(e)}", file=sys.stderr)
        return EXIT_USER


def cmd_demo(args: argparse.Namespace) -> int:
    import time

    from opsdesk.db.opening import open_database
    from opsdesk.services import demo

    t0 = time.perf_counter()
    opened = open_database(args.db)
    last = [""]

    def progress(step: str, done: int, total: int) -> None:
        if sys.stderr.isatty() or step != last[0]:
            print(f"\r{step}: {done}/{total}", end="", file=sys.stderr, flush=True)
            last[0] = step

    demo.generate(opened.db, demo.DemoOptions(members=args.members, seed=args.seed,
                                              as_of=args.as_of), progress)
    print(file=sys.stderr)
    print(f"demo store written to {args.db} ({args.members} customers) in "
          f"{time.perf_counter() - t0:.1f} s; log in as '{demo.DEMO_OWNER}' with PIN "
          f"{demo.DEMO_PIN}")
    return EXIT_OK


def _open_existing(target: str):  # noqa: ANN202
    from opsdesk.db import schema
    from opsdesk.db.opening import open_database
    from opsdesk.db.schema import preflight
    from opsdesk.db.urls import is_sqlite_url, url_for
    from opsdesk.domain.errors import EnvironmentProblem

    if is_sqlite_url(url_for(target)):
        if not Path(target).exists():
            raise EnvironmentProblem("db.missing", path=str(target))
        if preflight(Path(target)).state is schema.State.NEW:
            raise EnvironmentProblem("db.empty", path=str(target))
    return open_database(target).db


def cmd_check(args: argparse.Namespace) -> int:
    from opsdesk.services import maintenance

    report = maintenance.check(_open_existing(args.db))
    print(f"SQLite {report.sqlite_version}, schema {report.schema_revision}")
    for name in report.checks_run:
        print(f"  checked: {name}")
    if report.ok:
        print("OK: no problems found")
        return EXIT_OK
    for problem in report.problems:
        print(f"PROBLEM: {problem}")
    return 3


def cmd_backup(args: argparse.Namespace) -> int:
    from opsdesk.services import maintenance

    out = maintenance.backup(_open_existing(args.db), None, args.to)
    print(f"backup written and verified: {out}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from opsdesk.db.schema import preflight
    from opsdesk.services import maintenance

    preflight(Path(args.db))  # the target must be a place we may write a database
    kept = maintenance.restore(args.source, Path(args.db))
    print(f"restored {args.source} into {args.db}")
    if kept:
        print(f"the database it replaced was kept as {kept}")
    return EXIT_OK


def _store_actor(db, login: str | None = None):  # noqa: ANN001, ANN202
    """The command line acts for the store's owner (or the named login), audited as such."""
    from sqlalchemy import select

    from opsdesk.db.models import Staff
    from opsdesk.domain.errors import OpsError
    from opsdesk.domain.roles import Role
    from opsdesk.services.context import Actor

    with db.read() as s:
        q = select(Staff).where(Staff.active.is_(True))
        q = q.where(Staff.login == login.casefold()) if login else q.where(Staff.role == "owner")
        person = s.scalars(q.order_by(Staff.id).limit(1)).first()
        if person is None:
            raise OpsError("cli.no_such_login", login=login or "owner")
        return Actor(store_id=person.store_id, staff_id=person.id, role=Role(person.role),
                     name=person.name)


def cmd_import(args: argparse.Namespace) -> int:
    from opsdesk.io import members_import as mi
    from opsdesk.services import member_import, setup

    db = _open_existing(args.db)
    actor = _store_actor(db, args.login)
    country = setup.get_store(db, actor.store_id).country
    pv = mi.preview(args.file, country=country)
    if pv.missing:
        from opsdesk.domain.errors import ValidationError

        raise ValidationError("import.missing_columns", field="mapping",
                              columns=",".join(pv.missing))
    rows = mi.parse_all(args.file, pv.mapping, country=country,
                        progress=lambda n, _f: print(f"\r{n} rows read", end="", file=sys.stderr))
    summary = member_import.import_members(
        db, actor, rows, member_import.OnDuplicate.MERGE if args.merge
        else member_import.OnDuplicate.SKIP)
    print(file=sys.stderr)
    print(f"imported: {summary.created} new, {summary.merged} merged, {summary.skipped} skipped "
          f"(already registered), {len({p.row_no for p in summary.problems})} rows with problems")
    for p in summary.problems[:50]:
        print(f"  row {p.row_no}: {p.code} {p.params or ''}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from opsdesk.io.export import export_rows
    from opsdesk.services import setup
    from opsdesk.services.member_export import COLUMNS, member_rows

    db = _open_existing(args.db)
    actor = _store_actor(db)
    cur = setup.get_store(db, actor.store_id).currency
    n = export_rows(args.file, list(COLUMNS), member_rows(db, actor, currency_code=cur),
                    sheet_title="members")
    print(f"{n} members written to {args.file}")
    return EXIT_OK


def cmd_plan(args: argparse.Namespace) -> int:
    # Qt only for the translations (QtCore, no window), as for the report.
    from PySide6.QtCore import QCoreApplication

    from opsdesk.app.paths import resources_dir
    from opsdesk.db import clock
    from opsdesk.ui import i18n
    from opsdesk.ui.pages.targets.exporting import build_report, write_report

    app = QCoreApplication.instance() or QCoreApplication([])
    i18n.install(app, i18n.resolve(args.lang), resources_dir())
    db = _open_existing(args.db)
    write_report(build_report(db, _store_actor(db), args.year, clock.now().date()), args.out)
    print(f"plan {args.year} written to {args.out}")
    return EXIT_OK


def cmd_slips(args: argparse.Namespace) -> int:
    from opsdesk.app.slips_cli import write_month_slips

    n, pages = write_month_slips(_open_existing(args.db), _store_actor, args)
    print(f"{n} slips on {pages} pages written to {args.out}")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    # Qt only for the translations (QtCore, no window); loaded here, not at start-up.
    from PySide6.QtCore import QCoreApplication

    from opsdesk.app.paths import resources_dir
    from opsdesk.db import clock
    from opsdesk.ui import i18n
    from opsdesk.ui.pages.dashboard.report import report_labels, write_report

    app = QCoreApplication.instance() or QCoreApplication([])
    i18n.install(app, i18n.resolve(args.lang), resources_dir())
    db = _open_existing(args.db)
    actor = _store_actor(db)
    year, month = args.month
    out = write_report(db, actor, year, month, args.out, report_labels(), clock.now().date())
    print(f"report for {year}-{month:02d} written to {out}")
    return EXIT_OK


COMMANDS = {"slips": cmd_slips, "plan": cmd_plan, "demo": cmd_demo, "check": cmd_check, "backup": cmd_backup, "restore": cmd_restore,
            "import": cmd_import, "export": cmd_export, "report": cmd_report}
