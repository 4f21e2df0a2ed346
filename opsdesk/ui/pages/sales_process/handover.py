"""Hand-over (seed 002): when someone leaves, all their customers and open follow-ups go to one
or several colleagues in one action. The dialog shows what would move, lets the manager tick
the colleagues (with an optional weight each: 2 takes twice as many as 1) and runs it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from opsdesk.db import clock
from opsdesk.domain.errors import OpsError
from opsdesk.services import handover
from opsdesk.services import staff as staff_service
from opsdesk.ui.context import AppContext
from opsdesk.ui.messages import message_for
from opsdesk.ui.widgets.form import ERROR_STYLE


class HandoverDialog(QDialog):
    def __init__(self, ctx: AppContext, from_staff_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handover_dialog")
        self.ctx, self.from_staff_id = ctx, from_staff_id
        self.result_handover: handover.HandoverResult | None = None
        self.preview: handover.HandoverPreview | None = None
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 11pt;")
        self.caption = QLabel()
        self.weight_caption = QLabel()
        grid = QGridLayout()
        grid.addWidget(self.caption, 0, 0)
        grid.addWidget(self.weight_caption, 0, 1)
        self.picks: dict[int, QCheckBox] = {}
        self.weights: dict[int, QSpinBox] = {}
        today = clock.now().date()
        for p in staff_service.list_staff(ctx.db, ctx.actor, include_inactive=False):
            if p.id == from_staff_id or (p.leave_date is not None and p.leave_date < today):
                continue
            cb = QCheckBox(p.name)
            cb.setObjectName(f"to_{p.id}")
            w = QSpinBox()
            w.setObjectName(f"weight_{p.id}")
            w.setRange(1, 99)
            w.setValue(1)
            w.setEnabled(False)
            cb.toggled.connect(w.setEnabled)
            row = grid.rowCount()
            grid.addWidget(cb, row, 0)
            grid.addWidget(w, row, 1)
            self.picks[p.id], self.weights[p.id] = cb, w
        grid.setColumnStretch(0, 1)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.execute)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addLayout(grid)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self.retranslate()
        self.load_preview()
        first = next(iter(self.picks.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Hand over customers and follow-ups"))
        self.caption.setText(self.tr("Give them to"))
        self.weight_caption.setText(self.tr("Share"))
        self.weight_caption.setToolTip(self.tr("2 takes twice as many customers as 1"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Hand over"))

    def load_preview(self) -> None:
        try:
            self.preview = handover.preview(self.ctx.db, self.ctx.actor, self.from_staff_id)
        except OpsError as e:
            self.show_error(message_for(e))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        p = self.preview
        self.summary.setText(
            self.tr("%1 looks after %2 customer(s) with %3 open follow-up(s). They all move "
                    "in one step; done follow-ups keep their history.")
            .replace("%1", p.staff_name).replace("%2", str(p.customers))
            .replace("%3", str(p.open_tasks)))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def chosen(self) -> tuple[list[int], list[int] | None]:
        ids = [sid for sid, cb in self.picks.items() if cb.isChecked()]
        weights = [self.weights[i].value() for i in ids]
        # Equal shares are dealt in turn; only uneven ones need blocks by weight.
        return ids, (weights if len(set(weights)) > 1 else None)

    def execute(self) -> None:
        self.show_error("")
        ids, weights = self.chosen()
        try:
            self.result_handover = handover.execute(self.ctx.db, self.ctx.actor,
                                                    self.from_staff_id, ids, weights)
        except OpsError as e:
            self.show_error(message_for(e))
            return
        self.accept()
