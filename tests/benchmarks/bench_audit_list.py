"""The audit page's list at 200,000 entries: the lazy, SQL-paged list against loading the trail first.

    python -m pytest tests/benchmarks/bench_audit_list.py -m benchmark -s

Builds a database with a site, 12 users and 200,000 audit entries spread over a year (creates and edits
of people, enterprises and users with before/after values), then measures, each on a fresh engine (no
SQLite page cache: "cold"), the first page the audit page shows (`audit_trail.fetch`, 100 rows in words)
and its count, unfiltered and with each filter (user, kind of record, one record, a month), and, as the
baseline in the same run, the naive way: read every entry, sort and filter in Python, then word the
first 100. One JSON line per measurement: {"impl": "dipdesk" | "load_all", "op": …, "ms": …, "rows": …}.
Target: the first page under 100 ms at any filter.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

N = 200_000
pytestmark = [pytest.mark.benchmark, pytest.mark.timeout(1800)]


def emit(impl: str, op: str, ms: float, **extra: Any) -> None:
    print(json.dumps({"impl": impl, "op": op, "ms": round(ms, 1), **extra}, ensure_ascii=False), flush=True)


def _build(path: Path) -> dict[str, Any]:
    from sqlalchemy import insert, select

    from dipdesk.services.context import system_context
    from dipdesk.services.setup import create_user, first_run
    from dipdesk.store.auth import AuditEntry, User
    from dipdesk.store.db import open_database, transaction
    from dipdesk.store.people import Person

    engine = open_database(path)
    with transaction(engine) as s:
        first_run(s, "IPC1", "admin", "bench-password-2569", "ผู้ดูแล")
    with transaction(engine) as s:
        ctx = system_context(s)
        for i in range(11):
            create_user(ctx, f"staff{i}", "bench-password-2569", role="staff")
    rng = random.Random(2569)
    with transaction(engine) as s:
        site_id = system_context(s).site.id
        user_ids = list(s.scalars(select(User.id)))
        people = [str(uuid.uuid4()) for _ in range(5000)]
        s.execute(
            insert(Person),
            [
                {
                    "id": pid,
                    "site_id": site_id,
                    "prefix": "นาง",
                    "first_name_th": f"สมศรี{i}",
                    "last_name_th": "ใจดี",
                }
                for i, pid in enumerate(people)
            ],
        )
    start = dt.datetime(2025, 10, 1)
    rows = []
    for i in range(N):
        table = rng.choice(("people", "people", "people", "enterprises", "users"))
        action = rng.choice(("create", "update", "update", "update"))
        rows.append(
            {
                "id": str(uuid.uuid4()),
                "site_id": site_id,
                "at": start + dt.timedelta(seconds=i * 150 + rng.randint(0, 100)),
                "user_id": rng.choice(user_ids),
                "action": action,
                "table_name": table,
                "record_id": rng.choice(people) if table == "people" else str(uuid.uuid4()),
                "changes": {
                    "phone": ["0811111111", f"08{rng.randint(10**7, 10**8 - 1)}"],
                    "birth_date": [None, "1980-03-15"],
                },
                "reason": "",
            }
        )
    with transaction(engine) as s:
        for k in range(0, N, 20_000):
            s.execute(insert(AuditEntry), rows[k : k + 20_000])
    engine.dispose()
    return {"user": user_ids[3], "record": people[17], "month": (dt.date(2026, 3, 1), dt.date(2026, 3, 31))}


def test_first_page_of_the_audit_trail_at_200k(tmp_path: Path) -> None:
    from sqlalchemy import select

    from dipdesk.services import audit_trail as at
    from dipdesk.store.auth import AuditEntry
    from dipdesk.store.db import open_database, session_factory

    path = tmp_path / "audit.sqlite3"
    t = time.perf_counter()
    picks = _build(path)
    emit("setup", "build", (time.perf_counter() - t) * 1000, rows=N)
    filters = {
        "all": at.AuditFilter(),
        "user": at.AuditFilter(user_id=picks["user"]),
        "kind": at.AuditFilter(table="enterprises"),
        "record": at.AuditFilter(record_ids=(picks["record"],)),
        "month": at.AuditFilter(date_from=picks["month"][0], date_to=picks["month"][1]),
    }
    worst = 0.0
    for name, f in filters.items():
        engine = open_database(path)  # a fresh engine: no page cache of an earlier measurement
        with session_factory(engine)() as s:
            t = time.perf_counter()
            page = at.fetch(s, f, 0, 100)
            first = (time.perf_counter() - t) * 1000
            t = time.perf_counter()
            total = at.count(s, f)
            counted = (time.perf_counter() - t) * 1000
        engine.dispose()
        worst = max(worst, first)
        emit("dipdesk", f"first_page:{name}", first, rows=len(page))
        emit("dipdesk", f"count:{name}", counted, rows=total)
        # the baseline: every entry read, then sorted and filtered in Python, then the first page worded
        engine = open_database(path)
        with session_factory(engine)() as s:
            t = time.perf_counter()
            everything = list(s.scalars(select(AuditEntry)))
            kept = [
                e
                for e in everything
                if (not f.user_id or e.user_id == f.user_id)
                and (not f.table or e.table_name == f.table)
                and (not f.record_ids or e.record_id in f.record_ids)
                and (not f.date_from or e.at + at.BANGKOK >= dt.datetime.combine(f.date_from, dt.time()))
                and (
                    not f.date_to
                    or e.at + at.BANGKOK < dt.datetime.combine(f.date_to, dt.time()) + dt.timedelta(days=1)
                )
            ]
            kept.sort(key=lambda e: (e.at, e.id), reverse=True)
            shown = [
                (at.be_stamp(e.at), {k: at.show_value(k, v[1]) for k, v in e.changes.items()})
                for e in kept[:100]
            ]
            naive = (time.perf_counter() - t) * 1000
        engine.dispose()
        emit("load_all", f"first_page:{name}", naive, rows=len(shown), total=len(kept))
        assert len(kept) == total, name
    emit("dipdesk", "worst_first_page", worst)
    assert worst < 1000, "the first page must come from SQL, not from reading the trail"
