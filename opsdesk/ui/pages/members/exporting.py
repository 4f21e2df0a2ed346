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


def _t(text: str) -> str:
    return QCoreApplication.translate("MemberExport", text)


def export_member_list(parent: QWidget, ctx: AppContext, filters: member_list.Filters,
                       sort: member_list.Sort, descending: bool,
                       dest: str | None = None) -> tasks.Job | None:
    if dest is None:
        dest, _ = QFileDialog.getSaveFileName(parent, _t("Export members"), "members.xlsx",
                                              _t("Excel (*.xlsx);;CSV (*.csv)"))
        if not dest:
            return None
    headers = [_t("Name"), _t("Mobile"), _t("Card"), _t("Tier"), _t("Expires"), _t("Stage"),
               _t("Came through"), _t("Stored value"), _t("Lifetime spend"),
               _t("Last purchase"), _t("Registered")]

    def work(progress: tasks.Progress) -> int:
        rows = member_rows(ctx.db, ctx.actor, filters, sort, descending,
                           currency_code=ctx.store.currency,
                           stage_name=lambda v: label(STAGES, v),
                           source_name=lambda v: label(SOURCES, v), should_stop=progress.check)
        return export_rows(Path(dest), headers, rows,
                           sheet_title=_t("Members"),
                           progress=lambda n: progress.report(n, 0),
                           should_cancel=lambda: progress.cancelled)

    def done(n: int) -> None:
        QMessageBox.information(parent, _t("Export members"),
                                _t("%1 members written to %2").replace("%1", str(n))
                                .replace("%2", str(dest)))

    def failed(err: BaseException) -> None:
        if not isinstance(err, OpsError):
            raise err
        QMessageBox.warning(parent, _t("Export members"), message_for(err))

    return tasks.run_with_dialog(parent, _t("Exporting members…"), work, on_done=done,
                                 on_error=failed)
