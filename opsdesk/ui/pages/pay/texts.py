"""Translated words for pay: line names, basis patterns, notes, slip labels; and the slip of a
run turned into the printed slip's data in the reader's language (used by the page and by
``opsdesk slips``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from opsdesk.domain.errors import OpsError
from opsdesk.domain.incentives import Basis, PayKind
from opsdesk.domain.money import currency, format_money
from opsdesk.reports.slips import SlipData, SlipLabels, SlipLine, format_basis, score_text
from opsdesk.services.pay_runs import NOTE_NO_ANNUAL_TARGET, NOTE_NO_TARGET, SlipView

CTX = "Pay"

KINDS = {
    PayKind.BASE: QT_TRANSLATE_NOOP("Pay", "Base pay"),
    PayKind.RESPONSIBILITY: QT_TRANSLATE_NOOP("Pay", "Responsibility pay"),
    PayKind.PERFORMANCE: QT_TRANSLATE_NOOP("Pay", "Performance pay"),
    PayKind.COMMISSION: QT_TRANSLATE_NOOP("Pay", "Sales commission"),
    PayKind.NEW_MEMBER_BONUS: QT_TRANSLATE_NOOP("Pay", "New-member bonus"),
    PayKind.MENTOR_SUBSIDY: QT_TRANSLATE_NOOP("Pay", "Mentor subsidy"),
    PayKind.MENTOR_BONUS: QT_TRANSLATE_NOOP("Pay", "Mentor bonus"),
    PayKind.MENTOR_CUT: QT_TRANSLATE_NOOP("Pay", "Mentor subsidy cut"),
    PayKind.PK_PRIZE: QT_TRANSLATE_NOOP("Pay", "PK contest prize"),
    PayKind.ANNUAL_BONUS: QT_TRANSLATE_NOOP("Pay", "Annual bonus"),
    PayKind.DEDUCTION: QT_TRANSLATE_NOOP("Pay", "Deduction"),
    PayKind.ADJUSTMENT: QT_TRANSLATE_NOOP("Pay", "Adjustment"),
}

TEMPLATES = {
    "pay.fixed": QT_TRANSLATE_NOOP("Pay", "full month = {amount}"),
    "pay.prorated": QT_TRANSLATE_NOOP("Pay", "{monthly} × {days_employed}/{days_in_month} days = {amount}"),
    "pay.performance": QT_TRANSLATE_NOOP("Pay", "{performance_base} × {factor} (score {score}, cap {cap}) = {amount}"),
    "pay.commission.step": QT_TRANSLATE_NOOP("Pay", "{base} × {rate} = {amount}"),
    "pay.commission.marginal": QT_TRANSLATE_NOOP("Pay", "sum of slices = {amount}"),
    "pay.commission.slice": QT_TRANSLATE_NOOP("Pay", "{slice} × {rate} = {amount}"),
    "pay.new_member_bonus": QT_TRANSLATE_NOOP("Pay", "{count} new members × {unit} = {amount}"),
    "pay.mentor_subsidy": QT_TRANSLATE_NOOP("Pay", "apprentice {apprentice}: {amount}"),
    "pay.mentor_bonus": QT_TRANSLATE_NOOP("Pay", "apprentice {apprentice} reached {attainment} ≥ line {standard_line} → {amount}"),
    "pay.mentor_cut": QT_TRANSLATE_NOOP("Pay", "apprentice {apprentice}: {subsidy} × ({standard_line} − {attainment}) ÷ {standard_line} = {amount}"),
    "pay.pk_prize": QT_TRANSLATE_NOOP("Pay", "{contest}: rank {rank} ({tied} tied) → {amount}"),
    "pay.pk_prize.alone": QT_TRANSLATE_NOOP("Pay", "{contest}: rank {rank} → {amount}"),
    "pay.annual_bonus": QT_TRANSLATE_NOOP("Pay", "(year's actual {actual} − target {target}) × {share} = {amount}"),
    "pay.deduction": QT_TRANSLATE_NOOP("Pay", "{reason}: {amount}"),
    "pay.adjustment": QT_TRANSLATE_NOOP("Pay", "correction of {source}: {reason}: {amount}"),
}

NOTES = {
    NOTE_NO_TARGET: QT_TRANSLATE_NOOP("Pay", "No target for this month: attainment counts as 0% (an apprentice without a target: subsidy only)."),
    NOTE_NO_ANNUAL_TARGET: QT_TRANSLATE_NOOP("Pay", "No yearly target: no annual bonus provision."),
}
BASE_NOTE = QT_TRANSLATE_NOOP("Pay", "Commission base: sales {revenue} − refunds {refunds} + carried {carry_in} = {base}")
CARRY_NOTE = QT_TRANSLATE_NOOP("Pay", "Refunds above this month's sales, carried to next month: {carry_out}")
ACCRUAL_NOTE = QT_TRANSLATE_NOOP("Pay", "Annual bonus provision this month: {accrual} (to date: {to_date}); not paid on this slip.")
MONTH = QT_TRANSLATE_NOOP("Pay", "{year}-{month}")
DRAFT = QT_TRANSLATE_NOOP("Pay", "DRAFT")


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def month_text(year: int, month: int) -> str:
    return tr(MONTH).format(year=year, month=f"{month:02d}" if tr(MONTH) == MONTH else str(month))


def kind_label(kind: PayKind) -> str:
    return tr(KINDS.get(kind, str(kind)))


def templates() -> dict[str, str]:
    return {k: tr(v) for k, v in TEMPLATES.items()}


def basis_text(basis: Basis, cur: str = "CNY", pats: dict[str, str] | None = None) -> str:
    pats = pats or templates()
    if basis.template == "pay.pk_prize" and basis.get("tied") is not None \
            and basis["tied"] == 1:
        basis = Basis("pay.pk_prize.alone", basis.values, basis.parts)
    return format_basis(basis, pats, cur)


def slip_labels() -> SlipLabels:
    t = lambda s: QCoreApplication.translate("PaySlip", s)  # noqa: E731
    return SlipLabels(
        title=t(QT_TRANSLATE_NOOP("PaySlip", "Incentive slip")),
        month=t(QT_TRANSLATE_NOOP("PaySlip", "Month")),
        person=t(QT_TRANSLATE_NOOP("PaySlip", "Name")),
        position=t(QT_TRANSLATE_NOOP("PaySlip", "Position")),
        department=t(QT_TRANSLATE_NOOP("PaySlip", "Department")),
        days=t(QT_TRANSLATE_NOOP("PaySlip", "Days employed")),
        days_value=t(QT_TRANSLATE_NOOP("PaySlip", "{days}/{of}")),
        score=t(QT_TRANSLATE_NOOP("PaySlip", "Assessment")),
        item=t(QT_TRANSLATE_NOOP("PaySlip", "Item")),
        basis=t(QT_TRANSLATE_NOOP("PaySlip", "Basis")),
        amount=t(QT_TRANSLATE_NOOP("PaySlip", "Amount")),
        total=t(QT_TRANSLATE_NOOP("PaySlip", "Total")),
        signature=t(QT_TRANSLATE_NOOP("PaySlip", "Employee's signature")),
        date=t(QT_TRANSLATE_NOOP("PaySlip", "Date")),
        notes=t(QT_TRANSLATE_NOOP("PaySlip", "Notes")),
        cut=t(QT_TRANSLATE_NOOP("PaySlip", "cut here")),
        page=t(QT_TRANSLATE_NOOP("PaySlip", "Page {page}")),
    )


def slip_notes(v: SlipView, cur: str = "CNY") -> list[str]:
    """The notes under a slip: problems (a blocked slip), the commission base when refunds or a
    carry changed it, "no target", the annual bonus provision."""
    from opsdesk.ui.messages import message_for

    c = currency(cur)
    out = [message_for(OpsError(code, **params)) for code, params in v.problems]
    for ln in v.lines:
        if ln.kind is PayKind.COMMISSION:
            b = ln.basis
            if b.get("refunds") and b["refunds"] or b.get("carry_in") and b["carry_in"]:
                out.append(tr(BASE_NOTE).format(
                    revenue=format_money(int(b["revenue"]), c),
                    refunds=format_money(int(b["refunds"]), c),
                    carry_in=format_money(int(b["carry_in"]), c),
                    base=format_money(int(b["base"]), c)))
            if b.get("carry_out") and b["carry_out"]:
                out.append(tr(CARRY_NOTE).format(carry_out=format_money(int(b["carry_out"]), c)))
    out += [tr(NOTES[n]) for n in v.notes if n in NOTES]
    if v.annual_accrual or v.annual_accrued_to_date:
        out.append(tr(ACCRUAL_NOTE).format(accrual=format_money(v.annual_accrual, c),
                                           to_date=format_money(v.annual_accrued_to_date, c)))
    return out


def slip_data(v: SlipView, shop_name: str, cur: str = "CNY",
              labels: SlipLabels | None = None, pats: dict[str, str] | None = None) -> SlipData:
    pats = pats or templates()
    return SlipData(
        shop_name=shop_name, month=month_text(v.year, v.month), person=v.staff_name,
        lines=tuple(SlipLine(kind_label(ln.kind), basis_text(ln.basis, cur, pats), ln.amount)
                    for ln in v.lines),
        total=v.total, position=v.position, department=v.department,
        days_employed=v.days_employed, days_in_month=v.days_in_month,
        score=None if v.assessment_score is None else score_text(v.assessment_score),
        notes=tuple(slip_notes(v, cur)), currency=cur,
        status="" if v.locked else tr(DRAFT), labels=labels or slip_labels())


def write_slips(views: list[SlipView], shop_name: str, cur: str, out, layout: str = "one",  # noqa: ANN001
                progress=None) -> int:  # noqa: ANN001
    labels, pats = slip_labels(), templates()
    data = [slip_data(v, shop_name, cur, labels, pats) for v in views if not v.blocked]
    from opsdesk.reports.slips import render_slips

    return render_slips(data, out, layout=layout, progress=progress,
                        title=f"{shop_name} {data[0].month if data else ''}")
