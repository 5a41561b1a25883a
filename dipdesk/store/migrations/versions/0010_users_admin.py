"""Users administration: `users.must_change_password` (set by a password reset, cleared by the user's own
change), and an index on `audit_entries.user_id` for the audit page's "by user" filter.

A plain ADD COLUMN with a false default and a CREATE INDEX, each skipped when already there (a database
that met an earlier build of this migration), on SQLite and on the server's PostgreSQL alike.

Revision ID: 0010
Revises: 0011 (the head when it landed; 0010 was its number when written)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0011"
branch_labels = None
depends_on = None


def _columns(table: str) -> set[str]:
    return {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}


INDEX = "ix_audit_entries_user_id"


def _indexes(table: str) -> set[str]:
    return {i["name"] for i in sa.inspect(op.get_bind()).get_indexes(table) if i["name"]}


def upgrade() -> None:
    if "must_change_password" not in _columns("users"):
        op.add_column(
            "users",
            sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()),
        )
    if INDEX not in _indexes("audit_entries"):
        op.create_index(INDEX, "audit_entries", ["user_id"])


def downgrade() -> None:
    if INDEX in _indexes("audit_entries"):
        op.drop_index(INDEX, "audit_entries")
    if "must_change_password" in _columns("users"):
        with op.batch_alter_table("users") as batch:
            batch.drop_column("must_change_password")
