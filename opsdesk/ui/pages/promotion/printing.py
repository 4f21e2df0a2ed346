"""The statements' words in the user's language (the reports layer has none of its own)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from opsdesk.reports.promotion import PondStatementLabels, PromoterStatementLabels


def promoter_labels() -> PromoterStatementLabels:
    return PromoterStatementLabels(
        title=QCoreApplication.translate("PromotionPdf", "Promoter commission statement"),
        promoter=QCoreApplication.translate("PromotionPdf", "Promoter"),
        level=QCoreApplication.translate("PromotionPdf", "Level"),
        month=QCoreApplication.translate("PromotionPdf", "Month"),
        opening=QCoreApplication.translate("PromotionPdf", "Opening balance"),
        accrued=QCoreApplication.translate("PromotionPdf", "Commission accrued"),
        clawed_back=QCoreApplication.translate("PromotionPdf", "Clawed back (refunds)"),
        paid=QCoreApplication.translate("PromotionPdf", "Paid out"),
        closing=QCoreApplication.translate("PromotionPdf", "Closing balance"),
        frozen=QCoreApplication.translate("PromotionPdf", "of which frozen (refund window)"),
        available=QCoreApplication.translate("PromotionPdf", "of which available"),
        referred_revenue=QCoreApplication.translate("PromotionPdf", "Referred customers' spend"),
        new_members=QCoreApplication.translate("PromotionPdf", "New customers brought"),
        date=QCoreApplication.translate("PromotionPdf", "Date"),
        kind=QCoreApplication.translate("PromotionPdf", "Entry"),
        customer=QCoreApplication.translate("PromotionPdf", "Customer"),
        available_on=QCoreApplication.translate("PromotionPdf", "Available from"),
        amount=QCoreApplication.translate("PromotionPdf", "Amount"),
        no_entries=QCoreApplication.translate("PromotionPdf", "No entries this month."),
        printed=QCoreApplication.translate("PromotionPdf", "Printed"),
        kinds=(("accrual", QCoreApplication.translate("PromotionPdf", "Commission")),
               ("clawback", QCoreApplication.translate("PromotionPdf", "Clawback")),
               ("payout", QCoreApplication.translate("PromotionPdf", "Payout"))),
        methods=(("cash", QCoreApplication.translate("PromotionPdf", "cash")),
                 ("stored_value", QCoreApplication.translate("PromotionPdf", "stored value"))),
    )


def pond_labels() -> PondStatementLabels:
    return PondStatementLabels(
        title=QCoreApplication.translate("PromotionPdf", "Partner pond settlement"),
        pond=QCoreApplication.translate("PromotionPdf", "Pond"),
        owner=QCoreApplication.translate("PromotionPdf", "Owner"),
        month=QCoreApplication.translate("PromotionPdf", "Month"),
        status_locked=QCoreApplication.translate("PromotionPdf", "Locked"),
        status_preview=QCoreApplication.translate("PromotionPdf", "Preview (not locked)"),
        covered_days=QCoreApplication.translate("PromotionPdf", "Days under contract"),
        new_customers=QCoreApplication.translate("PromotionPdf", "New customers"),
        fee_total=QCoreApplication.translate("PromotionPdf", "Fee for new customers"),
        share_base=QCoreApplication.translate("PromotionPdf", "Their spend in the share window"),
        share=QCoreApplication.translate("PromotionPdf", "Revenue share"),
        minimum=QCoreApplication.translate("PromotionPdf", "Monthly minimum"),
        minimum_topup=QCoreApplication.translate("PromotionPdf", "Top-up to the minimum"),
        owed=QCoreApplication.translate("PromotionPdf", "Owed to the pond"),
        customer=QCoreApplication.translate("PromotionPdf", "Customer"),
        phone=QCoreApplication.translate("PromotionPdf", "Phone"),
        registered=QCoreApplication.translate("PromotionPdf", "Registered"),
        new=QCoreApplication.translate("PromotionPdf", "New"),
        fee=QCoreApplication.translate("PromotionPdf", "Fee"),
        yes=QCoreApplication.translate("PromotionPdf", "yes"),
        no_lines=QCoreApplication.translate("PromotionPdf", "No customer of the pond is due anything this month."),
        printed=QCoreApplication.translate("PromotionPdf", "Printed"),
        signature_shop=QCoreApplication.translate("PromotionPdf", "For the shop"),
        signature_pond=QCoreApplication.translate("PromotionPdf", "For the pond"),
    )
