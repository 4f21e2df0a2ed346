"""The promotion page (推广系统): member referrals, promoters, partner ponds and channel
economics, one tab each. A tab loads its data the first time it is shown."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from opsdesk.domain.roles import Permission
from opsdesk.ui.context import AppContext
from opsdesk.ui.pages.promotion.channels_tab import ChannelsTab
from opsdesk.ui.pages.promotion.ponds_tab import PondsTab
from opsdesk.ui.pages.promotion.promoters_tab import PromotersTab
from opsdesk.ui.pages.promotion.referrals_tab import ReferralsTab


class PromotionPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setObjectName("promotion_page")
        self.ctx = ctx
        self.tabs = QTabWidget()
        self.tabs.setObjectName("promotion_tabs")
        self.referrals = ReferralsTab(ctx)
        self.promoters = PromotersTab(ctx)
        self.tabs.addTab(self.referrals, self.tr("Referrals"))
        self.tabs.addTab(self.promoters, self.tr("Promoters"))
        self.ponds = PondsTab(ctx) if ctx.actor.can(Permission.PONDS_MANAGE) else None
        self.channels = ChannelsTab(ctx) if ctx.actor.can(Permission.CHANNELS_MANAGE) else None
        if self.ponds is not None:
            self.tabs.addTab(self.ponds, self.tr("Partner ponds"))
        if self.channels is not None:
            self.tabs.addTab(self.channels, self.tr("Channels"))
        self._loaded: set[int] = set()
        self.tabs.currentChanged.connect(self._load)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)
        self._load(0)

    def _load(self, index: int) -> None:
        if index in self._loaded or index < 0:
            return
        self._loaded.add(index)
        self.tabs.widget(index).refresh()  # type: ignore[attr-defined]

    def refresh(self) -> None:
        self._loaded.clear()
        self._load(self.tabs.currentIndex())
