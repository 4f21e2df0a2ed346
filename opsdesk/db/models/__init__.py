"""All tables. Importing this package registers every model on ``Base.metadata``."""

from opsdesk.db.models.audit import AuditEntry
from opsdesk.db.models.customer import Customer
from opsdesk.db.models.ladder import Product, Tier, TierBonusBracket, TierChange, UpgradeRule
from opsdesk.db.models.ledger import Sale, SaleLine, StoredValueEntry
from opsdesk.db.models.sales_process import (
    FollowUpRuleRow,
    FollowUpTask,
    Offer,
    PipelineStage,
    StageChange,
    Visit,
)
from opsdesk.db.models.staff import Department, Position, Staff
from opsdesk.db.models.store import Setting, Store

__all__ = ["AuditEntry", "Customer", "Department", "FollowUpRuleRow", "FollowUpTask", "Offer",
           "PipelineStage", "Position", "Product", "StageChange", "Visit", "Sale", "SaleLine", "Setting",
           "Staff", "StoredValueEntry", "Store", "Tier", "TierBonusBracket", "TierChange",
           "UpgradeRule"]

# Each capability's tables live in a module of their own and register on import.
from opsdesk.db.models import incentives, launches, promotion, targets  # noqa: E402, F401
