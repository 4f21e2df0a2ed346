"""Typed UI settings in QSettings (per machine and user). Business settings live in the database.

``VERSION`` is bumped when a key changes meaning; ``upgrade`` moves old values forward once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

if TYPE_CHECKING:  # its type costs start-up time; windows' geometry is read later
    from PySide6.QtCore import QByteArray

VERSION = 1


class UiSettings:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._s = qsettings or QSettings()
        self.upgrade()

    def upgrade(self) -> None:
        if int(self._s.value("settings_version", 0) or 0) < VERSION:
            self._s.setValue("settings_version", VERSION)

    def _set_str(self, key: str, value: str) -> None:
        # Only a change is written: QSettings saves the file (with fsync and a lock file) soon
        # after any setValue, and the start sets the database path and language every time.
        if self._str(key) != value:
            self._s.setValue(key, value)

    def _str(self, key: str) -> str:
        v = self._s.value(key, "")
        return str(v) if v is not None else ""

    @property
    def language(self) -> str:
        return self._str("ui/language")

    @language.setter
    def language(self, value: str) -> None:
        self._set_str("ui/language", value)

    @property
    def db_path(self) -> str:
        return self._str("db/path")

    @db_path.setter
    def db_path(self, value: str) -> None:
        self._set_str("db/path", value)

    @property
    def last_login(self) -> str:
        return self._str("login/last")

    @last_login.setter
    def last_login(self, value: str) -> None:
        self._set_str("login/last", value)

    def geometry(self, name: str) -> QByteArray | None:
        v = self._s.value(f"geometry/{name}")
        from PySide6.QtCore import QByteArray

        return v if isinstance(v, QByteArray) else None

    def set_geometry(self, name: str, value: QByteArray) -> None:
        self._s.setValue(f"geometry/{name}", value)

    def sync(self) -> None:
        self._s.sync()
