"""Roles and what each may do. The service layer checks these; the UI only hides what is refused.

The matrix follows PRODUCT.md "Who uses it": the front desk never sees pay and deletes nothing;
sales staff see only their own pay and targets; a manager cannot change locked pay runs.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    OWNER = "owner"
    MANAGER = "manager"
    FRONT_DESK = "front_desk"
    SALES = "sales"


class Permission(StrEnum):
    STAFF_VIEW = "staff.view"
    STAFF_MANAGE = "staff.manage"  # create, edit, deactivate people
    ROLES_MANAGE = "roles.manage"  # give or take a role (owner only)
    STORE_SETTINGS = "store.settings"
    BACKUP = "db.backup"
    RESTORE = "db.restore"
    AUDIT_VIEW = "audit.view"
    PAY_VIEW = "pay.view"
    PAY_MANAGE = "pay.manage"


_ALL = frozenset(Permission)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OWNER: _ALL,
    Role.MANAGER: frozenset({
        Permission.STAFF_VIEW,
        Permission.STAFF_MANAGE,
        Permission.BACKUP,
        Permission.AUDIT_VIEW,
    }),
    Role.FRONT_DESK: frozenset({Permission.STAFF_VIEW, Permission.BACKUP}),
    Role.SALES: frozenset({Permission.STAFF_VIEW}),
}


def allowed(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]


def may_assign(actor: Role, target_role: Role) -> bool:
    """Who may give a role to someone: the owner any; a manager only front desk and sales."""
    if actor is Role.OWNER:
        return True
    if actor is Role.MANAGER:
        return target_role in (Role.FRONT_DESK, Role.SALES)
    return False
