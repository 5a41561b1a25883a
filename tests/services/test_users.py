"""Users and roles through the services: rules, roles, reset, (de)activation, the lock, the audit trail."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, select

from dipdesk.core.passwords import password_problem
from dipdesk.services import users
from dipdesk.services.errors import PermissionDenied, ValidationError
from dipdesk.store.auth import AuditEntry, User
from dipdesk.store.db import transaction
from dipdesk.store.sync import OUTBOX

ADMIN_PW = "correct horse battery 2569"


def _admin(s):  # type: ignore[no-untyped-def]
    from dipdesk.services.auth import find_user

    user = find_user(s, "admin")
    assert user is not None
    return users.user_context(s, user.id)


@pytest.fixture
def site(engine: Engine) -> Engine:
    from dipdesk.services.setup import first_run

    with transaction(engine) as s:
        first_run(s, "IPC1", "admin", ADMIN_PW, "ผู้ดูแลระบบ")
    return engine


def test_password_rules_speak_thai_and_english() -> None:
    assert password_problem("abc1", "x")[0] == "รหัสผ่านสั้นเกินไป: ต้องยาวอย่างน้อย 8 ตัวอักษร"  # type: ignore[index]
    assert "ตัวเลข" in password_problem("abcdefghij", "x")[0]  # type: ignore[index]
    assert "ตัวเลข" in password_problem("1234567890", "x")[0]  # type: ignore[index]
    assert password_problem("somchai12", "somchai") == (
        "รหัสผ่านต้องไม่ใช่ชื่อผู้ใช้",
        "the password must not be the user name",
    )
    assert password_problem("รหัสลับสุดยอด99", "somchai") is None, "Thai letters count as letters"
    assert password_problem("somchai-is-here-2569", "somchai") is None, "a name inside a long phrase is fine"


def test_admin_adds_changes_resets_deactivates_and_everything_is_audited_and_captured(site: Engine) -> None:
    with transaction(site) as s:
        tech = users.add_user(_admin(s), "tech", "first-pass-1", role="lab_technician", full_name="นายช่าง ดี")
        assert tech.must_change_password, "a first password handed over must be changed"
        with pytest.raises(ValidationError, match="letter and one digit"):
            users.add_user(_admin(s), "ver", "onlyletters", role="lab_verifier")
        with pytest.raises(ValidationError, match="unknown role"):
            users.add_user(_admin(s), "ver", "first-pass-1", role="boss")
        users.add_user(_admin(s), "ver", "first-pass-1", role="lab_verifier")
    with transaction(site) as s:
        users.set_role(_admin(s), "tech", "lab_head")
        _, temp = users.reset_password(_admin(s), "ver")
        assert password_problem(temp, "ver") is None
        users.deactivate(_admin(s), "tech")
    with transaction(site) as s:
        tech = s.scalars(select(User).where(User.username == "tech")).one()
        assert (tech.role, tech.active) == ("lab_head", False)
        assert users.login(s, "tech", "first-pass-1").status == "wrong", "deactivated: cannot log in"
        assert users.login(s, "ver", temp).ok
        trail = s.scalars(
            select(AuditEntry).where(AuditEntry.table_name == "users").order_by(AuditEntry.at)
        ).all()
        kinds = [(e.action, sorted(e.changes)) for e in trail]
        assert ("update", ["role"]) in kinds and ("update", ["active"]) in kinds
        assert ("update", ["must_change_password", "password_hash"]) in kinds
        assert all(e.user_id is not None for e in trail if e.action == "update"), "the trail names the admin"
        assert all(e.changes["password_hash"][1] == "***" for e in trail if "password_hash" in e.changes)
        outbox = s.connection().execute(select(OUTBOX.c.fields).where(OUTBOX.c.table_name == "users")).all()
        sent = [set(f) for (f,) in outbox]
        assert any("active" in f for f in sent) and any("role" in f for f in sent)
        assert not any("last_login_at" in f for f in sent), "a log-in time never travels"
        users.activate(_admin(s), "tech")
    with transaction(site) as s:
        assert users.login(s, "tech", "first-pass-1").ok


def test_only_admins_manage_users_and_a_site_keeps_one_admin(site: Engine) -> None:
    with transaction(site) as s:
        users.add_user(_admin(s), "staff1", "first-pass-1", role="staff")
    with transaction(site) as s:
        staff = users.user_context(s, s.scalars(select(User.id).where(User.username == "staff1")).one())
        with pytest.raises(PermissionDenied):
            users.set_role(staff, "staff1", "admin")
        with pytest.raises(ValidationError, match="own account"):
            users.deactivate(_admin(s), "admin")
        with pytest.raises(ValidationError, match="at least one active administrator"):
            users.set_role(_admin(s), "admin", "staff")


def test_own_password_change_clears_the_forced_change(site: Engine) -> None:
    with transaction(site) as s:
        users.add_user(_admin(s), "somsri", "first-pass-1", role="staff")
    with transaction(site) as s:
        ctx = users.user_context(s, users.login(s, "somsri", "first-pass-1").user.id)  # type: ignore[union-attr]
        with pytest.raises(ValidationError, match="current password"):
            users.change_own_password(ctx, "nope-nope-1", "brand-new-pass-2")
        with pytest.raises(ValidationError) as err:
            users.change_own_password(ctx, "first-pass-1", "short")
        assert err.value.message_th.startswith("รหัสผ่านสั้นเกินไป")
        users.change_own_password(ctx, "first-pass-1", "brand-new-pass-2")
        assert not ctx.user.must_change_password  # type: ignore[union-attr]
    with transaction(site) as s:
        assert not users.login(s, "somsri", "first-pass-1").ok
        assert users.login(s, "somsri", "brand-new-pass-2").ok


def test_wrong_passwords_slow_down_then_lock_and_the_lock_is_audited(site: Engine) -> None:
    from dipdesk.store.base import utcnow

    t0 = utcnow()  # list_users reads the lock against the clock
    with transaction(site) as s:
        outcomes = [users.login(s, "admin", "wrong-pass-1", now=t0).status for _ in range(2)]
        assert outcomes == ["wrong", "wrong"]
        third = users.login(s, "admin", "wrong-pass-1", now=t0)
        assert (third.status, third.wait_seconds) == ("wrong", 5)
        early = users.login(s, "admin", ADMIN_PW, now=t0 + dt.timedelta(seconds=2))
        assert early.status == "wait" and "รอ" in early.message("th"), "even the right password waits"
        fourth = users.login(s, "admin", "wrong-pass-1", now=t0 + dt.timedelta(seconds=6))
        assert (fourth.status, fourth.wait_seconds) == ("wrong", 30)
        fifth = users.login(s, "admin", "wrong-pass-1", now=t0 + dt.timedelta(seconds=40))
        assert fifth.status == "locked" and "ล็อก" in fifth.message("th")
        later = users.login(s, "admin", ADMIN_PW, now=t0 + dt.timedelta(minutes=10))
        assert later.status == "locked", "locked for 15 minutes, right password or not"
        locks = s.scalars(select(AuditEntry).where(AuditEntry.action == "lock")).all()
        assert len(locks) == 1 and "locked_until" in locks[0].changes
        rows = users.list_users(s)
        assert next(r for r in rows if r.username == "admin").locked_seconds > 0
        assert users.login(s, "admin", ADMIN_PW, now=t0 + dt.timedelta(minutes=16)).ok, "the lock runs out"
        assert users.lock_state(s, users.login(s, "admin", ADMIN_PW).user.id)[0] == 0  # type: ignore[union-attr]
        assert users.login(s, "nobody", "whatever-1").status == "wrong", "unknown names look the same"
