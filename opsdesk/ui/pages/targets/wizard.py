"""The target decomposition wizard (年度目标分解, seed 001 and 004): year and indicators →
targets against the three baselines → split to departments and people → months → days and
weeks → the reverse calculation → review and save as the year's next plan version.

Every figure comes from :class:`~opsdesk.ui.pages.targets.draft.Draft`, which calls the domain's
pure functions; the pages only show it and collect what the owner types. The store's history is
read in the background when the year is chosen; the plan is saved through the writer lane.
"""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from opsdesk.domain.errors import OpsError, ValidationError
from opsdesk.domain.money import Currency, currency, parse_money
from opsdesk.domain.targets import (
    Baselines,
    Indicator,
    Plan,
    Seasonality,
    WeightSource,
    as_fraction,
    check_total,
    week_rows,
)
from opsdesk.services import targets as targets_service
from opsdesk.ui import tasks
from opsdesk.ui.context import AppContext
from opsdesk.ui.messages import message_for
from opsdesk.ui.pages.targets.draft import Draft
from opsdesk.ui.pages.targets.texts import WEEKDAYS, amount, indicator_name, month_name, tr

COUNT = Currency("", 0, "")
ROW_HEIGHT = 26


def _item(text: str, *, editable: bool = False, right: bool = False) -> QTableWidgetItem:
    it = QTableWidgetItem(text)
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    if editable:
        flags |= Qt.ItemFlag.ItemIsEditable
    it.setFlags(flags)
    if right:
        it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return it


def _pct_text(value: Fraction) -> str:
    return f"{float(value):.2f}%"


def _table(parent: QWidget) -> QTableWidget:
    t = QTableWidget(parent)
    t.verticalHeader().setVisible(False)
    t.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(False)
    return t


def _error_label() -> QLabel:
    lab = QLabel()
    lab.setObjectName("error")
    lab.setWordWrap(True)
    lab.setStyleSheet("color: #c62828;")
    return lab


class TargetWizard(QWizard):
    """Made for one year; ``saved`` holds the PlanInfo once the plan is saved."""

    def __init__(self, ctx: AppContext, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cur = currency(ctx.store.currency)
        self.year = year
        self.draft: Draft | None = None
        self.plan: Plan | None = None
        self.saved: targets_service.PlanInfo | None = None
        self.setObjectName("targetWizard")
        self.setWindowTitle(self.tr("Target decomposition"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.resize(980, 680)
        self.year_page = YearPage(self)
        self.targets_page = BaselinePage(self)
        self.split_page = SplitPage(self)
        self.season_page = SeasonPage(self)
        self.days_page = DaysPage(self)
        self.reverse_page = ReversePage(self)
        self.review_page = ReviewPage(self)
        for p in (self.year_page, self.targets_page, self.split_page, self.season_page,
                  self.days_page, self.reverse_page, self.review_page):
            self.addPage(p)

    def build_plan(self) -> Plan:
        assert self.draft is not None
        self.plan = self.draft.build()
        return self.plan


# ----------------------------------------------------------------------------- 1. year

class YearPage(QWizardPage):
    def __init__(self, wizard: TargetWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self._ready = False
        self.setTitle(self.tr("Year and indicators"))
        self.setSubTitle(self.tr("Choose the year to plan and what the plan should count."))
        lay = QGridLayout(self)
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2000, 2200)
        self.year.setValue(wizard.year)
        lay.addWidget(QLabel(self.tr("&Year")), 0, 0)
        lay.itemAtPosition(0, 0).widget().setBuddy(self.year)
        lay.addWidget(self.year, 0, 1)
        self.boxes: dict[Indicator, QCheckBox] = {}
        for row, ind in enumerate(Indicator, start=1):
            box = QCheckBox(indicator_name(ind))
            box.setObjectName(f"indicator_{ind.value}")
            box.setChecked(ind in (Indicator.REVENUE, Indicator.DEALS))
            self.boxes[ind] = box
            lay.addWidget(box, row, 1)
        lay.addWidget(QLabel(self.tr("Indicators")), 1, 0)
        self.error = _error_label()
        lay.addWidget(self.error, len(Indicator) + 1, 0, 1, 2)
        lay.setRowStretch(len(Indicator) + 2, 1)
        lay.setColumnStretch(2, 1)

    def chosen(self) -> list[Indicator]:
        return [i for i, b in self.boxes.items() if b.isChecked()]

    def validatePage(self) -> bool:  # noqa: N802 (Qt)
        if self._ready and self.w.draft is not None and self.w.draft.year == self.year.value():
            self.w.draft.indicators = self.chosen()
            return bool(self.chosen())
        if not self.chosen():
            self.error.setText(self.tr("Choose at least one indicator."))
            return False
        self.error.setText("")
        year = self.year.value()
        ctx = self.w.ctx

        def load(progress: tasks.Progress) -> targets_service.PlanningData:
            return targets_service.planning_data(ctx.db, ctx.actor, year)

        def done(data: targets_service.PlanningData) -> None:
            self.w.year = year
            self.w.draft = Draft(data, indicators=self.chosen())
            self._ready = True
            self.w.next()

        def failed(err: BaseException) -> None:
            self.error.setText(message_for(err) if isinstance(err, OpsError) else str(err))

        tasks.run_with_dialog(self, self.tr("Reading last year's figures…"), load,
                              on_done=done, on_error=failed)
        return False


# ----------------------------------------------------------------------------- 2. targets

class BaselinePage(QWizardPage):
    COLS = 5

    def __init__(self, wizard: TargetWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Targets against the baselines"))
        self.setSubTitle(self.tr(
            "Historical peak: the best 12 months so far. Starting line: last year's actual. "
            "Forecast line: last year grown by the median change of each month against the same "
            "month a year before. Click a baseline to take it, or type your own target."))
        lay = QVBoxLayout(self)
        self.table = _table(self)
        self.table.setObjectName("targets")
        self.table.cellClicked.connect(self._take)
        lay.addWidget(self.table)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        lay.addWidget(self.notes)
        self.error = _error_label()
        lay.addWidget(self.error)
        self.edits: dict[Indicator, QLineEdit] = {}

    def initializePage(self) -> None:  # noqa: N802 (Qt)
        d = self.w.draft
        assert d is not None
        t = self.table
        t.clear()
        t.setColumnCount(self.COLS)
        t.setHorizontalHeaderLabels([self.tr("Indicator"), self.tr("Historical peak"),
                                     self.tr("Starting line"), self.tr("Forecast line"),
                                     self.tr("Target")])
        t.setRowCount(len(d.indicators))
        self.edits = {}
        notes = []
        for r, ind in enumerate(d.indicators):
            t.setItem(r, 0, _item(indicator_name(ind)))
            b = d.baseline(ind)
            if isinstance(b, Baselines):
                for c, line in ((1, b.peak), (2, b.starting), (3, b.forecast)):
                    it = _item(amount(ind, line.value, self.w.cur), right=True)
                    it.setData(Qt.ItemDataRole.UserRole, line.value)
                    if line.annualised:
                        it.setToolTip(self.tr("Scaled up to a year from %1 months")
                                      .replace("%1", str(line.months)))
                    t.setItem(r, c, it)
                growth = float(b.growth) * 100
                notes.append(self.tr("%1: forecast growth %2% from %3 month pairs.")
                             .replace("%1", indicator_name(ind)).replace("%2", f"{growth:+.1f}")
                             .replace("%3", str(b.growth_samples)))
            else:
                for c in (1, 2, 3):
                    t.setItem(r, c, _item("—", right=True))
                notes.append(f"{indicator_name(ind)}: {message_for(b)}")
            edit = QLineEdit()
            edit.setObjectName(f"target_{ind.value}")
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            cur = self.w.cur if ind.is_money else COUNT
            edit.setText(_input_text(d.targets.get(ind, 0), cur))
            edit.textChanged.connect(lambda _t, i=ind: self._typed(i))
            self.edits[ind] = edit
            t.setCellWidget(r, 4, edit)
        self.notes.setText("\n".join(notes))
        self.error.setText("")

    def _take(self, row: int, col: int) -> None:
        d = self.w.draft
        if d is None or col not in (1, 2, 3) or row >= len(d.indicators):
            return
        it = self.table.item(row, col)
        value = it.data(Qt.ItemDataRole.UserRole) if it else None
        if value is not None:
            ind = d.indicators[row]
            self.edits[ind].setText(_input_text(value, self.w.cur if ind.is_money else COUNT))

    def parse(self, ind: Indicator) -> int:
        cur = self.w.cur if ind.is_money else COUNT
        text = self.edits[ind].text()
        try:
            value = parse_money(text, cur, allow_negative=True, field=f"target_{ind.value}")
        except ValidationError:
            raise ValidationError("targets.invalid_number", field=f"target_{ind.value}",
                                  text=text[:40]) from None
        return check_total(value, field=f"target_{ind.value}")

    def _typed(self, ind: Indicator) -> None:
        try:
            self.w.draft.targets[ind] = self.parse(ind)  # type: ignore[union-attr]
            self.edits[ind].setStyleSheet("")
            self.error.setText("")
        except ValidationError as e:
            self.edits[ind].setStyleSheet("border: 1px solid #c62828;")
            self.error.setText(f"{indicator_name(ind)}: {message_for(e)}")

    def validatePage(self) -> bool:  # noqa: N802 (Qt)
        for ind in self.edits:
            try:
                self.w.draft.targets[ind] = self.parse(ind)  # type: ignore[union-attr]
            except ValidationError as e:
                self.error.setText(f"{indicator_name(ind)}: {message_for(e)}")
                self.edits[ind].setFocus()
                return False
        return True


def _input_text(value: int, cur: Currency) -> str:
    from opsdesk.domain.money import to_input_text

    return to_input_text(value, cur)


# ----------------------------------------------------------------------------- 3. split

class SplitPage(QWizardPage):
    SOURCES = (WeightSource.ABILITY, WeightSource.POSITION, WeightSource.LAST_YEAR_SHARE,
               WeightSource.CUSTOM)

    def __init__(self, wizard: TargetWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self._filling = False
        self.setTitle(self.tr("Split to departments and people"))
        self.setSubTitle(self.tr(
            "First give each department its share of the store's target, then split each "
            "department's part among its people by the weights you choose."))
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.source = QComboBox()
        self.source.setObjectName("weightSource")
        for src, text in zip(self.SOURCES, (self.tr("Ability"), self.tr("Position"),
                                            self.tr("Last year's share"),
                                            self.tr("Custom percentages")), strict=True):
            self.source.addItem(text, src.value)
        self.source.currentIndexChanged.connect(self._source_changed)
        lab = QLabel(self.tr("&Weights from"))
        lab.setBuddy(self.source)
        top.addWidget(lab)
        top.addWidget(self.source)
        top.addStretch(1)
        lay.addLayout(top)
        self.depts = _table(self)
        self.depts.setObjectName("departments")
        self.depts.setMaximumHeight(ROW_HEIGHT * 5 + 8)
        self.depts.itemChanged.connect(self._dept_edited)
        lay.addWidget(self.depts)
        self.dept_sum = QLabel()
        self.dept_sum.setObjectName("departmentSum")
        lay.addWidget(self.dept_sum)
        self.people = _table(self)
        self.people.setObjectName("people")
        self.people.itemChanged.connect(self._person_edited)
        lay.addWidget(self.people, 1)
        self.person_sum = QLabel()
        self.person_sum.setObjectName("personSum")
        lay.addWidget(self.person_sum)
        self.error = _error_label()
        lay.addWidget(self.error)

    def initializePage(self) -> None:  # noqa: N802 (Qt)
        d = self.w.draft
        assert d is not None
        self._filling = True
        self.source.setCurrentIndex(self.SOURCES.index(d.weight_source))
        self._filling = False
        self.refresh()

    def _source_changed(self) -> None:
        if self._filling or self.w.draft is None:
            return
        self.w.draft.weight_source = WeightSource(self.source.currentData())
        self.refresh()

    def refresh(self) -> None:
        d = self.w.draft
        assert d is not None
        self._filling = True
        try:
            inds = d.indicators
            try:
                shares = {ind: d.shares(ind) for ind in inds}
                problem = ""
            except OpsError as e:
                shares = {}
                problem = message_for(e)
            # departments
            t = self.depts
            t.clear()
            t.setColumnCount(2 + len(inds))
            t.setHorizontalHeaderLabels([self.tr("Department"), self.tr("Share %")]
                                        + [indicator_name(i) for i in inds])
            groups = d.groups()
            t.setRowCount(len(groups))
            for r, g in enumerate(groups):
                t.setItem(r, 0, _item(d.group_name(g) or self.tr("No department")))
                it = _item(f"{float(d.dept_percent.get(g, 0)):g}", editable=True, right=True)
                it.setData(Qt.ItemDataRole.UserRole, g)
                t.setItem(r, 1, it)
                for c, ind in enumerate(inds, start=2):
                    total = sum(v for u, v in shares.get(ind, {}).items()
                                if int(u.split(":")[1]) in {p.id for p in d.members(g)})
                    t.setItem(r, c, _item(amount(ind, total, self.w.cur) if shares else "—",
                                          right=True))
            s = d.dept_sum()
            ok = s == 100
            self.dept_sum.setText(self.tr("Departments add up to %1%").replace(
                "%1", f"{float(s):g}") + ("  ✓" if ok else "  ✗ " + self.tr("(must be 100%)")))
            self.dept_sum.setStyleSheet("" if ok else "color: #c62828;")
            # people
            src = d.weight_source
            t = self.people
            t.clear()
            t.setColumnCount(5 + len(inds))
            weight_title = {WeightSource.ABILITY: self.tr("Ability (0–10)"),
                            WeightSource.POSITION: self.tr("Position weight"),
                            WeightSource.LAST_YEAR_SHARE: self.tr("Last 12 months"),
                            WeightSource.CUSTOM: self.tr("% of department")}[src]
            t.setHorizontalHeaderLabels([self.tr("Person"), self.tr("Department"),
                                         self.tr("Position"), weight_title,
                                         self.tr("Share %")]
                                        + [indicator_name(i) for i in inds])
            people = [p for g in groups for p in d.members(g)]
            t.setRowCount(len(people))
            first = inds[0] if inds else Indicator.REVENUE
            total_first = d.targets.get(first, 0)
            for r, p in enumerate(people):
                t.setItem(r, 0, _item(p.name))
                t.setItem(r, 1, _item(p.department or self.tr("No department")))
                t.setItem(r, 2, _item(p.position))
                if src is WeightSource.LAST_YEAR_SHARE:
                    wt = _item(amount(first, d.last_year_figure(first, p.id), self.w.cur),
                               right=True)
                else:
                    wt = _item(f"{float(d.weight(first, p)):g}", editable=True, right=True)
                wt.setData(Qt.ItemDataRole.UserRole, p.id)
                t.setItem(r, 3, wt)
                part = shares.get(first, {}).get(targets_service.staff_unit(p.id), 0)
                pct = Fraction(part * 100, total_first) if total_first else Fraction(0)
                t.setItem(r, 4, _item(_pct_text(pct) if shares else "—", right=True))
                for c, ind in enumerate(inds, start=5):
                    v = shares.get(ind, {}).get(targets_service.staff_unit(p.id), 0)
                    t.setItem(r, c, _item(amount(ind, v, self.w.cur) if shares else "—",
                                          right=True))
            if src is WeightSource.CUSTOM:
                parts = [f"{d.group_name(g) or self.tr('No department')}: "
                         f"{float(d.custom_sum(g)):g}%" for g in groups if d.members(g)]
                self.person_sum.setText(self.tr("People per department add up to: ")
                                        + ", ".join(parts))
            elif shares:
                sums = [f"{indicator_name(i)} {amount(i, sum(shares[i].values()), self.w.cur)}"
                        f" = {amount(i, d.targets.get(i, 0), self.w.cur)} ✓" for i in inds]
                self.person_sum.setText(self.tr("People add up to the targets: ")
                                        + "; ".join(sums))
            else:
                self.person_sum.setText("")
            self.error.setText(problem)
        finally:
            self._filling = False
        self.completeChanged.emit()

    def _number(self, item: QTableWidgetItem) -> Fraction | None:
        try:
            value = as_fraction(item.text().replace("%", "").strip(), field="weights")
        except ValidationError as e:
            self.error.setText(message_for(e))
            return None
        if value < 0:
            self.error.setText(message_for(ValidationError("targets.negative_weight",
                                                           unit=item.text())))
            return None
        return value

    def _dept_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 1:
            return
        value = self._number(item)
        if value is None:
            return
        self.w.draft.dept_percent[item.data(Qt.ItemDataRole.UserRole)] = value  # type: ignore[union-attr]
        self.refresh()

    def _person_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 3:
            return
        d = self.w.draft
        value = self._number(item)
        if value is None or d is None:
            return
        pid = item.data(Qt.ItemDataRole.UserRole)
        person = next(p for p in d.people() if p.id == pid)
        match d.weight_source:
            case WeightSource.ABILITY:
                d.ability[pid] = value
            case WeightSource.POSITION:
                d.position_weight[person.position] = value
            case WeightSource.CUSTOM:
                d.custom_percent[pid] = value
        self.refresh()

    def isComplete(self) -> bool:  # noqa: N802 (Qt)
        return not self.error.text()

    def validatePage(self) -> bool:  # noqa: N802 (Qt)
        try:
            for ind in self.w.draft.indicators:  # type: ignore[union-attr]
                self.w.draft.shares(ind)  # type: ignore[union-attr]
        except OpsError as e:
            self.error.setText(message_for(e))
            return False
        return True


# ----------------------------------------------------------------------------- 4. months

class SeasonPage(QWizardPage):
    CHOICES = (Seasonality.LAST_YEAR, Seasonality.FLAT, Seasonality.CUSTOM)

    def __init__(self, wizard: TargetWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self._filling = False
        self.setTitle(self.tr("Slow and peak months"))
        self.setSubTitle(self.tr("Split each person's year to months: as last year went, "
                                 "evenly, or by your own percentages (they must add up to 100)."))
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.choice = QComboBox()
        self.choice.setObjectName("seasonality")
        for ch, text in zip(self.CHOICES, (self.tr("Last year's months"), self.tr("Flat"),
                                           self.tr("Custom percentages")), strict=True):
            self.choice.addItem(text, ch.value)
        self.choice.currentIndexChanged.connect(self._changed)
        lab = QLabel(self.tr("&Seasonality"))
        lab.setBuddy(self.choice)
        top.addWidget(lab)
        top.addWidget(self.choice)
        top.addStretch(1)
        lay.addLayout(top)
        self.table = _table(self)
        self.table.setObjectName("months")
        self.table.itemChanged.connect(self._edited)
        lay.addWidget(self.table, 1)
        self.sum = QLabel()
        self.sum.setObjectName("monthSum")
        lay.addWidget(self.sum)
        self.error = _error_label()
        lay.addWidget(self.error)

    def initializePage(self) -> None:  # noqa: N802 (Qt)
        d = self.w.draft
        assert d is not None
        if d.seasonality is Seasonality.LAST_YEAR:
            try:
                d.month_weights(d.indicators[0])
            except OpsError:
                d.seasonality = Seasonality.FLAT
        self._filling = True
        self.choice.setCurrentIndex(self.CHOICES.index(d.seasonality))
        self._filling = False
        self.refresh()

    def _changed(self) -> None:
        if self._filling or self.w.draft is None:
            return
        d = self.w.draft
        new = Seasonality(self.choice.currentData())
        if new is Seasonality.CUSTOM and d.seasonality is not Seasonality.CUSTOM:
            try:  # start the custom figures from what was shown
                d.month_percent = [Fraction(round(p * 100), 100)
                                   for p in d.month_percentages(d.indicators[0])]
                d.month_percent[11] += 100 - sum(d.month_percent)
            except OpsError:
                pass
        d.seasonality = new
        self.refresh()

    def refresh(self) -> None:
        d = self.w.draft
        assert d is not None
        self._filling = True
        try:
            inds = d.indicators
            custom = d.seasonality is Seasonality.CUSTOM
            problem = ""
            try:
                plan = d.build()
            except OpsError as e:
                plan, problem = None, message_for(e)
            t = self.table
            t.clear()
            t.setColumnCount(2 + len(inds))
            t.setHorizontalHeaderLabels([self.tr("Month"), self.tr("Share %")]
                                        + [indicator_name(i) for i in inds])
            t.setRowCount(12)
            try:
                pcts = d.month_percent if custom else d.month_percentages(inds[0])
            except OpsError as e:
                pcts, problem = [Fraction(0)] * 12, problem or message_for(e)
            for m in range(1, 13):
                t.setItem(m - 1, 0, _item(month_name(m)))
                t.setItem(m - 1, 1, _item(f"{float(pcts[m - 1]):.2f}" if not custom
                                          else f"{float(pcts[m - 1]):g}",
                                          editable=custom, right=True))
                for c, ind in enumerate(inds, start=2):
                    v = (sum(u.months[m - 1].total for u in plan.indicator(ind).units)
                         if plan else None)
                    t.setItem(m - 1, c, _item(amount(ind, v, self.w.cur) if v is not None
                                              else "—", right=True))
            total = sum(pcts, Fraction(0))
            ok = total == 100 or not custom
            self.sum.setText(self.tr("Months add up to %1%").replace("%1", f"{float(total):g}")
                             + ("  ✓" if ok else "  ✗ " + self.tr("(must be 100%)")))
            self.sum.setStyleSheet("" if ok else "color: #c62828;")
            self.error.setText(problem)
        finally:
            self._filling = False
        self.completeChanged.emit()

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 1 or self.w.draft is None:
            return
        try:
            value = as_fraction(item.text().replace("%", "").strip(), field="seasonality")
        except ValidationError as e:
            self.error.setText(message_for(e))
            return
        self.w.draft.month_percent[item.row()] = value
        self.refresh()

    def isComplete(self) -> bool:  # noqa: N802 (Qt)
        return not self.error.text()

    def validatePage(self) -> bool:  # noqa: N802 (Qt)
        try:
            self.w.build_plan()
        except OpsError as e:
            self.error.setText(message_for(e))
            return False
        return True


# ----------------------------------------------------------------------------- 5. days

class DaysPage(QWizardPage):
    def __init__(self, wizard: TargetWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Days and weeks"))
        self.setSubTitle(self.tr(
            "Give each weekday a weight: a busy weekend weighs more, a closed day 0. Each "
            "month is spread over its days; a week is the sum of its days (a week that "
            "crosses two months shows in each)."))
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.spins: list[QDoubleSpinBox] = []
        for i, name in enumerate(WEEKDAYS):
            lab = QLabel(tr(name))
            sp = QDoubleSpinBox()
            sp.setObjectName(f"weekday_{i}")
            sp.setRange(0, 10)
            sp.setDecimals(1)
            sp.setSingleStep(0.5)
            sp.valueChanged.connect(self._weights_changed)
            lab.setBuddy(sp)
            row.addWidget(lab)
            row.addWidget(sp)
            self.spins.append(sp)
        row.addStretch(1)
        lay.addLayout(row)
        pick = QHBoxLayout()
        self.month = QComboBox()
        self.month.setObjectName("month")
        for m in range(1, 13):
            self.month.addItem(month_name(m), m)
        self.month.currentIndexChanged.connect(self.refresh)
        lab = QLabel(self.tr("Show &month"))
        lab.setBuddy(self.month)
        pick.addWidget(lab)
        pick.addWidget(self.month)
        pick.addStretch(1)
        lay.addLayout(pick)
        self.weeks = _table(self)
        self.weeks.setObjectName("weeks")
        lay.addWidget(self.weeks, 1)
        self.error = _error_label()
        lay.addWidget(self.error)
        self._filling = False

    def initializePage(self) -> None:  # noqa: N802 (Qt)
        d = self.w.draft
        assert d is not None
        self._filling = True
        for sp, v in zip(self.spins, d.weekday_weights, strict=True):
            sp.setValue(float(v))
        self._filling = False
        self.refresh()

    def _weights_changed(self) -> None:
        if self._filling or self.w.draft is None:
            return
        self.w.draft.weekday_weights = [as_fraction(f"{sp.value():.1f}") for sp in self.spins]
        self.refresh()

    def refresh(self) -> None:
        d = self.w.draft
        if d is None:
            return
        m = self.month.currentData() or 1
        t = self.weeks
        t.clear()
        inds = d.indicators
        t.setColumnCount(3 + len(inds))
        t.setHorizontalHeaderLabels([self.tr("Week"), self.tr("From"), self.tr("To")]
                                    + [indicator_name(i) for i in inds])
        try:
            plan = self.w.build_plan()
        except OpsError as e:
            t.setRowCount(0)
            self.error.setText(message_for(e))
            self.completeChanged.emit()
            return
        self.error.setText("")
        rows = None
        per_ind = {}
        for ind in inds:
            days = [0] * len(plan.indicator(ind).units[0].months[m - 1].days) \
                if plan.indicator(ind).units else []
            for u in plan.indicator(ind).units:
                days = [a + b for a, b in zip(days, u.months[m - 1].days, strict=True)]
            per_ind[ind] = week_rows(d.year, m, days)
            rows = per_ind[ind]
        rows = rows or ()
        t.setRowCount(len(rows))
        for r, wk in enumerate(rows):
            label = self.tr("Week %1").replace("%1", str(wk.iso_week))
            if wk.partial:
                label += " " + self.tr("(part)")
            t.setItem(r, 0, _item(label))
            t.setItem(r, 1, _item(wk.first.isoformat()))
            t.setItem(r, 2, _item(wk.last.isoformat()))
            for c, ind in enumerate(inds, start=3):
                t.setItem(r, c, _item(amount(ind, per_ind[ind][r].amount, self.w.cur),
                                      right=True))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt)
        return not self.error.text()


# ----------------------------------------------------------------------------- 6. reverse

class ReversePage(QWizardPage):
    def __init__(self, wizard: TargetWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("What the targets take"))
        self.setSubTitle(self.tr(
            "Worked back from each person's own figures for the same month last year (average "
            "ticket, deals per visit, visits per lead); someone without history uses the "
            "store's. Every figure is rounded up."))
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.person = QComboBox()
        self.person.setObjectName("person")
        self.person.currentIndexChanged.connect(self.refresh)
        self.month = QComboBox()
        self.month.setObjectName("month")
        for m in range(1, 13):
            self.month.addItem(month_name(m), m)
        self.month.currentIndexChanged.connect(self.refresh)
        for text, w in ((self.tr("&Person"), self.person), (self.tr("&Month"), self.month)):
            lab = QLabel(text)
            lab.setBuddy(w)
            row.addWidget(lab)
            row.addWidget(w)
        row.addStretch(1)
        lay.addLayout(row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.table = _table(self)
        self.table.setObjectName("requirements")
        lay.addWidget(self.table, 1)

    def initializePage(self) -> None:  # noqa: N802 (Qt)
        d = self.w.draft
        plan = self.w.plan
        assert d is not None and plan is not None
        self.person.blockSignals(True)
        self.person.clear()
        ind = d.reverse_indicator()
        if ind is not None:
            for u in plan.indicator(ind).units:
                if u.total:
                    sid = int(u.unit.split(":")[1])
                    name = next((p.name for p in d.people() if p.id == sid), u.unit)
                    self.person.addItem(name, sid)
        self.person.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        d = self.w.draft
        plan = self.w.plan
        t = self.table
        t.clear()
        t.setColumnCount(6)
        t.setHorizontalHeaderLabels([self.tr("Period"), self.tr("Target"), self.tr("Deals"),
                                     self.tr("Visits"), self.tr("Leads"),
                                     self.tr("Ratios from")])
        t.setRowCount(0)
        if d is None or plan is None or self.person.count() == 0:
            self.summary.setText(self.tr("Choose revenue or deals to see what they take."))
            return
        ind = d.reverse_indicator()
        try:
            rows = d.requirements(plan, self.person.currentData(), self.month.currentData())
        except OpsError as e:
            self.summary.setText(message_for(e))
            return
        r0 = rows[0][1].ratios
        src = {True: self.tr("store"), False: self.tr("own")}
        self.summary.setText(
            self.tr("Average ticket %1 (%2), %3 visits per deal (%4), %5 visits per lead (%6).")
            .replace("%1", amount(Indicator.REVENUE, round(r0.average_ticket), self.w.cur))
            .replace("%2", src[r0.ticket_source == "store"])
            .replace("%3", f"{float(1 / r0.conversion):.1f}")
            .replace("%4", src[r0.conversion_source == "store"])
            .replace("%5", f"{float(r0.visits_per_lead):.1f}")
            .replace("%6", src[r0.lead_source == "store"]))
        t.setRowCount(len(rows))
        for r, (label, req) in enumerate(rows):
            t.setItem(r, 0, _item(label))
            t.setItem(r, 1, _item(amount(ind, req.target, self.w.cur), right=True))
            for c, v in ((2, req.deals), (3, req.visits), (4, req.leads)):
                t.setItem(r, c, _item(f"{v:,}", right=True))
            t.setItem(r, 5, _item(src[req.ratios.uses_store]))
            if r == 0:
                for c in range(6):
                    f = t.item(r, c).font()
                    f.setBold(True)
                    t.item(r, c).setFont(f)


# ----------------------------------------------------------------------------- 7. review

class ReviewPage(QWizardPage):
    def __init__(self, wizard: TargetWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self._saving = False
        self.setTitle(self.tr("Review and save"))
        self.setFinalPage(True)
        lay = QVBoxLayout(self)
        self.version = QLabel()
        self.version.setObjectName("version")
        self.version.setWordWrap(True)
        lay.addWidget(self.version)
        self.table = _table(self)
        self.table.setObjectName("review")
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setMaxLength(200)
        lab = QLabel(self.tr("&Note"))
        lab.setBuddy(self.note)
        row.addWidget(lab)
        row.addWidget(self.note, 1)
        lay.addLayout(row)
        self.error = _error_label()
        lay.addWidget(self.error)

    def initializePage(self) -> None:  # noqa: N802 (Qt)
        d = self.w.draft
        plan = self.w.build_plan()
        assert d is not None
        v = d.data.current_version
        self.version.setText(
            self.tr("This plan is saved as version %1 of %2.").replace("%1", str(v + 1))
            .replace("%2", str(d.year))
            + (" " + self.tr("Version %1 stays on record.").replace("%1", str(v)) if v else ""))
        t = self.table
        t.clear()
        inds = d.indicators
        t.setColumnCount(2 + len(inds))
        t.setHorizontalHeaderLabels([self.tr("Person"), self.tr("Department")]
                                    + [indicator_name(i) for i in inds])
        people = [p for g in d.groups() for p in d.members(g)]
        t.setRowCount(len(people) + 1)
        for r, p in enumerate(people):
            t.setItem(r, 0, _item(p.name))
            t.setItem(r, 1, _item(p.department))
            for c, ind in enumerate(inds, start=2):
                u = plan.indicator(ind).unit(targets_service.staff_unit(p.id))
                t.setItem(r, c, _item(amount(ind, u.total, self.w.cur), right=True))
        last = len(people)
        t.setItem(last, 0, _item(self.tr("Store")))
        t.setItem(last, 1, _item(""))
        for c, ind in enumerate(inds, start=2):
            it = _item(amount(ind, plan.indicator(ind).total, self.w.cur), right=True)
            f = it.font()
            f.setBold(True)
            it.setFont(f)
            t.setItem(last, c, it)
        self.error.setText("")

    def validatePage(self) -> bool:  # noqa: N802 (Qt)
        if self.w.saved is not None:
            return True
        if self._saving:
            return False
        d = self.w.draft
        assert d is not None and self.w.plan is not None
        draft = targets_service.PlanDraft(self.w.plan, self.note.text(), d.settings())
        ctx = self.w.ctx
        self._saving = True

        def save(progress: tasks.Progress) -> targets_service.PlanInfo:
            return targets_service.save_plan(ctx.db, ctx.actor, draft)

        def done(info: targets_service.PlanInfo) -> None:
            self._saving = False
            self.w.saved = info
            self.w.accept()

        def failed(err: BaseException) -> None:
            self._saving = False
            self.error.setText(message_for(err) if isinstance(err, OpsError) else str(err))

        tasks.run_with_dialog(self, self.tr("Saving the plan…"), save, on_done=done,
                              on_error=failed, write=True, cancellable=False)
        return False

