"""The demo builder: deterministic, valid by construction, every state present, one transaction."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from dipdesk.core.phone import is_valid_phone
from dipdesk.core.thaiid import is_valid_id
from dipdesk.services import demo
from dipdesk.services.auth import verify_password
from dipdesk.services.check import run_checks
from dipdesk.services.context import current_site
from dipdesk.services.demo import DemoResult, build_demo
from dipdesk.services.demo import people as demo_people
from dipdesk.services.errors import ServiceError
from dipdesk.store.auth import ROLES
from dipdesk.store.db import open_database
from dipdesk.store.lab import ANALYSIS_STATES
from dipdesk.store.programs import POLICY_TRACKS, SERVICE_KINDS
from dipdesk.store.reference_data import seed_reference

N = 300
TODAY = date(2026, 12, 2)  # the demo's reference date, pinned: early in fiscal year 2570


def _fast_hash(password: str) -> str:
    return f"test:{password}"


@pytest.fixture(scope="module")
def built(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Engine, DemoResult, list[tuple[str, int, int]]]]:
    """One demo database for the module (real password hashing, so log-in can be checked)."""
    engine = open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    calls: list[tuple[str, int, int]] = []
    result = build_demo(
        engine,
        participants=N,
        progress=lambda stage, done, total: calls.append((stage, done, total)),
        today=TODAY,
    )
    yield engine, result, calls
    engine.dispose()


def _rows(engine: Engine, sql: str) -> list[Any]:
    with engine.connect() as conn:
        return list(conn.execute(text(sql)))


def _one(engine: Engine, sql: str) -> Any:
    return _rows(engine, sql)[0][0]


def _snapshot(engine: Engine) -> dict[str, list[Any]]:
    return {
        "people": _rows(
            engine,
            "SELECT id, prefix, first_name_th, last_name_th, national_id, phone FROM people ORDER BY id",
        ),
        "enterprises": _rows(engine, "SELECT id, name_th, registration_id FROM enterprises ORDER BY id"),
        "enrollments": _rows(
            engine, "SELECT id, activity_id, person_id, status FROM enrollments ORDER BY id"
        ),
        "samples": _rows(engine, "SELECT id, lab_no, state FROM lab_samples ORDER BY lab_no"),
        "analyses": _rows(engine, "SELECT id, state, value FROM lab_analyses ORDER BY id"),
    }


def test_same_seed_gives_the_same_data_and_another_seed_does_not(
    built: tuple[Engine, DemoResult, list[Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, result, _ = built
    monkeypatch.setattr(demo_people, "hash_password", _fast_hash)
    again = open_database(tmp_path / "again.sqlite3")
    other = open_database(tmp_path / "other.sqlite3")
    try:
        assert build_demo(again, participants=N, today=TODAY).counts == result.counts
        assert _snapshot(again) == _snapshot(engine)
        build_demo(other, participants=N, seed=7, today=TODAY)
        assert _snapshot(other)["people"] != _snapshot(engine)["people"]
    finally:
        again.dispose()
        other.dispose()


def test_counts_scale_with_participants(
    built: tuple[Engine, DemoResult, list[Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, result, _ = built
    monkeypatch.setattr(demo_people, "hash_password", _fast_hash)
    small = open_database(tmp_path / "small.sqlite3")
    try:
        counts = build_demo(small, participants=60).counts
    finally:
        small.dispose()
    big = result.counts
    assert big["people"] == N and counts["people"] == 60
    assert big["enterprises"] == N // 8
    assert big["activities"] >= N // 30
    for table in (
        "enterprises",
        "enrollments",
        "attendance",
        "products",
        "enterprise_members",
        "service_records",
    ):
        assert big[table] > counts[table] > 0, table
    assert big["enrollments"] > N, "some people attend several activities"
    assert counts["provinces"] == big["provinces"] == 77


def test_database_passes_every_check(built: tuple[Engine, DemoResult, list[Any]]) -> None:
    engine, _, _ = built
    assert run_checks(engine) == []


def test_identifiers_are_valid_and_unique(built: tuple[Engine, DemoResult, list[Any]]) -> None:
    engine, _, _ = built
    nids = [r[0] for r in _rows(engine, "SELECT national_id FROM people WHERE national_id IS NOT NULL")]
    assert len(nids) > N * 0.9
    assert all(len(n) == 13 and n.isdigit() and is_valid_id(n) for n in nids)
    assert len(set(nids)) == len(nids)
    regs = [
        r[0]
        for r in _rows(engine, "SELECT registration_id FROM enterprises WHERE registration_id IS NOT NULL")
    ]
    assert regs and all(r.startswith("010") and is_valid_id(r) for r in regs)
    phones = [r[0] for r in _rows(engine, "SELECT phone FROM people WHERE phone <> ''")]
    assert phones and all(len(p) == 10 and p[:2] in {"06", "08", "09"} and is_valid_phone(p) for p in phones)
    for table in ("people", "enrollments", "attendance", "lab_analyses", "programs"):
        for (rid,) in _rows(engine, f"SELECT id FROM {table} LIMIT 50"):
            assert uuid.UUID(rid).version == 4, (table, rid)


def test_thai_names_and_realistic_records(built: tuple[Engine, DemoResult, list[Any]]) -> None:
    engine, _, _ = built
    prefixes = {r[0] for r in _rows(engine, "SELECT DISTINCT prefix FROM people")}
    assert {"นาย", "นาง", "นางสาว"} <= prefixes
    names = _rows(engine, "SELECT first_name_th, last_name_th FROM people")
    assert len(set(names)) > N * 0.95, "names are diverse"
    assert all("\u0e00" <= first[0] <= "\u0e7f" for first, _ in names)
    kinds = {r[0] for r in _rows(engine, "SELECT DISTINCT kind FROM enterprises")}
    assert kinds == {"juristic", "community", "individual"}
    assert _one(engine, "SELECT count(*) FROM enterprises WHERE name_th LIKE 'วิสาหกิจชุมชน%'") > 0
    assert _one(engine, "SELECT count(*) FROM enterprises WHERE name_th LIKE 'บริษัท % จำกัด%'") > 0
    assert {r[0] for r in _rows(engine, "SELECT DISTINCT service_kind FROM programs")} == set(SERVICE_KINDS)
    assert {r[0] for r in _rows(engine, "SELECT DISTINCT policy_track FROM programs")} == set(POLICY_TRACKS)
    types = {r[0] for r in _rows(engine, "SELECT DISTINCT product_type FROM products")}
    assert types == {"food", "herbal", "cosmetic", "packaging", "textile"}


def test_activities_fall_in_the_fiscal_year_and_attendance_decides_completion(
    built: tuple[Engine, DemoResult, list[Any]],
) -> None:
    engine, _, _ = built
    first, last = _rows(
        engine, "SELECT min(start_date), max(end_date) FROM activities WHERE code LIKE '%-2569-%'"
    )[0]
    assert date(2025, 10, 1) <= date.fromisoformat(first) and date.fromisoformat(last) <= date(2026, 9, 30)
    assert (
        _one(engine, "SELECT count(*) FROM activity_sessions s WHERE strftime('%w', s.day) IN ('0','6')") == 0
    )
    shares = _rows(
        engine,
        "SELECT e.status, sum(a.hours) * 100.0 / act.hours FROM enrollments e "
        "JOIN attendance a ON a.enrollment_id = e.id JOIN activities act ON act.id = e.activity_id "
        "GROUP BY e.id",
    )
    statuses = {status for status, _ in shares}
    assert {"completed", "dropped"} <= statuses | {"enrolled"}
    assert all((share >= 80) == (status == "completed") for status, share in shares)
    assert any(share < 80 for _, share in shares), "some people miss the 80 % threshold"
    assert _one(engine, "SELECT count(*) FROM enrollments WHERE status = 'completed'") > N * 0.6


def test_every_analysis_state_and_the_lab_paper_trail(built: tuple[Engine, DemoResult, list[Any]]) -> None:
    engine, _, _ = built
    states = {r[0] for r in _rows(engine, "SELECT DISTINCT state FROM lab_analyses")}
    assert states == set(ANALYSIS_STATES)
    # A retracted result has its retest.
    assert _one(
        engine,
        "SELECT count(*) FROM lab_analyses r JOIN lab_analyses t ON t.retest_of_id = r.id WHERE r.state = 'retracted'",
    ) == _one(engine, "SELECT count(*) FROM lab_analyses WHERE state = 'retracted'")
    # Four eyes: nobody verified their own result.
    assert _one(engine, "SELECT count(*) FROM lab_analyses WHERE verified_by = submitted_by") == 0
    assert _one(engine, "SELECT count(*) FROM lab_reports WHERE state = 'published'") >= 1
    assert (
        _one(
            engine,
            "SELECT count(*) FROM lab_reports WHERE replaces_id IS NOT NULL AND amendment_reason <> ''",
        )
        == 1
    )
    lab_nos = [r[0] for r in _rows(engine, "SELECT lab_no FROM lab_samples ORDER BY lab_no")]
    assert lab_nos[0] == "L2569-IPC1-00001" and all("-IPC1-" in n for n in lab_nos)
    assert {r[0] for r in _rows(engine, "SELECT DISTINCT state FROM lab_samples")} >= {
        "registered",
        "received",
        "testing",
        "verified",
        "published",
    }
    # the shipped tests (STD-…) are used, not copied under the site's code; a moisture computed from
    # weighings is the lab's own variant of the shipped one
    moisture = _rows(engine, "SELECT formula, interim_fields FROM lab_tests WHERE code = 'IPC1-MOISTV'")
    assert moisture and moisture[0][0] == "(wet - dry) / wet * 100" and "wet" in moisture[0][1]
    shipped = {
        r[0].removeprefix("STD-") for r in _rows(engine, "SELECT code FROM lab_tests WHERE code LIKE 'STD-%'")
    }
    own = {
        r[0].removeprefix("IPC1-")
        for r in _rows(engine, "SELECT code FROM lab_tests WHERE code LIKE 'IPC1-%'")
    }
    assert len(shipped) >= 10 and own and not shipped & own, shipped & own
    used = {
        r[0]
        for r in _rows(
            engine,
            "SELECT DISTINCT t.code FROM lab_analyses a JOIN lab_tests t ON t.id = a.test_id WHERE t.code LIKE 'STD-%'",
        )
    }
    assert len(used) >= 3, used  # the lab's analyses are of the shipped tests
    assert _one(engine, "SELECT count(*) FROM lab_specifications WHERE product_type = 'food'") > 3
    counters = _rows(engine, "SELECT series, last FROM serial_counters WHERE site_code = 'IPC1'")
    assert sum(last for series, last in counters if series == "LAB") == len(lab_nos)


def test_open_samples_are_recent_and_only_a_few_overdue(built: tuple[Engine, DemoResult, list[Any]]) -> None:
    """Samples still in the lab were received in the days before the demo's "today" (here in the next
    fiscal year, numbered in it), not at the end of the previous one where every one was overdue."""
    engine, _, _ = built
    open_ = _rows(
        engine,
        "SELECT s.lab_no, s.due_on, r.requested_on FROM lab_samples s JOIN lab_requests r ON r.id = s.request_id"
        " WHERE s.state NOT IN ('published', 'cancelled')",
    )
    assert len(open_) >= 4
    overdue = [n for n, due, _ in open_ if date.fromisoformat(str(due)) < TODAY]
    assert len(overdue) <= max(1, len(open_) // 4), overdue
    assert all(0 <= (TODAY - date.fromisoformat(str(req))).days <= 31 for _, _, req in open_)
    assert all(n.startswith("L2570-IPC1-") for n, _, _ in open_), "numbered in the fiscal year of their date"
    future = "SELECT count(*) FROM lab_analyses WHERE tested_on > '2026-12-02'"
    assert _one(engine, future) == 0, "nothing is tested after the demo's today"
    counters = _rows(engine, "SELECT series, fiscal_year, last FROM serial_counters WHERE series = 'LAB'")
    assert {fy for _, fy, _ in counters} == {2569, 2570}


def test_appearance_results_fit_the_product_type(built: tuple[Engine, DemoResult, list[Any]]) -> None:
    engine, _, _ = built
    rows = _rows(
        engine,
        "SELECT s.product_type, a.value_text FROM lab_analyses a JOIN lab_samples s ON s.id = a.sample_id"
        " JOIN lab_tests t ON t.id = a.test_id WHERE t.result_type = 'text' AND a.value_text <> ''",
    )
    assert rows
    for ptype, text_ in rows:
        assert text_ in demo._APPEARANCES[ptype], (ptype, text_)
    wrong = {"cosmetic": "ชิ้นแห้งกรอบ", "textile": "ครีม", "food": "ผ้า", "packaging": "ครีม"}
    assert not [(p, t) for p, t in rows if p in wrong and wrong[p] in t]


def test_mentoring_lineage_across_cohorts(built: tuple[Engine, DemoResult, list[Any]]) -> None:
    engine, _, _ = built
    assert {r[0] for r in _rows(engine, "SELECT DISTINCT cohort FROM mentoring_pairs")} == {1, 2, 3, 4}
    lineage = _one(
        engine,
        "SELECT count(*) FROM mentoring_pairs p JOIN mentoring_pairs prev "
        "ON prev.mentee_enterprise_id = p.mentor_enterprise_id AND prev.cohort = p.cohort - 1",
    )
    assert lineage > 0, "a mentee of cohort n mentors cohort n + 1"
    companies = _one(
        engine,
        "SELECT count(*) FROM mentoring_pairs p JOIN enterprises e ON e.id = p.mentor_enterprise_id "
        "WHERE e.size = 'large' AND e.kind = 'juristic'",
    )
    assert companies > 0
    assert _one(engine, "SELECT count(*) FROM mentoring_sessions") > 0


def test_targets_templates_and_site_binding(built: tuple[Engine, DemoResult, list[Any]]) -> None:
    engine, _, _ = built
    national = _rows(
        engine,
        "SELECT persons, enterprises, products, groups, economic_value FROM targets "
        "WHERE fiscal_year = 2569 AND for_site_id IS NULL AND program_id IS NULL",
    )
    assert national == [(16_200, 2_200, 9_600, 70, 13_000_000_000)]
    assert (
        _one(engine, "SELECT count(*) FROM targets WHERE for_site_id IS NOT NULL AND program_id IS NULL") == 1
    )
    templates = dict(_rows(engine, "SELECT code, kind FROM certificate_templates"))
    assert templates == {"CERT-COMPLETION": "completion", "CERT-PARTICIPATION": "participation"}
    for name, elements in _rows(engine, "SELECT name_th, elements FROM certificate_templates"):
        types = [e["type"] for e in json.loads(elements)]
        assert name in {"วุฒิบัตร", "เกียรติบัตร"}
        assert types.count("signatory") == 2 and "qr" in types and "serial" in types
        assert any(e.get("text") == "{name}" for e in json.loads(elements))
    with Session(engine) as session:
        site = current_site(session)
        assert site is not None and site.code == "IPC1"


def test_users_of_every_role_log_in_with_their_passwords(built: tuple[Engine, DemoResult, list[Any]]) -> None:
    engine, result, _ = built
    assert set(result.passwords) == {"admin", "staff", "labtech", "labverifier", "viewer", "labhead"}
    rows = _rows(engine, "SELECT username, role, password_hash FROM users")
    assert {role for _, role, _ in rows} == set(ROLES)
    for username, _role, password_hash in rows:
        assert verify_password(password_hash, result.passwords[username])
    assert not verify_password(rows[0][2], "wrong password")


def test_progress_is_reported_and_pragmas_are_restored(built: tuple[Engine, DemoResult, list[Any]]) -> None:
    engine, _, calls = built
    stages = [stage for stage, _, _ in calls]
    assert "people" in stages and "attendance" in stages and stages[-1] == "committing"
    assert all(0 <= done <= total for _, done, total in calls)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL, as db.py sets it
    # The search index was filled through its triggers and works.
    assert _one(engine, "SELECT count(*) FROM people_fts") == N
    first = _one(engine, "SELECT last_name_th FROM people LIMIT 1")
    assert _one(engine, f"SELECT count(*) FROM people_fts WHERE people_fts MATCH '\"{first}\"'") >= 1


def test_refuses_a_database_that_already_has_data(built: tuple[Engine, DemoResult, list[Any]]) -> None:
    engine, result, _ = built
    with pytest.raises(ServiceError):
        build_demo(engine, participants=10)
    assert _one(engine, "SELECT count(*) FROM people") == result.counts["people"]


def test_failure_rolls_everything_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo_people, "hash_password", _fast_hash)

    def boom(self: Any) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(demo._Demo, "mentoring", boom)
    engine = open_database(tmp_path / "failed.sqlite3")
    try:
        with pytest.raises(RuntimeError):
            build_demo(engine, participants=50)
        assert _one(engine, "SELECT count(*) FROM people") == 0
        assert _one(engine, "SELECT count(*) FROM sites") == 0
        indexes = {r[0] for r in _rows(engine, "SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "ix_people_national_id" in indexes and "ix_enrollments_person_id" in indexes
        with Session(engine) as session:  # and the database is still usable
            seed_reference(session)
            session.commit()
    finally:
        engine.dispose()


def test_unknown_site_and_silly_sizes_are_refused(tmp_path: Path) -> None:
    engine = open_database(tmp_path / "x.sqlite3")
    try:
        with pytest.raises(ServiceError):
            build_demo(engine, site_code="NOPE", participants=10)
        with pytest.raises(ServiceError):
            build_demo(engine, participants=3)
        with pytest.raises(ServiceError):
            build_demo(engine, participants=10, fiscal_year=2026)
    finally:
        engine.dispose()
