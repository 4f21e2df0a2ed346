"""Export the member list (as filtered and sorted on screen) to .xlsx or .csv, in the
background, page by page, with progress and Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from opsdesk.db.queries import member_list
from opsdesk.domain.errors import OpsError
from opsdesk.io.export import export_rows
from opsdesk.services.member_export import member_rows
from opsdesk.ui import tasks
from opsdesk.ui.context import AppContext
from opsdesk.ui.labels import SOURCES, STAGES, label
from opsdesk.ui.messages import message_for


def export_member_list(parent: QWidget, ctx: AppContext, filters: member_list.Filters,
                       sort: member_list.Sort, descending: bool,
                       dest: str | None = None) -> tasks.Job | None:
    if dest is None:
        dest, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("MemberExport", "Export members"), "members.xlsx",
                                              QCoreApplication.translate("MemberExport", "Excel (*.xlsx);;CSV (*.csv)"))
        if not dest:
            return None
    headers = [QCoreApplication.translate("MemberExport", "Name"), QCoreApplication.translate("MemberExport", "Mobile"), QCoreApplication.translate("MemberExport", "Card"), QCoreApplication.translate("MemberExport", "Tier"), QCoreApplication.translate("MemberExport", "Expires"), QCoreApplication.translate("MemberExport", "Stage"),
               QCoreApplication.translate("MemberExport", "Came through"), QCoreApplication.translate("MemberExport", "Stored value"), QCoreApplication.translate("MemberExport", "Lifetime spend"),
               QCoreApplication.translate("MemberExport", "Last purchase"), QCoreApplication.translate("MemberExport", "Registered")]

    def work(progress: tasks.Progress) -> int:
        rows = member_rows(ctx.db, ctx.actor, filters, sort, descending,
                           currency_code=ctx.store.currency,
                           stage_name=lambda v: label(STAGES, v),
                           source_name=lambda v: label(SOURCES, v), should_stop=progress.check)
        return export_rows(Path(dest), headers, rows,
                           sheet_title=QCoreApplication.translate("MemberExport", "Members"),
                           progress=lambda n: progress.report(n, 0),
                           should_cancel=lambda: progress.cancelled)

    def done(n: int) -> None:
        QMessageBox.information(parent, QCoreApplication.translate("MemberExport", "Export members"),
                                QCoreApplication.translate("MemberExport", "%1 members written to %2").replace("%1", str(n))
                                .replace("%2", str(dest)))

    def failed(err: BaseException) -> None:
        if not isinstance(err, OpsError):
            raise err
        QMessageBox.warning(parent, QCoreApplication.translate("MemberExport", "Export members"), message_for(err))

    return tasks.run_with_dialog(parent, QCoreApplication.translate("MemberExport", "Exporting members…"), work, on_done=done,
                                 on_error=failed)
