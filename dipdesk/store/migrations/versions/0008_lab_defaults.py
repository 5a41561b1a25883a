"""The default lab catalog (reference data, `dipdesk.store.lab_defaults`) in databases made before it.

New databases get the rows from `seed_reference` (first run, enrolment, the server); this puts the same
rows, with the same fixed ids and the zero clock and no outbox row, into existing ones, once headquarters'
site row is there (else the first `seed_reference` does it). Codes or ids already present are skipped.
The rows come from the module, written through table stubs of this revision's columns only, so a later
column of `lab_tests` does not break this step.

Revision ID: 0008
Revises: 0004 (on this branch; 0007 once merged)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0005"
branch_labels = None
depends_on = None

COLUMNS = (
    "id", "site_id", "created_at", "updated_at", "deleted", "code", "name_th", "name_en", "kind", "method",
    "standard_ref", "unit", "result_type", "choices", "decimals", "lod", "upper_limit", "uncertainty",
    "uncertainty_is_percent", "accredited", "fee", "turnaround_days", "formula", "interim_fields",
)  # fmt: skip


def upgrade() -> None:
    from dipdesk.store.certificate_defaults import OWNER_SITE, ZERO_DEVICE, ZERO_STAMP
    from dipdesk.store.lab_defaults import default_test_rows

    bind = op.get_bind()
    owner = bind.execute(sa.text("SELECT id FROM sites WHERE code = :c"), {"c": OWNER_SITE}).scalar()
    if owner is None:
        return
    codes = set(bind.execute(sa.text("SELECT code FROM lab_tests")).scalars())
    ids = set(bind.execute(sa.text("SELECT id FROM lab_tests")).scalars())
    rows = [
        {k: r[k] for k in COLUMNS}
        for r in default_test_rows(owner)
        if r["code"] not in codes and r["id"] not in ids
    ]
    if not rows:
        return
    types = {
        "choices": sa.JSON(),
        "interim_fields": sa.JSON(),
        "created_at": sa.DateTime(),
        "updated_at": sa.DateTime(),
        "deleted": sa.Boolean(),
        "uncertainty_is_percent": sa.Boolean(),
        "accredited": sa.Boolean(),
        "fee": sa.Numeric(14, 2),
        "lod": sa.Float(),
        "upper_limit": sa.Float(),
        "uncertainty": sa.Float(),
        "decimals": sa.Integer(),
        "turnaround_days": sa.Integer(),
    }
    tests = sa.table("lab_tests", *(sa.column(c, types.get(c, sa.String())) for c in COLUMNS))
    op.bulk_insert(tests, rows)
    clocks = sa.table(
        "sync_field_clocks",
        sa.column("table_name"),
        sa.column("record_id"),
        sa.column("field"),
        sa.column("hlc"),
        sa.column("device_id"),
    )
    clocked = set(
        bind.execute(
            sa.text("SELECT record_id FROM sync_field_clocks WHERE table_name = 'lab_tests'")
        ).scalars()
    )
    op.bulk_insert(
        clocks,
        [
            {"table_name": "lab_tests", "record_id": r["id"], "field": "*", "hlc": ZERO_STAMP, "device_id": ZERO_DEVICE}
            for r in rows
            if r["id"] not in clocked
        ],
    )


def downgrade() -> None:
    from dipdesk.store.lab_defaults import DEFAULT_TESTS, default_test_id

    ids = [default_test_id(t["code"]) for t in DEFAULT_TESTS]
    bind = op.get_bind()
    for i in ids:
        bind.execute(sa.text("DELETE FROM sync_field_clocks WHERE table_name = 'lab_tests' AND record_id = :i"), {"i": i})
        bind.execute(sa.text("DELETE FROM lab_tests WHERE id = :i"), {"i": i})
