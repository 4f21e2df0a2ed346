"""All tables. Importing this package registers every model on ``Base.metadata``."""

from opsdesk.db.models.audit import AuditEntry
from opsdesk.db.models.customer import Customer
from opsdesk.db.models.staff import Department, Staff
from opsdesk.db.models.store import Setting, Store

__all__ = ["AuditEntry", "Customer", "Department", "Setting", "Staff", "Store"]
