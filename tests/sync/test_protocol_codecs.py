"""The cached per-column codecs (`protocol.decoder`, `protocol.encoder`) answer exactly what the plain
`decode` and `encode` answer, refusals and their reasons included, for every synced column."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from dipdesk.sync.protocol import decode, decoder, encode, encoder, synced_tables

WIRE: list[Any] = [
    *("12.345", "12.355", "-0.005", "1e3", "NaN", "Infinity", "abc", "", " 1", "1" * 30, "ก" * 300),
    *("2024-01-02", "2024-13-01", "2024-01-02T03:04:05", "2024-01-02T03:04:05+07:00", "x\x00y"),
    *(5, 2**40, -3, 2**31, -(2**31) - 1, 2**31 - 1, 2**63, True, False, None, 1.5, float("nan")),
    {"a": 1},
    [1, 2],
]
PYTHON: list[Any] = [
    *("text", "", None, True, False, 0, 7, 2**40, 1.25, Decimal("2.675"), Decimal("-0.005")),
    dt.datetime(2024, 1, 2, 3, 4, 5),
    dt.datetime(2024, 1, 2, 3, 4, 5, 120, tzinfo=dt.UTC),
    dt.date(2024, 1, 2),
    {"a": [1]},
]


def outcome(fn: Any, *args: Any) -> Any:
    try:
        value = fn(*args)
    except Exception as exc:  # the reason must be the same too
        return ("refused", type(exc).__name__, str(exc))
    return ("ok", type(value), value)


def test_cached_codecs_equal_the_plain_ones() -> None:
    checked = 0
    for info in synced_tables().values():
        for col in info.columns.values():
            for value in WIRE:
                assert outcome(decoder(col), value) == outcome(decode, col, value), (
                    info.name,
                    col.name,
                    value,
                )
            for value in PYTHON:
                assert outcome(encoder(col), value) == outcome(encode, col, value), (
                    info.name,
                    col.name,
                    value,
                )
            checked += 1
    assert checked > 100


def test_insert_rows_stores_what_sqlalchemy_insert_stores(tmp_path: Any) -> None:
    """`merge.insert_rows` (the driver's executemany over the columns' bind processors) stores exactly
    what `conn.execute(insert(table), rows)` stores, defaults filled in alike (`updated_at` aside: a
    time of insertion)."""
    from sqlalchemy import Engine, insert, select

    from dipdesk.services.demo import build_demo
    from dipdesk.store.db import open_database
    from dipdesk.sync.merge import insert_rows
    from dipdesk.sync.protocol import encode_row, row_decoders

    src = open_database(tmp_path / "demo.sqlite3")
    build_demo(src, site_code="IPC1", participants=40)
    names = [i.name for i in synced_tables().values() if not i.reference]

    def fill(path: Any, fast: bool) -> Engine:
        eng = open_database(path)
        with src.connect() as sc, eng.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            for name in names:
                info = synced_tables()[name]
                dec = row_decoders(name)
                rows = [
                    {k: dec[k](v) for k, v in encode_row(info, r).items()}
                    for r in sc.execute(select(info.table)).mappings()
                ]
                if rows:
                    conn.execute(info.table.delete())
                    if fast:
                        insert_rows(conn, info.table, rows)
                    else:
                        conn.execute(insert(info.table), rows)
            conn.commit()
        return eng

    stored = []
    for fast in (False, True):
        eng = fill(tmp_path / f"{fast}.sqlite3", fast)
        with eng.connect() as conn:
            stored.append(
                {
                    name: sorted(
                        repr([(k, v, type(v).__name__) for k, v in r._mapping.items() if k != "updated_at"])
                        for r in conn.exec_driver_sql(f"SELECT * FROM {name}")
                    )
                    for name in names
                }
            )
        eng.dispose()
    assert sum(len(v) for v in stored[0].values()) > 500
    assert stored[0] == stored[1]
    src.dispose()
