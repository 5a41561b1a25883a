"""Follow-ups after activities and the evidence behind outcomes (issue 14): `followups`,
`outcome_evidence`.

Creates only what is missing, so it runs on any older database (and again on one that has some of it).
The tables are created from the models of this release.

Revision ID: 0011
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0013"
branch_labels = None
depends_on = None

NEW_TABLES = ("followups", "outcome_evidence")


def upgrade() -> None:
    from dipdesk.store import models

    bind = op.get_bind()
    present = set(sa.inspect(bind).get_table_names())
    for name in NEW_TABLES:
        if name not in present:
            table = models.Base.metadata.tables[name]
            table.create(bind)  # with its indexes


def downgrade() -> None:
    bind = op.get_bind()
    present = set(sa.inspect(bind).get_table_names())
    for name in reversed(NEW_TABLES):
        if name in present:
            op.drop_table(name)
