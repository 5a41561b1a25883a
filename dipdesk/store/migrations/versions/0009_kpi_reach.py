"""The dashboard's reach, kept by triggers (dipdesk.store.reach): kpi_lines, kpi_reach, kpi_counts.

Counting distinct people over a million enrollments took the dashboard tens of seconds; the triggers keep
the counts up to date in the same transaction as every change, and this migration counts what is already
there. SQLite only (the server's PostgreSQL recounts). Derived data: never synced, rebuilt by
`dipdesk check --repair`.

Revision ID: 0009
Revises: 0004 (0008 once the migrations 0005..0008 of the other branches land: the coordinator sets it)
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    import sqlalchemy as sa

    from dipdesk.store import reach

    bind = op.get_bind()
    # The reach's current triggers also read outcome_evidence (0015), which 0011 creates: a database
    # made from scratch gets its reach from 0015; one already past 0009 was counted here.
    if "outcome_evidence" in sa.inspect(bind).get_table_names():
        reach.rebuild(bind)


def downgrade() -> None:
    from dipdesk.store import reach

    if op.get_bind().dialect.name == "sqlite":
        reach.drop(op.get_bind())
