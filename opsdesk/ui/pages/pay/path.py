"""The promotion path (晋升通道): the levels with their criteria, and who qualifies this month.

The owner edits the levels (``pay.manage``); owner and manager (``assessments.score``) see who
has met every criterion of their next level in a month, with the figures behind it, and the owner
promotes them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from opsdesk.domain import promotion_path as pp
from opsdesk.domain.errors import OpsError, ValidationError
from opsdesk.domain.roles import Permission
from opsdesk.services import incentives
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


def _int_or_none(text: str, field: str) -> int | None:
    import unicodedata

    s = unicodedata.normalize("NFKC", text or "").strip()
    if not s:
        return None
    try:
        return int(s)
    except ValueError:
        raise ValidationError("incentives.count_invalid", field=field) from None


class LevelsEditor(QWidget):
    COLS = 6

    def __init__(self, ctx: AppContext, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = QTableWidget(0, self.COLS)
        self.table.setObjectName("levels")
        self.table.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Level"), self.tr("Rank"), self.tr("Months in a row"),
            self.tr("Attainment at least %"), self.tr("New members in the quarter")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        if not editable:
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.error = QLabel()
        self.error.setObjectName("levels_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.saved = QLabel()
        self.saved.setStyleSheet("color: #2e7d32;")
        self.add_btn = QPushButton(self.tr("Add level"))
        self.remove_btn = QPushButton(self.tr("Remove level"))
        self.save_btn = QPushButton(self.tr("Save levels"))
        self.save_btn.setObjectName("save_levels")
        self.add_btn.clicked.connect(self.add_level)
        self.remove_btn.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        self.save_btn.clicked.connect(self.save)
        bar = QHBoxLayout()
        for w in (self.add_btn, self.remove_btn):
            bar.addWidget(w)
            w.setVisible(editable)
        bar.addStretch(1)
        bar.addWidget(self.saved)
        bar.addWidget(self.save_btn)
        self.save_btn.setVisible(editable)
        note = QLabel(self.tr("A person moves up one level at a time, when every criterion of "
                              "the next level is met: attainment of at least the % in each of "
                              "the last months, and new members in the quarter so far."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #6e7781;")
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.error)
        lay.addLayout(bar)
        self.load()

    def load(self) -> None:
        self.table.setRowCount(0)
        for lv in incentives.promotion_levels(self.ctx.db, self.ctx.actor):
            self._append(lv.code, lv.name, str(lv.rank),
                         "" if lv.months is None else str(lv.months),
                         percent_text(lv.min_attainment),
                         "" if lv.min_new_members is None else str(lv.min_new_members))

    def _append(self, *texts: str) -> int:
        r = self.table.rowCount()
        self.table.insertRow(r)
        for c, t in enumerate(texts):
            self.table.setItem(r, c, QTableWidgetItem(t))
        return r

    def add_level(self) -> None:
        ranks = [int(t) for t in (self.text(r, 2) for r in range(self.table.rowCount()))
                 if t.isdigit()]
        r = self._append("", "", str(max(ranks, default=0) + 1), "3", "100", "")
        self.table.setCurrentCell(r, 0)

    def text(self, r: int, c: int) -> str:
        it = self.table.item(r, c)
        return it.text().strip() if it is not None else ""

    def levels(self) -> list[incentives.LevelInput]:
        out = []
        for r in range(self.table.rowCount()):
            code = self.text(r, 0)
            try:
                rank = _int_or_none(self.text(r, 2), "rank")
                if rank is None:
                    raise ValidationError("promotion.rank_invalid", field="rank", code=code)
                out.append(incentives.LevelInput(
                    code, self.text(r, 1), rank, _int_or_none(self.text(r, 3), "months"),
                    parse_percent(self.text(r, 4), "criteria", required=False),
                    _int_or_none(self.text(r, 5), "criteria")))
            except ValidationError as e:
                e.params = {**e.params, "row": r}
                raise
        return out

    def _mark(self, row: int | None) -> None:
        for r in range(self.table.rowCount()):
            for c in range(self.COLS):
                it = self.table.item(r, c)
                if it is not None:
                    it.setBackground(QColor(ERROR_BG) if r == row else QBrush())

    def save(self) -> bool:
        self.error.hide()
        self.saved.clear()
        self._mark(None)
        try:
            incentives.save_promotion_levels(self.ctx.db, self.ctx.actor, self.levels())
        except OpsError as e:
            row = e.params.get("row")
            code = e.params.get("code")
            if row is None and code:
                row = next((r for r in range(self.table.rowCount())
                            if self.text(r, 0) == code), None)
            self._mark(row if isinstance(row, int) else None)
            text = message_for(e)
            if isinstance(row, int):
                text = self.tr("Row %1: %2").replace("%1", str(row + 1)).replace("%2", text)
            self.error.setText(text)
            self.error.show()
            return False
        self.load()
        self.saved.setText(self.tr("Saved."))
        return True


class Qualifiers(QWidget):
    def __init__(self, ctx: AppContext, can_promote: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.month = month_edit()
        self.month.setObjectName("path_month")
        self.month.dateChanged.connect(lambda _d: self.reload())
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("qualifiers")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("From"), self.tr("To"),
                                              self.tr("Why")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        h.setStretchLastSection(True)
        self.status = QLabel()
        self.status.setObjectName("path_status")
        self.status.setWordWrap(True)
        self.promote_btn = QPushButton(self.tr("&Promote selected"))
        self.promote_btn.setObjectName("promote")
        self.promote_btn.setVisible(can_promote)
        self.promote_btn.clicked.connect(self.promote)
        caption = QLabel(self.tr("&Month:"))
        caption.setBuddy(self.month)
        bar = QHBoxLayout()
        bar.addWidget(caption)
        bar.addWidget(self.month)
        bar.addStretch(1)
        bar.addWidget(self.promote_btn)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.status)
        lay.addWidget(self.table, 1)
        self.candidates: list[incentives.Candidate] = []
        self.reload()

    def _why(self, ev: tuple[pp.Evidence, ...]) -> str:
        bits = []
        for e in ev:
            if isinstance(e.criterion, pp.ConsecutiveAttainment):
                vals = "、".join("—" if v is None else f"{percent_text(v)}%" for v in e.values)
                bits.append(self.tr("attainment %1 (at least %2%)").replace("%1", vals).replace(
                    "%2", percent_text(e.criterion.min_attainment)))
            else:
                bits.append(self.tr("%1 new members this quarter (at least %2)").replace(
                    "%1", str(sum(int(v or 0) for v in e.values))).replace(
                    "%2", str(e.criterion.min_count)))
        return "; ".join(bits)

    def reload(self) -> None:
        y, m = year_month(self.month)
        names = {lv.code: lv.name for lv in incentives.promotion_levels(self.ctx.db,
                                                                        self.ctx.actor)}
        try:
            self.candidates = incentives.promotion_candidates(self.ctx.db, self.ctx.actor, y, m)
        except OpsError as e:
            self.candidates = []
            self.status.setText(message_for(e))
            self.status.setStyleSheet(ERROR_STYLE)
        else:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("%1 people qualify for their next level in this month.")
                                .replace("%1", str(len(self.candidates))))
        self.table.setRowCount(len(self.candidates))
        for r, c in enumerate(self.candidates):
            for col, text in enumerate((c.name, names.get(c.from_level or "", "—"),
                                        names.get(c.to_level, c.to_level), self._why(c.evidence))):
                it = QTableWidgetItem(text)
                it.setData(Qt.ItemDataRole.UserRole, r)
                self.table.setItem(r, col, it)
        self.table.resizeRowsToContents()

    def promote(self) -> bool:
        r = self.table.currentRow()
        if not 0 <= r < len(self.candidates):
            return False
        c = self.candidates[r]
        try:
            incentives.set_staff_level(self.ctx.db, self.ctx.actor, c.staff_id, c.to_level)
        except OpsError as e:
            self.status.setText(message_for(e))
            self.status.setStyleSheet(ERROR_STYLE)
            return False
        self.reload()
        return True


class PathTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("path_tab")
        manage = ctx.actor.can(Permission.PAY_MANAGE)
        self.levels = LevelsEditor(ctx, manage)
        self.qualifiers: Qualifiers | None = None
        split = QSplitter(Qt.Orientation.Vertical)
        box = QGroupBox(self.tr("Levels and criteria"))
        QVBoxLayout(box).addWidget(self.levels)
        split.addWidget(box)
        if ctx.actor.can(Permission.ASSESSMENTS_SCORE):
            self.qualifiers = Qualifiers(ctx, manage)
            box = QGroupBox(self.tr("Who qualifies"))
            QVBoxLayout(box).addWidget(self.qualifiers)
            split.addWidget(box)
        lay = QVBoxLayout(self)
        lay.addWidget(split)
