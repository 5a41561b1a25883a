"""The application's one handle on the local database: the engine and a session factory.

Workers make their own Session from it (a Session belongs to one thread):

    def load(task):
        with database().session() as s:
            return s.scalar(select(func.count()).select_from(Person))

Writes go through the services inside a transaction: `with db.session() as s, s.begin(): ...`.

At start-up the application makes the handle with `Database.deferred(path)`: nothing is opened (nor is
SQLAlchemy imported) until the first worker asks for a session, so the log-in window shows while the
file is opened, migrated if need be, in the background. Opening happens once, under a lock: a second
worker asking meanwhile waits for the first (a log-in pressed during an upgrade goes on when it is done).
`upgrade_listener` hears, in the opening worker, how an upgrade of an old file goes (the log-in window
shows it: dipdesk.ui.upgrade_notice).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker


class Database:
    """The engine and its sessionmaker, plus where the file is (shown in the status bar)."""

    def __init__(self, engine: Engine | None, path: str | Path) -> None:
        self.path = Path(path) if "://" not in str(path) else None
        self.url = str(path)
        self._lock = threading.Lock()
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        # called (in the opening worker) with each dipdesk.store.db.UpgradeProgress of an old file
        self.upgrade_listener: Callable[[Any], None] | None = None
        if engine is not None:
            self._set(engine)

    def _set(self, engine: Engine) -> None:
        from dipdesk.store.db import session_factory

        self._sessions = session_factory(engine)
        self._engine = engine

    @classmethod
    def open(cls, path: str | Path) -> Database:
        """Open (create, migrate) the database. Slow on first use: call it from a worker."""
        from dipdesk.store.db import open_database

        return cls(open_database(path), path)

    @classmethod
    def deferred(cls, path: str | Path) -> Database:
        """A handle that opens (creates, migrates) the database on first use, in whichever worker
        first needs it (see the module docstring)."""
        return cls(None, path)

    def ensure_open(self) -> Engine:
        """Open the database now if it is not yet (blocking: call it from a worker)."""
        engine = self._engine
        if engine is not None:
            return engine
        with self._lock:
            if self._engine is None:
                from dipdesk.store.db import open_database

                self._set(open_database(self.url, progress=self.upgrade_listener))
            assert self._engine is not None
            return self._engine

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    @property
    def engine(self) -> Engine:
        return self.ensure_open()

    @property
    def sessions(self) -> sessionmaker[Session]:
        self.ensure_open()
        assert self._sessions is not None
        return self._sessions

    def session(self) -> Session:
        return self.sessions()

    @property
    def display_path(self) -> str:
        return str(self.path.resolve()) if self.path is not None else self.url

    def close(self) -> None:
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()


_current: Database | None = None


def set_database(db: Database | None) -> None:
    """Make `db` the application's database (None to forget it, e.g. at shutdown or in tests)."""
    global _current
    _current = db


def database() -> Database:
    if _current is None:
        raise RuntimeError("no database is open")
    return _current
