"""Members: one search box (phone, last 4 digits, name, pinyin initials, card number), the list
paged from the database with filters and sorting done in SQL, and the front desk's actions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opsdesk.db.queries import member_list
from opsdesk.domain.members import Source, Stage
from opsdesk.domain.money import currency, format_money
from opsdesk.domain.phone import format_mobile
from opsdesk.domain.roles import Permission
from opsdesk.services import member_search, members, tiers
from opsdesk.services import staff as staff_service
from opsdesk.ui.context import AppContext
from opsdesk.ui.labels import SOURCES, STAGES, label
from opsdesk.ui.models.paged_table import Column, Page, PagedTableModel
from opsdesk.ui.widgets.dates import OptionalDateEdit
from opsdesk.ui.widgets.search_box import SearchBox


class MembersPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.cur = currency(ctx.store.currency)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.search = SearchBox()
        self.search.setObjectName("member_search")
        self.search.setMinimumWidth(320)
        self.search.search.connect(self._search)
        self.search.returnPressed.connect(self.open_first)
        self.register_button = QPushButton()
        self.register_button.setObjectName("register")
        self.register_button.clicked.connect(self.register)
        self.register_button.setVisible(ctx.actor.can(Permission.MEMBERS_REGISTER))
        self.import_button = QPushButton()
        self.import_button.setObjectName("import")
        self.import_button.clicked.connect(self.import_members)
        self.import_button.setVisible(ctx.actor.can(Permission.MEMBERS_REGISTER))
        self.export_button = QPushButton()
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(self.export_members)
        self.cards_button = QPushButton()
        self.cards_button.setObjectName("print_cards")
        self.cards_button.clicked.connect(self.print_cards)
        QShortcut(QKeySequence("F2"), self, activated=self.register)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.focus_search)

        self.ladder = tiers.get_ladder(ctx.db, ctx.actor)
        self.staff_names = {p.id: p.name for p in staff_service.list_staff(ctx.db, ctx.actor)}
        self.f_tier = QComboBox()
        self.f_tier.setObjectName("filter_tier")
        self.f_tier.addItem("", None)
        self.f_tier.addItem("", member_list.NO_TIER)
        for t in self.ladder.tiers:
            self.f_tier.addItem(t.name, t.id)
        self.f_stage = QComboBox()
        self.f_stage.setObjectName("filter_stage")
        self.f_stage.addItem("", None)
        for st in Stage:
            self.f_stage.addItem(label(STAGES, st), st.value)
        self.f_staff = QComboBox()
        self.f_staff.setObjectName("filter_staff")
        self.f_staff.addItem("", None)
        for sid, name in self.staff_names.items():
            self.f_staff.addItem(name, sid)
        self.f_source = QComboBox()
        self.f_source.setObjectName("filter_source")
        self.f_source.addItem("", None)
        for src in Source:
            self.f_source.addItem(label(SOURCES, src), src.value)
        self.f_dormant = OptionalDateEdit()
        self.f_dormant.setObjectName("filter_dormant")
        self.sort = QComboBox()
        self.sort.setObjectName("sort")
        for key in member_list.Sort:
            self.sort.addItem("", key.value)
        self.descending = QCheckBox()
        self.descending.setObjectName("descending")
        for w in (self.f_tier, self.f_stage, self.f_staff, self.f_source, self.sort):
            w.currentIndexChanged.connect(lambda _i: self.reload())
        self.f_dormant.dateChanged.connect(lambda _d: self.reload())
        self.descending.toggled.connect(lambda _c: self.reload())

        self.model = PagedTableModel(self._columns(), self._fetch_list, self)
        self.table = QTableView()
        self.table.setObjectName("member_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for i, width in enumerate((90, 130, 90, 100, 95, 90, 95, 95, 95, 95)):
            header.resizeSection(i, width)
        self.table.doubleClicked.connect(lambda idx: self.open_profile(self.model.row_at(idx.row()).id))
        self.table.activated.connect(lambda idx: self.open_profile(self.model.row_at(idx.row()).id))
        self.count = QLabel()
        self.count.setObjectName("count")
        self.count.setStyleSheet("color: #57606f;")

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(16)
        top.addWidget(self.search, 1)
        top.addWidget(self.register_button)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        top.addWidget(self.cards_button)
        self.filter_caps = [QLabel() for _ in range(6)]
        filters = QHBoxLayout()
        for cap, w in zip(self.filter_caps, (self.f_tier, self.f_stage, self.f_staff,
                                             self.f_source, self.f_dormant, self.sort), strict=True):
            cap.setBuddy(w)
            filters.addWidget(cap)
            filters.addWidget(w)
        filters.addWidget(self.descending)
        filters.addStretch()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 14, 18, 14)
        lay.addLayout(top)
        lay.addLayout(filters)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.count)
        self.retranslate()
        self.reload()

    # --- columns and data -----------------------------------------------------------------
    def _columns(self) -> list[Column]:
        money = lambda v: format_money(v, self.cur)  # noqa: E731
        country = self.ctx.store.country
        return [
            Column(lambda: QCoreApplication.translate("MembersPage", "Name"), lambda r: r.name),
            Column(lambda: QCoreApplication.translate("MembersPage", "Mobile"), lambda r: format_mobile(r.phone, country)),
            Column(lambda: QCoreApplication.translate("MembersPage", "Card"), lambda r: r.card_no or ""),
            Column(lambda: QCoreApplication.translate("MembersPage", "Tier"), lambda r: r.tier or ""),
            Column(lambda: QCoreApplication.translate("MembersPage", "Expires"),
                   lambda r: r.tier_expires_on.isoformat() if getattr(r, "tier_expires_on", None) else ""),
            Column(lambda: QCoreApplication.translate("MembersPage", "Stage"), lambda r: label(STAGES, r.stage)),
            Column(lambda: QCoreApplication.translate("MembersPage", "Stored value"), lambda r: money(r.balance_total), align_right=True),
            Column(lambda: QCoreApplication.translate("MembersPage", "Lifetime spend"),
                   lambda r: money(r.lifetime_spend) if hasattr(r, "lifetime_spend") else "",
                   align_right=True),
            Column(lambda: QCoreApplication.translate("MembersPage", "Last purchase"),
                   lambda r: r.last_purchase_at.date().isoformat()
                   if getattr(r, "last_purchase_at", None) else ""),
            Column(lambda: QCoreApplication.translate("MembersPage", "Assigned to"),
                   lambda r: self.staff_names.get(getattr(r, "staff_id", None), "")),
        ]

    def filters(self) -> member_list.Filters:
        return member_list.Filters(
            tier_id=self.f_tier.currentData(), stage=self.f_stage.currentData(),
            staff_id=self.f_staff.currentData(), source=self.f_source.currentData(),
            dormant_since=self.f_dormant.value_or_none())

    def _fetch_list(self, after_key, limit: int) -> Page:  # noqa: ANN001
        page = members.list_page(self.ctx.db, self.ctx.actor, self.filters(),
                                 member_list.Sort(self.sort.currentData()), after_key, limit,
                                 self.descending.isChecked())
        return Page(page.rows, page.next_key)

    def reload(self) -> None:
        if self.search.text().strip():
            self._search(self.search.text().strip())
            return
        self.model.reset(self._fetch_list)
        self._update_count()

    def _search(self, text: str) -> None:
        if not text:
            self.model.reset(self._fetch_list)
            self._update_count()
            return
        hits = member_search.search(self.ctx.db, self.ctx.actor, text, limit=50)
        self.model.reset(lambda _k, _n: Page(hits, None))
        self._update_count(searching=True)
        if hits:
            self.table.selectRow(0)

    def _update_count(self, searching: bool = False) -> None:
        n = self.model.rowCount()
        if searching:
            self.count.setText(QCoreApplication.translate("MembersPage", "%1 found").replace("%1", str(n)))
        else:
            more = "+" if self.model.canFetchMore() else ""
            self.count.setText(QCoreApplication.translate("MembersPage", "%1 shown").replace("%1", f"{n}{more}"))

    # --- actions ----------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def selected_ids(self) -> list[int]:
        return [self.model.row_at(i.row()).id for i in self.table.selectionModel().selectedRows()]

    def open_first(self) -> None:
        if self.search.text().strip() and self.model.rowCount():
            self.open_profile(self.model.row_at(0).id)

    def open_profile(self, customer_id: int) -> None:
        from opsdesk.ui.pages.members.profile import MemberProfileDialog

        MemberProfileDialog(self.ctx, customer_id, self).exec()
        self.reload()

    def register(self) -> None:
        if not self.ctx.actor.can(Permission.MEMBERS_REGISTER):
            return
        from opsdesk.ui.pages.members.register import RegisterDialog

        dlg = RegisterDialog(self.ctx, None, self)
        if dlg.exec() and dlg.result_ref is not None:
            self.search.setText(dlg.result_ref.phone)
            self._search(dlg.result_ref.phone)

    def import_members(self) -> None:
        from opsdesk.ui.pages.members.importer import ImportWizard

        if ImportWizard(self.ctx, self).exec():
            self.reload()

    def export_members(self) -> None:
        from opsdesk.ui.pages.members.exporting import export_member_list

        export_member_list(self, self.ctx, self.filters(), member_list.Sort(self.sort.currentData()),
                           self.descending.isChecked())

    def print_cards(self) -> None:
        from opsdesk.ui.pages.members.printing import print_member_cards

        ids = self.selected_ids()
        if ids:
            print_member_cards(self, self.ctx, ids)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Members"))
        self.search.setPlaceholderText(self.tr(
            "Search: mobile, last 4 digits, name, pinyin initials (zs), card number — Ctrl+F"))
        self.register_button.setText(self.tr("Register (F2)"))
        self.import_button.setText(self.tr("&Import…"))
        self.export_button.setText(self.tr("E&xport…"))
        self.cards_button.setText(self.tr("Print &cards"))
        self.f_tier.setItemText(0, self.tr("All tiers"))
        self.f_tier.setItemText(1, self.tr("No tier (leads)"))
        self.f_stage.setItemText(0, self.tr("All stages"))
        self.f_staff.setItemText(0, self.tr("Everyone's"))
        self.f_source.setItemText(0, self.tr("All sources"))
        sort_names = {member_list.Sort.NAME: self.tr("Name"),
                      member_list.Sort.CREATED: self.tr("Registered"),
                      member_list.Sort.LAST_PURCHASE: self.tr("Last purchase"),
                      member_list.Sort.BALANCE: self.tr("Stored value")}
        for i in range(self.sort.count()):
            self.sort.setItemText(i, sort_names[member_list.Sort(self.sort.itemData(i))])
        for cap, text in zip(self.filter_caps, (self.tr("Tier"), self.tr("Stage"),
                                                self.tr("Staff"), self.tr("Source"),
                                                self.tr("No purchase since"),
                                                self.tr("Sort by")), strict=True):
            cap.setText(text)
        self.descending.setText(self.tr("Descending"))
        self.f_dormant.setToolTip(self.tr("Members who bought before but not since this day"))
