"""sync: the device outbox, field clocks, conflicts, parked changes and history, and the central server's
devices, enrolment codes, change log, rejections and content-addressed files (SYNC.md).

One migration for both sides: a device's database simply has empty server tables and vice versa. Works on
SQLite (devices, the embedded server) and PostgreSQL (the central server).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLES = (
    "srv_file_chunks",
    "srv_enrol_codes",
    "srv_devices",
    "sync_parked",
    "sync_outbox",
    "sync_history",
    "sync_field_clocks",
    "sync_conflicts",
    "srv_rejections",
    "srv_files",
    "srv_changes",
)


def upgrade() -> None:
    op.create_table('srv_changes',
    sa.Column('server_seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('site_id', sa.String(length=36), nullable=True),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('hlc', sa.String(length=80), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('server_seq', name=op.f('pk_srv_changes'))
    )
    with op.batch_alter_table('srv_changes', schema=None) as batch_op:
        batch_op.create_index('ix_srv_changes_site_id_server_seq', ['site_id', 'server_seq'], unique=False)
        batch_op.create_index('ix_srv_changes_table_name_record_id', ['table_name', 'record_id'], unique=False)

    op.create_table('srv_files',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('total', sa.BigInteger(), nullable=False),
    sa.Column('received', sa.BigInteger(), nullable=False),
    sa.Column('complete', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_srv_files'))
    )
    op.create_table('srv_rejections',
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('device_id', 'seq', name=op.f('pk_srv_rejections'))
    )
    op.create_table('sync_conflicts',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('site_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=60), nullable=False),
    sa.Column('kept_value', sa.Text(), nullable=False),
    sa.Column('other_value', sa.Text(), nullable=False),
    sa.Column('kept_hlc', sa.String(length=80), nullable=False),
    sa.Column('other_hlc', sa.String(length=80), nullable=False),
    sa.Column('kept_device', sa.String(length=36), nullable=False),
    sa.Column('other_device', sa.String(length=36), nullable=False),
    sa.Column('kept_user', sa.String(length=36), nullable=True),
    sa.Column('other_user', sa.String(length=36), nullable=True),
    sa.Column('detected_at', sa.DateTime(), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('resolved_by', sa.String(length=36), nullable=True),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflicts'))
    )
    with op.batch_alter_table('sync_conflicts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_conflicts_record_id'), ['record_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sync_conflicts_site_id'), ['site_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sync_conflicts_state'), ['state'], unique=False)

    op.create_table('sync_field_clocks',
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=60), nullable=False),
    sa.Column('hlc', sa.String(length=80), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('table_name', 'record_id', 'field', name=op.f('pk_sync_field_clocks'))
    )
    op.create_table('sync_history',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('pushed', sa.Integer(), nullable=False),
    sa.Column('pulled', sa.Integer(), nullable=False),
    sa.Column('rejected', sa.Integer(), nullable=False),
    sa.Column('conflicts', sa.Integer(), nullable=False),
    sa.Column('bytes_up', sa.BigInteger(), nullable=False),
    sa.Column('bytes_down', sa.BigInteger(), nullable=False),
    sa.Column('round_trips', sa.Integer(), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_history'))
    )
    with op.batch_alter_table('sync_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_history_started_at'), ['started_at'], unique=False)

    op.create_table('sync_outbox',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('op', sa.String(length=1), nullable=False),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('base', sa.JSON(), nullable=False),
    sa.Column('hlc', sa.String(length=80), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('reject_reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_sync_outbox')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('sync_outbox', schema=None) as batch_op:
        batch_op.create_index('ix_sync_outbox_state_seq', ['state', 'seq'], unique=False)

    op.create_table('sync_parked',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('op', sa.String(length=1), nullable=False),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('base', sa.JSON(), nullable=False),
    sa.Column('hlc', sa.String(length=80), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('site_id', sa.String(length=36), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_parked'))
    )
    with op.batch_alter_table('sync_parked', schema=None) as batch_op:
        batch_op.create_index('ix_sync_parked_table_name_record_id', ['table_name', 'record_id'], unique=False)

    op.create_table('srv_devices',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('site_id', sa.String(length=36), nullable=False),
    sa.Column('secret_hash', sa.String(length=64), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('last_seq', sa.BigInteger(), nullable=False),
    sa.Column('enrolled_at', sa.DateTime(), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(), nullable=True),
    sa.Column('revoked', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_srv_devices_site_id_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_srv_devices'))
    )
    with op.batch_alter_table('srv_devices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_srv_devices_site_id'), ['site_id'], unique=False)

    op.create_table('srv_enrol_codes',
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('site_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=True),
    sa.Column('device_id', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_srv_enrol_codes_site_id_sites')),
    sa.PrimaryKeyConstraint('code_hash', name=op.f('pk_srv_enrol_codes'))
    )
    op.create_table('srv_file_chunks',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('offset', sa.BigInteger(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['sha256'], ['srv_files.sha256'], name=op.f('fk_srv_file_chunks_sha256_srv_files')),
    sa.PrimaryKeyConstraint('sha256', 'offset', name=op.f('pk_srv_file_chunks'))
    )


def downgrade() -> None:
    for table in TABLES:
        op.drop_table(table)
