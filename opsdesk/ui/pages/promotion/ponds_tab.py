"""Ponds tab: partner ponds, their contracts, the import of their customers, the monthly
settlement (preview → lock → PDF) and each pond's conversion."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from opsdesk.domain.errors import FieldErrors, OpsError, ValidationError
from opsdesk.domain.money import currency, format_money
from opsdesk.domain.operations import new_operation_id
from opsdesk.domain.ponds import PondTerms
from opsdesk.domain.roles import Permission
from opsdesk.services import ponds
from opsdesk.ui import pdf_output, tasks
from opsdesk.ui.context import AppContext
from opsdesk.ui.messages import message_for
from opsdesk.ui.pages.promotion.common import RowsModel, percent, rate_text, table
from opsdesk.ui.widgets.dates import OptionalDateEdit
from opsdesk.ui.widgets.form import ErrorForm
from opsdesk.ui.widgets.money_edit import MoneyEdit

POND_COLUMNS = (
    ("name", QT_TRANSLATE_NOOP("Promotion", "Pond")),
    ("owner", QT_TRANSLATE_NOOP("Promotion", "Owner")),
    ("terms", QT_TRANSLATE_NOOP("Promotion", "Contract")),
    ("customers", QT_TRANSLATE_NOOP("Promotion", "Handed over")),
    ("paying", QT_TRANSLATE_NOOP("Promotion", "Paying")),
    ("conversion", QT_TRANSLATE_NOOP("Promotion", "Conversion")),
)
LINE_COLUMNS = (
    ("name", QT_TRANSLATE_NOOP("Promotion", "Customer")),
    ("registered", QT_TRANSLATE_NOOP("Promotion", "Registered")),
    ("fee", QT_TRANSLATE_NOOP("Promotion", "Fee")),
    ("base", QT_TRANSLATE_NOOP("Promotion", "Spend shared")),
    ("share", QT_TRANSLATE_NOOP("Promotion", "Share")),
)
SETTLED_COLUMNS = (
    ("month", QT_TRANSLATE_NOOP("Promotion", "Month")),
    ("new", QT_TRANSLATE_NOOP("Promotion", "New customers")),
    ("owed", QT_TRANSLATE_NOOP("Promotion", "Owed")),
    ("locked", QT_TRANSLATE_NOOP("Promotion", "Locked")),
)


class PondsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ponds_tab")
        self.ctx = ctx
        self.cur = currency(ctx.store.currency)
        self.current: ponds.PondRow | None = None
        self.view: ponds.SettlementView | None = None
        self._lock_op: str | None = None
        self.last_pdf = None

        self.pond_model = RowsModel(POND_COLUMNS, self._pond_cell, ("customers", "paying",
                                                                   "conversion"), self)
        self.pond_view = table(self.pond_model, "pond_table")
        self.pond_view.selectionModel().currentRowChanged.connect(self._pond_chosen)

        pond_box = QGroupBox(self.tr("Partner"))
        pf = self.pond_form = ErrorForm()
        self.p_name, self.p_owner, self.p_phone = QLineEdit(), QLineEdit(), QLineEdit()
        self.p_name.setObjectName("pond_name")
        pf.add_row("name", self.p_name).setText(self.tr("Business &name"))
        pf.add_row("owner", self.p_owner).setText(self.tr("&Owner (塘主)"))
        pf.add_row("phone", self.p_phone).setText(self.tr("&Contact"))
        new_btn = QPushButton(self.tr("&New pond"))
        new_btn.clicked.connect(self._new_pond)
        save_btn = QPushButton(self.tr("Sa&ve pond"))
        save_btn.setObjectName("save_pond")
        save_btn.clicked.connect(self.save_pond)
        import_btn = QPushButton(self.tr("&Import customers…"))
        import_btn.setObjectName("import_pond")
        import_btn.clicked.connect(self.import_customers)
        row = QHBoxLayout()
        for b in (new_btn, save_btn, import_btn):
            row.addWidget(b)
        row.addStretch(1)
        pl = QVBoxLayout(pond_box)
        pl.addWidget(pf)
        pl.addLayout(row)

        contract_box = QGroupBox(self.tr("Contract terms"))
        cf = self.contract_form = ErrorForm()
        self.c_from, self.c_to = OptionalDateEdit(), OptionalDateEdit()
        self.c_fee, self.c_min = MoneyEdit(self.cur), MoneyEdit(self.cur)
        self.c_rate = QLineEdit()
        self.c_rate.setPlaceholderText("10%")
        self.c_months = QSpinBox()
        self.c_months.setRange(0, 120)
        cf.add_row("valid_from", self.c_from).setText(self.tr("Valid &from"))
        cf.add_row("valid_to", self.c_to).setText(self.tr("Valid &to (empty: open)"))
        cf.add_row("fee_per_customer", self.c_fee).setText(self.tr("Fee per customer"))
        cf.add_row("share_rate", self.c_rate).setText(self.tr("Revenue share"))
        cf.add_row("share_months", self.c_months).setText(self.tr("Share for months"))
        cf.add_row("monthly_minimum", self.c_min).setText(self.tr("Monthly minimum"))
        add_c = QPushButton(self.tr("Add &contract"))
        add_c.setObjectName("add_contract")
        add_c.clicked.connect(self.add_contract)
        cl = QVBoxLayout(contract_box)
        cl.addWidget(cf)
        cl.addWidget(add_c)

        settle_box = QGroupBox(self.tr("Monthly settlement"))
        self.s_year, self.s_month = QSpinBox(), QSpinBox()
        self.s_year.setRange(2000, 2999)
        self.s_month.setRange(1, 12)
        prev = date.today().replace(day=1) - timedelta(days=1)
        self.s_year.setValue(prev.year)
        self.s_month.setValue(prev.month)
        self.s_year.setObjectName("settle_year")
        self.s_month.setObjectName("settle_month")
        for sp in (self.s_year, self.s_month):
            sp.valueChanged.connect(lambda _v: self.preview())
        self.lock_btn = QPushButton(self.tr("&Lock the month"))
        self.lock_btn.setObjectName("lock_settlement")
        self.lock_btn.setEnabled(ctx.actor.can(Permission.PONDS_SETTLE))
        self.lock_btn.clicked.connect(self.lock)
        pdf_btn = QPushButton(self.tr("Statement (&PDF)"))
        pdf_btn.setObjectName("settlement_pdf")
        pdf_btn.clicked.connect(self.statement_pdf)
        self.summary = QLabel()
        self.summary.setObjectName("settlement_summary")
        self.summary.setWordWrap(True)
        self.line_model = RowsModel(LINE_COLUMNS, self._line_cell, ("fee", "base", "share"), self)
        self.settled_model = RowsModel(SETTLED_COLUMNS, self._settled_cell, ("new", "owed"), self)
        sr = QHBoxLayout()
        sr.addWidget(QLabel(self.tr("Month")))
        sr.addWidget(self.s_year)
        sr.addWidget(self.s_month)
        sr.addWidget(self.lock_btn)
        sr.addWidget(pdf_btn)
        sr.addStretch(1)
        sl = QVBoxLayout(settle_box)
        sl.addLayout(sr)
        sl.addWidget(self.summary)
        sl.addWidget(table(self.line_model, "settlement_lines"), 2)
        sl.addWidget(QLabel(self.tr("Locked months")))
        sl.addWidget(table(self.settled_model, "settled_months"), 1)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.pond_view, 1)
        ll.addWidget(pond_box)
        ll.addWidget(contract_box)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(settle_box)
        split.setStretchFactor(1, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(split)

    def _m(self, v: int) -> str:
        return format_money(v, self.cur)

    def _terms_text(self, t: PondTerms | None) -> str:
        if t is None:
            return self.tr("No contract")
        parts = []
        if t.fee_per_customer:
            parts.append(self.tr("%1 per customer").replace("%1", self._m(t.fee_per_customer)))
        if t.share_rate:
            parts.append(self.tr("%1 of spend for %2 months").replace(
                "%1", rate_text(t.share_rate)).replace("%2", str(t.share_months)))
        if t.monthly_minimum:
            parts.append(self.tr("minimum %1").replace("%1", self._m(t.monthly_minimum)))
        end = t.valid_to.isoformat() if t.valid_to else "…"
        return f"{t.valid_from.isoformat()} – {end}: " + ", ".join(parts)

    def _pond_cell(self, r: ponds.PondRow, key: str) -> str:
        if key == "terms":
            return self._terms_text(r.contract)
        if key == "conversion":
            from fractions import Fraction

            return percent(Fraction(r.paying, r.customers) if r.customers else None)
        return str(getattr(r, key))

    def _line_cell(self, r: ponds.LineView, key: str) -> str:
        return {"name": r.name, "registered": r.registered_on.isoformat(),
                "fee": self._m(r.fee), "base": self._m(r.share_base),
                "share": self._m(r.share)}[key]

    def _settled_cell(self, r: ponds.SettlementRow, key: str) -> str:
        return {"month": f"{r.year}-{r.month:02d}", "new": str(r.new_customers),
                "owed": self._m(r.owed), "locked": r.locked_at.strftime("%Y-%m-%d %H:%M")}[key]

    # ------------------------------------------------------------------ data

    def refresh(self) -> None:
        keep = self.current.id if self.current else None
        rows = ponds.list_ponds(self.ctx.db, self.ctx.actor)
        self.pond_model.set_rows(rows)
        for i, r in enumerate(rows):
            if r.id == keep or (keep is None and i == 0):
                self.pond_view.selectRow(i)
                break

    def _pond_chosen(self, cur: QModelIndex, _prev: QModelIndex) -> None:
        r = self.pond_model.valid_row(cur)
        self.current = r
        self._lock_op = None
        if r is None:
            return
        self.p_name.setText(r.name)
        self.p_owner.setText(r.owner)
        self.p_phone.setText(r.phone)
        self.preview()

    def preview(self) -> ponds.SettlementView | None:
        if self.current is None:
            return None
        try:
            v = ponds.preview(self.ctx.db, self.ctx.actor, self.current.id, self.s_year.value(),
                              self.s_month.value())
        except OpsError as e:
            self.summary.setText(message_for(e))
            return None
        self._show(v)
        self.settled_model.set_rows(ponds.settlements(self.ctx.db, self.ctx.actor,
                                                      self.current.id))
        return v

    def _show(self, v: ponds.SettlementView) -> None:
        self.view = v
        state = self.tr("Locked") if v.id is not None else self.tr("Preview, not locked")
        self.summary.setText(
            self.tr("%1 · %2 new customers: fees %3 + share %4 + top-up to the minimum %5 = "
                    "owed %6")
            .replace("%1", state).replace("%2", str(v.new_customers))
            .replace("%3", self._m(v.fee_total)).replace("%4", self._m(v.share))
            .replace("%5", self._m(v.minimum_topup)).replace("%6", self._m(v.owed)))
        self.line_model.set_rows(v.lines)
        self.lock_btn.setEnabled(v.id is None and self.ctx.actor.can(Permission.PONDS_SETTLE))

    # ------------------------------------------------------------------ actions

    def _new_pond(self) -> None:
        self.current = None
        self.pond_view.clearSelection()
        for w in (self.p_name, self.p_owner, self.p_phone):
            w.clear()
        self.p_name.setFocus()

    def save_pond(self) -> ponds.PondRow | None:
        self.pond_form.clear_errors()
        try:
            r = ponds.save_pond(self.ctx.db, self.ctx.actor, ponds.PondInput(
                self.current.id if self.current else None, self.p_name.text(),
                self.p_owner.text(), self.p_phone.text()))
        except OpsError as e:
            self.pond_form.show_error(e)
            return None
        self.current = r
        self.refresh()
        return r

    def add_contract(self) -> ponds.ContractRow | None:
        self.contract_form.clear_errors()
        if self.current is None:
            self.contract_form.set_general_error(self.tr("Save the pond first."))
            return None
        errors: dict[str, OpsError] = {}
        values: dict[str, object] = {}
        for key, fn in (("valid_from", self.c_from.value), ("valid_to", self.c_to.value),
                        ("fee_per_customer", lambda: self.c_fee.value() if self.c_fee.text().strip() else 0),
                        ("monthly_minimum", lambda: self.c_min.value() if self.c_min.text().strip() else 0)):
            try:
                values[key] = fn()
            except ValidationError as e:
                errors[key] = e
        if "valid_from" not in errors and values.get("valid_from") is None:
            errors["valid_from"] = ValidationError("text.required", field="valid_from")
        if errors:
            self.contract_form.show_error(FieldErrors(errors))
            return None
        terms = PondTerms(values["valid_from"], values["valid_to"],  # type: ignore[arg-type]
                          values["fee_per_customer"], self.c_rate.text().strip() or "0",  # type: ignore[arg-type]
                          self.c_months.value(), values["monthly_minimum"])  # type: ignore[arg-type]
        try:
            r = ponds.add_contract(self.ctx.db, self.ctx.actor, self.current.id, terms)
        except OpsError as e:
            self.contract_form.show_error(e)
            return None
        self.refresh()
        return r

    def lock(self) -> ponds.SettlementView | None:
        if self.current is None:
            return None
        y, m = self.s_year.value(), self.s_month.value()
        if self._lock_op is None:
            self._lock_op = new_operation_id()
        try:
            v = ponds.lock(self.ctx.db, self.ctx.actor, self.current.id, y, m, self._lock_op)
        except OpsError as e:
            self.summary.setText(message_for(e))
            return None
        self._lock_op = None
        self._show(v)
        self.refresh()
        return v

    def statement_pdf(self) -> tasks.Job | None:
        v = self.view
        if v is None:
            return None
        from opsdesk.reports.promotion import render_pond_statement
        from opsdesk.ui.pages.promotion.printing import pond_labels

        labels = pond_labels()
        path = pdf_output.new_pdf_path(f"pond-{v.pond_id}-{v.year}-{v.month:02d}")
        code = self.ctx.store.currency

        def work(_p):  # noqa: ANN001, ANN202
            from opsdesk.db import clock

            render_pond_statement(v, path, labels=labels, currency_code=code,
                                  printed_at=clock.now())
            return path

        def done(p) -> None:  # noqa: ANN001
            self.last_pdf = p
            pdf_output.deliver(self, p)

        return tasks.run_with_dialog(self, self.tr("Making the statement…"), work, on_done=done,
                                     on_error=lambda e: QMessageBox.warning(
                                         self, self.tr("Ponds"), str(e)))

    def import_customers(self) -> None:
        if self.current is None:
            return
        from opsdesk.ui.pages.members.importer import ImportWizard

        wiz = ImportWizard(self.ctx, self, pond_id=self.current.id)
        wiz.setWindowTitle(self.tr("Import the customers of %1").replace("%1", self.current.name))
        wiz.exec()
        self.refresh()
