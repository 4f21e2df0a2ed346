"""Persistence: SQLAlchemy models, the engine with its connection rules, migrations, backups."""
