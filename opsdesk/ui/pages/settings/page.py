"""Settings: language, where the database lives, backup and restore."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from opsdesk.db.backup import timestamped_name
from opsdesk.domain.errors import OpsError
from opsdesk.domain.roles import Permission
from opsdesk.services import maintenance
from opsdesk.ui import tasks
from opsdesk.ui.context import AppContext
from opsdesk.ui.i18n import LANGUAGES
from opsdesk.ui.messages import message_for


class SettingsPage(QWidget):
    # The backup's outcome once it is on screen: the verified file's Path, or the OpsError.
    backup_finished = Signal(object)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")

        self.lang_box = QGroupBox()
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        current = QApplication.instance().property("opsdesk_language") or ctx.settings.language
        self.language.setCurrentIndex(max(0, self.language.findData(current or "en")))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.lang_caption = QLabel()
        lf = QFormLayout(self.lang_box)
        lf.addRow(self.lang_caption, self.language)

        self.db_box = QGroupBox()
        self.db_path = QLabel(self._location())
        self.db_path.setObjectName("db_path")
        self.db_path.setWordWrap(True)
        self.choose_db = QPushButton()
        self.choose_db.setObjectName("choose_db")
        self.choose_db.clicked.connect(self._choose_db)
        self.db_note = QLabel()
        self.db_note.setWordWrap(True)
        self.db_note.setStyleSheet("color: #57606f;")
        dl = QVBoxLayout(self.db_box)
        dl.addWidget(self.db_path)
        row = QHBoxLayout()
        row.addWidget(self.choose_db)
        row.addStretch()
        dl.addLayout(row)
        dl.addWidget(self.db_note)

        self.backup_box = QGroupBox()
        self.backup_button = QPushButton()
        self.backup_button.setObjectName("backup_now")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restore")
        self.restore_button.clicked.connect(self.restore)
        self.backup_button.setEnabled(ctx.actor.can(Permission.BACKUP) and ctx.db.is_sqlite)
        self.restore_button.setVisible(ctx.actor.can(Permission.RESTORE) and ctx.db.is_sqlite)
        self.backup_note = QLabel()
        self.backup_note.setWordWrap(True)
        self.backup_note.setStyleSheet("color: #57606f;")
        self.last_backup = QLabel()
        self.last_backup.setObjectName("last_backup")
        bl = QVBoxLayout(self.backup_box)
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch()
        bl.addLayout(row)
        bl.addWidget(self.last_backup)
        bl.addWidget(self.backup_note)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 14, 18, 14)
        lay.addWidget(self.title)
        lay.addWidget(self.lang_box)
        lay.addWidget(self.db_box)
        lay.addWidget(self.backup_box)
        lay.addStretch()
        self.retranslate()

    def _location(self) -> str:
        if self.ctx.db.path is not None:
            return str(self.ctx.db.path)
        return self.ctx.db.url.render_as_string(hide_password=True)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Settings"))
        self.lang_box.setTitle(self.tr("Language"))
        self.lang_caption.setText(self.tr("Interface &language"))
        self.db_box.setTitle(self.tr("Database"))
        self.choose_db.setText(self.tr("Use another database file…"))
        self.db_note.setText(self.tr(
            "All of the store's data is in this one file. Keep it on this computer's own disk, "
            "not on a network drive or in a cloud-sync folder. Another file is used from the "
            "next start."))
        self.backup_box.setTitle(self.tr("Backup"))
        self.backup_button.setText(self.tr("&Back up now…"))
        self.restore_button.setText(self.tr("&Restore from a backup…"))
        self.backup_note.setText(self.tr(
            "A backup is a verified copy taken while OpsDesk keeps running. Keep copies on a "
            "USB drive or another computer. OpsDesk also backs up by itself before every "
            "upgrade of the database."))

    def _language_changed(self) -> None:
        used = self.ctx.set_language(self.language.currentData())
        QApplication.instance().setProperty("opsdesk_language", used)

    def _choose_db(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Database file"), str(Path(self._location()).parent),
            self.tr("OpsDesk database (*.sqlite)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if not path:
            return
        from opsdesk.db.schema import preflight

        try:
            preflight(Path(path))
        except OpsError as e:
            QMessageBox.warning(self, self.tr("Database"), message_for(e))
            return
        self.ctx.settings.db_path = path
        QMessageBox.information(self, self.tr("Database"), self.tr(
            "OpsDesk will use %1 from the next start.").replace("%1", path))

    def default_backup_path(self) -> Path:
        live = self.ctx.db.path or Path("opsdesk.sqlite")
        return live.parent / "backups" / timestamped_name(live, "manual")

    def backup_now(self, dest: str | None = None) -> tasks.Job | None:
        if not dest:
            dest, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save backup as"), str(self.default_backup_path()),
                self.tr("OpsDesk database (*.sqlite)"))
            if not dest:
                return None

        def work(progress: tasks.Progress, target: str) -> Path:
            return maintenance.backup(self.ctx.db, self.ctx.actor, Path(target),
                                      lambda d, t: (progress.report(d, t), progress.check()))

        def done(out: Path) -> None:
            self.last_backup.setText(self.tr("Backup saved and verified: %1").replace("%1", str(out)))
            self.backup_finished.emit(out)

        def failed(err: BaseException) -> None:
            if isinstance(err, OpsError):
                self.last_backup.setText(message_for(err))
                self.backup_finished.emit(err)
            else:
                raise err

        return tasks.run_with_dialog(self, self.tr("Backing up…"), work, dest, on_done=done,
                                     on_error=failed)

    def restore(self) -> None:
        src, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from backup"),
                                             str(self.default_backup_path().parent),
                                             self.tr("OpsDesk database (*.sqlite)"))
        if not src:
            return
        try:
            maintenance.verify_backup_file(Path(src))
        except OpsError as e:
            QMessageBox.warning(self, self.tr("Restore"), message_for(e))
            return
        answer = QMessageBox.question(self, self.tr("Restore"), self.tr(
            "Replace all of the store's current data with the backup %1?\n\nThe current data "
            "is kept as a backup first. OpsDesk closes afterwards; start it again.")
            .replace("%1", src))
        if answer != QMessageBox.StandardButton.Yes:
            return
        live = self.ctx.db.path
        self.ctx.db.dispose()
        try:
            maintenance.restore(Path(src), live)
        except OpsError as e:
            QMessageBox.warning(self, self.tr("Restore"), message_for(e))
            return
        QMessageBox.information(self, self.tr("Restore"), self.tr(
            "The backup was restored. OpsDesk will now close."))
        QApplication.instance().exit(0)
