"""Sign-in sheets from the database: printed, read back by zbarimg, each code scanned ticks its person."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import _records_b_db
import pytest
from sqlalchemy import select

from dipdesk.core.thaiid import make_id
from dipdesk.printing.signin_sheet import render_signin_sheet
from dipdesk.services import enrollment as es
from dipdesk.services import records, signin
from dipdesk.services.errors import ValidationError
from dipdesk.store.enrollment import Attendance
from dipdesk.store.people import Person
from dipdesk.store.programs import Activity, ActivitySession, Program

engine = _records_b_db.engine
ctx = _records_b_db.ctx
set_up_template = _records_b_db.set_up_template

DAY = dt.date(2025, 12, 1)
TOOLS = shutil.which("zbarimg") and shutil.which("pdftoppm")


def _activity(ctx, code: str = "A1") -> Activity:  # type: ignore[no-untyped-def]
    program = ctx.session.scalars(select(Program)).first() or records.create(
        ctx, Program, code="P1", name_th="โครงการ", fiscal_year=2569, service_kind="training"
    )
    activity = records.create(ctx, Activity, program_id=program.id, code=code, title_th="อบรมการตลาดออนไลน์",
                              start_date=DAY, end_date=DAY, hours=6)  # fmt: skip
    records.create(ctx, ActivitySession, activity_id=activity.id, seq=1, day=DAY, hours=6)
    return activity


def _people(ctx, activity: Activity, n: int, start: int = 0) -> list[Person]:  # type: ignore[no-untyped-def]
    people = []
    for i in range(start, start + n):
        p = records.create(ctx, Person, prefix="นาย", first_name_th=f"ผู้เข้าอบรม{i:02d}", last_name_th="ใจดี",
                           national_id=make_id(f"1101{i:08d}"))  # fmt: skip
        es.enroll(ctx, activity.id, p.id)
        people.append(p)
    return people


def test_codes_are_digits_and_never_national_ids() -> None:
    code = signin.sign_in_code("3f2a09c1-b7d4-4e51-9c4a-0123456789ab")
    assert code.isdigit() and len(code) == 16 and code.startswith("9")
    assert code == "9" + f"{0x3F2A09C1B7D4:015d}"


@pytest.mark.skipif(not TOOLS, reason="zbar-tools and poppler-utils are not installed")
def test_a_printed_sheet_scanned_back_ticks_everyone(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    activity = _activity(ctx)
    people = _people(ctx, activity, 15)
    sheet = signin.signin_sheet(ctx.session, activity.id, DAY)
    assert [p.name for p in sheet.people][:2] == ["นายผู้เข้าอบรม00 ใจดี", "นายผู้เข้าอบรม01 ใจดี"]
    pdf = tmp_path / "sheet.pdf"
    assert render_signin_sheet(sheet, pdf) == 2
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "p")], check=True)
    codes: list[str] = []
    for png in sorted(tmp_path.glob("p-*.png")):
        out = subprocess.run(["zbarimg", "-q", "--raw", "-Sdisable", "-Scode128.enable", str(png)],
                             capture_output=True, text=True)  # fmt: skip
        codes += out.stdout.split()
    assert sorted(codes) == sorted(p.code for p in sheet.people) and len(codes) == 15
    results = [signin.scan(ctx, activity.id, code, DAY) for code in codes]
    assert {r.kind for r in results} == {"checked_in"}
    assert {r.person_id for r in results} == {p.id for p in people}
    again = signin.scan(ctx, activity.id, codes[0], DAY)
    assert again.kind == "already"
    marks = ctx.session.scalars(select(Attendance).where(Attendance.deleted.is_(False))).all()
    assert len(marks) == 15 and all(m.present for m in marks)


def test_a_scan_of_someone_not_enrolled_offers_enrollment(ctx) -> None:  # type: ignore[no-untyped-def]
    here, there = _activity(ctx, "A1"), _activity(ctx, "A2")
    (stranger,) = _people(ctx, there, 1)
    other_code = signin.signin_sheet(ctx.session, there.id, DAY).people[0].code
    result = signin.scan(ctx, here.id, other_code, DAY)
    assert result.kind == "not_enrolled" and result.person_id == stranger.id and result.checkin is None
    by_id = signin.scan(ctx, here.id, stranger.national_id or "", DAY)
    assert by_id.kind == "not_enrolled"
    assert ctx.session.scalars(select(Attendance)).all() == []
    with pytest.raises(ValidationError) as err:
        signin.scan(ctx, here.id, "9999999999999999", DAY)
    assert "ไม่รู้จักรหัส" in err.value.message("th")


def test_attendance_from_a_sheet_with_an_error_per_bad_row(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    from dipdesk.services.attendance_import import import_attendance

    activity, other = _activity(ctx, "A1"), _activity(ctx, "A2")
    people = _people(ctx, activity, 3)
    (stranger,) = _people(ctx, other, 1, start=50)
    codes = {p.code: p for p in signin.signin_sheet(ctx.session, activity.id, DAY).people}
    code0 = next(iter(codes))
    wb = Workbook()
    ws = wb.active
    ws.append(["ลำดับ", "ชื่อ", "เลขประจำตัวประชาชน", "รหัสลงชื่อ", "วันที่", "มา"])
    ws.append([1, "ก", "", code0, "1/12/2568", "✓"])
    ws.append([2, "ข", people[1].national_id, "", DAY, "มา"])
    ws.append([3, "ค", people[2].national_id, "", "1/12/2568", "ไม่มา"])
    ws.append([4, "ง", stranger.national_id, "", "1/12/2568", "1"])  # enrolled elsewhere only
    ws.append([5, "จ", "", "9999999999999999", "1/12/2568", "1"])  # unknown code
    ws.append([6, "ฉ", "", code0, "2/12/2568", "1"])  # not a training day
    ws.append([7, "ช", "", code0, "31/02/2568", "1"])  # no such date
    ws.append([8, "ซ", "", code0, "1/12/2568", "perhaps"])
    ws.append([9, "", "", "", "", ""])  # an empty line
    path = tmp_path / "attendance.xlsx"
    wb.save(path)
    result = import_attendance(ctx, activity.id, path)
    assert (result.read, result.present, result.absent, result.already) == (8, 2, 1, 0)
    assert [e.row_number for e in result.errors] == [5, 6, 7, 8, 9]
    assert "ยังไม่ได้ลงทะเบียน" in result.errors[0].reason_th
    assert "ไม่รู้จักรหัส" in result.errors[1].reason_th and "ไม่ใช่วันอบรม" in result.errors[2].reason_th
    marks = {m.enrollment_id: m.present for m in ctx.session.scalars(select(Attendance))}
    assert sorted(marks.values()) == [False, True, True]
    again = import_attendance(ctx, activity.id, path)
    assert again.already == 2 and again.present == 0  # importing twice changes nothing


def test_a_csv_without_a_day_column_takes_the_day_given(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from dipdesk.services.attendance_import import import_attendance

    activity = _activity(ctx)
    people = _people(ctx, activity, 2)
    path = tmp_path / "a.csv"
    path.write_text("national id\n" + "\n".join(p.national_id or "" for p in people) + "\n", encoding="utf-8")
    result = import_attendance(ctx, activity.id, path, day=DAY)
    assert (result.present, result.errors) == (2, [])
    bad = tmp_path / "b.csv"
    bad.write_text("name\nสมชาย\n", encoding="utf-8")
    assert "no sign-in code" in import_attendance(ctx, activity.id, bad, day=DAY).errors[0].reason_en


def test_an_imported_sheet_stays_part_of_the_transaction_it_was_imported_in(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Each row of an import is applied in its own savepoint (a bad row is skipped, the others kept), but
    the rows belong to the caller's transaction: rolled back, nothing of the import stays. (SQLite's
    driver begins a transaction only at the first write, so a savepoint issued first used to be a
    transaction of its own and each row committed at once: `dipdesk.store.db.begin_now`.)"""
    from dipdesk.services.attendance_import import import_attendance

    activity = _activity(ctx)
    people = _people(ctx, activity, 3)
    ctx.session.commit()
    path = tmp_path / "a.csv"
    path.write_text("national id\n" + "\n".join(p.national_id or "" for p in people) + "\n", encoding="utf-8")
    result = import_attendance(ctx, activity.id, path, day=DAY)
    assert (result.present, result.errors) == (3, [])
    ctx.session.rollback()
    with ctx.session.bind.connect() as other:  # another connection: what is on disk
        assert other.exec_driver_sql("SELECT count(*) FROM attendance").scalar() == 0
    result = import_attendance(ctx, activity.id, path, day=DAY)
    assert result.present == 3
    ctx.session.commit()
    with ctx.session.bind.connect() as other:
        assert other.exec_driver_sql("SELECT count(*) FROM attendance").scalar() == 3
