"""Use cases. Each public call is one transaction, checks permission, takes and returns frozen
dataclasses (never ORM objects) and writes audit rows for money, permissions and refusals."""
