"""The follow-up count beside the sidebar entry. Kept apart from the queue page so that the main
window can show it at start-up without building (or importing) the page."""

from __future__ import annotations

from datetime import date

from opsdesk.db import clock
from opsdesk.domain.errors import OpsError
from opsdesk.domain.roles import Permission
from opsdesk.services import followups
from opsdesk.ui.context import AppContext

UPCOMING_DAYS = 7
REFRESH_MS = 5 * 60 * 1000


def today() -> date:
    return clock.now().date()


def default_scope(ctx: AppContext) -> followups.Scope:
    """A manager steers the team's queue; everyone else works their own."""
    if ctx.actor.can(Permission.FOLLOWUPS_TEAM) or ctx.actor.staff_id is None:
        return followups.Scope.TEAM
    return followups.Scope.MINE


def badge_count(ctx: AppContext, scope: followups.Scope | None = None,
                staff_id: int | None = None) -> int | None:
    """The work due by today; None when the person has no queue of their own."""
    scope = scope or default_scope(ctx)
    if not ctx.actor.can(Permission.FOLLOWUPS_WORK):
        return None
    if scope is followups.Scope.MINE and ctx.actor.staff_id is None:
        return None
    try:
        return followups.queue_counts(ctx.db, ctx.actor, today(), scope, staff_id,
                                      UPCOMING_DAYS).badge
    except OpsError:
        return None
