"""Promoters tab: levels and their commission plans, enrolment, the promoters with their ledger,
payout, customers credited to them, the leaderboard and the monthly statement PDF."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from opsdesk.domain.errors import FieldErrors, OpsError, ValidationError
from opsdesk.domain.incentives import Bracket, CommissionMode, to_ratio
from opsdesk.domain.money import currency, format_money, parse_money
from opsdesk.domain.operations import new_operation_id
from opsdesk.domain.payments import PaymentMethod
from opsdesk.domain.promoters import CommissionPlan, MemberBonusOn, PurchaseScope, RankBy
from opsdesk.domain.roles import Permission
from opsdesk.services import promoters
from opsdesk.ui import pdf_output, tasks
from opsdesk.ui.context import AppContext
from opsdesk.ui.labels import PAYMENT_METHODS, label
from opsdesk.ui.messages import message_for
from opsdesk.ui.pages.members.referrer import MemberPicker
from opsdesk.ui.pages.promotion.common import (
    BONUS_ON,
    LEDGER_KINDS,
    MODES,
    PAYOUT_METHODS,
    RANK_BY,
    SCOPES,
    RowsModel,
    rate_text,
    table,
    word,
)
from opsdesk.ui.widgets.form import ErrorForm
from opsdesk.ui.widgets.money_edit import MoneyEdit

LEVEL_COLUMNS = (
    ("rank", QT_TRANSLATE_NOOP("Promotion", "Rank")),
    ("name", QT_TRANSLATE_NOOP("Promotion", "Level")),
    ("fee", QT_TRANSLATE_NOOP("Promotion", "Enrolment fee")),
    ("rates", QT_TRANSLATE_NOOP("Promotion", "Commission")),
    ("window", QT_TRANSLATE_NOOP("Promotion", "Within days")),
    ("per_new", QT_TRANSLATE_NOOP("Promotion", "Per new customer")),
    ("promoters", QT_TRANSLATE_NOOP("Promotion", "Promoters")),
)
PROMOTER_COLUMNS = (
    ("name", QT_TRANSLATE_NOOP("Promotion", "Promoter")),
    ("level", QT_TRANSLATE_NOOP("Promotion", "Level")),
    ("referred", QT_TRANSLATE_NOOP("Promotion", "Customers")),
    ("frozen", QT_TRANSLATE_NOOP("Promotion", "Frozen")),
    ("available", QT_TRANSLATE_NOOP("Promotion", "Available")),
    ("paid", QT_TRANSLATE_NOOP("Promotion", "Paid out")),
)
LEDGER_COLUMNS = (
    ("posted_on", QT_TRANSLATE_NOOP("Promotion", "Date")),
    ("kind", QT_TRANSLATE_NOOP("Promotion", "Entry")),
    ("customer", QT_TRANSLATE_NOOP("Promotion", "Customer")),
    ("available_on", QT_TRANSLATE_NOOP("Promotion", "Available from")),
    ("amount", QT_TRANSLATE_NOOP("Promotion", "Amount")),
)
BOARD_COLUMNS = (
    ("rank", QT_TRANSLATE_NOOP("Promotion", "Rank")),
    ("name", QT_TRANSLATE_NOOP("Promotion", "Promoter")),
    ("level", QT_TRANSLATE_NOOP("Promotion", "Level")),
    ("revenue", QT_TRANSLATE_NOOP("Promotion", "Referred revenue")),
    ("new_members", QT_TRANSLATE_NOOP("Promotion", "New customers")),
    ("commission", QT_TRANSLATE_NOOP("Promotion", "Commission")),
)


def parse_rates(text: str, cur) -> tuple[Bracket, ...]:  # noqa: ANN001
    """``"10%"`` (one rate) or ``"0=10%, 1000=15%"`` (from each amount of the month's referred
    revenue on); amounts in the currency, rates as percentages or fractions."""
    parts = [p.strip() for p in text.replace("，", ",").replace("；", ",").replace(";", ",")
             .split(",") if p.strip()]
    if not parts:
        raise ValidationError("rate.invalid", field="brackets", text="")
    if len(parts) == 1 and "=" not in parts[0]:
        to_ratio(parts[0], field="brackets")
        return (Bracket(0, None, parts[0]),)
    lows: list[tuple[int, str]] = []
    for p in parts:
        if "=" not in p:
            raise ValidationError("rate.invalid", field="brackets", text=p[:40])
        lo, rate = (x.strip() for x in p.split("=", 1))
        to_ratio(rate, field="brackets")
        lows.append((parse_money(lo, cur, field="brackets"), rate))
    lows.sort()
    return tuple(Bracket(lo, lows[i + 1][0] if i + 1 < len(lows) else None, rate)
                 for i, (lo, rate) in enumerate(lows))


def rates_text(plan: CommissionPlan, cur) -> str:  # noqa: ANN001
    if len(plan.brackets) == 1:
        return rate_text(to_ratio(plan.brackets[0].rate))
    return ", ".join(f"{format_money(int(b.lower), cur, symbol=False)}={rate_text(to_ratio(b.rate))}"
                     for b in plan.brackets)


class PromotersTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promoters_tab")
        self.ctx = ctx
        self.cur = currency(ctx.store.currency)
        self.can_pay = ctx.actor.can(Permission.PROMOTERS_PAYOUT)
        self.levels: list[promoters.LevelRow] = []
        self.current: promoters.PromoterRow | None = None
        self._enrol_op: str | None = None
        self._pay_op: str | None = None
        self.last_pdf = None

        self.inner = QTabWidget()
        self.inner.setObjectName("promoter_tabs")
        self.inner.addTab(self._promoters_page(), self.tr("Promoters"))
        self.inner.addTab(self._board_page(), self.tr("Leaderboard"))
        self.inner.addTab(self._levels_page(), self.tr("Levels and commission"))
        outer = QVBoxLayout(self)
        outer.addWidget(self.inner)

    # ------------------------------------------------------------------ layout

    def _levels_page(self) -> QWidget:
        w = QWidget()
        self.level_model = RowsModel(LEVEL_COLUMNS, self._level_cell,
                                     ("rank", "fee", "window", "per_new", "promoters"), self)
        self.level_view = table(self.level_model, "level_table")
        self.level_view.selectionModel().currentRowChanged.connect(self._level_chosen)
        f = self.level_form = ErrorForm()
        self.level_name = QLineEdit()
        self.level_name.setMaxLength(40)
        self.level_rank = QSpinBox()
        self.level_rank.setRange(1, 99)
        self.level_fee = MoneyEdit(self.cur)
        self.level_rates = QLineEdit()
        self.level_rates.setObjectName("level_rates")
        self.level_rates.setPlaceholderText(self.tr("10%   or   0=10%, 10000=15%"))
        self.level_mode = QComboBox()
        for k in ("step", "marginal"):
            self.level_mode.addItem(word(MODES, k), k)
        self.level_window = QSpinBox()
        self.level_window.setRange(-1, 3660)
        self.level_window.setSpecialValueText(self.tr("No limit"))
        self.level_window.setValue(90)
        self.level_scope = QComboBox()
        for k in ("all", "first"):
            self.level_scope.addItem(word(SCOPES, k), k)
        self.level_per_new = MoneyEdit(self.cur)
        self.level_bonus_on = QComboBox()
        for k in ("first_purchase", "registration"):
            self.level_bonus_on.addItem(word(BONUS_ON, k), k)
        self.level_refund = QSpinBox()
        self.level_refund.setRange(0, 366)
        self.level_refund.setValue(7)
        f.add_row("name", self.level_name).setText(self.tr("&Name"))
        f.add_row("rank", self.level_rank).setText(self.tr("Ran&k"))
        f.add_row("enrolment_fee", self.level_fee).setText(self.tr("Enrolment &fee"))
        f.add_row("brackets", self.level_rates).setText(self.tr("Commission &rate"))
        f.add_row("mode", self.level_mode).setText(self.tr("Tiered rates"))
        f.add_row("window_days", self.level_window).setText(
            self.tr("Spend within days of registration"))
        f.add_row("scope", self.level_scope).setText(self.tr("Which purchases"))
        f.add_row("per_new_member", self.level_per_new).setText(self.tr("Fixed amount per new customer"))
        f.add_row("member_bonus_on", self.level_bonus_on).setText(self.tr("Fixed amount paid"))
        f.add_row("refund_window_days", self.level_refund).setText(
            self.tr("Frozen for refunds (days)"))
        new = QPushButton(self.tr("&New level"))
        new.clicked.connect(self._new_level)
        self.save_level_btn = QPushButton(self.tr("&Save level"))
        self.save_level_btn.setObjectName("save_level")
        self.save_level_btn.clicked.connect(self.save_level)
        row = QHBoxLayout()
        row.addWidget(new)
        row.addWidget(self.save_level_btn)
        row.addStretch(1)
        lay = QVBoxLayout(w)
        lay.addWidget(self.level_view, 1)
        lay.addWidget(f)
        lay.addLayout(row)
        self._editing_level: int | None = None
        return w

    def _promoters_page(self) -> QWidget:
        w = QWidget()
        self.promoter_model = RowsModel(PROMOTER_COLUMNS, self._promoter_cell,
                                        ("referred", "frozen", "available", "paid"), self)
        self.promoter_view = table(self.promoter_model, "promoter_table")
        self.promoter_view.selectionModel().currentRowChanged.connect(self._promoter_chosen)

        enrol_box = QGroupBox(self.tr("Enrol a promoter"))
        ef = self.enrol_form = ErrorForm()
        self.enrol_member = MemberPicker(self.ctx)
        self.enrol_member.setObjectName("enrol_member")
        self.enrol_member.picked.connect(lambda _h: setattr(self, "_enrol_op", None))
        self.enrol_level = QComboBox()
        self.enrol_level.setObjectName("enrol_level")
        self.enrol_pay = QCheckBox(self.tr("Collect the enrolment fee now (recorded as a sale)"))
        self.enrol_method = QComboBox()
        for m in PaymentMethod:
            if m is not PaymentMethod.STORED_VALUE:
                self.enrol_method.addItem(label(PAYMENT_METHODS, m), m.value)
        ef.add_row("customer_id", self.enrol_member).setText(self.tr("&Customer"))
        ef.add_row("level_id", self.enrol_level).setText(self.tr("&Level"))
        ef.add_row("pay_fee", self.enrol_pay).setText("")
        ef.add_row("payment_method", self.enrol_method).setText(self.tr("Paid by"))
        self.enrol_btn = QPushButton(self.tr("&Enrol"))
        self.enrol_btn.setObjectName("enrol")
        self.enrol_btn.clicked.connect(self.enrol)
        self.enrol_said = QLabel()
        self.enrol_said.setObjectName("enrol_said")
        el = QVBoxLayout(enrol_box)
        el.addWidget(ef)
        el.addWidget(self.enrol_btn)
        el.addWidget(self.enrol_said)

        detail = QGroupBox(self.tr("Commission ledger"))
        self.detail_title = QLabel()
        self.ledger_model = RowsModel(LEDGER_COLUMNS, self._ledger_cell, ("amount",), self)
        self.ledger_view = table(self.ledger_model, "ledger_table")
        pf = self.pay_form = ErrorForm()
        self.pay_amount = MoneyEdit(self.cur, allow_zero=False)
        self.pay_amount.setObjectName("amount")
        self.pay_amount.setPlaceholderText(self.tr("everything available"))
        self.pay_method = QComboBox()
        for k in ("cash", "stored_value"):
            self.pay_method.addItem(word(PAYOUT_METHODS, k), k)
        pf.add_row("amount", self.pay_amount).setText(self.tr("Pay &out"))
        pf.add_row("method", self.pay_method).setText(self.tr("As"))
        self.pay_btn = QPushButton(self.tr("&Pay out"))
        self.pay_btn.setObjectName("payout")
        self.pay_btn.setEnabled(self.can_pay)
        self.pay_btn.clicked.connect(self.payout)
        self.attach = MemberPicker(self.ctx)
        self.attach.setObjectName("attach_member")
        self.attach.setPlaceholderText(self.tr("A customer this promoter brought"))
        attach_btn = QPushButton(self.tr("Credit to this promoter"))
        attach_btn.clicked.connect(self.attach_customer)
        self.month = QSpinBox()
        self.month.setRange(1, 12)
        self.stmt_year = QSpinBox()
        self.stmt_year.setRange(2000, 2999)
        prev = date.today().replace(day=1) - timedelta(days=1)
        self.stmt_year.setValue(prev.year)
        self.month.setValue(prev.month)
        stmt_btn = QPushButton(self.tr("Monthly &statement (PDF)"))
        stmt_btn.setObjectName("statement_pdf")
        stmt_btn.clicked.connect(self.statement_pdf)
        self.detail_said = QLabel()
        self.detail_said.setWordWrap(True)
        dl = QVBoxLayout(detail)
        dl.addWidget(self.detail_title)
        dl.addWidget(self.ledger_view, 1)
        dl.addWidget(pf)
        dl.addWidget(self.pay_btn)
        ar = QHBoxLayout()
        ar.addWidget(self.attach, 1)
        ar.addWidget(attach_btn)
        dl.addLayout(ar)
        sr = QHBoxLayout()
        sr.addWidget(self.stmt_year)
        sr.addWidget(self.month)
        sr.addWidget(stmt_btn)
        sr.addStretch(1)
        dl.addLayout(sr)
        dl.addWidget(self.detail_said)

        left = QSplitter()
        lw = QWidget()
        ll = QVBoxLayout(lw)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.promoter_view, 1)
        ll.addWidget(enrol_box)
        left.addWidget(lw)
        left.addWidget(detail)
        left.setStretchFactor(1, 1)
        lay = QVBoxLayout(w)
        lay.addWidget(left)
        return w

    def _board_page(self) -> QWidget:
        w = QWidget()
        self.board_by = QComboBox()
        self.board_by.setObjectName("board_by")
        for k in RankBy:
            self.board_by.addItem(word(RANK_BY, k), k.value)
        self.board_year = QSpinBox()
        self.board_year.setRange(2000, 2999)
        self.board_year.setValue(date.today().year)
        self.board_month = QSpinBox()
        self.board_month.setRange(0, 12)
        self.board_month.setSpecialValueText(self.tr("Whole year"))
        self.board_month.setValue(date.today().month)
        for sig in (self.board_by.currentIndexChanged, self.board_year.valueChanged,
                    self.board_month.valueChanged):
            sig.connect(lambda *_a: self.load_board())
        self.board_model = RowsModel(BOARD_COLUMNS, self._board_cell,
                                     ("rank", "revenue", "new_members", "commission"), self)
        self.board_view = table(self.board_model, "leaderboard")
        row = QHBoxLayout()
        for text, wd in ((self.tr("Rank by"), self.board_by), (self.tr("Year"), self.board_year),
                         (self.tr("Month"), self.board_month)):
            row.addWidget(QLabel(text))
            row.addWidget(wd)
        row.addStretch(1)
        lay = QVBoxLayout(w)
        lay.addLayout(row)
        lay.addWidget(self.board_view, 1)
        return w

    # ------------------------------------------------------------------ cells

    def _m(self, v: int) -> str:
        return format_money(v, self.cur)

    def _level_cell(self, r: promoters.LevelRow, key: str) -> str:
        p = r.plan
        return {
            "rank": str(r.rank), "name": r.name, "fee": self._m(r.enrolment_fee),
            "rates": rates_text(p, self.cur) + (" · " + word(SCOPES, p.scope)),
            "window": self.tr("No limit") if p.window_days is None else str(p.window_days),
            "per_new": self._m(p.per_new_member), "promoters": str(r.promoters),
        }[key]

    def _promoter_cell(self, r: promoters.PromoterRow, key: str) -> str:
        b = r.balance
        return {
            "name": f"{r.name}  {r.card_no or ''}".strip(), "level": r.level,
            "referred": str(r.referred), "frozen": self._m(b.frozen),
            "available": self._m(b.available), "paid": self._m(b.paid),
        }[key]

    def _ledger_cell(self, r: promoters.LedgerRow, key: str) -> str:
        if key == "posted_on":
            return r.posted_on.isoformat()
        if key == "kind":
            kind = word(LEDGER_KINDS, r.kind)
            return f"{kind} · {word(PAYOUT_METHODS, r.method)}" if r.method else kind
        if key == "customer":
            return r.customer_name or r.note
        if key == "available_on":
            return r.available_on.isoformat() if r.available_on else ""
        return self._m(r.amount)

    def _board_cell(self, r: promoters.BoardRow, key: str) -> str:
        return {
            "rank": f"{r.rank}{'=' if r.tied else ''}", "name": r.name, "level": r.level,
            "revenue": self._m(r.referred_revenue), "new_members": str(r.new_members),
            "commission": self._m(r.commission),
        }[key]

    # ------------------------------------------------------------------ data

    def refresh(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        self.levels = promoters.list_levels(db, actor)
        self.level_model.set_rows(self.levels)
        keep = self.enrol_level.currentData()
        self.enrol_level.clear()
        for lv in self.levels:
            fee = f" ({self._m(lv.enrolment_fee)})" if lv.enrolment_fee else ""
            self.enrol_level.addItem(lv.name + fee, lv.id)
        if keep is not None and (i := self.enrol_level.findData(keep)) >= 0:
            self.enrol_level.setCurrentIndex(i)
        self.load_promoters()
        self.load_board()

    def load_promoters(self) -> None:
        keep = self.current.id if self.current else None
        rows = promoters.list_promoters(self.ctx.db, self.ctx.actor)
        self.promoter_model.set_rows(rows)
        for i, r in enumerate(rows):
            if r.id == keep:
                self.promoter_view.selectRow(i)
                break

    def _promoter_chosen(self, cur: QModelIndex, _prev: QModelIndex) -> None:
        r = self.promoter_model.valid_row(cur)
        self.current = r
        self._pay_op = None
        self.pay_form.clear_errors()
        if r is None:
            self.ledger_model.set_rows([])
            self.detail_title.clear()
            return
        self.ledger_model.set_rows(promoters.ledger(self.ctx.db, self.ctx.actor, r.id))
        b = r.balance
        self.detail_title.setText(
            self.tr("%1 · %2 — frozen %3, available %4, paid out %5")
            .replace("%1", r.name).replace("%2", r.level).replace("%3", self._m(b.frozen))
            .replace("%4", self._m(b.available)).replace("%5", self._m(b.paid)))

    def load_board(self) -> None:
        y, m = self.board_year.value(), self.board_month.value()
        if m:
            start = date(y, m, 1)
            end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        else:
            start, end = date(y, 1, 1), date(y, 12, 31)
        try:
            rows = promoters.leaderboard(self.ctx.db, self.ctx.actor, start, end,
                                         self.board_by.currentData())
        except OpsError:
            rows = []
        self.board_model.set_rows(rows)

    # ------------------------------------------------------------------ actions

    def _level_chosen(self, cur: QModelIndex, _prev: QModelIndex) -> None:
        r = self.level_model.valid_row(cur)
        if r is None:
            return
        self._editing_level = r.id
        p = r.plan
        self.level_name.setText(r.name)
        self.level_rank.setValue(r.rank)
        self.level_fee.set_value(r.enrolment_fee)
        self.level_rates.setText(rates_text(p, self.cur))
        self.level_mode.setCurrentIndex(self.level_mode.findData(str(p.mode)))
        self.level_window.setValue(-1 if p.window_days is None else p.window_days)
        self.level_scope.setCurrentIndex(self.level_scope.findData(str(p.scope)))
        self.level_per_new.set_value(p.per_new_member)
        self.level_bonus_on.setCurrentIndex(self.level_bonus_on.findData(str(p.member_bonus_on)))
        self.level_refund.setValue(p.refund_window_days)

    def _new_level(self) -> None:
        self._editing_level = None
        self.level_view.clearSelection()
        for w in (self.level_name, self.level_fee, self.level_rates, self.level_per_new):
            w.clear()
        self.level_rank.setValue(max((lv.rank for lv in self.levels), default=0) + 1)
        self.level_form.clear_errors()

    def save_level(self) -> promoters.LevelRow | None:
        self.level_form.clear_errors()
        errors: dict[str, OpsError] = {}
        brackets: tuple[Bracket, ...] = ()
        fee = per_new = 0
        try:
            brackets = parse_rates(self.level_rates.text(), self.cur)
        except ValidationError as e:
            errors["brackets"] = e
        for key, edit in (("enrolment_fee", self.level_fee), ("per_new_member", self.level_per_new)):
            try:
                v = edit.value() if edit.text().strip() else 0
            except ValidationError as e:
                errors[key] = e
                continue
            if key == "enrolment_fee":
                fee = v
            else:
                per_new = v
        if errors:
            self.level_form.show_error(FieldErrors(errors))
            return None
        window = self.level_window.value()
        plan = CommissionPlan(brackets=brackets, mode=CommissionMode(self.level_mode.currentData()),
                              window_days=None if window < 0 else window,
                              scope=PurchaseScope(self.level_scope.currentData()),
                              per_new_member=per_new,
                              member_bonus_on=MemberBonusOn(self.level_bonus_on.currentData()),
                              refund_window_days=self.level_refund.value())
        try:
            row = promoters.save_level(self.ctx.db, self.ctx.actor, promoters.LevelInput(
                self._editing_level, self.level_name.text(), self.level_rank.value(), plan, fee))
        except FieldErrors as e:
            # The plan's fields come back nested under "plan"; show them beside their field.
            flat = dict(e.errors)
            if isinstance(flat.get("plan"), FieldErrors):
                flat.update(flat.pop("plan").errors)  # type: ignore[union-attr]
            self.level_form.show_error(FieldErrors(flat))
            return None
        except OpsError as e:
            self.level_form.show_error(e, {"which": "name", "id": "name"})
            return None
        self._editing_level = row.id
        self.refresh()
        return row

    def enrol(self) -> promoters.PromoterRow | None:
        self.enrol_form.clear_errors()
        self.enrol_said.clear()
        hit = self.enrol_member.hit
        if hit is None:
            self.enrol_form.set_field_error("customer_id", self.tr("Choose a customer first."))
            return None
        if self.enrol_level.currentData() is None:
            self.enrol_form.set_field_error("level_id", self.tr("Create a level first."))
            return None
        if self._enrol_op is None:
            self._enrol_op = new_operation_id()
        try:
            r = promoters.enrol(self.ctx.db, self.ctx.actor, promoters.EnrolInput(
                hit.id, self.enrol_level.currentData(), self._enrol_op,
                pay_fee=self.enrol_pay.isChecked(),
                payment_method=self.enrol_method.currentData()))
        except OpsError as e:
            self.enrol_form.show_error(e)
            return None
        self._enrol_op = None
        self.enrol_member.choose(None)
        self.enrol_said.setText(self.tr("%1 is now a promoter (%2).").replace("%1", r.name)
                                .replace("%2", r.level))
        self.current = r
        self.refresh()
        return r

    def payout(self) -> promoters.LedgerRow | None:
        self.pay_form.clear_errors()
        if self.current is None:
            return None
        try:
            amount = self.pay_amount.value() if self.pay_amount.text().strip() else None
        except ValidationError as e:
            self.pay_form.show_error(e)
            return None
        if self._pay_op is None:
            self._pay_op = new_operation_id()
        try:
            r = promoters.payout(self.ctx.db, self.ctx.actor, self.current.id, amount,
                                 self.pay_method.currentData(), self._pay_op)
        except OpsError as e:
            self.pay_form.show_error(e)
            return None
        self._pay_op = None
        self.pay_amount.clear()
        self.detail_said.setText(self.tr("Paid out %1.").replace("%1", self._m(-r.amount)))
        self.load_promoters()
        return r

    def attach_customer(self) -> None:
        hit = self.attach.hit
        if self.current is None or hit is None:
            return
        try:
            promoters.attach_customer(self.ctx.db, self.ctx.actor, hit.id, self.current.id)
        except OpsError as e:
            self.detail_said.setText(message_for(e))
            return
        self.attach.choose(None)
        self.detail_said.setText(self.tr("%1 is credited to %2.").replace("%1", hit.name)
                                 .replace("%2", self.current.name))
        self.load_promoters()

    def statement_pdf(self) -> tasks.Job | None:
        if self.current is None:
            return None
        from opsdesk.reports.promotion import render_promoter_statement
        from opsdesk.ui.pages.promotion.printing import promoter_labels

        ctx, pid = self.ctx, self.current.id
        y, m = self.stmt_year.value(), self.month.value()
        labels = promoter_labels()
        path = pdf_output.new_pdf_path(f"promoter-{pid}-{y}-{m:02d}")
        code = ctx.store.currency

        def work(_p):  # noqa: ANN001, ANN202
            st = promoters.statement(ctx.db, ctx.actor, pid, y, m)
            render_promoter_statement(st, path, labels=labels, currency_code=code)
            return path

        def done(p) -> None:  # noqa: ANN001
            self.last_pdf = p
            pdf_output.deliver(self, p)

        return tasks.run_with_dialog(self, self.tr("Making the statement…"), work, on_done=done,
                                     on_error=lambda e: self.detail_said.setText(
                                         message_for(e) if isinstance(e, OpsError) else str(e)))
