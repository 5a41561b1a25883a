"""Alembic environment for dipdesk's packaged migrations (local SQLite and the server's database)."""

from __future__ import annotations

from alembic import context

from dipdesk.store.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.begin() as connection:
        is_sqlite = connection.dialect.name == "sqlite"
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=is_sqlite,
            transaction_per_migration=False,
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
