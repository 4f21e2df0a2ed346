"""launches: pre-sales in three counts and the deposit ledger

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23

Money columns are plain BIGINT here (what ``opsdesk.db.base.Money`` stores). ``launch_deposit``
is the append-only deposit ledger; ``launch_payment`` holds entry fees, their refunds and the
deals' balance payments.
"""

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

def upgrade() -> None:
    op.create_table('launch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=True),
    sa.Column('product_text', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('entry_opens', sa.Date(), nullable=False),
    sa.Column('lock_deadline', sa.Date(), nullable=False),
    sa.Column('delivery', sa.Date(), nullable=False),
    sa.Column('entry_fee', sa.BigInteger(), nullable=False),
    sa.Column('deposit', sa.BigInteger(), nullable=False),
    sa.Column('price', sa.BigInteger(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=True),
    sa.Column('requires_lock', sa.Boolean(), nullable=False),
    sa.Column('entry_refund_until_bp', sa.Integer(), nullable=False),
    sa.Column('entry_refund_after_bp', sa.Integer(), nullable=False),
    sa.Column('deposit_refund_until_bp', sa.Integer(), nullable=False),
    sa.Column('deposit_refund_after_bp', sa.Integer(), nullable=False),
    sa.Column('early_until', sa.Date(), nullable=True),
    sa.Column('early_gifts', sa.Text(), nullable=False),
    sa.Column('early_privileges', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('draft', 'open', 'closed')", name=op.f('ck_launch_status')),
    sa.CheckConstraint('0 <= deposit_refund_after_bp AND deposit_refund_after_bp <= deposit_refund_until_bp AND deposit_refund_until_bp <= 10000', name=op.f('ck_launch_deposit_refund')),
    sa.CheckConstraint('0 <= entry_refund_after_bp AND entry_refund_after_bp <= entry_refund_until_bp AND entry_refund_until_bp <= 10000', name=op.f('ck_launch_entry_refund')),
    sa.CheckConstraint('capacity IS NULL OR capacity >= 1', name=op.f('ck_launch_capacity')),
    sa.CheckConstraint('entry_fee >= 0 AND deposit > 0 AND deposit <= price', name=op.f('ck_launch_amounts')),
    sa.CheckConstraint('entry_opens <= lock_deadline AND lock_deadline < delivery', name=op.f('ck_launch_dates')),
    sa.ForeignKeyConstraint(['created_by'], ['staff.id'], name=op.f('fk_launch_created_by_staff')),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], name=op.f('fk_launch_product_id_product')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_launch_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_launch'))
    )

    with op.batch_alter_table('launch', schema=None) as batch_op:
        batch_op.create_index('ix_launch_store_status', ['store_id', 'status', 'entry_opens'], unique=False)

    op.create_table('launch_deposit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('launch_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('payment_method', sa.String(length=12), nullable=True),
    sa.Column('operation_id', sa.String(length=64), nullable=False),
    sa.Column('line', sa.Integer(), nullable=False),
    sa.Column('early', sa.Boolean(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("(kind = 'deposit' AND amount > 0) OR (kind <> 'deposit' AND amount < 0)", name=op.f('ck_launch_deposit_sign')),
    sa.CheckConstraint("kind IN ('deposit', 'refund', 'forfeited', 'applied')", name=op.f('ck_launch_deposit_kind')),
    sa.CheckConstraint("payment_method IS NULL OR payment_method IN ('cash', 'wechat', 'alipay', 'bank_card', 'stored_value')", name=op.f('ck_launch_deposit_payment_method')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_launch_deposit_customer_id_customer')),
    sa.ForeignKeyConstraint(['launch_id'], ['launch.id'], name=op.f('fk_launch_deposit_launch_id_launch')),
    sa.ForeignKeyConstraint(['recorded_by'], ['staff.id'], name=op.f('fk_launch_deposit_recorded_by_staff')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_launch_deposit_staff_id_staff')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_launch_deposit_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_launch_deposit')),
    sa.UniqueConstraint('store_id', 'operation_id', 'line', name=op.f('uq_launch_deposit_store_id_operation_id_line'))
    )

    with op.batch_alter_table('launch_deposit', schema=None) as batch_op:
        batch_op.create_index('ix_launch_deposit_launch', ['launch_id', 'customer_id', 'id'], unique=False)

    op.create_table('launch_payment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('launch_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('payment_method', sa.String(length=12), nullable=True),
    sa.Column('refunds_id', sa.Integer(), nullable=True),
    sa.Column('operation_id', sa.String(length=64), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("(kind = 'entry_refund' AND amount < 0 AND refunds_id IS NOT NULL) OR (kind <> 'entry_refund' AND amount >= 0 AND refunds_id IS NULL)", name=op.f('ck_launch_payment_sign')),
    sa.CheckConstraint("kind IN ('entry', 'entry_refund', 'balance')", name=op.f('ck_launch_payment_kind')),
    sa.CheckConstraint('(amount = 0) = (payment_method IS NULL)', name=op.f('ck_launch_payment_method_when_paid')),
    sa.CheckConstraint("payment_method IN ('cash', 'wechat', 'alipay', 'bank_card', 'stored_value')", name=op.f('ck_launch_payment_payment_method')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_launch_payment_customer_id_customer')),
    sa.ForeignKeyConstraint(['launch_id'], ['launch.id'], name=op.f('fk_launch_payment_launch_id_launch')),
    sa.ForeignKeyConstraint(['recorded_by'], ['staff.id'], name=op.f('fk_launch_payment_recorded_by_staff')),
    sa.ForeignKeyConstraint(['refunds_id'], ['launch_payment.id'], name=op.f('fk_launch_payment_refunds_id_launch_payment')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_launch_payment_staff_id_staff')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_launch_payment_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_launch_payment')),
    sa.UniqueConstraint('store_id', 'operation_id', name=op.f('uq_launch_payment_store_id_operation_id'))
    )

    with op.batch_alter_table('launch_payment', schema=None) as batch_op:
        batch_op.create_index('ix_launch_payment_launch', ['launch_id', 'customer_id', 'id'], unique=False)

    op.create_table('launch_waitlist',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('launch_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('operation_id', sa.String(length=64), nullable=True),
    sa.CheckConstraint("status IN ('waiting', 'offered', 'locked', 'withdrawn')", name=op.f('ck_launch_waitlist_status')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_launch_waitlist_customer_id_customer')),
    sa.ForeignKeyConstraint(['launch_id'], ['launch.id'], name=op.f('fk_launch_waitlist_launch_id_launch')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_launch_waitlist_staff_id_staff')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_launch_waitlist_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_launch_waitlist'))
    )

    with op.batch_alter_table('launch_waitlist', schema=None) as batch_op:
        batch_op.create_index('ix_launch_waitlist_launch', ['launch_id', 'status', 'id'], unique=False)




def downgrade() -> None:
    with op.batch_alter_table('launch_waitlist', schema=None) as batch_op:
        batch_op.drop_index('ix_launch_waitlist_launch')

    op.drop_table('launch_waitlist')

    with op.batch_alter_table('launch_payment', schema=None) as batch_op:
        batch_op.drop_index('ix_launch_payment_launch')

    op.drop_table('launch_payment')

    with op.batch_alter_table('launch_deposit', schema=None) as batch_op:
        batch_op.drop_index('ix_launch_deposit_launch')

    op.drop_table('launch_deposit')

    with op.batch_alter_table('launch', schema=None) as batch_op:
        batch_op.drop_index('ix_launch_store_status')

    op.drop_table('launch')
