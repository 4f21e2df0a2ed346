"""sales process: pipeline stages, offers, stage history, visits, follow-up rules and tasks

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24

``followup_task.done_visit_id`` and ``visit.task_id`` point at each other; the task table is
created first and its foreign key to ``visit`` added once ``visit`` exists, which PostgreSQL
requires (SQLite would accept it inline). ``ix_sale_customer_at`` serves the follow-up
generator's per-customer purchase days.
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('followup_rule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('offsets', sa.String(length=100), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_followup_rule_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_followup_rule')),
    sa.UniqueConstraint('store_id', 'kind', name=op.f('uq_followup_rule_store_id_kind'))
    )
    op.create_table('offer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('price_text', sa.Text(), nullable=False),
    sa.Column('gifts', sa.Text(), nullable=False),
    sa.Column('privileges', sa.Text(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('sort', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("stage IN ('lead', 'target', 'qualified', 'customer', 'repeat')", name=op.f('ck_offer_stage')),
    sa.CheckConstraint('valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to', name=op.f('ck_offer_valid_dates')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_offer_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_offer'))
    )
    with op.batch_alter_table('offer', schema=None) as batch_op:
        batch_op.create_index('ix_offer_store_stage', ['store_id', 'stage', 'sort'], unique=False)

    op.create_table('pipeline_stage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('goal', sa.Text(), nullable=False),
    sa.Column('script', sa.Text(), nullable=False),
    sa.Column('sort', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("code IN ('lead', 'target', 'qualified', 'customer', 'repeat')", name=op.f('ck_pipeline_stage_code')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_pipeline_stage_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pipeline_stage')),
    sa.UniqueConstraint('store_id', 'code', name=op.f('uq_pipeline_stage_store_id_code'))
    )
    with op.batch_alter_table('pipeline_stage', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pipeline_stage_store_id'), ['store_id'], unique=False)

    op.create_table('followup_task',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('rule', sa.String(length=20), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('queue_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('snoozed_until', sa.Date(), nullable=True),
    sa.Column('done_visit_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("(status = 'done') = (done_visit_id IS NOT NULL)", name=op.f('ck_followup_task_done_visit')),
    sa.CheckConstraint("status IN ('open', 'done', 'snoozed', 'cancelled')", name=op.f('ck_followup_task_status')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_followup_task_customer_id_customer')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_followup_task_staff_id_staff')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_followup_task_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_followup_task')),
    sa.UniqueConstraint('store_id', 'key', name=op.f('uq_followup_task_store_id_key'))
    )
    with op.batch_alter_table('followup_task', schema=None) as batch_op:
        batch_op.create_index('ix_followup_task_customer', ['customer_id', 'status'], unique=False)
        batch_op.create_index('ix_followup_task_staff_queue', ['staff_id', 'status', 'queue_on', 'id'], unique=False)
        batch_op.create_index('ix_followup_task_store_queue', ['store_id', 'status', 'queue_on', 'id'], unique=False)

    op.create_table('stage_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('from_stage', sa.String(length=12), nullable=True),
    sa.Column('to_stage', sa.String(length=12), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('override', sa.Boolean(), nullable=False),
    sa.CheckConstraint("source IN ('manual', 'visit', 'purchase')", name=op.f('ck_stage_change_source')),
    sa.CheckConstraint("to_stage IN ('lead', 'target', 'qualified', 'customer', 'repeat')", name=op.f('ck_stage_change_to_stage')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_stage_change_customer_id_customer')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_stage_change_staff_id_staff')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_stage_change_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stage_change'))
    )
    with op.batch_alter_table('stage_change', schema=None) as batch_op:
        batch_op.create_index('ix_stage_change_customer', ['customer_id', 'at', 'id'], unique=False)
        batch_op.create_index('ix_stage_change_store_at', ['store_id', 'at'], unique=False)

    op.create_table('visit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('type', sa.String(length=12), nullable=False),
    sa.Column('effective', sa.Boolean(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('new_stage', sa.String(length=12), nullable=True),
    sa.Column('next_followup_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('is_second_follow_up', sa.Boolean(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=True),
    sa.Column('logged_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("new_stage IS NULL OR new_stage IN ('lead', 'target', 'qualified', 'customer', 'repeat')", name=op.f('ck_visit_new_stage')),
    sa.CheckConstraint("type IN ('call', 'meeting', 'store_visit', 'wechat')", name=op.f('ck_visit_type')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_visit_customer_id_customer')),
    sa.ForeignKeyConstraint(['logged_by'], ['staff.id'], name=op.f('fk_visit_logged_by_staff')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_visit_staff_id_staff')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_visit_store_id_store')),
    sa.ForeignKeyConstraint(['task_id'], ['followup_task.id'], name=op.f('fk_visit_task_id_followup_task')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit'))
    )
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.create_index('ix_visit_customer_at', ['customer_id', 'at', 'id'], unique=False)
        batch_op.create_index('ix_visit_staff_at', ['staff_id', 'at', 'id'], unique=False)
        batch_op.create_index('ix_visit_store_at', ['store_id', 'at', 'id'], unique=False)

    with op.batch_alter_table('followup_task', schema=None) as batch_op:
        batch_op.create_foreign_key('fk_followup_task_done_visit_id_visit', 'visit',
                                    ['done_visit_id'], ['id'])

    with op.batch_alter_table('sale', schema=None) as batch_op:
        batch_op.create_index('ix_sale_customer_at', ['customer_id', 'at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sale', schema=None) as batch_op:
        batch_op.drop_index('ix_sale_customer_at')

    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_index('ix_visit_store_at')
        batch_op.drop_index('ix_visit_staff_at')
        batch_op.drop_index('ix_visit_customer_at')

    with op.batch_alter_table('followup_task', schema=None) as batch_op:
        batch_op.drop_constraint('fk_followup_task_done_visit_id_visit', type_='foreignkey')

    op.drop_table('visit')
    with op.batch_alter_table('stage_change', schema=None) as batch_op:
        batch_op.drop_index('ix_stage_change_store_at')
        batch_op.drop_index('ix_stage_change_customer')

    op.drop_table('stage_change')
    with op.batch_alter_table('followup_task', schema=None) as batch_op:
        batch_op.drop_index('ix_followup_task_store_queue')
        batch_op.drop_index('ix_followup_task_staff_queue')
        batch_op.drop_index('ix_followup_task_customer')

    op.drop_table('followup_task')
    with op.batch_alter_table('pipeline_stage', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pipeline_stage_store_id'))

    op.drop_table('pipeline_stage')
    with op.batch_alter_table('offer', schema=None) as batch_op:
        batch_op.drop_index('ix_offer_store_stage')

    op.drop_table('offer')
    op.drop_table('followup_rule')
