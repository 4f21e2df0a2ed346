"""What every page needs: the open database, who is logged in, the store, UI settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from opsdesk.db.engine import Database
from opsdesk.services.context import Actor
from opsdesk.services.setup import StoreInfo
from opsdesk.ui.settings import UiSettings


@dataclass
class AppContext:
    db: Database
    actor: Actor
    store: StoreInfo
    settings: UiSettings
    resources: Path
    log_file: Path | None
    set_language: Callable[[str], str]
