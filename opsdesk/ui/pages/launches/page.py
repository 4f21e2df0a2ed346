"""The launch page (发售): the launches with their status and counts on the left; for the launch
chosen, the desk where entries, locks, full payments and refunds are recorded for a customer,
the funnel (per launch and per staff member), everyone taking part, the locked customers who
have not paid in full, and the waiting list.

Money calls carry one operation id per attempt: a retry after an error (or a double click)
reuses it so nothing posts twice; a success or another customer starts a new one.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from opsdesk.domain.errors import OpsError
from opsdesk.domain.launches import LaunchStatus
from opsdesk.domain.money import currency, format_money
from opsdesk.domain.operations import new_operation_id
from opsdesk.domain.payments import PaymentMethod
from opsdesk.domain.roles import Permission
from opsdesk.services import launches
from opsdesk.ui import tasks
from opsdesk.ui.context import AppContext
from opsdesk.ui.labels import PAYMENT_METHODS, label
from opsdesk.ui.messages import message_for
from opsdesk.ui.models.rows_table import RowsTableModel
from opsdesk.ui.pages.launches.dialog import LaunchDialog
from opsdesk.ui.pages.launches.texts import STATUSES, STEPS, percent, readable, tr
from opsdesk.ui.pages.members.referrer import MemberPicker
from opsdesk.ui.widgets.form import ErrorForm
from opsdesk.ui.widgets.money_edit import MoneyEdit


class _Model(RowsTableModel):
    CONTEXT = "Launches"

    def __init__(self, cur, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.cur = cur

    def money(self, v: int) -> str:
        return format_money(v, self.cur)


class LaunchListModel(_Model):
    COLUMNS = (
        ("name", QT_TRANSLATE_NOOP("Launches", "Launch")),
        ("status", QT_TRANSLATE_NOOP("Launches", "Status")),
        ("opens", QT_TRANSLATE_NOOP("Launches", "Entry opens")),
        ("deadline", QT_TRANSLATE_NOOP("Launches", "Lock deadline")),
        ("entries", QT_TRANSLATE_NOOP("Launches", "Entries")),
        ("locks", QT_TRANSLATE_NOOP("Launches", "Locks")),
        ("deals", QT_TRANSLATE_NOOP("Launches", "Deals")),
        ("seats", QT_TRANSLATE_NOOP("Launches", "Seats taken")),
        ("held", QT_TRANSLATE_NOOP("Launches", "Deposits held")),
        ("revenue", QT_TRANSLATE_NOOP("Launches", "Revenue")),
    )
    NUMERIC = frozenset({"entries", "locks", "deals", "seats", "held", "revenue"})

    def cell(self, r: launches.LaunchListRow, key: str) -> str:
        ln = r.launch
        match key:
            case "name":
                return ln.name
            case "status":
                return tr(STATUSES, ln.status)
            case "opens":
                return ln.entry_opens.isoformat()
            case "deadline":
                return ln.lock_deadline.isoformat()
            case "entries":
                return str(r.funnel.entries)
            case "locks":
                return str(r.funnel.locks)
            case "deals":
                return str(r.funnel.deals)
            case "seats":
                return f"{r.locks_held}/{ln.capacity}" if ln.capacity else str(r.locks_held)
            case "held":
                return self.money(r.deposits_held)
            case _:
                return self.money(r.revenue)


class StaffFunnelModel(_Model):
    COLUMNS = (
        ("staff", QT_TRANSLATE_NOOP("Launches", "Staff")),
        ("entries", QT_TRANSLATE_NOOP("Launches", "Entries")),
        ("locks", QT_TRANSLATE_NOOP("Launches", "Locks")),
        ("deals", QT_TRANSLATE_NOOP("Launches", "Deals")),
        ("e2l", QT_TRANSLATE_NOOP("Launches", "Entry → lock")),
        ("l2d", QT_TRANSLATE_NOOP("Launches", "Lock → deal")),
        ("e2d", QT_TRANSLATE_NOOP("Launches", "Entry → deal")),
    )
    NUMERIC = frozenset({"entries", "locks", "deals", "e2l", "l2d", "e2d"})

    def cell(self, r: launches.FunnelRow, key: str) -> str:
        f = r.funnel
        return {
            "staff": r.staff_name or self.tr_nobody(),
            "entries": str(f.entries), "locks": str(f.locks), "deals": str(f.deals),
            "e2l": percent(f.entry_to_lock), "l2d": percent(f.lock_to_deal),
            "e2d": percent(f.entry_to_deal),
        }[key]

    @staticmethod
    def tr_nobody() -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("Launches", "(nobody)")


class ParticipantModel(_Model):
    COLUMNS = (
        ("customer", QT_TRANSLATE_NOOP("Launches", "Customer")),
        ("phone", QT_TRANSLATE_NOOP("Launches", "Phone")),
        ("step", QT_TRANSLATE_NOOP("Launches", "Step reached")),
        ("fee", QT_TRANSLATE_NOOP("Launches", "Entry fee kept")),
        ("held", QT_TRANSLATE_NOOP("Launches", "Deposit held")),
        ("staff", QT_TRANSLATE_NOOP("Launches", "Staff")),
        ("at", QT_TRANSLATE_NOOP("Launches", "Last activity")),
    )
    NUMERIC = frozenset({"fee", "held"})

    def cell(self, r: launches.ParticipantRow, key: str) -> str:
        return {
            "customer": r.customer_name, "phone": r.phone, "step": tr(STEPS, r.step),
            "fee": self.money(r.entry_paid), "held": self.money(r.held), "staff": r.staff_name,
            "at": r.last_at.strftime("%Y-%m-%d %H:%M"),
        }[key]


class UnpaidModel(_Model):
    COLUMNS = (
        ("customer", QT_TRANSLATE_NOOP("Launches", "Customer")),
        ("phone", QT_TRANSLATE_NOOP("Launches", "Phone")),
        ("staff", QT_TRANSLATE_NOOP("Launches", "Staff")),
        ("locked_on", QT_TRANSLATE_NOOP("Launches", "Locked on")),
        ("deadline", QT_TRANSLATE_NOOP("Launches", "Lock deadline")),
        ("held", QT_TRANSLATE_NOOP("Launches", "Deposit held")),
        ("due", QT_TRANSLATE_NOOP("Launches", "Still due")),
    )
    NUMERIC = frozenset({"held", "due"})

    def cell(self, r: launches.UnpaidLock, key: str) -> str:
        return {
            "customer": r.customer_name, "phone": r.phone, "staff": r.staff_name,
            "locked_on": r.locked_on.isoformat(), "deadline": r.lock_deadline.isoformat(),
            "held": self.money(r.held), "due": self.money(r.due),
        }[key]


class WaitingModel(_Model):
    COLUMNS = (
        ("position", QT_TRANSLATE_NOOP("Launches", "No.")),
        ("customer", QT_TRANSLATE_NOOP("Launches", "Customer")),
        ("phone", QT_TRANSLATE_NOOP("Launches", "Phone")),
        ("staff", QT_TRANSLATE_NOOP("Launches", "Staff")),
        ("since", QT_TRANSLATE_NOOP("Launches", "Waiting since")),
        ("offered", QT_TRANSLATE_NOOP("Launches", "Seat offered")),
    )
    NUMERIC = frozenset({"position"})

    def cell(self, r: launches.WaitingRow, key: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return {
            "position": str(r.position), "customer": r.customer_name, "phone": r.phone,
            "staff": r.staff_name, "since": r.since.strftime("%Y-%m-%d %H:%M"),
            "offered": QCoreApplication.translate("Launches", "Yes") if r.offered else "",
        }[key]


def _table(model: RowsTableModel, name: str) -> QTableView:
    v = QTableView()
    v.setObjectName(name)
    v.setModel(model)
    v.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    v.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    v.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    v.verticalHeader().hide()
    v.setAlternatingRowColors(True)
    h = v.horizontalHeader()
    h.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    h.setSectionResizeMode(0 if name != "waiting" else 1, QHeaderView.ResizeMode.Stretch)
    return v


class LaunchesPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setObjectName("launches_page")
        self.ctx = ctx
        self.cur = currency(ctx.store.currency)
        self.can_manage = ctx.actor.can(Permission.LAUNCHES_MANAGE)
        self.can_refund = ctx.actor.can(Permission.LAUNCHES_REFUND)
        self.current: launches.LaunchRow | None = None
        self.position: launches.CustomerPosition | None = None
        self._op: tuple[str, str] | None = None  # (action, operation id) of the last attempt
        self.last_result: launches.LaunchOpResult | None = None

        title = QLabel(self.tr("Launches"))
        title.setObjectName("page_title")
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        note = QLabel(self.tr("Pre-sell a new product in three counts: entry (pay to learn about "
                              "it), lock (pay a deposit), deal (pay the rest)."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #57606f;")

        self.list_model = LaunchListModel(self.cur, self)
        self.list_view = _table(self.list_model, "launch_list")
        self.list_view.selectionModel().currentRowChanged.connect(self._launch_chosen)
        self.new_button = QPushButton(self.tr("&New launch…"))
        self.new_button.setObjectName("new_launch")
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setObjectName("edit_launch")
        self.open_button = QPushButton(self.tr("O&pen for entries"))
        self.open_button.setObjectName("open_launch")
        self.close_button = QPushButton(self.tr("C&lose"))
        self.close_button.setObjectName("close_launch")
        self.pdf_button = QPushButton(self.tr("Summary &PDF"))
        self.pdf_button.setObjectName("summary_pdf")
        for b in (self.new_button, self.edit_button, self.open_button, self.close_button):
            b.setVisible(self.can_manage)
        self.new_button.clicked.connect(self.new_launch)
        self.edit_button.clicked.connect(self.edit_launch)
        self.open_button.clicked.connect(lambda: self._set_status(LaunchStatus.OPEN))
        self.close_button.clicked.connect(lambda: self._set_status(LaunchStatus.CLOSED))
        self.pdf_button.clicked.connect(self.summary_pdf)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.open_button, self.close_button):
            buttons.addWidget(b)
        buttons.addStretch()
        buttons.addWidget(self.pdf_button)
        self.terms = QLabel()
        self.terms.setObjectName("terms")
        self.terms.setWordWrap(True)
        self.terms.setTextFormat(Qt.TextFormat.RichText)
        self.terms.setStyleSheet("background: #f6f8fa; padding: 6px; border-radius: 4px;")
        self.list_view.setMinimumHeight(120)
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.list_view, 1)
        tl.addLayout(buttons)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("launch_tabs")
        self.tabs.addTab(self._desk(self.terms), self.tr("&Record"))
        self.tabs.addTab(self._funnel_tab(), self.tr("F&unnel"))
        self.part_model = ParticipantModel(self.cur, self)
        self.tabs.addTab(_table(self.part_model, "participants"), self.tr("Customers"))
        self.unpaid_model = UnpaidModel(self.cur, self)
        self.tabs.addTab(_table(self.unpaid_model, "unpaid"), self.tr("Locked, not paid"))
        self.wait_model = WaitingModel(self.cur, self)
        self.tabs.addTab(_table(self.wait_model, "waiting"), self.tr("Waiting list"))

        # The launches above (a shop runs a few a year), the chosen one's desk and lists below.
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addWidget(note)
        lay.addWidget(split, 1)
        self.refresh()

    # ------------------------------------------------------------------------- building

    def _desk(self, terms: QLabel) -> QWidget:
        w = QWidget()
        self.form = ErrorForm()
        self.customer = MemberPicker(self.ctx)
        self.customer.setObjectName("customer")
        self.customer.setPlaceholderText(self.tr("Name, phone, card number or pinyin"))
        self.customer.picked.connect(self._customer_chosen)
        self.method = QComboBox()
        self.method.setObjectName("payment_method")
        for m in PaymentMethod:
            self.method.addItem(label(PAYMENT_METHODS, m), m.value)
        self.refund_amount = MoneyEdit(self.cur)
        self.refund_amount.setObjectName("amount")
        self.refund_amount.setPlaceholderText(self.tr("Empty: what the rule allows today"))
        self.override = QCheckBox(self.tr("Refund more than the rule allows (manager)"))
        self.override.setObjectName("override")
        self.override.setVisible(self.can_manage)
        self.form.add_row("customer_id", self.customer).setText(self.tr("C&ustomer"))
        self.form.add_row("payment_method", self.method).setText(self.tr("Paid &by"))
        self.status_line = QLabel()
        self.status_line.setObjectName("customer_status")
        self.status_line.setWordWrap(True)
        self.status_line.setTextFormat(Qt.TextFormat.RichText)
        self.entry_button = QPushButton()
        self.entry_button.setObjectName("record_entry")
        self.lock_button = QPushButton()
        self.lock_button.setObjectName("record_lock")
        self.deal_button = QPushButton()
        self.deal_button.setObjectName("record_deal")
        self.entry_button.clicked.connect(lambda: self.record("entry"))
        self.lock_button.clicked.connect(lambda: self.record("lock"))
        self.deal_button.clicked.connect(lambda: self.record("deal"))
        steps = QHBoxLayout()
        for b in (self.entry_button, self.lock_button, self.deal_button):
            steps.addWidget(b)
        refunds = QGroupBox(self.tr("Refunds"))
        refunds.setObjectName("refunds")
        refunds.setVisible(self.can_refund)
        rf = ErrorForm()
        self.refund_form = rf
        rf.add_row("amount", self.refund_amount).setText(self.tr("&Amount"))
        rf.add_row("override", self.override).setText("")
        self.refund_entry_button = QPushButton(self.tr("Refund entry fee"))
        self.refund_entry_button.setObjectName("refund_entry")
        self.cancel_lock_button = QPushButton(self.tr("Cancel lock, refund deposit"))
        self.cancel_lock_button.setObjectName("cancel_lock")
        self.leave_button = QPushButton(self.tr("Remove from waiting list"))
        self.leave_button.setObjectName("leave_waitlist")
        self.refund_entry_button.clicked.connect(lambda: self.record("entry_refund"))
        self.cancel_lock_button.clicked.connect(lambda: self.record("cancel_lock"))
        self.leave_button.clicked.connect(self.leave_waitlist)
        rl = QVBoxLayout(refunds)
        rl.addWidget(rf)
        rb = QHBoxLayout()
        rb.addWidget(self.refund_entry_button)
        rb.addWidget(self.cancel_lock_button)
        rl.addLayout(rb)
        self.result_line = QLabel()
        self.result_line.setObjectName("result_line")
        self.result_line.setWordWrap(True)
        self.result_line.setStyleSheet("color: #1e7e34;")
        lay = QVBoxLayout(w)
        lay.addWidget(terms)
        lay.addWidget(self.form)
        lay.addWidget(self.status_line)
        lay.addLayout(steps)
        lay.addWidget(self.leave_button)
        lay.addWidget(refunds)
        lay.addWidget(self.result_line)
        lay.addStretch()
        return w

    def _funnel_tab(self) -> QWidget:
        w = QWidget()
        grid = QGridLayout()
        self.count_labels: dict[str, QLabel] = {}
        self.rate_labels: dict[str, QLabel] = {}
        for col, (key, text) in enumerate((("entries", self.tr("Entries")),
                                           ("locks", self.tr("Locks")),
                                           ("deals", self.tr("Deals")))):
            cap = QLabel(text)
            cap.setAlignment(Qt.AlignmentFlag.AlignCenter)
            n = QLabel("0")
            n.setObjectName(f"count_{key}")
            n.setAlignment(Qt.AlignmentFlag.AlignCenter)
            n.setStyleSheet("font-size: 22pt; font-weight: 600;")
            grid.addWidget(cap, 0, col * 2)
            grid.addWidget(n, 1, col * 2)
            self.count_labels[key] = n
        for col, key in ((1, "e2l"), (3, "l2d")):
            r = QLabel("→")
            r.setObjectName(f"rate_{key}")
            r.setAlignment(Qt.AlignmentFlag.AlignCenter)
            r.setStyleSheet("color: #57606f;")
            grid.addWidget(r, 1, col)
            self.rate_labels[key] = r
        self.overall = QLabel()
        self.overall.setObjectName("rate_e2d")
        self.staff_model = StaffFunnelModel(self.cur, self)
        lay = QVBoxLayout(w)
        lay.addLayout(grid)
        lay.addWidget(self.overall)
        lay.addWidget(QLabel(self.tr("By staff member")))
        lay.addWidget(_table(self.staff_model, "staff_funnel"), 1)
        return w

    # ------------------------------------------------------------------------- data

    def refresh(self) -> None:
        keep = self.current.id if self.current else None
        rows = launches.list_launches(self.ctx.db, self.ctx.actor)
        self.list_model.set_rows(rows)
        target = next((i for i, r in enumerate(rows) if r.launch.id == keep), 0 if rows else None)
        if target is not None:
            self.list_view.selectRow(target)
            self._show_launch(rows[target].launch)
        else:
            self._show_launch(None)

    def _launch_chosen(self, current: QModelIndex, _prev: QModelIndex) -> None:
        r = self.list_model.valid_row(current)
        if r is not None and (self.current is None or r.launch.id != self.current.id):
            self._show_launch(r.launch)

    def _show_launch(self, ln: launches.LaunchRow | None) -> None:
        self.current = ln
        self._op = None
        self.tabs.setEnabled(ln is not None)
        self.edit_button.setEnabled(ln is not None and ln.status != LaunchStatus.CLOSED)
        self.open_button.setEnabled(ln is not None and ln.status == LaunchStatus.DRAFT)
        self.close_button.setEnabled(ln is not None and ln.status != LaunchStatus.CLOSED)
        self.pdf_button.setEnabled(ln is not None)
        if ln is None:
            self.terms.setText(self.tr("No launch yet. A manager creates one with “New launch”."))
            for m in (self.part_model, self.unpaid_model, self.wait_model, self.staff_model):
                m.set_rows([])
            return
        m = lambda v: format_money(v, self.cur)  # noqa: E731
        cap = str(ln.capacity) if ln.capacity else self.tr("no limit")
        parts = [
            f"<b>{_esc(ln.name)}</b> · {tr(STATUSES, ln.status)}"
            + (f" · {_esc(ln.product_name)}" if ln.product_name else ""),
            self.tr("Entry opens %1 · lock deadline %2 · delivery %3")
            .replace("%1", ln.entry_opens.isoformat()).replace("%2", ln.lock_deadline.isoformat())
            .replace("%3", ln.delivery.isoformat()),
            self.tr("Entry fee %1 · deposit %2 · full price %3 · capacity %4")
            .replace("%1", m(ln.entry_fee)).replace("%2", m(ln.deposit))
            .replace("%3", m(ln.price)).replace("%4", cap),
        ]
        if ln.early_until:
            perks = " · ".join(x for x in (ln.early_gifts, ln.early_privileges) if x)
            parts.append(self.tr("Early locks until %1: %2").replace(
                "%1", ln.early_until.isoformat()).replace("%2", _esc(perks) or "—"))
        self.terms.setText("<br>".join(parts))
        self.entry_button.setText(self.tr("Record &entry (%1)").replace("%1", m(ln.entry_fee)))
        self.lock_button.setText(self.tr("&Lock: deposit %1").replace("%1", m(ln.deposit)))
        self.deal_button.setText(self.tr("&Deal: pay the rest"))
        self._load_tables()
        self._load_position()

    def _load_tables(self) -> None:
        ln = self.current
        if ln is None:
            return
        rep = launches.funnel_report(self.ctx.db, self.ctx.actor, ln.id)
        f = rep.total
        for key in ("entries", "locks", "deals"):
            self.count_labels[key].setText(str(getattr(f, key)))
        self.rate_labels["e2l"].setText(f"→ {percent(f.entry_to_lock)} →")
        self.rate_labels["l2d"].setText(f"→ {percent(f.lock_to_deal)} →")
        self.overall.setText(self.tr("Entry to deal: %1").replace("%1", percent(f.entry_to_deal)))
        self.staff_model.set_rows(rep.by_staff)
        self.part_model.set_rows(launches.participants(self.ctx.db, self.ctx.actor, ln.id))
        unpaid = launches.locked_unpaid(self.ctx.db, self.ctx.actor, ln.id)
        self.unpaid_model.set_rows(unpaid)
        waiting = launches.waiting_list(self.ctx.db, self.ctx.actor, ln.id)
        self.wait_model.set_rows(waiting)
        self.tabs.setTabText(3, self.tr("Locked, not paid (%1)").replace("%1", str(len(unpaid))))
        self.tabs.setTabText(4, self.tr("Waiting list (%1)").replace("%1", str(len(waiting))))

    def _customer_chosen(self, _hit) -> None:  # noqa: ANN001
        self._op = None
        self.form.clear_errors()
        self.refund_form.clear_errors()
        self._load_position()

    def _load_position(self) -> None:
        hit, ln = self.customer.hit, self.current
        self.position = None
        if hit is None or ln is None:
            self.status_line.setText(self.tr("Choose a customer to see what they have paid."))
            self._enable_steps()
            return
        p = launches.customer_position(self.ctx.db, self.ctx.actor, ln.id, hit.id)
        self.position = p
        m = lambda v: format_money(v, self.cur)  # noqa: E731
        bits = []
        if p.dealt:
            bits.append(self.tr("Paid in full."))
        elif p.held:
            bits.append(self.tr("Holds a lock: deposit %1 held.").replace("%1", m(p.held)))
        elif p.waitlist_position:
            bits.append(self.tr("Seat offered: may lock now.") if p.offered else
                        self.tr("On the waiting list, number %1.").replace(
                            "%1", str(p.waitlist_position)))
        elif p.entered:
            bits.append(self.tr("Entered (fee %1).").replace("%1", m(p.entry_paid - p.entry_refunded)))
        else:
            bits.append(self.tr("Not taking part yet."))
        if p.amount_due is not None:
            bits.append(self.tr("To pay for the deal: <b>%1</b>.").replace("%1", m(p.amount_due)))
        if p.entry_refundable:
            bits.append(self.tr("Entry fee refundable today: %1.").replace("%1", m(p.entry_refundable)))
        if p.held:
            bits.append(self.tr("Deposit refundable today: %1.").replace("%1", m(p.deposit_refundable)))
        bits.append(self.tr("Stored value: %1.").replace("%1", m(p.card_balance)))
        self.status_line.setText(" ".join(bits))
        if p.amount_due is not None:
            self.deal_button.setText(self.tr("&Deal: pay %1").replace("%1", m(p.amount_due)))
        self._enable_steps()

    def _enable_steps(self) -> None:
        p, ln = self.position, self.current
        is_open = ln is not None and ln.status == LaunchStatus.OPEN
        has = p is not None
        self.entry_button.setEnabled(has and is_open and not p.entered)
        self.lock_button.setEnabled(has and is_open and not p.held and not p.dealt)
        self.deal_button.setEnabled(has and not p.dealt and (p.amount_due is not None))
        self.refund_entry_button.setEnabled(has and p.entry_paid - p.entry_refunded > 0)
        self.cancel_lock_button.setEnabled(has and p.held > 0)
        self.leave_button.setVisible(has and p.waitlist_position is not None)

    # ------------------------------------------------------------------------- actions

    def _operation(self, action: str) -> str:
        if self._op is None or self._op[0] != action:
            self._op = (action, new_operation_id())
        return self._op[1]

    def record(self, action: str) -> launches.LaunchOpResult | None:
        """Post ``action`` for the chosen customer; errors beside their field."""
        ln, hit = self.current, self.customer.hit
        self.form.clear_errors()
        self.refund_form.clear_errors()
        self.result_line.clear()
        if ln is None:
            return None
        if hit is None:
            self.form.set_field_error("customer_id", self.tr("Choose a customer first."))
            return None
        db, actor = self.ctx.db, self.ctx.actor
        method = self.method.currentData()
        op = self._operation(action)
        try:
            if action == "entry":
                r = launches.record_entry(db, actor, ln.id, hit.id, method, op)
            elif action == "lock":
                r = launches.record_lock(db, actor, ln.id, hit.id, method, op)
            elif action == "deal":
                r = launches.record_deal(db, actor, ln.id, hit.id, method, op)
            else:
                amount = self.refund_amount.value() if self.refund_amount.text().strip() else None
                override = self.override.isChecked()
                fn = launches.refund_entry if action == "entry_refund" else launches.cancel_lock
                r = fn(db, actor, ln.id, hit.id, amount, op, override=override)
        except OpsError as e:
            e = readable(e, self.cur)
            target = self.refund_form if action in ("entry_refund", "cancel_lock") and (
                e.field in ("amount", "override")) else self.form
            target.show_error(e)  # an error of no field of the form shows on its general line
            return None
        self._op = None
        self.last_result = r
        self.refund_amount.clear()
        self.override.setChecked(False)
        self.result_line.setText(self._said(r))
        self.refresh()
        return r

    def _said(self, r: launches.LaunchOpResult) -> str:
        m = lambda v: format_money(v, self.cur)  # noqa: E731
        how = label(PAYMENT_METHODS, r.payment_method) if r.payment_method else ""
        match r.action:
            case "entry":
                text = self.tr("Entry recorded: %1 paid by %2.").replace("%1", m(r.amount)).replace("%2", how)
            case "lock":
                text = self.tr("Locked: deposit %1 paid by %2.").replace("%1", m(r.amount)).replace("%2", how)
                if r.early:
                    text += " " + self.tr("Early lock: give the early-lock gifts.")
            case "waitlist":
                text = self.tr("The launch is full: the customer is number %1 on the waiting list; nothing was paid.").replace("%1", str(r.waitlist_position))
            case "deal":
                text = self.tr("Deal: %1 paid, deposit %2 applied.").replace("%1", m(r.amount)).replace("%2", m(r.applied))
            case "entry_refund":
                text = self.tr("Entry fee refunded: %1.").replace("%1", m(-r.amount))
            case _:
                text = self.tr("Lock cancelled: %1 refunded, %2 kept.").replace("%1", m(-r.amount)).replace("%2", m(r.forfeited))
                if r.offered:
                    text += " " + self.tr("A seat was offered to the next on the waiting list.")
        if r.card_balance is not None:
            text += " " + self.tr("Stored value left: %1.").replace("%1", m(r.card_balance))
        return text

    def leave_waitlist(self) -> None:
        ln, hit = self.current, self.customer.hit
        if ln is None or hit is None:
            return
        try:
            launches.leave_waitlist(self.ctx.db, self.ctx.actor, ln.id, hit.id)
        except OpsError as e:
            self.form.set_general_error(message_for(readable(e, self.cur)))
            return
        self.refresh()

    def new_launch(self) -> None:
        dlg = LaunchDialog(self.ctx, None, self)
        if dlg.exec() and dlg.saved is not None:
            self.current = dlg.saved
            self.refresh()

    def edit_launch(self) -> None:
        if self.current is None:
            return
        dlg = LaunchDialog(self.ctx, self.current, self)
        if dlg.exec():
            self.refresh()

    def _set_status(self, status: LaunchStatus) -> None:
        if self.current is None:
            return
        if status is LaunchStatus.CLOSED and QMessageBox.question(
                self, self.tr("Close launch"),
                self.tr("Close “%1”? No more entries or locks; locked customers can still pay in full.")
                .replace("%1", self.current.name)) != QMessageBox.StandardButton.Yes:
            return
        try:
            launches.set_status(self.ctx.db, self.ctx.actor, self.current.id, status)
        except OpsError as e:
            QMessageBox.warning(self, self.tr("Launches"), message_for(readable(e, self.cur)))
            return
        self.refresh()

    def summary_pdf(self) -> tasks.Job | None:
        if self.current is None:
            return None
        from opsdesk.ui.pages.launches.printing import print_summary

        return print_summary(self, self.ctx, self.current.id)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
