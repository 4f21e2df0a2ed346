"""First run: the owner creates the store and their own account, in their language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from opsdesk.domain.errors import OpsError, ValidationError
from opsdesk.domain.store import COUNTRIES
from opsdesk.ui.i18n import LANGUAGES
from opsdesk.ui.widgets.form import ErrorForm

COUNTRY_NAMES = {
    "CN": QT_TRANSLATE_NOOP("Countries", "China (mainland)"),
    "HK": QT_TRANSLATE_NOOP("Countries", "Hong Kong"),
    "MO": QT_TRANSLATE_NOOP("Countries", "Macao"),
    "TW": QT_TRANSLATE_NOOP("Countries", "Taiwan"),
    "SG": QT_TRANSLATE_NOOP("Countries", "Singapore"),
    "MY": QT_TRANSLATE_NOOP("Countries", "Malaysia"),
    "US": QT_TRANSLATE_NOOP("Countries", "United States"),
    "GB": QT_TRANSLATE_NOOP("Countries", "United Kingdom"),
    "DE": QT_TRANSLATE_NOOP("Countries", "Germany"),
    "FR": QT_TRANSLATE_NOOP("Countries", "France"),
    "JP": QT_TRANSLATE_NOOP("Countries", "Japan"),
    "KR": QT_TRANSLATE_NOOP("Countries", "South Korea"),
    "IR": QT_TRANSLATE_NOOP("Countries", "Iran"),
}


# QWizard picks its button texts once and does not redo them on a language change; these are its
# own defaults (ModernStyle), translated from Qt's catalogue (context "QWizard", qtbase_*.qm).
_WIZARD_BUTTONS = (
    (QWizard.WizardButton.BackButton, "< &Back"),
    (QWizard.WizardButton.NextButton, "&Next >"),
    (QWizard.WizardButton.CommitButton, "Commit"),
    (QWizard.WizardButton.FinishButton, "&Finish"),
    (QWizard.WizardButton.CancelButton, "Cancel"),
    (QWizard.WizardButton.HelpButton, "&Help"),
)


def country_name(code: str) -> str:
    return QCoreApplication.translate("Countries", COUNTRY_NAMES.get(code, code))


class WelcomePage(QWizardPage):
    def __init__(self, on_language: Callable[[str], None]) -> None:
        super().__init__()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.lang_label = QLabel()
        self.lang_label.setBuddy(self.language)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addSpacing(12)
        lay.addWidget(self.lang_label)
        lay.addWidget(self.language)
        lay.addStretch()
        self.language.currentIndexChanged.connect(
            lambda _i: on_language(self.language.currentData()))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to OpsDesk"))
        self.intro.setText(self.tr(
            "OpsDesk runs your shop's member ladder, promotion, sales process, targets, "
            "incentives and launches on this computer, without internet.\n\n"
            "First create your store and your own owner account. It takes a minute."))
        self.lang_label.setText(self.tr("&Language"))


class StorePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.form = ErrorForm()
        self.store_name = QLineEdit()
        self.store_name.setObjectName("store_name")
        self.store_name.setMaxLength(100)
        self.country = QComboBox()
        self.country.setObjectName("country")
        self.currency = QComboBox()
        self.currency.setObjectName("currency")
        self.cap_name = self.form.add_row("store_name", self.store_name)
        self.cap_country = self.form.add_row("country", self.country)
        self.cap_currency = self.form.add_row("currency", self.currency)
        lay = QVBoxLayout(self)
        lay.addWidget(self.form)
        for code in COUNTRIES:
            self.country.addItem(code, code)
        for code in dict.fromkeys(COUNTRIES.values()):
            self.currency.addItem(code, code)
        self.country.currentIndexChanged.connect(self._country_changed)
        self._country_changed()

    def _country_changed(self) -> None:
        cur = COUNTRIES.get(self.country.currentData(), "CNY")
        self.currency.setCurrentIndex(max(0, self.currency.findData(cur)))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your store"))
        self.setSubTitle(self.tr("The name appears on receipts, member cards and slips. The "
                                 "country sets the phone number rules."))
        self.cap_name.setText(self.tr("Store &name"))
        self.cap_country.setText(self.tr("&Country"))
        self.cap_currency.setText(self.tr("C&urrency"))
        self.store_name.setPlaceholderText(self.tr("e.g. Yuerong Beauty Studio"))
        for i in range(self.country.count()):
            self.country.setItemText(i, country_name(self.country.itemData(i)))


class OwnerPage(QWizardPage):
    def __init__(self, submit: Callable[[], bool]) -> None:
        super().__init__()
        self._submit = submit
        self.form = ErrorForm()
        self.owner_name = QLineEdit()
        self.owner_name.setObjectName("owner_name")
        self.owner_login = QLineEdit()
        self.owner_login.setObjectName("owner_login")
        self.owner_secret = QLineEdit()
        self.owner_secret.setObjectName("owner_secret")
        self.owner_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.cap_name = self.form.add_row("owner_name", self.owner_name)
        self.cap_login = self.form.add_row("owner_login", self.owner_login)
        self.cap_secret = self.form.add_row("owner_secret", self.owner_secret)
        self.cap_repeat = self.form.add_row("repeat", self.repeat)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.form)
        lay.addWidget(self.hint)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Owner account"))
        self.setSubTitle(self.tr("You will log in with this account. You can add your staff "
                                 "afterwards under Staff & Roles."))
        self.cap_name.setText(self.tr("Your &name"))
        self.cap_login.setText(self.tr("&User name"))
        self.cap_secret.setText(self.tr("&PIN or password"))
        self.cap_repeat.setText(self.tr("&Repeat it"))
        self.hint.setText(self.tr("A PIN has 4 to 12 digits; a password at least 8 characters. "
                                  "Five wrong attempts lock the account for a minute."))

    def validatePage(self) -> bool:  # noqa: N802 (Qt API)
        return self._submit()


class FirstRunWizard(QWizard):
    """``create(values) -> None`` stores everything or raises OpsError; nothing typed is lost."""

    def __init__(self, create: Callable[[dict[str, str]], None],
                 set_language: Callable[[str], None], language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_run")
        self._create = create
        self._set_language = set_language
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.welcome = WelcomePage(self._language_chosen)
        self.store = StorePage()
        self.owner = OwnerPage(self._submit)
        for page in (self.welcome, self.store, self.owner):
            self.addPage(page)
        self.welcome.language.setCurrentIndex(max(0, self.welcome.language.findData(language)))
        self.resize(640, 480)
        self.retranslate()

    def _language_chosen(self, code: str) -> None:
        self._set_language(code)  # installs translators; a LanguageChange event follows

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up OpsDesk"))
        for which, text in _WIZARD_BUTTONS:
            self.setButtonText(which, QCoreApplication.translate("QWizard", text))
        for page in (self.welcome, self.store, self.owner):
            page.retranslate()

    def values(self) -> dict[str, str]:
        return {
            "store_name": self.store.store_name.text(),
            "country": self.store.country.currentData(),
            "currency": self.store.currency.currentData(),
            "owner_name": self.owner.owner_name.text(),
            "owner_login": self.owner.owner_login.text(),
            "owner_secret": self.owner.owner_secret.text(),
            "language": self.welcome.language.currentData(),
        }

    def _submit(self) -> bool:
        self.store.form.clear_errors()
        self.owner.form.clear_errors()
        v = self.values()
        if v["owner_secret"] != self.owner.repeat.text():
            self.owner.form.set_field_error("repeat", self.tr("The two entries differ."))
            self.owner.repeat.setFocus()
            return False
        try:
            self._create(v)
        except OpsError as e:
            errors = getattr(e, "errors", {e.field or "": e})
            store_keys = {"store_name", "country", "currency"}
            owner_errors = {k: x for k, x in errors.items() if k not in store_keys}
            store_errors = {k: x for k, x in errors.items() if k in store_keys}
            if owner_errors:
                self.owner.form.show_error(_bundle(owner_errors))
            if store_errors:
                self.store.form.show_error(_bundle(store_errors))
                if not owner_errors:
                    self.back()
            return False
        return True


def _bundle(errors: dict[str, OpsError]) -> OpsError:
    from opsdesk.domain.errors import FieldErrors

    if len(errors) == 1:
        (k, e), = errors.items()
        if isinstance(e, ValidationError) or isinstance(e, OpsError):
            e.field = e.field or k
            return e
    return FieldErrors(errors)
