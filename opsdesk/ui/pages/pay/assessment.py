"""Assessments (考核): the KPI templates the owner sets (the store's, the fallback for every
position, and a position's own, chosen above the items table) (items, weights that must add up to 100,
counted automatically or scored by hand) and the manager's monthly scores.

The template table shows the weights' sum as it is typed. The monthly table lists everyone on the
payroll with each item: the items counted from the records are read-only ("actual / target"),
the manual ones (attitude) are typed into their cells and saved per person. A month whose pay run
is locked refuses new scores; the message says so under the table.
"""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from opsdesk.domain import assessment as da
from opsdesk.domain.errors import FieldErrors, OpsError, ValidationError
from opsdesk.domain.money import currency, format_money
from opsdesk.domain.roles import Permission
from opsdesk.services import assessments
from opsdesk.services.incentives import ratio_text
from opsdesk.ui import tasks
from opsdesk.ui.context import AppContext
from opsdesk.ui.messages import message_for
from opsdesk.ui.pages.pay.fields import (
    ERROR_BG,
    month_edit,
    parse_percent,
    percent_text,
    year_month,
)
from opsdesk.ui.widgets.form import ERROR_STYLE

ITEM_NAMES = {
    "visits": QT_TRANSLATE_NOOP("Assessment", "Visits"),
    "effective_visits": QT_TRANSLATE_NOOP("Assessment", "Effective visits"),
    "new_customers": QT_TRANSLATE_NOOP("Assessment", "New customers"),
    "second_follow_ups": QT_TRANSLATE_NOOP("Assessment", "Second follow-ups"),
    "revenue_attainment": QT_TRANSLATE_NOOP("Assessment", "Revenue attainment"),
    "revenue": QT_TRANSLATE_NOOP("Assessment", "Revenue"),
    "new_members": QT_TRANSLATE_NOOP("Assessment", "New members"),
    "deals": QT_TRANSLATE_NOOP("Assessment", "Deals"),
    "attitude": QT_TRANSLATE_NOOP("Assessment", "Attitude"),
    "store_revenue_attainment": QT_TRANSLATE_NOOP("Assessment", "Store revenue attainment"),
    "plan_follow_through": QT_TRANSLATE_NOOP("Assessment", "Plan follow-through"),
    "store_new_members": QT_TRANSLATE_NOOP("Assessment", "Members registered (store)"),
}
MONEY_ITEMS = ("revenue_attainment", "revenue", "store_revenue_attainment")


def item_name(code: str) -> str:
    return QCoreApplication.translate("Assessment", ITEM_NAMES[code]) if code in ITEM_NAMES \
        else code


def number_text(x: Fraction | None) -> str:
    return "" if x is None else ratio_text(x)


def parse_number(text: str, field: str) -> Fraction:
    import unicodedata

    s = unicodedata.normalize("NFKC", text or "").strip()
    if not s:
        raise ValidationError("text.required", field=field)
    from opsdesk.domain.incentives import to_ratio

    return to_ratio(s, field=field)


# ----------------------------------------------------------------------------- the template


class TemplateEditor(QWidget):
    """Items with weight, source, cap and default target; the weights' sum shown live."""

    COLS = 5

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.position = QComboBox()
        self.position.setObjectName("kpi_position")
        self.position_note = QLabel()
        self.position_note.setObjectName("kpi_position_note")
        self.position_note.setStyleSheet("color: #6e7781;")
        self.drop_btn = QPushButton(self.tr("Use the store template"))
        self.drop_btn.setObjectName("drop_template")
        self.drop_btn.setToolTip(self.tr("Remove this position's own items: its people are "
                                         "scored on the store template again"))
        self.drop_btn.clicked.connect(self.drop)
        self.table = QTableWidget(0, self.COLS)
        self.table.setObjectName("kpi_items")
        self.table.setHorizontalHeaderLabels([
            self.tr("Item"), self.tr("Weight"), self.tr("Counted"), self.tr("Cap %"),
            self.tr("Monthly target (if no plan)")])
        self.table.verticalHeader().hide()
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.sum_label = QLabel()
        self.sum_label.setObjectName("weights_sum")
        self.error = QLabel()
        self.error.setObjectName("template_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.add_btn = QPushButton(self.tr("Add item"))
        self.add_btn.setObjectName("add_item")
        self.remove_btn = QPushButton(self.tr("Remove item"))
        self.remove_btn.setObjectName("remove_item")
        self.save_btn = QPushButton(self.tr("Save template"))
        self.save_btn.setObjectName("save_template")
        self.saved = QLabel()
        self.saved.setStyleSheet("color: #2e7d32;")
        self.add_btn.clicked.connect(self.add_item)
        self.remove_btn.clicked.connect(self.remove_item)
        self.save_btn.clicked.connect(self.save)
        self.table.itemChanged.connect(lambda _it: self.update_sum())
        note = QLabel(self.tr("Weights are points out of 100. Counted items are filled from the "
                              "records; manual items are scored by the manager each month. "
                              "A target of 0 means: only the plan's target counts."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #6e7781;")
        bar = QHBoxLayout()
        bar.addWidget(self.add_btn)
        bar.addWidget(self.remove_btn)
        bar.addWidget(self.sum_label, 1)
        bar.addWidget(self.saved)
        bar.addWidget(self.save_btn)
        caption = QLabel(self.tr("&Template for:"))
        caption.setBuddy(self.position)
        pick = QHBoxLayout()
        pick.addWidget(caption)
        pick.addWidget(self.position, 1)
        pick.addWidget(self.drop_btn)
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addLayout(pick)
        lay.addWidget(self.position_note)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.error)
        lay.addLayout(bar)
        self.fill_positions()
        self.position.currentIndexChanged.connect(lambda _i: self._picked())
        self.load()

    def position_id(self) -> int | None:
        return self.position.currentData()

    def fill_positions(self) -> None:
        keep = self.position_id()
        self.position.blockSignals(True)
        self.position.clear()
        self.position.addItem(self.tr("Store template (all positions without their own)"), None)
        self.own: set[int] = set()
        for pid, name, own in assessments.template_positions(self.ctx.db, self.ctx.actor):
            if own:
                self.own.add(pid)
                self.position.addItem(self.tr("%1 (own template)").replace("%1", name), pid)
            else:
                self.position.addItem(name, pid)
        i = self.position.findData(keep)
        self.position.setCurrentIndex(max(i, 0))
        self.position.blockSignals(False)

    def _picked(self) -> None:
        self.error.hide()
        self.saved.clear()
        self._mark(None)
        self.load()

    def select_position(self, position_id: int | None) -> None:
        self.position.setCurrentIndex(max(self.position.findData(position_id), 0))

    def load(self) -> None:
        pid = self.position_id()
        if pid is None:
            self.position_note.setText(self.tr("Every position without its own template is "
                                               "scored on these items."))
        elif pid in self.own:
            self.position_note.setText(self.tr("This position has its own items."))
        else:
            self.position_note.setText(self.tr("This position uses the store template; saving "
                                               "here gives it its own items."))
        self.drop_btn.setEnabled(pid is not None and pid in self.own)
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for it in assessments.get_template(self.ctx.db, self.ctx.actor, pid):
            self._append(it.code, number_text(it.weight), it.source, percent_text(it.cap),
                         number_text(it.default_target))
        self.table.blockSignals(False)
        self.update_sum()

    def _append(self, code: str, weight: str, source: da.KpiSource, cap: str,
                target: str) -> int:
        r = self.table.rowCount()
        self.table.insertRow(r)
        name = QTableWidgetItem(item_name(code) if code else "")
        name.setData(Qt.ItemDataRole.UserRole, code or None)
        if code:
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            name.setToolTip(code)
        self.table.setItem(r, 0, name)
        self.table.setItem(r, 1, QTableWidgetItem(weight))
        box = QComboBox()
        box.addItem(self.tr("automatically"), da.KpiSource.AUTO.value)
        box.addItem(self.tr("by the manager"), da.KpiSource.MANUAL.value)
        box.setCurrentIndex(box.findData(da.KpiSource(source).value))
        self.table.setCellWidget(r, 2, box)
        self.table.setItem(r, 3, QTableWidgetItem(cap))
        self.table.setItem(r, 4, QTableWidgetItem(target))
        return r

    def add_item(self) -> None:
        self.table.blockSignals(True)
        r = self._append("", "0", da.KpiSource.MANUAL, "100", "10")
        self.table.blockSignals(False)
        self.table.setCurrentCell(r, 0)
        self.table.editItem(self.table.item(r, 0))
        self.update_sum()

    def remove_item(self) -> None:
        r = self.table.currentRow()
        if r >= 0:
            self.table.removeRow(r)
        self.update_sum()

    def text(self, r: int, c: int) -> str:
        it = self.table.item(r, c)
        return it.text().strip() if it is not None else ""

    def code(self, r: int) -> str:
        it = self.table.item(r, 0)
        if it is None:
            return ""
        return it.data(Qt.ItemDataRole.UserRole) or it.text().strip()

    def update_sum(self) -> None:
        total = Fraction(0)
        readable = True
        for r in range(self.table.rowCount()):
            try:
                total += parse_number(self.text(r, 1), "weight")
            except ValidationError:
                readable = False
        ok = readable and total == da.TOTAL_WEIGHT
        shown = number_text(total) if readable else "?"
        self.sum_label.setText(self.tr("Total weight: %1 of 100").replace("%1", shown))
        self.sum_label.setStyleSheet("color: #2e7d32;" if ok else ERROR_STYLE)

    def _mark(self, row: int | None) -> None:
        for r in range(self.table.rowCount()):
            for c in (0, 1, 3, 4):
                it = self.table.item(r, c)
                if it is not None:
                    it.setBackground(QColor(ERROR_BG) if r == row else QBrush())

    def items(self) -> list[assessments.ItemInput]:
        out = []
        for r in range(self.table.rowCount()):
            code = self.code(r)
            try:
                weight = parse_number(self.text(r, 1), code)
                cap = parse_percent(self.text(r, 3), code)
                target = parse_number(self.text(r, 4) or "0", code)
            except ValidationError as e:
                e.field = code or e.field
                raise
            box = self.table.cellWidget(r, 2)
            out.append(assessments.ItemInput(code, weight, box.currentData(), cap, target))
        return out

    def show_error(self, e: OpsError) -> None:
        parts = list(e.errors.items()) if isinstance(e, FieldErrors) else [(e.field, e)]
        lines, row = [], None
        codes = [self.code(r) for r in range(self.table.rowCount())]
        for field, err in parts:
            text = message_for(err)
            if field in codes:
                if row is None:
                    row = codes.index(field)
                text = f"{item_name(field)}: {text}"
            lines.append(text)
        self._mark(row)
        self.error.setText("\n".join(lines))
        self.error.show()

    def save(self) -> bool:
        self.error.hide()
        self.saved.clear()
        self._mark(None)
        try:
            assessments.save_template(self.ctx.db, self.ctx.actor, self.items(),
                                      self.position_id())
        except OpsError as e:
            self.show_error(e)
            return False
        self.fill_positions()
        self.load()
        self.saved.setText(self.tr("Saved."))
        return True

    def drop(self) -> bool:
        """The chosen position goes back to the store template."""
        self.error.hide()
        self.saved.clear()
        self._mark(None)
        pid = self.position_id()
        if pid is None:
            return False
        try:
            assessments.drop_template(self.ctx.db, self.ctx.actor, pid)
        except OpsError as e:
            self.show_error(e)
            return False
        self.fill_positions()
        self.load()
        self.saved.setText(self.tr("Back to the store template."))
        return True


# ----------------------------------------------------------------------------- the month


class MonthScores(QWidget):
    """Everyone on the payroll × the template's items for one month; manual cells editable."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cur = currency(ctx.store.currency)
        self.month = month_edit()
        self.month.setObjectName("score_month")
        self.month.dateChanged.connect(lambda _d: self.reload())
        self.refresh_btn = QPushButton(self.tr("&Count from the records"))
        self.refresh_btn.setObjectName("refresh_scores")
        self.save_btn = QPushButton(self.tr("Save &scores"))
        self.save_btn.setObjectName("save_scores")
        self.refresh_btn.clicked.connect(self.refresh)
        self.save_btn.clicked.connect(self.save)
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("month_scores")
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.status = QLabel()
        self.status.setObjectName("scores_status")
        self.status.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("scores_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.job: tasks.Job | None = None
        caption = QLabel(self.tr("&Month:"))
        caption.setBuddy(self.month)
        bar = QHBoxLayout()
        bar.addWidget(caption)
        bar.addWidget(self.month)
        bar.addWidget(self.refresh_btn)
        bar.addStretch(1)
        bar.addWidget(self.save_btn)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.status)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.error)
        self.items: list[assessments.ItemRow] = []
        self.views: list[assessments.AssessmentView] = []
        self.reload()

    def reload(self) -> None:
        self.error.hide()
        y, m = year_month(self.month)
        store = assessments.get_template(self.ctx.db, self.ctx.actor)
        try:
            self.views = assessments.month_assessments(self.ctx.db, self.ctx.actor, y, m)
        except OpsError as e:
            self.views = []
            self._show_error(message_for(e))
        self.items = self._columns(store)
        self._fill()

    def _columns(self, store: list[assessments.ItemRow]) -> list[assessments.ItemRow]:
        """The store template's items, then any other item a person is scored on (their
        position's own template); the weight only in the header when everyone shares it."""
        cols = {it.code: it for it in store if not self.views}
        weights: dict[str, set[Fraction]] = {}
        for v in self.views:
            for ln in v.lines:
                weights.setdefault(ln.code, set()).add(ln.weight)
                if ln.code not in cols:
                    cols[ln.code] = assessments.ItemRow(ln.code, ln.weight, ln.source, ln.cap,
                                                        ln.target or Fraction(0))
        order = [it.code for it in store] + [c for c in cols if c not in {i.code for i in store}]
        self.shared = {c for c, w in weights.items() if len(w) == 1}
        return [cols[c] for c in order if c in cols]

    def _cell_text(self, it: assessments.ItemRow, ln: assessments.LineView | None) -> str:
        if ln is None or ln.actual is None:
            return ""
        if it.code in MONEY_ITEMS:
            actual = format_money(int(ln.actual), self.cur)
            target = "—" if ln.target is None else format_money(int(ln.target), self.cur)
        else:
            actual, target = number_text(ln.actual), number_text(ln.target) or "—"
        return f"{actual} / {target}"

    def _fill(self) -> None:
        self.table.blockSignals(True)
        heads = [self.tr("Name")]
        for it in self.items:
            if not self.views or it.code in self.shared:
                heads.append(f"{item_name(it.code)} ({number_text(it.weight)})")
            else:
                heads.append(item_name(it.code))
        heads.append(self.tr("Score"))
        self.table.clear()
        self.table.setColumnCount(len(heads))
        self.table.setHorizontalHeaderLabels(heads)
        self.table.setRowCount(len(self.views))
        grey = QColor("#6e7781")
        for r, v in enumerate(self.views):
            name = QTableWidgetItem(v.staff_name)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            name.setData(Qt.ItemDataRole.UserRole, v.staff_id)
            self.table.setItem(r, 0, name)
            lines = {ln.code: ln for ln in v.lines}
            for c, it in enumerate(self.items, 1):
                ln = lines.get(it.code)
                if ln is None:
                    cell = QTableWidgetItem("")
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    cell.setBackground(QColor("#f0f0f0"))
                    cell.setToolTip(self.tr("Not on this person's assessment"))
                elif it.source is da.KpiSource.MANUAL:
                    cell = QTableWidgetItem(number_text(ln.actual))
                    cell.setToolTip(self.tr("Type the score out of %1").replace(
                        "%1", number_text(ln.target)))
                else:
                    cell = QTableWidgetItem(self._cell_text(it, ln))
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    cell.setForeground(grey)
                    cell.setToolTip(self.tr("Counted from the records: actual / target"))
                cell.setData(Qt.ItemDataRole.UserRole, it.code)
                self.table.setItem(r, c, cell)
            score = QTableWidgetItem("—" if v.score is None else str(v.score))
            score.setFlags(score.flags() & ~Qt.ItemFlag.ItemIsEditable)
            score.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, len(self.items) + 1, score)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.blockSignals(False)
        if self.views:
            self.status.setText(self.tr("Type the manual items (grey cells are counted from the "
                                        "records), then save. %1 people.").replace(
                "%1", str(len(self.views))))
        else:
            self.status.setText(self.tr("No assessments for this month yet: press “Count from "
                                        "the records” to list everyone on the payroll."))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def refresh(self) -> tasks.Job:
        y, m = year_month(self.month)
        db, actor = self.ctx.db, self.ctx.actor
        self.error.hide()

        def work(_progress: tasks.Progress) -> list[assessments.AssessmentView]:
            return assessments.refresh_month(db, actor, y, m)

        def failed(err: BaseException) -> None:
            if not isinstance(err, OpsError):
                raise err
            self._show_error(message_for(err))

        self.job = tasks.run_with_dialog(self, self.tr("Counting the month's figures…"), work,
                                         on_done=lambda _v: self.reload(), on_error=failed,
                                         write=True, cancellable=False)
        return self.job

    def manual_values(self) -> dict[int, dict[str, str]]:
        """Per person, the manual cells typed that differ from what is kept."""
        kept = {v.staff_id: {ln.code: ln.actual for ln in v.lines} for v in self.views}
        out: dict[int, dict[str, str]] = {}
        for r in range(self.table.rowCount()):
            sid = self.table.item(r, 0).data(Qt.ItemDataRole.UserRole)
            for c, it in enumerate(self.items, 1):
                if it.source is not da.KpiSource.MANUAL or it.code not in kept.get(sid, {}):
                    continue
                text = self.table.item(r, c).text().strip()
                old = kept.get(sid, {}).get(it.code)
                if not text or (old is not None and text == number_text(old)):
                    continue
                out.setdefault(sid, {})[it.code] = text
        return out

    def save(self) -> bool:
        self.error.hide()
        y, m = year_month(self.month)
        names = {v.staff_id: v.staff_name for v in self.views}
        problems = []
        for sid, values in self.manual_values().items():
            try:
                assessments.set_manual(self.ctx.db, self.ctx.actor, sid, y, m, values)
            except OpsError as e:
                if e.code == "pay_run.locked":
                    problems = [message_for(e)]
                    break
                problems.append(f"{names.get(sid, '')}: {message_for(e)}")
        self.reload()
        if problems:
            self._show_error("\n".join(problems))
            return False
        return True


class AssessmentTab(QWidget):
    """The template (``pay.manage``) above the month's scores (``assessments.score``)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assessment_tab")
        self.template: TemplateEditor | None = None
        self.scores: MonthScores | None = None
        split = QSplitter(Qt.Orientation.Vertical)
        if ctx.actor.can(Permission.ASSESSMENTS_SCORE):
            self.scores = MonthScores(ctx)
            box = QGroupBox(self.tr("Monthly scores"))
            QVBoxLayout(box).addWidget(self.scores)
            split.addWidget(box)
        if ctx.actor.can(Permission.PAY_MANAGE):
            self.template = TemplateEditor(ctx)
            box = QGroupBox(self.tr("Assessment items (KPI template)"))
            QVBoxLayout(box).addWidget(self.template)
            split.addWidget(box)
        lay = QVBoxLayout(self)
        lay.addWidget(split)
