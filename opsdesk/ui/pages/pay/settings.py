"""The Pay page's settings tabs, each shown only to the roles allowed to use it: pay schemes and
deductions (``pay.manage``: the owner), a new PK contest (``contests.manage``), assessments (the template: ``pay.manage``; the monthly
scores: ``assessments.score``), the promotion path (``pay.manage`` or ``assessments.score``).
Everyone else gets none of them and sees nothing of anyone's pay."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QWidget

from opsdesk.domain.roles import Permission
from opsdesk.ui.context import AppContext


def add_settings_tabs(page: QWidget, tabs: QTabWidget, ctx: AppContext) -> dict[str, object]:
    """Add the tabs this person may use (and "New contest…" above the leaderboard); returns them
    by name ("schemes", "assessment", "entries", "path", "new_contest")."""
    actor = ctx.actor
    out: dict[str, object] = {}
    if actor.can(Permission.PAY_MANAGE):
        from opsdesk.ui.pages.pay.schemes import SchemesTab

        out["schemes"] = SchemesTab(ctx)
        tabs.addTab(out["schemes"], QCoreApplication.translate("PayPage", "Pay schemes"))
    if actor.can(Permission.PAY_MANAGE) or actor.can(Permission.ASSESSMENTS_SCORE):
        from opsdesk.ui.pages.pay.assessment import AssessmentTab

        out["assessment"] = AssessmentTab(ctx)
        tabs.addTab(out["assessment"], QCoreApplication.translate("PayPage", "Assessments"))
    if actor.can(Permission.PAY_MANAGE):
        from opsdesk.ui.pages.pay.entries import EntriesTab

        out["entries"] = EntriesTab(ctx)
        tabs.addTab(out["entries"],
                    QCoreApplication.translate("PayPage", "Deductions and adjustments"))
    if actor.can(Permission.CONTESTS_MANAGE) and hasattr(page, "contest_box"):
        from opsdesk.ui.pages.pay.contests import add_new_contest_button

        out["new_contest"] = add_new_contest_button(page)
    if actor.can(Permission.PAY_MANAGE) or actor.can(Permission.ASSESSMENTS_SCORE):
        from opsdesk.ui.pages.pay.path import PathTab

        out["path"] = PathTab(ctx)
        tabs.addTab(out["path"], QCoreApplication.translate("PayPage", "Promotion path"))
    return out
