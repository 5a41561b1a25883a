"""The national figures kept up to date site by site (`dipdesk.sync.server.national_incremental`) agree with
the full count (`national.compute`) after every kind of change, and count again only the sites that
moved: a new enrollment at one center, a person whose national ID another site changed (shared), a merge.
Against a server database on SQLite and PostgreSQL (the benchmark's builder, small)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select, update

from dipdesk.store.enrollment import Enrollment
from dipdesk.store.people import Person
from dipdesk.store.programs import Activity
from dipdesk.store.reference import Site
from dipdesk.store.sync import CHANGES
from dipdesk.sync.server.db import ServerDB, connect, prepare
from dipdesk.sync.server.national import compute
from dipdesk.sync.server.national_incremental import Incremental
from tests.sync.synctest import BACKENDS, pg_schema

FY = 2569


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ServerDB]:
    from tests.benchmarks import bench_national

    monkeypatch.setattr(bench_national, "PEOPLE", 200)
    if request.param == "pg":
        with pg_schema() as url:
            d = connect(url)
            prepare(d)
            with d.write.begin() as conn:
                bench_national._build(conn)
            yield d
            d.dispose()
    else:
        d = connect(str(tmp_path / "server.sqlite3"))
        prepare(d)
        with d.write.begin() as conn:
            bench_national._build(conn)
        yield d
        d.dispose()


def _same(a: dict[str, Any], b: dict[str, Any]) -> None:
    a, b = dict(a), dict(b)
    a.pop("computed_at")
    b.pop("computed_at")
    assert a == b


def _log(conn: Any, table: str, record_id: str, site_id: str, fields: dict[str, Any]) -> None:
    conn.execute(
        insert(CHANGES).values(table_name=table, record_id=record_id, site_id=site_id, fields=fields, hlc="")
    )


def test_incremental_figures_agree_and_count_only_what_moved(db: ServerDB) -> None:
    engine = Incremental()
    with db.read.connect() as conn:
        first = engine.compute(conn, FY)
        _same(first, compute(conn, FY))
        sites = dict(conn.execute(select(Site.code, Site.id)).all())
        assert len(engine.recounted) == len(sites)  # cold: every site
        engine.compute(conn, FY)
        assert engine.recounted == []  # nothing moved: nothing counted again

    ipc3, ipc1, ipc2 = sites["IPC3"], sites["IPC1"], sites["IPC2"]
    with db.write.begin() as conn:  # IPC3 trains someone new
        activity = conn.execute(select(Activity.id).where(Activity.site_id == ipc3).limit(1)).scalar()
        pid, eid = str(uuid.uuid4()), str(uuid.uuid4())
        conn.execute(insert(Person.__table__).values(id=pid, site_id=ipc3, first_name_th="ใหม่", national_id=None,
                     created_at=Person.created_at.default.arg(None), updated_at=Person.created_at.default.arg(None)))  # type: ignore[attr-defined]  # fmt: skip
        conn.execute(insert(Enrollment.__table__).values(id=eid, site_id=ipc3, activity_id=activity, person_id=pid,
                     status="enrolled", created_at=Person.created_at.default.arg(None),  # type: ignore[attr-defined]
                     updated_at=Person.created_at.default.arg(None)))  # type: ignore[attr-defined]  # fmt: skip
        _log(conn, "people", pid, ipc3, {"id": pid})
        _log(conn, "enrollments", eid, ipc3, {"id": eid})
    with db.read.connect() as conn:
        after = engine.compute(conn, FY)
        assert engine.recounted == [ipc3]
        assert after["total"]["persons"] == first["total"]["persons"] + 1
        _same(after, compute(conn, FY))

    with db.write.begin() as conn:  # IPC1 gives one of its people the national ID of someone IPC2 trained
        (p1,) = conn.execute(select(Person.id).where(Person.site_id == ipc1).limit(1)).one()
        nid2 = conn.execute(select(Person.national_id).where(Person.site_id == ipc2).limit(1)).scalar()
        conn.execute(update(Person).where(Person.id == p1).values(national_id=nid2))
        _log(conn, "people", p1, ipc1, {"national_id": nid2})
        # and IPC2's enrollments name a person IPC1 owns (shared): IPC1 edits it, IPC2 is counted again
        shared = conn.execute(select(Person.id).where(Person.site_id == ipc1).offset(5).limit(1)).scalar()
        e2 = conn.execute(select(Enrollment.id).where(Enrollment.site_id == ipc2).limit(1)).scalar()
        conn.execute(update(Enrollment).where(Enrollment.id == e2).values(person_id=shared))
        _log(conn, "enrollments", e2, ipc2, {"person_id": shared})
    with db.read.connect() as conn:
        engine.compute(conn, FY)
        assert set(engine.recounted) == {ipc1, ipc2}
        _same(engine.compute(conn, FY), compute(conn, FY))
    with db.write.begin() as conn:
        conn.execute(update(Person).where(Person.id == shared).values(national_id=None))
        _log(conn, "people", shared, ipc1, {"national_id": None})
    with db.read.connect() as conn:
        figures = engine.compute(conn, FY)
        assert set(engine.recounted) == {ipc1, ipc2}  # IPC2 names that person: its reach changed too
        _same(figures, compute(conn, FY))
