"""reporting indexes: the dashboard and plan tracking read a period from indexes alone

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23

The period aggregates of the dashboard (per-person visits, comparisons, trends) and of plan
tracking (revenue, deals, gross profit year to date) walk a date range of the store. They used to
read every row in the range from the table after finding it in the index; on millions of visits
and sales that lookup was most of the time. Existing indexes are widened (same leading columns,
same order, so every plan that used them still can) rather than new near-duplicates added:

* ``ix_sale_store_at``: + staff_id, kind, total, refunds_id, customer_id;
* ``ix_visit_store_at``: + staff_id, customer_id (after the id, keyset paging unchanged);
* ``ix_customer_store_created_id``: + staff_id (after the id, keyset paging unchanged);
* ``ix_sale_line_sale_id``: + product_id, quantity, line_total (gross profit per sale);
* new ``ix_stored_value_entry_store_kind_at`` (store_id, kind, at, staff_id, principal): a
  period's top-ups without scanning the store's whole ledger.
"""

from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

# (table, index, columns after 0009, columns before)
WIDENED = (
    ('sale', 'ix_sale_store_at',
     ['store_id', 'at', 'staff_id', 'kind', 'total', 'refunds_id', 'customer_id'],
     ['store_id', 'at']),
    ('visit', 'ix_visit_store_at',
     ['store_id', 'at', 'id', 'staff_id', 'customer_id'], ['store_id', 'at', 'id']),
    ('customer', 'ix_customer_store_created_id',
     ['store_id', 'created_at', 'id', 'staff_id'], ['store_id', 'created_at', 'id']),
    ('sale_line', 'ix_sale_line_sale_id',
     ['sale_id', 'product_id', 'quantity', 'line_total'], ['sale_id']),
)
NEW = ('stored_value_entry', 'ix_stored_value_entry_store_kind_at',
       ['store_id', 'kind', 'at', 'staff_id', 'principal'])


def upgrade() -> None:
    # Plain index operations (no batch): neither SQLite nor PostgreSQL rebuilds the table.
    for table, name, cols, _old in WIDENED:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, cols, unique=False)
    table, name, cols = NEW
    op.create_index(name, table, cols, unique=False)


def downgrade() -> None:
    table, name, _cols = NEW
    op.drop_index(name, table_name=table)
    for table, name, _cols, old in WIDENED:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, old, unique=False)
