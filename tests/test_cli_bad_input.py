"""Bad input at the command line: a short clear message, a non-zero exit, no traceback, nothing written."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from dipdesk.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def digest(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    assert main(["--db", str(path), "demo", "--participants", "40"]) == 0
    return path


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "demo.sqlite3"
    src, dst = sqlite3.connect(demo_template), sqlite3.connect(path)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    capsys.readouterr()
    return path


def first(capsys: pytest.CaptureFixture[str], db: Path, kind: str) -> dict[str, str]:
    code, out, _ = run(capsys, "--db", str(db), "list", kind, "--format", "json", "--limit", "1")
    assert code == 0
    row: dict[str, str] = json.loads(out)[0]
    return row


def test_bad_edits_are_refused_naming_the_field_and_change_nothing(capsys, demo: Path) -> None:  # type: ignore[no-untyped-def]
    person = first(capsys, demo, "people")["id"]
    program = first(capsys, demo, "programs")["code"]
    enrollment = first(capsys, demo, "enrollments")["id"]
    before = digest(demo)
    for args, code, says in (
        (["spaceships", "1", "a=b"], 1, "cannot be edited with this command"),
        (["people", "no-such-id", "first_name_th=x"], 1, "no people record no-such-id"),
        (["people", person, "no_such_field=1"], 1, "unknown field 'no_such_field'"),
        (["people", person, "id=1"], 1, "id: is read-only"),
        (["people", person, "created_at=2020-01-01"], 1, "created_at: is read-only"),
        (["people", person, "site_id=x"], 1, "site_id: is read-only"),
        (["people", person, "national_id=1234567890123"], 1, "check digit"),
        (["people", person, "phone=12"], 1, "phone"),
        (["people", person, "birth_date=31/02/2530"], 1, "no day 31"),
        (["people", person, "birth_date=garbage"], 1, "Cannot read the date"),
        (["people", person, "first_name_th"], 2, "expected FIELD=VALUE"),
        (["people", person, "=x"], 2, "expected FIELD=VALUE"),
        (["people", person, "first_name_th=a\x01b"], 1, "control characters"),
        (["programs", program, "budget=abc"], 1, "must be a number"),
        (["programs", program, "budget=nan"], 1, "budget: must be a finite number"),
        (["programs", program, "budget=inf"], 1, "budget: must be a finite number"),
        (["programs", program, "budget=1e400"], 1, "budget: must be a finite number"),
        (["programs", program, "budget=99999999999999999999999"], 1, "budget: must be a finite number"),
        (["programs", program, "fiscal_year=abc"], 1, "whole number"),
        (["enrollments", enrollment, "person_id=no-such-person"], 1, "person_id: no people record"),
        # several fields: one bad one keeps the good ones out too
        (["people", person, "last_name_th=ใหม่", "phone=12"], 1, "phone"),
    ):
        got, _out, err = run(capsys, "--db", str(demo), "edit", *args)
        assert (got, says in err) == (code, True), (args, err)
    assert digest(demo) == before


def test_list_limits(capsys, demo: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exit_:
        main(["--db", str(demo), "list", "people", "--limit", "-1"])
    assert exit_.value.code == 2 and "must be 0 (all rows) or more" in capsys.readouterr().err
    code, out, _ = run(capsys, "--db", str(demo), "list", "people", "--limit", "99999999999999999999")
    assert code == 0 and "(40 rows)" in out
    code, out, _ = run(capsys, "--db", str(demo), "list", "people", "--limit", "0")
    assert code == 0 and "(40 rows)" in out
    code, _, err = run(capsys, "--db", str(demo), "list", "spaceships")
    assert code == 2 and "unknown kind" in err


def test_certificate_codes_that_are_garbage(capsys, demo: Path) -> None:  # type: ignore[no-untyped-def]
    for text in ("garbage", "", "x" * 100_000, "DC1:", "DC1:" + "A" * 5000, "http://[::1", "https://x/v?p="):
        code, out, _ = run(capsys, "--db", str(demo), "certificates", "verify", "--qr", text)
        assert code == 1 and out.startswith("NOT GENUINE"), text[:20]


def test_lab_report_of_an_unknown_sample_or_to_an_unwritable_place(
    capsys, demo: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(
        capsys, "--db", str(demo), "lab", "report", "NO-SUCH", "--out", str(tmp_path / "r.pdf")
    )
    assert code == 1 and "no sample with lab number NO-SUCH" in err
    lab_no = first(capsys, demo, "samples")["lab_no"]
    for out in (tmp_path, tmp_path / "file.txt" / "r.pdf"):
        (tmp_path / "file.txt").write_text("x")
        code, _, err = run(capsys, "--db", str(demo), "lab", "report", lab_no, "--out", str(out), "--draft")
        assert code == 1 and err.startswith("error: ") and str(out) in err, err


def test_db_that_is_not_a_usable_database_is_refused_untouched(capsys, demo: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "--db", str(tmp_path), "list", "people")
    assert code == 1 and "is a folder" in err

    text = tmp_path / "notes.sqlite3"
    text.write_text("not a database")
    code, _, err = run(capsys, "--db", str(text), "list", "people")
    assert code == 1 and "not an SQLite file" in err
    assert text.read_text() == "not a database"

    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    before = other.read_bytes()
    code, _, err = run(capsys, "--db", str(other), "list", "people")
    assert code == 1 and "another program's SQLite database" in err
    assert other.read_bytes() == before

    with sqlite3.connect(demo) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'f00d0099future'")
    conn.close()
    before = demo.read_bytes()
    for argv in (["list", "people"], ["check"], ["edit", "people", "x", "a=b"]):
        code, _, err = run(capsys, "--db", str(demo), *argv)
        assert code == 1 and "newer dipdesk" in err and "f00d0099future" in err
    assert demo.read_bytes() == before
    assert not [p.name for p in demo.parent.iterdir() if ".before-" in p.name], "no upgrade backup either"


def test_read_only_database_is_refused_clearly(capsys, demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import os

    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == demo else real(p, mode))
    code, _, err = run(capsys, "--db", str(demo), "list", "people")
    assert code == 1 and "is read-only" in err
