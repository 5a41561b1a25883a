"""One place that proves who is acting on the command line.

Any command given `--user NAME` (lab receive/result/submit/verify/publish/amend, certificates issue,
edit, import, sync resolve, users …) acts as that user, so it must first prove that user's password, as
the log-in window does: otherwise `dipdesk lab verify … --user labverifier` would verify as someone else
(a four-eyes bypass). `dipdesk.cli.main` calls `prove_acting_user` before the command runs.

The password comes from `DIPDESK_PASSWORD` (scripts), else a prompt without echo on a terminal, else the
first line of standard input. Wrong passwords count towards the same slow-down and lock as the log-in
window (`dipdesk.services.users.login`). A user who must change a password after a reset is sent to
`dipdesk passwd` first.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from dipdesk.services.errors import PermissionDenied, ServiceError

ENV_PASSWORD = "DIPDESK_PASSWORD"
ENV_NEW_PASSWORD = "DIPDESK_NEW_PASSWORD"


def read_secret(prompt: str, env: str | None) -> str:
    """A password: from the environment variable `env`, else typed (no echo), else a line of stdin."""
    value = os.environ.get(env) if env else None
    if value is not None:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise ServiceError(
            f"ต้องใส่รหัสผ่าน (พิมพ์เมื่อถูกถาม หรือกำหนดตัวแปร {env or ENV_PASSWORD} สำหรับสคริปต์)",
            f"a password is needed (type it when asked, or set {env or ENV_PASSWORD} for scripts)",
        )
    return line.rstrip("\r\n")


def check_password(db: Path, username: str, password: str, *, allow_must_change: bool = False) -> str:
    """The id of this site's active `username` once `password` is proven; raises a ServiceError
    otherwise (after saving the count of wrong passwords)."""
    from dipdesk.services.users import login
    from dipdesk.store.db import open_database, transaction

    engine = open_database(db)
    try:
        with transaction(engine) as s:  # commits the count of wrong passwords too
            outcome = login(s, username, password)
            user_id = outcome.user.id if outcome.user is not None else ""
            must_change = bool(outcome.user is not None and outcome.user.must_change_password)
    finally:
        engine.dispose()
    if not outcome.ok:
        raise PermissionDenied(outcome.message("th"), outcome.message("en"))
    if must_change and not allow_must_change:
        raise PermissionDenied(
            f"ผู้ใช้ {username} ต้องเปลี่ยนรหัสผ่านก่อน: dipdesk passwd --user {username}",
            f"user {username} must change the password first: dipdesk passwd --user {username}",
        )
    return user_id


def prove_acting_user(db: Path, username: str) -> str:
    """Ask for and check `username`'s password; returns the user's id."""
    password = read_secret(f"password for {username}: ", ENV_PASSWORD)
    return check_password(db, username, password)
