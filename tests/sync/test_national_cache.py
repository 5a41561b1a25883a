"""The server's national figures cache: a request never waits long for a computation (a sync round must
not time out on it), gets the previous figures meanwhile, and the fresh ones once computed; a log that
moved only in what the figures do not read costs no computation at all."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import insert

from dipdesk.store.sync import CHANGES
from dipdesk.sync.server import national
from dipdesk.sync.server.db import connect, prepare


def test_stale_figures_while_the_new_ones_are_computed(tmp_path: Path) -> None:
    db = connect(str(tmp_path / "server.sqlite3"))
    prepare(db)
    real = national.compute
    release = threading.Event()
    calls: list[int] = []

    def slow(conn, year):  # type: ignore[no-untyped-def]
        calls.append(year)
        if len(calls) > 1:
            release.wait(30)  # the real computation, held back: as on a server with a million people
        return real(conn, year)

    cache = national.Cache(db.read, wait=5, compute_fn=slow)
    with db.read.connect() as conn:
        first = cache.get(conn, 2569)
        assert first is not None and first["fiscal_year"] == 2569
        assert cache.get(conn, 2569) is first  # the log did not move: no computation
    assert calls == [2569]
    with db.write.begin() as w:  # the log moves, in a table the figures read
        w.execute(insert(CHANGES).values(table_name="programs", record_id="y", fields={}))
    with db.read.connect() as conn:
        stale = cache.get(conn, 2569, wait=0.2)
        assert stale is first  # not ready yet: the previous figures, promptly
        release.set()
        fresh = cache.get(conn, 2569, wait=30)
        assert fresh is not None and fresh is not first
    assert calls == [2569, 2569]
    db.dispose()


def test_changes_the_figures_do_not_read_cost_no_computation(tmp_path: Path) -> None:
    db = connect(str(tmp_path / "server.sqlite3"))
    prepare(db)
    calls: list[int] = []

    def counted(conn, year):  # type: ignore[no-untyped-def]
        calls.append(year)
        return national.compute(conn, year)

    cache = national.Cache(db.read, wait=30, compute_fn=counted)
    with db.read.connect() as conn:
        first = cache.get(conn, 2569)
    assert first is not None and calls == [2569]
    with db.write.begin() as w:  # a new person nobody enrolled, an audit entry: the figures stay exact
        w.execute(insert(CHANGES).values(table_name="people", record_id="p1", fields={}))
        w.execute(insert(CHANGES).values(table_name="audit_entries", record_id="a1", fields={}))
    with db.read.connect() as conn:
        same = cache.get(conn, 2569)
        assert same is not None and calls == [2569]
        assert {**same, "computed_at": ""} == {**first, "computed_at": ""}
        assert national.compute(conn, 2569)["total"] == same["total"]
        assert cache.get(conn, 2569) is same  # known exact at the new log position
    with db.write.begin() as w:  # an enrollment: counted again
        w.execute(insert(CHANGES).values(table_name="enrollments", record_id="e1", fields={}))
    with db.read.connect() as conn:
        assert cache.get(conn, 2569) is not None
    assert calls == [2569, 2569]
    db.dispose()
