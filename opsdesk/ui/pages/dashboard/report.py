"""The monthly operations report from the dashboard: the words in the user's language, a file
chooser, and the work in the background behind a progress dialog."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from opsdesk.db import clock
from opsdesk.domain.errors import OpsError
from opsdesk.reports.operations import OperationsLabels, render_operations_report
from opsdesk.services import dashboard
from opsdesk.services.context import Actor
from opsdesk.ui import tasks
from opsdesk.ui.context import AppContext
from opsdesk.ui.labels import PRODUCT_ROLES, label
from opsdesk.ui.messages import message_for
from opsdesk.ui.pages.dashboard import texts


def report_labels() -> OperationsLabels:
    """Every word of the report in the installed language."""
    return OperationsLabels(
        title=QCoreApplication.translate("OperationsReport", "Monthly operations report"),
        period=QCoreApplication.translate("OperationsReport", "{start} to {end}"),
        page=QCoreApplication.translate("OperationsReport", "Page {page}"),
        funnel=QCoreApplication.translate("OperationsReport", "Funnel of the customers registered this month"),
        funnel_note=QCoreApplication.translate("OperationsReport", "Each layer lies inside the one above; the rate is from the layer above."),
        step=QCoreApplication.translate("OperationsReport", "Layer"), count=QCoreApplication.translate("OperationsReport", "Customers"), rate=QCoreApplication.translate("OperationsReport", "From the layer above"),
        rate_top=QCoreApplication.translate("OperationsReport", "From the leads"), of_leads=QCoreApplication.translate("OperationsReport", "{rate} of leads"),
        people=QCoreApplication.translate("OperationsReport", "Visits against conversion, per person"), person=QCoreApplication.translate("OperationsReport", "Person"),
        visits=QCoreApplication.translate("OperationsReport", "Visits"), visited=QCoreApplication.translate("OperationsReport", "Customers visited"), deals=QCoreApplication.translate("OperationsReport", "Deals"),
        conversion=QCoreApplication.translate("OperationsReport", "Conversion (%)"), revenue=QCoreApplication.translate("OperationsReport", "Revenue"), attitude=QCoreApplication.translate("OperationsReport", "Attitude"),
        quadrant=QCoreApplication.translate("OperationsReport", "Quadrant"),
        medians=QCoreApplication.translate("OperationsReport", "Team medians: {visits} visits, {conversion} conversion."),
        comparisons=QCoreApplication.translate("OperationsReport", "Comparisons: now / before (change)"), figure=QCoreApplication.translate("OperationsReport", "Figure"), now=QCoreApplication.translate("OperationsReport", "Now"),
        before=QCoreApplication.translate("OperationsReport", "Before"), change=QCoreApplication.translate("OperationsReport", "Change"),
        trend=QCoreApplication.translate("OperationsReport", "{metric}, month by month, with its trend line"),
        growth=QCoreApplication.translate("OperationsReport", "Growth economics"), levers=QCoreApplication.translate("OperationsReport", "Three growth levers"),
        paying=QCoreApplication.translate("OperationsReport", "Paying customers"), ticket=QCoreApplication.translate("OperationsReport", "Average ticket"),
        frequency=QCoreApplication.translate("OperationsReport", "Purchases per customer"), this_month=QCoreApplication.translate("OperationsReport", "This month"),
        last_month=QCoreApplication.translate("OperationsReport", "Last month, same days"), cohort=QCoreApplication.translate("OperationsReport", "Registered in"),
        new_customers=QCoreApplication.translate("OperationsReport", "New customers"), first30=QCoreApplication.translate("OperationsReport", "First 30 days, per customer"),
        first_year=QCoreApplication.translate("OperationsReport", "First year, per customer"), incomplete=QCoreApplication.translate("OperationsReport", "(so far)"),
        repeat_rate=QCoreApplication.translate("OperationsReport", "Repeat rate"), referral_rate=QCoreApplication.translate("OperationsReport", "Referrals per paying customer"),
        roles=QCoreApplication.translate("OperationsReport", "Product role"), margin=QCoreApplication.translate("OperationsReport", "Margin"), margin_rate=QCoreApplication.translate("OperationsReport", "Margin rate"),
        steps={k: texts.tr_(v) for k, v in texts.STEPS.items()},
        quadrants={k: texts.tr_(v) for k, v in texts.QUADRANT_SHORT.items()},
        readings={k: texts.tr_(v) for k, v in texts.QUADRANTS.items()},
        metrics={k: texts.tr_(v) for k, v in texts.METRICS.items()},
        kinds={k: texts.tr_(v) for k, v in texts.COMPARISONS.items()},
        product_roles={str(k): label(PRODUCT_ROLES, k) for k in PRODUCT_ROLES},
    )


def write_report(db, actor: Actor, year: int, month: int, out: Path,  # noqa: ANN001
                 labels: OperationsLabels, today: date) -> Path:
    data = dashboard.month_report(db, actor, year, month, today)
    render_operations_report(data, labels, out)
    return out


def ask_and_export(parent: QWidget, ctx: AppContext, day: date) -> tasks.Job | None:
    name = f"operations-{day.year}-{day.month:02d}.pdf"
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("OperationsReport", "Save the monthly report"), name,
                                          QCoreApplication.translate("OperationsReport", "PDF files (*.pdf)"))
    if not path:
        return None
    out = Path(path if path.lower().endswith(".pdf") else path + ".pdf")
    labels = report_labels()

    def done(_p: Path) -> None:
        QMessageBox.information(parent, QCoreApplication.translate("OperationsReport", "Monthly report"),
                                QCoreApplication.translate("OperationsReport", "The report was saved to %1.").replace("%1", str(out)))

    def failed(err: BaseException) -> None:
        text = message_for(err) if isinstance(err, OpsError) else QCoreApplication.translate(
            "OperationsReport", "The report could not be made; the log has the details.")
        QMessageBox.warning(parent, QCoreApplication.translate("OperationsReport", "Monthly report"), text)

    return tasks.run_with_dialog(
        parent, QCoreApplication.translate("OperationsReport", "Making the monthly report…"),
        lambda _p: write_report(ctx.db, ctx.actor, day.year, day.month, out, labels,
                                clock.now().date()),
        on_done=done, on_error=failed)
