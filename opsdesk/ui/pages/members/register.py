"""Register a member (or a lead) in seconds, by keyboard: phone first, with a live warning when
the number is already registered. Enter saves, Esc cancels; errors appear beside their field and
nothing typed is lost when the save is refused."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from opsdesk.domain.errors import OpsError
from opsdesk.domain.members import Gender, Source
from opsdesk.services import members, tiers
from opsdesk.services import staff as staff_service
from opsdesk.ui.context import AppContext
from opsdesk.ui.labels import GENDERS, SOURCES, label
from opsdesk.ui.pages.members.referrer import MemberPicker
from opsdesk.ui.widgets.dates import OptionalDateEdit
from opsdesk.ui.widgets.form import ErrorForm

WARN_STYLE = "color: #b9770e;"


class RegisterDialog(QDialog):
    registered = Signal(object)  # MemberRef

    def __init__(self, ctx: AppContext, current: members.MemberProfile | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("register_dialog")
        self.ctx, self.current = ctx, current
        self.result_ref: members.MemberRef | None = None
        self.form = ErrorForm()
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.phone.setMaxLength(24)
        self.duplicate = QLabel()
        self.duplicate.setObjectName("duplicate_warning")
        self.duplicate.setStyleSheet(WARN_STYLE)
        self.duplicate.setWordWrap(True)
        self.duplicate.hide()
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setMaxLength(60)
        self.gender = QComboBox()
        self.gender.setObjectName("gender")
        for g in (Gender.FEMALE, Gender.MALE, Gender.UNKNOWN):
            self.gender.addItem(label(GENDERS, g), g.value)
        self.birthday = OptionalDateEdit()
        self.birthday.setObjectName("birthday")
        self.tier = QComboBox()
        self.tier.setObjectName("tier")
        self.tier.addItem("", None)  # no tier: a lead
        for t in tiers.get_ladder(ctx.db, ctx.actor).tiers:
            self.tier.addItem(t.name, t.id)
        self.source = QComboBox()
        self.source.setObjectName("source")
        for src in Source:
            self.source.addItem(label(SOURCES, src), src.value)
        self.referrer = MemberPicker(ctx)
        self.referrer.setObjectName("referrer")
        self.staff = QComboBox()
        self.staff.setObjectName("staff")
        self.staff.addItem("", None)
        for p in staff_service.list_staff(ctx.db, ctx.actor, include_inactive=False):
            self.staff.addItem(p.name, p.id)
        if ctx.actor.staff_id is not None:
            self.staff.setCurrentIndex(max(0, self.staff.findData(ctx.actor.staff_id)))
        self.notes = QLineEdit()
        self.notes.setObjectName("notes")
        self.notes.setMaxLength(500)
        phone_box = QWidget()
        pl = QVBoxLayout(phone_box)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.setSpacing(2)
        pl.addWidget(self.phone)
        pl.addWidget(self.duplicate)
        # The form focuses the row's widget on an error: that must be the phone field itself.
        phone_box.setFocusProxy(self.phone)
        self.caps = {key: self.form.add_row(key, w) for key, w in (
            ("phone", phone_box), ("name", self.name), ("gender", self.gender),
            ("birthday", self.birthday), ("tier_id", self.tier), ("source", self.source),
            ("referrer_id", self.referrer), ("staff_id", self.staff), ("notes", self.notes))}
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.form)
        lay.addWidget(self.buttons)
        self._dup_timer = QTimer(self)
        self._dup_timer.setSingleShot(True)
        self._dup_timer.setInterval(200)
        self._dup_timer.timeout.connect(self.check_duplicates)
        self.phone.textEdited.connect(lambda _t: self._dup_timer.start())
        self.source.currentIndexChanged.connect(self._source_changed)
        if current is not None:
            self._load(current)
        self._source_changed()
        self.setMinimumWidth(480)
        self.retranslate()
        self.phone.setFocus()

    def _load(self, p: members.MemberProfile) -> None:
        self.phone.setText(p.phone)
        self.name.setText(p.name)
        self.gender.setCurrentIndex(max(0, self.gender.findData(str(p.gender))))
        self.birthday.set_value(p.birthday)
        self.tier.setCurrentIndex(max(0, self.tier.findData(p.tier_id)))
        self.tier.setEnabled(False)  # tiers move by sales, upgrades and lapses, not by editing
        self.source.setCurrentIndex(max(0, self.source.findData(str(p.source))))
        self.staff.setCurrentIndex(max(0, self.staff.findData(p.staff_id)))
        self.notes.setText(p.notes)
        if p.referrer_id:
            self.referrer.setText(p.referrer_name or "")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit member") if self.current else self.tr("Register member"))
        texts = {"phone": self.tr("&Mobile"), "name": self.tr("&Name"),
                 "gender": self.tr("&Gender"), "birthday": self.tr("&Birthday"),
                 "tier_id": self.tr("&Tier"), "source": self.tr("&Came through"),
                 "referrer_id": self.tr("&Referred by"), "staff_id": self.tr("&Assigned to"),
                 "notes": self.tr("N&otes")}
        for key, text in texts.items():
            self.caps[key].setText(text)
        self.tier.setItemText(0, self.tr("None yet (a lead)"))
        self.staff.setItemText(0, self.tr("Nobody"))
        self.phone.setPlaceholderText(self.tr("mobile number, e.g. 138 1234 5678"))
        self.referrer.setPlaceholderText(self.tr("type a name, phone or its last 4 digits"))

    def _source_changed(self) -> None:
        referral = self.source.currentData() == Source.MEMBER_REFERRAL.value
        self.referrer.setEnabled(referral)
        if not referral and self.current is None:
            self.referrer.choose(None)

    def check_duplicates(self) -> None:
        self._dup_timer.stop()
        found = members.find_duplicates(self.ctx.db, self.ctx.actor, self.phone.text())
        found = [m for m in found if self.current is None or m.id != self.current.id]
        if found:
            self.duplicate.setText(self.tr("Already registered: %1").replace(
                "%1", ", ".join(f"{m.name} ({m.card_no or m.id})" for m in found)))
            self.duplicate.show()
        else:
            self.duplicate.hide()

    def values(self) -> members.MemberInput:
        referrer = self.referrer.hit.id if self.referrer.hit and self.referrer.isEnabled() else (
            self.current.referrer_id if self.current else None)
        return members.MemberInput(
            phone=self.phone.text(), name=self.name.text(), gender=self.gender.currentData(),
            birthday=self.birthday.value(), tier_id=self.tier.currentData(),
            source=self.source.currentData(), referrer_id=referrer,
            staff_id=self.staff.currentData(), notes=self.notes.text())

    def save(self) -> None:
        self.form.clear_errors()
        if (self.source.currentData() == Source.MEMBER_REFERRAL.value and self.current is None
                and self.referrer.hit is None and self.referrer.text().strip()):
            self.form.set_field_error("referrer_id", self.tr(
                "Pick the member from the list that appears as you type."))
            self.referrer.setFocus()
            return
        try:
            if self.current is None:
                ref = members.register(self.ctx.db, self.ctx.actor, self.values())
            else:
                ref = members.update(self.ctx.db, self.ctx.actor, self.current.id, self.values())
        except OpsError as e:
            self.form.show_error(e)
            return
        self.result_ref = ref
        self.registered.emit(ref)
        self.accept()
