"""Two laptops of one site work offline and both make "the next" number: activity and program codes, an
enterprise, lab requests and samples (their numbers go on physical labels) and certificates. Against the
real server: nothing is refused, nothing parked, and both `sync --verify` identical (issue 17, item 5)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import text
from synctest import Device, pair

from dipdesk.services import lab, numbering, records, search
from dipdesk.services.context import system_context
from dipdesk.services.enrollment import enterprise_named
from dipdesk.store.programs import Activity, Program

DAY = dt.date(2026, 12, 1)


def suggested(device: Device, table: str, base: str, width: int) -> str:
    """The code the new-record form suggests on this laptop (what `code_prefix` + `next_code` give)."""
    with device.ctx() as s:
        return search.next_code(s.connection(), table, numbering.code_prefix(s, base), width)


def work_offline(device: Device, site: str, program_id: str, n: int) -> dict[str, Any]:
    made: dict[str, Any] = {"activities": [], "lab_nos": [], "request_nos": []}
    for i in range(n):
        code = suggested(device, "activities", f"{site}-2570-A", 5)
        with device.ctx() as s:
            records.create(
                system_context(s), Activity, code=code, title_th=f"อบรม {device.name} {i}",
                program_id=program_id, start_date=DAY, end_date=DAY,
            )  # fmt: skip
        made["activities"].append(code)
    made["program"] = suggested(device, "programs", f"{site}-2570-P", 2)
    with device.ctx() as s:
        records.create(
            system_context(s), Program, code=made["program"], name_th=f"โครงการ {device.name}",
            fiscal_year=2570, service_kind="training",
        )  # fmt: skip
        made["enterprise"] = enterprise_named(system_context(s), f"ร้านค้า {device.name}").code
    for _ in range(2):
        with device.ctx() as s:
            req = lab.create_request(
                system_context(s), customer_name=f"ลูกค้า {device.name}", requested_on=DAY,
                samples=[lab.SampleInput(description="กล้วยตาก", tests=["PH"]),
                         lab.SampleInput(description="ข้าวเกรียบ", tests=["PH"])],
            )  # fmt: skip
            made["request_nos"].append(req.request_no)
            made["lab_nos"] += sorted(
                str(x)
                for x in s.execute(
                    text("SELECT lab_no FROM lab_samples WHERE request_id = :r"), {"r": req.id}
                ).scalars()
            )
    return made


def test_two_laptops_of_one_site_number_offline_without_colliding(server, devices) -> None:  # type: ignore[no-untyped-def]
    site, a, b = pair(server, devices)
    with a.ctx() as s:
        ctx = system_context(s)
        program = records.create(
            ctx,
            Program,
            code=f"{site}-SHARED",
            name_th="โครงการร่วม",
            fiscal_year=2570,
            service_kind="training",
        )
        program_id = program.id
        lab.create_test(ctx, code="PH", name_th="ความเป็นกรด-ด่าง", kind="physical", method="pH meter", fee=150)
    a.sync_ok()
    b.sync_ok()
    assert b.scalar("SELECT count(*) FROM lab_tests WHERE code = 'PH'") == 1

    # offline: both take "the next" of everything
    made_a = work_offline(a, site, program_id, 3)
    made_b = work_offline(b, site, program_id, 3)
    for key in ("activities", "lab_nos", "request_nos"):
        assert not set(made_a[key]) & set(made_b[key]), key
    for key in ("program", "enterprise"):
        assert made_a[key] != made_b[key], key
    # lab numbers stay short enough for a label, and say which laptop made them
    tags = []
    for d in (a, b):
        with d.engine.begin() as conn:
            tags.append(numbering.device_tag(conn))
    tag_a, tag_b = tags
    assert tag_a != tag_b and len(tag_a) == 4
    assert all(
        n.startswith(f"L2570-{site}-{tag_a}-0") and len(n) == 17 + len(site) for n in made_a["lab_nos"]
    )
    assert made_b["lab_nos"][0] == f"L2570-{site}-{tag_b}-00001"

    # back online, in either order, twice: nothing refused, nothing parked, identical
    for _ in range(2):
        for d in (a, b):
            report = d.sync_ok()
            assert report.rejected == 0 and report.parked == 0, report.rejections
    for d in (a, b):
        assert d.scalar("SELECT count(*) FROM sync_outbox WHERE state = 'rejected'") == 0
        assert d.scalar("SELECT count(*) FROM sync_parked") == 0
        d.assert_converged()
        assert d.scalar("SELECT count(*) FROM activities WHERE deleted = 0") == 6
        assert d.scalar("SELECT count(*) FROM lab_samples WHERE deleted = 0") == 8
        assert d.scalar("SELECT count(DISTINCT lab_no) FROM lab_samples") == 8
