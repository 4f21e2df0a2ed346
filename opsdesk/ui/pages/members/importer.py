"""Import members from .xlsx or .csv: pick the file, check the column mapping on a preview with
every row's problems listed, then confirm. Nothing is written before the confirmation; the import
runs in the background with progress and Cancel, in one transaction (a cancel writes nothing)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from opsdesk.domain.errors import OpsError
from opsdesk.io import members_import as mi
from opsdesk.services import member_import
from opsdesk.ui import tasks
from opsdesk.ui.context import AppContext
from opsdesk.ui.labels import GENDERS, SOURCES, label
from opsdesk.ui.messages import message_for

Index = QModelIndex | QPersistentModelIndex


class ListModel(QAbstractTableModel):
    """A small read-only table of preview rows or errors (at most a few hundred rows)."""

    def __init__(self, headers: list[str], parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.headers = headers
        self.rows: list[list[str]] = []

    def set_rows(self, rows: list[list[str]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201, N802
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if role == Qt.ItemDataRole.DisplayRole and index.isValid() \
                and 0 <= index.row() < len(self.rows):
            return self.rows[index.row()][index.column()]
        return None


def _table(model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def row_error_text(e: mi.RowError) -> str:
    return message_for(OpsError(e.code, field=e.field, **dict(e.params)))


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.path = QLineEdit()
        self.path.setObjectName("import_path")
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        self.skip = QRadioButton()
        self.skip.setObjectName("dup_skip")
        self.skip.setChecked(True)
        self.merge = QRadioButton()
        self.merge.setObjectName("dup_merge")
        self.error = QLabel()
        self.error.setObjectName("file_error")
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.cap_file = QLabel()
        self.cap_dup = QLabel()
        form = QFormLayout(self)
        form.addRow(self.cap_file, row)
        dup = QVBoxLayout()
        dup.addWidget(self.skip)
        dup.addWidget(self.merge)
        form.addRow(self.cap_dup, dup)
        form.addRow(self.error)
        self.path.textChanged.connect(self.completeChanged)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Import members"))
        self.setSubTitle(self.tr("From an Excel (.xlsx) or CSV file. UTF-8 and GBK files are "
                                 "both recognised. Nothing is saved before you confirm."))
        self.cap_file.setText(self.tr("&File"))
        self.browse.setText(self.tr("&Browse…"))
        self.cap_dup.setText(self.tr("Phone already registered"))
        self.skip.setText(self.tr("&Skip that row"))
        self.merge.setText(self.tr("&Merge: fill in what the member's record lacks"))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import members"), "",
                                              self.tr("Spreadsheets (*.xlsx *.csv)"))
        if path:
            self.path.setText(path)

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:  # noqa: N802 (Qt API)
        self.error.clear()
        try:
            self.wiz.load_preview(Path(self.path.text().strip()), None)
        except OpsError as e:
            self.error.setText(message_for(e))
            return False
        return True


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.combos: dict[str, QComboBox] = {}
        self.caps: dict[str, QLabel] = {}
        grid = QFormLayout()
        grid.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        mapping_row = QHBoxLayout()
        left, right = QFormLayout(), QFormLayout()
        for i, f in enumerate(mi.FIELDS):
            combo = QComboBox()
            combo.setObjectName(f"map_{f}")
            combo.currentIndexChanged.connect(self._mapping_changed)
            cap = QLabel()
            self.combos[f], self.caps[f] = combo, cap
            (left if i % 2 == 0 else right).addRow(cap, combo)
        mapping_row.addLayout(left)
        mapping_row.addLayout(right)
        self.summary = QLabel()
        self.summary.setObjectName("preview_summary")
        self.summary.setWordWrap(True)
        self.rows_model = ListModel([], self)
        self.errors_model = ListModel([], self)
        self.rows_view = _table(self.rows_model)
        self.rows_view.setObjectName("preview_rows")
        self.errors_view = _table(self.errors_model)
        self.errors_view.setObjectName("preview_errors")
        lay = QVBoxLayout(self)
        lay.addLayout(mapping_row)
        lay.addWidget(self.summary)
        lay.addWidget(self.rows_view, 3)
        lay.addWidget(self.errors_view, 2)
        self._filling = False

    def retranslate(self) -> None:
        self.setTitle(self.tr("Check the columns"))
        self.setSubTitle(self.tr("Which column holds what. Name and mobile are required. The "
                                 "first rows are shown as they will be saved; problems are "
                                 "listed below them, and those rows are left out."))
        names = {"name": self.tr("Name"), "phone": self.tr("Mobile"), "gender": self.tr("Gender"),
                 "birthday": self.tr("Birthday"), "card_no": self.tr("Old card number"),
                 "notes": self.tr("Notes"), "source": self.tr("Came through"),
                 "tier": self.tr("Tier")}
        for f, cap in self.caps.items():
            cap.setText(names[f])
        self.rows_model.headers = [names[f] for f in ("name", "phone", "gender", "birthday",
                                                      "source", "tier", "notes")]
        self.errors_model.headers = [self.tr("Row"), self.tr("Column"), self.tr("Value"),
                                     self.tr("Problem")]

    def show_preview(self, pv: mi.Preview) -> None:
        self._filling = True
        for f, combo in self.combos.items():
            combo.clear()
            combo.addItem(self.tr("— not in the file —"), None)
            for i, h in enumerate(pv.headers):
                combo.addItem(h or self.tr("(column %1)").replace("%1", str(i + 1)), i)
            combo.setCurrentIndex(max(0, combo.findData(pv.mapping.get(f))))
        self._filling = False
        self.rows_model.set_rows([
            [r.name, r.phone, label(GENDERS, r.gender), r.birthday.isoformat() if r.birthday else "",
             label(SOURCES, r.source), r.tier_name or "", r.notes] for r in pv.rows])
        self.errors_model.set_rows([[str(e.row_no), e.column or "", e.value, row_error_text(e)]
                                    for e in pv.errors])
        parts = [self.tr("%1 rows looked at, %2 with problems.")
                 .replace("%1", str(pv.rows_read))
                 .replace("%2", str(len({e.row_no for e in pv.errors})))]
        if pv.encoding:
            parts.append(self.tr("Text encoding: %1.").replace("%1", pv.encoding))
        if pv.missing:
            parts.append(self.tr("Choose the column for: %1.").replace(
                "%1", ", ".join(self.caps[f].text() for f in pv.missing)))
        self.summary.setText(" ".join(parts))
        self.summary.setStyleSheet("color: #c0392b;" if pv.missing else "")
        self.completeChanged.emit()

    def mapping(self) -> dict[str, int]:
        return {f: c.currentData() for f, c in self.combos.items() if c.currentData() is not None}

    def _mapping_changed(self) -> None:
        if self._filling or self.wiz.preview is None:
            return
        try:
            self.wiz.load_preview(self.wiz.path, self.mapping())
        except OpsError as e:
            self.summary.setText(message_for(e))
            self.summary.setStyleSheet("color: #c0392b;")

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        return self.wiz.preview is not None and not self.wiz.preview.missing


class RunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.info = QLabel()
        self.info.setObjectName("run_info")
        self.info.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setObjectName("run_progress")
        self.bar.setRange(0, 0)
        self.bar.hide()
        self.start = QPushButton()
        self.start.setObjectName("start_import")
        self.start.clicked.connect(self.wiz.run_import)
        self.cancel = QPushButton()
        self.cancel.setObjectName("cancel_import")
        self.cancel.hide()
        self.cancel.clicked.connect(self.wiz.cancel_import)
        row = QHBoxLayout()
        row.addWidget(self.start)
        row.addWidget(self.cancel)
        row.addStretch()
        lay = QVBoxLayout(self)
        lay.addWidget(self.info)
        lay.addLayout(row)
        lay.addWidget(self.bar)
        lay.addStretch()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Import"))
        self.start.setText(self.tr("&Start the import"))
        self.cancel.setText(self.tr("&Cancel"))

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        self.info.setText(self.tr("Ready. Rows with problems are left out; everything else is "
                                  "saved at once, or nothing if you cancel."))

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        return self.wiz.summary is not None


class ImportWizard(QWizard):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 pond_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_wizard")
        self.ctx = ctx
        self.pond_id = pond_id  # a partner pond's customers: each new one is tagged with it
        self.path: Path | None = None
        self.preview: mi.Preview | None = None
        self.summary: member_import.ImportSummary | None = None
        self.job: tasks.Job | None = None
        self.file_page = FilePage(self)
        self.preview_page = PreviewPage(self)
        self.run_page = RunPage(self)
        for p in (self.file_page, self.preview_page, self.run_page):
            self.addPage(p)
            p.retranslate()
        self.setWindowTitle(self.tr("Import members"))
        self.resize(900, 640)

    def load_preview(self, path: Path, mapping: dict[str, int] | None) -> None:
        self.path = path
        self.preview = mi.preview(path, mapping, country=self.ctx.store.country)
        self.preview_page.show_preview(self.preview)

    def run_import(self) -> tasks.Job | None:
        if self.preview is None or self.job is not None:
            return None
        mapping, path, country = self.preview.mapping, self.path, self.ctx.store.country
        on_dup = member_import.OnDuplicate.MERGE if self.file_page.merge.isChecked() \
            else member_import.OnDuplicate.SKIP
        ctx, pond_id = self.ctx, self.pond_id

        def work(progress: tasks.Progress):  # noqa: ANN202
            rows = mi.parse_all(path, mapping, country=country,
                                progress=lambda n, f: progress.report(int((f or 0) * 1000), 1000),
                                should_cancel=lambda: progress.cancelled)
            if pond_id is not None:
                from opsdesk.services import ponds

                return ponds.import_customers(ctx.db, ctx.actor, pond_id, rows, on_dup,
                                              should_cancel=lambda: progress.cancelled)
            return member_import.import_members(ctx.db, ctx.actor, rows, on_dup,
                                                should_cancel=lambda: progress.cancelled)

        self.job = tasks.Job(work)
        self.job.signals.progress.connect(self._progress)
        self.job.signals.finished.connect(self._done)
        self.job.signals.failed.connect(self._failed)
        self.job.signals.cancelled.connect(self._failed)
        self.run_page.start.setEnabled(False)
        self.run_page.cancel.show()
        self.run_page.bar.show()
        tasks.start(self.job, write=True)
        return self.job

    def cancel_import(self) -> None:
        if self.job is not None:
            self.job.progress.cancel()

    def _progress(self, done: int, total: int, _text: str) -> None:
        self.run_page.bar.setRange(0, total)
        self.run_page.bar.setValue(done)

    def _done(self, summary: member_import.ImportSummary) -> None:
        self.summary = summary
        self.job = None
        self.run_page.bar.hide()
        self.run_page.cancel.hide()
        self.run_page.info.setText(self.tr(
            "Done: %1 new members, %2 merged, %3 skipped as already registered, %4 rows left "
            "out for problems.").replace("%1", str(summary.created))
            .replace("%2", str(summary.merged)).replace("%3", str(summary.skipped))
            .replace("%4", str(len({p.row_no for p in summary.problems}))))
        self.run_page.completeChanged.emit()
        self.button(QWizard.WizardButton.CancelButton).setEnabled(False)

    def _failed(self, err: BaseException | None = None) -> None:
        self.job = None
        self.run_page.bar.hide()
        self.run_page.cancel.hide()
        self.run_page.start.setEnabled(True)
        if err is None or (isinstance(err, OpsError) and err.code == "import.cancelled"):
            self.run_page.info.setText(self.tr("Cancelled: nothing was imported."))
        elif isinstance(err, OpsError):
            self.run_page.info.setText(message_for(err))
        else:
            raise err
