"""Users administration: `users.must_change_password` (set by a password reset, cleared by the user's own
change), and indexes on `audit_entries` (user_id, at) and (table_name, at) for the audit page's "by
user" and "by kind of record" lists (newest first).

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


INDEXES = {
    "ix_audit_entries_user_id_at": ["user_id", "at"],
    "ix_audit_entries_table_name_at": ["table_name", "at"],
}
OLD_INDEX = "ix_audit_entries_user_id"  # an earlier build of this migration made it; the pair above covers it


def _indexes(table: str) -> set[str]:
    return {i["name"] for i in sa.inspect(op.get_bind()).get_indexes(table) if i["name"]}


def upgrade() -> None:
    if "must_change_password" not in _columns("users"):
        op.add_column(
            "users",
            sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()),
        )
    have = _indexes("audit_entries")
    for name, columns in INDEXES.items():
        if name not in have:
            op.create_index(name, "audit_entries", columns)
    if OLD_INDEX in have:
        op.drop_index(OLD_INDEX, "audit_entries")


def downgrade() -> None:
    have = _indexes("audit_entries")
    for name in INDEXES:
        if name in have:
            op.drop_index(name, "audit_entries")
    if "must_change_password" in _columns("users"):
        with op.batch_alter_table("users") as batch:
            batch.drop_column("must_change_password")
