"""kill -9 of a process printing certificates, at random moments and the moment its PDF appears (issue 17,
item 10): never a finished certificate PDF in place whose serials the database did not issue, never a QR
code signed with a key the database does not hold, and never a serial given out twice."""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from dipdesk.services import records, signing
from dipdesk.services.context import Context, current_site
from dipdesk.services.enrollment import record_attendance
from dipdesk.store.certificates import Certificate
from dipdesk.store.db import open_database, session_factory
from dipdesk.store.enrollment import Enrollment
from dipdesk.store.people import Person
from dipdesk.store.programs import Activity, ActivitySession, Program
from dipdesk.store.reference import Site

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
TRIALS = int(os.environ.get("TRUST_KILL_TRIALS", "20"))  # the campaign (tools/trust_campaign.py) runs more
PEOPLE = 12
SERIAL = re.compile(r"IPC1-2569-[0-9A-Z]{4}-\d{5}")


@pytest.fixture(scope="module")
def class_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site (no signing key yet: the first print makes it) and a class who all attended."""
    from dipdesk.services.setup import first_run

    path = tmp_path_factory.mktemp("kills") / "class.sqlite3"
    eng = open_database(path)
    with session_factory(eng)() as s, s.begin():
        admin = first_run(s, "IPC1", "admin", "correct horse battery 2569", "ผู้ดูแลระบบ")
        site = current_site(s)
        assert site is not None
        ctx = Context(s, admin, site)
        program = records.create(
            ctx, Program, code="P-K", name_th="โครงการ", fiscal_year=2569, service_kind="training"
        )
        activity = records.create(
            ctx, Activity, program_id=program.id, code="A-KILL", title_th="หลักสูตรทดสอบการพิมพ์",
            start_date=dt.date(2026, 3, 3), end_date=dt.date(2026, 3, 3), hours=6,
        )  # fmt: skip
        day = records.create(
            ctx, ActivitySession, activity_id=activity.id, seq=1, day=dt.date(2026, 3, 3), hours=6
        )
        marks = {}
        for i in range(PEOPLE):
            person = records.create(
                ctx, Person, prefix="นาย", first_name_th=f"สมชาย{i:02d}", last_name_th="ใจดี"
            )
            enrollment = records.create(ctx, Enrollment, activity_id=activity.id, person_id=person.id)
            marks[(enrollment.id, day.id)] = True
        record_attendance(ctx, activity.id, marks)
    eng.dispose()
    return path


def _copy(src: Path, dest: Path) -> None:
    a, b = sqlite3.connect(src), sqlite3.connect(dest)
    with b:
        a.backup(b)
    a.close()
    b.close()


def _printing(db: Path, out: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])}
    argv = [sys.executable, "-m", "dipdesk", "--db", str(db), "certificates", "print", "--activity", "A-KILL"]
    return subprocess.Popen(
        [*argv, "--out", str(out)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(out.parent / "stderr.txt").open("ab"),
    )


def _serials_in(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # each page prints its serial twice: as the number and inside the verify address under the QR
    return list(dict.fromkeys(SERIAL.findall(text)))


def _issued(db: Path) -> dict[str, str]:
    """serial -> person id of the certificates the database holds, after checking their QR signatures."""
    eng = open_database(db)
    try:
        with session_factory(eng)() as s:
            site = s.scalars(select(Site).where(Site.code == "IPC1")).one()
            out = {}
            for cert in s.scalars(select(Certificate)):
                _payload, body, sig = signing.parse_qr_text(str((cert.printed_data or {}).get("qr")))
                assert site.public_key and signing.signature_valid(site.public_key, body, sig), cert.serial
                out[cert.serial] = cert.person_id
            return out
    finally:
        eng.dispose()


@pytest.mark.timeout(1500)
def test_a_kill_while_printing_never_leaves_a_pdf_of_unissued_or_reused_serials(
    class_db: Path, tmp_path: Path
) -> None:
    # how long one print takes here, to spread the kills over it
    _copy(class_db, tmp_path / "timing.sqlite3")
    started = time.monotonic()
    assert _printing(tmp_path / "timing.sqlite3", tmp_path / "timing.pdf").wait(120) == 0
    whole = time.monotonic() - started
    assert len(_serials_in(tmp_path / "timing.pdf")) == PEOPLE

    rng = random.Random(17)
    outcomes = {"pdf in place": 0, "no pdf": 0}
    for trial in range(TRIALS):
        db, out = tmp_path / f"t{trial}.sqlite3", tmp_path / f"t{trial}" / "certificates.pdf"
        out.parent.mkdir()
        _copy(class_db, db)
        proc = _printing(db, out)
        if trial % 2:  # a random moment of the whole run
            time.sleep(rng.uniform(0.3, 1.1) * whole)
        else:  # the moment the PDF appears in its folder (the most dangerous one)
            deadline = time.monotonic() + 2 * whole + 30
            while not out.exists() and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.001)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)

        issued = _issued(db)
        if out.exists():
            outcomes["pdf in place"] += 1
            on_paper = _serials_in(out)
            assert len(on_paper) == PEOPLE and set(on_paper) <= set(issued), (
                trial,
                on_paper[:3],
                list(issued)[:3],
            )
        else:
            outcomes["no pdf"] += 1
        # the next print finishes: the serials already issued (and maybe on paper) keep their holders
        again = out.with_name("again.pdf")
        assert _printing(db, again).wait(120) == 0
        after = _issued(db)
        assert {k: after[k] for k in issued} == issued
        assert len(after) == PEOPLE == len(set(after.values()))
        assert sorted(_serials_in(again)) == sorted(after)
        leftovers = [
            p.name
            for p in out.parent.iterdir()
            if p.name not in ("certificates.pdf", "again.pdf", "stderr.txt")
        ]
        assert all(name.startswith(".dipdesk-") for name in leftovers), leftovers
    print(f"kill trials: {outcomes}, one print {whole:.2f} s")
    assert outcomes["pdf in place"] + outcomes["no pdf"] == TRIALS
