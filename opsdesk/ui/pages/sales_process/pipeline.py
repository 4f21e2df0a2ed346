"""Sales process (销售流程): the five stages, each with its goal, script (话术) and offers (主张),
and the follow-up rules. The owner and the manager edit; everyone else reads, so a salesperson
reads the script of the customer's stage before calling.

Edits of a stage are kept while moving between stages (nothing typed is lost) until saved;
a stage with unsaved edits is marked in the list.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QTextListFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from opsdesk.domain.errors import FieldErrors, OpsError
from opsdesk.domain.followups import HORIZON_MAX, LIMITS, FollowUpRule, RuleKind
from opsdesk.domain.members import Stage
from opsdesk.domain.roles import Permission
from opsdesk.services import followups, pipeline
from opsdesk.ui.context import AppContext
from opsdesk.ui.labels import STAGES, label
from opsdesk.ui.messages import message_for
from opsdesk.ui.pages.sales_process.texts import RULES, UNITS, name
from opsdesk.ui.widgets.dates import OptionalDateEdit
from opsdesk.ui.widgets.form import ERROR_STYLE, ErrorForm

Index = QModelIndex | QPersistentModelIndex


def stage_title(row: pipeline.StageRow) -> str:
    return row.name or label(STAGES, row.code)


class OfferModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._rows: list[pipeline.OfferRow] = []

    def set_rows(self, rows) -> None:  # noqa: ANN001
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, i: int) -> pipeline.OfferRow:
        return self._rows[i]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201, N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            names = (self.tr("Offer"), self.tr("Price arrangement"), self.tr("Gifts"),
                     self.tr("Privileges"), self.tr("Valid"))
            return names[section] if 0 <= section < 5 else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        o = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == 4:
                if not o.valid_from and not o.valid_to:
                    return self.tr("always")
                return f"{o.valid_from.isoformat() if o.valid_from else '…'} – " \
                       f"{o.valid_to.isoformat() if o.valid_to else '…'}"
            return (o.name, o.price_text, o.gifts, o.privileges)[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (o.name, o.price_text, o.gifts, o.privileges) if x)
        return None


class OfferDialog(QDialog):
    """Add or edit an offer of a stage; Enter saves, Esc cancels, errors beside the field."""

    def __init__(self, ctx: AppContext, stage: Stage, current: pipeline.OfferRow | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offer_dialog")
        self.ctx, self.stage, self.current = ctx, stage, current
        self.result_row: pipeline.OfferRow | None = None
        self.form = ErrorForm()
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.price = QLineEdit()
        self.price.setObjectName("price_text")
        self.gifts = QLineEdit()
        self.gifts.setObjectName("gifts")
        self.privileges = QLineEdit()
        self.privileges.setObjectName("privileges")
        self.valid_from = OptionalDateEdit()
        self.valid_from.setObjectName("valid_from")
        self.valid_to = OptionalDateEdit()
        self.valid_to.setObjectName("valid_to")
        self.active = QCheckBox()
        self.active.setObjectName("active")
        self.active.setChecked(True)
        self.caps = {k: self.form.add_row(k, w) for k, w in (
            ("name", self.name), ("price_text", self.price), ("gifts", self.gifts),
            ("privileges", self.privileges), ("valid_from", self.valid_from),
            ("valid_to", self.valid_to), ("active", self.active))}
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.form)
        lay.addWidget(self.buttons)
        if current is not None:
            self.name.setText(current.name)
            self.price.setText(current.price_text)
            self.gifts.setText(current.gifts)
            self.privileges.setText(current.privileges)
            self.valid_from.set_value(current.valid_from)
            self.valid_to.set_value(current.valid_to)
            self.active.setChecked(current.active)
        self.setMinimumWidth(480)
        self.setWindowTitle(self.tr("Edit offer") if current else self.tr("New offer"))
        texts = {"name": self.tr("&Name"), "price_text": self.tr("&Price arrangement"),
                 "gifts": self.tr("&Gifts"), "privileges": self.tr("P&rivileges"),
                 "valid_from": self.tr("Valid &from"), "valid_to": self.tr("Valid &until"),
                 "active": self.tr("Status")}
        for k, t in texts.items():
            self.caps[k].setText(t)
        self.active.setText(self.tr("&Offered now"))
        self.price.setPlaceholderText(self.tr("e.g. ¥199 for 3 sessions instead of ¥600"))
        self.name.setFocus()

    def values(self) -> pipeline.OfferInput:
        return pipeline.OfferInput(
            stage=self.stage, name=self.name.text(), price_text=self.price.text(),
            gifts=self.gifts.text(), privileges=self.privileges.text(),
            valid_from=self.valid_from.value(), valid_to=self.valid_to.value(),
            active=self.active.isChecked(), sort=self.current.sort if self.current else 0)

    def save(self) -> None:
        self.form.clear_errors()
        try:
            data = self.values()
            if self.current is None:
                self.result_row = pipeline.create_offer(self.ctx.db, self.ctx.actor, data)
            else:
                self.result_row = pipeline.update_offer(self.ctx.db, self.ctx.actor,
                                                        self.current.id, data)
        except OpsError as e:
            self.form.show_error(e)
            return
        self.accept()


class RulesPanel(QWidget):
    """Each follow-up rule on or off, with its numbers of days (or months)."""

    def __init__(self, ctx: AppContext, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.editable = ctx, editable
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet("color: #57606f;")
        grid = QGridLayout()
        self.enabled: dict[RuleKind, QCheckBox] = {}
        self.offsets: dict[RuleKind, QLineEdit] = {}
        self.units: dict[RuleKind, QLabel] = {}
        self.errors: dict[RuleKind, QLabel] = {}
        for i, kind in enumerate(RuleKind):
            cb = QCheckBox()
            cb.setObjectName(f"rule_{kind.value}")
            ed = QLineEdit()
            ed.setObjectName(f"offsets_{kind.value}")
            ed.setMaximumWidth(160)
            unit = QLabel()
            err = QLabel()
            err.setObjectName(f"error_{kind.value}")
            err.setStyleSheet(ERROR_STYLE)
            err.hide()
            cb.setEnabled(editable)
            ed.setReadOnly(not editable)
            grid.addWidget(cb, i, 0)
            grid.addWidget(ed, i, 1)
            grid.addWidget(unit, i, 2)
            grid.addWidget(err, i, 3)
            self.enabled[kind], self.offsets[kind] = cb, ed
            self.units[kind], self.errors[kind] = unit, err
        grid.setColumnStretch(3, 1)
        self.lookback = QSpinBox()
        self.lookback.setObjectName("lookback_days")
        self.lookback.setRange(0, 366)
        self.lookback.setEnabled(editable)
        self.lookback_cap = QLabel()
        self.lookback_cap.setBuddy(self.lookback)
        # The backlog horizon: older follow-ups are history (long-idle leads and customers come
        # round again a year on, see domain.followups).
        self.horizon = QSpinBox()
        self.horizon.setObjectName("horizon_days")
        self.horizon.setRange(0, HORIZON_MAX)
        self.horizon.setEnabled(editable)
        self.horizon_cap = QLabel()
        self.horizon_cap.setBuddy(self.horizon)
        self.horizon_hint = QLabel()
        self.horizon_hint.setWordWrap(True)
        self.horizon_hint.setStyleSheet("color: #57606f;")
        self.general = QLabel()
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setWordWrap(True)
        self.general.hide()
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_rules")
        self.save_button.clicked.connect(self.save)
        self.save_button.setVisible(editable)
        self.saved_note = QLabel()
        self.saved_note.setObjectName("rules_saved")
        self.saved_note.setStyleSheet("color: #1e8449;")
        form = QFormLayout()
        form.addRow(self.lookback_cap, self.lookback)
        form.addRow(self.horizon_cap, self.horizon)
        form.addRow("", self.horizon_hint)
        bar = QHBoxLayout()
        bar.addWidget(self.save_button)
        bar.addWidget(self.saved_note)
        bar.addStretch()
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(grid)
        lay.addLayout(form)
        lay.addWidget(self.general)
        lay.addLayout(bar)
        lay.addStretch()
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        self.intro.setText(self.tr(
            "Follow-ups are created every day from these rules and given to the customer's "
            "salesperson. Several numbers are separated by commas (e.g. 30, 60, 90)."))
        for kind in RuleKind:
            self.enabled[kind].setText(name(RULES, kind))
            self.units[kind].setText(name(UNITS, LIMITS[kind].unit))
        self.lookback_cap.setText(self.tr("Still create a missed follow-up up to (days)"))
        self.horizon_cap.setText(self.tr("Skip follow-ups due more than this many days ago"))
        self.horizon_hint.setText(self.tr(
            "A follow-up that fell due longer ago is history, not work. Leads and customers "
            "idle for long come round again a year later."))
        self.save_button.setText(self.tr("Save &rules"))

    def load(self) -> None:
        try:
            settings = followups.load_rules(self.ctx.db, self.ctx.actor)
        except OpsError as e:
            self.general.setText(message_for(e))
            self.general.show()
            return
        for r in settings.rules:
            self.enabled[r.kind].setChecked(r.enabled)
            self.offsets[r.kind].setText(", ".join(str(x) for x in r.offsets))
        self.lookback.setValue(settings.lookback_days)
        self.horizon.setValue(settings.horizon_days)

    def rules(self) -> list[FollowUpRule]:
        out = []
        for kind in RuleKind:
            parts = [p.strip() for p in self.offsets[kind].text().replace("，", ",").split(",")]
            # Whatever is not a whole number goes to the rule check as typed, which names it.
            values = [int(p) if p.isdigit() else p for p in parts if p]
            out.append(FollowUpRule(kind, self.enabled[kind].isChecked(), tuple(values)))
        return out

    def save(self) -> None:
        for err in self.errors.values():
            err.hide()
        self.general.hide()
        self.saved_note.clear()
        try:
            followups.save_rules(self.ctx.db, self.ctx.actor, self.rules(), self.lookback.value(),
                                 self.horizon.value())
        except OpsError as e:
            errs = e.errors.values() if isinstance(e, FieldErrors) else [e]
            for one in errs:
                kind = one.params.get("rule")
                if kind in {k.value for k in RuleKind}:
                    k = RuleKind(kind)
                    self.errors[k].setText(message_for(one))
                    self.errors[k].show()
                    self.offsets[k].setFocus()
                else:
                    self.general.setText(message_for(one))
                    self.general.show()
            return
        self.saved_note.setText(self.tr("Saved."))


class PipelinePage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.editable = ctx.actor.can(Permission.PIPELINE_MANAGE)
        self.stages: list[pipeline.StageRow] = []
        self.drafts: dict[Stage, tuple[str, str, str]] = {}
        self.current: Stage | None = None
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.stage_list = QListWidget()
        self.stage_list.setObjectName("stage_list")
        self.stage_list.setFixedWidth(170)
        self.stage_list.currentRowChanged.connect(self._stage_changed)
        self.name = QLineEdit()
        self.name.setObjectName("stage_name")
        self.goal = QPlainTextEdit()
        self.goal.setObjectName("goal")
        self.goal.setMaximumHeight(70)
        self.script = QTextEdit()
        self.script.setObjectName("script")
        self.script.setAcceptRichText(True)
        self.fmt_buttons: list[QToolButton] = []
        fmt = QHBoxLayout()
        for key, slot in (("bold", self._bold), ("italic", self._italic),
                          ("list", self._bullets)):
            b = QToolButton()
            b.setObjectName(f"fmt_{key}")
            b.clicked.connect(lambda _c=False, f=slot: f())
            b.setVisible(self.editable)
            self.fmt_buttons.append(b)
            fmt.addWidget(b)
        fmt.addStretch()
        for w in (self.name,):
            w.setReadOnly(not self.editable)
        self.goal.setReadOnly(not self.editable)
        self.script.setReadOnly(not self.editable)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_stage")
        self.save_button.clicked.connect(self.save_stage)
        self.save_button.setVisible(self.editable)
        self.stage_error = QLabel()
        self.stage_error.setObjectName("stage_error")
        self.stage_error.setStyleSheet(ERROR_STYLE)
        self.stage_error.setWordWrap(True)
        self.stage_error.hide()
        self.offers = OfferModel(self)
        self.offer_table = QTableView()
        self.offer_table.setObjectName("offer_table")
        self.offer_table.setModel(self.offers)
        self.offer_table.verticalHeader().hide()
        self.offer_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.offer_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.offer_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.offer_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.offer_table.setMaximumHeight(150)
        if self.editable:
            self.offer_table.activated.connect(lambda _i: self.edit_offer())
        self.offer_buttons: dict[str, QPushButton] = {}
        obar = QHBoxLayout()
        for key, slot in (("add", self.add_offer), ("edit", self.edit_offer),
                          ("delete", self.delete_offer)):
            b = QPushButton()
            b.setObjectName(f"offer_{key}")
            b.clicked.connect(lambda _c=False, f=slot: f())
            b.setVisible(self.editable)
            self.offer_buttons[key] = b
            obar.addWidget(b)
        obar.addStretch()
        self.caps = {k: QLabel() for k in ("name", "goal", "script", "offers")}
        for k, w in (("name", self.name), ("goal", self.goal), ("script", self.script),
                     ("offers", self.offer_table)):
            self.caps[k].setBuddy(w)
            self.caps[k].setStyleSheet("font-weight: 600;")
        self.read_only_note = QLabel()
        self.read_only_note.setStyleSheet("color: #57606f;")
        self.read_only_note.setVisible(not self.editable)
        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.read_only_note)
        dl.addWidget(self.caps["name"])
        dl.addWidget(self.name)
        dl.addWidget(self.caps["goal"])
        dl.addWidget(self.goal)
        head = QHBoxLayout()
        head.addWidget(self.caps["script"])
        head.addLayout(fmt)
        dl.addLayout(head)
        dl.addWidget(self.script, 1)
        sbar = QHBoxLayout()
        sbar.addWidget(self.save_button)
        sbar.addWidget(self.stage_error, 1)
        dl.addLayout(sbar)
        dl.addWidget(self.caps["offers"])
        dl.addWidget(self.offer_table)
        dl.addLayout(obar)
        stages_tab = QWidget()
        sl = QHBoxLayout(stages_tab)
        sl.addWidget(self.stage_list)
        sl.addWidget(detail, 1)
        self.rules = RulesPanel(ctx, ctx.actor.can(Permission.FOLLOWUPS_RULES)) \
            if ctx.actor.can(Permission.FOLLOWUPS_GENERATE) else None
        self.tabs = QTabWidget()
        self.tabs.setObjectName("pipeline_tabs")
        self.tabs.addTab(stages_tab, "")
        if self.rules is not None:
            self.tabs.addTab(self.rules, "")
        if self.editable:
            QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_stage)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 14, 18, 14)
        lay.addWidget(self.title)
        lay.addWidget(self.tabs, 1)
        self.retranslate()
        self.reload()

    # --- stages -----------------------------------------------------------------------------
    def reload(self, keep: Stage | None = None) -> None:
        try:
            self.stages = pipeline.list_stages(self.ctx.db, self.ctx.actor)
        except OpsError as e:
            QMessageBox.warning(self, self.tr("Sales process"), message_for(e))
            return
        keep = keep or self.current
        self.current = None
        self.stage_list.blockSignals(True)
        self.stage_list.clear()
        for i, r in enumerate(self.stages, 1):
            item = QListWidgetItem(f"{i}. {stage_title(r)}")
            item.setData(Qt.ItemDataRole.UserRole, r.code.value)
            self.stage_list.addItem(item)
        self.stage_list.blockSignals(False)
        row = next((i for i, r in enumerate(self.stages) if r.code is keep), 0)
        self.stage_list.setCurrentRow(row)
        self._stage_changed(row)

    def stage_row(self, code: Stage) -> pipeline.StageRow:
        return next(r for r in self.stages if r.code is code)

    def select_stage(self, code: Stage | str) -> None:
        row = next(i for i, r in enumerate(self.stages) if r.code is Stage(code))
        self.stage_list.setCurrentRow(row)

    def _typed(self) -> tuple[str, str, str]:
        return self.name.text(), self.goal.toPlainText(), self.script.toHtml()

    def _keep_draft(self) -> None:
        if self.current is None or not self.editable:
            return
        r = self.stage_row(self.current)
        typed = self._typed()
        if (typed[0], typed[1]) != (r.name, r.goal) or self.script.document().isModified():
            self.drafts[self.current] = typed
        self._mark_drafts()

    def _mark_drafts(self) -> None:
        for i, r in enumerate(self.stages):
            mark = " •" if r.code in self.drafts else ""
            self.stage_list.item(i).setText(f"{i + 1}. {stage_title(r)}{mark}")

    def _stage_changed(self, row: int) -> None:
        if not 0 <= row < len(self.stages):
            return
        self._keep_draft()
        r = self.stages[row]
        self.current = r.code
        name_, goal, script = self.drafts.get(r.code, (r.name, r.goal, r.script))
        self.name.setText(name_)
        self.name.setPlaceholderText(label(STAGES, r.code))
        self.goal.setPlainText(goal)
        if script.lstrip().startswith("<"):
            self.script.setHtml(script)
        else:
            self.script.setPlainText(script)
        self.script.document().setModified(r.code in self.drafts)
        self.offers.set_rows(r.offers)
        self.stage_error.hide()
        self.caps["script"].setText(self.tr("Script for “%1”").replace("%1", stage_title(r)))

    def save_stage(self) -> None:
        if self.current is None or not self.editable:
            return
        self.stage_error.hide()
        name_, goal, script = self._typed()
        try:
            pipeline.save_stage(self.ctx.db, self.ctx.actor, self.current,
                                pipeline.StageInput(name=name_, goal=goal, script=script))
        except OpsError as e:
            self.stage_error.setStyleSheet(ERROR_STYLE)
            self.stage_error.setText(message_for(e))
            self.stage_error.show()
            return
        self.drafts.pop(self.current, None)
        self.script.document().setModified(False)
        self.reload(self.current)
        self.stage_error.setStyleSheet("color: #1e8449;")
        self.stage_error.setText(self.tr("Saved."))
        self.stage_error.show()

    # --- rich text --------------------------------------------------------------------------
    def _bold(self) -> None:
        bold = self.script.fontWeight() != QFont.Weight.Bold
        self.script.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)

    def _italic(self) -> None:
        self.script.setFontItalic(not self.script.fontItalic())

    def _bullets(self) -> None:
        self.script.textCursor().createList(QTextListFormat.Style.ListDisc)

    # --- offers -----------------------------------------------------------------------------
    def _selected_offer(self) -> pipeline.OfferRow | None:
        sel = self.offer_table.selectionModel().selectedRows()
        return self.offers.row_at(sel[0].row()) if sel else None

    def add_offer(self) -> None:
        if self.current is None:
            return
        if OfferDialog(self.ctx, self.current, None, self).exec():
            self._keep_draft()
            self.reload(self.current)

    def edit_offer(self) -> None:
        o = self._selected_offer()
        if o is None or self.current is None:
            return
        if OfferDialog(self.ctx, self.current, o, self).exec():
            self._keep_draft()
            self.reload(self.current)

    def delete_offer(self) -> None:
        o = self._selected_offer()
        if o is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete offer"),
            self.tr("Delete the offer “%1”? To keep it for reference, edit it and untick "
                    "“Offered now” instead.").replace("%1", o.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            pipeline.delete_offer(self.ctx.db, self.ctx.actor, o.id)
        except OpsError as e:
            QMessageBox.warning(self, self.tr("Delete offer"), message_for(e))
            return
        self._keep_draft()
        self.reload(self.current)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Sales process"))
        self.tabs.setTabText(0, self.tr("Stages, scripts and offers"))
        if self.rules is not None:
            self.tabs.setTabText(1, self.tr("Follow-up rules"))
        self.caps["name"].setText(self.tr("Stage &name"))
        self.caps["goal"].setText(self.tr("&Goal of this stage"))
        self.caps["offers"].setText(self.tr("O&ffers (price arrangement, gifts, privileges)"))
        self.save_button.setText(self.tr("&Save stage (Ctrl+S)"))
        for b, text, tip in zip(self.fmt_buttons,
                                (self.tr("B"), self.tr("I"), self.tr("• List")),
                                (self.tr("Bold"), self.tr("Italic"), self.tr("Bulleted list")),
                                strict=True):
            b.setText(text)
            b.setToolTip(tip)
        self.offer_buttons["add"].setText(self.tr("&Add offer…"))
        self.offer_buttons["edit"].setText(self.tr("&Edit offer…"))
        self.offer_buttons["delete"].setText(self.tr("&Delete offer"))
        self.read_only_note.setText(self.tr(
            "Read the script of the customer's stage before you call. Only the owner and the "
            "manager change it."))
        self.name.setToolTip(self.tr("Leave empty to use the usual name"))

