"""The product matrix (产品矩阵, seed 003): every item the shop sells, by its role in the funnel
(traffic draws people in, the hit converts them, profit earns, brand sets the image), with price,
cost and margin. Owner and manager add and edit (``products.manage``); nothing is deleted, an item
is stopped instead."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opsdesk.domain.errors import OpsError
from opsdesk.domain.members import ProductRole
from opsdesk.domain.money import currency
from opsdesk.domain.roles import Permission
from opsdesk.domain.tiers import Tier
from opsdesk.services import products as products_service
from opsdesk.services import tiers as tiers_service
from opsdesk.services.products import ProductRow
from opsdesk.ui.context import AppContext
from opsdesk.ui.labels import PRODUCT_ROLES, label
from opsdesk.ui.messages import message_for
from opsdesk.ui.models.product_table import ProductTableModel
from opsdesk.ui.pages.products.dialog import ProductDialog

ALL = ""


class ProductsPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.cur = currency(ctx.store.currency)
        self.can_edit = ctx.actor.can(Permission.PRODUCTS_MANAGE)
        self._all: list[ProductRow] = []
        self._tiers: list[Tier] = []
        self._tier_names: dict[int, str] = {}
        self.title = QLabel()
        self.title.setObjectName("page_title")
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #57606f;")
        self.role_group = QButtonGroup(self)
        self.role_group.setExclusive(True)
        self.role_buttons: dict[str, QPushButton] = {}
        roles = QHBoxLayout()
        roles.setSpacing(4)
        for i, key in enumerate([ALL, *[r.value for r in ProductRole]]):
            b = QPushButton()
            b.setObjectName(f"role_{key or 'all'}")
            b.setCheckable(True)
            b.setShortcut(QKeySequence(f"Alt+{i + 1}"))
            self.role_group.addButton(b)
            self.role_buttons[key] = b
            roles.addWidget(b)
        self.role_buttons[ALL].setChecked(True)
        roles.addStretch()
        self.search = QLineEdit()
        self.search.setObjectName("product_search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.apply_filter())
        self.show_stopped = QCheckBox()
        self.show_stopped.setObjectName("show_stopped")
        self.show_stopped.toggled.connect(lambda _on: self.refresh())
        roles.addWidget(self.search)
        roles.addWidget(self.show_stopped)
        self.model = ProductTableModel(self.cur, self)
        self.table = QTableView()
        self.table.setObjectName("product_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(80)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.add_button = QPushButton()
        self.add_button.setObjectName("add_product")
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("edit_product")
        self.edit_button.clicked.connect(self.edit_selected)
        self.add_button.setVisible(self.can_edit)
        self.edit_button.setVisible(self.can_edit)
        if self.can_edit:
            QShortcut(QKeySequence("Ctrl+N"), self, activated=self.add)
            QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, activated=self.edit_selected)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.search.setFocus)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setStyleSheet("color: #57606f;")
        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addStretch()
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 14, 18, 14)
        lay.addLayout(bar)
        lay.addWidget(self.note)
        lay.addLayout(roles)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.summary)
        self.role_group.buttonToggled.connect(lambda _b, on: on and self.apply_filter())
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Product matrix"))
        self.note.setText(self.tr(
            "Every layer of the funnel needs an item to convert with: traffic items draw people "
            "in, hit items turn them into customers, profit items earn the margin, brand items "
            "set the shop's image. Memberships are sold here too and give their tier."))
        self.add_button.setText(self.tr("&Add item…"))
        self.add_button.setToolTip(self.tr("Ctrl+N"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.search.setPlaceholderText(self.tr("Find by name (Ctrl+F)"))
        self.show_stopped.setText(self.tr("Show &stopped items"))
        self._label_buttons()

    def _label_buttons(self) -> None:
        counts: dict[str, int] = {}
        for r in self._all:
            counts[r.role.value] = counts.get(r.role.value, 0) + 1
        for i, (key, b) in enumerate(self.role_buttons.items()):
            name = self.tr("All") if key == ALL else label(PRODUCT_ROLES, ProductRole(key))
            n = len(self._all) if key == ALL else counts.get(key, 0)
            b.setText(self.tr("%1 (%2)").replace("%1", name).replace("%2", str(n)))
            b.setToolTip(self.tr("Alt+%1").replace("%1", str(i + 1)))

    def refresh(self) -> None:
        try:
            self._all = products_service.list_products(
                self.ctx.db, self.ctx.actor, include_inactive=self.show_stopped.isChecked())
            ladder = tiers_service.get_ladder(self.ctx.db, self.ctx.actor)
        except OpsError as e:
            QMessageBox.warning(self, self.tr("Product matrix"), message_for(e))
            return
        self._tiers = list(ladder.tiers)
        self._tier_names = {t.id: t.name for t in ladder.tiers}
        self._label_buttons()
        self.apply_filter()

    def role_filter(self) -> str:
        return next((k for k, b in self.role_buttons.items() if b.isChecked()), ALL)

    def set_role_filter(self, role: ProductRole | None) -> None:
        self.role_buttons[role.value if role else ALL].setChecked(True)

    def apply_filter(self) -> None:
        role = self.role_filter()
        text = self.search.text().strip().casefold()
        rows = [r for r in self._all
                if (role == ALL or r.role.value == role) and (not text or text in r.name.casefold())]
        self.model.set_rows(rows, self._tier_names)
        self.summary.setText(self.tr("%1 items shown").replace("%1", str(len(rows))))

    def select_product(self, product_id: int) -> None:
        for i in range(self.model.rowCount()):
            if self.model.row_at(i).id == product_id:
                self.table.selectRow(i)
                return

    def add(self) -> None:
        if not self.can_edit:
            return
        dlg = ProductDialog(self.ctx, self._tiers, None, self)
        if dlg.exec() and dlg.saved is not None:
            self.refresh()
            self.select_product(dlg.saved.id)

    def edit_selected(self) -> None:
        if not self.can_edit:
            return
        sel = self.table.selectionModel().selectedRows()
        if not sel:
            QMessageBox.information(self, self.tr("Product matrix"), self.tr("Select an item first."))
            return
        dlg = ProductDialog(self.ctx, self._tiers, self.model.row_at(sel[0].row()), self)
        if dlg.exec() and dlg.saved is not None:
            self.refresh()
            self.select_product(dlg.saved.id)
