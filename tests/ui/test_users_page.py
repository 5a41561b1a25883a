"""Users and roles in the GUI, end to end on real widgets: the admin adds a technician and a verifier,
both choose their own password at the first log-in, the technician submits and cannot verify, the
verifier verifies, the admin deactivates the technician, who then cannot log in. The audit page shows
it all in Thai, filtered, and exports it. Screenshots of both pages at 1366×768."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QDate  # noqa: F401 (keeps Qt's date type loaded for the widgets)
from sqlalchemy import select

from dipdesk.services import lab
from dipdesk.services.context import system_context
from dipdesk.store.auth import AuditEntry, User
from dipdesk.store.lab import LabAnalysis
from dipdesk.ui import workers
from dipdesk.ui.login import LoginDialog
from dipdesk.ui.main_window import MainWindow
from dipdesk.ui.pages import PageEnv
from dipdesk.ui.pages.audit import AuditPage
from dipdesk.ui.pages.lab import LabPage
from dipdesk.ui.pages.users import AddUserDialog, UsersPage

# the README's screenshots: `DIPDESK_SCREENSHOT_DIR=docs pytest tests/ui/test_users_page.py` rewrites them
SHOTS = Path(os.environ.get("DIPDESK_SCREENSHOT_DIR") or tempfile.mkdtemp(prefix="dipdesk-shots-"))


def _users_page(qtbot, env) -> UsersPage:  # type: ignore[no-untyped-def]
    page = UsersPage(env, "ผู้ใช้งาน")
    qtbot.addWidget(page)
    page.resize(1366 - 262, 768 - 60)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.is_ready and bool(page.model.rows), timeout=10_000)
    return page


def _add(qtbot, page: UsersPage, username: str, full_name: str, role: str) -> str:  # type: ignore[no-untyped-def]
    page.add_button.click()
    dialog = page.dialog
    assert isinstance(dialog, AddUserDialog) and dialog.isVisible()
    dialog.username.setText(username)
    dialog.full_name.setText(full_name)
    dialog.role.setCurrentIndex(dialog.role.findData(role))
    first = dialog.password.text()
    dialog.accept()
    qtbot.waitUntil(lambda: any(r.username == username for r in page.model.rows), timeout=15_000)
    assert first in page.notice.text_label.text()
    return first


def _login(qtbot, db, username: str, password: str, new_password: str | None = None):  # type: ignore[no-untyped-def]
    dialog = LoginDialog(db, settings=_settings(), username=username)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setText(password)
    dialog.login_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15_000)
    if new_password is not None:
        qtbot.waitUntil(lambda: getattr(dialog, "password_dialog", None) is not None, timeout=10_000)
        change = dialog.password_dialog
        assert change.isVisible()
        change.new.setText("short")
        change.again.setText("short")
        change.submit()
        assert change.error_label.text().startswith("รหัสผ่านสั้นเกินไป"), "the rule, in Thai"
        change.new.setText(new_password)
        change.again.setText(new_password)
        change.submit()
        qtbot.waitUntil(lambda: dialog.user is not None, timeout=15_000)
    return dialog


def _settings():  # type: ignore[no-untyped-def]
    from dipdesk.settings import Settings

    return Settings.load()


def _lab_page(qtbot, env) -> LabPage:  # type: ignore[no-untyped-def]
    page = LabPage(env, "ห้องปฏิบัติการทดสอบ")
    qtbot.addWidget(page)
    page.resize(1280, 900)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.is_ready, timeout=10_000)
    return page


def test_admin_adds_users_four_eyes_holds_and_a_deactivated_user_cannot_log_in(  # type: ignore[no-untyped-def]
    qtbot, env, seeded_db, dialogs
) -> None:
    page = _users_page(qtbot, env)
    tech_first = _add(qtbot, page, "tech", "นายประเสริฐ วงศ์สวัสดิ์", "lab_technician")
    ver_first = _add(qtbot, page, "ver", "นางสุดารัตน์ รุ่งเรืองกิจ", "lab_verifier")
    states = {r.username: page.model.state_text(r) for r in page.model.rows}
    assert states["tech"] == "ใช้งานได้, ต้องเปลี่ยนรหัสผ่าน"

    # both log in with the first password and must choose their own before going on
    tech_login = _login(qtbot, seeded_db, "tech", tech_first, new_password="ของฉันเอง2569")
    ver_login = _login(qtbot, seeded_db, "ver", ver_first, new_password="ผู้ทวนสอบ2569")
    assert tech_login.user.role == "lab_technician" and ver_login.user.role == "lab_verifier"

    # a sample with one result entered by the technician
    with seeded_db.session() as s, s.begin():
        lab.create_test(system_context(s), code="PH", name_th="ความเป็นกรด-ด่าง", unit="", decimals=2,
                        method="วิธีมาตรฐาน", fee=300)  # fmt: skip
    with seeded_db.session() as s, s.begin():
        ctx = lab.lab_context(s, tech_login.user.id)
        req = lab.create_request(ctx, customer_name="ร้านทดสอบ", samples=[lab.SampleInput("น้ำพริก", ["PH"])])
        sample = lab.request_samples(s, req.id)[0]
        lab.receive_sample(ctx, sample, condition="ปกติ")
        lab.set_result(
            ctx, s.scalars(select(LabAnalysis).where(LabAnalysis.sample_id == sample.id)).one(), "6.5"
        )
        lab_no = sample.lab_no
    settings = _settings()
    tech_page = _lab_page(qtbot, PageEnv(seeded_db, tech_login.user, settings, lang="th"))
    tech_page.select_sample(lab_no)
    qtbot.waitUntil(lambda: tech_page.panel.detail is not None and tech_page.panel.detail.lab_no == lab_no,
                    timeout=10_000)  # fmt: skip
    assert not tech_page.panel.history_button.isVisibleTo(tech_page), "the audit trail is not a technician's"
    entry = tech_page.panel.entry
    entry.grid.selectAll()
    entry.submit_button.click()
    qtbot.waitUntil(lambda: all(a.state == "to_be_verified" for a in entry.model.analyses()), timeout=15_000)
    entry.grid.selectAll()
    assert not entry.verify_button.isEnabled(), "the technician cannot verify"
    ver_page = _lab_page(qtbot, PageEnv(seeded_db, ver_login.user, settings, lang="th"))
    ver_page.select_sample(lab_no)
    qtbot.waitUntil(lambda: ver_page.panel.detail is not None and ver_page.panel.detail.lab_no == lab_no,
                    timeout=10_000)  # fmt: skip
    ventry = ver_page.panel.entry
    ventry.grid.selectAll()
    assert ventry.verify_button.isEnabled()
    ventry.verify_button.click()
    qtbot.waitUntil(lambda: ver_page.panel.detail.state == "verified", timeout=15_000)

    # the admin deactivates the technician: the log-in refuses them
    page.select("tech")
    assert page.deactivate_button.isEnabled()
    page.deactivate_button.click()
    qtbot.waitUntil(
        lambda: not next(r for r in page.model.rows if r.username == "tech").active, timeout=15_000
    )
    refused = _login(qtbot, seeded_db, "tech", "ของฉันเอง2569")
    assert refused.user is None and refused.error_label.text() == "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง"
    page.select("admin")
    assert not page.deactivate_button.isEnabled(), "an admin cannot deactivate themself"

    # a forgotten password: reset; the old one no longer works
    page.select("ver")
    page.reset_button.click()
    qtbot.waitUntil(lambda: getattr(page, "last_written", ("",))[0] == "reset", timeout=15_000)
    assert _login(qtbot, seeded_db, "ver", "ผู้ทวนสอบ2569").user is None
    with seeded_db.session() as s:
        trail = s.scalars(select(AuditEntry).where(AuditEntry.table_name == "users")).all()
        assert {e.action for e in trail} >= {"create", "update"} and len(trail) >= 6
        assert s.scalars(select(User).where(User.username == "tech")).one().active is False
    workers.drain(10_000)
    page.resize(1366 - 262, 768 - 90)  # the page beside the navigation on a 1366×768 screen
    qtbot.wait(100)
    page.grab().save(str(SHOTS / "screenshot-users.png"))


def test_audit_page_filters_exports_and_opens_a_records_history(
    qtbot, env, seeded_db, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(env)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.is_ready, timeout=10_000)
    names = [
        window.nav.item(i).text() for i in range(window.nav.count()) if not window.nav.item(i).isHidden()
    ]
    assert "ผู้ใช้งาน" in names and "ประวัติการแก้ไข" in names, "an admin sees both pages"
    page = window.select_view("audit")
    assert isinstance(page, AuditPage)
    qtbot.waitUntil(
        lambda: page.is_ready and page.model.total is not None and bool(page.model.rows), timeout=10_000
    )
    everything = page.model.total
    assert everything and everything >= 6
    assert page.count_label.text() == f"{everything:,} รายการ"
    kinds = {page.model.rows[r].kind_label for r in range(len(page.model.rows))}
    assert "บุคคล" in kinds
    # a person's history: the "ประวัติการแก้ไข" path, filtered to one record
    with seeded_db.session() as s:
        from dipdesk.store.people import Person

        somsri = s.scalars(select(Person).where(Person.first_name_th == "สมศรี")).one()
        pid = somsri.id
    # "ประวัติการแก้ไข" on the person's editor opens this page filtered to that person
    people = window.select_view("people")
    qtbot.waitUntil(lambda: people.is_ready, timeout=10_000)
    people.people.open_record(pid)
    editor = people.people.editor
    qtbot.waitUntil(lambda: editor.history_button.isVisible(), timeout=10_000)
    assert editor.history_button.text() == "ประวัติการแก้ไข"
    editor.history_button.click()
    assert window.current_view() == "audit"
    qtbot.waitUntil(lambda: page.model.total == 1 and len(page.model.rows) == 1, timeout=10_000)
    assert page.record_label.text().startswith("ประวัติการแก้ไขของ ") and "สมศรี" in page.record_label.text()
    row = page.model.rows[0]
    assert row.record_label == "สมศรี รักไทย" and row.action_label == "สร้าง"
    shown = page.model.data(page.model.index(0, 5))
    assert "เลขประจำตัวประชาชน: – → ***" in shown and "1101700123" not in shown, "never in the clear"
    page.clear_record.click()
    qtbot.waitUntil(lambda: page.model.total == everything, timeout=10_000)
    # filters: kind of record, dates in BE
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("enrollments"))
    qtbot.waitUntil(lambda: page.model.total == 2, timeout=10_000)
    page.kind_filter.setCurrentIndex(0)
    page.date_from.setText("31/02/2569")
    page.apply_filter()
    assert page.filter_error.isVisible(), "a date that cannot be is refused with a message"
    page.date_from.setText("01/01/2560")
    page.date_to.setText("31/12/2560")
    page.apply_filter()
    qtbot.waitUntil(lambda: page.model.total == 0, timeout=10_000)
    page.date_from.clear()
    page.date_to.clear()
    page.apply_filter()
    qtbot.waitUntil(lambda: page.model.total == everything, timeout=10_000)
    page.export_to(tmp_path / "audit.xlsx")
    qtbot.waitUntil(lambda: getattr(page, "exported", None) is not None, timeout=15_000)
    assert page.exported[1] == everything and (tmp_path / "audit.xlsx").stat().st_size > 4000
    page.export_button.setFocus()
    page.notice.hide()
    window.showNormal()
    window.resize(1366, 768)  # the office screen (the offscreen test screen is smaller)
    qtbot.wait(200)
    workers.drain(10_000)
    window.grab().save(str(SHOTS / "screenshot-audit.png"))


def test_a_technician_sees_neither_page(qtbot, seeded_db) -> None:  # type: ignore[no-untyped-def]
    from dipdesk.services.setup import create_user
    from dipdesk.ui.state import current_user_from

    with seeded_db.session() as s, s.begin():
        tech = current_user_from(
            s, create_user(system_context(s), "tech2", "first-pass-1", role="lab_technician")
        )
    window = MainWindow(PageEnv(seeded_db, tech, _settings(), lang="th"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.is_ready, timeout=10_000)
    visible = [
        window.nav.item(i).text() for i in range(window.nav.count()) if not window.nav.item(i).isHidden()
    ]
    assert "ผู้ใช้งาน" not in visible and "ประวัติการแก้ไข" not in visible
