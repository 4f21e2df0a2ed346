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


def downgrade() -> None:
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_staff_position_id_position'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_staff_position_id'))
        batch_op.drop_column('position_id')

    with op.batch_alter_table('position', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_position_store_id'))
        batch_op.drop_index(batch_op.f('ix_position_department_id'))

    op.drop_table('position')
