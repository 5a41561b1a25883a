"""The server's national figures cache: a request never waits long for a computation (a sync round must
not time out on it), gets the previous figures meanwhile, and the fresh ones once computed."""

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
    with db.write.begin() as w:  # the log moves
        w.execute(insert(CHANGES).values(table_name="people", record_id="y", fields={}))
    with db.read.connect() as conn:
        stale = cache.get(conn, 2569, wait=0.2)
        assert stale is first  # not ready yet: the previous figures, promptly
        release.set()
        fresh = cache.get(conn, 2569, wait=30)
        assert fresh is not None and fresh is not first
    assert calls == [2569, 2569]
    db.dispose()
