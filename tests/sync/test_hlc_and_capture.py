"""The pieces under the protocol, without a server: the hybrid logical clock, change capture into the
outbox (real values, same transaction), the snapshot of bulk-loaded rows, merging pulled changes (no
outbox rows, update-before-create parked then merged), and the retry back-off policy."""

from __future__ import annotations

import random
from typing import Any

import pytest
from sqlalchemy import text

from dipdesk.core.thaiid import make_id
from dipdesk.services import records
from dipdesk.services.context import system_context
from dipdesk.services.errors import ValidationError
from dipdesk.store.db import transaction
from dipdesk.store.people import Person
from dipdesk.sync import hlc, outbox
from dipdesk.sync.backoff import jittered, next_delay, spread
from dipdesk.sync.client import apply_pulled

NID = make_id("310170012345")


@pytest.fixture
def clock_at(monkeypatch: pytest.MonkeyPatch) -> Any:
    now = {"ms": 1_700_000_000_000}
    monkeypatch.setattr(hlc, "wall_clock", lambda: now["ms"])
    return now


def test_stamps_sort_as_text_in_clock_order(clock_at: Any) -> None:
    c = hlc.Clock("dev-a")
    s1, s2 = c.tick(), c.tick()
    assert s1 < s2 and hlc.Stamp.parse(s2).counter == 1
    clock_at["ms"] -= 3_600_000  # the wall clock jumps back an hour: the clock does not
    s3 = c.tick()
    assert s3 > s2
    clock_at["ms"] = 0  # set to 1970
    assert c.tick() > s3


def test_observe_orders_later_local_events_after_what_was_received(clock_at: Any) -> None:
    slow = hlc.Clock("dev-slow")  # this device thinks it is 1970
    clock_at["ms"] = 5
    before = slow.tick()
    remote = str(hlc.Stamp(1_800_000_000_000, 7, "dev-fast"))
    hlc.trust_time(1_800_000_000_000 - 1000)  # the server's Date header came with the stamp
    try:
        slow.observe(remote)
        after = slow.tick()
        assert before < remote < after
        slow.observe("not a stamp")  # ignored
        assert slow.tick() > after
        # a forged stamp beyond now + MAX_AHEAD_MS is not observed: the clock stays usable (issue 17)
        for forged in ("999999999999999-99999-x", str(hlc.Stamp(1_800_000_000_000 + 8 * 86_400_000, 0, "x"))):
            slow.observe(forged)
            s = hlc.Stamp.parse(slow.tick())
            assert s.physical < 1_800_000_000_000 + hlc.MAX_AHEAD_MS
    finally:
        hlc.trust_time(0)


def test_counter_overflow_borrows_a_millisecond(clock_at: Any) -> None:
    c = hlc.Clock("d", str(hlc.Stamp(clock_at["ms"], hlc.COUNTER_MAX, "d")))
    s = hlc.Stamp.parse(c.tick())
    assert (s.physical, s.counter) == (clock_at["ms"] + 1, 0)


def test_capture_writes_real_values_in_the_same_transaction(ctx) -> None:  # type: ignore[no-untyped-def]
    p = records.create(ctx, Person, first_name_th="สมศรี", national_id=NID)
    records.update(ctx, p, phone="081-234-5678")
    records.soft_delete(ctx, p)
    rows = ctx.session.execute(
        text("SELECT op, fields, base FROM sync_outbox WHERE table_name = 'people' ORDER BY seq")
    ).all()
    import json

    ops = [(op, json.loads(f), json.loads(b)) for op, f, b in rows]
    assert [o[0] for o in ops] == ["c", "u", "d"]
    assert ops[0][1]["national_id"] == NID, "the outbox carries the real national ID (the audit masks it)"
    assert ops[1][1] == {"phone": "0812345678"}
    assert ops[1][2]["phone"] and ops[1][2]["deleted"], "an update says which values it was based on"
    assert ops[2][1] == {"deleted": True} and ops[2][2]["*seen"]
    # the audit trail travels too, masked
    audit = ctx.session.execute(
        text("SELECT fields FROM sync_outbox WHERE table_name = 'audit_entries' ORDER BY seq")
    ).all()
    assert any("***" in a[0] for a in audit) and not any(NID in a[0] for a in audit)


def test_a_refused_edit_leaves_no_outbox_row(ctx) -> None:  # type: ignore[no-untyped-def]
    ctx.session.commit()
    before = ctx.session.execute(text("SELECT count(*) FROM sync_outbox")).scalar()
    with pytest.raises(ValidationError):
        records.create(ctx, Person, first_name_th="x", phone="12")
    ctx.session.rollback()
    assert ctx.session.execute(text("SELECT count(*) FROM sync_outbox")).scalar() == before


def test_snapshot_enqueues_rows_written_around_the_services_once(engine) -> None:  # type: ignore[no-untyped-def]
    from dipdesk.services.setup import first_run

    with transaction(engine) as s:
        first_run(s, "IPC3", "admin", "password-1234")
    with engine.begin() as conn:
        site = conn.execute(text("SELECT value FROM local_state WHERE key = 'site_id'")).scalar()
        conn.execute(
            text(
                "INSERT INTO people (id, site_id, prefix, first_name_th, last_name_th, first_name_en, last_name_en,"
                " gender, phone, email, address, consent, created_at, updated_at, deleted) VALUES "
                "('bulk-1', :s, '', 'บุญมี', '', '', '', '', '', '', '', 0, '2020-01-01', '2020-01-01', 0)"
            ),
            {"s": site},
        )
        assert outbox.count_unclocked(conn, site) == 2  # the admin user and the bulk row
        assert outbox.snapshot(conn, site) == 2
        assert outbox.snapshot(conn, site) == 0, "a row is enqueued once"
        op, stamp = conn.execute(text("SELECT op, hlc FROM sync_outbox WHERE record_id = 'bulk-1'")).one()
    assert op == "s" and stamp.startswith(f"{1577836800000:015d}-"), "stamped with the row's own time"
    # an edit of a bulk row sends the whole row if the snapshot has not run yet
    with transaction(engine) as s:
        s.execute(
            text(
                "INSERT INTO people (id, site_id, prefix, first_name_th, last_name_th, first_name_en, last_name_en,"
                " gender, phone, email, address, consent, created_at, updated_at, deleted) VALUES "
                "('bulk-2', :s, '', 'บุญชู', '', '', '', '', '', '', '', 0, '2020-01-01', '2020-01-01', 0)"
            ),
            {"s": site},
        )
        records.update(system_context(s), s.get(Person, "bulk-2"), phone="0891234567")
    with engine.connect() as conn:
        op, fields = conn.execute(text("SELECT op, fields FROM sync_outbox WHERE record_id = 'bulk-2'")).one()
    assert op == "c" and '"first_name_th"' in fields


def _change(rid: str, fields: dict[str, Any], stamp: str, seq: int) -> dict[str, Any]:
    return {"s": seq, "t": "people", "id": rid, "f": fields, "h": stamp, "d": "dev-x"}


def test_pulled_changes_merge_by_clock_write_no_outbox_rows_and_wait_for_their_create(ctx) -> None:  # type: ignore[no-untyped-def]
    ctx.session.commit()
    conn = ctx.session.connection()
    before = conn.execute(text("SELECT count(*) FROM sync_outbox")).scalar()
    full = {
        "id": "p-1", "site_id": ctx.site.id, "prefix": "", "first_name_th": "มานี", "last_name_th": "",
        "first_name_en": "", "last_name_en": "", "national_id": None, "birth_date": None, "gender": "",
        "phone": "", "email": "", "address": "", "province_id": None, "consent": False,
        "created_at": "2026-01-01T00:00:00", "deleted": False,
    }  # fmt: skip
    t1, t2, t3 = (str(hlc.Stamp(1_000 + i, 0, "dev-x")) for i in range(3))
    # the update arrives before its create: it is parked, not lost…
    stats = apply_pulled(conn, [_change("p-1", {"phone": "0812345678"}, t3, 1)])
    assert stats["parked"] == 1
    assert conn.execute(text("SELECT count(*) FROM people WHERE id = 'p-1'")).scalar() == 0
    # …and merged when the create comes (the later stamp wins over the create's empty phone)
    apply_pulled(conn, [_change("p-1", full, t1, 2)])
    assert conn.execute(text("SELECT phone FROM people WHERE id = 'p-1'")).scalar() == "0812345678"
    assert conn.execute(text("SELECT count(*) FROM sync_parked")).scalar() == 0
    # an older value arriving late does not overwrite a newer one
    apply_pulled(conn, [_change("p-1", {"phone": "0899999999"}, t2, 3)])
    assert conn.execute(text("SELECT phone FROM people WHERE id = 'p-1'")).scalar() == "0812345678"
    assert conn.execute(text("SELECT count(*) FROM sync_outbox")).scalar() == before, "pulled ≠ local edits"
    ctx.session.commit()


def test_back_off_grows_with_jitter_and_a_cap() -> None:
    rng = random.Random(1)
    delays = [next_delay(n, rng=rng) for n in range(0, 12)]
    assert delays[0] == 0
    assert 2.5 <= delays[1] <= 5 and 5 <= delays[2] <= 10
    assert all(d <= 900 for d in delays) and delays[-1] >= 450


def test_rounds_of_many_devices_started_by_one_event_are_spread_out() -> None:
    """100 devices told at one instant that the network is back start their rounds over ten seconds, not
    together, and their regular timers drift apart instead of firing in lock-step ever after."""
    rng = random.Random(5)
    starts = sorted(spread(10.0, rng=rng) for _ in range(100))
    assert starts[0] >= 0 and starts[-1] < 10.0
    assert starts[-1] - starts[0] > 8.0, "over (nearly) the whole window"
    assert max(sum(1 for s in starts if k <= s < k + 1) for k in range(10)) <= 20, "no second holds a crowd"
    assert spread(0.0, rng=rng) == 0.0 and spread(-3.0, rng=rng) == 0.0
    intervals = [jittered(900.0, rng=rng) for _ in range(100)]
    assert all(810.0 <= t <= 990.0 for t in intervals)
    assert max(intervals) - min(intervals) > 120.0, "devices in phase once are out of phase after a round"


def test_snapshot_in_steps_killed_midway_loses_and_doubles_nothing(engine) -> None:  # type: ignore[no-untyped-def]
    """A sync round takes the snapshot in steps, each its own transaction, while it pushes (issue 12): a
    step that never commits (the process killed in it) leaves nothing queued, and a later round queues
    every row not queued yet, each exactly once."""
    from dipdesk.services.setup import first_run

    with transaction(engine) as s:
        first_run(s, "IPC3", "admin", "password-1234")
    with engine.begin() as conn:
        site = conn.execute(text("SELECT value FROM local_state WHERE key = 'site_id'")).scalar()
        for i in range(7):
            conn.execute(
                text(
                    "INSERT INTO people (id, site_id, prefix, first_name_th, last_name_th, first_name_en,"
                    " last_name_en, gender, phone, email, address, consent, created_at, updated_at, deleted)"
                    " VALUES (:i, :s, '', 'บุญมี', '', '', '', '', '', '', '', 0, '2020-01-01', '2020-01-01', 0)"
                ),
                {"s": site, "i": f"bulk-{i}"},
            )
        total = outbox.count_unclocked(conn, site)
    assert total == 8  # the admin user and the bulk rows
    snap = outbox.Snapshot(site)
    with engine.begin() as conn:
        assert snap.step(conn, 3) == 3
    with pytest.raises(RuntimeError), engine.begin() as conn:  # killed in the middle of the next step
        snap.step(conn, 3)
        raise RuntimeError("killed")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM sync_outbox WHERE op = 's'")).scalar() == 3
    again = outbox.Snapshot(site)  # the next round
    while not again.done:
        with engine.begin() as conn:
            again.step(conn, 2)
    assert again.total == total - 3
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT record_id FROM sync_outbox WHERE op = 's'")).scalars().all()
        assert len(rows) == len(set(rows)) == total, "every row queued once"
        assert outbox.count_unclocked(conn, site) == 0
