"""members: tier ladder, upgrade rules, products, stored value ledger, sales, tier history;
search keys, card numbers and cached balances on customers

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

Money columns are plain BIGINT here (what ``opsdesk.db.base.Money`` stores), so the script keeps
meaning the same schema whatever later happens to the model classes. Existing customers get their
search keys (pinyin, last 4 digits) and a card number ``M`` + zero-padded id.
"""

import sqlalchemy as sa
from alembic import op

from opsdesk.domain.phone import last4
from opsdesk.domain.search_keys import format_card_number, name_keys

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('tier',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.Column('price', sa.BigInteger(), nullable=False),
    sa.Column('validity_days', sa.Integer(), nullable=True),
    sa.Column('discount_units', sa.Integer(), nullable=False),
    sa.Column('privileges', sa.Text(), nullable=False),
    sa.Column('fallback_tier_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('bait', 'regular', 'partner')", name=op.f('ck_tier_kind')),
    sa.CheckConstraint('discount_units > 0 AND discount_units <= 10000', name=op.f('ck_tier_discount')),
    sa.CheckConstraint('price >= 0', name=op.f('ck_tier_price')),
    sa.ForeignKeyConstraint(['fallback_tier_id'], ['tier.id'], name=op.f('fk_tier_fallback_tier_id_tier')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_tier_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tier'))
    )
    with op.batch_alter_table('tier', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tier_store_id'), ['store_id'], unique=False)

    op.create_table('product',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('price', sa.BigInteger(), nullable=False),
    sa.Column('cost', sa.BigInteger(), nullable=False),
    sa.Column('tier_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("(kind = 'membership') = (tier_id IS NOT NULL)", name=op.f('ck_product_membership_tier')),
    sa.CheckConstraint("kind IN ('product', 'service', 'membership')", name=op.f('ck_product_kind')),
    sa.CheckConstraint("role IN ('traffic', 'hit', 'profit', 'brand')", name=op.f('ck_product_role')),
    sa.CheckConstraint('price >= 0 AND cost >= 0', name=op.f('ck_product_amounts')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_product_store_id_store')),
    sa.ForeignKeyConstraint(['tier_id'], ['tier.id'], name=op.f('fk_product_tier_id_tier')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_product'))
    )
    with op.batch_alter_table('product', schema=None) as batch_op:
        batch_op.create_index('ix_product_store_active_role', ['store_id', 'active', 'role'], unique=False)
        batch_op.create_index(batch_op.f('ix_product_store_id'), ['store_id'], unique=False)

    op.create_table('tier_bonus_bracket',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('tier_id', sa.Integer(), nullable=False),
    sa.Column('min_topup', sa.BigInteger(), nullable=False),
    sa.Column('bonus', sa.BigInteger(), nullable=False),
    sa.CheckConstraint('min_topup > 0 AND bonus > 0 AND bonus <= min_topup', name=op.f('ck_tier_bonus_bracket_amounts')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_tier_bonus_bracket_store_id_store')),
    sa.ForeignKeyConstraint(['tier_id'], ['tier.id'], name=op.f('fk_tier_bonus_bracket_tier_id_tier')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tier_bonus_bracket')),
    sa.UniqueConstraint('tier_id', 'min_topup', name=op.f('uq_tier_bonus_bracket_tier_id_min_topup'))
    )
    with op.batch_alter_table('tier_bonus_bracket', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tier_bonus_bracket_store_id'), ['store_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tier_bonus_bracket_tier_id'), ['tier_id'], unique=False)

    op.create_table('upgrade_rule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('target_tier_id', sa.Integer(), nullable=False),
    sa.Column('from_tier_id', sa.Integer(), nullable=True),
    sa.Column('min_cumulative_spend', sa.BigInteger(), nullable=True),
    sa.Column('min_single_topup', sa.BigInteger(), nullable=True),
    sa.Column('sort', sa.Integer(), nullable=False),
    sa.CheckConstraint('min_cumulative_spend IS NOT NULL OR min_single_topup IS NOT NULL', name=op.f('ck_upgrade_rule_trigger')),
    sa.ForeignKeyConstraint(['from_tier_id'], ['tier.id'], name=op.f('fk_upgrade_rule_from_tier_id_tier')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_upgrade_rule_store_id_store')),
    sa.ForeignKeyConstraint(['target_tier_id'], ['tier.id'], name=op.f('fk_upgrade_rule_target_tier_id_tier')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_upgrade_rule'))
    )
    with op.batch_alter_table('upgrade_rule', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_upgrade_rule_store_id'), ['store_id'], unique=False)

    op.create_table('sale',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('operation_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('refunds_id', sa.Integer(), nullable=True),
    sa.Column('tier_id', sa.Integer(), nullable=True),
    sa.Column('list_total', sa.BigInteger(), nullable=False),
    sa.Column('discount', sa.BigInteger(), nullable=False),
    sa.Column('total', sa.BigInteger(), nullable=False),
    sa.Column('payment_method', sa.String(length=12), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("(kind = 'refund') = (refunds_id IS NOT NULL)", name=op.f('ck_sale_refund_link')),
    sa.CheckConstraint("(kind = 'sale' AND total >= 0) OR (kind = 'refund' AND total <= 0)", name=op.f('ck_sale_total_sign')),
    sa.CheckConstraint("kind IN ('sale', 'refund')", name=op.f('ck_sale_kind')),
    sa.CheckConstraint("payment_method IN ('cash', 'wechat', 'alipay', 'bank_card', 'stored_value')", name=op.f('ck_sale_payment_method')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_sale_customer_id_customer')),
    sa.ForeignKeyConstraint(['refunds_id'], ['sale.id'], name=op.f('fk_sale_refunds_id_sale')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_sale_staff_id_staff')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_sale_store_id_store')),
    sa.ForeignKeyConstraint(['tier_id'], ['tier.id'], name=op.f('fk_sale_tier_id_tier')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sale')),
    sa.UniqueConstraint('refunds_id', name=op.f('uq_sale_refunds_id')),
    sa.UniqueConstraint('store_id', 'operation_id', name=op.f('uq_sale_store_id_operation_id'))
    )
    with op.batch_alter_table('sale', schema=None) as batch_op:
        batch_op.create_index('ix_sale_customer', ['customer_id', 'id'], unique=False)
        batch_op.create_index('ix_sale_store_at', ['store_id', 'at'], unique=False)

    op.create_table('tier_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('from_tier_id', sa.Integer(), nullable=True),
    sa.Column('to_tier_id', sa.Integer(), nullable=True),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('operation_id', sa.String(length=64), nullable=True),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("reason IN ('membership', 'upgrade_spend', 'upgrade_topup', 'lapse', 'refund', 'registration')", name=op.f('ck_tier_change_reason')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_tier_change_customer_id_customer')),
    sa.ForeignKeyConstraint(['from_tier_id'], ['tier.id'], name=op.f('fk_tier_change_from_tier_id_tier')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_tier_change_staff_id_staff')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_tier_change_store_id_store')),
    sa.ForeignKeyConstraint(['to_tier_id'], ['tier.id'], name=op.f('fk_tier_change_to_tier_id_tier')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tier_change'))
    )
    with op.batch_alter_table('tier_change', schema=None) as batch_op:
        batch_op.create_index('ix_tier_change_customer', ['customer_id', 'id'], unique=False)
        batch_op.create_index('ix_tier_change_operation', ['store_id', 'operation_id'], unique=False)

    op.create_table('sale_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('sale_id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit_price', sa.BigInteger(), nullable=False),
    sa.Column('discount_units', sa.Integer(), nullable=False),
    sa.Column('line_total', sa.BigInteger(), nullable=False),
    sa.CheckConstraint('quantity <> 0', name=op.f('ck_sale_line_quantity')),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], name=op.f('fk_sale_line_product_id_product')),
    sa.ForeignKeyConstraint(['sale_id'], ['sale.id'], name=op.f('fk_sale_line_sale_id_sale')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_sale_line_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sale_line'))
    )
    with op.batch_alter_table('sale_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sale_line_sale_id'), ['sale_id'], unique=False)

    op.create_table('stored_value_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('principal', sa.BigInteger(), nullable=False),
    sa.Column('bonus', sa.BigInteger(), nullable=False),
    sa.Column('operation_id', sa.String(length=64), nullable=False),
    sa.Column('line', sa.Integer(), nullable=False),
    sa.Column('reverses_id', sa.Integer(), nullable=True),
    sa.Column('payment_method', sa.String(length=12), nullable=True),
    sa.Column('sale_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("(kind = 'reversal') = (reverses_id IS NOT NULL)", name=op.f('ck_stored_value_entry_reversal_link')),
    sa.CheckConstraint("kind IN ('topup', 'bonus', 'spend', 'refund', 'adjust', 'reversal')", name=op.f('ck_stored_value_entry_kind')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_stored_value_entry_customer_id_customer')),
    sa.ForeignKeyConstraint(['reverses_id'], ['stored_value_entry.id'], name=op.f('fk_stored_value_entry_reverses_id_stored_value_entry')),
    sa.ForeignKeyConstraint(['sale_id'], ['sale.id'], name=op.f('fk_stored_value_entry_sale_id_sale')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_stored_value_entry_staff_id_staff')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_stored_value_entry_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stored_value_entry')),
    sa.UniqueConstraint('reverses_id', name=op.f('uq_stored_value_entry_reverses_id')),
    sa.UniqueConstraint('store_id', 'operation_id', 'line', name=op.f('uq_stored_value_entry_store_id_operation_id_line'))
    )
    with op.batch_alter_table('stored_value_entry', schema=None) as batch_op:
        batch_op.create_index('ix_stored_value_entry_customer', ['customer_id', 'id'], unique=False)

    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('card_no', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('pinyin_full', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('pinyin_initials', sa.String(length=60), server_default='', nullable=False))
        batch_op.add_column(sa.Column('phone_last4', sa.String(length=4), server_default='', nullable=False))
        batch_op.add_column(sa.Column('stage', sa.String(length=12), server_default='lead', nullable=False))
        batch_op.add_column(sa.Column('tier_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('tier_since', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('tier_expires_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('last_purchase_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('lifetime_spend', sa.BigInteger(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('balance_principal', sa.BigInteger(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('balance_bonus', sa.BigInteger(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('balance_total', sa.BigInteger(), server_default='0', nullable=False))
        batch_op.drop_index(batch_op.f('ix_customer_store_created'))
        batch_op.create_index('ix_customer_referrer', ['referrer_id'], unique=False)
        batch_op.create_index('ix_customer_store_balance', ['store_id', 'balance_total', 'id'], unique=False)
        batch_op.create_index('ix_customer_store_created_id', ['store_id', 'created_at', 'id'], unique=False)
        batch_op.create_index('ix_customer_store_expires', ['store_id', 'tier_expires_on'], unique=False)
        batch_op.create_index('ix_customer_store_initials', ['store_id', 'pinyin_initials'], unique=False)
        batch_op.create_index('ix_customer_store_last4', ['store_id', 'phone_last4'], unique=False)
        batch_op.create_index('ix_customer_store_last_purchase', ['store_id', 'last_purchase_at', 'id'], unique=False)
        batch_op.create_index('ix_customer_store_name', ['store_id', 'name', 'id'], unique=False)
        batch_op.create_index('ix_customer_store_pinyin', ['store_id', 'pinyin_full'], unique=False)
        batch_op.create_index('ix_customer_store_stage', ['store_id', 'stage', 'id'], unique=False)
        batch_op.create_index('ix_customer_store_tier', ['store_id', 'tier_id', 'id'], unique=False)
        batch_op.create_index('ix_customer_store_card', ['store_id', 'card_no'], unique=True)
        batch_op.create_foreign_key(batch_op.f('fk_customer_tier_id_tier'), 'tier', ['tier_id'], ['id'])

    _backfill_customers()


def _backfill_customers() -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, name, phone FROM customer")).fetchall()
    keys: dict[str, object] = {}
    updates = []
    for cid, name, phone in rows:
        k = keys.get(name) or keys.setdefault(name, name_keys(name))
        digits = "".join(ch for ch in phone if ch.isdigit())
        updates.append({"id": cid, "full": k.full[:200], "ini": k.initials[:60],
                        "l4": last4(phone) if len(digits) >= 4 else "",
                        "card": format_card_number(cid)})
    if updates:
        conn.execute(sa.text(
            "UPDATE customer SET pinyin_full = :full, pinyin_initials = :ini, "
            "phone_last4 = :l4, card_no = :card WHERE id = :id"), updates)



def downgrade() -> None:
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_customer_tier_id_tier'), type_='foreignkey')
        batch_op.drop_index('ix_customer_store_card')
        batch_op.drop_index('ix_customer_store_tier')
        batch_op.drop_index('ix_customer_store_stage')
        batch_op.drop_index('ix_customer_store_pinyin')
        batch_op.drop_index('ix_customer_store_name')
        batch_op.drop_index('ix_customer_store_last_purchase')
        batch_op.drop_index('ix_customer_store_last4')
        batch_op.drop_index('ix_customer_store_initials')
        batch_op.drop_index('ix_customer_store_expires')
        batch_op.drop_index('ix_customer_store_created_id')
        batch_op.drop_index('ix_customer_store_balance')
        batch_op.drop_index('ix_customer_referrer')
        batch_op.create_index(batch_op.f('ix_customer_store_created'), ['store_id', 'created_at'], unique=False)
        batch_op.drop_column('balance_total')
        batch_op.drop_column('balance_bonus')
        batch_op.drop_column('balance_principal')
        batch_op.drop_column('lifetime_spend')
        batch_op.drop_column('last_purchase_at')
        batch_op.drop_column('tier_expires_on')
        batch_op.drop_column('tier_since')
        batch_op.drop_column('tier_id')
        batch_op.drop_column('stage')
        batch_op.drop_column('phone_last4')
        batch_op.drop_column('pinyin_initials')
        batch_op.drop_column('pinyin_full')
        batch_op.drop_column('card_no')

    with op.batch_alter_table('stored_value_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_stored_value_entry_customer')

    op.drop_table('stored_value_entry')
    with op.batch_alter_table('sale_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sale_line_sale_id'))

    op.drop_table('sale_line')
    with op.batch_alter_table('tier_change', schema=None) as batch_op:
        batch_op.drop_index('ix_tier_change_operation')
        batch_op.drop_index('ix_tier_change_customer')

    op.drop_table('tier_change')
    with op.batch_alter_table('sale', schema=None) as batch_op:
        batch_op.drop_index('ix_sale_store_at')
        batch_op.drop_index('ix_sale_customer')

    op.drop_table('sale')
    with op.batch_alter_table('upgrade_rule', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_upgrade_rule_store_id'))

    op.drop_table('upgrade_rule')
    with op.batch_alter_table('tier_bonus_bracket', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tier_bonus_bracket_tier_id'))
        batch_op.drop_index(batch_op.f('ix_tier_bonus_bracket_store_id'))

    op.drop_table('tier_bonus_bracket')
    with op.batch_alter_table('product', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_product_store_id'))
        batch_op.drop_index('ix_product_store_active_role')

    op.drop_table('product')
    with op.batch_alter_table('tier', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tier_store_id'))

    op.drop_table('tier')
