"""OpsDesk: systematic store operations for a small physical shop, offline."""

__version__ = "0.1.0"
