"""Sites never collide: what a site names on its own is unique per site, not per country.

Two offline sites can both satisfy a global unique rule locally and break it together on the server: both
centers make their first administrator `admin`, both type program code `P-001`. The server then refused
the second site's row ("UNIQUE constraint failed: users.username") and parked everything that referred
to it. These constraints become unique per (site_id, …):

    users.username, programs.code, activities.code, groups.code, enterprises.code,
    certificate_templates.code, lab_tests.code

(each keeps a plain index on the name/code for look-ups). Serials that already carry the site code
(certificate serials, lab request/sample/report numbers) and the reference tables owned by headquarters
(provinces, sites, site_provinces) keep their global rules; the composite ones (enrollments, attendance,
activity sessions, certificates per activity/person/kind, lab specifications, enterprise members) hang off
a parent only its own site holds, so two sites cannot both create them.

Also: the table of national figures a device receives from the server (`national_figures`).

Healing a database already stuck: a create the server refused left a "!" clock marker on the device (so
the snapshot would not resend it every round). For the tables above, and for any record refused for a
unique rule, the marker is removed and the snapshot's high-water mark reset, so the next sync sends the
row again; the server (upgraded by this same migration) now accepts it and applies what it had parked
behind it. Nothing is lost: the rows never left the device.

On SQLite a UNIQUE table constraint cannot be dropped: the table is rebuilt (rowids kept, so full-text
indexes stay valid; its indexes and triggers recreated; foreign keys on throughout).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

PER_SITE = (
    ("users", "username"),
    ("programs", "code"),
    ("activities", "code"),
    ("groups", "code"),
    ("enterprises", "code"),
    ("certificate_templates", "code"),
    ("lab_tests", "code"),
)
HWM_PREFIX = "sync.hwm."  # dipdesk.sync.outbox.KEY_HWM (copied: a migration must not change with the code)
UNIQUE_REASONS = ("UNIQUE", "unique", "duplicate key")


def _rebuild_sqlite(conn: sa.Connection, table: str, column: str, old: str, new: str) -> None:
    sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type='table' AND name=?", (table,)).scalar()
    if sql is None:
        return
    pattern = re.compile(rf"CONSTRAINT {old} UNIQUE \({column}\)")
    if not pattern.search(sql):
        if f"CONSTRAINT {new} UNIQUE" in sql:
            return  # already per site
        raise RuntimeError(f"0005: {table} has no constraint {old} to replace")
    created = pattern.sub(f"CONSTRAINT {new} UNIQUE (site_id, {column})", sql, count=1)
    extras = [
        r[0]
        for r in conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE tbl_name=? AND type IN ('index','trigger') AND sql IS NOT NULL",
            (table,),
        )
    ]
    cols = ", ".join(r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({table})"))
    hold = f"_0005_{table}"
    # Foreign keys stay on (they cannot be switched off inside the migration's transaction) but are
    # checked at commit: dropping the table counts a violation per referring row, re-inserting its rows
    # under the same name takes each back, so the count is zero again by the commit.
    conn.exec_driver_sql("UPDATE alembic_version SET version_num = version_num")  # opens the transaction
    conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
    conn.exec_driver_sql(f"CREATE TEMP TABLE {hold} AS SELECT rowid AS _rowid, {cols} FROM {table}")
    conn.exec_driver_sql(f"DROP TABLE {table}")
    conn.exec_driver_sql(created)
    conn.exec_driver_sql(f"INSERT INTO {table} (rowid, {cols}) SELECT _rowid, {cols} FROM {hold}")
    conn.exec_driver_sql(f"DROP TABLE temp.{hold}")
    for ddl in extras:  # rowids were kept, so full-text indexes keyed by rowid stay right
        conn.exec_driver_sql(ddl)


def upgrade() -> None:
    conn = op.get_bind()
    sqlite = conn.dialect.name == "sqlite"
    for table, column in PER_SITE:
        old, new = f"uq_{table}_{column}", f"uq_{table}_site_id_{column}"
        if sqlite:
            _rebuild_sqlite(conn, table, column, old, new)
        else:
            op.drop_constraint(old, table, type_="unique")
            op.create_unique_constraint(new, table, ["site_id", column])
        op.create_index(f"ix_{table}_{column}", table, [column])

    # national figures received from the server (dipdesk.store.national), kept per fiscal year
    op.create_table(
        "national_figures",
        sa.Column("fiscal_year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("computed_at", sa.String(length=40), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("fiscal_year", name=op.f("pk_national_figures")),
    )

    # heal: resend the creates the server refused under the old rule (device side; no-op on the server)
    tables = [t for t, _ in PER_SITE]
    clocks = sa.table(
        "sync_field_clocks", sa.column("table_name"), sa.column("record_id"), sa.column("field")
    )
    outbox = sa.table(
        "sync_outbox", sa.column("table_name"), sa.column("record_id"), sa.column("state"), sa.column("reject_reason")
    )
    refused_unique = sa.select(outbox.c.record_id).where(
        outbox.c.state == "rejected",
        outbox.c.table_name == clocks.c.table_name,
        sa.or_(*(outbox.c.reject_reason.contains(r) for r in UNIQUE_REASONS)),
    )
    healed = conn.execute(
        sa.select(clocks.c.table_name).distinct().where(
            clocks.c.field == "!",
            sa.or_(clocks.c.table_name.in_(tables), clocks.c.record_id.in_(refused_unique)),
        )
    ).scalars().all()
    if healed:
        conn.execute(
            clocks.delete().where(
                clocks.c.field == "!",
                sa.or_(clocks.c.table_name.in_(tables), clocks.c.record_id.in_(refused_unique)),
            )
        )
        state = sa.table("local_state", sa.column("key"))
        conn.execute(state.delete().where(state.c.key.in_([HWM_PREFIX + t for t in healed])))


def downgrade() -> None:
    raise NotImplementedError("0005 is not reversible: two sites may now hold the same user name or code")
