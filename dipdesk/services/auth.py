"""Offline log-in against argon2id password hashes; users and roles."""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from dipdesk.store.auth import ROLES, User
from dipdesk.store.base import utcnow

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters

# What each role may do. Admins may do everything.
PERMISSIONS: dict[str, frozenset[str]] = {
    "admin": frozenset({"*"}),
    "staff": frozenset({"records.write", "certificates.issue", "import", "sync"}),
    "lab_technician": frozenset({"lab.receive", "lab.submit", "sync"}),
    "lab_verifier": frozenset({"lab.receive", "lab.submit", "lab.verify", "lab.publish", "sync"}),
    "viewer": frozenset(),
}


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def generate_password(length: int = 12) -> str:
    """A readable random password (no look-alike characters)."""
    alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(length))


def can(user: User | None, permission: str) -> bool:
    if user is None or not user.active or user.deleted:
        return False
    allowed = PERMISSIONS.get(user.role, frozenset())
    return "*" in allowed or permission in allowed


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The active user with this name and password, or None. Works offline."""
    user = session.scalars(
        select(User).where(User.username == username.strip(), User.deleted.is_(False), User.active.is_(True))
    ).first()
    if user is None or not verify_password(user.password_hash, password):
        return None
    user.last_login_at = utcnow()
    return user


def valid_role(role: str) -> bool:
    return role in ROLES
