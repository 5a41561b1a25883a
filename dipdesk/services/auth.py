"""Offline log-in against argon2id password hashes; users and roles."""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from dipdesk.store.auth import ROLES, LocalState, User
from dipdesk.store.base import utcnow

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters

# What each role may do. Admins may do everything.
PERMISSIONS: dict[str, frozenset[str]] = {
    "admin": frozenset({"*"}),
    "staff": frozenset({"records.write", "certificates.issue", "import", "sync"}),
    "lab_technician": frozenset({"lab.receive", "lab.submit", "sync"}),
    "lab_verifier": frozenset({"lab.receive", "lab.submit", "lab.verify", "lab.publish", "sync"}),
    "lab_head": frozenset({"lab.receive", "lab.submit", "lab.verify", "lab.publish", "sync", "audit.view"}),
    "viewer": frozenset(),
}


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


_DUMMY: list[str] = []


def _dummy_hash() -> str:
    if not _DUMMY:
        _DUMMY.append(_hasher.hash(secrets.token_hex(16)))
    return _DUMMY[0]


def generate_password(length: int = 12) -> str:
    """A readable random password (no look-alike characters) with letters and digits (the rules)."""
    alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    while True:
        text = "".join(secrets.choice(alphabet) for _ in range(length))
        if any(c.isdigit() for c in text) and any(c.isalpha() for c in text):
            return text


def can(user: User | None, permission: str) -> bool:
    if user is None or not user.active or user.deleted:
        return False
    allowed = PERMISSIONS.get(user.role, frozenset())
    return "*" in allowed or permission in allowed


def find_user(
    session: Session, username: str, *, site_id: str | None = None, active_only: bool = False
) -> User | None:
    """The live user called `username` at `site_id` (default: this installation's site).

    A login is per site (migration 0005): `admin` at IPC1 and `admin` at IPC2 are two users, and a
    laptop may hold both (a headquarters laptop, a site's users pulled after a merge), so a user is
    always looked up by (site, username), never by the name alone."""
    if site_id is None:
        row = session.get(LocalState, "site_id")
        site_id = row.value if row else None
    q = select(User).where(User.username == username.strip(), User.deleted.is_(False))
    if site_id is not None:
        q = q.where(User.site_id == site_id)
    if active_only:
        q = q.where(User.active.is_(True))
    return session.scalars(q.order_by(User.created_at)).first()


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The active user of this site with this name and password, or None. Works offline.

    A bare check: the log-in window and the command line use `dipdesk.services.users.login`, which also
    counts wrong passwords (slow-down, then a lock)."""
    user = find_user(session, username, active_only=True)
    if user is None:
        # as slow as a wrong password, so the answer's time does not tell which names exist (issue 17)
        verify_password(_dummy_hash(), password)
        return None
    if not verify_password(user.password_hash, password):
        return None
    user.last_login_at = utcnow()
    return user


def valid_role(role: str) -> bool:
    return role in ROLES
