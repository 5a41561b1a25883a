"""Reads and writes of the record screens, always in a worker with a Session of its own.

Every write goes through `dipdesk.services` inside one transaction (`run_write`): validation, audit and
the sync outbox cannot be skipped, and a failure leaves nothing half-written. A `CtxFactory` turns the
worker's Session into the service `Context` of the logged-in user; the attendance and enrollment
widgets get the same factory.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject
from sqlalchemy.orm import Session

from dipdesk.services.auth import PERMISSIONS
from dipdesk.services.context import Context, current_site
from dipdesk.services.errors import ServiceError
from dipdesk.store.auth import User
from dipdesk.store.reference import Site
from dipdesk.ui import workers
from dipdesk.ui.changes import ALL, data_changed
from dipdesk.ui.db import Database
from dipdesk.ui.state import CurrentUser

T = TypeVar("T")
CtxFactory = Callable[[Session], Context]

WRITE_PERMISSION = "records.write"


def make_ctx_factory(user: CurrentUser, lang: str = "th") -> CtxFactory:
    """`factory(session)` → the Context of `user` at this installation's site, bound to `session`."""
    user_id, site_id = user.id, user.site_id

    def factory(session: Session) -> Context:
        acting = session.get(User, user_id) if user_id else None
        site = session.get(Site, site_id) if site_id else None
        site = site or current_site(session)
        if site is None:
            raise ServiceError("ยังไม่ได้เลือกหน่วยงานของเครื่องนี้", "this computer has no site yet")
        return Context(session=session, user=acting, site=site, lang=lang)

    return factory


def can_write(user: CurrentUser) -> bool:
    """Whether the user's role may change records (viewers and lab roles may only look)."""
    allowed = PERMISSIONS.get(user.role, frozenset())
    return "*" in allowed or WRITE_PERMISSION in allowed


def run_write(
    db: Database,
    ctx_factory: CtxFactory,
    fn: Callable[[Context], T],
    *,
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    owner: QObject | None = None,
    kinds: tuple[str, ...] = (ALL,),
) -> workers.Task:
    """Run `fn(ctx)` in a worker, in one transaction that commits only if `fn` returns; then tell the
    pages (`ui.changes`) that records of ``kinds`` changed."""

    def work(task: workers.Task) -> T:
        with db.session() as session, session.begin():
            ctx = ctx_factory(session)
            ctx.require(WRITE_PERMISSION)
            return fn(ctx)

    def done(result: T) -> None:
        try:
            if on_done is not None:
                on_done(result)
        finally:
            data_changed(*kinds, source=owner)  # committed: every page may show it

    return workers.run_task(work, on_done=done, on_error=on_error, owner=owner)


def run_read(
    db: Database,
    fn: Callable[[Session], T],
    *,
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    owner: QObject | None = None,
) -> workers.Task:
    """Run `fn(session)` in a worker with a read-only Session; plain values come back, never ORM rows."""

    def work(task: workers.Task) -> T:
        with db.session() as session:
            return fn(session)

    return workers.run_task(work, on_done=on_done, on_error=on_error, owner=owner)


def get_live(session: Session, model: type[Any], record_id: str) -> Any:
    """The record, or NotFound (also for a soft-deleted one), as `records.get` says it."""
    from dipdesk.services.errors import NotFound

    obj = session.get(model, record_id)
    if obj is None or getattr(obj, "deleted", False):
        raise NotFound(f"ไม่พบข้อมูล {record_id}", f"no {model.__tablename__} record {record_id}")
    return obj


def record_values(obj: Any) -> dict[str, Any]:
    """A record's column values as a plain dict (safe to hand to the GUI thread)."""
    from sqlalchemy import inspect

    return {c.key: getattr(obj, c.key) for c in inspect(type(obj)).column_attrs}


def error_text(exc: BaseException, lang: str) -> str:
    """A message for the user: the service's own words in their language, else the exception's text."""
    if isinstance(exc, ServiceError):
        return exc.message(lang)
    return str(exc) or type(exc).__name__
