"""Settings: language, where the database lives, backup and restore.

The backup section lists the copies kept in the ``backups`` folder beside the database (daily, on
closing, before an upgrade or a restore, by hand), newest first. "Check" verifies the selected
copy in the background exactly as a restore would; "Restore this backup…" takes the same
confirmed, verified path as "Restore from a backup…". On a server database the section only says
that backups are the server's job."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opsdesk.db.backup import timestamped_name
from opsdesk.domain.errors import OpsError
from opsdesk.domain.roles import Permission
from opsdesk.services import backups, maintenance
from opsdesk.ui import tasks
from opsdesk.ui.context import AppContext
from opsdesk.ui.i18n import LANGUAGES
from opsdesk.ui.messages import message_for
from opsdesk.ui.pages.settings.backup_list import BackupListModel

OK_STYLE = "color: #1e7b34;"
PROBLEM_STYLE = "color: #b3261e;"


class SettingsPage(QWidget):
    # The backup's outcome once it is on screen: the verified file's Path, or the OpsError.
    backup_finished = Signal(object)
    # A listed backup's check once it is on screen: services.backups.BackupCheck, or the OpsError.
    check_finished = Signal(object)

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
        self.restore_button.clicked.connect(lambda: self.restore())
        self.backup_button.setEnabled(ctx.actor.can(Permission.BACKUP) and ctx.db.is_sqlite)
        self.restore_button.setVisible(ctx.actor.can(Permission.RESTORE) and ctx.db.is_sqlite)
        self.backup_note = QLabel()
        self.backup_note.setWordWrap(True)
        self.backup_note.setStyleSheet("color: #57606f;")
        self.last_backup = QLabel()
        self.last_backup.setObjectName("last_backup")
        self.last_backup.setWordWrap(True)
        self.last_backup.hide()  # until a backup from this page has an outcome
        bl = QVBoxLayout(self.backup_box)
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch()
        bl.addLayout(row)
        bl.addWidget(self.last_backup)
        bl.addWidget(self.backup_note)

        # The copies kept beside the database.
        sqlite = ctx.db.is_sqlite and ctx.db.path is not None
        self.folder = backups.folder_for(ctx.db)
        self._checks: dict[Path, object] = {}
        self.list_caption = QLabel()
        self.list_caption.setObjectName("backup_list_caption")
        self.list_caption.setWordWrap(True)
        self.backup_model = BackupListModel()
        self.backup_list = QTableView()
        self.backup_list.setObjectName("backup_list")
        self.backup_list.setModel(self.backup_model)
        self.backup_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.backup_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backup_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.backup_list.verticalHeader().hide()
        self.backup_list.setAlternatingRowColors(True)
        self.backup_list.setMinimumHeight(150)
        header = self.backup_list.horizontalHeader()
        for col in (BackupListModel.TAKEN, BackupListModel.KIND, BackupListModel.SIZE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BackupListModel.FILE, QHeaderView.ResizeMode.Stretch)
        self.backup_list.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.check_button = QPushButton()
        self.check_button.setObjectName("check_backup")
        self.check_button.clicked.connect(self.check_selected)
        self.restore_listed = QPushButton()
        self.restore_listed.setObjectName("restore_listed")
        self.restore_listed.clicked.connect(self.restore_selected)
        self.restore_listed.setVisible(ctx.actor.can(Permission.RESTORE) and sqlite)
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("refresh_backups")
        self.refresh_button.clicked.connect(self.refresh_backups)
        self.check_result = QLabel()
        self.check_result.setObjectName("check_result")
        self.check_result.setWordWrap(True)
        self.check_result.setMinimumWidth(240)
        self.check_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        side = QVBoxLayout()
        side.addWidget(self.check_button)
        side.addWidget(self.restore_listed)
        side.addWidget(self.refresh_button)
        side.addWidget(self.check_result)
        side.addStretch()
        self.list_row = QWidget()
        lr = QHBoxLayout(self.list_row)
        lr.setContentsMargins(0, 0, 0, 0)
        lr.addWidget(self.backup_list, 3)
        lr.addLayout(side, 1)
        self.server_note = QLabel()
        self.server_note.setObjectName("server_backups_note")
        self.server_note.setWordWrap(True)
        bl.addWidget(self.list_caption)
        bl.addWidget(self.list_row)
        bl.addWidget(self.server_note)
        self.list_caption.setVisible(sqlite)
        self.list_row.setVisible(sqlite)
        self.server_note.setVisible(not sqlite)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 14, 18, 14)
        lay.addWidget(self.title)
        lay.addWidget(self.lang_box)
        lay.addWidget(self.db_box)
        lay.addWidget(self.backup_box, 1)
        self.retranslate()
        self.refresh_backups()

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
        self.list_caption.setText(self.tr(
            "Backups kept in %1 (the newest first; OpsDesk keeps the last 7 daily ones and the "
            "last 7 taken on closing):").replace("%1", str(self.folder or "")))
        self.check_button.setText(self.tr("&Check"))
        self.check_button.setToolTip(self.tr(
            "Verify the selected backup as a restore would, without changing anything."))
        self.restore_listed.setText(self.tr("Restore &this backup…"))
        self.refresh_button.setText(self.tr("Re&fresh list"))
        self.server_note.setText(self.tr(
            "This store's database is on a server. Backups are the server's job: have it backed "
            "up with the database server's own tools (for example pg_dump every night)."))
        self.backup_model.retranslate()
        self._show_check()

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
            self.last_backup.show()
            self.refresh_backups()
            self.backup_finished.emit(out)

        def failed(err: BaseException) -> None:
            if isinstance(err, OpsError):
                self.last_backup.setText(message_for(err))
                self.last_backup.show()
                self.backup_finished.emit(err)
            else:
                raise err

        return tasks.run_with_dialog(self, self.tr("Backing up…"), work, dest, on_done=done,
                                     on_error=failed)

    # -- the list of backups ------------------------------------------------------------------

    def refresh_backups(self) -> None:
        """List the folder again, keeping the selected file selected if it is still there."""
        if self.folder is None:
            return
        chosen = self.selected_backup()
        try:
            rows = backups.list_backups(self.folder)
        except OpsError as e:
            rows = []
            self.check_result.setStyleSheet(PROBLEM_STYLE)
            self.check_result.setText(message_for(e))
        self.backup_model.set_rows(rows)
        paths = [b.path for b in rows]
        row = paths.index(chosen.path) if chosen is not None and chosen.path in paths else 0
        if rows:
            self.backup_list.selectRow(row)
        self._selection_changed()

    def selected_backup(self) -> backups.BackupFile | None:
        index = self.backup_list.currentIndex()
        if not index.isValid() or index.row() >= self.backup_model.rowCount():
            return None
        return self.backup_model.row_at(index.row())

    def _selection_changed(self, *_args: object) -> None:
        chosen = self.selected_backup() is not None
        self.check_button.setEnabled(chosen)
        self.restore_listed.setEnabled(chosen)
        self._show_check()

    def _show_check(self) -> None:
        b = self.selected_backup()
        if b is None:
            self.check_result.setStyleSheet("color: #57606f;")
            self.check_result.setText(
                self.tr("No backups yet.") if not self.backup_model.rowCount()
                else self.tr("Select a backup."))
            return
        found = self._checks.get(b.path)
        if found is None:
            self.check_result.setStyleSheet("color: #57606f;")
            self.check_result.setText(self.tr(
                "Press Check to verify this backup before you rely on it."))
        elif found == "running":
            self.check_result.setStyleSheet("color: #57606f;")
            self.check_result.setText(self.tr("Checking %1…").replace("%1", b.path.name))
        elif isinstance(found, OpsError):
            self.check_result.setStyleSheet(PROBLEM_STYLE)
            self.check_result.setText(self.tr("✗ Do not rely on this backup.") + "\n"
                                      + message_for(found))
        else:
            assert isinstance(found, backups.BackupCheck)
            if found.current:
                text = self.tr("✓ Sound: it passed the integrity check and holds the store “%1”. "
                               "It can be restored.")
            else:
                text = self.tr("✓ Sound: it passed the integrity check and holds the store “%1”. "
                               "It is from an older version (schema %2) and is upgraded when it "
                               "is restored.").replace("%2", found.revision or "?")
            text = text.replace("%1", found.store_name or "?")
            self.check_result.setStyleSheet(OK_STYLE)
            self.check_result.setText(text)

    def check_selected(self) -> tasks.Job | None:
        """Verify the selected backup in the background; the result shows beside the list."""
        b = self.selected_backup()
        if b is None or self._checks.get(b.path) == "running":
            return None
        self._checks[b.path] = "running"
        self._show_check()
        job = tasks.Job(lambda _progress, path: backups.check_backup(path), b.path)
        job.signals.finished.connect(self._check_done)
        job.signals.failed.connect(lambda err, path=b.path: self._check_failed(path, err))
        return tasks.start(job)

    def _check_done(self, result: backups.BackupCheck) -> None:
        self._checks[result.path] = result
        self._show_check()
        self.check_finished.emit(result)

    def _check_failed(self, path: Path, err: BaseException) -> None:
        if not isinstance(err, OpsError):
            self._checks.pop(path, None)
            self._show_check()
            raise err
        self._checks[path] = err
        self._show_check()
        self.check_finished.emit(err)

    def restore_selected(self) -> None:
        b = self.selected_backup()
        if b is not None:
            self.restore(str(b.path))

    # -- restore -------------------------------------------------------------------------------

    def restore(self, src: str | None = None) -> None:
        if not src:
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
