"""Barcode sign-in at the attendance grid: a USB scanner types the code and Enter; the sheet prints."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from dipdesk.core.thaiid import make_id
from dipdesk.services import records, signin
from dipdesk.services.context import system_context
from dipdesk.store.enrollment import Attendance, Enrollment
from dipdesk.store.people import Person
from dipdesk.store.programs import Activity, ActivitySession
from dipdesk.ui.attendance import AttendanceGrid, context_factory


def _activity_today(db) -> str:  # type: ignore[no-untyped-def]
    today = dt.date.today()
    with db.session() as s:
        ctx = system_context(s)
        activity = s.scalars(select(Activity).where(Activity.code == "A-001")).one()
        records.update(ctx, activity, start_date=today, end_date=today)
        records.create(ctx, ActivitySession, activity_id=activity.id, seq=1, day=today, hours=6)
        records.create(ctx, Person, prefix="นาย", first_name_th="มานะ", last_name_th="อดทน",
                       national_id=make_id("110270012345"))  # fmt: skip
        s.commit()
        return activity.id


def _grid(qtbot, env, activity_id: str) -> AttendanceGrid:  # type: ignore[no-untyped-def]
    grid = AttendanceGrid(env.db, context_factory(env.user), activity_id)
    qtbot.addWidget(grid)
    grid.resize(1366, 768)
    grid.show()
    qtbot.waitUntil(lambda: grid.is_ready, timeout=5000)
    return grid


def test_scanner_input_ticks_and_offers_enrollment(qtbot, env) -> None:  # type: ignore[no-untyped-def]
    activity_id = _activity_today(env.db)
    grid = _grid(qtbot, env, activity_id)
    box = grid.signin_box
    with env.db.session() as s:
        code = signin.signin_sheet(s, activity_id, dt.date.today()).people[0].code
    qtbot.keyClicks(box.scan_edit, code)  # what a USB scanner does: the digits, then Enter
    qtbot.keyClick(box.scan_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(box.results) == 1, timeout=5000)
    assert box.results[0].kind == "checked_in" and box.scan_edit.text() == ""
    assert box.status.text().endswith("ลงเวลาเข้าอบรมแล้ว")
    qtbot.keyClicks(box.scan_edit, code)
    qtbot.keyClick(box.scan_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(box.results) == 2, timeout=5000)
    assert box.results[1].kind == "already"

    qtbot.keyClicks(box.scan_edit, "1-1027-00123-45-" + make_id("110270012345")[-1])
    qtbot.keyClick(box.scan_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(box.results) == 3, timeout=5000)
    assert box.results[2].kind == "not_enrolled" and box.enroll_button.isVisibleTo(grid)
    assert box.enroll_button.text() == "ลงทะเบียน นายมานะ อดทน และลงเวลา"
    box.enroll_button.click()
    qtbot.waitUntil(lambda: len(box.results) == 4, timeout=5000)
    qtbot.waitUntil(lambda: grid.model.rowCount() == 3, timeout=5000)
    with env.db.session() as s:
        ticked = s.scalars(
            select(Enrollment.person_id).join(Attendance, Attendance.enrollment_id == Enrollment.id)
            .where(Attendance.present.is_(True))
        ).all()  # fmt: skip
    assert sorted(ticked) == sorted([box.results[0].person_id, box.results[2].person_id])

    qtbot.keyClicks(box.scan_edit, "12345")
    qtbot.keyClick(box.scan_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "ไม่รู้จักรหัส" in box.status.text(), timeout=5000)
    grid.card_bar.stop()


@pytest.mark.skipif(not (shutil.which("zbarimg") and shutil.which("pdftoppm")), reason="zbar-tools missing")
def test_the_sheet_prints_from_the_grid(qtbot, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    activity_id = _activity_today(env.db)
    grid = _grid(qtbot, env, activity_id)
    pdf = tmp_path / "sheet.pdf"
    grid.signin_box.print_sheet(str(pdf), dt.date.today())
    qtbot.waitUntil(lambda: "บันทึกใบลงชื่อแล้ว (1 หน้า)" in grid.signin_box.status.text(), timeout=10_000)
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "p")], check=True)
    out = subprocess.run(
        ["zbarimg", "-q", "--raw", str(tmp_path / "p-1.png")], capture_output=True, text=True
    )
    assert len(out.stdout.split()) == 2 and all(c.startswith("9") for c in out.stdout.split())
    grid.card_bar.stop()


def test_attendance_from_a_csv_sheet(qtbot, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    activity_id = _activity_today(env.db)
    grid = _grid(qtbot, env, activity_id)
    sheet = tmp_path / "att.csv"
    sheet.write_text(
        "เลขประจำตัวประชาชน,มา\n" + make_id("110170012345") + ",มา\n1234567890123,มา\n", encoding="utf-8"
    )
    grid.signin_box.import_sheet(str(sheet), dt.date.today())
    qtbot.waitUntil(lambda: "จากไฟล์: มา 1 คน" in grid.signin_box.status.text(), timeout=10_000)
    assert "ไม่ได้นำเข้า 1 แถว: แถว 3:" in grid.signin_box.status.text()
    qtbot.waitUntil(lambda: any(r.marks for r in grid.model.rows), timeout=5000)
    grid.resize(1366, 768)
    grid.grab().save(str(tmp_path / "grid.png"))
    grid.card_bar.stop()
