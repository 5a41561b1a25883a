"""The lab's quality records (issue 15): instruments and their calibrations, worksheets, QC results and
control materials, retention and disposal, payments, the local e-mail queue; and on ``lab_analyses`` the
instrument, the worksheet and the calibration override.

Creates only what is missing, so it runs on any older database (and again on one that has some of it).
The new tables are created from the models of this release; a later release that changes one of them adds
its own migration as usual.

Revision ID: 0012
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0014"
branch_labels = None
depends_on = None

NEW_TABLES = (
    "lab_instruments",
    "lab_instrument_events",
    "lab_worksheets",
    "lab_control_materials",
    "lab_qc_results",
    "lab_retention",
    "lab_disposals",
    "lab_payments",
    "lab_deliveries",
)


def _analysis_columns() -> list[sa.Column[object]]:
    return [
        sa.Column(
            "instrument_id",
            sa.String(36),
            sa.ForeignKey("lab_instruments.id", name="fk_lab_analyses_instrument_id_lab_instruments"),
            nullable=True,
        ),
        sa.Column(
            "worksheet_id",
            sa.String(36),
            sa.ForeignKey("lab_worksheets.id", name="fk_lab_analyses_worksheet_id_lab_worksheets"),
            nullable=True,
        ),
        sa.Column("override_reason", sa.String(300), nullable=False, server_default=""),
        sa.Column(
            "override_by",
            sa.String(36),
            sa.ForeignKey("users.id", name="fk_lab_analyses_override_by_users"),
            nullable=True,
        ),
    ]


def upgrade() -> None:
    from dipdesk.store import models

    bind = op.get_bind()
    present = set(sa.inspect(bind).get_table_names())
    for name in NEW_TABLES:
        if name not in present:
            models.Base.metadata.tables[name].create(bind)
    have = {c["name"] for c in sa.inspect(bind).get_columns("lab_analyses")}
    missing = [c for c in _analysis_columns() if c.name not in have]
    for column in missing:
        if bind.dialect.name == "sqlite":
            # SQLite adds a column with its REFERENCES clause in place (no table copy: the column's
            # default is NULL); alembic would want a batch copy of the whole table for the constraint
            ddl = sa.schema.CreateColumn(column).compile(dialect=bind.dialect)
            fk = next(iter(column.foreign_keys), None)
            ref = f" REFERENCES {fk.target_fullname.replace('.', ' (')})" if fk is not None else ""
            op.execute(f"ALTER TABLE lab_analyses ADD COLUMN {ddl}{ref}")
        else:
            op.add_column("lab_analyses", column)
    indexes = {i["name"] for i in sa.inspect(bind).get_indexes("lab_analyses")}
    if "ix_lab_analyses_worksheet_id" not in indexes:
        op.create_index("ix_lab_analyses_worksheet_id", "lab_analyses", ["worksheet_id"])


def downgrade() -> None:
    for name in reversed(NEW_TABLES):
        op.drop_table(name)
