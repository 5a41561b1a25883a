"""A device's pull merges the creates of records it has no trace of by a short way (`Merger._create`);
it must write exactly what the general way (`Merger._one`) writes: the same rows, clocks, parked changes
and outcomes, including the refusals (unknown field, bad value, wrong id, missing field) and the cases
that must not take the short way (a create after parked updates, a record created twice in a batch)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from dipdesk.services.demo import build_demo
from dipdesk.store.db import open_database
from dipdesk.sync.merge import Change, Merger
from dipdesk.sync.protocol import encode_row, synced_tables


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> list[Change]:
    """Every synced row of a small demo site as a pulled create, in foreign-key order."""
    folder = tmp_path_factory.mktemp("src")
    engine = open_database(folder / "src.sqlite3")
    build_demo(engine, site_code="IPC1", participants=40)
    changes: list[Change] = []
    with engine.connect() as conn:
        for name, info in synced_tables().items():
            for i, row in enumerate(conn.execute(select(info.table)).mappings()):
                changes.append(
                    Change(
                        name, str(row["id"]), "c", encode_row(info, row), f"0001-{i:06d}-dev", "dev", seq=i
                    )
                )
    engine.dispose()
    return changes


def state(engine: Engine) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with engine.connect() as conn:
        for name, info in synced_tables().items():
            cols = [info.table.c[f] for f in info.fields]  # not the local times (`updated_at`)
            out[name] = sorted((tuple(r) for r in conn.execute(select(*cols))), key=repr)
        for table in ("sync_field_clocks", "sync_parked"):
            cols = "table_name, record_id, op, fields, hlc, reason" if table == "sync_parked" else "*"
            out[table] = sorted(
                (tuple(r) for r in conn.exec_driver_sql(f"SELECT {cols} FROM {table}")), key=repr
            )
    return out


def apply(
    path: Path, template: Path, batches: list[list[Change]], *, general: bool, authorize: bool = False
) -> tuple[Any, list[Any]]:
    shutil.copyfile(template, path)
    engine = open_database(path)
    outcomes: list[Any] = []
    for batch in batches:
        with engine.begin() as conn:
            # `authorize`: as on the server (an authorization that allows everything, asked first)
            merger = Merger(
                conn, authorize=(lambda ch, st: None) if authorize else None, short_way=not general
            )
            for o in merger.apply(batch):
                outcomes.append(
                    (o.change.table, o.change.record_id, o.status, o.reason, o.created, o.site_id)
                )
    result = state(engine)
    engine.dispose()
    return result, outcomes


def test_the_short_way_writes_what_the_general_way_writes(
    source: list[Change], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    short: list[str] = []
    original = Merger._create

    def counted(self: Merger, info: Any, ch: Change, key: tuple[str, str]) -> Any:
        short.append(ch.record_id)
        return original(self, info, ch, key)

    monkeypatch.setattr(Merger, "_create", counted)
    template = tmp_path / "template.sqlite3"
    open_database(template).dispose()
    people = [c for c in source if c.table == "people"]
    p0, p2, p3 = people[0], people[2], people[3]

    def person(rid: str, hlc: str, **changes: Any) -> Change:
        fields = {**p0.fields, "id": rid, "national_id": None, **changes}
        return Change("people", rid, "c", {k: v for k, v in fields.items() if v is not ...}, hlc, "dev")

    odd = [
        person("new-1", "0002-a-dev", x_unknown=1),
        person("new-2", "0002-b-dev", consent="yes"),
        person("new-3", "0002-c-dev", id="other"),
        person("new-4", "0002-d-dev", first_name_th=...),
        person("new-5", "0002-e-dev", id=...),
        Change("nothing_here", "n-1", "c", {"id": "n-1"}, "0002-f-dev", "dev"),
    ]
    # an update that arrives before its create is parked; the create then merges it (general way)
    early = Change("people", "late-1", "u", {"phone": "0899999999"}, "0003-a-dev", "dev")
    # created twice in one batch: the second is a merge by clock
    twice = Change("people", p2.record_id, "c", {**p2.fields, "phone": "0877777777"}, "0003-b-dev", "dev")
    late = Change("people", p3.record_id, "u", {"phone": "0866666666"}, "0003-c-dev", "dev")
    batches = [
        [early],
        [*source, twice, late, *odd],
        [person("late-1", "0001-z-dev"), person("late-2", "0004-dev")],
    ]
    fast, fast_outcomes = apply(tmp_path / "fast.sqlite3", template, batches, general=False)
    took = len(short)
    slow, slow_outcomes = apply(tmp_path / "slow.sqlite3", template, batches, general=True)
    assert took > len(source) // 2 and len(short) == took  # the short way, then only the general one
    assert "late-1" not in short and p2.record_id in short  # parked updates waiting: the general way
    assert fast_outcomes == slow_outcomes
    assert fast == slow
    # the server's shape (an authorization asked first) takes the short way too, and writes the same
    served, served_outcomes = apply(
        tmp_path / "served.sqlite3", template, batches, general=False, authorize=True
    )
    assert len(short) == 2 * took
    assert served_outcomes == slow_outcomes and served == slow
    statuses = {(o[1], o[2]) for o in fast_outcomes}
    assert {
        ("new-1", "rejected"),
        ("new-2", "rejected"),
        ("new-3", "rejected"),
        ("new-4", "rejected"),
    } <= statuses
    assert ("new-5", "applied") in statuses and ("late-1", "parked") in statuses
    reasons = {o[1]: o[3] for o in fast_outcomes if o[2] == "rejected"}
    assert reasons["new-1"] == "people has no field 'x_unknown'"
    assert reasons["new-3"] == "id: does not match the record id"
    assert reasons["new-4"] == "incomplete create: missing first_name_th"
    assert len(fast["people"]) == len(people) + 3  # new-5, late-1, late-2
    assert fast["sync_parked"] == []  # the early update was merged when its create came
    clocks = {(r[0], r[1], r[2]) for r in fast["sync_field_clocks"]}
    assert {
        ("people", p2.record_id, "phone"),
        ("people", "late-1", "phone"),
        ("people", "late-2", "*"),
    } <= clocks


def test_a_batch_and_its_cursor_commit_together(source: list[Change], tmp_path: Path) -> None:
    """The merge's savepoint must not commit the batch on its own (the driver begins a transaction only at
    a write, and a savepoint outside one is a transaction of its own): a failure, or a kill, before the
    cursor is saved leaves nothing of the batch."""
    from dipdesk.sync import outbox
    from dipdesk.sync.pull import apply_pulled, begin_batch
    from dipdesk.sync.rounds import KEY_CURSOR

    engine = open_database(tmp_path / "d.sqlite3")
    wire = [
        {"s": c.seq, "t": c.table, "id": c.record_id, "f": c.fields, "h": c.hlc, "d": c.device}
        for c in source
    ]

    def rows() -> int:
        with engine.connect() as conn:
            return sum(
                int(conn.exec_driver_sql(f'SELECT count(*) FROM "{name}"').scalar() or 0)
                for name in synced_tables()
            )

    empty = rows()
    with engine.connect() as conn:
        with pytest.raises(RuntimeError), conn.begin():
            begin_batch(conn)
            apply_pulled(conn, wire)
            assert conn.connection.dbapi_connection.in_transaction  # type: ignore[union-attr]
            raise RuntimeError("stopped before the cursor was saved")
        assert rows() == empty
        with conn.begin():
            begin_batch(conn)
            apply_pulled(conn, wire)
            outbox.set_state(conn, KEY_CURSOR, str(len(wire)))
    assert rows() > empty + len(wire) // 2
    with engine.connect() as conn:
        assert outbox.get_state(conn, KEY_CURSOR) == str(len(wire))
    engine.dispose()
