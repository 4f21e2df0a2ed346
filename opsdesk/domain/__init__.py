"""Pure business rules: no Qt, no SQLAlchemy. Everything here is a plain function or value."""
