"""Hostile or broken input to imports and searches gets a clear message, never a traceback or a silent
"\ufffd" (issue 17, items 8 and 12, the import side): damaged sheet XML, bytes that are no character of
cp874, files over the import limits, and 50,000-character search strings."""

from __future__ import annotations

import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from dipdesk.services import enrollment, imports, lab, mentoring, search
from dipdesk.services.certificates import verification
from dipdesk.services.errors import ValidationError
from dipdesk.store.db import open_database, session_factory, transaction

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from dipdesk.services.setup import first_run

    path = tmp_path_factory.mktemp("limits") / "site.sqlite3"
    eng = open_database(path)
    with transaction(eng) as s:
        first_run(s, "IPC1", "admin", "password-1234", "ผู้ดูแลระบบ")
    eng.dispose()
    return path


def cli(db: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """`python -m dipdesk --db DB …` as a separate process, as support staff would type it."""
    return subprocess.run(
        [sys.executable, "-m", "dipdesk", "--db", str(db), *argv],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(db.parent)},
        timeout=300,
    )


def class_list(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["ชื่อ", "นามสกุล", "โทรศัพท์"])
    ws.append(["สมศรี", "ใจดี", "0811111111"])
    wb.save(path)
    return path


def test_damaged_sheet_xml_is_a_clear_error(db: Path, tmp_path: Path) -> None:
    good = class_list(tmp_path / "good.xlsx")
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(broken, "w") as dest:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2] + b"<row r='9'><c r='A9' t='s'><v>"  # cut off mid-element
            dest.writestr(item, data)
    with pytest.raises(imports.UnreadableFile) as caught:
        imports.read_table(broken)
    assert "damaged" in caught.value.message_en and "เสียหาย" in caught.value.message_th
    done = cli(db, "import", "people", str(broken))
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "เสียหาย" in done.stderr and "nothing imported" in done.stderr


def test_bytes_that_are_no_cp874_character_are_refused_with_the_line(db: Path, tmp_path: Path) -> None:
    rows = ["ชื่อ,นามสกุล,โทรศัพท์", "สมศรี,ใจดี,0811111111", "สมชาย,รักไทย,0822222222"]
    data = bytearray("\r\n".join(rows).encode("cp874"))
    data[data.index("รักไทย".encode("cp874")) + 2] = 0xDB  # undefined in cp874 (and not UTF-8)
    path = tmp_path / "class.csv"
    path.write_bytes(bytes(data))
    with pytest.raises(imports.UnreadableFile) as caught:
        imports.read_table(path)
    assert "line 3" in caught.value.message_en and "DB" in caught.value.message_en
    assert "บรรทัดที่ 3" in caught.value.message_th
    done = cli(db, "import", "people", str(path))
    assert done.returncode == 1 and "Traceback" not in done.stderr and "class.csv" in done.stderr
    # the same file without the bad byte reads, in cp874
    path.write_bytes("\r\n".join(rows).encode("cp874"))
    table = imports.read_table(path)
    assert table.encoding == "cp874" and table.rows[1][1] == "รักไทย"
    # a UTF-8 file (with a BOM) with a broken sequence is refused the same way, never read as "\ufffd"
    path.write_bytes(b"\xef\xbb\xbf" + "ชื่อ,นามสกุล\r\nสมศรี,ใจดี".encode() + b"\xe0\x80")
    with pytest.raises(imports.UnreadableFile, match="line 2"):
        imports.read_table(path)


def test_files_over_the_import_limits_are_refused(db: Path, tmp_path: Path) -> None:
    many = tmp_path / "many.csv"
    many.write_text(
        "ชื่อ,นามสกุล\n" + "".join(f"คน{i},ใจดี\n" for i in range(imports.MAX_IMPORT_ROWS + 1)), encoding="utf-8"
    )
    assert many.stat().st_size < imports.MAX_IMPORT_BYTES
    done = cli(db, "import", "people", str(many))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"more than {imports.MAX_IMPORT_ROWS:,} rows" in done.stderr
    # exactly at the limit is fine
    many.write_text(
        "ชื่อ,นามสกุล\n" + "".join(f"คน{i},ใจดี\n" for i in range(imports.MAX_IMPORT_ROWS - 1)), encoding="utf-8"
    )
    assert len(imports.read_table(many).rows) == imports.MAX_IMPORT_ROWS - 1

    big = tmp_path / "big.csv"
    with big.open("wb") as f:
        f.write("ชื่อ,นามสกุล\n".encode())
        f.write(b"a,b\n" * (imports.MAX_IMPORT_BYTES // 4 + 1))
    with pytest.raises(imports.UnreadableFile, match="over the import limit"):
        imports.read_table(big)

    rows = tmp_path / "rows.xlsx"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(["ชื่อ", "นามสกุล"])
    for i in range(imports.MAX_IMPORT_ROWS + 1):
        ws.append([f"คน{i}", "ใจดี"])
    wb.save(rows)
    with pytest.raises(imports.UnreadableFile, match="rows, over the import limit"):
        imports.read_table(rows)


HOSTILE = "".join(random.Random(12).choice('ab"*%_ -()\\กข0') for _ in range(50_000))


@pytest.mark.parametrize(
    "text",
    ["ก" * 50_000, " ".join(str(i) for i in range(12_000)), '"' * 50_000, HOSTILE],
    ids=["thai", "words", "quotes", "hostile"],
)
def test_50000_character_searches_are_a_clear_error(db: Path, text: str) -> None:
    eng = open_database(db)
    try:
        calls = [
            lambda s: search.fetch_page(s.connection(), search.ListQuery("activities", search=text), 0, 50),
            lambda s: search.count_rows(s.connection(), search.ListQuery("people", search=text)),
            lambda s: enrollment.search_people(s, text),
            lambda s: mentoring.search_enterprises(s, text),
            lambda s: verification.activities_for_certificates(s, text),
            lambda s: lab.worklist(s, search=text),
        ]
        for call in calls:
            with session_factory(eng)() as s, pytest.raises(ValidationError) as caught:
                call(s)
            assert "search" in caught.value.message_en and "ค้นหา" in caught.value.message_th
        # the most a search box takes, however hostile, is answered (no SQLite error)
        most = HOSTILE[: search.MAX_SEARCH_CHARS]
        most = " ".join(most.split()[: search.MAX_SEARCH_TERMS])
        with session_factory(eng)() as s:
            assert (
                search.fetch_page(s.connection(), search.ListQuery("activities", search=most), 0, 50).rows
                == []
            )
            assert enrollment.search_people(s, most) == []
            assert mentoring.search_enterprises(s, most) == []
            assert lab.worklist(s, search=most) == []
    finally:
        eng.dispose()
    done = cli(db, "lab", "samples", f"--search={text[:30_000]}")
    assert done.returncode == 1 and "Traceback" not in done.stderr and "over the limit" in done.stderr
