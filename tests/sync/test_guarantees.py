"""SYNC.md's test list, against the real server process, through the link emulator where the link matters:
cuts mid-upload and mid-download, kills on both sides, two devices editing one person offline (same field,
different fields), edit vs delete, skewed and 1970 clocks, a partition healing with no new edit, one
change refused among many, a large first sync over a slow link interrupted, and convergence by digests.
Support staff's commands (`dipdesk edit`, `dipdesk sync …`) drive several of them."""

from __future__ import annotations

import contextlib
import json
import random
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from linkemu import Link
from synctest import (
    Device,
    Server,
    add_user,
    cli_sync,
    conflicts,
    create_person,
    demo_device,
    edit,
    pair,
)

from dipdesk.services import records
from dipdesk.services.context import system_context
from dipdesk.store.people import Enterprise, Person
from dipdesk.sync import hlc

DAY_MS = 86_400_000


@contextlib.contextmanager
def device_clock(*, offset_ms: int = 0, fixed_ms: int | None = None) -> Iterator[None]:
    """Run the enclosed work with this device's clock skewed (or stuck in the past)."""
    saved = hlc.wall_clock
    start = time.time_ns() // 1_000_000
    if fixed_ms is not None:
        base = fixed_ms
        hlc.wall_clock = lambda: base + (time.time_ns() // 1_000_000 - start)
    else:
        hlc.wall_clock = lambda: time.time_ns() // 1_000_000 + offset_ms
    try:
        yield
    finally:
        hlc.wall_clock = saved


def last_stamp(device: Device, record_id: str) -> str:
    return str(
        device.scalar(
            "SELECT hlc FROM sync_outbox WHERE record_id = :r AND table_name = 'people' ORDER BY seq DESC LIMIT 1",
            r=record_id,
        )
    )


def device_id(device: Device) -> str:
    return str(device.scalar("SELECT value FROM local_state WHERE key = 'sync.device_id'"))


def site_rows(server: Server, table: str, site: str) -> int:
    from dipdesk.store.reference_data import site_id

    return int(server.scalar(f"SELECT count(*) FROM {table} WHERE site_id = :s", s=site_id(site)))


def assert_logged_once(server: Server, device: Device, *, exact: bool = True) -> None:
    """No doubles: every change the device ever queued was applied (logged) once, never twice (or, where
    concurrent edits lost entirely, at most once). Acknowledged outbox rows may be pruned; the device
    sequence (AUTOINCREMENT) still says how many there were."""
    queued = int(device.scalar("SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'") or 0)
    assert device.pending() == 0
    dev = device_id(device)
    logged = int(server.scalar("SELECT count(*) FROM srv_changes WHERE device_id = :d", d=dev))
    distinct = int(
        server.scalar(
            "SELECT count(*) FROM (SELECT DISTINCT table_name, record_id, hlc FROM srv_changes WHERE device_id = :d) x",
            d=dev,
        )
    )
    assert logged == distinct, (logged, distinct)
    assert logged == queued if exact else logged <= queued, (logged, queued)


# --- cuts and kills ---------------------------------------------------------------------------------------


def test_large_first_sync_cut_mid_upload_and_mid_download_resumes(server: Server, devices: Any) -> None:
    site = server.take_site()
    a = demo_device(server, devices, "a", site, participants=200)
    with Link(server.port, rtt_ms=20, bandwidth_bps=1_000_000) as link:
        link.cut_up_after(50_000)  # about half-way: the answers of the first batches are in
        first = a.sync(server_url=link.url, push_changes=150)
        assert not first.ok and "cannot reach" in first.error
        total = first.snapshot
        assert total > 1000 and 0 < first.pushed < total
        second = a.sync(server_url=link.url, push_changes=150)
        assert second.ok, second.error
        assert second.snapshot == 0 and first.pushed + second.pushed == total, "resumed, not restarted"
    assert_logged_once(server, a)
    assert site_rows(server, "people", site) == a.scalar("SELECT count(*) FROM people")
    a.assert_converged()

    b = devices(server, "b")  # a second laptop of the same site: a large first download
    b.enroll(site)
    with Link(server.port, rtt_ms=20, bandwidth_bps=4_000_000) as link:
        link.cut_down_after(40_000)
        first = b.sync(server_url=link.url, pull_limit=300)
        assert not first.ok and first.pulled > 0
        cursor = int(b.scalar("SELECT value FROM local_state WHERE key = 'sync.cursor'"))
        assert cursor > 0, "the position of every applied batch was saved with it"
        second = b.sync(server_url=link.url, pull_limit=300)
        assert second.ok, second.error
    assert second.pulled < total, "the download went on from where it stopped"
    assert b.scalar("SELECT count(*) FROM people") == a.scalar("SELECT count(*) FROM people")
    assert b.pending() == 0, "pulled rows are not sent back"
    b.assert_converged()


def test_killed_after_the_server_commits_before_the_client_records_it(server: Server, devices: Any) -> None:
    _site, a, b = pair(server, devices)
    people = [create_person(a, first_name_th=f"คนที่{i}") for i in range(5)]
    pending = a.pending()
    with Link(server.port) as link:
        link.cut_down_after(1)  # the server applies and commits; its answer never arrives
        lost = a.sync(server_url=link.url)
        assert not lost.ok and lost.pushed == 0 and a.pending() == pending
        for pid in people:
            assert server.scalar("SELECT count(*) FROM people WHERE id = :p", p=pid) == 1
        replay = a.sync(server_url=link.url)
    assert replay.ok and replay.pushed == pending and a.pending() == 0
    assert_logged_once(server, a)
    assert server.scalar("SELECT count(*) FROM srv_rejections") == 0
    b.sync_ok()
    assert b.scalar("SELECT count(*) FROM people WHERE first_name_th LIKE 'คนที่%'") == 5
    a.assert_converged()
    b.assert_converged()


@pytest.mark.parametrize("server", ["sqlite"], indirect=True)  # client-side logic: one back end is enough
def test_client_killed_at_random_moments_then_synced(server: Server, devices: Any) -> None:
    site = server.take_site()
    a = demo_device(server, devices, "a", site, participants=150)
    rng = random.Random(6)
    with Link(server.port, rtt_ms=40, bandwidth_bps=300_000) as link:
        for _ in range(2):
            proc = subprocess.Popen(
                [sys.executable, "-m", "dipdesk", "--db", str(a.path), "sync", "--server", link.url],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(2.5 + rng.random() * 2.0)
            proc.kill()  # SIGKILL: no clean-up, mid-transaction or mid-transfer
            proc.wait()
        a.sync_ok(server_url=link.url)
    assert a.pending() == 0
    assert_logged_once(server, a)
    a.assert_converged()


def test_server_killed_mid_push_then_restarted(server: Server, devices: Any) -> None:
    site = server.take_site()
    a = demo_device(server, devices, "a", site, participants=120)
    reports: list[Any] = []
    with Link(server.port, rtt_ms=30, bandwidth_bps=200_000) as link:
        worker = threading.Thread(
            target=lambda: reports.append(a.sync(server_url=link.url, push_changes=100))
        )
        worker.start()
        time.sleep(2.0)
        server.kill()
        worker.join(60)
        assert reports and not reports[0].ok
        server.start()
        a.sync_ok(server_url=link.url)
    assert a.pending() == 0
    assert_logged_once(server, a)
    a.assert_converged()


# --- two devices, one person -------------------------------------------------------------------------------


def test_same_field_edited_on_two_devices_deterministic_winner_and_conflict_on_both(
    server: Server, devices: Any
) -> None:
    site, a, b = pair(server, devices)
    pid = create_person(a)
    ua, ub = f"somchai_{site.lower()}", f"wanna_{site.lower()}"
    add_user(a, ua)
    add_user(b, ub)
    for d in (a, b, a):
        cli_sync(d)
    # offline on both laptops
    edit(a, "people", pid, "phone=0822222222", user=ua)
    edit(b, "people", pid, "phone=0833333333", user=ub)
    ha, hb = last_stamp(a, pid), last_stamp(b, pid)
    winner, loser = ("0833333333", "0822222222") if hb > ha else ("0822222222", "0833333333")
    loser_device, loser_user = (device_id(a), ua) if hb > ha else (device_id(b), ub)
    out = cli_sync(a)
    assert "pushed" in out
    cli_sync(b)
    cli_sync(a)
    for d in (a, b):
        assert d.scalar("SELECT phone FROM people WHERE id = :p", p=pid) == winner
        (c,) = conflicts(d)
        assert (c["table"], c["record_id"], c["field"], c["kind"]) == ("people", pid, "phone", "field")
        assert (c["kept"], c["other"], c["other_device"], c["other_user"]) == (
            winner,
            loser,
            loser_device,
            loser_user,
        )
    assert conflicts(a)[0]["id"] == conflicts(b)[0]["id"]
    # a person reviews it on laptop A and swaps: the losing value is written through the services
    code, out, err = a.cli("sync", "resolve", conflicts(a)[0]["id"][:8], "swap", "--user", ua)
    assert code == 0, err
    cli_sync(a)
    cli_sync(b)
    for d in (a, b):
        assert d.scalar("SELECT phone FROM people WHERE id = :p", p=pid) == loser
        assert conflicts(d) == []
        assert [c["state"] for c in conflicts(d, all_=True)] == ["swapped"]
    cli_sync(a)
    for d in (a, b):
        code, out, _ = d.cli("sync", "--verify")
        assert code == 0 and "identical" in out, out


@pytest.mark.parametrize("server", ["sqlite"], indirect=True)  # client-side logic: one back end is enough
def test_different_fields_edited_on_two_devices_both_win(server: Server, devices: Any) -> None:
    _site, a, b = pair(server, devices)
    pid = create_person(a)
    a.sync_ok()
    b.sync_ok()
    edit(a, "people", pid, "phone=0822222222")
    edit(b, "people", pid, "email=somsri@example.com", "last_name_th=ใจงาม")
    sent = b.scalar(
        "SELECT fields FROM sync_outbox WHERE table_name = 'people' AND record_id = :p ORDER BY seq DESC LIMIT 1",
        p=pid,
    )
    assert set(json.loads(sent)) == {"email", "last_name_th"}, "only the changed fields travel"
    for d in (a, b, a):
        cli_sync(d)
    for d in (a, b):
        row = (
            d.scalar("SELECT phone FROM people WHERE id = :p", p=pid),
            d.scalar("SELECT email FROM people WHERE id = :p", p=pid),
            d.scalar("SELECT last_name_th FROM people WHERE id = :p", p=pid),
        )
        assert row == ("0822222222", "somsri@example.com", "ใจงาม")
        assert conflicts(d) == []
        d.assert_converged()


@pytest.mark.parametrize("delete_first", [True, False], ids=["delete-then-edit", "edit-then-delete"])
def test_edit_versus_delete_is_a_conflict(server: Server, devices: Any, delete_first: bool) -> None:
    _site, a, b = pair(server, devices)
    pid = create_person(a)
    a.sync_ok()
    b.sync_ok()
    with a.ctx() as s:
        records.soft_delete(system_context(s), s.get(Person, pid), reason="ซ้ำ")
    edit(b, "people", pid, "phone=0844444444")
    order = (a, b, a) if delete_first else (b, a, b)
    for d in order:
        d.sync_ok()
    for d in (a, b):
        assert d.scalar("SELECT deleted FROM people WHERE id = :p", p=pid) == 1, "the tombstone stands"
        (c,) = conflicts(d)
        assert c["kind"] == "delete" and c["record_id"] == pid
        assert c["other"] == {"phone": "0844444444"}
    # keep the edit after all: swapping restores the record, everywhere
    code, _, err = b.cli("sync", "resolve", conflicts(b)[0]["id"], "swap")
    assert code == 0, err
    b.sync_ok()
    a.sync_ok()
    for d in (a, b):
        assert d.scalar("SELECT deleted FROM people WHERE id = :p", p=pid) == 0
        assert d.scalar("SELECT phone FROM people WHERE id = :p", p=pid) == "0844444444"
        d.assert_converged()


# --- clocks lie ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("server", ["sqlite"], indirect=True)  # clocks are the devices' business
@pytest.mark.parametrize(
    "skew",
    [{"offset_ms": DAY_MS}, {"offset_ms": -DAY_MS}, {"fixed_ms": 0}],
    ids=["plus-1-day", "minus-1-day", "1970"],
)
def test_skewed_device_clock_keeps_causal_order_and_a_deterministic_winner(
    server: Server, devices: Any, skew: dict[str, int]
) -> None:
    site = server.take_site()
    a, b = devices(server, "a"), devices(server, "b")  # A's clock is wrong from the start; B's is right
    with device_clock(**skew):
        a.first_run(site)
        a.enroll(site)
        pid = create_person(a)
        a.sync_ok()
    b.enroll(site)
    b.sync_ok()
    # sequential edits: each device saw the other's value first, so the later edit wins whatever the clocks say
    edit(b, "people", pid, "phone=0811111112")
    b.sync_ok()
    with device_clock(**skew):
        a.sync_ok()
        edit(a, "people", pid, "phone=0822222223")
        a.sync_ok()
    b.sync_ok()
    edit(b, "people", pid, "phone=0833333334")
    b.sync_ok()
    with device_clock(**skew):
        a.sync_ok()
    for d in (a, b):
        assert d.scalar("SELECT phone FROM people WHERE id = :p", p=pid) == "0833333334"
        assert conflicts(d) == [], "sequential edits are not conflicts"
    # concurrent edits: a deterministic winner (the higher stamp), the other value kept in a conflict
    with device_clock(**skew):
        edit(a, "people", pid, "email=a@example.com")
    edit(b, "people", pid, "email=b@example.com")
    with device_clock(**skew):
        a.sync_ok()
    b.sync_ok()
    with device_clock(**skew):
        a.sync_ok()
    winner = "a@example.com" if last_stamp(a, pid) > last_stamp(b, pid) else "b@example.com"
    if skew.get("offset_ms", 0) > 0:
        assert winner == "a@example.com"
    for d in (a, b):
        assert d.scalar("SELECT email FROM people WHERE id = :p", p=pid) == winner
        (c,) = conflicts(d)
        assert c["kept"] == winner and {c["kept"], c["other"]} == {"a@example.com", "b@example.com"}
        d.assert_converged()


# --- partitions and rejections --------------------------------------------------------------------------------


@pytest.mark.parametrize("server", ["sqlite"], indirect=True)  # client-side logic: one back end is enough
def test_partition_then_reconnect_drains_the_queue_without_a_new_edit(server: Server, devices: Any) -> None:
    _site, a, b = pair(server, devices)
    pid = create_person(a, first_name_th="ระหว่างเน็ตล่ม")
    with Link(server.port) as link:
        link.partition(True)
        for _ in range(2):
            failed = a.sync(server_url=link.url, timeout=3)
            assert not failed.ok
        _code, out, _ = a.cli("sync", "status")
        assert "pending changes: 2" in out and "last error" in out
        link.partition(False)
        healed = a.sync(server_url=link.url)  # nothing new was edited: the queue still drains
    assert healed.ok and healed.pushed == 2 and a.pending() == 0
    b.sync_ok()
    assert b.scalar("SELECT first_name_th FROM people WHERE id = :p", p=pid) == "ระหว่างเน็ตล่ม"
    a.assert_converged()


def test_one_refused_change_among_many_does_not_block_and_is_shown(server: Server, devices: Any) -> None:
    site, a, b = pair(server, devices)
    ent = {"code": f"E-{site}-1", "name_th": "วิสาหกิจชุมชนบ้านดอน", "kind": "community", "size": "micro"}
    with a.ctx() as s:
        records.create(system_context(s), Enterprise, **ent)
    with b.ctx() as s:  # offline, the same enterprise code is used on the other laptop
        ctx = system_context(s)
        dup = str(records.create(ctx, Enterprise, **{**ent, "name_th": "กลุ่มแม่บ้านบ้านดอน"}).id)
        others = [str(records.create(ctx, Person, first_name_th=f"สมาชิก{i}").id) for i in range(3)]
    a.sync_ok()
    out = cli_sync(b)
    assert "rejected 1" in out and f"rejected: enterprises {dup}" in out and "duplicate" in out
    for pid in others:
        assert server.scalar("SELECT count(*) FROM people WHERE id = :p", p=pid) == 1, "the rest went on"
    code, out, _ = b.cli("sync", "status")
    assert "rejected: 1" in out
    code, out, _ = b.cli("sync", "--verify")
    assert code == 1 and "refused by the server" in out
    # the user fixes the code; the whole record goes up again
    edit(b, "enterprises", dup, f"code=E-{site}-2")
    cli_sync(b)
    assert server.scalar("SELECT code FROM enterprises WHERE id = :e", e=dup) == f"E-{site}-2"
    cli_sync(a)
    cli_sync(b)
    assert b.scalar("SELECT count(*) FROM enterprises") == 2 == a.scalar("SELECT count(*) FROM enterprises")
    assert b.scalar("SELECT count(*) FROM sync_outbox WHERE state = 'rejected'") == 1, (
        "kept, marked, in the history"
    )
    a.assert_converged()
    b.assert_converged()


# --- then go quiet: every replica equals the server ---------------------------------------------------------------


def test_flaky_week_on_three_laptops_converges(server: Server, devices: Any) -> None:
    site, a, b = pair(server, devices)
    c = devices(server, "c")
    c.enroll(site)
    c.sync_ok()
    rng = random.Random(2026)
    people = [create_person(a, first_name_th=f"คนที่{i}") for i in range(6)]
    for d in (a, b, c):
        d.sync_ok()
    fields = ["phone", "email", "last_name_th", "address"]
    values = {
        "phone": lambda: f"08{rng.randrange(10**7, 10**8)}",
        "email": lambda: f"u{rng.randrange(1000)}@example.com",
        "last_name_th": lambda: rng.choice(["ใจดี", "รักงาน", "มั่นคง", "ศรีสุข"]),
        "address": lambda: f"{rng.randrange(1, 300)} หมู่ {rng.randrange(1, 12)}",
    }
    with Link(server.port, rtt_ms=30, bandwidth_bps=2_000_000) as link:
        for _day in range(4):
            for d in (a, b, c):
                for _ in range(rng.randrange(1, 4)):
                    field = rng.choice(fields)
                    edit(d, "people", rng.choice(people), f"{field}={values[field]()}")
                if rng.random() < 0.3:
                    create_person(d, first_name_th=f"ใหม่{rng.randrange(10**6)}")
            for d in rng.sample([a, b, c], 3):
                if rng.random() < 0.5:
                    (link.cut_up_after if rng.random() < 0.5 else link.cut_down_after)(
                        rng.randrange(200, 3000)
                    )
                d.sync(server_url=link.url, push_changes=5, pull_limit=10)
        link.clear_cuts()
        for _ in range(2):
            for d in (a, b, c):
                d.sync_ok(server_url=link.url)
    ids = [sorted(x["id"] for x in conflicts(d, all_=True)) for d in (a, b, c)]
    assert ids[0] == ids[1] == ids[2], "every laptop shows every conflict"
    for d in (a, b, c):
        d.assert_converged()
        assert_logged_once(server, d, exact=False)
