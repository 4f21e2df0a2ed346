"""Pay schemes (薪酬方案): each position's rules and each person's exceptions, edited by the owner.

The list on the left holds the positions and the people; the editor on the right shows one
scheme: fixed pay, performance pay and its cap, sales commission with its bracket table, the
new-member bonus, the mentor rule and the annual bonus. For a person, each part has an "own
value" box: unticked parts follow the position's scheme and only the ticked ones are saved.

Nothing is worked out here: the editor reads the typed values, the service checks the scheme
(``domain.incentives.validate_scheme``) and every error is shown beside its field; a bad bracket
names its row and the row is marked. Nothing is saved while any error is left.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from fractions import Fraction

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from opsdesk.domain.errors import Collector, FieldErrors, OpsError, ValidationError
from opsdesk.domain.incentives import (
    DEFAULT_PERFORMANCE_CAP,
    INHERIT,
    Bracket,
    BracketBy,
    CommissionMeasure,
    CommissionMode,
    CommissionRule,
    MentorRule,
    PayScheme,
    SchemeOverride,
    to_ratio,
)
from opsdesk.domain.money import Currency, currency, parse_money, to_input_text
from opsdesk.services import incentives
from opsdesk.services import staff as staff_service
from opsdesk.ui.context import AppContext
from opsdesk.ui.messages import message_for
from opsdesk.ui.models.rows_table import Index, RowsTableModel
from opsdesk.ui.pages.pay.fields import ERROR_BG, parse_percent, percent_text
from opsdesk.ui.widgets.form import ERROR_STYLE, ErrorForm
from opsdesk.ui.widgets.money_edit import MoneyEdit

CTX = "PaySchemes"

# The parts of a scheme a person may override, and the form rows each part covers.
GROUPS: dict[str, tuple[str, ...]] = {
    "base_pay": ("base_pay",),
    "responsibility_pay": ("responsibility_pay",),
    "performance_base": ("performance_base",),
    "performance_cap": ("performance_cap",),
    "commission": ("commission", "brackets"),
    "new_member_bonus": ("new_member_bonus",),
    "mentor": ("mentor", "standard_line", "mentor_bonus", "mentor_subsidy"),
    "annual_bonus_share": ("annual_bonus_share",),
    "annual_bonus_month": ("annual_bonus_month",),
}
FIELD_WIDTH = 160
ROW_OF = {row: group for group, rows in GROUPS.items() for row in rows}


# ----------------------------------------------------------------------------- the list


@dataclass(frozen=True)
class Entry:
    """One line of the list: a position, or a person."""

    position_id: int | None
    staff_id: int | None
    label: str
    position: str
    scheme: PayScheme | None  # the position's scheme (for a person: their position's)
    override: SchemeOverride | None


def own_fields(o: SchemeOverride | None) -> list[str]:
    if o is None:
        return []
    return [f.name for f in fields(SchemeOverride) if getattr(o, f.name) is not INHERIT]


class SchemeListModel(RowsTableModel):
    CONTEXT = CTX
    COLUMNS = (
        ("label", QT_TRANSLATE_NOOP("PaySchemes", "Position or person")),
        ("state", QT_TRANSLATE_NOOP("PaySchemes", "Scheme")),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        e: Entry | None = self.valid_row(index)
        if e is None:
            return None
        key = self.key_at(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "label":
                return e.label if e.staff_id is None else f"    {e.label}"
            if e.staff_id is None:
                return QCoreApplication.translate("PaySchemes", "set") if e.scheme is not None \
                    else QCoreApplication.translate("PaySchemes", "none")
            n = len(own_fields(e.override))
            if n:
                return QCoreApplication.translate("PaySchemes", "%1 own values").replace("%1", str(n))
            if e.scheme is not None:
                return QCoreApplication.translate("PaySchemes", "as position")
            return QCoreApplication.translate("PaySchemes", "not on payroll")
        if role == Qt.ItemDataRole.FontRole and e.staff_id is None:
            from PySide6.QtGui import QFont

            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ForegroundRole and key == "state":
            if e.staff_id is None and e.scheme is None:
                return QColor("#8a6d00")
            if e.staff_id is not None and not own_fields(e.override):
                return QColor("#6e7781")
        return None


def load_entries(ctx: AppContext) -> list[Entry]:
    rows = incentives.list_schemes(ctx.db, ctx.actor)
    schemes = {r.position_id: r.scheme for r in rows if r.staff_id is None}
    names = {r.position_id: r.position for r in rows if r.staff_id is None}
    overrides = {r.staff_id: r.override for r in rows if r.staff_id is not None}
    people: dict[int | None, list[staff_service.StaffRow]] = {}
    for p in staff_service.list_staff(ctx.db, ctx.actor, include_inactive=False):
        if p.role.value == "owner" and p.id not in overrides:
            continue
        people.setdefault(p.position_id if p.position_id in names else None, []).append(p)
    out: list[Entry] = []
    for pid, name in names.items():
        out.append(Entry(pid, None, name, name, schemes.get(pid), None))
        for p in people.get(pid, ()):
            out.append(Entry(pid, p.id, p.name, name, schemes.get(pid), overrides.get(p.id)))
    for p in people.get(None, ()):
        out.append(Entry(None, p.id, p.name, p.position, None, overrides.get(p.id)))
    return out


# ----------------------------------------------------------------------------- the bracket table


class BracketTable(QWidget):
    """From / To / Rate rows with add and remove; "To" left empty on the last row: no limit."""

    def __init__(self, cur: Currency, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cur = cur
        self.by = BracketBy.AMOUNT
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("brackets")
        self.table.verticalHeader().setVisible(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(130)
        self.table.setMaximumHeight(165)
        self.add_btn = QPushButton(self.tr("Add bracket"))
        self.add_btn.setObjectName("add_bracket")
        self.remove_btn = QPushButton(self.tr("Remove bracket"))
        self.remove_btn.setObjectName("remove_bracket")
        self.add_btn.clicked.connect(self.add_row)
        self.remove_btn.clicked.connect(self.remove_row)
        side = QVBoxLayout()
        side.addWidget(self.add_btn)
        side.addWidget(self.remove_btn)
        side.addStretch(1)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table, 1)
        lay.addLayout(side)
        self._headers()

    def _headers(self) -> None:
        if self.by is BracketBy.AMOUNT:
            heads = [self.tr("From (amount)"), self.tr("To (empty: no limit)"), self.tr("Rate %")]
        else:
            heads = [self.tr("From (% of target)"), self.tr("To (empty: no limit)"),
                     self.tr("Rate %")]
        self.table.setHorizontalHeaderLabels(heads)

    def set_by(self, by: BracketBy) -> None:
        self.by = by
        self._headers()

    def _bound_text(self, x: object) -> str:
        if x is None:
            return ""
        if self.by is BracketBy.AMOUNT and isinstance(x, int):
            return to_input_text(x, self.cur)
        return percent_text(to_ratio(x))  # type: ignore[arg-type]

    def set_brackets(self, brackets: tuple[Bracket, ...], by: BracketBy) -> None:
        self.set_by(by)
        self.table.setRowCount(0)
        for b in brackets:
            self._append(self._bound_text(b.lower), self._bound_text(b.upper),
                         percent_text(to_ratio(b.rate)))
        self.clear_marks()

    def _append(self, lo: str, hi: str, rate: str) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        for c, text in enumerate((lo, hi, rate)):
            self.table.setItem(r, c, QTableWidgetItem(text))

    def add_row(self) -> None:
        """A new last row starting where the last one now ends (or at 0)."""
        r = self.table.rowCount()
        start = "0"
        if r:
            last_to = self.text(r - 1, 1)
            start = last_to or ""
        self._append(start, "", "")
        self.table.setCurrentCell(r, 0 if not start else 1)

    def remove_row(self) -> None:
        r = self.table.currentRow()
        if r < 0:
            r = self.table.rowCount() - 1
        if r >= 0:
            self.table.removeRow(r)
        self.clear_marks()

    def text(self, row: int, col: int) -> str:
        it = self.table.item(row, col)
        return it.text().strip() if it is not None else ""

    def set_text(self, row: int, col: int, text: str) -> None:
        it = self.table.item(row, col)
        if it is None:
            self.table.setItem(row, col, QTableWidgetItem(text))
        else:
            it.setText(text)

    def _bound(self, text: str, row: int) -> int | Fraction | None:
        if not text:
            return None
        try:
            if self.by is BracketBy.AMOUNT:
                return parse_money(text, self.cur, allow_negative=True, field="brackets")
            return parse_percent(text, "brackets")
        except ValidationError as e:
            e.params = {**e.params, "index": row}
            raise

    def brackets(self) -> tuple[Bracket, ...]:
        """The typed rows; raises the first unreadable cell's error with its row ``index``."""
        self.table.setCurrentItem(None)  # commit an edit still open
        out = []
        for r in range(self.table.rowCount()):
            lo, hi, rate = self.text(r, 0), self.text(r, 1), self.text(r, 2)
            if not (lo or hi or rate):
                continue
            lower = self._bound(lo, r)
            if lower is None:
                raise ValidationError("text.required", field="brackets", index=r)
            try:
                x = parse_percent(rate, "brackets")
            except ValidationError as e:
                e.params = {**e.params, "index": r}
                raise
            out.append(Bracket(lower, self._bound(hi, r), x))  # type: ignore[arg-type]
        return tuple(out)

    def clear_marks(self) -> None:
        for r in range(self.table.rowCount()):
            for c in range(3):
                it = self.table.item(r, c)
                if it is not None:
                    it.setBackground(QBrush())

    def mark_row(self, row: int) -> None:
        self.clear_marks()
        if 0 <= row < self.table.rowCount():
            for c in range(3):
                it = self.table.item(row, c)
                if it is None:
                    it = QTableWidgetItem("")
                    self.table.setItem(row, c, it)
                it.setBackground(QColor(ERROR_BG))
            self.table.scrollToItem(self.table.item(row, 0))


# ----------------------------------------------------------------------------- the editor


class SchemeEditor(QWidget):
    """One scheme's fields. ``load_position`` / ``load_person`` fill it; ``save`` hands what was
    typed to the service and shows any errors beside their fields."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cur = currency(ctx.store.currency)
        self.entry: Entry | None = None
        self.form = ErrorForm()
        self.title = QLabel()
        self.title.setObjectName("scheme_title")
        self.title.setWordWrap(True)
        f = self.title.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.15)
        self.title.setFont(f)
        self.hint = QLabel()
        self.hint.setObjectName("scheme_hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #6e7781;")

        def money(name: str) -> MoneyEdit:
            w = MoneyEdit(self.cur)
            w.setObjectName(name)
            w.setFixedWidth(FIELD_WIDTH)
            return w

        def percent(name: str) -> QLineEdit:
            w = QLineEdit()
            w.setObjectName(name)
            w.setFixedWidth(FIELD_WIDTH)
            return w

        self.base_pay = money("base_pay")
        self.responsibility_pay = money("responsibility_pay")
        self.performance_base = money("performance_base")
        self.performance_cap = percent("performance_cap")
        self.commission = QCheckBox()
        self.commission.setObjectName("commission_on")
        self.measure = QComboBox()
        self.measure.setObjectName("measure")
        self.measure.addItem(self.tr("on revenue"), CommissionMeasure.REVENUE.value)
        self.measure.addItem(self.tr("on gross profit"), CommissionMeasure.GROSS_PROFIT.value)
        self.by = QComboBox()
        self.by.setObjectName("bracket_by")
        self.by.addItem(self.tr("brackets by amount"), BracketBy.AMOUNT.value)
        self.by.addItem(self.tr("brackets by attainment %"), BracketBy.ATTAINMENT.value)
        self.mode = QComboBox()
        self.mode.setObjectName("mode")
        self.mode.addItem(self.tr("step: whole amount at the bracket's rate"),
                          CommissionMode.STEP.value)
        self.mode.addItem(self.tr("marginal: each slice at its own rate"),
                          CommissionMode.MARGINAL.value)
        commission_box = QWidget()
        cl = QVBoxLayout(commission_box)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.commission)
        combos = QHBoxLayout()
        for w in (self.measure, self.by):
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combos.addWidget(w)
        combos.addWidget(self.mode, 1)  # its long text is never cut short
        cl.addLayout(combos)
        self.brackets = BracketTable(self.cur)
        self.new_member_bonus = money("new_member_bonus")
        self.mentor = QCheckBox()
        self.mentor.setObjectName("mentor_on")
        self.standard_line = percent("standard_line")
        self.mentor_bonus = money("mentor_bonus")
        self.mentor_subsidy = money("mentor_subsidy")
        self.annual_bonus_share = percent("annual_bonus_share")
        self.annual_bonus_month = QComboBox()
        self.annual_bonus_month.setObjectName("annual_bonus_month")
        self.annual_bonus_month.addItem("—", None)
        for m in range(1, 13):
            self.annual_bonus_month.addItem(str(m), m)
        self.annual_bonus_month.setFixedWidth(FIELD_WIDTH)

        widgets: dict[str, QWidget] = {
            "base_pay": self.base_pay, "responsibility_pay": self.responsibility_pay,
            "performance_base": self.performance_base, "performance_cap": self.performance_cap,
            "commission": commission_box, "brackets": self.brackets,
            "new_member_bonus": self.new_member_bonus, "mentor": self.mentor,
            "standard_line": self.standard_line, "mentor_bonus": self.mentor_bonus,
            "mentor_subsidy": self.mentor_subsidy, "annual_bonus_share": self.annual_bonus_share,
            "annual_bonus_month": self.annual_bonus_month,
        }
        self.widgets = widgets
        # A person's "own value" box beside the first row of each part.
        self.own: dict[str, QCheckBox] = {}
        self.caps: dict[str, QLabel] = {}
        for key, w in widgets.items():
            group = ROW_OF[key]
            if GROUPS[group][0] == key:
                box = QWidget()
                bl = QHBoxLayout(box)
                bl.setContentsMargins(0, 0, 0, 0)
                bl.addWidget(w, 1 if key in ("commission", "brackets") else 0)
                if key not in ("commission", "brackets"):
                    bl.addStretch(1)
                own = QCheckBox()
                own.setObjectName(f"own_{group}")
                own.toggled.connect(lambda _on, g=group: self._sync_enabled(g))
                bl.addWidget(own, 0, Qt.AlignmentFlag.AlignTop)
                self.own[group] = own
                self.caps[key] = self.form.add_row(key, box)
            else:
                self.caps[key] = self.form.add_row(key, w)
        self.commission.toggled.connect(lambda _on: self._sync_enabled("commission"))
        self.mentor.toggled.connect(lambda _on: self._sync_enabled("mentor"))
        self.by.currentIndexChanged.connect(self._by_changed)

        self.save_btn = QPushButton(self.tr("&Save scheme"))
        self.save_btn.setObjectName("save_scheme")
        self.remove_btn = QPushButton(self.tr("Remove scheme"))
        self.remove_btn.setObjectName("remove_scheme")
        self.saved = QLabel()
        self.saved.setObjectName("scheme_saved")
        self.saved.setStyleSheet("color: #2e7d32;")
        self.save_btn.clicked.connect(self.save)
        self.remove_btn.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_btn)
        buttons.addWidget(self.remove_btn)
        buttons.addWidget(self.saved, 1)

        inner = QWidget()
        il = QVBoxLayout(inner)
        il.addWidget(self.title)
        il.addWidget(self.hint)
        il.addWidget(self.form)
        il.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(scroll, 1)
        lay.addLayout(buttons)
        self.retranslate()
        self.setEnabled(False)

    def retranslate(self) -> None:
        texts = {
            "base_pay": self.tr("&Base pay / month"),
            "responsibility_pay": self.tr("&Responsibility pay / month"),
            "performance_base": self.tr("&Performance pay base / month"),
            "performance_cap": self.tr("Score factor &cap %"),
            "commission": self.tr("Sales &commission"),
            "brackets": self.tr("Commission brackets"),
            "new_member_bonus": self.tr("Bonus per &new member"),
            "mentor": self.tr("Mentor rule"),
            "standard_line": self.tr("Apprentice's standard &line %"),
            "mentor_bonus": self.tr("Mentor bonus at or above the line"),
            "mentor_subsidy": self.tr("Mentor subsidy (cut below the line)"),
            "annual_bonus_share": self.tr("Annual bonus: &share of excess %"),
            "annual_bonus_month": self.tr("Annual bonus paid in month"),
        }
        for key, text in texts.items():
            self.caps[key].setText(text)
        self.commission.setText(self.tr("Pays sales commission"))
        self.mentor.setText(self.tr("Mentor is paid by the apprentice's result"))
        self.performance_cap.setPlaceholderText(self.tr("e.g. 120"))
        self.standard_line.setPlaceholderText(self.tr("e.g. 100"))
        self.annual_bonus_share.setPlaceholderText(self.tr("e.g. 5"))
        for own in self.own.values():
            own.setText(self.tr("own value"))
            own.setToolTip(self.tr("Ticked: this person's own value; unticked: the position's"))

    # ------------------------------------------------------------------ filling

    def _by_changed(self) -> None:
        self.brackets.set_by(BracketBy(self.by.currentData()))

    def _fill(self, s: PayScheme) -> None:
        self.base_pay.set_value(s.base_pay)
        self.responsibility_pay.set_value(s.responsibility_pay)
        self.performance_base.set_value(s.performance_base)
        self.performance_cap.setText(percent_text(to_ratio(s.performance_cap)))
        rule = s.commission
        self.commission.setChecked(rule is not None)
        if rule is not None:
            self.measure.setCurrentIndex(self.measure.findData(rule.measure.value))
            self.mode.setCurrentIndex(self.mode.findData(rule.mode.value))
            self.by.blockSignals(True)
            self.by.setCurrentIndex(self.by.findData(rule.bracket_by.value))
            self.by.blockSignals(False)
            self.brackets.set_brackets(rule.brackets, rule.bracket_by)
        else:
            self.by.blockSignals(True)
            self.by.setCurrentIndex(0)
            self.by.blockSignals(False)
            self.brackets.set_brackets((), BracketBy.AMOUNT)
            self.brackets.add_row()
        self.new_member_bonus.set_value(s.new_member_bonus)
        m = s.mentor
        self.mentor.setChecked(m is not None)
        self.standard_line.setText(percent_text(to_ratio(m.standard_line)) if m else "100")
        self.mentor_bonus.set_value(m.bonus if m else 0)
        self.mentor_subsidy.set_value(m.subsidy if m else 0)
        self.annual_bonus_share.setText(percent_text(to_ratio(s.annual_bonus_share)))
        self.annual_bonus_month.setCurrentIndex(
            max(0, self.annual_bonus_month.findData(s.annual_bonus_month)))

    def load(self, entry: Entry) -> None:
        self.entry = entry
        self.form.clear_errors()
        self.brackets.clear_marks()
        self.saved.clear()
        self.setEnabled(True)
        person = entry.staff_id is not None
        base = entry.scheme or PayScheme()
        merged = base
        if person and entry.override is not None:
            from opsdesk.domain.incentives import merge_scheme

            merged = merge_scheme(base, entry.override)
        self._fill(merged)
        own = set(own_fields(entry.override))
        for group, box in self.own.items():
            box.blockSignals(True)
            box.setChecked(group in own)
            box.blockSignals(False)
            box.setVisible(person)
        if person:
            self.title.setText(self.tr("%1 — own pay rules").replace("%1", entry.label))
            if entry.position_id is not None and entry.scheme is not None:
                self.hint.setText(self.tr(
                    "Follows the scheme of “%1”. Tick “own value” beside a part to give this "
                    "person a different value; only the ticked parts are saved.").replace(
                    "%1", entry.position))
            else:
                self.hint.setText(self.tr(
                    "This person's position has no pay scheme. Tick “own value” beside each "
                    "part this person is paid by."))
            self.remove_btn.setText(self.tr("Back to the position's scheme"))
            self.remove_btn.setEnabled(bool(own))
        else:
            self.title.setText(self.tr("Pay scheme of “%1”").replace("%1", entry.label))
            self.hint.setText(self.tr(
                "Everyone in this position is paid by these rules unless they have their own "
                "values. Amounts per month; rates and shares in %."))
            self.remove_btn.setText(self.tr("Remove scheme"))
            self.remove_btn.setEnabled(entry.scheme is not None)
        for group in GROUPS:
            self._sync_enabled(group)

    def _sync_enabled(self, group: str) -> None:
        person = self.entry is not None and self.entry.staff_id is not None
        on = not person or self.own[group].isChecked()
        for key in GROUPS[group]:
            self.widgets[key].setEnabled(on)
        if group == "commission":
            on_c = on and self.commission.isChecked()
            for w in (self.measure, self.by, self.mode):
                w.setEnabled(on_c)
            self.brackets.setEnabled(on_c)
        if group == "mentor":
            on_m = on and self.mentor.isChecked()
            for w in (self.standard_line, self.mentor_bonus, self.mentor_subsidy):
                w.setEnabled(on_m)

    # ------------------------------------------------------------------ reading

    def _values(self, wanted: set[str]) -> dict[str, object]:
        """The typed value of each wanted part; every unreadable field at once as FieldErrors."""
        c = Collector()
        out: dict[str, object] = {}
        for name in ("base_pay", "responsibility_pay", "performance_base", "new_member_bonus"):
            if name in wanted:
                w: MoneyEdit = self.widgets[name]  # type: ignore[assignment]
                out[name] = 0 if not w.text().strip() else c.take(name, w.value)
        if "performance_cap" in wanted:
            cap = c.take("performance_cap", parse_percent, self.performance_cap.text(),
                         "performance_cap", required=False)
            out["performance_cap"] = Fraction(DEFAULT_PERFORMANCE_CAP) \
                if cap is None and not self.performance_cap.text().strip() else cap
        if "commission" in wanted:
            if self.commission.isChecked():
                br = c.take("brackets", self.brackets.brackets)
                if br is not None:
                    out["commission"] = CommissionRule(
                        br, CommissionMode(self.mode.currentData()),
                        CommissionMeasure(self.measure.currentData()),
                        BracketBy(self.by.currentData()))
            else:
                out["commission"] = None
        if "mentor" in wanted:
            if self.mentor.isChecked():
                line = c.take("standard_line", parse_percent, self.standard_line.text(),
                              "standard_line")
                bonus = 0 if not self.mentor_bonus.text().strip() else c.take(
                    "mentor_bonus", self.mentor_bonus.value)
                sub = 0 if not self.mentor_subsidy.text().strip() else c.take(
                    "mentor_subsidy", self.mentor_subsidy.value)
                if line is not None and bonus is not None and sub is not None:
                    out["mentor"] = MentorRule(line, bonus, sub)
            else:
                out["mentor"] = None
        if "annual_bonus_share" in wanted:
            share = c.take("annual_bonus_share", parse_percent, self.annual_bonus_share.text(),
                           "annual_bonus_share", required=False)
            out["annual_bonus_share"] = 0 if share is None else share
        if "annual_bonus_month" in wanted:
            out["annual_bonus_month"] = self.annual_bonus_month.currentData()
        c.done()
        return out

    def show_error(self, e: OpsError) -> None:
        self.form.show_error(e, {"assessment_score": "performance_cap"})
        self.brackets.clear_marks()
        inner = e.errors.get("brackets") if isinstance(e, FieldErrors) else (
            e if e.field == "brackets" else None)
        if inner is not None:
            index = inner.params.get("index")
            text = message_for(inner)
            if isinstance(index, int):
                self.brackets.mark_row(index)
                text = self.tr("Row %1: %2").replace("%1", str(index + 1)).replace("%2", text)
            self.form.set_field_error("brackets", text)

    def save(self) -> bool:
        e = self.entry
        if e is None:
            return False
        self.form.clear_errors()
        self.brackets.clear_marks()
        self.saved.clear()
        person = e.staff_id is not None
        wanted = {g for g in GROUPS if not person or self.own[g].isChecked()}
        try:
            values = self._values(wanted)
            if person:
                assert e.staff_id is not None
                override = SchemeOverride(**values)  # type: ignore[arg-type]
                incentives.save_override(self.ctx.db, self.ctx.actor, e.staff_id,
                                         override if values else None)
            else:
                assert e.position_id is not None
                incentives.save_position_scheme(self.ctx.db, self.ctx.actor, e.position_id,
                                                PayScheme(**values))  # type: ignore[arg-type]
        except OpsError as err:
            self.show_error(err)
            return False
        self.saved.setText(self.tr("Saved."))
        return True

    def remove(self) -> bool:
        e = self.entry
        if e is None:
            return False
        if e.staff_id is None:
            answer = QMessageBox.question(
                self, self.tr("Remove scheme"),
                self.tr("Remove the pay scheme of “%1”? People in this position are then not on "
                        "the payroll unless they have their own values.").replace("%1", e.label))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            if e.staff_id is None:
                assert e.position_id is not None
                incentives.save_position_scheme(self.ctx.db, self.ctx.actor, e.position_id, None)
            else:
                incentives.save_override(self.ctx.db, self.ctx.actor, e.staff_id, None)
        except OpsError as err:
            self.show_error(err)
            return False
        self.saved.setText(self.tr("Removed."))
        return True


class SchemesTab(QWidget):
    """The list of positions and people beside the editor."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("schemes_tab")
        self.ctx = ctx
        self.model = SchemeListModel(self)
        self.table = QTableView()
        self.table.setObjectName("scheme_list")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumWidth(260)
        self.editor = SchemeEditor(ctx)
        self.editor.save_btn.clicked.connect(self._after_save)
        self.editor.remove_btn.clicked.connect(self._after_save)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.empty = QLabel(self.tr("Add positions on the Organisation page first; each "
                                    "position gets its pay scheme here."))
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(ERROR_STYLE)
        self.empty.hide()
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.editor)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        lay = QVBoxLayout(self)
        lay.addWidget(self.empty)
        lay.addWidget(split, 1)
        self.reload()

    def reload(self, keep: tuple[int | None, int | None] | None = None) -> None:
        rows = load_entries(self.ctx)
        self.model.set_rows(rows)
        self.empty.setVisible(not any(r.staff_id is None for r in rows))
        target = 0
        if keep is not None:
            target = next((i for i, r in enumerate(rows)
                           if (r.position_id, r.staff_id) == keep), 0)
        if rows:
            self.table.selectRow(target)

    def select(self, label: str) -> int:
        for r in range(self.model.rowCount()):
            if self.model.row_at(r).label == label:
                self.table.selectRow(r)
                return r
        raise LookupError(label)

    def _row_changed(self, current, _prev) -> None:  # noqa: ANN001
        e = self.model.valid_row(current)
        if e is not None:
            self.editor.load(e)

    def _after_save(self) -> None:
        e = self.editor.entry
        if e is None or not self.editor.saved.text():
            return
        note = self.editor.saved.text()
        self.reload((e.position_id, e.staff_id))
        self.editor.saved.setText(note)
