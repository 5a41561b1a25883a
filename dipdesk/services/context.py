"""Who is acting, where, and in which transaction: passed to every service call."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from dipdesk.services.auth import can
from dipdesk.services.errors import PermissionDenied, ServiceError
from dipdesk.store.auth import LocalState, User
from dipdesk.store.reference import Site


@dataclass
class Context:
    """A unit of work: the session (one transaction), the acting user (None for system jobs) and site."""

    session: Session
    user: User | None
    site: Site
    lang: str = "th"

    @property
    def user_id(self) -> str | None:
        return self.user.id if self.user else None

    def require(self, permission: str) -> None:
        """Refuse unless the acting user may do this (system jobs with no user may do anything)."""
        if self.user is not None and not can(self.user, permission):
            raise PermissionDenied(
                f"ผู้ใช้ {self.user.username} ไม่มีสิทธิ์ดำเนินการนี้ ({permission})",
                f"User {self.user.username} is not allowed to do this ({permission})",
            )


def local_value(session: Session, key: str) -> str | None:
    row = session.get(LocalState, key)
    return row.value if row else None


def set_local_value(session: Session, key: str, value: str) -> None:
    row = session.get(LocalState, key)
    if row is None:
        session.add(LocalState(key=key, value=value))
    else:
        row.value = value


def current_site(session: Session) -> Site | None:
    """This installation's site (chosen at first run), or None before first run."""
    site_id = local_value(session, "site_id")
    return session.get(Site, site_id) if site_id else None


class NoSite(ServiceError, LookupError):
    """The database has no site (never set up): a clear message, never a traceback (issue 17)."""


def system_context(session: Session, site_code: str | None = None) -> Context:
    """A context for jobs run without a logged-in user (CLI maintenance, demo, tests)."""
    site = (
        session.scalars(select(Site).where(Site.code == site_code)).one()
        if site_code
        else current_site(session)
    )
    if site is None:
        raise NoSite(
            "ฐานข้อมูลนี้ยังไม่ได้ตั้งค่าหน่วยงาน: เปิดโปรแกรมเพื่อตั้งค่าครั้งแรก หรือใช้ dipdesk sync --server URL "
            "--enroll CODE หรือ dipdesk demo",
            "this database has no site yet: run the first-run set-up (open dipdesk), enrol it with "
            "`dipdesk sync --server URL --enroll CODE`, or `dipdesk demo`",
        )
    return Context(session=session, user=None, site=site)
