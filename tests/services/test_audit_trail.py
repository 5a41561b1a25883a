"""The audit trail as the audit page reads it: words, BE times, masked IDs, filters, paging, export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import Engine, update

from dipdesk.core.thaiid import make_id, mask_id
from dipdesk.services import audit_trail as at
from dipdesk.services import records, users
from dipdesk.services.auth import find_user
from dipdesk.store.auth import AuditEntry
from dipdesk.store.db import transaction
from dipdesk.store.people import Person


def _setup(engine: Engine) -> tuple[str, str]:
    from dipdesk.services.setup import first_run

    with transaction(engine) as s:
        first_run(s, "IPC1", "admin", "correct horse battery 2569", "สมชาย ผู้ดูแล")
    with transaction(engine) as s:
        admin = users.user_context(s, find_user(s, "admin").id)  # type: ignore[union-attr]
        p = records.create(
            admin, Person, prefix="นาง", first_name_th="สมศรี", last_name_th="ใจดี", phone="0811111111"
        )
        records.update(admin, p, phone="0822222222", birth_date=dt.date(1980, 3, 15))
        users.add_user(admin, "tech", "first-pass-1", role="lab_technician")
        users.set_role(admin, "tech", "lab_head")
        return str(p.id), str(admin.user.id)  # type: ignore[union-attr]


def test_rows_speak_the_departments_words(engine: Engine) -> None:
    pid, _admin_id = _setup(engine)
    with transaction(engine) as s:
        rows = at.fetch(s, at.AuditFilter(record_ids=(pid,)))
        assert [r.action_label for r in rows] == ["แก้ไข", "สร้าง"], "newest first"
        upd = rows[0]
        assert upd.kind_label == "บุคคล" and upd.record_label == "สมศรี ใจดี"
        assert upd.user == "สมชาย ผู้ดูแล (admin)"
        changes = {c.label: (c.before, c.after) for c in upd.changes}
        assert changes["โทรศัพท์"] == ("0811111111", "0822222222")
        assert changes["วันเกิด"] == ("–", "15 มี.ค. 2523"), "dates in BE"
        assert "2569" in upd.when or "2570" in upd.when
        role = at.fetch(s, at.AuditFilter(table="users", action="update"))[0]
        assert {c.label: c.after for c in role.changes}["บทบาท"] == "หัวหน้าห้องปฏิบัติการ"


def test_national_ids_are_masked_wherever_they_appear(engine: Engine) -> None:
    pid, _ = _setup(engine)
    nid = make_id("110170012345")
    with transaction(engine) as s:  # an entry written in the clear by an older version
        s.add(
            AuditEntry(
                site_id=s.get(Person, pid).site_id,  # type: ignore[union-attr]
                action="update",
                table_name="people",
                record_id=pid,
                changes={"national_id": [None, nid]},
                reason=f"แก้เลข {nid}",
            )
        )
    with transaction(engine) as s:
        row = at.fetch(s, at.AuditFilter(record_ids=(pid,)))[0]
        assert nid not in row.changes_text and nid not in row.reason
        masked = mask_id(nid)
        assert row.changes[0].after == masked and masked in row.reason


def test_filters_by_user_kind_and_bangkok_dates(engine: Engine) -> None:
    _pid, admin_id = _setup(engine)
    with transaction(engine) as s:
        everything = at.count(s, at.AuditFilter())
        assert at.count(s, at.AuditFilter(user_id=admin_id)) >= 3
        assert at.count(s, at.AuditFilter(table="people")) == 2
        assert at.count(s, at.AuditFilter(action="create", table="people")) == 1
        # move one entry to 23:30 Bangkok on 1 Dec 2026 (16:30 UTC): it belongs to that Bangkok day
        s.execute(update(AuditEntry).where(AuditEntry.action == "create", AuditEntry.table_name == "people")
                  .values(at=dt.datetime(2026, 12, 1, 16, 30)))  # fmt: skip
        day = dt.date(2026, 12, 1)
        assert at.count(s, at.AuditFilter(date_from=day, date_to=day)) == 1
        assert at.count(s, at.AuditFilter(date_from=dt.date(2026, 12, 2), date_to=dt.date(2026, 12, 2))) == 0
        assert len(list(at.iter_rows(s, at.AuditFilter(), batch=2))) == everything, (
            "keyset batches lose nothing"
        )
        assert [r.id for r in at.fetch(s, at.AuditFilter(), 1, 2)] == [
            r.id for r in at.fetch(s, at.AuditFilter())[1:3]
        ]


def test_export_to_xlsx_with_thai_headers_and_text_that_is_never_a_formula(
    engine: Engine, tmp_path: Path
) -> None:
    pid, _ = _setup(engine)
    with transaction(engine) as s:
        admin = users.user_context(s, find_user(s, "admin").id)  # type: ignore[union-attr]
        records.update(admin, s.get(Person, pid), address='=HYPERLINK("http://x")')
    with transaction(engine) as s:
        admin = users.user_context(s, find_user(s, "admin").id)  # type: ignore[union-attr]
        n = at.export_xlsx(admin, at.AuditFilter(), tmp_path / "audit.xlsx")
    ws = load_workbook(tmp_path / "audit.xlsx").active
    assert ws is not None
    assert [c.value for c in ws[1]] == list(at.EXPORT_HEADERS.values())
    assert ws.max_row == n + 1
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f", "no cell is a formula"
