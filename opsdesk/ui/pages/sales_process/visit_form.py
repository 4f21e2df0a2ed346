"""The visit form (拜访): one fast form a salesperson fills in within seconds, by keyboard.

Customer (found as you type), type (Alt+C call, Alt+M meeting, Alt+T store visit, Alt+W WeChat),
effective or not, outcome, new stage (the current one by default), next follow-up (Alt+1, Alt+3,
Alt+7 for one, three or seven days from today), note. Enter saves, Esc cancels. Opened from a
follow-up task it completes that task in the same save. Errors appear beside their field and
nothing typed is lost when the save is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from opsdesk.db import clock
from opsdesk.domain.errors import OpsError
from opsdesk.domain.members import Stage
from opsdesk.domain.roles import Permission
from opsdesk.services import followups, visits
from opsdesk.services import staff as staff_service
from opsdesk.ui.context import AppContext
from opsdesk.ui.labels import STAGES, label
from opsdesk.ui.pages.members.referrer import MemberPicker
from opsdesk.ui.pages.sales_process.texts import VISIT_TYPES, name
from opsdesk.ui.widgets.dates import OptionalDateEdit
from opsdesk.ui.widgets.form import ErrorForm

# Service field names that this form shows under another row.
ALIASES = {"reason": "stage_reason", "stage": "new_stage", "type": "type"}
QUICK_DAYS = (1, 3, 7)


@dataclass(frozen=True)
class Customer:
    """What the picker needs to show a customer chosen before the form opened."""

    id: int
    name: str
    phone: str
    card_no: str | None
    stage: str


class VisitDialog(QDialog):
    def __init__(self, ctx: AppContext, customer: Customer | None = None,
                 task: followups.TaskRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visit_dialog")
        self.ctx, self.task = ctx, task
        self.result_visit: visits.VisitResult | None = None
        if task is not None and customer is None:
            customer = Customer(task.customer_id, task.customer_name, task.phone, None,
                                task.stage)
        self.form = ErrorForm()
        self.task_line = QLabel()
        self.task_line.setObjectName("task_line")
        self.task_line.setWordWrap(True)
        self.task_line.setStyleSheet("color: #57606f;")
        self.task_line.setVisible(task is not None)
        self.customer = MemberPicker(ctx)
        self.customer.setObjectName("customer")
        self.customer.picked.connect(self._picked)
        self.staff = QComboBox()
        self.staff.setObjectName("staff")
        may_log_others = ctx.actor.can(Permission.VISITS_LOG_OTHERS)
        if may_log_others:
            self._fill_staff(task)
        self.types = QButtonGroup(self)
        type_box = QWidget()
        type_box.setObjectName("type_box")
        tl = QHBoxLayout(type_box)
        tl.setContentsMargins(0, 0, 0, 0)
        self.type_buttons: dict[visits.VisitType, QRadioButton] = {}
        for vt in visits.VisitType:
            b = QRadioButton()
            b.setObjectName(f"type_{vt.value}")
            self.types.addButton(b)
            self.type_buttons[vt] = b
            tl.addWidget(b)
        tl.addStretch()
        self.type_buttons[visits.VisitType.CALL].setChecked(True)
        type_box.setFocusProxy(self.type_buttons[visits.VisitType.CALL])
        self.effective = QCheckBox()
        self.effective.setObjectName("effective")
        self.effective.setChecked(True)
        self.outcome = QLineEdit()
        self.outcome.setObjectName("outcome")
        self.outcome.setMaxLength(visits.OUTCOME_MAX)
        self.stage = QComboBox()
        self.stage.setObjectName("new_stage")
        for st in Stage:
            self.stage.addItem(label(STAGES, st), st.value)
        self.stage_reason = QLineEdit()
        self.stage_reason.setObjectName("stage_reason")
        self.next_date = OptionalDateEdit()
        self.next_date.setObjectName("next_followup_on")
        next_box = QWidget()
        nl = QHBoxLayout(next_box)
        nl.setContentsMargins(0, 0, 0, 0)
        nl.addWidget(self.next_date, 1)
        self.quick: dict[int, QPushButton] = {}
        for days in QUICK_DAYS:
            b = QPushButton()
            b.setObjectName(f"plus_{days}")
            b.setAutoDefault(False)
            b.clicked.connect(lambda _c=False, d=days: self.follow_up_in(d))
            self.quick[days] = b
            nl.addWidget(b)
        self.no_date = QPushButton()
        self.no_date.setObjectName("no_followup")
        self.no_date.setAutoDefault(False)
        self.no_date.clicked.connect(lambda: self.next_date.set_value(None))
        nl.addWidget(self.no_date)
        next_box.setFocusProxy(self.next_date)
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setMaxLength(visits.NOTE_MAX)
        rows = [("customer_id", self.customer)]
        if may_log_others:
            rows.append(("staff_id", self.staff))
        rows += [("type", type_box), ("effective", self.effective), ("outcome", self.outcome),
                 ("new_stage", self.stage), ("stage_reason", self.stage_reason),
                 ("next_followup_on", next_box), ("note", self.note)]
        self.caps = {key: self.form.add_row(key, w) for key, w in rows}
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        # Enter anywhere in the form saves: the quick-date buttons must not take the default.
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.task_line)
        lay.addWidget(self.form)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.retranslate()
        if customer is not None:
            self.customer.choose(customer)
            if task is not None:
                # The task belongs to this customer: the visit cannot be for someone else.
                self.customer.setReadOnly(True)
            self.outcome.setFocus()
        else:
            self.customer.setFocus()

    def _fill_staff(self, task: followups.TaskRow | None) -> None:
        people = staff_service.list_staff(self.ctx.db, self.ctx.actor, include_inactive=True)
        today = clock.now().date()
        wanted = task.staff_id if task is not None and task.staff_id else self.ctx.actor.staff_id
        for p in people:
            gone = not p.active or (p.leave_date is not None and p.leave_date < today)
            # A person who left is listed only when the task still names them, so that the
            # form shows who the task was for and says why it cannot be logged under them.
            if gone and p.id != wanted:
                continue
            self.staff.addItem(p.name, p.id)
        self.staff.setCurrentIndex(max(0, self.staff.findData(wanted)))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log a visit"))
        texts = {"customer_id": self.tr("C&ustomer"), "staff_id": self.tr("&Visited by"),
                 "type": self.tr("Type"), "effective": self.tr("Effective"),
                 "outcome": self.tr("&Outcome"), "new_stage": self.tr("New sta&ge"),
                 "stage_reason": self.tr("&Reason"), "next_followup_on": self.tr("Ne&xt follow-up"),
                 "note": self.tr("&Note")}
        for key, text in texts.items():
            if key in self.caps:
                self.caps[key].setText(text)
        mnemonics = {visits.VisitType.CALL: self.tr("&Call"),
                     visits.VisitType.MEETING: self.tr("&Meeting"),
                     visits.VisitType.STORE_VISIT: self.tr("S&tore visit"),
                     visits.VisitType.WECHAT: self.tr("&WeChat")}
        for vt, b in self.type_buttons.items():
            b.setText(mnemonics.get(vt) or name(VISIT_TYPES, vt))
        self.effective.setText(self.tr("&Effective: we really talked"))
        self.outcome.setPlaceholderText(self.tr("what came of it (needed for an effective visit)"))
        self.stage_reason.setPlaceholderText(
            self.tr("only when the stage goes against the purchases"))
        for days, b in self.quick.items():
            b.setText(self.tr("+&%1 d").replace("%1", str(days)))
            b.setToolTip(self.tr("Follow up in %1 days (Alt+%1)").replace("%1", str(days)))
        self.no_date.setText(self.tr("None"))
        self.customer.setPlaceholderText(self.tr("type a name, phone or its last 4 digits"))
        if self.task is not None:
            self.task_line.setText(self.tr("Completes the follow-up due %1 for %2.")
                                   .replace("%1", self.task.due_on.isoformat())
                                   .replace("%2", self.task.customer_name))

    def _picked(self, hit: object) -> None:
        stage = getattr(hit, "stage", None)
        if stage:
            self.stage.setCurrentIndex(max(0, self.stage.findData(str(stage))))

    def follow_up_in(self, days: int) -> None:
        self.next_date.set_value(clock.now().date() + timedelta(days=days))

    def visit_type(self) -> visits.VisitType:
        return next((vt for vt, b in self.type_buttons.items() if b.isChecked()),
                    visits.VisitType.CALL)

    def set_visit_type(self, vt: visits.VisitType) -> None:
        self.type_buttons[vt].setChecked(True)

    def values(self) -> visits.VisitInput:
        hit = self.customer.hit
        staff_id = self.staff.currentData() if self.staff.count() else None
        return visits.VisitInput(
            customer_id=hit.id if hit is not None else 0, type=self.visit_type(),
            effective=self.effective.isChecked(), outcome=self.outcome.text(),
            new_stage=self.stage.currentData(), next_followup_on=self.next_date.value(),
            note=self.note.text(), staff_id=staff_id, stage_reason=self.stage_reason.text())

    def save(self) -> None:
        self.form.clear_errors()
        if self.customer.hit is None:
            self.form.set_field_error("customer_id", self.tr(
                "Pick the customer from the list that appears as you type."))
            self.customer.setFocus()
            return
        try:
            data = self.values()  # a date that cannot be read is refused beside its field
            if self.task is not None:
                result = followups.complete(self.ctx.db, self.ctx.actor, self.task.id, data)
            else:
                result = visits.log_visit(self.ctx.db, self.ctx.actor, data)
        except OpsError as e:
            self.form.show_error(e, ALIASES)
            return
        self.result_visit = result
        self.accept()

