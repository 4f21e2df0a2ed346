"""Member cards to PDF: one card-sized page for one member, an A4 sheet of ten with crop marks
for a batch. Written in the background, then opened in the system's viewer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from opsdesk.domain.errors import OpsError
from opsdesk.services import member_cards
from opsdesk.ui import tasks
from opsdesk.ui.context import AppContext
from opsdesk.ui.messages import message_for
from opsdesk.ui.pdf_output import deliver, new_pdf_path


def write_cards(ctx: AppContext, ids: list[int], out: Path) -> Path:
    from opsdesk.reports.cards import CardData, CardLabels, render_member_cards

    labels = CardLabels(card=QCoreApplication.translate("MemberCards", "MEMBER CARD"), valid_until=QCoreApplication.translate("MemberCards", "Valid until {date}"))
    rows = member_cards.card_rows(ctx.db, ctx.actor, ids)
    cards = [CardData(shop_name=ctx.store.name, member_name=r.name, tier_name=r.tier_name,
                      tier_kind=r.tier_kind or "bait", card_no=r.card_no,
                      valid_until=r.valid_until, labels=labels) for r in rows]
    render_member_cards(cards, out, layout="single" if len(cards) == 1 else "a4_sheet")
    return out


def print_member_cards(parent: QWidget, ctx: AppContext, ids: list[int]) -> tasks.Job:
    out = new_pdf_path("cards")

    def failed(err: BaseException) -> None:
        if not isinstance(err, OpsError):
            raise err
        QMessageBox.warning(parent, QCoreApplication.translate("MemberCards", "Member cards"), message_for(err))

    return tasks.run_with_dialog(parent, QCoreApplication.translate("MemberCards", "Preparing member cards…"),
                                 lambda _p: write_cards(ctx, ids, out),
                                 on_done=lambda path: deliver(parent, path), on_error=failed,
                                 cancellable=False)
