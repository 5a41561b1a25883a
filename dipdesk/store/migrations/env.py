"""Alembic environment for dipdesk's packaged migrations (local SQLite and the server's database)."""

from __future__ import annotations

from alembic import context

from dipdesk.store.models import Base

config = context.config
MIGRATION_LOCK_KEY = 0x6469_706D  # "dipm"
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.begin() as connection:
        is_sqlite = connection.dialect.name == "sqlite"
        if connection.dialect.name == "postgresql":
            # Several server workers starting on a fresh database migrate one after the other: the lock is
            # held until this transaction (all the migrations) commits, and the next one then finds the
            # schema current (issue 17: 3 of 4 workers crashed without it).
            from sqlalchemy import text

            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK_KEY})
        on_step = config.attributes.get("on_step")  # dipdesk.store.db.upgrade: progress, step by step
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=is_sqlite,
            transaction_per_migration=False,
            on_version_apply=(lambda **_kw: on_step()) if on_step is not None else (),
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
