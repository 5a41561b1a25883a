"""merges: one person or enterprise nationally (SYNC.md guarantee 13, `dipdesk.store.merges`); lab
specifications unique per site.

A synced table of merges (merged id → kept id, the alias) on the device and the server alike. Creates
only what is missing (a database that has the table already is left alone).

Lab specifications: (product type, test) was unique in the country. Since the labs work with the tests
every installation ships (STD-…, the same ids everywhere), two labs offline both define "moisture for
dried fruit" and the server refused the second: it becomes unique per (site, product type, test), like the
codes of 0005, and a device whose specification the server refused sends it again on its next sync.

Revision ID: 0014
Revises: 0009
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0009"
branch_labels = None
depends_on = None


SPEC_OLD = "uq_lab_specifications_product_type_test_id"
SPEC_NEW = "uq_lab_specifications_site_id_product_type_test_id"
HWM_PREFIX = "sync.hwm."  # dipdesk.sync.outbox.KEY_HWM (copied: a migration must not change with the code)
UNIQUE_REASONS = ("UNIQUE", "unique", "duplicate key")


def _specs_per_site(conn: sa.Connection) -> None:
    if conn.dialect.name != "sqlite":
        names = {u["name"] for u in sa.inspect(conn).get_unique_constraints("lab_specifications")}
        if SPEC_OLD in names:
            op.drop_constraint(SPEC_OLD, "lab_specifications", type_="unique")
        if SPEC_NEW not in names:
            op.create_unique_constraint(SPEC_NEW, "lab_specifications", ["site_id", "product_type", "test_id"])
        return
    table = "lab_specifications"
    sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type='table' AND name=?", (table,)).scalar()
    pattern = re.compile(rf"CONSTRAINT {SPEC_OLD} UNIQUE \(product_type, test_id\)")
    if sql is None or not pattern.search(sql):
        return  # already per site
    created = pattern.sub(f"CONSTRAINT {SPEC_NEW} UNIQUE (site_id, product_type, test_id)", sql, count=1)
    extras = [
        r[0]
        for r in conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE tbl_name=? AND type IN ('index','trigger') AND sql IS NOT NULL",
            (table,),
        )
    ]
    cols = ", ".join(r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({table})"))
    hold = f"_0014_{table}"
    # as in 0005: foreign keys stay on, checked at commit; rowids kept
    conn.exec_driver_sql("UPDATE alembic_version SET version_num = version_num")  # opens the transaction
    conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
    conn.exec_driver_sql(f"CREATE TEMP TABLE {hold} AS SELECT rowid AS _rowid, {cols} FROM {table}")
    conn.exec_driver_sql(f"DROP TABLE {table}")
    conn.exec_driver_sql(created)
    conn.exec_driver_sql(f"INSERT INTO {table} (rowid, {cols}) SELECT _rowid, {cols} FROM {hold}")
    conn.exec_driver_sql(f"DROP TABLE temp.{hold}")
    for ddl in extras:
        conn.exec_driver_sql(ddl)
    # heal: the specifications the server refused under the old rule are sent again (device side)
    clocks = sa.table("sync_field_clocks", sa.column("table_name"), sa.column("record_id"), sa.column("field"))
    outbox = sa.table(
        "sync_outbox", sa.column("table_name"), sa.column("record_id"), sa.column("state"), sa.column("reject_reason")
    )
    refused = sa.select(outbox.c.record_id).where(
        outbox.c.state == "rejected",
        outbox.c.table_name == table,
        sa.or_(*(outbox.c.reject_reason.contains(r) for r in UNIQUE_REASONS)),
    )
    marked = clocks.c.table_name == table
    gone = conn.execute(clocks.delete().where(marked, clocks.c.field == "!", clocks.c.record_id.in_(refused)))
    if gone.rowcount:
        state = sa.table("local_state", sa.column("key"))
        conn.execute(state.delete().where(state.c.key == HWM_PREFIX + table))


def upgrade() -> None:
    bind = op.get_bind()
    _specs_per_site(bind)
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
