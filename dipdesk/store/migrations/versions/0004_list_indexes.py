"""Indexes for the record lists: every sortable column of the big lists, over live rows only.

The lists (`dipdesk.services.search`) show live rows (`deleted = 0`) sorted by a column with the rowid as
tiebreak. A partial index `ON table(column) WHERE deleted = 0` holds the rows in exactly that order, so
the first page is read straight off it and an OFFSET is skipped inside it: with a million people, any
sort shows its page in milliseconds instead of sorting the table. Thai names are indexed in Thai order
(a leading vowel sorts with its consonant). Also: the foreign keys the lists count or join by.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Thai names sort with a leading vowel (เ แ โ ใ ไ) moved behind its consonant: dipdesk.store.base.thai_order
# (copied here: a migration must not change when the code does).
def _thai(c: str) -> str:
    return (
        f"CASE WHEN unicode({c}) BETWEEN 3648 AND 3652 "
        f"THEN substr({c}, 2, 1) || substr({c}, 1, 1) || substr({c}, 3) ELSE {c} END"
    )


LIVE = "deleted = 0"

# Sorted lists, live rows only: (table, column). Names: ix_<table>_<column>_live.
LIVE_INDEXES = (
    ("people", "national_id"),
    ("people", "phone"),
    ("people", "email"),
    ("people", "birth_date"),
    ("people", "province_id"),
    ("enterprises", "province_id"),
    ("products", "product_type"),
    ("products", "developed_on"),
    ("service_records", "day"),
    ("service_records", "service_kind"),
)
# Thai names in Thai order, live rows only (SQLite: the expression uses its functions).
# (table, columns): sorted by the first column, then the next (a first name, then the last name).
THAI_INDEXES = (
    ("people", ("first_name_th", "last_name_th")),
    ("people", ("last_name_th", "first_name_th")),
    ("enterprises", ("name_th",)),
    ("products", ("name_th",)),
)
# Counting or finding rows by a foreign key.
FK_INDEXES = (
    ("enterprises", ("group_id",)),
    ("activities", ("program_id", "deleted")),
    ("enrollments", ("activity_id", "deleted")),
)


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, column in LIVE_INDEXES:
        op.create_index(f"ix_{table}_{column}_live", table, [column], sqlite_where=sa.text(LIVE))
    if sqlite:
        for table, columns in THAI_INDEXES:
            exprs = [sa.text(_thai(c)) for c in columns]
            op.create_index(f"ix_{table}_{columns[0]}_thai_live", table, exprs, sqlite_where=sa.text(LIVE))
    for table, columns in FK_INDEXES:
        op.create_index(f"ix_{table}_{'_'.join(columns)}", table, list(columns))


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, columns in reversed(FK_INDEXES):
        op.drop_index(f"ix_{table}_{'_'.join(columns)}", table_name=table)
    if sqlite:
        for table, columns in reversed(THAI_INDEXES):
            op.drop_index(f"ix_{table}_{columns[0]}_thai_live", table_name=table)
    for table, column in reversed(LIVE_INDEXES):
        op.drop_index(f"ix_{table}_{column}_live", table_name=table)
