"""incentives: pay schemes, assessments, monthly runs and their lines, PK contests

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23

Pay schemes per position with per-person overrides; the assessment template and each month's
assessments with their per-item breakdown; pay runs with one slip per person and its lines
(never changed once the run is locked); deductions and adjustments entered for a month; PK
contests with their participants; the promotion path's levels and who holds which.
"""

import sqlalchemy as sa
from alembic import op

from opsdesk.db.base import Money

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('assessment_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('position_id', sa.Integer(), nullable=True),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('weight', sa.String(length=20), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('cap', sa.String(length=20), nullable=False),
    sa.Column('default_target', sa.String(length=30), nullable=False),
    sa.Column('sort', sa.Integer(), nullable=False),
    sa.CheckConstraint("source IN ('auto', 'manual')", name=op.f('ck_assessment_item_source')),
    sa.ForeignKeyConstraint(['position_id'], ['position.id'], name=op.f('fk_assessment_item_position_id_position')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_assessment_item_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment_item')),
    sa.UniqueConstraint('store_id', 'position_id', 'code', name=op.f('uq_assessment_item_store_id_position_id_code'))
    )
    with op.batch_alter_table('assessment_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessment_item_position_id'), ['position_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessment_item_store_id'), ['store_id'], unique=False)

    op.create_table('promotion_level',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.Column('months', sa.Integer(), nullable=True),
    sa.Column('min_attainment', sa.String(length=20), nullable=True),
    sa.Column('min_new_members', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_promotion_level_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_promotion_level')),
    sa.UniqueConstraint('store_id', 'code', name=op.f('uq_promotion_level_store_id_code')),
    sa.UniqueConstraint('store_id', 'rank', name=op.f('uq_promotion_level_store_id_rank'))
    )
    with op.batch_alter_table('promotion_level', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_promotion_level_store_id'), ['store_id'], unique=False)

    op.create_table('assessment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('score', sa.String(length=20), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_assessment_staff_id_staff')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_assessment_store_id_store')),
    sa.ForeignKeyConstraint(['updated_by'], ['staff.id'], name=op.f('fk_assessment_updated_by_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment')),
    sa.UniqueConstraint('store_id', 'staff_id', 'year', 'month', name=op.f('uq_assessment_store_id_staff_id_year_month'))
    )
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessment_store_id'), ['store_id'], unique=False)

    op.create_table('contest',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('metric', sa.String(length=12), nullable=False),
    sa.Column('date_from', sa.Date(), nullable=False),
    sa.Column('date_to', sa.Date(), nullable=False),
    sa.Column('teams', sa.Boolean(), nullable=False),
    sa.Column('prizes', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.CheckConstraint("metric IN ('visits', 'deals', 'revenue', 'new_members')", name=op.f('ck_contest_metric')),
    sa.CheckConstraint('date_from <= date_to', name=op.f('ck_contest_period')),
    sa.ForeignKeyConstraint(['created_by'], ['staff.id'], name=op.f('fk_contest_created_by_staff')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_contest_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contest'))
    )
    with op.batch_alter_table('contest', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contest_store_id'), ['store_id'], unique=False)

    op.create_table('pay_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('amount', Money(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('source', sa.String(length=60), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('deduction', 'adjustment')", name=op.f('ck_pay_entry_kind')),
    sa.CheckConstraint('amount <> 0', name=op.f('ck_pay_entry_amount')),
    sa.CheckConstraint('month BETWEEN 1 AND 12', name=op.f('ck_pay_entry_month')),
    sa.ForeignKeyConstraint(['created_by'], ['staff.id'], name=op.f('fk_pay_entry_created_by_staff')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_pay_entry_staff_id_staff')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_pay_entry_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pay_entry'))
    )
    with op.batch_alter_table('pay_entry', schema=None) as batch_op:
        batch_op.create_index('ix_pay_entry_month', ['store_id', 'year', 'month'], unique=False)

    op.create_table('pay_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('total', Money(), nullable=False),
    sa.Column('slips', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('locked_at', sa.DateTime(), nullable=True),
    sa.Column('locked_by', sa.Integer(), nullable=True),
    sa.CheckConstraint("(status = 'locked') = (locked_at IS NOT NULL)", name=op.f('ck_pay_run_locked_at')),
    sa.CheckConstraint("status IN ('draft', 'locked')", name=op.f('ck_pay_run_status')),
    sa.CheckConstraint('month BETWEEN 1 AND 12', name=op.f('ck_pay_run_month')),
    sa.ForeignKeyConstraint(['created_by'], ['staff.id'], name=op.f('fk_pay_run_created_by_staff')),
    sa.ForeignKeyConstraint(['locked_by'], ['staff.id'], name=op.f('fk_pay_run_locked_by_staff')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_pay_run_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pay_run')),
    sa.UniqueConstraint('store_id', 'year', 'month', name=op.f('uq_pay_run_store_id_year_month'))
    )
    with op.batch_alter_table('pay_run', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pay_run_store_id'), ['store_id'], unique=False)

    op.create_table('pay_scheme',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('position_id', sa.Integer(), nullable=True),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('base_pay', Money(), nullable=True),
    sa.Column('responsibility_pay', Money(), nullable=True),
    sa.Column('performance_base', Money(), nullable=True),
    sa.Column('performance_cap', sa.String(length=20), nullable=True),
    sa.Column('commission', sa.Text(), nullable=True),
    sa.Column('new_member_bonus', Money(), nullable=True),
    sa.Column('mentor', sa.Text(), nullable=True),
    sa.Column('annual_bonus_share', sa.String(length=20), nullable=True),
    sa.Column('annual_bonus_month', sa.Integer(), nullable=True),
    sa.Column('overridden', sa.String(length=300), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.Integer(), nullable=True),
    sa.CheckConstraint('(position_id IS NULL) <> (staff_id IS NULL)', name=op.f('ck_pay_scheme_owner')),
    sa.CheckConstraint('annual_bonus_month IS NULL OR annual_bonus_month BETWEEN 1 AND 12', name=op.f('ck_pay_scheme_annual_bonus_month')),
    sa.ForeignKeyConstraint(['position_id'], ['position.id'], name=op.f('fk_pay_scheme_position_id_position')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_pay_scheme_staff_id_staff')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_pay_scheme_store_id_store')),
    sa.ForeignKeyConstraint(['updated_by'], ['staff.id'], name=op.f('fk_pay_scheme_updated_by_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pay_scheme')),
    sa.UniqueConstraint('store_id', 'position_id', name=op.f('uq_pay_scheme_store_id_position_id')),
    sa.UniqueConstraint('store_id', 'staff_id', name=op.f('uq_pay_scheme_store_id_staff_id'))
    )
    with op.batch_alter_table('pay_scheme', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pay_scheme_store_id'), ['store_id'], unique=False)

    op.create_table('staff_level',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('level_code', sa.String(length=40), nullable=False),
    sa.Column('since', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_staff_level_staff_id_staff')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_staff_level_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_level')),
    sa.UniqueConstraint('store_id', 'staff_id', name=op.f('uq_staff_level_store_id_staff_id'))
    )
    op.create_table('assessment_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('weight', sa.String(length=20), nullable=False),
    sa.Column('cap', sa.String(length=20), nullable=False),
    sa.Column('target', sa.String(length=30), nullable=True),
    sa.Column('actual', sa.String(length=30), nullable=True),
    sa.Column('score', sa.String(length=20), nullable=True),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_assessment_line_assessment_id_assessment')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_assessment_line_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment_line')),
    sa.UniqueConstraint('assessment_id', 'code', name=op.f('uq_assessment_line_assessment_id_code'))
    )
    op.create_table('contest_participant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('contest_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('team', sa.String(length=60), nullable=False),
    sa.ForeignKeyConstraint(['contest_id'], ['contest.id'], name=op.f('fk_contest_participant_contest_id_contest')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_contest_participant_staff_id_staff')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_contest_participant_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contest_participant')),
    sa.UniqueConstraint('contest_id', 'staff_id', name=op.f('uq_contest_participant_contest_id_staff_id'))
    )
    op.create_table('pay_slip',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('staff_name', sa.String(length=60), nullable=False),
    sa.Column('position', sa.String(length=60), nullable=False),
    sa.Column('department', sa.String(length=60), nullable=False),
    sa.Column('total', Money(), nullable=False),
    sa.Column('days_employed', sa.Integer(), nullable=False),
    sa.Column('days_in_month', sa.Integer(), nullable=False),
    sa.Column('assessment_score', sa.String(length=20), nullable=True),
    sa.Column('attainment', sa.String(length=30), nullable=True),
    sa.Column('commission_carry_out', Money(), nullable=False),
    sa.Column('annual_accrual', Money(), nullable=False),
    sa.Column('annual_accrued_to_date', Money(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['pay_run.id'], name=op.f('fk_pay_slip_run_id_pay_run')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_pay_slip_staff_id_staff')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_pay_slip_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pay_slip')),
    sa.UniqueConstraint('run_id', 'staff_id', name=op.f('uq_pay_slip_run_id_staff_id'))
    )
    with op.batch_alter_table('pay_slip', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pay_slip_staff_id'), ['staff_id'], unique=False)

    op.create_table('pay_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('slip_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('amount', Money(), nullable=False),
    sa.Column('basis', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['pay_run.id'], name=op.f('fk_pay_line_run_id_pay_run')),
    sa.ForeignKeyConstraint(['slip_id'], ['pay_slip.id'], name=op.f('fk_pay_line_slip_id_pay_slip')),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], name=op.f('fk_pay_line_store_id_store')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pay_line')),
    sa.UniqueConstraint('slip_id', 'seq', name=op.f('uq_pay_line_slip_id_seq'))
    )
    with op.batch_alter_table('pay_line', schema=None) as batch_op:
        batch_op.create_index('ix_pay_line_run', ['run_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('pay_line', schema=None) as batch_op:
        batch_op.drop_index('ix_pay_line_run')

    op.drop_table('pay_line')
    with op.batch_alter_table('pay_slip', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pay_slip_staff_id'))

    op.drop_table('pay_slip')
    op.drop_table('contest_participant')
    op.drop_table('assessment_line')
    op.drop_table('staff_level')
    with op.batch_alter_table('pay_scheme', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pay_scheme_store_id'))

    op.drop_table('pay_scheme')
    with op.batch_alter_table('pay_run', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pay_run_store_id'))

    op.drop_table('pay_run')
    with op.batch_alter_table('pay_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_pay_entry_month')

    op.drop_table('pay_entry')
    with op.batch_alter_table('contest', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contest_store_id'))

    op.drop_table('contest')
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessment_store_id'))

    op.drop_table('assessment')
    with op.batch_alter_table('promotion_level', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_promotion_level_store_id'))

    op.drop_table('promotion_level')
    with op.batch_alter_table('assessment_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessment_item_store_id'))
        batch_op.drop_index(batch_op.f('ix_assessment_item_position_id'))

    op.drop_table('assessment_item')
