"""The dashboard's kept reach (dipdesk.store.reach) equals a full recount after anything that writes: the
demo's bulk load, random edits through the services (status, moves, soft and hard deletes, a program's
year, kind or site, an enterprise's group, service records, products, outcomes, certificates), an import
of a class list, and changes pulled from the real sync server."""

from __future__ import annotations

import random
from pathlib import Path

from kpi_reach_helpers import assert_kept_equals_recount, random_edits
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from dipdesk.services import imports as im
from dipdesk.services import kpi
from dipdesk.services.context import current_site, system_context
from dipdesk.store.db import transaction
from dipdesk.store.programs import Activity, Program

DATA = Path(__file__).resolve().parents[1] / "data"


def _demo(engine: Engine, participants: int = 120) -> None:
    from dipdesk.services.demo import build_demo

    build_demo(engine, site_code="IPC1", participants=participants)


def test_kept_reach_equals_a_recount_after_the_demo_edits_deletes_and_an_import(engine: Engine) -> None:
    _demo(engine)
    with transaction(engine) as s:
        site = current_site(s)
        assert site is not None
        site_id = site.id
        assert assert_kept_equals_recount(s, site_id) > 0
    rng = random.Random(12)
    for _round in range(6):
        with Session(engine) as s:
            random_edits(system_context(s), rng, 60)
        with Session(engine) as s:
            assert_kept_equals_recount(s, site_id)

    with Session(engine) as s:
        ctx = system_context(s)
        activity = s.scalars(
            select(Activity).where(Activity.deleted.is_(False)).order_by(Activity.code)
        ).first()
        assert activity is not None
        year = activity_year(s, activity)
        before = kpi.kpi_report(s, site_id, year, "all").site.counts["persons"]
        table = im.read_table(DATA / "class_list_messy.xlsx")
        mapping = im.suggest_mapping(s, "people", table.headers)
        result = im.run_import(s, lambda _s: ctx, "people", table, mapping, activity_id=activity.id)
        assert result.accepted
    with Session(engine) as s:
        assert_kept_equals_recount(s, site_id)
        after = kpi.kpi_report(s, site_id, year, "all").site.counts["persons"]
        assert after > before  # the import reached new people, and the kept figures show them at once


def activity_year(s: Session, activity: Activity) -> int:
    return int(s.scalar(select(Program.fiscal_year).where(Program.id == activity.program_id)) or 0)


def test_check_repair_rebuilds_a_damaged_reach(engine: Engine) -> None:
    from dipdesk.services.check import run_checks

    _demo(engine, 60)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE kpi_counts SET n = n + 7 WHERE line_id IN (SELECT id FROM kpi_lines WHERE kind = 'persons' LIMIT 3)"
        )
    problems = run_checks(engine)
    assert any("dashboard figures" in p for p in problems), problems
    assert run_checks(engine, repair=True) == []
    assert run_checks(engine) == []


def test_rows_inserted_in_bulk_are_counted_like_row_by_row(engine: Engine, tmp_path: Path) -> None:
    """`reach.inserting` (a first sync's batches) counts the rows set-based after the statement, with the
    row trigger dropped for it: the kept figures equal a recount, the trigger is back as it was, and a
    statement that fails inside the block leaves the trigger and the figures as they were."""
    from sqlalchemy import insert, text

    from dipdesk.store import reach
    from dipdesk.store.db import open_database
    from dipdesk.sync.protocol import synced_tables

    _demo(engine, participants=300)
    target = open_database(tmp_path / "copy.sqlite3")
    bulk: list[str] = []
    tables = [i for i in synced_tables().values() if i.site_owned or i.reference]
    with engine.connect() as src, target.begin() as dst:
        site_id = src.execute(text("SELECT value FROM local_state WHERE key = 'site_id'")).scalar()
        dst.execute(text("INSERT INTO local_state (key, value) VALUES ('site_id', :v)"), {"v": site_id})
        for info in tables:
            t = info.table
            rows = [dict(r) for r in src.execute(t.select()).mappings()]
            have = {r[0] for r in dst.execute(t.select().with_only_columns(t.c.id))}
            rows = [r for r in rows if r["id"] not in have]
            if rows:
                if len(rows) >= reach.BULK_MIN and info.name in reach.COLUMNS:
                    bulk.append(info.name)
                with reach.inserting(dst, info.name, [r["id"] for r in rows]):
                    dst.execute(insert(t), rows)
    assert "enrollments" in bulk and "people" in bulk, bulk
    with Session(target) as s:
        assert reach.installed(s.connection())
        assert assert_kept_equals_recount(s, site_id) > 0

    enrollments = synced_tables()["enrollments"].table
    with target.begin() as conn:
        before = conn.execute(text("SELECT count(*), sum(n) FROM kpi_counts")).one()
        row = dict(conn.execute(enrollments.select().limit(1)).mappings().one())
        sp = conn.begin_nested()
        try:
            with reach.inserting(conn, "enrollments", ["x"] * reach.BULK_MIN):
                conn.execute(insert(enrollments), [row])  # the same id again: refused
        except Exception:
            sp.rollback()
        else:
            raise AssertionError("a duplicate id was accepted")
        assert reach.installed(conn)
        assert conn.execute(text("SELECT count(*), sum(n) FROM kpi_counts")).one() == before
    target.dispose()


def test_rows_inserted_in_bulk_on_top_of_kept_figures_are_counted_like_row_by_row(engine: Engine) -> None:
    """`reach.inserting` moves the lines' counts set-based (the reach's own triggers set aside), so the
    cases those triggers tell apart must come out the same: ids reached already on the line, ids whose
    reach fell to 0 (their enrollments deleted), an id several rows of the batch reach, rows that reach
    nothing, and an id reached at another site (the all-sites line counts it once)."""
    import uuid

    from sqlalchemy import insert, text

    from dipdesk.store import reach
    from dipdesk.store.reference import Site
    from dipdesk.sync.protocol import synced_tables

    _demo(engine, participants=150)
    tables = synced_tables()
    enrollments, activities, programs = (tables[n].table for n in ("enrollments", "activities", "programs"))
    with engine.begin() as conn:
        site_id = conn.execute(text("SELECT value FROM local_state WHERE key = 'site_id'")).scalar()
        other = conn.execute(select(Site.id).where(Site.id != site_id).order_by(Site.code)).scalars().first()
        assert other is not None
        live = [
            dict(r)
            for r in conn.execute(
                enrollments.select().where(enrollments.c.deleted.is_(False)).order_by(enrollments.c.id)
            ).mappings()
        ]
        # some reach falls to 0: those enrollments deleted row by row (the triggers count it)
        gone = live[:40]
        conn.execute(
            enrollments.update().where(enrollments.c.id.in_([r["id"] for r in gone])).values(deleted=True)
        )
        # a program of the same year at another site, with an activity, row by row
        activity = dict(
            conn.execute(activities.select().where(activities.c.id == gone[0]["activity_id"]))
            .mappings()
            .one()
        )
        program = dict(
            conn.execute(programs.select().where(programs.c.id == activity["program_id"])).mappings().one()
        )
        program.update(id=str(uuid.uuid4()), site_id=other, code=program["code"] + "-X")
        conn.execute(insert(programs), [program])
        here = dict(activity, id=str(uuid.uuid4()), code=activity["code"] + "-H")
        there = dict(activity, id=str(uuid.uuid4()), program_id=program["id"], site_id=other, code="X")
        conn.execute(insert(activities), [here, there])
        # the batch: people reached already, people whose reach fell to 0, people reached at the other site
        # too, some twice in the batch (two activities), and rows that reach nothing (applied, deleted)
        batch = []
        people = [r["person_id"] for r in live]
        for i, person in enumerate(dict.fromkeys(people)):
            for act in (here, there) if i % 3 == 0 else (here,) if i % 3 == 1 else (there,):
                status = "applied" if i % 7 == 0 else "completed" if i % 2 else "enrolled"
                row = dict(
                    live[0], id=str(uuid.uuid4()), activity_id=act["id"], person_id=person, status=status
                )
                row.update(site_id=act["site_id"], deleted=i % 11 == 0)
                batch.append(row)
        assert len(batch) >= reach.BULK_MIN
        with reach.inserting(conn, "enrollments", [r["id"] for r in batch]):
            conn.execute(insert(enrollments), batch)
    with Session(engine) as s:
        assert assert_kept_equals_recount(s, site_id) > 0
        assert reach.inconsistencies(s.connection()) == []
