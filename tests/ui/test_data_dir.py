"""The desktop app asks Qt for the data folder (importing platformdirs costs start-up time); the
command line asks platformdirs. Both must name the same folder, or the app and the commands
would keep their settings and logs apart."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from platformdirs import user_data_dir

from opsdesk.app import paths


@pytest.mark.parametrize("xdg", [None, "custom"])
def test_qt_and_platformdirs_name_the_same_folder(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path, xdg: str | None) -> None:
    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / xdg))
    assert "PySide6.QtCore" in sys.modules
    from_qt = paths.data_dir()
    monkeypatch.delitem(sys.modules, "PySide6.QtCore")
    from_platformdirs = paths.data_dir()
    assert from_qt == from_platformdirs == Path(user_data_dir("opsdesk", appauthor=False))
    if xdg is not None:
        assert from_qt == tmp_path / xdg / "opsdesk"
