"""A member's profile: tier and expiry, stored value (principal and bonus apart), lifetime spend,
referrals, and one timeline of purchases, top-ups, refunds and tier changes; with the front
desk's actions at hand."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opsdesk.domain.errors import OpsError
from opsdesk.domain.money import currency, format_money
from opsdesk.domain.phone import format_mobile
from opsdesk.domain.roles import Permission
from opsdesk.services import members, tiers
from opsdesk.ui.context import AppContext
from opsdesk.ui.labels import SOURCES, STAGES, TIMELINE_KINDS, label
from opsdesk.ui.messages import message_for
from opsdesk.ui.pages.members.ledger_dialogs import LedgerDialog, Mode

Index = QModelIndex | QPersistentModelIndex


class TimelineModel(QAbstractTableModel):
    def __init__(self, cur, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.cur = cur
        self._items: list[members.TimelineItem] = []

    def set_items(self, items) -> None:  # noqa: ANN001
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201, N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            names = (self.tr("When"), self.tr("What"), self.tr("Amount"), self.tr("Details"))
            return names[section] if 0 <= section < 4 else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        it = self._items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return it.at.strftime("%Y-%m-%d %H:%M")
            if col == 1:
                return label(TIMELINE_KINDS, it.kind)
            if col == 2:
                return format_money(it.amount, self.cur) if it.kind not in ("tier", "visit") else ""
            if it.kind == "tier":
                return f"{tier_reason(it.reason)}: {it.text}"
            if it.kind == "visit":
                from opsdesk.ui.pages.sales_process.texts import VISIT_TYPES, name

                return f"{name(VISIT_TYPES, it.reason)}: {it.text}" if it.text else name(
                    VISIT_TYPES, it.reason)
            return it.text
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _figure(caption: str, object_name: str) -> tuple[QFrame, QLabel, QLabel]:
    box = QFrame()
    box.setFrameShape(QFrame.Shape.StyledPanel)
    box.setStyleSheet("QFrame { background: #f7f8fa; border-radius: 6px; }")
    cap = QLabel(caption)
    cap.setStyleSheet("color: #57606f;")
    val = QLabel()
    val.setObjectName(object_name)
    f = QFont(val.font())
    f.setPointSizeF(f.pointSizeF() * 1.35)
    f.setBold(True)
    val.setFont(f)
    sub = QVBoxLayout(box)
    sub.addWidget(cap)
    sub.addWidget(val)
    return box, cap, val


class MemberProfileDialog(QDialog):
    def __init__(self, ctx: AppContext, customer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("member_profile")
        self.ctx, self.customer_id = ctx, customer_id
        self.cur = currency(ctx.store.currency)
        self.profile: members.MemberProfile | None = None
        self.name = QLabel()
        self.name.setObjectName("member_name")
        f = QFont(self.name.font())
        f.setPointSizeF(f.pointSizeF() * 1.7)
        f.setBold(True)
        self.name.setFont(f)
        self.tier_badge = QLabel()
        self.tier_badge.setObjectName("tier_badge")
        self.details = QLabel()
        self.details.setObjectName("details")
        self.details.setWordWrap(True)
        self.details.setStyleSheet("color: #57606f;")
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #eafaf1; color: #1e8449; padding: 6px;"
                                  " border-radius: 4px;")
        self.notice.hide()
        b1, self.cap_balance, self.balance = _figure("", "balance")
        b2, self.cap_split, self.split = _figure("", "balance_split")
        b3, self.cap_spend, self.spend = _figure("", "lifetime_spend")
        b4, self.cap_refs, self.referrals = _figure("", "referrals")
        figures = QGridLayout()
        for i, b in enumerate((b1, b2, b3, b4)):
            figures.addWidget(b, 0, i)
        self.timeline = TimelineModel(self.cur, self)
        self.table = QTableView()
        self.table.setObjectName("timeline")
        self.table.setModel(self.timeline)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        a = ctx.actor
        for key, allowed in (
                ("sell", a.can(Permission.SALES_SELL)),
                ("top_up", a.can(Permission.STORED_VALUE_TOPUP)),
                ("spend", a.can(Permission.STORED_VALUE_SPEND)),
                ("refund", a.can(Permission.STORED_VALUE_REFUND)),
                ("adjust", a.can(Permission.STORED_VALUE_ADJUST)),
                ("card", True),
                ("visit", a.can(Permission.VISITS_LOG)),
                ("edit", a.can(Permission.MEMBERS_EDIT))):
            if not allowed:
                continue
            btn = QPushButton()
            btn.setObjectName(f"action_{key}")
            btn.clicked.connect(lambda _c=False, k=key: self.act(k))
            self.buttons[key] = btn
            bar.addWidget(btn)
        bar.addStretch()
        head = QHBoxLayout()
        head.addWidget(self.name)
        head.addWidget(self.tier_badge)
        head.addStretch()
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(self.details)
        lay.addWidget(self.notice)
        lay.addLayout(figures)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)
        from opsdesk.ui.pages.sales_process.history import StageHistoryModel

        self.history_caption = QLabel()
        self.history_caption.setStyleSheet("font-weight: 600;")
        self.history = StageHistoryModel(self)
        self.history_table = QTableView()
        self.history_table.setObjectName("stage_history")
        self.history_table.setModel(self.history)
        self.history_table.verticalHeader().hide()
        self.history_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.history_table.horizontalHeader().setStretchLastSection(True)
        self.history_table.setMaximumHeight(130)
        lay.addWidget(self.history_caption)
        lay.addWidget(self.history_table)
        self.resize(860, 620)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.cap_balance.setText(self.tr("Stored value"))
        self.cap_split.setText(self.tr("Principal / bonus"))
        self.cap_spend.setText(self.tr("Lifetime spend"))
        self.cap_refs.setText(self.tr("Referrals"))
        # The function-key actions carry no '&': a mnemonic would replace their F-key shortcut.
        texts = {"sell": self.tr("Sell… (F3)"), "top_up": self.tr("Top up… (F4)"),
                 "spend": self.tr("Spend… (F6)"), "refund": self.tr("&Refund…"),
                 "adjust": self.tr("A&djust…"), "card": self.tr("Print &card"),
                 "edit": self.tr("&Edit…"), "visit": self.tr("Log visit… (F7)")}
        for key, btn in self.buttons.items():
            btn.setText(texts[key])
        self.history_caption.setText(self.tr("Stage history"))
        for key, shortcut in (("sell", "F3"), ("top_up", "F4"), ("spend", "F6"), ("visit", "F7")):
            if key in self.buttons:
                self.buttons[key].setShortcut(QKeySequence(shortcut))

    def refresh(self) -> None:
        try:
            p = members.get_profile(self.ctx.db, self.ctx.actor, self.customer_id)
        except OpsError as e:
            QMessageBox.warning(self, self.tr("Member"), message_for(e))
            return
        self.profile = p
        self.setWindowTitle(self.tr("Member — %1").replace("%1", p.name))
        self.name.setText(p.name)
        if p.tier:
            expiry = (self.tr("until %1").replace("%1", p.tier_expires_on.isoformat())
                      if p.tier_expires_on else self.tr("no expiry"))
            self.tier_badge.setText(f"{p.tier} · {expiry}")
            self.tier_badge.setStyleSheet("background: #ff6b81; color: white; padding: 3px 8px;"
                                          " border-radius: 9px; font-weight: 600;")
        else:
            self.tier_badge.setText(self.tr("No tier (lead)"))
            self.tier_badge.setStyleSheet("background: #dfe4ea; color: #2f3542; padding: 3px 8px;"
                                          " border-radius: 9px;")
        parts = [format_mobile(p.phone, self.ctx.store.country), p.card_no or "",
                 label(STAGES, p.stage), label(SOURCES, p.source)]
        if p.referrer_name:
            parts.append(self.tr("referred by %1").replace("%1", p.referrer_name))
        if p.staff_name:
            parts.append(self.tr("looked after by %1").replace("%1", p.staff_name))
        parts.append(self.tr("registered %1").replace("%1", p.created_at.date().isoformat()))
        self.details.setText("  ·  ".join(x for x in parts if x))
        self.balance.setText(format_money(p.balance.total, self.cur))
        self.split.setText(f"{format_money(p.balance.principal, self.cur)} / "
                           f"{format_money(p.balance.bonus, self.cur)}")
        self.spend.setText(format_money(p.lifetime_spend, self.cur))
        self.referrals.setText(str(p.referrals))
        self.timeline.set_items(p.timeline)
        from opsdesk.services import pipeline

        try:
            self.history.set_rows(pipeline.stage_history(self.ctx.db, self.ctx.actor, p.id))
        except OpsError:
            self.history.set_rows([])

    def _tier_object(self):  # noqa: ANN202
        if self.profile is None or self.profile.tier_id is None:
            return None
        ladder = tiers.get_ladder(self.ctx.db, self.ctx.actor)
        return next((t for t in ladder.tiers if t.id == self.profile.tier_id), None)

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def act(self, key: str) -> None:
        if self.profile is None:
            return
        if key in ("top_up", "spend", "refund", "adjust"):
            dlg = LedgerDialog(self.ctx, self.profile, Mode(key), self._tier_object(), self)
            if dlg.exec() and dlg.result is not None:
                self.refresh()
                self.show_notice(self._ledger_notice(dlg.result))
        elif key == "edit":
            from opsdesk.ui.pages.members.register import RegisterDialog

            if RegisterDialog(self.ctx, self.profile, self).exec():
                self.refresh()
        elif key == "sell":
            self._sell()
        elif key == "visit":
            self._log_visit()
        elif key == "card":
            from opsdesk.ui.pages.members.printing import print_member_cards

            print_member_cards(self, self.ctx, [self.profile.id])

    def _log_visit(self) -> None:
        from opsdesk.ui.pages.sales_process.visit_form import Customer, VisitDialog

        p = self.profile
        dlg = VisitDialog(self.ctx, Customer(p.id, p.name, p.phone, p.card_no, p.stage), None, self)
        if dlg.exec():
            self.refresh()
            self.show_notice(self.tr("Visit logged."))

    def _ledger_notice(self, r) -> str:  # noqa: ANN001
        text = self.tr("Done. Balance now %1.").replace("%1", format_money(r.balance.total, self.cur))
        if r.upgrade is not None:
            text += " " + tier_change_text(self, r.upgrade)
        return text

    def _sell(self) -> None:
        try:
            from opsdesk.ui.pages.sales.checkout import CheckoutDialog
        except ImportError:
            return
        dlg = CheckoutDialog(self.ctx, self.customer_id, self)
        if dlg.exec():
            self.refresh()
            result = getattr(dlg, "result", None)
            notes = [tier_change_text(self, n) for n in getattr(result, "tier_changes", ())]
            self.show_notice(" ".join(notes))


def tier_reason(code: str) -> str:
    reasons = {
        "membership": QT_TRANSLATE_NOOP("TierNotice", "Membership bought"),
        "upgrade_spend": QT_TRANSLATE_NOOP("TierNotice", "Upgraded by cumulative spend"),
        "upgrade_topup": QT_TRANSLATE_NOOP("TierNotice", "Upgraded by this top-up"),
        "lapse": QT_TRANSLATE_NOOP("TierNotice", "Tier lapsed"),
        "refund": QT_TRANSLATE_NOOP("TierNotice", "Tier taken back by a refund"),
        "registration": QT_TRANSLATE_NOOP("TierNotice", "Tier given at registration"),
    }
    return QCoreApplication.translate("TierNotice", reasons[code]) if code in reasons else code


def tier_change_text(_w: QWidget, n) -> str:  # noqa: ANN001
    """'Upgraded by cumulative spend: Silver → Gold' etc. for a TierNotice."""
    none = QCoreApplication.translate("TierNotice", "no tier")
    return f"{tier_reason(n.reason)}: {n.from_tier or none} → {n.to_tier or none}"
