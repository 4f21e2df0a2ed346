"""Where things are: resources in development, in an installed package and in the frozen build,
and the default data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "opsdesk"


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    here = Path(__file__).resolve()
    # Installed from a wheel: opsdesk/resources. A source checkout (or an editable install):
    # the resources folder beside the package.
    for candidate in (here.parents[1] / "resources", here.parents[2] / "resources"):
        if candidate.is_dir():
            return candidate
    return here.parents[2] / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def data_dir() -> Path:
    """The user's data folder for OpsDesk (platformdirs' ``user_data_dir``: ~/.local/share,
    %LOCALAPPDATA%, ~/Library/Application Support). In the desktop app Qt's own answer for the
    same folder is used: importing platformdirs costs the start about as much as a Qt widget
    class, and Qt is loaded already."""
    qt = sys.modules.get("PySide6.QtCore")
    if qt is not None:
        folder = qt.QStandardPaths.writableLocation(
            qt.QStandardPaths.StandardLocation.GenericDataLocation)
        if folder:
            return Path(folder) / APP_NAME
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "opsdesk.sqlite"


def db_target(cli_value: str | None) -> str | None:
    """``--db`` wins, then ``OPSDESK_DB``; None lets the GUI use its saved choice or the default."""
    return cli_value or os.environ.get("OPSDESK_DB") or None
