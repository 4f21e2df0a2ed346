"""The login window: user name and PIN or password. Opens before the database is ready, so the
window appears at once; the Log in button waits until the store is open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from opsdesk.domain.errors import OpsError
from opsdesk.ui.widgets.form import ErrorForm

HEADING_STYLE = "qproperty-alignment: AlignCenter; font-weight: bold; font-size: 14pt;"


class _LanguageWatch(QObject):
    def __init__(self, window: LoginWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event) -> bool:  # noqa: ANN001, N802 (Qt API)
        from PySide6.QtCore import QEvent

        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self._window.retranslate()
        return False


class LoginWindow(QDialog):
    """``attempt(login, secret)`` returns normally on success or raises OpsError."""

    logged_in = Signal(object)

    def __init__(self, store_name: str, attempt: Callable[[str, str], object],
                 last_login: str = "", hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("login")
        self._attempt = attempt
        self._ready = False
        self._store_name = store_name
        self._language_watch: _LanguageWatch | None = None
        self.heading = QLabel(store_name)
        self.heading.setObjectName("store_name")
        # Large, bold and centred by style sheet: Python's QFont type and the Qt.AlignmentFlag
        # enum would each build a namespace of enums before the first window.
        self.heading.setStyleSheet(HEADING_STYLE)
        self.form = ErrorForm()
        self.login = QLineEdit(last_login)
        self.login.setObjectName("login_name")
        self.secret = QLineEdit()
        self.secret.setObjectName("secret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.cap_login = self.form.add_row("login", self.login)
        self.cap_secret = self.form.add_row("secret", self.secret)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.hint = QLabel(hint)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.hint.setVisible(bool(hint))
        # Own buttons, not standard ones: on a language change the box would put its standard
        # "OK"/"Cancel" back over "Log in"/"Quit".
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("login_button")
        self.ok.setDefault(True)
        self.quit = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.quit.setObjectName("quit_button")
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addSpacing(8)
        lay.addWidget(self.form)
        lay.addWidget(self.hint)
        lay.addWidget(self.status)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(380)
        (self.secret if last_login else self.login).setFocus()
        self.retranslate()

    def watch_language(self) -> None:
        """Retranslate on a language change from now on. Called once the window is up: a
        ``changeEvent`` override would build Qt's QEvent type and enum during construction
        (the window title change is an event), which costs start-up time."""
        if self._language_watch is None:
            self._language_watch = _LanguageWatch(self)
            self.installEventFilter(self._language_watch)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("OpsDesk — log in"))
        self.cap_login.setText(self.tr("&User name"))
        self.cap_secret.setText(self.tr("&PIN or password"))
        self.ok.setText(self.tr("&Log in"))
        self.quit.setText(self.tr("&Quit"))
        if not self._ready:
            self.status.setText(self.tr("Opening the store…"))

    def set_ready(self, store_name: str | None = None) -> None:
        self._ready = True
        if store_name:
            self.heading.setText(store_name)
        self.status.clear()
        self.ok.setEnabled(True)

    def set_failed(self, message: str) -> None:
        self.status.setText(message)
        self.status.setStyleSheet("color: #c0392b;")

    def submit(self) -> None:
        if not self._ready:
            return
        self.form.clear_errors()
        try:
            actor = self._attempt(self.login.text(), self.secret.text())
        except OpsError as e:
            self.form.show_error(e)
            self.secret.selectAll()
            self.secret.setFocus()
            return
        self.secret.clear()
        self.logged_in.emit(actor)
        self.accept()
