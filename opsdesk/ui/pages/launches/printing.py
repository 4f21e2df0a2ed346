"""The launch's summary PDF: gathered and written in the background, then opened in the system's
viewer ("Print" is the viewer's), with "Save a copy" to keep it elsewhere."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from opsdesk.domain.errors import OpsError
from opsdesk.services import launches
from opsdesk.ui import tasks
from opsdesk.ui.context import AppContext
from opsdesk.ui.messages import message_for
from opsdesk.ui.pages.launches.texts import STATUSES, tr
from opsdesk.ui.pdf_output import deliver, new_pdf_path


def report_labels():  # noqa: ANN201
    from opsdesk.reports.launches import LaunchReportLabels

    return LaunchReportLabels(
        title=QCoreApplication.translate("LaunchSummary", "Launch summary"), as_of=QCoreApplication.translate("LaunchSummary", "As of {date}"), product=QCoreApplication.translate("LaunchSummary", "Product"),
        status=QCoreApplication.translate("LaunchSummary", "Status"),
        dates=QCoreApplication.translate("LaunchSummary", "Entry opens {opens} · lock deadline {deadline} · delivery {delivery}"),
        prices=QCoreApplication.translate("LaunchSummary", "Entry fee {fee} · deposit {deposit} · full price {price}"),
        capacity=QCoreApplication.translate("LaunchSummary", "Capacity"), no_limit=QCoreApplication.translate("LaunchSummary", "no limit"),
        early=QCoreApplication.translate("LaunchSummary", "Early locks (until {date})"), funnel=QCoreApplication.translate("LaunchSummary", "Funnel"), step=QCoreApplication.translate("LaunchSummary", "Step"),
        customers=QCoreApplication.translate("LaunchSummary", "Customers"), conversion=QCoreApplication.translate("LaunchSummary", "Conversion"), entries=QCoreApplication.translate("LaunchSummary", "Entries"),
        locks=QCoreApplication.translate("LaunchSummary", "Locks"), deals=QCoreApplication.translate("LaunchSummary", "Deals"), entry_to_lock=QCoreApplication.translate("LaunchSummary", "entry → lock"),
        lock_to_deal=QCoreApplication.translate("LaunchSummary", "lock → deal"), entry_to_deal=QCoreApplication.translate("LaunchSummary", "entry → deal"),
        money=QCoreApplication.translate("LaunchSummary", "Money"), entry_fees=QCoreApplication.translate("LaunchSummary", "Entry fees collected"),
        entry_refunds=QCoreApplication.translate("LaunchSummary", "Entry fees refunded"), deposits_paid=QCoreApplication.translate("LaunchSummary", "Deposits paid"),
        deposits_refunded=QCoreApplication.translate("LaunchSummary", "Deposits refunded"),
        deposits_forfeited=QCoreApplication.translate("LaunchSummary", "Deposits kept (forfeited)"),
        deposits_applied=QCoreApplication.translate("LaunchSummary", "Deposits applied to deals"), balances=QCoreApplication.translate("LaunchSummary", "Balance payments"),
        deposits_held=QCoreApplication.translate("LaunchSummary", "Deposits held (not revenue yet)"), revenue=QCoreApplication.translate("LaunchSummary", "Revenue"),
        locks_held=QCoreApplication.translate("LaunchSummary", "Locks held now"), early_locks=QCoreApplication.translate("LaunchSummary", "Early locks"),
        refunds=QCoreApplication.translate("LaunchSummary", "Refunds made"), waiting=QCoreApplication.translate("LaunchSummary", "On the waiting list"),
        by_staff=QCoreApplication.translate("LaunchSummary", "By staff member"), staff=QCoreApplication.translate("LaunchSummary", "Staff"), nobody=QCoreApplication.translate("LaunchSummary", "(nobody)"),
        unpaid=QCoreApplication.translate("LaunchSummary", "Locked, not paid in full"), customer=QCoreApplication.translate("LaunchSummary", "Customer"), phone=QCoreApplication.translate("LaunchSummary", "Phone"),
        locked_on=QCoreApplication.translate("LaunchSummary", "Locked on"), held=QCoreApplication.translate("LaunchSummary", "Deposit held"), due=QCoreApplication.translate("LaunchSummary", "Still due"),
        none=QCoreApplication.translate("LaunchSummary", "None."), page=QCoreApplication.translate("LaunchSummary", "Page {page}"))


def report_data(summary: launches.LaunchSummary, currency_code: str, labels=None):  # noqa: ANN001, ANN201
    from opsdesk.reports.launches import LaunchReport, StaffLine, UnpaidLine

    ln, mo = summary.launch, summary.money
    return LaunchReport(
        store_name=summary.store_name, name=ln.name, product=ln.product_name,
        status=tr(STATUSES, ln.status), entry_opens=ln.entry_opens,
        lock_deadline=ln.lock_deadline, delivery=ln.delivery, entry_fee=ln.entry_fee,
        deposit=ln.deposit, price=ln.price, capacity=ln.capacity,
        entries=summary.funnel.entries, locks=summary.funnel.locks, deals=summary.funnel.deals,
        entry_fees=mo.entry_fees, entry_refunds=mo.entry_refunds,
        deposits_paid=mo.deposits_paid, deposits_refunded=mo.deposits_refunded,
        deposits_forfeited=mo.deposits_forfeited, deposits_applied=mo.deposits_applied,
        balances=mo.balances, locks_held=summary.locks_held, early_locks=summary.early_locks,
        refunds=summary.refunds, waiting=len(summary.waiting), as_of=summary.as_of,
        early_until=ln.early_until,
        early_perks=" · ".join(x for x in (ln.early_gifts, ln.early_privileges) if x),
        staff=tuple(StaffLine(r.staff_name, r.funnel.entries, r.funnel.locks, r.funnel.deals)
                    for r in summary.by_staff),
        unpaid=tuple(UnpaidLine(u.customer_name, u.phone, u.staff_name, u.locked_on, u.held,
                                u.due) for u in summary.unpaid),
        currency_code=currency_code, labels=labels or report_labels())


def write_summary(ctx: AppContext, launch_id: int, out: Path, labels) -> Path:  # noqa: ANN001
    from opsdesk.reports.launches import render_launch_summary

    summary = launches.launch_summary(ctx.db, ctx.actor, launch_id)
    render_launch_summary(report_data(summary, ctx.store.currency, labels), out)
    return out


def print_summary(parent: QWidget, ctx: AppContext, launch_id: int) -> tasks.Job:
    out = new_pdf_path("launch")
    labels = report_labels()  # translated here, on the GUI thread

    def failed(err: BaseException) -> None:
        if isinstance(err, OpsError):
            QMessageBox.warning(parent, QCoreApplication.translate("LaunchSummary", "Launch summary"), message_for(err))
        else:
            raise err

    return tasks.run_with_dialog(parent, QCoreApplication.translate("LaunchSummary", "Preparing the launch summary…"),
                                 lambda _p: write_summary(ctx, launch_id, out, labels),
                                 on_done=lambda path: deliver(parent, path), on_error=failed)
