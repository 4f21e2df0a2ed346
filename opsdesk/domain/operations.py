"""Operation ids: the key that makes a business operation post once.

The screen makes one id (:func:`new_operation_id`) when a dialog opens and sends it with every
attempt of that dialog's operation; a double click, a retry after a timeout or a second press of
Enter then carries the same id, and the service returns the first result instead of posting again.

Error codes: ``operation.invalid_id`` (``field="operation_id"``); ``operation.reused`` (a
:class:`~opsdesk.domain.errors.Conflict`, param ``operation_id``) when an id already posted is
sent with a different request (another customer, kind or amount).
"""

from __future__ import annotations

import re
import uuid

from opsdesk.domain.errors import ValidationError

MAX_LEN = 64
_OK = re.compile(r"[A-Za-z0-9._:-]{1,64}")


def new_operation_id() -> str:
    return uuid.uuid4().hex


def check_operation_id(value: object) -> str:
    if not isinstance(value, str) or not _OK.fullmatch(value):
        raise ValidationError("operation.invalid_id", field="operation_id")
    return value
