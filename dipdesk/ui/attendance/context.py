"""`ctx_factory`: how a dialog gets the acting user's service Context inside a worker.

A Session belongs to one thread, so a dialog cannot hold a Context: each background job opens its own
Session and turns it into a Context with the factory it was given,

    ctx_factory: Callable[[Session], Context]      # (session) -> Context of the logged-in user and site

    def save(task):
        with db.session() as s:
            ctx = ctx_factory(s)
            enrollment.record_attendance(ctx, activity_id, marks)
            s.commit()

`context_factory(user)` makes one from the logged-in user (`CurrentUser`, plain values that may cross
threads); tests may pass any callable, e.g. `lambda s: system_context(s)`.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from dipdesk.services.context import Context, current_site
from dipdesk.services.errors import NotFound
from dipdesk.store.auth import User
from dipdesk.store.reference import Site
from dipdesk.ui.state import CurrentUser

CtxFactory = Callable[[Session], Context]


def context_factory(user: CurrentUser, lang: str = "th") -> CtxFactory:
    """A `ctx_factory` acting as `user` at this installation's site."""

    def make(session: Session) -> Context:
        acting = session.get(User, user.id) if user.id else None
        site = session.get(Site, user.site_id) if user.site_id else current_site(session)
        if site is None:
            raise NotFound("ยังไม่ได้เลือกหน่วยงานของเครื่องนี้", "this installation has no site yet")
        return Context(session=session, user=acting, site=site, lang=lang)

    return make
