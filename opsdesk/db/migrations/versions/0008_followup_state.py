"""follow-up engine: what the generator has already covered

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23

``followup_state`` holds, per store and rule, the day and the settings of the last generation
and the highest fact ids it had seen, so the next run reads only what changed since.
``ix_customer_store_birthday`` lets the birthday rule seek the customers born on a given day of
the year (one date per birth year) instead of reading every customer.
"""

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('followup_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('settings', sa.String(length=120), nullable=False),
    sa.Column('covered_on', sa.Date(), nullable=False),
    sa.Column('sale_id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('stage_change_id', sa.Integer(), nullable=False),
    sa.Column('audit_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_followup_state_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_followup_state')),
    sa.UniqueConstraint('store_id', 'kind', name=op.f('uq_followup_state_store_id_kind'))
    )
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.create_index('ix_customer_store_birthday', ['store_id', 'birthday'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_index('ix_customer_store_birthday')

    op.drop_table('followup_state')
