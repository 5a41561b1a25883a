"""GUI test fixtures: offscreen Qt, a fresh database per test, translations compiled from the sources,
modal dialogs that cannot block, and the worker pool drained after every test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery 2569"


def _lrelease() -> str:
    import PySide6

    exe = Path(PySide6.__file__).parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")
    return str(exe)


@pytest.fixture(scope="session")
def qm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The catalogues compiled from the committed .ts sources (not whatever .qm lies around)."""
    out = tmp_path_factory.mktemp("qm")
    for ts in sorted((ROOT / "i18n").glob("*.ts")):
        subprocess.run([_lrelease(), "-silent", str(ts), "-qm", str(out / f"{ts.stem}.qm")], check=True)
    return out


@pytest.fixture(scope="session")
def _themed_app(qapp, qm_dir: Path):  # type: ignore[no-untyped-def]
    from dipdesk.ui.app import create_application
    from dipdesk.ui.theme import apply_theme, register_fonts

    app = create_application()
    register_fonts()
    apply_theme(app, "light")
    return app


@pytest.fixture(autouse=True)
def _ui_env(_themed_app, qm_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:  # type: ignore[no-untyped-def]
    """Thai (the default language) from the compiled sources; dialogs recorded instead of shown."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QDialog, QMessageBox

    from dipdesk.ui import i18n, theme, workers
    from dipdesk.ui.db import set_database

    # widgets of earlier tests were closed with deleteLater(): delete them now, or every later
    # stylesheet change would re-polish all of them
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    monkeypatch.setattr(i18n, "translations_dir", lambda: qm_dir)
    i18n.install_translations(_themed_app, "th")
    shown: list[str] = []

    def fake_message_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return int(QMessageBox.StandardButton.Ok)

    def no_modal_exec(dialog: QDialog) -> int:
        raise AssertionError(f"a modal {type(dialog).__name__} would block the test")

    monkeypatch.setattr(QMessageBox, "exec", fake_message_exec)
    monkeypatch.setattr(QDialog, "exec", no_modal_exec)
    yield shown
    workers.cancel_all()
    assert workers.drain(10_000), "background tasks still running after the test"
    set_database(None)
    if theme.current_theme() != "light":
        theme.apply_theme(_themed_app, "light")


@pytest.fixture
def dialogs(_ui_env: list[str]) -> list[str]:
    """Texts of the message boxes the code under test tried to show."""
    return _ui_env


def seed(session) -> None:  # type: ignore[no-untyped-def]
    """A site and its administrator, plus a few real records for this fiscal year."""
    from dipdesk.core.thaidate import fiscal_year, fiscal_year_range
    from dipdesk.core.thaiid import make_id
    from dipdesk.services import records
    from dipdesk.services.context import system_context
    from dipdesk.services.setup import first_run
    from dipdesk.store.enrollment import Enrollment
    from dipdesk.store.people import Enterprise, Person, Product
    from dipdesk.store.programs import Activity, Program, Target

    first_run(session, "IPC1", "admin", PASSWORD, "นายสมชาย ใจดี")
    ctx = system_context(session)
    fy = fiscal_year(dt.date.today())
    first_day, _ = fiscal_year_range(fy)
    program = records.create(
        ctx, Program, code="P-001", name_th="โครงการพัฒนาผู้ประกอบการ", fiscal_year=fy, service_kind="training"
    )
    activity = records.create(
        ctx,
        Activity,
        program_id=program.id,
        code="A-001",
        title_th="อบรมการตลาดออนไลน์",
        start_date=first_day + dt.timedelta(days=30),
        end_date=first_day + dt.timedelta(days=32),
        hours=18,
        capacity=30,
    )
    somsri = records.create(
        ctx,
        Person,
        prefix="นาง",
        first_name_th="สมศรี",
        last_name_th="รักไทย",
        national_id=make_id("110170012345"),
        consent=True,
    )
    wichai = records.create(ctx, Person, prefix="นาย", first_name_th="วิชัย", last_name_th="มั่นคง")
    enterprise = records.create(ctx, Enterprise, code="E-001", name_th="วิสาหกิจชุมชนข้าวหอม", kind="community")
    records.create(
        ctx,
        Product,
        enterprise_id=enterprise.id,
        name_th="ข้าวหอมมะลิอินทรีย์",
        developed_in_program_id=program.id,
    )
    records.create(
        ctx,
        Enrollment,
        activity_id=activity.id,
        person_id=somsri.id,
        enterprise_id=enterprise.id,
        status="completed",
    )
    records.create(ctx, Enrollment, activity_id=activity.id, person_id=wichai.id, status="enrolled")
    records.create(
        ctx,
        Target,
        fiscal_year=fy,
        for_site_id=ctx.site.id,
        persons=100,
        enterprises=20,
        products=10,
        groups=2,
        economic_value=Decimal(5_000_000),
    )


def _copy_sqlite(src: Path, dest: Path) -> None:
    import sqlite3

    a, b = sqlite3.connect(src), sqlite3.connect(dest)
    with b:
        a.backup(b)
    a.close()
    b.close()


@pytest.fixture(scope="session")
def _templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Migrated databases made once (migrating and argon2 hashing are slow); each test gets a copy."""
    from dipdesk.store.db import open_database, session_factory

    folder = tmp_path_factory.mktemp("templates")
    empty, seeded = folder / "empty.sqlite3", folder / "seeded.sqlite3"
    engine = open_database(empty)
    engine.dispose()
    _copy_sqlite(empty, seeded)
    engine = open_database(seeded)
    with session_factory(engine)() as s, s.begin():
        seed(s)
    engine.dispose()
    return {"empty": empty, "seeded": seeded}


@pytest.fixture
def seeded_db(db_path: Path, _templates: dict[str, Path]):  # type: ignore[no-untyped-def]
    """The application's Database over a fresh file with a site, an admin and a few records."""
    from dipdesk.ui.db import Database, set_database

    _copy_sqlite(_templates["seeded"], db_path)
    db = Database.open(db_path)
    set_database(db)
    yield db
    set_database(None)
    db.close()


@pytest.fixture
def empty_db(db_path: Path, _templates: dict[str, Path]):  # type: ignore[no-untyped-def]
    """A migrated database that still needs first-run set-up."""
    from dipdesk.ui.db import Database

    _copy_sqlite(_templates["empty"], db_path)
    db = Database.open(db_path)
    yield db
    db.close()


@pytest.fixture
def admin_password() -> str:
    return PASSWORD


@pytest.fixture
def env(seeded_db):  # type: ignore[no-untyped-def]
    """What the main window needs: database, the logged-in admin, preferences."""
    from dipdesk.settings import Settings
    from dipdesk.ui.pages import PageEnv
    from dipdesk.ui.state import current_user_from, first_admin

    with seeded_db.session() as s:
        admin = first_admin(s)
        assert admin is not None
        user = current_user_from(s, admin)
    return PageEnv(seeded_db, user, Settings.load(), lang="th")
