from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from opsdesk.domain.roles import Role

ROLE_NAMES = {
    Role.OWNER: QT_TRANSLATE_NOOP("Roles", "Owner"),
    Role.MANAGER: QT_TRANSLATE_NOOP("Roles", "Manager"),
    Role.FRONT_DESK: QT_TRANSLATE_NOOP("Roles", "Front desk"),
    Role.SALES: QT_TRANSLATE_NOOP("Roles", "Sales"),
}


def role_name(role: Role | str) -> str:
    return QCoreApplication.translate("Roles", ROLE_NAMES[Role(role)])
