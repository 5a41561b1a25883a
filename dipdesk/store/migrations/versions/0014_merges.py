"""merges: one person or enterprise nationally (SYNC.md guarantee 13, `dipdesk.store.merges`).

A synced table of merges (merged id → kept id, the alias) on the device and the server alike. Creates
only what is missing (a database that has the table already is left alone).

Revision ID: 0014
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if sa.inspect(bind).has_table("merges"):
        return
    op.create_table(
        "merges",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("kept_id", sa.String(length=36), nullable=False),
        sa.Column("merged_id", sa.String(length=36), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("decided_by", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_merges_site_id_sites")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merges")),
    )
    op.create_index(op.f("ix_merges_kept_id"), "merges", ["kept_id"], unique=False)
    op.create_index(op.f("ix_merges_merged_id"), "merges", ["merged_id"], unique=False)
    op.create_index(op.f("ix_merges_site_id"), "merges", ["site_id"], unique=False)


def downgrade() -> None:
    op.drop_table("merges")
