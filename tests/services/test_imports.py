"""Importing class lists: messy files in, accepted rows committed together, rejected rows explained."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import _records_b_db
import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from dipdesk.core.thaiid import make_id
from dipdesk.services import imports as im
from dipdesk.services import records
from dipdesk.services.errors import PermissionDenied
from dipdesk.store.auth import AuditEntry, User
from dipdesk.store.enrollment import Enrollment
from dipdesk.store.people import Enterprise, EnterpriseMember, Person
from dipdesk.store.programs import Activity, Program

# the fast database fixtures of this part (see _records_b_db.py)
engine = _records_b_db.engine
ctx = _records_b_db.ctx
set_up_template = _records_b_db.set_up_template

DATA = Path(__file__).resolve().parents[1] / "data"
CLASS_LISTS = ("class_list_messy.xlsx", "class_list_cp874.csv", "class_list_bom.csv")


def _count(session, model) -> int:  # type: ignore[no-untyped-def]
    return int(session.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False))) or 0)


def _activity(ctx) -> Activity:  # type: ignore[no-untyped-def]
    program = records.create(
        ctx, Program, code="P1", name_th="โครงการ", fiscal_year=2569, service_kind="training"
    )
    activity = records.create(
        ctx,
        Activity,
        program_id=program.id,
        code="A1",
        title_th="อบรม",
        start_date="1/12/2568",
        end_date="3/12/2568",
    )
    ctx.session.commit()
    return activity


def _import(ctx, path: Path, kind: str = "people", **kw):  # type: ignore[no-untyped-def]
    table = im.read_table(path)
    mapping = im.suggest_mapping(ctx.session, kind, table.headers)
    return table, im.run_import(ctx.session, lambda s: ctx, kind, table, mapping, **kw)


@pytest.mark.parametrize("name", CLASS_LISTS)
def test_messy_class_lists_import_the_good_rows_and_explain_the_bad(ctx, session, name: str) -> None:  # type: ignore[no-untyped-def]
    activity = _activity(ctx)
    _table, result = _import(ctx, DATA / name, activity_id=activity.id)
    assert (result.read, result.imported, result.updated, len(result.rejected)) == (9, 4, 0, 5)
    reasons = [r.reason_en for r in result.rejected]
    assert "check digit" in reasons[0]
    assert "phone" in reasons[1]
    assert "name is missing" in reasons[2]
    assert "duplicate in the file" in reasons[3]
    assert "month" in reasons[4]  # 32/13/2520: an unreadable date
    people = {p.first_name_th: p for p in session.scalars(select(Person))}
    assert set(people) == {"สมศรี", "วิชัย", "มาลี", "อารี"}
    assert people["มาลี"].prefix == "นางสาว" and people["มาลี"].phone == "0812345678"  # the lost 0 is back
    assert people["สมศรี"].birth_date == dt.date(1977, 3, 15)  # 15/03/2520 BE
    assert people["มาลี"].birth_date == dt.date(1980, 1, 1)  # Excel serial 29221 (or its text)
    assert people["วิชัย"].national_id == make_id("310010000002")  # typed in Thai digits
    assert people["อารี"].phone == "0819998888"  # +66
    assert _count(session, Enrollment) == 4 and result.enrolled == 4
    # two people of the same community enterprise share it; the company got its registration ID
    assert _count(session, Enterprise) == 2
    company = session.scalars(
        select(Enterprise).where(Enterprise.registration_id == make_id("010555000123"))
    ).one()
    assert company.kind == "juristic" and company.code.startswith("IPC1-E")
    assert _count(session, EnterpriseMember) == 3
    # every write went through the services: audited, by the importing user
    audited = session.scalars(select(AuditEntry).where(AuditEntry.table_name == "people")).all()
    assert len(audited) == 4 and {a.user_id for a in audited} == {ctx.user.id}


def test_google_forms_export(ctx, session) -> None:  # type: ignore[no-untyped-def]
    _table, result = _import(ctx, DATA / "google_forms.csv")
    assert (result.imported, len(result.rejected)) == (2, 1)
    dang = session.scalars(select(Person).where(Person.first_name_th == "แดง")).one()
    assert dang.birth_date == dt.date(1988, 12, 25)  # an American month/day date
    assert dang.consent is True and dang.email == "dang@example.com"


def test_importing_again_updates_instead_of_duplicating(ctx, session) -> None:  # type: ignore[no-untyped-def]
    _import(ctx, DATA / "class_list_messy.xlsx")
    somsri = session.scalars(select(Person).where(Person.first_name_th == "สมศรี")).one()
    records.update(ctx, somsri, phone="")
    session.commit()
    _table, again = _import(ctx, DATA / "class_list_cp874.csv")
    assert (again.imported, again.updated, again.unchanged) == (0, 1, 3)
    assert _count(session, Person) == 4
    session.refresh(somsri)
    assert somsri.phone == "0812345678"


def test_same_name_without_an_id_is_a_possible_duplicate(ctx, session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    records.create(ctx, Person, prefix="นาง", first_name_th="สมใจ", last_name_th="ดีงาม")
    session.commit()
    path = tmp_path / "list.csv"
    path.write_text("ชื่อ,นามสกุล,โทรศัพท์\nสมใจ,ดีงาม,0812345678\nสมปอง,ดีงาม,\n", encoding="utf-8")
    _table, result = _import(ctx, path)
    assert result.imported == 1
    assert [r.row_number for r in result.rejected] == [2]
    assert "duplicate in the database" in result.rejected[0].reason_en


def test_dry_run_writes_nothing_and_cancel_leaves_no_half_import(ctx, session) -> None:  # type: ignore[no-untyped-def]
    before = _count(session, Person)
    _table, dry = _import(ctx, DATA / "class_list_messy.xlsx", dry_run=True)
    assert dry.dry_run and dry.imported == 4
    assert _count(session, Person) == before

    seen: list[int] = []

    def cancel_after_two() -> bool:
        return len(seen) >= 2

    with pytest.raises(im.ImportCancelled):
        _import(
            ctx,
            DATA / "class_list_messy.xlsx",
            progress=lambda done, total: seen.append(done),
            cancelled=cancel_after_two,
        )
    assert _count(session, Person) == before
    assert (
        session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.table_name == "people"))
        == 0
    )


def test_a_crash_midway_rolls_everything_back(ctx, session, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    real_create = records.create
    calls = {"n": 0}

    def flaky(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk full")
        return real_create(*args, **kwargs)

    monkeypatch.setattr(records, "create", flaky)
    with pytest.raises(RuntimeError):
        _import(ctx, DATA / "class_list_messy.xlsx")
    assert _count(session, Person) == 0 and _count(session, Enterprise) == 0


def test_the_error_sheet_can_be_fixed_and_imported_again(ctx, session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    table, result = _import(ctx, DATA / "class_list_messy.xlsx")
    sheet = tmp_path / "errors.xlsx"
    assert im.write_error_sheet(sheet, table, result) == 5
    wb = load_workbook(sheet)
    ws = wb.active
    assert ws is not None
    header = [c.value for c in ws[1]]
    assert header == [*table.headers, im.REASON_HEADER]
    assert ws.max_row == 6
    assert "เลขตรวจสอบผิด" in str(ws.cell(row=2, column=len(header)).value)
    assert ws.cell(row=2, column=4).fill.fgColor.rgb.endswith("F8CBAD")  # the bad ID cell is marked
    # the staff fix the rows: a right ID, a right phone, a name, a new person instead of the duplicate, a date
    ws.cell(row=2, column=4, value=make_id("310010000004"))
    ws.cell(row=3, column=6, value="0812345679")
    ws.cell(row=4, column=3, value="สมพร ใจเย็น")
    ws.cell(row=5, column=3, value="สมศักดิ์ รักไทย")
    ws.cell(row=5, column=4, value=make_id("310010000007"))
    ws.cell(row=6, column=5, value="31/12/2520")
    wb.save(sheet)
    table2 = im.read_table(sheet)
    mapping = im.suggest_mapping(session, "people", table2.headers)
    assert mapping[-1] == im.IGNORE  # the reason column is not data
    again = im.run_import(session, lambda s: ctx, "people", table2, mapping)
    assert (again.imported, len(again.rejected)) == (5, 0)
    assert _count(session, Person) == 9


def test_mapping_is_guessed_from_thai_and_english_headers_and_remembered(ctx, session) -> None:  # type: ignore[no-untyped-def]
    headers = ["No.", "Name", "Surname", "Citizen ID", "Mobile", "Date of birth", "Company", "หมายเหตุพิเศษ"]
    guessed = im.guess_mapping("people", headers)
    assert guessed == [
        "",
        "full_name",
        "last_name_th",
        "national_id",
        "phone",
        "birth_date",
        "enterprise_name",
        "",
    ]
    chosen = list(guessed)
    chosen[1], chosen[7] = "first_name_th", "address"
    im.remember_mapping(session, "people", headers, chosen)
    session.commit()
    assert im.suggest_mapping(session, "people", headers) == chosen
    # the same headers in another order, another file: still remembered by header text
    assert im.suggest_mapping(session, "people", ["หมายเหตุพิเศษ", "Name"]) == ["address", "first_name_th"]
    assert im.mapping_problems("people", ["", "phone"])  # no name column
    assert im.mapping_problems("people", ["first_name_th", "first_name_th"])


def test_enterprises_import(ctx, session) -> None:  # type: ignore[no-untyped-def]
    _table, result = _import(ctx, DATA / "enterprises.xlsx", kind="enterprises")
    assert (result.imported, len(result.rejected)) == (2, 2)
    assert "postcode" in result.rejected[0].reason_en and "name" in result.rejected[1].reason_en
    ceramic = session.scalars(select(Enterprise).where(Enterprise.name_th.like("%เซรามิก%"))).one()
    assert (ceramic.kind, ceramic.size, ceramic.postcode, ceramic.phone) == (
        "juristic",
        "small",
        "50000",
        "053123456",
    )
    # again: matched by registration ID (updated or unchanged), and the same name in the province is refused
    _table, again = _import(ctx, DATA / "enterprises.xlsx", kind="enterprises")
    assert again.imported == 0 and again.unchanged == 1
    assert any("duplicate in the database" in r.reason_en for r in again.rejected)


def test_thai_digits_be_dates_and_serials_are_read() -> None:
    assert im.read_date("๑๕/๐๓/๒๕๖๓", "d") == dt.date(2020, 3, 15)
    assert im.read_date(43905, "d") == dt.date(2020, 3, 15)
    assert im.read_date("43905", "d") == dt.date(2020, 3, 15)
    assert im.read_date(dt.datetime(2563, 3, 15), "d") == dt.date(2020, 3, 15)  # BE typed into Excel
    assert im.read_date("15/3/2020, 10:22:33", "d") == dt.date(2020, 3, 15)
    with pytest.raises(im.CellError):
        im.read_date("เมื่อวาน", "d")
    assert im.read_phone(812345678) == "0812345678"
    assert im.read_phone("081-234-5678 / 02-123-4567") == "0812345678"
    assert im.read_id(float(make_id("110170012345")), "national_id") == make_id("110170012345")
    assert im._split_prefix("นางสาวมาลี ศรีสุข") == ("นางสาว", "มาลี ศรีสุข")
    assert im._split_prefix("น.ส. มาลี ศรีสุข") == ("นางสาว", "มาลี ศรีสุข")


def test_unreadable_files(tmp_path: Path) -> None:
    old = tmp_path / "list.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(im.UnreadableFile, match="xlsx"):
        im.read_table(old)
    broken = tmp_path / "list.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(im.UnreadableFile):
        im.read_table(broken)
    with pytest.raises(im.UnreadableFile):
        im.read_table(tmp_path / "missing.csv")


def test_a_viewer_may_not_import(ctx, session) -> None:  # type: ignore[no-untyped-def]
    viewer = records.create(ctx, User, username="viewer", password_hash="x", role="viewer")
    ctx.user = viewer
    table = im.read_table(DATA / "google_forms.csv")
    with pytest.raises(PermissionDenied):
        im.run_import(session, lambda s: ctx, "people", table, im.guess_mapping("people", table.headers))


def test_a_large_sheet_imports_quickly(ctx, session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import time

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["คำนำหน้า", "ชื่อ", "นามสกุล", "เลขประจำตัวประชาชน", "โทรศัพท์"])
    n = 200  # the sync outbox's capture dominates the time per row; this guards against O(n²) work
    for i in range(n):
        ws.append(["นาย", f"ชื่อ{i}", f"สกุล{i}", make_id(f"1{i:011d}"), f"08{i:08d}"])
    path = tmp_path / "big.xlsx"
    wb.save(path)
    started = time.perf_counter()
    _table, result = _import(ctx, path)
    elapsed = time.perf_counter() - started
    assert result.imported == n
    assert elapsed < 25, f"{n} rows took {elapsed:.1f} s"


def test_fixture_files_are_what_the_script_makes(tmp_path: Path) -> None:
    """The committed files stay in step with tests/data/make_class_lists.py."""
    for name in CLASS_LISTS:
        assert (DATA / name).is_file()
    shutil.copy(DATA / "class_list_cp874.csv", tmp_path / "x.csv")
    assert im.read_table(tmp_path / "x.csv").encoding == "cp874"


def test_cli_import_people(engine, ctx, session, db_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from dipdesk.cli import main

    activity = _activity(ctx)
    session.close()
    errors = tmp_path / "errors.xlsx"
    argv = ["--db", str(db_path), "import", "people", str(DATA / "class_list_messy.xlsx")]
    assert main([*argv, "--activity", activity.code, "--dry-run"]) == 0
    assert "read: 9  imported: 4  updated: 0  unchanged: 0  rejected: 5" in capsys.readouterr().out
    assert main([*argv, "--activity", activity.code, "--errors", str(errors)]) == 0
    out = capsys.readouterr().out
    assert "newly enrolled in A1: 4" in out and "row 7:" in out and errors.is_file()
    assert main([*argv]) == 0
    assert "imported: 0  updated: 0  unchanged: 4  rejected: 5" in capsys.readouterr().out
    assert main(["--db", str(db_path), "import", "people", str(tmp_path / "missing.csv")]) == 1
    assert main(["--db", str(db_path), "import", "enterprises", str(DATA / "enterprises.xlsx")]) == 0
    assert "imported: 2" in capsys.readouterr().out
