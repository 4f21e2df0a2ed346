"""Alembic environment. Always run through ``opsdesk.db.schema.upgrade`` which hands in the
connection; ``render_as_batch`` lets SQLite alter tables by copy-and-move."""

from alembic import context

from opsdesk.db import models  # noqa: F401  (registers every table)
from opsdesk.db.base import Base

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
