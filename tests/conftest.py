"""Shared fixtures: every test gets its own data folder and a fresh, migrated database file."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

# Tests that put virtual cards in the one virtual reader (vpcd listens on a fixed port) run in one
# pytest-xdist worker, one after another; everything else may run in parallel (`-n auto --dist loadgroup`).
_ONE_READER = pytest.mark.xdist_group("vpcd")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "hardware" in item.path.parts or item.path.name == "test_card_reader.py":
            item.add_marker(_ONE_READER)
    # The bundle build (about 3 minutes) goes first, so that a worker is not left building it alone at the end.
    items.sort(key=lambda item: item.get_closest_marker("slow_build") is None)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPDESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("DIPDESK_DB", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "dipdesk.sqlite3"


@pytest.fixture
def engine(db_path: Path) -> Iterator[Engine]:
    from dipdesk.store.db import open_database

    eng = open_database(db_path)
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    from dipdesk.store.db import session_factory

    with session_factory(engine)() as s:
        yield s


@pytest.fixture
def ctx(session: Session):  # type: ignore[no-untyped-def]
    """A context bound to IPC1 with an admin user, after first-run set-up."""
    from dipdesk.services.context import Context, current_site
    from dipdesk.services.setup import first_run

    admin = first_run(session, "IPC1", "admin", "correct horse battery 2569", "ผู้ดูแลระบบ")
    session.commit()
    site = current_site(session)
    assert site is not None
    return Context(session=session, user=admin, site=site)
