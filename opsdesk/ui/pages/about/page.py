"""About: versions, where the data and the log are, and a consistency check."""

from __future__ import annotations

import sqlite3
import sys

import PySide6
import sqlalchemy
from PySide6.QtCore import Signal, qVersion
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from opsdesk import __version__
from opsdesk.domain.errors import OpsError
from opsdesk.services import maintenance
from opsdesk.ui import tasks
from opsdesk.ui.context import AppContext
from opsdesk.ui.messages import message_for


class AboutPage(QWidget):
    # The check's outcome once it is on screen: the CheckReport, or the OpsError.
    check_finished = Signal(object)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.blurb = QLabel()
        self.blurb.setWordWrap(True)
        self.form = QFormLayout()
        self.caps: dict[str, QLabel] = {}
        where = str(ctx.db.path) if ctx.db.path else ctx.db.url.render_as_string(hide_password=True)
        values = {
            "version": __version__,
            "database": where,
            "log": str(ctx.log_file or "—"),
            "sqlite": sqlite3.sqlite_version,
            "qt": f"Qt {qVersion()}, PySide6 {PySide6.__version__}",
            "python": f"Python {sys.version.split()[0]}, SQLAlchemy {sqlalchemy.__version__}",
        }
        for key, value in values.items():
            cap = QLabel()
            val = QLabel(value)
            val.setObjectName(f"about_{key}")
            val.setWordWrap(True)
            self.caps[key] = cap
            self.form.addRow(cap, val)
        self.check_button = QPushButton()
        self.check_button.setObjectName("run_check")
        self.check_button.clicked.connect(self.run_check)
        self.check_result = QLabel()
        self.check_result.setObjectName("check_result")
        self.check_result.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 14, 18, 14)
        lay.addWidget(self.title)
        lay.addWidget(self.blurb)
        lay.addLayout(self.form)
        lay.addWidget(self.check_button)
        lay.addWidget(self.check_result)
        lay.addStretch()
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("About OpsDesk"))
        self.blurb.setText(self.tr(
            "OpsDesk runs a shop by the systematic store operations method: member ladder, "
            "promotion, sales process, organisation, targets, incentives and launches, "
            "offline on this computer."))
        for key, text in {"version": self.tr("Version"), "database": self.tr("Database"),
                          "log": self.tr("Log file"), "sqlite": self.tr("SQLite library"),
                          "qt": self.tr("Qt"), "python": self.tr("Python")}.items():
            self.caps[key].setText(text)
        self.check_button.setText(self.tr("&Check the database"))

    def run_check(self) -> tasks.Job:
        def done(report: maintenance.CheckReport) -> None:
            if report.ok:
                self.check_result.setText(self.tr("No problems found (%1 checks).")
                                          .replace("%1", str(len(report.checks_run))))
            else:
                self.check_result.setText(self.tr("Problems found:") + "\n"
                                          + "\n".join(report.problems[:20]))
            self.check_finished.emit(report)

        def failed(err: BaseException) -> None:
            if isinstance(err, OpsError):
                self.check_result.setText(message_for(err))
                self.check_finished.emit(err)
            else:
                raise err

        return tasks.run_with_dialog(self, self.tr("Checking the database…"),
                                     lambda _p: maintenance.check(self.ctx.db),
                                     on_done=done, on_error=failed, cancellable=False)
