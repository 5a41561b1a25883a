"""Thai substring search over people and enterprises (SQLite FTS5, trigram tokenizer).

Thai has no spaces between words, so word tokenizers cannot find a surname fragment; the trigram
tokenizer matches any substring of three or more characters. Triggers keep the index current, so every
write path (services, imports, sync) updates it in the same transaction. Other back ends skip this.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_PEOPLE_TEXT = (
    "coalesce({r}.prefix,'') || ' ' || coalesce({r}.first_name_th,'') || ' ' || coalesce({r}.last_name_th,'')"
    " || ' ' || coalesce({r}.first_name_en,'') || ' ' || coalesce({r}.last_name_en,'')"
    " || ' ' || coalesce({r}.phone,'') || ' ' || coalesce({r}.email,'')"
)
_ENTERPRISE_TEXT = (
    "coalesce({r}.code,'') || ' ' || coalesce({r}.name_th,'') || ' ' || coalesce({r}.name_en,'')"
    " || ' ' || coalesce({r}.registration_id,'')"
)


def _fts(table: str, text: str) -> list[str]:
    fts = f"{table}_fts"
    new, old = text.format(r="new"), text.format(r="old")
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5(body, tokenize='trigram')",
        f"INSERT INTO {fts}(rowid, body) SELECT rowid, {text.format(r=table)} FROM {table}",
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, body) VALUES (new.rowid, {new}); END",
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN DELETE FROM {fts} WHERE rowid = old.rowid; END",
        f"CREATE TRIGGER {fts}_au AFTER UPDATE ON {table} WHEN ({old}) IS NOT ({new}) BEGIN "
        f"UPDATE {fts} SET body = {new} WHERE rowid = new.rowid; END",
    ]


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for stmt in _fts("people", _PEOPLE_TEXT) + _fts("enterprises", _ENTERPRISE_TEXT):
        op.execute(stmt)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in ("people", "enterprises"):
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {table}_fts")
