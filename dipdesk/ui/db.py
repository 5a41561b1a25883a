"""The application's one handle on the local database: the engine and a session factory.

Workers make their own Session from it (a Session belongs to one thread):

    def load(task):
        with database().session() as s:
            return s.scalar(select(func.count()).select_from(Person))

Writes go through the services inside a transaction: `with db.session() as s, s.begin(): ...`.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from dipdesk.store.db import open_database, session_factory


class Database:
    """The engine and its sessionmaker, plus where the file is (shown in the status bar)."""

    def __init__(self, engine: Engine, path: str | Path) -> None:
        self.engine = engine
        self.path = Path(path) if "://" not in str(path) else None
        self.url = str(path)
        self.sessions: sessionmaker[Session] = session_factory(engine)

    @classmethod
    def open(cls, path: str | Path) -> Database:
        """Open (create, migrate) the database. Slow on first use: call it from a worker."""
        return cls(open_database(path), path)

    def session(self) -> Session:
        return self.sessions()

    @property
    def display_path(self) -> str:
        return str(self.path.resolve()) if self.path is not None else self.url

    def close(self) -> None:
        self.engine.dispose()


_current: Database | None = None


def set_database(db: Database | None) -> None:
    """Make `db` the application's database (None to forget it, e.g. at shutdown or in tests)."""
    global _current
    _current = db


def database() -> Database:
    if _current is None:
        raise RuntimeError("no database is open")
    return _current
