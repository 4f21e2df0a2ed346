"""organisation and targets: positions with duties; the year's plan and its versions

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('position',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('duties', sa.Text(), nullable=False),
    sa.Column('sort', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_position_department_id_department')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_position_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_position')),
    sa.UniqueConstraint('store_id', 'name', name=op.f('uq_position_store_id_name'))
    )
    with op.batch_alter_table('position', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_position_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_position_store_id'), ['store_id'], unique=False)

    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.add_column(sa.Column('position_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_staff_position_id'), ['position_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_staff_position_id_position'), 'position', ['position_id'], ['id'])


    op.create_table('target_plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.Column('settings', sa.Text(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('version >= 1', name=op.f('ck_target_plan_version')),
    sa.CheckConstraint('year >= 1 AND year <= 9999', name=op.f('ck_target_plan_year')),
    sa.ForeignKeyConstraint(['created_by'], ['staff.id'], name=op.f('fk_target_plan_created_by_staff')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_target_plan_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_target_plan')),
    sa.UniqueConstraint('store_id', 'year', 'version', name=op.f('uq_target_plan_store_id_year_version'))
    )
    with op.batch_alter_table('target_plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_target_plan_store_id'), ['store_id'], unique=False)

    op.create_table('target_plan_month',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('indicator', sa.String(length=16), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('days', sa.Text(), nullable=False),
    sa.CheckConstraint("indicator IN ('revenue', 'gross_profit', 'new_members', 'deals', 'topups')", name=op.f('ck_target_plan_month_indicator')),
    sa.CheckConstraint('month >= 1 AND month <= 12', name=op.f('ck_target_plan_month_month')),
    sa.CheckConstraint('amount >= 0', name=op.f('ck_target_plan_month_amount')),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_target_plan_month_department_id_department')),
    sa.ForeignKeyConstraint(['plan_id'], ['target_plan.id'], name=op.f('fk_target_plan_month_plan_id_target_plan')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_target_plan_month_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_target_plan_month')),
    sa.UniqueConstraint('plan_id', 'indicator', 'staff_id', 'month', name=op.f('uq_target_plan_month_plan_id_indicator_staff_id_month'))
    )
    with op.batch_alter_table('target_plan_month', schema=None) as batch_op:
        batch_op.create_index('ix_target_plan_month_plan_month', ['plan_id', 'month'], unique=False)
        batch_op.create_index(batch_op.f('ix_target_plan_month_staff_id'), ['staff_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('target_plan_month', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_target_plan_month_staff_id'))
        batch_op.drop_index('ix_target_plan_month_plan_month')

    op.drop_table('target_plan_month')
    with op.batch_alter_table('target_plan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_target_plan_store_id'))

    op.drop_table('target_plan')
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_staff_position_id_position'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_staff_position_id'))
        batch_op.drop_column('position_id')

    with op.batch_alter_table('position', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_position_store_id'))
        batch_op.drop_index(batch_op.f('ix_position_department_id'))

    op.drop_table('position')
