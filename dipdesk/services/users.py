"""Users and roles (ผู้ใช้และบทบาท): log-in with slow-down and lock, and the administrator's work: add,
change a role, reset a password, deactivate and activate; everyone changes their own password.

Users are never deleted (the audit trail and signed reports name them): a user who left is deactivated.
Every change here is audited and captured for sync (users travel per site, so a deactivation made on one
laptop reaches every laptop of the site at its next sync and that user can no longer log in there).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dipdesk.core.passwords import password_problem
from dipdesk.services.auth import (
    find_user,
    generate_password,
    hash_password,
    valid_role,
    verify_password,
)
from dipdesk.services.context import Context
from dipdesk.services.errors import NotFound, PermissionDenied, ValidationError
from dipdesk.services.records import audit
from dipdesk.services.setup import create_user
from dipdesk.store.auth import ROLES, LocalState, User
from dipdesk.store.base import utcnow
from dipdesk.store.reference import Site
from dipdesk.sync.outbox import capture

MANAGE = "users.manage"  # only administrators hold it (PERMISSIONS: admin = "*")

# --- log-in with slow-down and lock ------------------------------------------------------------------
# After repeated wrong passwords for one user on this device: the 3rd makes the next try wait 5 s, the
# 4th 30 s, the 5th locks the user on this device for 15 minutes (audited). A right password clears the
# count. The counts live in `local_state` (this device only, never synced): an attacker at one laptop
# gains nothing from another, and a lock never travels to a laptop where nothing happened.
DELAYS = {3: 5, 4: 30}  # wrong passwords in a row -> seconds before the next try
LOCK_AFTER = 5
LOCK_MINUTES = 15
_KEY = "login.failures."


@dataclass(frozen=True)
class LoginOutcome:
    """What a log-in attempt came to. `status`: ok | wrong | wait | locked. An unknown or deactivated
    name is `wrong` too, so a refusal never tells whether the name exists."""

    status: str
    user: User | None = None
    wait_seconds: int = 0  # wrong (after the 3rd), wait, locked: seconds before the next try
    failures: int = 0

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def message(self, lang: str = "th") -> str:
        if self.status == "wait":
            th = f"ใส่รหัสผ่านผิดหลายครั้ง กรุณารอ {self.wait_seconds} วินาทีแล้วลองใหม่"
            en = f"Too many wrong passwords: wait {self.wait_seconds} seconds, then try again"
        elif self.status == "locked":
            minutes = max(1, -(-self.wait_seconds // 60))
            th = (
                f"บัญชีนี้ถูกล็อกชั่วคราวเพราะใส่รหัสผ่านผิด {LOCK_AFTER} ครั้ง กรุณารอประมาณ {minutes} นาที "
                "หรือให้ผู้ดูแลระบบตั้งรหัสผ่านใหม่"
            )
            en = (
                f"This account is locked after {LOCK_AFTER} wrong passwords: wait about {minutes} "
                "minute(s) or ask an administrator to reset the password"
            )
        elif self.status == "ok":
            th, en = "เข้าสู่ระบบแล้ว", "Logged in"
        elif self.wait_seconds:
            th = f"ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง กรุณารอ {self.wait_seconds} วินาทีก่อนลองใหม่"
            en = f"The username or password is not correct: wait {self.wait_seconds} seconds before trying again"
        else:
            th, en = "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง", "The username or password is not correct"
        return th if lang == "th" else en


def _failures(session: Session, user_id: str) -> tuple[int, datetime | None]:
    row = session.get(LocalState, _KEY + user_id)
    if row is None:
        return 0, None
    try:
        data = json.loads(row.value)
        until = datetime.fromisoformat(data["until"]) if data.get("until") else None
        return int(data.get("count", 0)), until
    except (ValueError, TypeError, KeyError, AttributeError):
        return 0, None  # a damaged entry counts as none (never a permanent lock)


def _save_failures(session: Session, user_id: str, count: int, until: datetime | None) -> None:
    value = json.dumps({"count": count, "until": until.isoformat() if until else None})
    row = session.get(LocalState, _KEY + user_id)
    if row is None:
        session.add(LocalState(key=_KEY + user_id, value=value))
    else:
        row.value = value


def clear_failures(session: Session, user_id: str) -> None:
    """Forget the wrong passwords counted for this user on this device."""
    row = session.get(LocalState, _KEY + user_id)
    if row is not None:
        session.delete(row)


def lock_state(session: Session, user_id: str, now: datetime | None = None) -> tuple[int, int]:
    """(wrong passwords in a row, seconds before the next try is allowed: 0 = now) on this device."""
    now = now or utcnow()
    count, until = _failures(session, user_id)
    wait = int(-(-(until - now).total_seconds() // 1)) if until and until > now else 0
    return count, wait


@cache
def _dummy_hash() -> str:
    return hash_password("not-a-real-password-0")


def login(session: Session, username: str, password: str, *, now: datetime | None = None) -> LoginOutcome:
    """Check a log-in of this site's `username`. Runs in the caller's transaction, which must commit
    even when the answer is no: the count of wrong passwords (and a lock's audit entry) is kept there."""
    now = now or utcnow()
    user = find_user(session, username)
    if user is None or not user.active:
        verify_password(_dummy_hash(), password)  # as slow as a real check: names cannot be probed
        return LoginOutcome("wrong")
    count, wait = lock_state(session, user.id, now)
    if wait:
        return LoginOutcome("locked" if count >= LOCK_AFTER else "wait", wait_seconds=wait, failures=count)
    if verify_password(user.password_hash, password):
        if count:
            clear_failures(session, user.id)
        user.last_login_at = now  # this device only (dipdesk.sync.protocol.NOT_SYNCED_FIELDS)
        return LoginOutcome("ok", user=user)
    count = 1 if count >= LOCK_AFTER else count + 1  # a lock that ran out starts a fresh series
    if count >= LOCK_AFTER:
        until = now + timedelta(minutes=LOCK_MINUTES)
        _save_failures(session, user.id, count, until)
        site = session.get(Site, user.site_id)
        if site is not None:
            audit(  # in the user's name: the wrong passwords were typed under it
                Context(session=session, user=user, site=site),
                "lock",
                user,
                {"locked_until": [None, until.isoformat(sep=" ", timespec="seconds")]},
                reason=f"{LOCK_AFTER} wrong passwords in a row on this device",
            )
        return LoginOutcome("locked", wait_seconds=LOCK_MINUTES * 60, failures=count)
    delay = DELAYS.get(count, 0)
    _save_failures(session, user.id, count, now + timedelta(seconds=delay) if delay else None)
    return LoginOutcome("wrong", wait_seconds=delay, failures=count)


# --- listing -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UserRow:
    """A user as the users page and `dipdesk users list` show them (plain values, safe across threads)."""

    id: str
    username: str
    full_name: str
    position: str
    role: str
    active: bool
    must_change_password: bool
    last_login_at: datetime | None
    locked_seconds: int  # on this device; 0 = not locked


def list_users(
    session: Session, site_id: str | None = None, *, include_inactive: bool = True
) -> list[UserRow]:
    """The users of this site (or `site_id`), active ones first, by user name. A site has tens of users,
    not thousands: one query, no paging."""
    if site_id is None:
        row = session.get(LocalState, "site_id")
        site_id = row.value if row else None
    q = select(User).where(User.deleted.is_(False))
    if site_id is not None:
        q = q.where(User.site_id == site_id)
    if not include_inactive:
        q = q.where(User.active.is_(True))
    out = []
    for u in session.scalars(q.order_by(User.active.desc(), User.username)):
        count, wait = lock_state(session, u.id)
        out.append(
            UserRow(
                id=u.id,
                username=u.username,
                full_name=u.full_name,
                position=u.position,
                role=u.role,
                active=u.active,
                must_change_password=u.must_change_password,
                last_login_at=u.last_login_at,
                locked_seconds=wait if count >= LOCK_AFTER else 0,
            )
        )
    return out


# --- the administrator's work ------------------------------------------------------------------------


def _target(ctx: Context, username: str) -> User:
    user = find_user(ctx.session, username, site_id=ctx.site.id)
    if user is None:
        raise NotFound(f"ไม่พบผู้ใช้ {username}", f"no user {username} at this site")
    return user


def _require_admin(ctx: Context) -> None:
    """User administration needs an administrator who is logged in (the trail must name who did it);
    system jobs (first run, demo, tests) may too."""
    ctx.require(MANAGE)


def _change(
    ctx: Context, user: User, changes: dict[str, Any], audited: dict[str, Any], reason: str = ""
) -> None:
    for name, value in changes.items():
        setattr(user, name, value)
    user.updated_at = utcnow()
    ctx.session.flush()
    capture(ctx.session, user, changes, user_id=ctx.user_id)
    audit(ctx, "update", user, audited, reason=reason)


def _active_admins(ctx: Context) -> int:
    return int(
        ctx.session.scalar(
            select(func.count())
            .select_from(User)
            .where(
                User.site_id == ctx.site.id,
                User.role == "admin",
                User.active.is_(True),
                User.deleted.is_(False),
            )
        )
        or 0
    )


def _keep_an_admin(ctx: Context, user: User) -> None:
    if user.role == "admin" and user.active and _active_admins(ctx) <= 1:
        raise ValidationError(
            "role",
            "ต้องมีผู้ดูแลระบบที่ใช้งานได้อย่างน้อยหนึ่งคนเสมอ: เพิ่มผู้ดูแลระบบอีกคนก่อน",
            "a site always needs at least one active administrator: add another one first",
        )


def add_user(
    ctx: Context,
    username: str,
    password: str,
    *,
    role: str = "staff",
    full_name: str = "",
    position: str = "",
    must_change_password: bool = True,
) -> User:
    """A new user of this site. The password is a first one the administrator hands over: by default
    the user must change it at the first log-in."""
    _require_admin(ctx)
    user = create_user(ctx, username, password, full_name=full_name, role=role, position=position)
    user.must_change_password = must_change_password
    ctx.session.flush()
    return user


def set_role(ctx: Context, username: str, role: str) -> User:
    _require_admin(ctx)
    if not valid_role(role):
        raise ValidationError(
            "role", f"ไม่มีบทบาท {role}", f"unknown role {role!r}; one of: {', '.join(ROLES)}"
        )
    user = _target(ctx, username)
    if user.role == role:
        return user
    if role != "admin":
        _keep_an_admin(ctx, user)
    _change(ctx, user, {"role": role}, {"role": [user.role, role]})
    return user


def reset_password(ctx: Context, username: str, new_password: str | None = None) -> tuple[User, str]:
    """Give `username` a new password (a generated one unless given) that they must change at their next
    log-in; also lifts a lock on this device. Returns the user and the password to hand over."""
    _require_admin(ctx)
    user = _target(ctx, username)
    password = new_password if new_password is not None else generate_password(10)
    problem = password_problem(password, user.username)
    if problem is not None:
        raise ValidationError("password", *problem)
    _change(
        ctx,
        user,
        {"password_hash": hash_password(password), "must_change_password": True},
        {"password_hash": ["***", "***"], "must_change_password": [user.must_change_password, True]},
        reason="password reset by an administrator",
    )
    clear_failures(ctx.session, user.id)
    return user, password


def deactivate(ctx: Context, username: str) -> User:
    """The user can no longer log in (here now, on the site's other laptops after their next sync).
    Never a delete: the history still names them."""
    _require_admin(ctx)
    user = _target(ctx, username)
    if ctx.user is not None and user.id == ctx.user.id:
        raise ValidationError("active", "ระงับบัญชีของตนเองไม่ได้", "you cannot deactivate your own account")
    if not user.active:
        return user
    _keep_an_admin(ctx, user)
    _change(ctx, user, {"active": False}, {"active": [True, False]})
    return user


def activate(ctx: Context, username: str) -> User:
    _require_admin(ctx)
    user = _target(ctx, username)
    if user.active:
        return user
    _change(ctx, user, {"active": True}, {"active": [False, True]})
    clear_failures(ctx.session, user.id)
    return user


def update_details(
    ctx: Context, username: str, *, full_name: str | None = None, position: str | None = None
) -> User:
    _require_admin(ctx)
    user = _target(ctx, username)
    changes = {
        k: v
        for k, v in (("full_name", full_name), ("position", position))
        if v is not None and v != getattr(user, k)
    }
    if changes:
        _change(ctx, user, changes, {k: [getattr(user, k), v] for k, v in changes.items()})
    return user


def change_own_password(ctx: Context, old_password: str, new_password: str) -> User:
    """The logged-in user changes their password (also the forced change after a reset)."""
    user = ctx.user
    if user is None:
        raise PermissionDenied("ต้องเข้าสู่ระบบก่อนเปลี่ยนรหัสผ่าน", "log in before changing a password")
    if not verify_password(user.password_hash, old_password):
        raise ValidationError("old_password", "รหัสผ่านเดิมไม่ถูกต้อง", "the current password is not correct")
    problem = password_problem(new_password, user.username)
    if problem is not None:
        raise ValidationError("password", *problem)
    if new_password == old_password:
        raise ValidationError(
            "password", "รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม", "the new password must differ from the current one"
        )
    audited: dict[str, Any] = {"password_hash": ["***", "***"]}
    if user.must_change_password:
        audited["must_change_password"] = [True, False]
    _change(
        ctx,
        user,
        {"password_hash": hash_password(new_password), "must_change_password": False},
        audited,
        reason="own password changed",
    )
    return user


def user_context(session: Session, user_id: str) -> Context:
    """The context of a logged-in user (GUI and the proven `--user` of the command line)."""
    from dipdesk.services.context import current_site

    user = session.get(User, user_id)
    if user is None or user.deleted or not user.active:
        raise NotFound("ไม่พบผู้ใช้หรือผู้ใช้ถูกระงับ", "the user does not exist or is not active")
    site = current_site(session) or session.get(Site, user.site_id)
    if site is None:
        raise NotFound("ยังไม่ได้ตั้งค่าหน่วยงานของเครื่องนี้", "this installation has no site yet")
    return Context(session=session, user=user, site=site)
