"""The server's protocol against the real process: enrolment, replays, scope and ownership from the
credential, rejections that do not block, update-before-create, exists, keys, files, versions, and the
public certificate page."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from synctest import Device, Server, create_person, http, pair, running_server

from dipdesk.sync import hlc
from dipdesk.sync.client import Transport
from dipdesk.sync.protocol import SCHEMA_VERSION


def raw_push(
    device: Device, changes: list[dict[str, Any]], *, version: int = SCHEMA_VERSION
) -> httpx.Response:
    from dipdesk.sync.client import device_state

    with device.engine.connect() as conn:
        st = device_state(conn)
    assert st is not None
    body = gzip.compress(json.dumps({"schema_version": version, "changes": changes}).encode())
    return http().post(
        f"{device.url}/api/v1/push",
        content=body,
        headers={
            "Content-Encoding": "gzip",
            "Content-Type": "application/json",
            "X-Dipdesk-Device": st.device_id,
            "X-Dipdesk-Secret": st.secret,
        },
        timeout=30,
    )


def stamp(ms: int, dev: str = "dev") -> str:
    return str(hlc.Stamp(ms, 0, dev))


def test_enrol_code_from_the_cli_is_one_time(server: Server, devices: Any) -> None:
    site = server.take_site()
    out = subprocess.run(
        [sys.executable, "-m", "dipdesk.sync.server.cli", "enroll-code", "--db", server.db, "--site", site],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    code = out.strip().splitlines()[-1]
    a = devices(server, "a")
    c, text, err = a.cli("sync", "--server", server.url, "--enroll", code)
    assert c == 0, err
    assert f"site {site}" in text and "pushed" in text
    b = devices(server, "b")
    c, _, err = b.cli("sync", "--server", server.url, "--enroll", code)
    assert c == 1 and "already used" in err
    c, _, err = devices(server, "c").cli("sync")
    assert c == 1 and "not enrolled" in err


@pytest.mark.parametrize("server", ["sqlite"], indirect=True)
def test_a_code_for_another_site_is_refused_without_using_it(server: Server, devices: Any) -> None:
    mine, theirs = server.take_site(), server.take_site()
    d = devices(server, "a")
    d.first_run(mine)
    code = server.enroll_code(theirs)
    c, _, err = d.cli("sync", "--server", server.url, "--enroll", code)
    assert c == 1 and theirs in err
    other = devices(server, "b")
    assert other.cli("sync", "--server", server.url, "--enroll", code)[0] == 0, "the code is still good"


def test_replayed_batch_changes_nothing(server: Server, devices: Any) -> None:
    _site, a, b = pair(server, devices)
    pid = create_person(a)
    with a.engine.connect() as conn:
        rows = conn.execute(
            __import__("sqlalchemy").text(
                "SELECT seq, table_name, record_id, op, fields, base, hlc FROM sync_outbox WHERE state = 'pending'"
            )
        ).all()
    batch = [
        {
            "seq": r.seq,
            "t": r.table_name,
            "id": r.record_id,
            "op": r.op,
            "f": json.loads(r.fields),
            "h": r.hlc,
        }
        for r in rows
    ]
    first = raw_push(a, batch)
    assert first.status_code == 200 and first.json()["applied"] == len(batch)
    log_before = server.scalar("SELECT count(*) FROM srv_changes WHERE record_id = :r", r=pid)
    again = raw_push(a, batch)
    assert (
        again.status_code == 200 and again.json()["replayed"] == len(batch) and again.json()["applied"] == 0
    )
    assert server.scalar("SELECT count(*) FROM srv_changes WHERE record_id = :r", r=pid) == log_before == 1
    assert server.scalar("SELECT count(*) FROM people WHERE id = :r", r=pid) == 1
    a.sync_ok()  # the client's own copy of the same batch: acknowledged, nothing doubled
    assert a.pending() == 0
    b.sync_ok()
    a.assert_converged()
    b.assert_converged()


def test_scope_and_ownership_come_from_the_credential(server: Server, devices: Any) -> None:
    _site1, a, _b = pair(server, devices)
    site2 = server.take_site()
    x = devices(server, "x")
    x.first_run(site2)
    x.enroll(site2)
    x.sync_ok()
    pid = create_person(a)
    a.sync_ok()
    # a device of another site neither receives site 1's person…
    x.sync_ok()
    assert x.scalar("SELECT count(*) FROM people WHERE id = :p", p=pid) == 0
    # …nor may write it, claim site 1's ownership, or touch reference data; the rest of its batch goes on
    now = hlc.now_ms()
    site1_id = a.scalar("SELECT value FROM local_state WHERE key = 'site_id'")
    site2_id = x.scalar("SELECT value FROM local_state WHERE key = 'site_id'")
    fine = create_person(x, first_name_th="ถูกต้อง")
    with x.engine.connect() as conn:
        good = [
            {
                "seq": r.seq,
                "t": r.table_name,
                "id": r.record_id,
                "op": r.op,
                "f": json.loads(r.fields),
                "h": r.hlc,
            }
            for r in conn.execute(
                __import__("sqlalchemy").text(
                    "SELECT seq, table_name, record_id, op, fields, hlc FROM sync_outbox WHERE state='pending' ORDER BY seq"
                )
            )
        ]
    top = max(c["seq"] for c in good)
    bad = [
        {"seq": top + 1, "t": "people", "id": pid, "op": "u", "f": {"phone": "0899999999"}, "h": stamp(now)},
        {
            "seq": top + 2,
            "t": "people",
            "id": "new-1",
            "op": "c",
            "f": {"site_id": site1_id, "first_name_th": "x"},
            "h": stamp(now),
        },
        {"seq": top + 3, "t": "provinces", "id": "p", "op": "u", "f": {"name_th": "x"}, "h": stamp(now)},
        {
            "seq": top + 4,
            "t": "sites",
            "id": site1_id,
            "op": "u",
            "f": {"public_key": "ab" * 32},
            "h": stamp(now),
        },
        {
            "seq": top + 5,
            "t": "sites",
            "id": site2_id,
            "op": "u",
            "f": {"public_key": "cd" * 32},
            "h": stamp(now),
        },
        {"seq": top + 6, "t": "no_such_table", "id": "z", "op": "u", "f": {}, "h": stamp(now)},
        {"seq": top + 7, "t": "people", "id": fine, "op": "u", "f": {"phone": 12345}, "h": stamp(now)},
        {"seq": top + 8, "t": "people", "id": fine, "op": "u", "f": {"nickname": "x"}, "h": stamp(now)},
    ]
    r = raw_push(x, good + bad)
    assert r.status_code == 200, r.text
    rejected = {j["seq"]: j["reason"] for j in r.json()["rejected"]}
    assert set(rejected) == {top + 1, top + 2, top + 3, top + 4, top + 6, top + 7, top + 8}, rejected
    assert "another site" in rejected[top + 1] and "own site" in rejected[top + 2]
    assert "reference" in rejected[top + 3] and "unknown table" in rejected[top + 6]
    assert "phone" in rejected[top + 7] and "nickname" in rejected[top + 8]
    assert server.scalar("SELECT phone FROM people WHERE id = :p", p=pid) == "0811111111"
    assert server.scalar("SELECT count(*) FROM people WHERE id = :p", p=fine) == 1, "the rest went on"
    # its own site's public key is the one reference field a device may set; it reaches every device
    a.sync_ok()
    assert a.scalar("SELECT public_key FROM sites WHERE id = :s", s=site2_id) == "cd" * 32
    keys = http().get(f"{server.url}/api/v1/keys").json()["keys"]
    assert {"code": site2, "public_key": "cd" * 32}.items() <= next(
        k for k in keys if k["code"] == site2
    ).items()


def test_update_arriving_before_its_create_is_kept_and_merged(server: Server, devices: Any) -> None:
    _site, a, b = pair(server, devices)
    site_id = a.scalar("SELECT value FROM local_state WHERE key = 'site_id'")
    top = int(a.scalar("SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'")) + 1
    now = hlc.now_ms()
    rid = "0b0e0f00-0000-4000-8000-000000000001"
    update = {
        "seq": top,
        "t": "people",
        "id": rid,
        "op": "u",
        "f": {"phone": "0812345678"},
        "h": stamp(now + 5, "z"),
    }
    r = raw_push(a, [update])
    assert r.json()["parked"] == 1 and not r.json()["rejected"]
    create = {
        "seq": top + 1, "t": "people", "id": rid, "op": "c", "h": stamp(now, "z"),
        "f": {"id": rid, "site_id": site_id, "first_name_th": "มาทีหลัง", "phone": "", "created_at": "2026-01-01T00:00:00"},
    }  # fmt: skip
    r = raw_push(a, [create])
    assert r.status_code == 200 and not r.json()["rejected"], r.text
    assert server.scalar("SELECT phone FROM people WHERE id = :r", r=rid) == "0812345678"
    b.sync_ok()
    assert b.scalar("SELECT phone FROM people WHERE id = :r", r=rid) == "0812345678"
    assert b.scalar("SELECT first_name_th FROM people WHERE id = :r", r=rid) == "มาทีหลัง"


def test_exists_digest_and_tombstones(server: Server, devices: Any) -> None:
    _site, a, b = pair(server, devices)
    live, gone = create_person(a), create_person(a, first_name_th="ลบ")
    from dipdesk.services import records
    from dipdesk.services.context import system_context
    from dipdesk.store.people import Person

    with a.ctx() as s:
        records.soft_delete(system_context(s), s.get(Person, gone))
    a.sync_ok()
    from dipdesk.sync.client import device_state

    with a.engine.connect() as conn:
        st = device_state(conn)
    assert st is not None
    with Transport(server.url, device_id=st.device_id, secret=st.secret) as tx:
        answer = tx.json("POST", "/api/v1/exists", {"ids": {"people": [live, gone, "nope"]}})
    assert answer["ids"]["people"] == {live: "live", gone: "deleted", "nope": "unknown"}
    b.sync_ok()
    assert b.scalar("SELECT deleted FROM people WHERE id = :g", g=gone) == 1, "the tombstone propagated"
    a.assert_converged()
    b.assert_converged()


def test_files_are_content_addressed_and_resume(server: Server, devices: Any, tmp_path: Path) -> None:
    from dipdesk.sync.client import device_state
    from dipdesk.sync.files import download, upload

    _site, a, _b = pair(server, devices)
    data = bytes(range(256)) * 4000  # ~1 MB
    sha = hashlib.sha256(data).hexdigest()
    src = tmp_path / "photo.jpg"
    src.write_bytes(data)
    with a.engine.connect() as conn:
        st = device_state(conn)
    assert st is not None
    headers = {"X-Dipdesk-Device": st.device_id, "X-Dipdesk-Secret": st.secret}
    # a first chunk arrives, then the link dies
    r = http().put(
        f"{server.url}/api/v1/files/{sha}",
        params={"offset": 0, "total": len(data)},
        content=data[:300_000],
        headers=headers,
    )
    assert r.json() == {
        "received": 300_000,
        "total": len(data),
        "complete": False,
        "schema_version": SCHEMA_VERSION,
    }
    wrong = http().put(
        f"{server.url}/api/v1/files/{sha}",
        params={"offset": 5, "total": len(data)},
        content=b"x",
        headers=headers,
    )
    assert wrong.status_code == 409 and wrong.json()["received"] == 300_000
    with Transport(server.url, device_id=st.device_id, secret=st.secret) as tx:
        upload(tx, src, sha, chunk=200_000)  # resumes at 300,000
        assert tx.bytes_up < len(data)
        dest = tmp_path / "copy" / sha
        dest.parent.mkdir()
        (dest.parent / f"{sha}.part").write_bytes(data[:123_456])  # a download cut earlier
        download(tx, sha, dest)
    assert dest.read_bytes() == data
    bad = http().put(
        f"{server.url}/api/v1/files/{'0' * 64}",
        params={"offset": 0, "total": 3},
        content=b"abc",
        headers=headers,
    )
    assert bad.status_code == 422


@pytest.mark.parametrize("server", ["sqlite"], indirect=True)
def test_versions_mix_older_accepted_newer_refused(server: Server, devices: Any, tmp_path: Path) -> None:
    _site, a, _b = pair(server, devices)
    create_person(a)
    too_new = a.sync(schema_version=SCHEMA_VERSION + 1)
    assert not too_new.ok and "426" not in too_new.error and "newer than this server" in too_new.error
    assert a.pending() > 0, "nothing was lost by the refusal"
    older = a.sync(schema_version=SCHEMA_VERSION - 1)
    assert older.ok and a.pending() == 0


def test_an_old_client_after_a_server_schema_change(devices: Any, tmp_path: Path) -> None:
    """The server moved to schema 4, where (say) people.email appeared: a schema-3 client still syncs,
    and never receives the field it does not know."""
    env = {
        "DIPDESK_SERVER_SCHEMA_VERSION": str(SCHEMA_VERSION + 1),
        "DIPDESK_SERVER_FIELDS_SINCE": json.dumps({str(SCHEMA_VERSION + 1): {"people": ["email"]}}),
    }
    with running_server("sqlite", tmp_path / "v4", env=env) as newer:
        site = newer.take_site()
        a, b = devices(newer, "a"), devices(newer, "b")
        a.first_run(site)
        a.enroll(site)
        pid = create_person(a, email="somsri@example.com")
        assert a.sync().ok
        b.enroll(site)
        report = b.sync()
        assert report.ok, report.error
        assert b.scalar("SELECT first_name_th FROM people WHERE id = :p", p=pid) == "สมศรี"
        assert b.scalar("SELECT email FROM people WHERE id = :p", p=pid) == "", (
            "a field it does not know never came"
        )
        assert newer.scalar("SELECT email FROM people WHERE id = :p", p=pid) == "somsri@example.com"


@pytest.mark.parametrize(
    ("state", "prefix", "first", "shown"),
    [
        ("issued", "นาง", "สมหญิง", "นางสมหญิง รักงาน"),
        ("revoked", "นาง", "สมหญิง", "นางสมหญิง รักงาน"),
        (None, "นาง", "สมหญิง", ""),
        ("issued", "นางสาว", "Mary-Jane", "นางสาว Mary-Jane รักงาน"),
        ("issued", "ว่าที่ ร.ต.", "สมชาย", "ว่าที่ ร.ต.สมชาย รักงาน"),
    ],
)
def test_public_certificate_page(
    server: Server, state: str | None, prefix: str, first: str, shown: str
) -> None:
    """The page names the holder only with the genuine signed record `p` of the QR code (issue 17 #11),
    and then as printed on the certificate; a bare serial shows the state alone, a tampered `p` is
    called forged."""
    import base64
    import datetime as dt

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from dipdesk.core import certcode
    from dipdesk.sync.server.db import connect, set_site_key

    tag = f"{state}-{hashlib.sha256((prefix + first).encode()).hexdigest()[:8]}"
    serial = f"IPC11-{tag}"
    if state:
        from sqlalchemy import text

        from dipdesk.store.reference_data import site_id

        eng = server.engine()
        sid = site_id("IPC11")
        with eng.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO people (id, site_id, prefix, first_name_th, last_name_th, first_name_en, last_name_en,"
                    " national_id, gender, phone, email, address, consent, created_at, updated_at, deleted) VALUES "
                    "(:p, :s, :prefix, :first, 'รักงาน', '', '', '3101700123455', '', '0811111111', '', '', false,"
                    " '2026-01-01', '2026-01-01', false)"
                ),
                {"p": f"pp-{tag}", "s": sid, "prefix": prefix, "first": first},
            )
            conn.execute(
                text(
                    "INSERT INTO programs (id, site_id, code, name_th, name_en, fiscal_year, budget, service_kind,"
                    " policy_track, description, created_at, updated_at, deleted) VALUES (:g, :s, :c, 'โครงการ', '',"
                    " 2569, 0, 'training', '', '', '2026-01-01', '2026-01-01', false)"
                ),
                {"g": f"pg-{tag}", "s": sid, "c": f"PG-{tag}"},
            )
            conn.execute(
                text(
                    "INSERT INTO activities (id, site_id, program_id, code, title_th, title_en, start_date, end_date,"
                    " venue, hours, capacity, completion_threshold, created_at, updated_at, deleted) VALUES"
                    " (:a, :s, :g, :c, 'หลักสูตรการแปรรูปอาหาร', '', '2026-01-01', '2026-01-02', '', 0, 0, 80,"
                    " '2026-01-01', '2026-01-01', false)"
                ),
                {"a": f"pa-{tag}", "s": sid, "g": f"pg-{tag}", "c": f"PA-{tag}"},
            )
            conn.execute(
                text(
                    "INSERT INTO certificate_templates (id, site_id, code, name_th, kind, page_size, orientation,"
                    " background_hash, thai_digits, elements, version, created_at, updated_at, deleted) VALUES"
                    " (:t, :s, :c, 'แบบ', 'completion', 'A4', 'landscape', '', false, '[]', 1, '2026-01-01',"
                    " '2026-01-01', false)"
                ),
                {"t": f"pt-{tag}", "s": sid, "c": f"PT-{tag}"},
            )
            conn.execute(
                text(
                    "INSERT INTO certificates (id, site_id, serial, template_id, kind, activity_id, person_id,"
                    " issued_on, printed_data, signature, state, override_reason, revoked_reason, created_at,"
                    " updated_at, deleted) VALUES (:i, :s, :n, :t, 'completion', :a, :p, '2026-01-02', '{}', '',"
                    " :st, '', '', '2026-01-01', '2026-01-01', false)"
                ),
                {
                    "i": f"pc-{tag}",
                    "s": sid,
                    "n": serial,
                    "t": f"pt-{tag}",
                    "a": f"pa-{tag}",
                    "p": f"pp-{tag}",
                    "st": state,
                },
            )
        eng.dispose()
    key = Ed25519PrivateKey.from_private_bytes(b"k" * 32)
    db = connect(server.db, migrate=False)
    set_site_key(db, "IPC11", key.public_key().public_bytes_raw().hex())
    db.dispose()
    holder = shown or "นางสมหญิง รักงาน"
    payload = certcode.Payload(serial, holder, "หลักสูตรการแปรรูปอาหาร", dt.date(2026, 1, 2))
    url, _sig = certcode.make_qr_text(payload, key, server.url)
    r = http().get(f"{server.url}/verify/{serial}")
    page = r.text
    assert 'lang="th"' in page and serial in page
    assert "<dd>" not in page and "หลักสูตรการแปรรูปอาหาร" not in page, "no name without the signed record"
    if state == "issued":
        assert r.status_code == 200 and "ถูกต้อง" in page
    elif state == "revoked":
        assert r.status_code == 200 and "เพิกถอน" in page
    else:
        assert r.status_code == 404 and "ไม่พบ" in page
    r = http().get(url)
    page = r.text
    if state == "issued":
        assert r.status_code == 200 and "ถูกต้อง" in page and f"<dd>{shown}</dd>" in page
        assert "หลักสูตรการแปรรูปอาหาร" in page
    elif state == "revoked":
        assert r.status_code == 200 and "เพิกถอน" in page and f"<dd>{shown}</dd>" in page
    else:
        assert r.status_code == 200 and "ยังไม่มีบันทึก" in page
    assert "3101700123455" not in page and "0811111111" not in page, "nothing but name and activity"
    forged = certcode.pack(certcode.Payload(serial, "นายปลอม ตัวจริง", "x", dt.date(2026, 1, 2)))
    token = base64.urlsafe_b64encode(forged + b"\0" * 64).decode().rstrip("=")
    r = http().get(f"{server.url}/verify/{serial}", params={"p": token})
    assert r.status_code == 400 and "นายปลอม" not in r.text and "ใบรับรองนี้ถูกต้อง" not in r.text


@pytest.mark.parametrize("server", ["sqlite"], indirect=True)
def test_openapi_schema_is_served(server: Server) -> None:
    spec = http().get(f"{server.url}/openapi.json").json()
    assert "/api/v1/push" in spec["paths"] and "/api/v1/pull" in spec["paths"]


def test_a_batch_that_overtakes_the_one_before_it_waits_for_it(server: Server, devices: Any) -> None:
    import threading

    _site, a, _b = pair(server, devices)
    people = [create_person(a, first_name_th=f"ลำดับ{i}") for i in range(4)]
    with a.engine.connect() as conn:
        rows = conn.execute(
            __import__("sqlalchemy").text(
                "SELECT seq, table_name, record_id, op, fields, hlc FROM sync_outbox WHERE state = 'pending' ORDER BY seq"
            )
        ).all()
    changes = [
        {
            "seq": r.seq,
            "t": r.table_name,
            "id": r.record_id,
            "op": r.op,
            "f": json.loads(r.fields),
            "h": r.hlc,
        }
        for r in rows
    ]
    first, second = changes[:4], changes[4:]
    answers: dict[str, httpx.Response] = {}
    late = threading.Thread(target=lambda: answers.setdefault("second", raw_push(a, second)))
    late.start()  # the second batch reaches the server first…
    time.sleep(0.5)
    answers["first"] = raw_push(a, first)  # …and is applied after the first
    late.join(30)
    assert answers["first"].status_code == 200 and answers["second"].status_code == 200, answers
    assert answers["second"].json()["acked"] == changes[-1]["seq"]
    for pid in people:
        assert server.scalar("SELECT count(*) FROM people WHERE id = :p", p=pid) == 1
    a.sync_ok()
    assert a.pending() == 0


def test_referenced_files_travel_with_a_round(server: Server, devices: Any) -> None:
    from dipdesk.services import records
    from dipdesk.services.context import system_context
    from dipdesk.store.people import Enterprise, Product
    from dipdesk.sync.files import local_path, store_local

    _site, a, b = pair(server, devices)
    photo = b"\x89PNG fake photo " * 20_000
    with a.ctx() as s:
        ctx = system_context(s)
        ent = records.create(
            ctx, Enterprise, code=f"E-{_site}-F", name_th="โรงงานน้ำพริก", kind="juristic", size="small"
        )
        sha = store_local(a.engine, photo)
        records.create(ctx, Product, enterprise_id=ent.id, name_th="น้ำพริกเผา", photo_hash=sha)
    first = a.sync_ok()
    assert server.scalar("SELECT complete FROM srv_files WHERE sha256 = :h", h=sha) in (1, True)
    again = a.sync_ok()
    assert again.round_trips < first.round_trips, "settled files cost no request"
    b.sync_ok()
    assert local_path(b.engine, sha).read_bytes() == photo
