"""UI settings write the settings file only when a value changes: the desktop start sets the
database path and language every time, and each save is an fsync and a lock file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from opsdesk.ui.settings import UiSettings


def test_values_round_trip(ui_settings: UiSettings) -> None:
    ui_settings.db_path = "/shop/opsdesk.sqlite"
    ui_settings.language = "zh_CN"
    ui_settings.last_login = "boss"
    again = UiSettings(QSettings())
    assert (again.db_path, again.language, again.last_login) == (
        "/shop/opsdesk.sqlite", "zh_CN", "boss")


def test_setting_the_same_value_writes_nothing(ui_settings: UiSettings) -> None:
    ui_settings.db_path = "/shop/opsdesk.sqlite"
    ui_settings.language = "en"
    q = QSettings()
    q.sync()
    file = Path(q.fileName())
    before = file.read_bytes()
    file.write_bytes(before + b"\n; marker\n")  # a rewrite of the file would drop this line
    marked = file.stat().st_mtime_ns
    fresh = UiSettings(QSettings())
    fresh.db_path = "/shop/opsdesk.sqlite"
    fresh.language = "en"
    fresh._s.sync()
    assert file.stat().st_mtime_ns == marked
    assert file.read_bytes().endswith(b"; marker\n")
    fresh.language = "zh_CN"  # a change is written
    fresh._s.sync()
    assert b"; marker" not in file.read_bytes()
    assert UiSettings(QSettings()).language == "zh_CN"
