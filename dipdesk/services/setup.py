"""First-run set-up: reference data, choosing this installation's site, and the first administrator."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dipdesk.core.passwords import password_problem
from dipdesk.services.auth import hash_password, valid_role
from dipdesk.services.context import Context, current_site, set_local_value
from dipdesk.services.errors import ValidationError
from dipdesk.services.records import audit
from dipdesk.store.auth import ROLES, User
from dipdesk.store.reference import Site
from dipdesk.store.reference_data import seed_reference


def ensure_reference(session: Session) -> None:
    """Provinces, sites and coverage: the same set the server ships (idempotent)."""
    seed_reference(session)


def needs_first_run(session: Session) -> bool:
    """True until this installation has a site and an active administrator."""
    if current_site(session) is None:
        return True
    admins = session.scalar(
        select(func.count())
        .select_from(User)
        .where(User.role == "admin", User.active.is_(True), User.deleted.is_(False))
    )
    return not admins


def list_sites(session: Session) -> list[Site]:
    ensure_reference(session)
    return list(
        session.scalars(
            select(Site).where(Site.deleted.is_(False)).order_by(Site.kind.desc(), Site.center_no, Site.code)
        )
    )


def create_user(
    ctx: Context,
    username: str,
    password: str,
    *,
    full_name: str = "",
    role: str = "staff",
    position: str = "",
) -> User:
    username = username.strip()
    if not username or not username.replace(".", "").replace("_", "").replace("-", "").isalnum():
        raise ValidationError("username", "ชื่อผู้ใช้ต้องเป็นตัวอักษรหรือตัวเลข", "username must be letters or digits")
    problem = password_problem(password, username)
    if problem is not None:
        raise ValidationError("password", *problem)
    if not valid_role(role):
        raise ValidationError(
            "role", f"ไม่มีบทบาท {role}", f"unknown role {role!r}; one of: {', '.join(ROLES)}"
        )
    taken = select(User).where(User.username == username, User.site_id == ctx.site.id)  # per site (0005)
    if ctx.session.scalars(taken).first() is not None:
        raise ValidationError("username", f"มีชื่อผู้ใช้ {username} แล้ว", f"username {username} is taken")
    user = User(
        site_id=ctx.site.id,
        username=username,
        full_name=full_name,
        position=position,
        role=role,
        password_hash=hash_password(password),
    )
    ctx.session.add(user)
    ctx.session.flush()
    audit(ctx, "create", user, {"username": [None, username], "role": [None, role]})
    return user


def first_run(session: Session, site_code: str, username: str, password: str, full_name: str = "") -> User:
    """Bind this installation to a site and create its first administrator, in one transaction."""
    ensure_reference(session)
    site = session.scalars(select(Site).where(Site.code == site_code)).first()
    if site is None:
        raise ValidationError("site", f"ไม่พบหน่วยงานรหัส {site_code}", f"unknown site code {site_code}")
    set_local_value(session, "site_id", site.id)
    ctx = Context(session=session, user=None, site=site)
    return create_user(ctx, username, password, full_name=full_name, role="admin")
