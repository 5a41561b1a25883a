"""The command line against a real database file, as staff scripts use it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from dipdesk import __version__
from dipdesk.cli import main
from dipdesk.store.db import open_database, transaction


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def seeded(db_path: Path) -> Path:
    from dipdesk.services import records
    from dipdesk.services.context import system_context
    from dipdesk.services.setup import first_run
    from dipdesk.store.people import Person
    from dipdesk.store.programs import Program

    engine = open_database(db_path)
    with transaction(engine) as s:
        first_run(s, "IPC2", "admin", "password-1234", "ผู้ดูแล")
    with transaction(engine) as s:
        ctx = system_context(s)
        records.create(
            ctx,
            Program,
            code="P-2569-01",
            name_th="โครงการปั้นผู้ประกอบการ",
            fiscal_year=2569,
            service_kind="training",
        )
        records.create(
            ctx, Person, prefix="นาย", first_name_th="ณัฐพล", last_name_th="รังสิตพล", phone="081-234-5678"
        )
    engine.dispose()
    return db_path


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_database_is_created_in_the_data_folder_by_default(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "list", "sites", "--format", "json")
    assert code == 0
    assert (tmp_path / "home" / "dipdesk.sqlite3").exists()
    assert json.loads(out) == [], "reference data is seeded at first run (or by demo), not on open"


def test_db_from_environment(capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "env.sqlite3"
    monkeypatch.setenv("DIPDESK_DB", str(target))
    assert run(capsys, "list", "people")[0] == 0
    assert target.exists()


def test_an_old_database_is_upgraded_saying_so_step_by_step(capsys, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    from dipdesk.store.db import current_revision, head_revision, pending_steps

    open_database(db_path, revision="0009").dispose()
    n = len(pending_steps("0009", head_revision()))
    code, out, err = run(capsys, "--db", str(db_path), "list", "sites", "--format", "json")
    assert code == 0 and json.loads(out) == []
    lines = err.splitlines()
    assert len(lines) == n + 2, err
    assert "ห้ามปิดเครื่อง" in lines[0] and "saving a copy first" in lines[0]
    assert [line.split(" / ")[1] for line in lines[1:-1]] == [
        f"updating the database: step {k} of {n}…" for k in range(1, n + 1)
    ]
    assert "database updated; the old one is kept:" in lines[-1] and "dipdesk.before-0009-" in lines[-1]
    engine = open_database(db_path)
    assert current_revision(engine) == head_revision()
    engine.dispose()
    assert run(capsys, "--db", str(db_path), "list", "sites")[2] == "", (
        "nothing said when nothing is upgraded"
    )


def test_list_json_rows_carry_id_and_code(capsys, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "--db", str(seeded), "list", "programs", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 1
    assert rows[0]["code"] == "P-2569-01" and len(rows[0]["id"]) == 36
    code, out, _ = run(capsys, "--db", str(seeded), "list", "people", "--format", "csv")
    assert "รังสิตพล" in out and "0812345678" in out
    code, out, _ = run(capsys, "--db", str(seeded), "list", "people")
    assert "ณัฐพล" in out and "(1 rows)" in out


def test_unknown_kind_is_a_usage_error(capsys, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "--db", str(seeded), "list", "spaceships")
    assert code == 2 and "people" in err


def test_edit_goes_through_validation_and_audit(capsys, seeded: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = run(capsys, "--db", str(seeded), "list", "people", "--format", "json")
    pid = json.loads(out)[0]["id"]
    monkeypatch.setenv("DIPDESK_PASSWORD", "wrong-password-1")
    code, _, err = run(
        capsys, "--db", str(seeded), "edit", "people", pid, "last_name_th=ไม่ควรบันทึก", "--user", "admin"
    )
    assert code == 1 and "not correct" in err, "acting as a user proves that user's password"
    monkeypatch.setenv("DIPDESK_PASSWORD", "password-1234")
    code, out, _ = run(
        capsys, "--db", str(seeded), "edit", "people", pid, "last_name_th=รังสิตพลใหม่", "--user", "admin"
    )
    assert code == 0 and "รังสิตพลใหม่" in out
    code, _, err = run(capsys, "--db", str(seeded), "edit", "people", pid, "national_id=1234567890123")
    assert code == 1 and "national_id" in err
    code, out, _ = run(capsys, "--db", str(seeded), "edit", "programs", "P-2569-01", "budget=1,250,000.50")
    assert code == 0 and "1250000.50" in out
    _, out, _ = run(capsys, "--db", str(seeded), "list", "audit", "--format", "json", "--limit", "100")
    assert sum(1 for r in json.loads(out) if r["action"] == "update") == 2


def test_check_passes_on_a_sound_database_and_names_each_problem(capsys, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "--db", str(seeded), "check")
    assert code == 0 and out.startswith("OK")
    code, out, _ = run(capsys, "--db", str(seeded), "check", "--quick")
    assert code == 0 and out.startswith("OK")
    code, out, _ = run(capsys, "--db", str(seeded), "check", "--full")  # integrity_check: every index too
    assert code == 0 and out.startswith("OK")
    engine = open_database(seeded)
    with engine.begin() as conn:  # damage it behind the services' back
        conn.execute(text("UPDATE people SET national_id = '1234567890123', phone = '12'"))
        conn.execute(text("UPDATE programs SET fiscal_year = fiscal_year"))
    engine.dispose()
    code, out, _ = run(capsys, "--db", str(seeded), "check")
    assert code == 1
    assert "check digit" in out and "phone" in out
    assert "2 problem(s)" in out
    code, out, _ = run(capsys, "--db", str(seeded), "check", "--quick")  # the domain checks still run
    assert code == 1 and "2 problem(s)" in out
