"""The server remembers which site uploaded each file (`srv_files.site_id`): a device fetches only files of
its own site or files a record it holds refers to (issue 17). Files uploaded before keep no site and are
served by reference only. Idempotent: adds the column only where it is missing.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    insp = sa.inspect(bind)
    if "srv_files" not in insp.get_table_names():
        return
    if "site_id" not in {c["name"] for c in insp.get_columns("srv_files")}:
        with op.batch_alter_table("srv_files") as batch:
            batch.add_column(sa.Column("site_id", sa.String(36), nullable=True))


def downgrade() -> None:
    bind = op.get_bind()
    if "site_id" in {c["name"] for c in sa.inspect(bind).get_columns("srv_files")}:
        with op.batch_alter_table("srv_files") as batch:
            batch.drop_column("site_id")
