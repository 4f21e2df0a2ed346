"""promotion: referral rewards, promoters and their commission ledger, partner ponds, channel spend

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23

``customer`` gains ``promoter_id`` and ``pond_id`` (who brought the customer). ``promoter`` points
at its customer and ``customer.promoter_id`` at the promoter, so the promoter table is created
first and the customer's foreign keys are added to it afterwards (PostgreSQL needs the order).
Money columns are plain BIGINT (what ``opsdesk.db.base.Money`` stores).
"""

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('pond',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('owner', sa.String(length=60), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_pond_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pond')),
    sa.UniqueConstraint('store_id', 'name', name=op.f('uq_pond_store_id_name'))
    )
    with op.batch_alter_table('pond', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pond_store_id'), ['store_id'], unique=False)

    op.create_table('referral_rule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('trigger', sa.String(length=16), nullable=False),
    sa.Column('min_amount', sa.BigInteger(), nullable=False),
    sa.Column('bonus', sa.BigInteger(), nullable=False),
    sa.Column('gift', sa.String(length=100), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("trigger IN ('first_topup', 'first_purchase')", name=op.f('ck_referral_rule_trigger')),
    sa.CheckConstraint('min_amount > 0 AND bonus >= 0', name=op.f('ck_referral_rule_amounts')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_referral_rule_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral_rule'))
    )
    with op.batch_alter_table('referral_rule', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_rule_store_id'), ['store_id'], unique=False)

    op.create_table('pond_contract',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('pond_id', sa.Integer(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('fee_per_customer', sa.BigInteger(), nullable=False),
    sa.Column('share_rate', sa.String(length=20), nullable=False),
    sa.Column('share_months', sa.Integer(), nullable=False),
    sa.Column('monthly_minimum', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('fee_per_customer >= 0 AND monthly_minimum >= 0 AND share_months >= 0', name=op.f('ck_pond_contract_amounts')),
    sa.CheckConstraint('valid_to IS NULL OR valid_from <= valid_to', name=op.f('ck_pond_contract_validity')),
    sa.ForeignKeyConstraint(['pond_id'], ['pond.id'], name=op.f('fk_pond_contract_pond_id_pond')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_pond_contract_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pond_contract'))
    )
    with op.batch_alter_table('pond_contract', schema=None) as batch_op:
        batch_op.create_index('ix_pond_contract_pond', ['pond_id', 'valid_from'], unique=False)
        batch_op.create_index(batch_op.f('ix_pond_contract_store_id'), ['store_id'], unique=False)

    op.create_table('promoter_level',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.Column('enrolment_fee', sa.BigInteger(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=True),
    sa.Column('brackets', sa.Text(), nullable=False),
    sa.Column('mode', sa.String(length=10), nullable=False),
    sa.Column('window_days', sa.Integer(), nullable=True),
    sa.Column('scope', sa.String(length=8), nullable=False),
    sa.Column('per_new_member', sa.BigInteger(), nullable=False),
    sa.Column('member_bonus_on', sa.String(length=16), nullable=False),
    sa.Column('refund_window_days', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("member_bonus_on IN ('first_purchase', 'registration')", name=op.f('ck_promoter_level_member_bonus_on')),
    sa.CheckConstraint("mode IN ('step', 'marginal')", name=op.f('ck_promoter_level_mode')),
    sa.CheckConstraint("scope IN ('first', 'all')", name=op.f('ck_promoter_level_scope')),
    sa.CheckConstraint('enrolment_fee >= 0 AND per_new_member >= 0', name=op.f('ck_promoter_level_amounts')),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], name=op.f('fk_promoter_level_product_id_product')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_promoter_level_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_promoter_level')),
    sa.UniqueConstraint('store_id', 'name', name=op.f('uq_promoter_level_store_id_name'))
    )
    with op.batch_alter_table('promoter_level', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_promoter_level_store_id'), ['store_id'], unique=False)

    op.create_table('channel_spend',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('amount >= 0', name=op.f('ck_channel_spend_amount')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_channel_spend_staff_id_staff')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_channel_spend_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_channel_spend')),
    sa.UniqueConstraint('store_id', 'channel', 'kind', 'year', 'month', name=op.f('uq_channel_spend_store_id_channel_kind_year_month'))
    )
    with op.batch_alter_table('channel_spend', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_channel_spend_store_id'), ['store_id'], unique=False)

    op.create_table('pond_settlement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('pond_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('covered_days', sa.Integer(), nullable=False),
    sa.Column('new_customers', sa.Integer(), nullable=False),
    sa.Column('fee_total', sa.BigInteger(), nullable=False),
    sa.Column('share_base', sa.BigInteger(), nullable=False),
    sa.Column('share', sa.BigInteger(), nullable=False),
    sa.Column('minimum', sa.BigInteger(), nullable=False),
    sa.Column('minimum_topup', sa.BigInteger(), nullable=False),
    sa.Column('owed', sa.BigInteger(), nullable=False),
    sa.Column('operation_id', sa.String(length=64), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('locked_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('fee_total >= 0 AND share >= 0 AND minimum_topup >= 0', name=op.f('ck_pond_settlement_amounts')),
    sa.CheckConstraint('owed = fee_total + share + minimum_topup', name=op.f('ck_pond_settlement_owed')),
    sa.ForeignKeyConstraint(['pond_id'], ['pond.id'], name=op.f('fk_pond_settlement_pond_id_pond')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_pond_settlement_staff_id_staff')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_pond_settlement_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pond_settlement')),
    sa.UniqueConstraint('pond_id', 'year', 'month', name=op.f('uq_pond_settlement_pond_id_year_month')),
    sa.UniqueConstraint('store_id', 'operation_id', name=op.f('uq_pond_settlement_store_id_operation_id'))
    )
    with op.batch_alter_table('pond_settlement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pond_settlement_store_id'), ['store_id'], unique=False)

    op.create_table('pond_settlement_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('settlement_id', sa.Integer(), nullable=False),
    sa.Column('contract_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('registered_on', sa.Date(), nullable=False),
    sa.Column('new', sa.Boolean(), nullable=False),
    sa.Column('fee', sa.BigInteger(), nullable=False),
    sa.Column('share_base', sa.BigInteger(), nullable=False),
    sa.Column('share', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['contract_id'], ['pond_contract.id'], name=op.f('fk_pond_settlement_line_contract_id_pond_contract')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_pond_settlement_line_customer_id_customer')),
    sa.ForeignKeyConstraint(['settlement_id'], ['pond_settlement.id'], name=op.f('fk_pond_settlement_line_settlement_id_pond_settlement')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_pond_settlement_line_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pond_settlement_line'))
    )
    with op.batch_alter_table('pond_settlement_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pond_settlement_line_settlement_id'), ['settlement_id'], unique=False)

    op.create_table('referral_reward',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('referrer_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('trigger', sa.String(length=16), nullable=False),
    sa.Column('rule_id', sa.Integer(), nullable=True),
    sa.Column('min_amount', sa.BigInteger(), nullable=False),
    sa.Column('qualifying_amount', sa.BigInteger(), nullable=False),
    sa.Column('bonus', sa.BigInteger(), nullable=False),
    sa.Column('gift', sa.String(length=100), nullable=False),
    sa.Column('written_off', sa.BigInteger(), nullable=False),
    sa.Column('gift_to_return', sa.Boolean(), nullable=False),
    sa.Column('payment_operation_id', sa.String(length=64), nullable=False),
    sa.Column('sv_operation_id', sa.String(length=64), nullable=True),
    sa.Column('reverses_id', sa.Integer(), nullable=True),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("(kind = 'grant' AND bonus >= 0) OR (kind = 'reversal' AND bonus <= 0)", name=op.f('ck_referral_reward_bonus_sign')),
    sa.CheckConstraint("(kind = 'reversal') = (reverses_id IS NOT NULL)", name=op.f('ck_referral_reward_reversal_link')),
    sa.CheckConstraint("kind IN ('grant', 'reversal')", name=op.f('ck_referral_reward_kind')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_referral_reward_customer_id_customer')),
    sa.ForeignKeyConstraint(['referrer_id'], ['customer.id'], name=op.f('fk_referral_reward_referrer_id_customer')),
    sa.ForeignKeyConstraint(['reverses_id'], ['referral_reward.id'], name=op.f('fk_referral_reward_reverses_id_referral_reward')),
    sa.ForeignKeyConstraint(['rule_id'], ['referral_rule.id'], name=op.f('fk_referral_reward_rule_id_referral_rule')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_referral_reward_staff_id_staff')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_referral_reward_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral_reward')),
    sa.UniqueConstraint('reverses_id', name=op.f('uq_referral_reward_reverses_id')),
    sa.UniqueConstraint('store_id', 'customer_id', 'trigger', 'kind', name=op.f('uq_referral_reward_store_id_customer_id_trigger_kind'))
    )
    with op.batch_alter_table('referral_reward', schema=None) as batch_op:
        batch_op.create_index('ix_referral_reward_referrer', ['referrer_id', 'id'], unique=False)
        batch_op.create_index('ix_referral_reward_store_at', ['store_id', 'at'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_reward_store_id'), ['store_id'], unique=False)

    op.create_table('promoter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('level_id', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('enrolled_at', sa.DateTime(), nullable=False),
    sa.Column('enrolment_sale_id', sa.Integer(), nullable=True),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_promoter_customer_id_customer')),
    sa.ForeignKeyConstraint(['enrolment_sale_id'], ['sale.id'], name=op.f('fk_promoter_enrolment_sale_id_sale')),
    sa.ForeignKeyConstraint(['level_id'], ['promoter_level.id'], name=op.f('fk_promoter_level_id_promoter_level')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_promoter_staff_id_staff')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_promoter_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_promoter')),
    sa.UniqueConstraint('customer_id', name=op.f('uq_promoter_customer_id'))
    )
    with op.batch_alter_table('promoter', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_promoter_store_id'), ['store_id'], unique=False)

    op.create_table('commission_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('promoter_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('posted_on', sa.Date(), nullable=False),
    sa.Column('available_on', sa.Date(), nullable=True),
    sa.Column('source', sa.String(length=40), nullable=True),
    sa.Column('sale_id', sa.Integer(), nullable=True),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('eligible_amount', sa.BigInteger(), nullable=False),
    sa.Column('rate_amount', sa.BigInteger(), nullable=False),
    sa.Column('member_bonus', sa.BigInteger(), nullable=False),
    sa.Column('method', sa.String(length=12), nullable=True),
    sa.Column('reverses_id', sa.Integer(), nullable=True),
    sa.Column('operation_id', sa.String(length=64), nullable=False),
    sa.Column('line', sa.Integer(), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("(kind = 'accrual' AND amount > 0) OR (kind <> 'accrual' AND amount < 0)", name=op.f('ck_commission_entry_amount_sign')),
    sa.CheckConstraint("(kind = 'clawback') = (reverses_id IS NOT NULL)", name=op.f('ck_commission_entry_clawback_link')),
    sa.CheckConstraint("(kind = 'payout') = (method IS NOT NULL)", name=op.f('ck_commission_entry_payout_method')),
    sa.CheckConstraint("kind IN ('accrual', 'clawback', 'payout')", name=op.f('ck_commission_entry_kind')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_commission_entry_customer_id_customer')),
    sa.ForeignKeyConstraint(['promoter_id'], ['promoter.id'], name=op.f('fk_commission_entry_promoter_id_promoter')),
    sa.ForeignKeyConstraint(['reverses_id'], ['commission_entry.id'], name=op.f('fk_commission_entry_reverses_id_commission_entry')),
    sa.ForeignKeyConstraint(['sale_id'], ['sale.id'], name=op.f('fk_commission_entry_sale_id_sale')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_commission_entry_staff_id_staff')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_commission_entry_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commission_entry')),
    sa.UniqueConstraint('store_id', 'operation_id', 'line', name=op.f('uq_commission_entry_store_id_operation_id_line'))
    )
    with op.batch_alter_table('commission_entry', schema=None) as batch_op:
        batch_op.create_index('ix_commission_entry_promoter', ['promoter_id', 'id'], unique=False)
        batch_op.create_index('ix_commission_entry_sale', ['sale_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_commission_entry_store_id'), ['store_id'], unique=False)
        batch_op.create_index('ix_commission_entry_store_posted', ['store_id', 'posted_on'], unique=False)

    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('promoter_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('pond_id', sa.Integer(), nullable=True))
        batch_op.create_index('ix_customer_pond', ['pond_id'], unique=False)
        batch_op.create_index('ix_customer_promoter', ['promoter_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_customer_pond_id_pond'), 'pond', ['pond_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_customer_promoter_id_promoter'), 'promoter', ['promoter_id'], ['id'], use_alter=True)


def downgrade() -> None:
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_customer_promoter_id_promoter'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_customer_pond_id_pond'), type_='foreignkey')
        batch_op.drop_index('ix_customer_promoter')
        batch_op.drop_index('ix_customer_pond')
        batch_op.drop_column('pond_id')
        batch_op.drop_column('promoter_id')

    with op.batch_alter_table('commission_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_commission_entry_store_posted')
        batch_op.drop_index(batch_op.f('ix_commission_entry_store_id'))
        batch_op.drop_index('ix_commission_entry_sale')
        batch_op.drop_index('ix_commission_entry_promoter')

    op.drop_table('commission_entry')
    with op.batch_alter_table('promoter', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_promoter_store_id'))

    op.drop_table('promoter')
    with op.batch_alter_table('referral_reward', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_reward_store_id'))
        batch_op.drop_index('ix_referral_reward_store_at')
        batch_op.drop_index('ix_referral_reward_referrer')

    op.drop_table('referral_reward')
    with op.batch_alter_table('pond_settlement_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pond_settlement_line_settlement_id'))

    op.drop_table('pond_settlement_line')
    with op.batch_alter_table('pond_settlement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pond_settlement_store_id'))

    op.drop_table('pond_settlement')
    with op.batch_alter_table('channel_spend', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_channel_spend_store_id'))

    op.drop_table('channel_spend')
    with op.batch_alter_table('promoter_level', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_promoter_level_store_id'))

    op.drop_table('promoter_level')
    with op.batch_alter_table('pond_contract', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pond_contract_store_id'))
        batch_op.drop_index('ix_pond_contract_pond')

    op.drop_table('pond_contract')
    with op.batch_alter_table('referral_rule', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_rule_store_id'))

    op.drop_table('referral_rule')
    with op.batch_alter_table('pond', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pond_store_id'))

    op.drop_table('pond')
