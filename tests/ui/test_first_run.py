"""First-run wizard: choose the site, create the first administrator, errors shown at the field."""

from __future__ import annotations

from sqlalchemy import select

from dipdesk.services.setup import needs_first_run
from dipdesk.store.auth import User
from dipdesk.ui.first_run import FirstRunWizard


def _wizard_on_admin_page(qtbot, db) -> FirstRunWizard:  # type: ignore[no-untyped-def]
    wizard = FirstRunWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.site_page.loaded, timeout=10_000)
    assert wizard.site_page.sites.count() > 11, "centers and headquarters units are listed"
    assert not wizard.site_page.isComplete()
    assert wizard.site_page.select_site("IPC1")
    assert wizard.site_page.isComplete()
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    return wizard


def _fill(page, username: str, full_name: str, password: str, again: str | None = None) -> None:  # type: ignore[no-untyped-def]
    page.username.setText(username)
    page.full_name.setText(full_name)
    page.password.setText(password)
    page.password2.setText(password if again is None else again)


def test_wizard_creates_the_admin(qtbot, empty_db) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard_on_admin_page(qtbot, empty_db)
    page = wizard.admin_page
    _fill(page, "somchai.k", "นายสมชาย ใจดี", "long enough pw 9")
    with qtbot.waitSignal(wizard.accepted, timeout=10_000):
        wizard.button(FirstRunWizard.WizardButton.FinishButton).click()
    assert wizard.created_username == "somchai.k"
    with empty_db.session() as s:
        user = s.scalars(select(User).where(User.username == "somchai.k")).one()
        assert user.role == "admin" and user.full_name == "นายสมชาย ใจดี"
        assert not needs_first_run(s)


def test_errors_are_shown_next_to_their_field(qtbot, empty_db) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard_on_admin_page(qtbot, empty_db)
    page = wizard.admin_page
    _fill(page, "somchai", "นายสมชาย ใจดี", "short")
    assert not page.validatePage()
    assert page.errors["password"].isVisibleTo(page)
    assert "8" in page.errors["password"].text()
    _fill(page, "somchai", "นายสมชาย ใจดี", "only letters here")
    assert not page.validatePage()
    assert page.errors["password"].text() == "รหัสผ่านต้องมีทั้งตัวอักษรและตัวเลขอย่างน้อยอย่างละหนึ่งตัว"

    _fill(page, "somchai", "นายสมชาย ใจดี", "long enough pw 9", again="different pw!")
    assert not page.validatePage()
    assert page.errors["password2"].text() == "รหัสผ่านทั้งสองช่องไม่ตรงกัน"

    # the service refuses this name: its Thai message appears under the username field
    _fill(page, "สมชาย ใจดี", "นายสมชาย ใจดี", "long enough pw 9")
    assert not page.validatePage()
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)
    assert page.errors["username"].isVisibleTo(page)
    assert page.errors["username"].text() == "ชื่อผู้ใช้ต้องเป็นตัวอักษรหรือตัวเลข"
    assert not page.created
    with empty_db.session() as s:
        assert needs_first_run(s)
