"""Coded errors. Services raise them; only the UI turns a code into words.

A code is a stable dotted name (``money.too_many_decimals``); ``params`` carries the values a
message needs (``{"digits": 2}``) and ``field`` names the input the error belongs to, so a form can
show it beside that field.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class OpsError(Exception):
    """An error the user (or the environment) caused: shown as a clear message, never a traceback."""

    # ``code`` is positional-only so that a message parameter may also be called ``code``
    # (``ValidationError("money.unknown_currency", code="XXX")``).
    def __init__(self, code: str, /, field: str | None = None, **params: Any) -> None:
        self.code = code
        self.field = field
        self.params: Mapping[str, Any] = params
        super().__init__(f"{code} {dict(params)}" if params else code)


class ValidationError(OpsError):
    """Input that does not satisfy a rule; nothing was written."""


class PermissionDenied(OpsError):
    """The acting person's role does not allow the action."""

    def __init__(self, permission: str, role: str) -> None:
        super().__init__("auth.permission_denied", permission=permission, role=role)


class NotFound(OpsError):
    def __init__(self, what: str, key: Any) -> None:
        super().__init__("not_found", what=what, key=str(key))


class Conflict(OpsError):
    """The action clashes with the current state (duplicate, locked, already done)."""


class EnvironmentProblem(OpsError):
    """The machine or the file is the problem: disk, network drive, newer schema, foreign file."""


class FieldErrors(ValidationError):
    """Several fields failed at once; ``errors`` maps field name -> OpsError."""

    def __init__(self, errors: Mapping[str, OpsError]) -> None:
        self.errors = dict(errors)
        super().__init__("validation.fields", fields=",".join(sorted(self.errors)))


class Collector:
    """Runs several field checks and raises one FieldErrors naming every field that failed, so a
    form can mark them all at once instead of one per attempt."""

    def __init__(self) -> None:
        self.errors: dict[str, OpsError] = {}

    def take(self, key: str, check, /, *args, **kwargs):  # noqa: ANN001, ANN201
        try:
            return check(*args, **kwargs)
        except ValidationError as e:
            e.field = e.field or key
            self.errors.setdefault(key, e)
            return None

    def done(self) -> None:
        if self.errors:
            raise FieldErrors(self.errors)
