"""`dipdesk users …` and `dipdesk passwd`: users and roles from the command line.

    dipdesk users list [--all] [--format table|json]
    dipdesk users add NAME --role ROLE [--full-name TEXT] [--position TEXT] --user ADMIN
    dipdesk users set-role NAME ROLE --user ADMIN
    dipdesk users reset-password NAME --user ADMIN        prints a first password to hand over
    dipdesk users deactivate NAME --user ADMIN
    dipdesk users activate NAME --user ADMIN
    dipdesk passwd --user NAME                             change one's own password

Every change acts as `--user`, whose password is proven first (`dipdesk.commands.acting`). A first
password for `add` and `reset-password` is generated (shown once) unless `DIPDESK_NEW_PASSWORD` gives
it; the user must change it at the next log-in. `passwd` reads the current password like every `--user`
command and the new one from `DIPDESK_NEW_PASSWORD` or a prompt (typed twice).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from dipdesk.commands.acting import ENV_NEW_PASSWORD, ENV_PASSWORD, check_password, read_secret
from dipdesk.services.errors import ServiceError
from dipdesk.store.auth import ROLES


def _db(args: argparse.Namespace) -> Path:
    from dipdesk.paths import default_db_path

    return Path(args.db) if args.db else default_db_path()


def _engine(args: argparse.Namespace) -> Any:
    from dipdesk.store.db import open_database

    return open_database(_db(args))


def _acting(session: Any, username: str) -> Any:
    from dipdesk.services.auth import find_user
    from dipdesk.services.users import user_context

    user = find_user(session, username, active_only=True)
    if user is None:
        raise ServiceError(f"ไม่พบผู้ใช้ {username}", f"no active user {username}")
    return user_context(session, user.id)


def cmd_list(args: argparse.Namespace) -> int:
    from dipdesk.services.users import list_users
    from dipdesk.store.db import transaction

    with transaction(_engine(args)) as s:
        rows = list_users(s, include_inactive=args.all)
    out = [
        {
            "username": r.username,
            "full_name": r.full_name,
            "role": r.role,
            "active": r.active,
            "must_change_password": r.must_change_password,
            "locked_minutes": -(-r.locked_seconds // 60),
            "last_login_at": r.last_login_at.isoformat(sep=" ", timespec="seconds")
            if r.last_login_at
            else "",
        }
        for r in rows
    ]
    if args.format == "json":
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for r in out:
        flags = [] if r["active"] else ["deactivated"]
        if r["must_change_password"]:
            flags.append("must change password")
        if r["locked_minutes"]:
            flags.append(f"locked {r['locked_minutes']} min")
        print(f"{r['username']:<20} {r['role']:<15} {r['full_name']:<30} {', '.join(flags)}".rstrip())
    print(f"({len(out)} users)")
    return 0


def _new_password() -> str | None:
    return os.environ.get(ENV_NEW_PASSWORD) or None


def cmd_add(args: argparse.Namespace) -> int:
    from dipdesk.services.auth import generate_password
    from dipdesk.services.users import add_user
    from dipdesk.store.db import transaction

    given = _new_password()
    password = given or generate_password(10)
    with transaction(_engine(args)) as s:
        add_user(
            _acting(s, args.user),
            args.name,
            password,
            role=args.role,
            full_name=args.full_name or "",
            position=args.position or "",
        )
    print(f"added {args.name} ({args.role}); they must choose their own password at the first log-in")
    if not given:
        print(f"first password (shown only this once): {password}")
    return 0


def cmd_set_role(args: argparse.Namespace) -> int:
    from dipdesk.services.users import set_role
    from dipdesk.store.db import transaction

    with transaction(_engine(args)) as s:
        set_role(_acting(s, args.user), args.name, args.role)
    print(f"{args.name}: role {args.role}")
    return 0


def cmd_reset(args: argparse.Namespace) -> int:
    from dipdesk.services.users import reset_password
    from dipdesk.store.db import transaction

    given = _new_password()
    with transaction(_engine(args)) as s:
        _, password = reset_password(_acting(s, args.user), args.name, given)
    print(f"{args.name}: password reset; they must choose a new one at the next log-in")
    if not given:
        print(f"first password (shown only this once): {password}")
    return 0


def cmd_active(args: argparse.Namespace) -> int:
    from dipdesk.services.users import activate, deactivate
    from dipdesk.store.db import transaction

    with transaction(_engine(args)) as s:
        (deactivate if args.action == "deactivate" else activate)(_acting(s, args.user), args.name)
    state = "deactivated (cannot log in)" if args.action == "deactivate" else "active again"
    print(f"{args.name}: {state}; other laptops of the site follow at their next sync")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    from dipdesk.services.users import change_own_password, user_context
    from dipdesk.store.db import transaction

    old = read_secret(f"current password for {args.user}: ", ENV_PASSWORD)
    user_id = check_password(_db(args), args.user, old, allow_must_change=True)
    new = os.environ.get(ENV_NEW_PASSWORD)
    if new is None:
        new = read_secret("new password: ", None)
        again = read_secret("new password again: ", None)
        if new != again:
            print("error: รหัสผ่านใหม่ทั้งสองครั้งไม่ตรงกัน / the two new passwords differ", file=sys.stderr)
            return 1
    with transaction(_engine(args)) as s:
        change_own_password(user_context(s, user_id), old, new)
    print(f"{args.user}: password changed")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("users", help="users and roles: list, add, set-role, reset-password, (de)activate")
    u = p.add_subparsers(dest="users_command", required=True)

    s = u.add_parser("list", help="this site's users")
    s.add_argument("--all", action="store_true", default=True, help="include deactivated users (default)")
    s.add_argument("--active", dest="all", action="store_false", help="only active users")
    s.add_argument("--format", choices=("table", "json"), default="table")
    s.set_defaults(func=cmd_list)

    s = u.add_parser("add", help="add a user (a first password is generated unless DIPDESK_NEW_PASSWORD)")
    s.add_argument("name")
    s.add_argument("--role", required=True, choices=ROLES)
    s.add_argument("--full-name")
    s.add_argument("--position", help="ตำแหน่ง, printed under signatures")
    s.add_argument("--user", required=True, help="the administrator doing it (password asked)")
    s.set_defaults(func=cmd_add)

    s = u.add_parser("set-role", help="change a user's role")
    s.add_argument("name")
    s.add_argument("role", choices=ROLES)
    s.add_argument("--user", required=True, help="the administrator doing it (password asked)")
    s.set_defaults(func=cmd_set_role)

    s = u.add_parser("reset-password", help="give a user a new first password (they must change it)")
    s.add_argument("name")
    s.add_argument("--user", required=True, help="the administrator doing it (password asked)")
    s.set_defaults(func=cmd_reset)

    for action, text in (("deactivate", "stop a user from logging in"), ("activate", "let them in again")):
        s = u.add_parser(action, help=text)
        s.add_argument("name")
        s.add_argument("--user", required=True, help="the administrator doing it (password asked)")
        s.set_defaults(func=cmd_active, action=action)

    pw = sub.add_parser("passwd", help="change your own password (DIPDESK_PASSWORD / DIPDESK_NEW_PASSWORD)")
    pw.add_argument("--user", required=True, help="your user name")
    pw.set_defaults(func=cmd_passwd, prove_user=False)
