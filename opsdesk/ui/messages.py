"""Words for coded errors. Services raise ``OpsError(code, field, **params)``; this table turns
the code into a translated sentence. A test checks that every code the lower layers raise has an
entry here, so no user ever sees a bare code."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from opsdesk.domain.errors import FieldErrors, OpsError

CONTEXT = "Errors"

MESSAGES: dict[str, str] = {
    # money and amounts
    "money.empty": QT_TRANSLATE_NOOP("Errors", "Enter an amount."),
    "money.invalid": QT_TRANSLATE_NOOP("Errors", "“{text}” is not an amount. Type digits, e.g. 1,234.50."),
    "money.negative": QT_TRANSLATE_NOOP("Errors", "The amount cannot be negative here."),
    "money.zero": QT_TRANSLATE_NOOP("Errors", "The amount must be more than zero."),
    "money.too_many_decimals": QT_TRANSLATE_NOOP("Errors", "Too many decimals: this currency has {digits}."),
    "money.too_large": QT_TRANSLATE_NOOP("Errors", "The amount is too large (at most {max})."),
    "money.unknown_currency": QT_TRANSLATE_NOOP("Errors", "Unknown currency “{code}”."),
    "rate.invalid": QT_TRANSLATE_NOOP("Errors", "“{text}” is not a valid rate."),
    "split.no_parts": QT_TRANSLATE_NOOP("Errors", "There is nothing to split the amount between."),
    "split.negative_weight": QT_TRANSLATE_NOOP("Errors", "Weights cannot be negative."),
    "split.zero_weights": QT_TRANSLATE_NOOP("Errors", "All weights are zero: give at least one a weight."),
    # text
    "text.required": QT_TRANSLATE_NOOP("Errors", "This field is required."),
    "text.too_long": QT_TRANSLATE_NOOP("Errors", "Too long: at most {max} characters."),
    "text.bidi_control": QT_TRANSLATE_NOOP("Errors", "Contains invisible direction-changing characters; please retype it."),
    "text.control_char": QT_TRANSLATE_NOOP("Errors", "Contains invisible control characters; please retype it."),
    "text.emoji": QT_TRANSLATE_NOOP("Errors", "Emoji cannot be printed on cards and receipts; please leave them out."),
    "login.too_short": QT_TRANSLATE_NOOP("Errors", "The user name needs at least {min} characters."),
    "login.invalid_chars": QT_TRANSLATE_NOOP("Errors", "Use letters, digits, dots, dashes or underscores only (no spaces)."),
    "secret.empty": QT_TRANSLATE_NOOP("Errors", "Enter a PIN or password."),
    "secret.invalid": QT_TRANSLATE_NOOP("Errors", "The PIN or password contains characters that cannot be used."),
    "secret.pin_length": QT_TRANSLATE_NOOP("Errors", "A PIN has {min} to {max} digits."),
    "secret.password_length": QT_TRANSLATE_NOOP("Errors", "A password needs at least {min} characters (or use a PIN of digits only)."),
    # store and staff
    "store.unknown_country": QT_TRANSLATE_NOOP("Errors", "Choose a country from the list."),
    "store.unknown_currency": QT_TRANSLATE_NOOP("Errors", "Choose a currency from the list."),
    "store.already_set_up": QT_TRANSLATE_NOOP("Errors", "This database already has a store."),
    "store.missing": QT_TRANSLATE_NOOP("Errors", "The store could not be found in this database."),
    "staff.login_taken": QT_TRANSLATE_NOOP("Errors", "Another person already uses this user name."),
    "staff.unknown_department": QT_TRANSLATE_NOOP("Errors", "Choose a department from the list."),
    "staff.unknown_mentor": QT_TRANSLATE_NOOP("Errors", "Choose a mentor from this store's staff."),
    "staff.own_mentor": QT_TRANSLATE_NOOP("Errors", "A person cannot be their own mentor."),
    "staff.leave_before_hire": QT_TRANSLATE_NOOP("Errors", "The leaving date is before the hire date."),
    "staff.cannot_demote_self": QT_TRANSLATE_NOOP("Errors", "You cannot change your own role or deactivate yourself."),
    "staff.unknown_role": QT_TRANSLATE_NOOP("Errors", "Choose a role from the list."),
    "staff.last_owner": QT_TRANSLATE_NOOP("Errors", "The store needs at least one active owner."),
    "demo.not_empty": QT_TRANSLATE_NOOP("Errors", "The demo store needs a new, empty database file; this one already has a store."),
    "not_found": QT_TRANSLATE_NOOP("Errors", "The record was not found; it may have been changed by someone else. Refresh and try again."),
    "validation.fields": QT_TRANSLATE_NOOP("Errors", "Please correct the marked fields."),
    # login and permissions
    "auth.bad_credentials": QT_TRANSLATE_NOOP("Errors", "User name or PIN/password is wrong."),
    "auth.locked": QT_TRANSLATE_NOOP("Errors", "Too many wrong attempts. This user is locked; try again in {seconds} seconds."),
    "auth.inactive": QT_TRANSLATE_NOOP("Errors", "This account has been deactivated. Ask the owner."),
    "auth.permission_denied": QT_TRANSLATE_NOOP("Errors", "Your role is not allowed to do this."),
    # the database file
    "db.network_drive": QT_TRANSLATE_NOOP("Errors", "The database {path} is on a network drive. SQLite cannot lock files safely over a network, so data could be lost. Keep the database on this computer's own disk (a chain of stores can share a PostgreSQL server instead)."),
    "db.cloud_sync": QT_TRANSLATE_NOOP("Errors", "The database {path} is inside the sync folder “{folder}”. Sync programs copy the file while it is open and can corrupt it. Keep the database outside synced folders and use Backup instead."),
    "db.newer_schema": QT_TRANSLATE_NOOP("Errors", "The database {path} was written by a newer version of OpsDesk (schema {revision}). Install the newer version to open it. The file was not changed."),
    "db.not_sqlite": QT_TRANSLATE_NOOP("Errors", "{path} is not an OpsDesk database (it is not a SQLite file). The file was not changed."),
    "db.foreign": QT_TRANSLATE_NOOP("Errors", "{path} is a SQLite database of another program, not OpsDesk. The file was not changed."),
    "db.corrupt": QT_TRANSLATE_NOOP("Errors", "{path} is damaged and cannot be read ({reason}). Restore it from a backup."),
    "db.is_directory": QT_TRANSLATE_NOOP("Errors", "{path} is a folder; give the path of a database file."),
    "db.unreadable": QT_TRANSLATE_NOOP("Errors", "{path} cannot be read: {reason}."),
    "db.missing": QT_TRANSLATE_NOOP("Errors", "There is no database at {path}."),
    "db.empty": QT_TRANSLATE_NOOP("Errors", "{path} is empty: it holds no store yet."),
    "backup.same_file": QT_TRANSLATE_NOOP("Errors", "Choose a different file for the backup than the database itself."),
    "backup.cannot_write": QT_TRANSLATE_NOOP("Errors", "The backup cannot be written to {path}: {reason}."),
    "backup.failed": QT_TRANSLATE_NOOP("Errors", "The backup failed: {reason}."),
    "backup.verify_failed": QT_TRANSLATE_NOOP("Errors", "The backup copy did not pass its check ({reason}); it was deleted."),
    "backup.server_database": QT_TRANSLATE_NOOP("Errors", "This store's database is on a server; back it up with the server's own tools."),
    "restore.empty": QT_TRANSLATE_NOOP("Errors", "{path} holds no store; it is not a backup."),
    "restore.same_file": QT_TRANSLATE_NOOP("Errors", "That file is the database itself; choose a backup file."),
    "restore.failed": QT_TRANSLATE_NOOP("Errors", "The restore failed: {reason}."),
    "restore.verify_failed": QT_TRANSLATE_NOOP("Errors", "The backup {path} is damaged ({reason}); nothing was restored."),
}

UNKNOWN = QT_TRANSLATE_NOOP("Errors", "The action could not be completed ({code}).")


def message_for(error: OpsError) -> str:
    if isinstance(error, FieldErrors):
        return "\n".join(message_for(e) for e in error.errors.values())
    template = MESSAGES.get(error.code)
    if template is None:
        return QCoreApplication.translate(CONTEXT, UNKNOWN).format(code=error.code)
    text = QCoreApplication.translate(CONTEXT, template)
    try:
        return text.format(**error.params)
    except (KeyError, IndexError, ValueError):
        return text
