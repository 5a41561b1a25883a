"""One person, one enterprise nationally (SYNC.md guarantee 13; `dipdesk.sync.server.identity`), against the
real server on SQLite and PostgreSQL: two sites make the same person (national ID) and the same enterprise
(registration ID) offline; the server keeps one canonical record of each, every reference follows it on
every device, the merged-away ids stay resolvable, field values merge per field with the conflict listed,
a reference that arrives after the merge is re-pointed, and kills and cut connections mid-merge leave no
half merge."""

from __future__ import annotations

import csv
import datetime as dt
import random
import threading
import time
from pathlib import Path
from typing import Any

from sqlalchemy import text

from dipdesk.core.thaiid import make_id
from dipdesk.sync.server.identity import SERVER_DEVICE
from tests.sync.linkemu import Link
from tests.sync.synctest import Device, Server, conflicts, create_person, demo_device, server  # noqa: F401
from tests.sync.synctest import edit as edit_

NID = make_id("310050000025")
REG = make_id("010555000012")


def _activity(device: Device, suffix: str) -> str:
    from dipdesk.services import records
    from dipdesk.services.context import system_context
    from dipdesk.store.programs import Activity, Program

    with device.ctx() as s:
        ctx = system_context(s)
        program = records.create(
            ctx, Program, code=f"P-{suffix}", name_th="โครงการ", fiscal_year=2569, service_kind="training"
        )
        day = dt.date(2026, 3, 1)
        activity = records.create(
            ctx,
            Activity,
            program_id=program.id,
            code=f"A-{suffix}",
            title_th="อบรม",
            start_date=day,
            end_date=day,
        )
        return str(activity.id)


def _enterprise(device: Device, name: str, **fields: Any) -> str:
    from dipdesk.services import records
    from dipdesk.services.context import system_context
    from dipdesk.store.people import Enterprise

    with device.ctx() as s:
        return str(
            records.create(system_context(s), Enterprise, code=f"E-{device.name}", name_th=name, **fields).id
        )


def _row(device: Device, sql: str, **params: Any) -> Any:
    with device.engine.connect() as conn:
        return conn.execute(text(sql), params).first()


def no_half_merge(srv: Server) -> None:
    """Every merge on the server is whole: the merged record is a tombstone and nothing live refers to it."""
    eng = srv.engine()
    try:
        with eng.connect() as conn:
            rows = conn.execute(text("SELECT kind, kept_id, merged_id FROM merges")).all()
            for kind, kept, merged in rows:
                assert conn.execute(text(f"SELECT deleted FROM {kind} WHERE id = :i"), {"i": merged}).scalar()
                assert not conn.execute(
                    text(f"SELECT deleted FROM {kind} WHERE id = :i"), {"i": kept}
                ).scalar()
            live = conn.execute(
                text(
                    "SELECT count(*) FROM enrollments e JOIN merges m ON m.merged_id = e.person_id "
                    "WHERE NOT e.deleted"
                )
            ).scalar()
            assert live == 0
    finally:
        eng.dispose()


LIVE_TWICE = """SELECT count(*) FROM (SELECT national_id FROM people WHERE NOT deleted
    AND national_id IS NOT NULL GROUP BY national_id HAVING count(*) > 1) x"""


def test_two_sites_one_person_and_one_enterprise(server: Server, devices: Any) -> None:  # noqa: F811
    from dipdesk.services import records
    from dipdesk.services.context import system_context
    from dipdesk.services.enrollment import enroll
    from dipdesk.store.people import Product

    s1, s2 = server.take_site(), server.take_site()
    a, b = devices(server, "a"), devices(server, "b")
    a.first_run(s1)
    a.enroll(s1)
    b.first_run(s2)
    b.enroll(s2)
    p = create_person(a, national_id=NID, first_name_th="กัญญา", last_name_th="ทองดี", phone="0811111111")
    e = _enterprise(a, "บริษัท ทองดี จำกัด", registration_id=REG)
    a.sync_ok()
    # site 2, offline: the same person and the same enterprise, typed again with other details
    q = create_person(
        b,
        national_id=NID,
        first_name_th="กัญญา",
        last_name_th="ทองดี",
        phone="0822222222",
        address="ตำบลบ้านใหม่",
    )
    f = _enterprise(b, "ทองดี", registration_id=REG)
    activity = _activity(b, "b")
    with b.ctx() as s:
        ctx = system_context(s)
        enroll(ctx, activity, q)
        product = str(records.create(ctx, Product, enterprise_id=f, name_th="น้ำพริก").id)
    b.sync_ok(push_changes=1)  # one change per request: the enrollment arrives after the merge
    a.sync_ok()
    b.sync_ok()

    assert server.scalar(LIVE_TWICE) == 0
    assert server.scalar("SELECT count(*) FROM merges") == 2
    # the enrollment came after the merge, naming the merged-away id: the server re-pointed it
    repointed = server.scalar(
        "SELECT count(*) FROM srv_changes WHERE table_name = 'enrollments' AND device_id = :d",
        d=SERVER_DEVICE,
    )
    assert repointed == 1
    no_half_merge(server)
    for d in (a, b):
        d.assert_converged()
        assert d.scalar("SELECT kept_id FROM merges WHERE merged_id = :q", q=q) == p  # the alias
        assert d.scalar("SELECT kept_id FROM merges WHERE merged_id = :f", f=f) == e
    # site 2 now holds the kept person and enterprise (it serves them); its references followed them
    assert b.scalar("SELECT deleted FROM people WHERE id = :q", q=q) == 1
    assert b.scalar("SELECT person_id FROM enrollments WHERE activity_id = :a", a=activity) == p
    assert b.scalar("SELECT enterprise_id FROM products WHERE id = :i", i=product) == e
    assert b.scalar("SELECT deleted FROM enterprises WHERE id = :f", f=f) == 1
    # fields merged one by one: what only site 2 knew is kept; two phones: the newer wins, the other listed
    kept = _row(b, "SELECT phone, address, site_id FROM people WHERE id = :p", p=p)
    assert kept.address == "ตำบลบ้านใหม่" and kept.phone == "0822222222"
    assert _row(a, "SELECT phone, address FROM people WHERE id = :p", p=p) == ("0822222222", "ตำบลบ้านใหม่")
    listed = [c for c in conflicts(a) if c["record_id"] == p]
    assert [c["field"] for c in listed] == ["phone"]
    # audited: the merge is in site 2's trail, and the device resolves the old id
    assert b.scalar("SELECT count(*) FROM audit_entries WHERE action = 'merge' AND record_id = :q", q=q) == 1
    from dipdesk.sync.identity import resolve

    with b.engine.connect() as conn:
        assert resolve(conn, "people", q) == p
    # privacy: site 1 received nothing of site 2 but the merged records (not even the merged-away row)
    assert a.scalar("SELECT count(*) FROM people WHERE id = :q", q=q) == 0
    assert (
        a.scalar(
            "SELECT count(*) FROM enrollments WHERE site_id != (SELECT site_id FROM people WHERE id = :p)",
            p=p,
        )
        == 0
    )


def _class_list(source: Device, path: Path, n: int) -> int:
    with source.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT prefix, first_name_th, last_name_th, national_id, phone FROM people "
                "WHERE national_id IS NOT NULL AND deleted = 0 ORDER BY national_id LIMIT :n"
            ),
            {"n": n},
        ).all()
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["คำนำหน้า", "ชื่อ", "นามสกุล", "เลขบัตรประชาชน", "เบอร์โทรศัพท์"])
        w.writerows(rows)
    return len(rows)


def test_kills_and_cuts_mid_merge_leave_no_half_merge(server: Server, devices: Any, tmp_path: Path) -> None:  # noqa: F811
    s1, s2 = server.take_site(), server.take_site()
    a = demo_device(server, devices, "a", s1, participants=120)
    a.sync_ok()
    b = demo_device(server, devices, "b", s2, participants=120)
    sheet = tmp_path / "list.csv"
    shared = _class_list(a, sheet, 60)
    code_ = b.scalar("SELECT a.code FROM activities a ORDER BY a.code LIMIT 1")
    code, out, err = b.cli("import", "people", str(sheet), "--activity", code_)
    assert code == 0, err + out
    rng = random.Random(9)
    with Link(server.port, rtt_ms=30, bandwidth_bps=200_000) as link:
        for _ in range(3):  # the server killed (SIGKILL) at random moments of pushes that merge
            worker = threading.Thread(target=b.sync, kwargs={"server_url": link.url, "push_changes": 40})
            worker.start()
            time.sleep(0.5 + rng.random() * 2.5)
            server.kill()
            worker.join(90)
            no_half_merge(server)
            server.start()
        for n in (3000, 20000):  # the answer cut on its way back, after the server committed
            link.cut_down_after(n)
            b.sync(server_url=link.url, push_changes=40)
            link.clear_cuts()
            no_half_merge(server)
        b.sync_ok(server_url=link.url)
    a.sync_ok()
    b.sync_ok()
    no_half_merge(server)
    assert server.scalar(LIVE_TWICE) == 0
    mine = "SELECT count(*) FROM merges m JOIN sites s ON s.id = m.site_id WHERE s.code = :s AND m.kind = 'people'"
    assert server.scalar(mine, s=s2) == shared
    for d in (a, b):
        d.assert_converged()
        assert d.scalar(LIVE_TWICE.replace("NOT deleted", "deleted = 0")) == 0


def test_a_review_merge_is_synced(server: Server, devices: Any) -> None:  # noqa: F811
    """A pair without an ID merged from the review list: the same merge, made on the device, synced."""
    from dipdesk.services.context import system_context
    from dipdesk.services.enrollment import enroll
    from dipdesk.services.merging import merge_records

    site = server.take_site()
    a, b = devices(server, "a"), devices(server, "b")
    a.first_run(site)
    a.enroll(site)
    a.sync_ok()
    b.enroll(site)
    b.sync_ok()
    kept = create_person(a, first_name_th="มาลี", last_name_th="ศรีสุข", phone="0812345678")
    other = create_person(a, first_name_th="มาลี", last_name_th="ศรี สุข", email="malee@example.com")
    activity = _activity(a, "r")
    with a.ctx() as s:
        enroll(system_context(s), activity, other)
    a.sync_ok()
    b.sync_ok()
    with a.ctx() as s:
        done = merge_records(system_context(s), "people", kept, other)
    assert done.taken == ("email",) and done.references == 1
    a.sync_ok()
    b.sync_ok()
    assert "0899999999" in edit_(a, "people", other, "phone=0899999999")  # the old id opens the kept record
    a.sync_ok()
    b.sync_ok()
    assert server.scalar("SELECT phone FROM people WHERE id = :k", k=kept) == "0899999999"
    assert server.scalar("SELECT reason FROM merges WHERE merged_id = :o", o=other) == "review"
    assert server.scalar("SELECT person_id FROM enrollments WHERE activity_id = :a", a=activity) == kept
    for d in (a, b):
        d.assert_converged()
        assert d.scalar("SELECT deleted FROM people WHERE id = :o", o=other) == 1
        assert d.scalar("SELECT email FROM people WHERE id = :k", k=kept) == "malee@example.com"
