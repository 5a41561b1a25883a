"""`dipdesk signin-sheet` and `dipdesk checkin` against a real database file, codes read back by zbarimg."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from dipdesk.cli import main
from dipdesk.store.db import open_database, transaction

DAY = dt.date(2025, 12, 1)


@pytest.fixture
def seeded(db_path: Path) -> Path:
    from dipdesk.services import enrollment as es
    from dipdesk.services import records
    from dipdesk.services.context import system_context
    from dipdesk.services.setup import first_run
    from dipdesk.store.people import Person
    from dipdesk.store.programs import Activity, ActivitySession, Program

    engine = open_database(db_path)
    with transaction(engine) as s:
        first_run(s, "IPC2", "admin", "password-1234", "ผู้ดูแล")
    with transaction(engine) as s:
        ctx = system_context(s)
        program = records.create(
            ctx, Program, code="P1", name_th="โครงการ", fiscal_year=2569, service_kind="training"
        )
        activity = records.create(ctx, Activity, program_id=program.id, code="A-001", title_th="อบรมการตลาด",
                                  start_date=DAY, end_date=DAY, hours=6)  # fmt: skip
        records.create(ctx, ActivitySession, activity_id=activity.id, seq=1, day=DAY, hours=6)
        for name in ("สมชาย", "สมศรี", "ฤดี"):
            p = records.create(ctx, Person, prefix="คุณ", first_name_th=name, last_name_th="ใจดี")
            es.enroll(ctx, activity.id, p.id)
    engine.dispose()
    return db_path


@pytest.mark.skipif(not (shutil.which("zbarimg") and shutil.which("pdftoppm")), reason="zbar-tools missing")
def test_print_scan_and_check_in(seeded: Path, tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    pdf = tmp_path / "sheet.pdf"
    assert main(["--db", str(seeded), "signin-sheet", "A-001", "--day", "1/12/2568", "-o", str(pdf)]) == 0
    assert "3 people, 1 page(s)" in capsys.readouterr().out
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "p")], check=True)
    scanned = subprocess.run(["zbarimg", "-q", "--raw", str(tmp_path / "p-1.png")], capture_output=True,
                             text=True, check=True).stdout  # fmt: skip
    assert len(scanned.split()) == 3
    monkeypatch.setattr("sys.stdin", io.StringIO(scanned + "12345\n"))
    assert main(["--db", str(seeded), "checkin", "A-001", "--day", "1/12/2568"]) == 1  # one bad code
    lines = capsys.readouterr().out.splitlines()
    assert [ln.split("\t")[1] for ln in lines] == ["checked_in"] * 3 + ["error"]
    from dipdesk.store.enrollment import Attendance

    engine = open_database(seeded)
    with transaction(engine) as s:
        assert len(s.scalars(select(Attendance).where(Attendance.present.is_(True))).all()) == 3
    engine.dispose()
    code = scanned.split()[0]
    assert main(["--db", str(seeded), "checkin", "A-001", code, "--day", "1/12/2568"]) == 0
    assert capsys.readouterr().out.split("\t")[1] == "already"


def test_bad_input_says_what_is_wrong(seeded: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert (
        main(
            [
                "--db",
                str(seeded),
                "signin-sheet",
                "A-001",
                "--day",
                "2/12/2568",
                "-o",
                str(tmp_path / "x.pdf"),
            ]
        )
        == 1
    )
    assert "ไม่ใช่วันอบรม" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:
        main(["--db", str(seeded), "signin-sheet", "NOPE", "-o", str(tmp_path / "x.pdf")])
    assert "no activity" in str(stop.value)


def test_checkin_import_reports_each_bad_row(seeded: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    sheet = tmp_path / "att.csv"
    sheet.write_text("รหัสลงชื่อ,วันที่\n9999999999999999,1/12/2568\n", encoding="utf-8")
    assert main(["--db", str(seeded), "checkin-import", "A-001", str(sheet)]) == 1
    out = capsys.readouterr().out
    assert (
        out.startswith("row 2\tไม่รู้จักรหัส") and "1 rows: 0 present, 0 absent, 0 already, 1 with errors" in out
    )
