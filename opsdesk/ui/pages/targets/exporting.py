"""The plan and the tracking view as one report, written to ``.xlsx`` or ``.pdf`` by extension.

Used by the Targets page and by ``opsdesk plan export``; the labels are translated here (the
report layer below gets finished text).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.money import currency
from opsdesk.domain.pace import Pace
from opsdesk.io.export import export_rows
from opsdesk.reports.plan import PlanReport, Section, render_plan, report_rows
from opsdesk.services import setup, staff, targets, tracking
from opsdesk.services.context import Actor
from opsdesk.ui.pages.targets.texts import PERIODS, amount, indicator_name, month_name, tr

CTX = "PlanExport"


def _pct(p: Pace) -> str:
    return "—" if p.percent is None else f"{p.percent}%"


def build_report(db, actor: Actor, year: int, today: date) -> PlanReport:  # noqa: ANN001
    """The current plan of ``year`` (people × months per indicator) and, for a year that has
    begun, the tracking view on ``today`` (clipped to the year)."""
    saved = targets.current_plan(db, actor, year)
    if saved is None:
        raise ValidationError("targets.no_plan", field="year", year=year)
    store = setup.get_store(db, actor.store_id)
    cur = currency(store.currency)
    names = {p.id: p.name for p in staff.list_staff(db, actor)}
    sections: list[Section] = []
    for ip in saved.plan.indicators:
        headers = (QCoreApplication.translate("PlanExport", "Person"), *(month_name(m) for m in range(1, 13)), QCoreApplication.translate("PlanExport", "Year"))
        rows = []
        for u in ip.units:
            if not u.total:
                continue
            sid = targets.unit_staff(u.unit)
            rows.append((names.get(sid, u.unit),
                         *(amount(ip.indicator, m.total, cur) for m in u.months),
                         amount(ip.indicator, u.total, cur)))
        months = [sum(u.months[m].total for u in ip.units) for m in range(12)]
        rows.append((QCoreApplication.translate("PlanExport", "Store"), *(amount(ip.indicator, v, cur) for v in months),
                     amount(ip.indicator, ip.total, cur)))
        sections.append(Section(QCoreApplication.translate("PlanExport", "Plan: %1").replace("%1", indicator_name(ip.indicator)),
                                headers, tuple(rows), bold_rows=frozenset({len(rows) - 1})))
    lines = [QCoreApplication.translate("PlanExport", "%1 · plan for %2, version %3").replace("%1", store.name)
             .replace("%2", str(year)).replace("%3", str(saved.info.version))]
    on = min(today, date(year, 12, 31))
    if on.year == year:
        view = tracking.tracking(db, actor, on)
        if view is not None:
            lines.append(QCoreApplication.translate("PlanExport", "Tracking on %1: pace is what the plan asks for up to that day.")
                         .replace("%1", on.isoformat()))
            sections.extend(tracking_sections(view, cur))
    return PlanReport(QCoreApplication.translate("PlanExport", "Targets and tracking %1").replace("%1", str(year)), tuple(lines),
                      tuple(sections), footer=QCoreApplication.translate(
        "PlanExport", "Green: on pace. Amber: within 10% of pace. Red: further behind."))


def row_name(row: tracking.TrackingRow) -> str:
    if row.level == "store":
        return QCoreApplication.translate("PlanExport", "Store")
    if row.level == "department":
        return row.name or QCoreApplication.translate("PlanExport", "No department")
    return row.name


def tracking_sections(view: tracking.TrackingView, cur) -> list[Section]:  # noqa: ANN001
    out = []
    for ind in view.indicators:
        headers = [QCoreApplication.translate("PlanExport", "Name")]
        for period in tracking.PERIODS:
            p = tr(PERIODS[period])
            headers += [p + " " + QCoreApplication.translate("PlanExport", "target"), p + " " + QCoreApplication.translate("PlanExport", "actual"), f"{p} %"]
        rows, status, bold = [], {}, set()
        for r, row in enumerate(view.rows):
            cells = [("  " if row.level == "person" else "") + row_name(row)]
            for c, period in enumerate(tracking.PERIODS):
                p = row.cells[(ind, period)]
                cells += [amount(ind, p.target, cur), amount(ind, p.actual, cur), _pct(p)]
                status[(r, 3 + 3 * c)] = p.status.value
            if row.level != "person":
                bold.add(r)
            rows.append(tuple(cells))
        out.append(Section(QCoreApplication.translate("PlanExport", "Tracking: %1").replace("%1", indicator_name(ind)), tuple(headers),
                           tuple(rows), status, frozenset(bold)))
    return out


def write_report(report: PlanReport, path: str | Path) -> None:
    path = Path(path)
    ext = path.suffix.lower()
    if ext == ".pdf":
        tmp = path.with_name(f".{path.name}.part")
        try:
            render_plan(report, tmp)
            tmp.replace(path)
        except OSError as e:
            tmp.unlink(missing_ok=True)
            from opsdesk.domain.errors import EnvironmentProblem

            raise EnvironmentProblem("export.cannot_write", field="file",
                                     reason=e.strerror or type(e).__name__) from None
    elif ext == ".xlsx":
        export_rows(path, [report.title], report_rows(report), sheet_title="plan")
    else:
        raise ValidationError("export.unsupported_type", field="file", ext=ext or "-")
