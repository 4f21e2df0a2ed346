"""``opsdesk slips``: a month's incentive slips to a PDF, in the app's language, for the owner."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable

from opsdesk.db.engine import Database


def write_month_slips(db: Database, store_actor: Callable, args: argparse.Namespace
                      ) -> tuple[int, int]:
    from PySide6.QtCore import QCoreApplication, QSettings

    from opsdesk.app import paths
    from opsdesk.services import pay_runs, setup
    from opsdesk.ui import i18n
    from opsdesk.ui.pages.pay.texts import write_slips
    from opsdesk.ui.settings import UiSettings

    app = QCoreApplication.instance() or QCoreApplication([])
    QCoreApplication.setOrganizationName("OpsDesk")
    QCoreApplication.setApplicationName("OpsDesk")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      os.environ.get("OPSDESK_SETTINGS_DIR") or str(paths.data_dir()))
    lang = args.slips_lang or getattr(args, "lang", None) or UiSettings().language or None
    i18n.install(app, i18n.resolve(lang), paths.resources_dir())
    actor = store_actor(db)
    store = setup.get_store(db, actor.store_id)
    year, month = args.month
    views = pay_runs.run_rows(db, actor, year, month)
    printable = [v for v in views if not v.blocked]
    if not printable:
        from opsdesk.domain.errors import ValidationError

        raise ValidationError("slip.none", field="slips")
    pages = write_slips(printable, store.name, store.currency, args.out, args.layout)
    return len(printable), pages
