"""Issue 17, against the real server process (SQLite and PostgreSQL): no device can stop, poison or
impersonate another. Every test reproduces one of the issue's findings first (it failed before the fix)."""

from __future__ import annotations

import concurrent.futures
import gzip
import json
import subprocess
import sys
import time
import uuid
from typing import Any

import httpx
import pytest
from synctest import Device, Server, http, pair

from dipdesk.store.reference_data import site_id
from dipdesk.sync import hlc
from dipdesk.sync.protocol import SCHEMA_VERSION

NOW = "2026-01-01T00:00:00"


def creds(device: Device) -> dict[str, str]:
    from dipdesk.sync.client import device_state

    with device.engine.connect() as conn:
        st = device_state(conn)
    assert st is not None
    return {"X-Dipdesk-Device": st.device_id, "X-Dipdesk-Secret": st.secret}


def raw_push(device: Device, body_changes: str | list[dict[str, Any]]) -> httpx.Response:
    """Push a batch as raw JSON text (so values plain JSON libraries never write, such as 1e1000 or a lone
    surrogate's escape, reach the server as an attacker would send them)."""
    text = body_changes if isinstance(body_changes, str) else json.dumps(body_changes)
    body = f'{{"schema_version": {SCHEMA_VERSION}, "changes": {text}}}'.encode()
    return http().post(
        f"{device.url}/api/v1/push",
        content=gzip.compress(body),
        headers={**creds(device), "Content-Encoding": "gzip", "Content-Type": "application/json"},
        timeout=60,
    )


def next_seq(server: Server, device: Device) -> int:
    return (
        int(
            server.scalar(
                "SELECT last_seq FROM srv_devices WHERE id = :d", d=creds(device)["X-Dipdesk-Device"]
            )
        )
        + 1
    )


def stamp(dev: str = "fuzz", ahead_ms: int = 0) -> str:
    return str(hlc.Stamp(hlc.now_ms() + ahead_ms, 0, dev))


def person(rid: str, site: str, **fields: Any) -> dict[str, Any]:
    f = {"site_id": site, "prefix": "นาง", "first_name_th": "สมศรี", "last_name_th": "ใจดี", "created_at": NOW}
    f.update(fields)
    return {"t": "people", "id": rid, "op": "c", "f": f, "h": stamp()}


def rejected(r: httpx.Response) -> dict[int, str]:
    assert r.status_code == 200, r.text
    return {int(j["seq"]): j["reason"] for j in r.json()["rejected"]}


def numbered(changes: list[dict[str, Any]], first: int) -> list[dict[str, Any]]:
    return [{**c, "seq": first + i} for i, c in enumerate(changes)]


# --- items 1 and 12: one bad value is that change's rejection, and never poisons the site ------------------


def test_bad_values_are_refused_one_by_one_and_never_poison_the_site(server: Server, devices: Any) -> None:
    site, a, b = pair(server, devices)
    sid = site_id(site)
    ids = [str(uuid.uuid4()) for _ in range(8)]
    changes = numbered(
        [
            person(ids[0], sid),  # fine
            person(ids[1], sid, first_name_th="SURROGATE"),  # lone surrogate in a text field
            person(ids[2], sid, birth_date="9999-12-31"),  # out of range
            person(ids[3], sid, created_at="9999-12-31T23:59:59-07:00"),  # overflows on conversion
            {**person(ids[4], sid), "h": stamp(ahead_ms=400 * 86_400_000)},  # a clock a year ahead
            {
                "t": "people",
                "id": ids[5],
                "op": "c",
                "f": {"site_id": sid, "first_name_th": "x"},
                "h": stamp(),
            },
            person(ids[6], sid, phone="INFINITY"),  # 1e1000
            person(ids[7], sid, first_name_th="ถูกต้อง"),  # fine, after all the bad ones
        ],
        next_seq(server, a),
    )
    text = json.dumps(changes).replace('"SURROGATE"', '"\\ud800x"').replace('"INFINITY"', "1e1000")
    refused = rejected(raw_push(a, text))
    first = changes[0]["seq"]
    assert set(refused) == {first + i for i in range(1, 7)}, refused
    assert "Unicode" in refused[first + 1] and "created_at" in refused[first + 5]
    assert "ahead" in refused[first + 4]
    assert server.scalar("SELECT count(*) FROM people WHERE id IN (:x, :y)", x=ids[0], y=ids[7]) == 2
    assert server.scalar("SELECT count(*) FROM people WHERE id = :x", x=ids[1]) == 0
    # the site's other laptop keeps pulling, and its clock stays usable
    b.sync_ok()
    assert b.scalar("SELECT count(*) FROM people WHERE id IN (:x, :y)", x=ids[0], y=ids[7]) == 2
    assert b.cli("list", "people")[0] == 0


# --- item 2: a forged clock cannot lock a laptop ------------------------------------------------------------


def test_a_forged_or_broken_clock_never_makes_a_laptop_unusable(server: Server, devices: Any) -> None:
    from dipdesk.sync import outbox

    site, a, b = pair(server, devices)
    sid = site_id(site)
    rid = str(uuid.uuid4())
    forged = {**person(rid, sid), "h": "999999999999999-99999-" + "f" * 36}
    r = raw_push(
        a,
        numbered(
            [forged, {**person(str(uuid.uuid4()), sid), "h": "2100000000000-00000-x"}], next_seq(server, a)
        ),
    )
    assert len(rejected(r)) == 2, "stamps beyond now + 7 days are refused"
    # a laptop whose clock was pushed there before the fix comes back, and keeps working
    with b.engine.begin() as conn:
        outbox.set_state(conn, outbox.KEY_HLC, "999999999999999-99999-" + "f" * 36)
    pid = __import__("synctest").create_person(b, first_name_th="หลังนาฬิกาเพี้ยน")
    b.sync_ok()
    with b.engine.connect() as conn:
        clock = outbox.load_clock(conn)
    assert hlc.Stamp.parse(clock.tick()).physical < hlc.now_ms() + hlc.MAX_AHEAD_MS
    assert server.scalar("SELECT first_name_th FROM people WHERE id = :p", p=pid) == "หลังนาฬิกาเพี้ยน"
    # a forged stamp stored on the server before the fix (written here behind its back) reaches the
    # laptop: the change is applied like any other, the clock does not follow it
    from dipdesk.sync.server.db import connect

    forged_id = str(uuid.uuid4())
    db = connect(server.db, migrate=False)
    with db.write.begin() as conn:
        conn.execute(
            __import__("sqlalchemy").text(
                "INSERT INTO srv_changes (table_name, record_id, site_id, fields, hlc, device_id, created_at)"
                " VALUES ('people', :r, :s, :f, :h, 'forger', :t)"
            ),
            {
                "r": forged_id,
                "s": sid,
                "f": json.dumps(person(forged_id, sid)["f"]),
                "h": "999999999999999-99999-forger",
                "t": NOW,
            },
        )
    db.dispose()
    b.sync_ok()
    with b.engine.connect() as conn:
        clock = outbox.load_clock(conn)
    assert hlc.Stamp.parse(clock.tick()).physical < hlc.now_ms() + hlc.MAX_AHEAD_MS
    # garbage saved as the clock: still usable
    with b.engine.begin() as conn:
        outbox.set_state(conn, outbox.KEY_HLC, "not a stamp at all")
    __import__("synctest").create_person(b)
    b.sync_ok()


# --- item 3: ownership of every field -----------------------------------------------------------------------


def test_no_site_writes_another_sites_targets_users_audit_or_files(server: Server, devices: Any) -> None:
    from dipdesk.sync.files import store_local
    from dipdesk.sync.protocol import HQ_SITE_CODE

    if HQ_SITE_CODE in server.sites:  # headquarters may set national targets: this is about a site
        server.sites.remove(HQ_SITE_CODE)
    site, a, _b = pair(server, devices)
    sid = site_id(site)
    other_site, x = server.take_site(), devices(server, "x")
    x.first_run(other_site)
    x.enroll(other_site)
    x.sync_ok()
    other_sid = site_id(other_site)
    their_user = x.scalar("SELECT id FROM users LIMIT 1")
    my_user = a.scalar("SELECT id FROM users LIMIT 1")
    audit_id = str(uuid.uuid4())

    def target(for_site: str | None, program: str | None = None) -> dict[str, Any]:
        f = {
            "site_id": sid,
            "fiscal_year": 2569,
            "for_site_id": for_site,
            "program_id": program,
            "persons": 5,
        }
        return {
            "t": "targets",
            "id": str(uuid.uuid4()),
            "op": "c",
            "f": {**f, "created_at": NOW},
            "h": stamp(),
        }

    audit = {
        "site_id": sid,
        "at": NOW,
        "user_id": my_user,
        "action": "update",
        "table_name": "people",
        "record_id": "p1",
        "changes": {"phone": ["1", "2"]},
        "reason": "",
        "created_at": NOW,
    }
    changes = numbered(
        [
            target(other_sid),  # another site's target
            target(None),  # a national target
            {**person(str(uuid.uuid4()), sid), "u": their_user},  # credited to another site's user
            {
                "t": "audit_entries",
                "id": str(uuid.uuid4()),
                "op": "c",
                "f": {**audit, "user_id": their_user},
                "h": stamp(),
            },
            {"t": "audit_entries", "id": audit_id, "op": "c", "f": audit, "h": stamp()},  # fine
            target(sid),  # fine: its own
        ],
        next_seq(server, a),
    )
    first = changes[0]["seq"]
    refused = rejected(raw_push(a, changes))
    assert set(refused) == {first, first + 1, first + 2, first + 3}, refused
    assert "for_site_id" in refused[first] and "national" in refused[first + 1]
    assert server.scalar("SELECT count(*) FROM targets WHERE for_site_id = :s", s=other_sid) == 0
    # audit rows are append-only
    seq = next_seq(server, a)
    later = [
        {
            "seq": seq,
            "t": "audit_entries",
            "id": audit_id,
            "op": "u",
            "f": {"reason": "rewritten"},
            "h": stamp(),
        },
        {
            "seq": seq + 1,
            "t": "audit_entries",
            "id": audit_id,
            "op": "d",
            "f": {"deleted": True},
            "h": stamp(),
        },
    ]
    assert set(rejected(raw_push(a, later))) == {seq, seq + 1}
    assert server.scalar("SELECT reason FROM audit_entries WHERE id = :i", i=audit_id) == ""
    # files: only the owning site (or a site holding a record that refers to it) fetches one
    sha = store_local(a.engine, b"private scan of site " + site.encode())
    from dipdesk.sync.client import Transport
    from dipdesk.sync.files import local_path, upload

    with Transport(
        server.url, device_id=creds(a)["X-Dipdesk-Device"], secret=creds(a)["X-Dipdesk-Secret"]
    ) as tx:
        upload(tx, local_path(a.engine, sha), sha)
    assert http().get(f"{server.url}/api/v1/files/{sha}", headers=creds(x)).status_code == 404
    assert http().get(f"{server.url}/api/v1/files/{sha}", headers=creds(a)).status_code == 200


# --- items 4 and 7: enrolment codes, revocation, re-enrolment ------------------------------------------------


def test_codes_enrol_exactly_one_device_expire_and_revoked_devices_reenrol(
    server: Server, devices: Any
) -> None:
    site = server.take_site()
    codes = [server.enroll_code(site) for _ in range(5)]
    body = {"schema_version": SCHEMA_VERSION, "label": "race"}

    def attempt(code: str) -> int:
        with httpx.Client(timeout=60) as c:
            return c.post(f"{server.url}/api/v1/enroll", json={**body, "code": code}).status_code

    with concurrent.futures.ThreadPoolExecutor(12) as pool:
        answers = list(pool.map(attempt, [c for c in codes for _ in range(12)]))
    assert answers.count(200) == len(codes), answers
    assert server.scalar("SELECT count(*) FROM srv_devices WHERE label = 'race'") == len(codes)
    # a code older than 72 hours is refused
    old = server.enroll_code(site)
    from dipdesk.sync.server.db import connect, hash_secret, normalise_code

    db = connect(server.db, migrate=False)
    with db.write.begin() as conn:
        conn.execute(
            __import__("sqlalchemy").text("UPDATE srv_enrol_codes SET created_at = :t WHERE code_hash = :h"),
            {"t": "2020-01-01 00:00:00", "h": hash_secret(normalise_code(old))},
        )
    db.dispose()
    assert attempt(old) == 403
    # revoke a device: it gets 401; enrolled again with a new code, it keeps its id and its uploads go on
    d = devices(server, "d")
    d.first_run(site)
    d.enroll(site)
    d.sync_ok()
    dev_id = creds(d)["X-Dipdesk-Device"]
    cli = [sys.executable, "-m", "dipdesk.sync.server.cli", "devices"]
    listing = subprocess.run(
        [*cli, "list", "--db", server.db, "--site", site], capture_output=True, text=True, check=True
    )
    assert dev_id in listing.stdout and "active" in listing.stdout
    subprocess.run([*cli, "revoke", dev_id, "--db", server.db], capture_output=True, text=True, check=True)
    assert (
        http()
        .get(f"{server.url}/api/v1/digest", headers={**creds(d), "X-Dipdesk-Schema": str(SCHEMA_VERSION)})
        .status_code
        == 401
    )
    from synctest import create_person

    pid = create_person(d, first_name_th="หลังเพิกถอน")
    assert not d.sync().ok
    d.enroll(site)
    assert creds(d)["X-Dipdesk-Device"] == dev_id
    d.sync_ok()
    assert server.scalar("SELECT first_name_th FROM people WHERE id = :p", p=pid) == "หลังเพิกถอน"
    assert d.pending() == 0


# --- item 6: the site's signing key reaches the server and the other laptop ---------------------------------


def test_a_sites_signing_key_reaches_its_other_laptops(server: Server, devices: Any) -> None:
    from dipdesk.services import signing
    from dipdesk.services.context import system_context

    site = server.take_site()
    a, b = devices(server, "a"), devices(server, "b")
    a.first_run(site)
    with a.ctx() as s:  # the first certificates are printed before the laptop ever synced
        public = signing.signing_key(system_context(s)).public_key().public_bytes_raw().hex()
    a.enroll(site)
    a.sync_ok()
    assert server.scalar("SELECT public_key FROM sites WHERE code = :c", c=site) == public
    b.enroll(site)
    b.sync_ok()
    assert b.scalar("SELECT public_key FROM sites WHERE code = :c", c=site) == public
    assert a.pending() == 0 and not a.scalar("SELECT count(*) FROM sync_outbox WHERE state = 'rejected'")


# --- item 11: the verify page names nobody without the signed record, and is rate limited ------------------


def test_the_verify_page_is_rate_limited(server: Server) -> None:
    answers = [http().get(f"{server.url}/verify/IPC1-2569-{n:05d}").status_code for n in range(35)]
    assert 429 in answers and answers.index(429) == 30, answers


# --- item 12: a batch with a seq gap never stalls the server ------------------------------------------------


def test_pushes_waiting_on_a_gap_do_not_stall_the_server(server: Server, devices: Any) -> None:
    site, a, _b = pair(server, devices)
    far = next_seq(server, a) + 5
    batch = [{**person(str(uuid.uuid4()), site_id(site)), "seq": far}]

    def push() -> int:
        return raw_push(a, batch).status_code

    with concurrent.futures.ThreadPoolExecutor(60) as pool:
        waiting = [pool.submit(push) for _ in range(60)]
        time.sleep(1.0)
        started = time.monotonic()
        r = http().get(f"{server.url}/api/v1/health", timeout=30)
        took = time.monotonic() - started
        assert r.status_code == 200 and took < 2.0, f"health took {took:.1f} s"
        assert {f.result() for f in waiting} == {409}


# --- item 12: several workers starting on a fresh PostgreSQL database ---------------------------------------


@pytest.mark.pg
def test_four_workers_migrate_a_fresh_postgresql_database_together(tmp_path: Any) -> None:
    from synctest import Server as S
    from synctest import free_port, pg_schema

    with pg_schema() as url:
        servers = [S(backend="pg", db=url, port=free_port(), log=tmp_path / f"w{i}.log") for i in range(4)]
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            list(pool.map(lambda s: s.start(timeout=120), servers))
        try:
            for s in servers:
                assert http().get(f"{s.url}/api/v1/health").status_code == 200
        finally:
            for s in servers:
                s.stop()
