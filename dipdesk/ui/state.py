"""Who is logged in, at which site: plain values handed from the log-in to the main window.

No ORM objects cross threads: a worker turns the `User` it found into this frozen record.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: the log-in window shows before SQLAlchemy is loaded
    from sqlalchemy.orm import Session

    from dipdesk.store.auth import User


@dataclass(frozen=True)
class CurrentUser:
    id: str
    username: str
    full_name: str
    role: str
    site_id: str
    site_code: str
    site_name_th: str
    site_name_en: str
    site_has_lab: bool = False

    def site_name(self, lang: str) -> str:
        return self.site_name_en if lang == "en" and self.site_name_en else self.site_name_th

    @property
    def display_name(self) -> str:
        return self.full_name or self.username


def current_user_from(session: Session, user: User) -> CurrentUser:
    """Snapshot a user and this installation's site (falls back to the user's own site)."""
    from dipdesk.services.context import current_site
    from dipdesk.store.reference import Site

    site = current_site(session) or session.get(Site, user.site_id)
    return CurrentUser(
        id=user.id,
        username=user.username,
        full_name=user.full_name,
        role=user.role,
        site_id=site.id if site else "",
        site_code=site.code if site else "",
        site_name_th=site.name_th if site else "",
        site_name_en=site.name_en if site else "",
        site_has_lab=bool(site.has_lab) if site else False,
    )


def first_admin(session: Session) -> User | None:
    """The first active administrator (the screenshot command logs in as this user)."""
    from sqlalchemy import select

    from dipdesk.store.auth import User

    return session.scalars(
        select(User)
        .where(User.role == "admin", User.active.is_(True), User.deleted.is_(False))
        .order_by(User.created_at, User.username)
    ).first()
