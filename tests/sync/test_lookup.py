"""Find someone trained elsewhere (SYNC.md guarantee 13), against the real server: IPC2 enrolls a person
IPC1 registered by looking up the national ID (exact match only), brings that one record in, and both
centers converge on ONE person, who stays IPC1's and whose later edits reach IPC2."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from dipdesk.core.thaiid import IdError, make_id
from tests.sync.synctest import create_person, server  # noqa: F401 (fixture)

NID = make_id("310050000017")


def _activity(device: Any) -> str:
    from dipdesk.services import records
    from dipdesk.services.context import system_context
    from dipdesk.store.programs import Activity, Program

    with device.ctx() as s:
        ctx = system_context(s)
        program = records.create(
            ctx,
            Program,
            code=f"P-{device.name}",
            name_th="โครงการทดสอบ",
            fiscal_year=2569,
            service_kind="training",
        )
        day = dt.date(2026, 3, 1)
        activity = records.create(
            ctx,
            Activity,
            program_id=program.id,
            code=f"A-{device.name}",
            title_th="อบรม",
            start_date=day,
            end_date=day,
        )
        return str(activity.id)


def test_a_center_brings_in_the_person_another_trained(server: Any, devices: Any) -> None:  # noqa: F811
    from dipdesk.services.context import system_context
    from dipdesk.services.enrollment import enroll
    from dipdesk.sync.client import SyncError
    from dipdesk.sync.lookup import lookup_person

    a, b = devices(server, "ipc1"), devices(server, "ipc2")
    a.first_run("IPC1", "admin")
    a.enroll("IPC1")
    b.first_run("IPC2", "admin")
    with pytest.raises(SyncError):
        lookup_person(b.engine, NID)  # not enrolled yet: says so
    b.enroll("IPC2")
    pid = create_person(a, national_id=NID, first_name_th="กัญญา", last_name_th="ทองดี")
    a.sync_ok()
    b.sync_ok()
    assert b.scalar("SELECT count(*) FROM people WHERE national_id = :n", n=NID) == 0  # not IPC2's yet

    assert lookup_person(b.engine, make_id("310050000025")) is None  # nobody with that ID
    with pytest.raises(IdError):
        lookup_person(b.engine, make_id("910050000017"))
    found = lookup_person(b.engine, NID)
    assert found is not None and found.id == pid and found.site_code == "IPC1" and "กัญญา" in found.name
    assert b.scalar("SELECT site_id FROM people WHERE id = :i", i=pid) == a.scalar(
        "SELECT site_id FROM people WHERE id = :i", i=pid
    )  # still IPC1's record
    activity = _activity(b)
    with b.ctx() as s:
        enroll(system_context(s), activity, pid)
    for _ in range(2):
        a.sync_ok()
        b.sync_ok()
    a.assert_converged()
    b.assert_converged()
    assert server.scalar("SELECT count(*) FROM people WHERE national_id = :n", n=NID) == 1

    # IPC1 corrects her phone: IPC2, which serves her, receives it
    code, _out, err = a.cli("edit", "people", pid, "phone=0899999999")
    assert code == 0, err
    a.sync_ok()
    b.sync_ok()
    assert b.scalar("SELECT phone FROM people WHERE id = :i", i=pid) == "0899999999"
    a.assert_converged()
    b.assert_converged()
