"""Declarative base and the columns every synced record carries.

Every record that travels between devices and the central server has a UUID made on the device, created
and updated stamps (UTC), the owning site, and a soft-delete flag (nothing is ever hard-deleted), so the
sync layer can capture and merge changes without reshaping tables.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, MetaData, Numeric, String, false, text
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A device-made key: random UUID4 as text (readable in the CLI, JSON and both back ends)."""
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """Naive UTC timestamp (SQLite keeps no zone; everything stored is UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


Money = Numeric(14, 2, asdecimal=True)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {  # noqa: RUF012 (SQLAlchemy reads this class attribute)
        datetime: DateTime(),
        Decimal: Money,
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }


def thai_order(column: str) -> str:
    """SQL for a Thai text column in dictionary order's first rule: a leading vowel (เ แ โ ใ ไ, written
    before its consonant) sorts with that consonant, so เกศินี comes among the ก names, not after ฮ.

    SQLite compares code points, which would put every name that starts with a leading vowel after all
    the others. Swapping the vowel behind the consonant fixes the order for the lists; indexes on this
    very expression (`thai_indexes`) keep sorting by it instant.
    """
    c = column
    return (
        f"CASE WHEN unicode({c}) BETWEEN 3648 AND 3652 "
        f"THEN substr({c}, 2, 1) || substr({c}, 1, 1) || substr({c}, 3) ELSE {c} END"
    )


LIVE = "deleted = 0"


def list_indexes(table: str, *columns: str) -> tuple[Index, ...]:
    """Indexes of live rows (`WHERE deleted = 0`) on each column, for the record lists (migration 0006).

    A list (`services.search`) shows live rows sorted by a column with the rowid as tiebreak; a partial
    index over live rows holds exactly that order, so the first page is read straight off it and an
    OFFSET is skipped inside it. Partial rather than `(deleted, column)`: with `deleted` as a leading
    column SQLite (without statistics) takes `deleted = 0` for a selective condition and would pick these
    indexes for unrelated queries.
    """
    return tuple(Index(f"ix_{table}_{c}_live", c, sqlite_where=text(LIVE)) for c in columns)


def thai_indexes(table: str, *keys: str | tuple[str, ...]) -> tuple[Index, ...]:
    """Live-row indexes on `thai_order(column)`: Thai names sorted in Thai order (SQLite only).

    A key may be several columns (first name, then last name): the list sorts by them in turn. The
    index is named after the first.
    """
    out = []
    for key in keys:
        columns = (key,) if isinstance(key, str) else key
        exprs = [text(thai_order(c)) for c in columns]
        name = f"ix_{table}_{columns[0]}_thai_live"
        out.append(Index(name, *exprs, sqlite_where=text(LIVE)).ddl_if(dialect="sqlite"))
    return tuple(out)


class Synced:
    """Columns of every synced record (mixin)."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class SiteOwned(Synced):
    """A synced record owned by one site (หน่วยงาน): only that site may change it."""

    @declared_attr
    def site_id(cls) -> Mapped[str]:
        return mapped_column(String(36), ForeignKey("sites.id"), index=True)
