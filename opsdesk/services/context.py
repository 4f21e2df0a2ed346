from __future__ import annotations

from dataclasses import dataclass

from opsdesk.domain.roles import Permission, Role, allowed


@dataclass(frozen=True)
class Actor:
    """Who is acting: the logged-in person (or the system, for the CLI and the demo generator)."""

    store_id: int
    staff_id: int | None
    role: Role
    name: str

    def can(self, permission: Permission) -> bool:
        return allowed(self.role, permission)


def system_actor(store_id: int) -> Actor:
    return Actor(store_id=store_id, staff_id=None, role=Role.OWNER, name="system")
