"""A faster `engine`/`ctx` for the records-B service tests: the migrated, set-up database is made once per
run and copied for each test (migrating and argon2-hashing the admin's password for every test would
cost about a second each). Import the fixtures into a test module to use them:

    from _records_b_db import ctx, engine, set_up_template  # noqa: F401
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session


@pytest.fixture(scope="session")
def set_up_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from dipdesk.services.setup import first_run
    from dipdesk.store.db import open_database, session_factory

    path = tmp_path_factory.mktemp("records_b") / "template.sqlite3"
    eng = open_database(path)
    with session_factory(eng)() as s:
        first_run(s, "IPC1", "admin", "correct horse battery 2569", "ผู้ดูแลระบบ")
        s.commit()
    eng.dispose()
    return path


@pytest.fixture
def engine(db_path: Path, set_up_template: Path) -> Iterator[Engine]:
    from dipdesk.store.db import open_database

    src, dst = sqlite3.connect(set_up_template), sqlite3.connect(db_path)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    eng = open_database(db_path)
    yield eng
    eng.dispose()


@pytest.fixture
def ctx(session: Session):  # type: ignore[no-untyped-def]
    """A context bound to IPC1 with its administrator (as the shared `ctx`, without redoing first run)."""
    from dipdesk.services.context import Context, current_site
    from dipdesk.store.auth import User

    site = current_site(session)
    admin = session.scalars(select(User).where(User.username == "admin")).one()
    assert site is not None
    return Context(session=session, user=admin, site=site)
