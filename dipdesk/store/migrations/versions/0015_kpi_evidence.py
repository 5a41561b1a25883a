"""The dashboard's evidence share kept by triggers too (dipdesk.store.reach: `outcomes` and
`value_backed` counters, triggers on outcome_evidence).

The evidence share summed every outcome of the year in Python: 0.4 s at a million people, every time the
dashboard opened. The kept figures are recounted here (SQLite only; derived data, rebuilt by
`dipdesk check --repair`).

Revision ID: 0015
Revises: 0010 (the chain runs 0009, 0014, 0012, 0013, 0011, 0010)
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from dipdesk.store import reach

    reach.rebuild(op.get_bind())


def downgrade() -> None:
    # the 0014 triggers cannot be told apart from these by name: the recount installs the current ones
    pass
