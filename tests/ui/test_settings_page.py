"""Settings: saved with Settings.save(); the language applies after a restart, the theme at once."""

from __future__ import annotations

import pytest

from dipdesk.settings import Settings
from dipdesk.ui.pages.settings import SettingsPage


@pytest.fixture
def page(qtbot, env) -> SettingsPage:  # type: ignore[no-untyped-def]
    p = SettingsPage(env, "ตั้งค่า")
    qtbot.addWidget(p)
    p.ensure_loaded()
    assert p.is_ready
    return p


def test_saves_preferences(page: SettingsPage, env) -> None:  # type: ignore[no-untyped-def]
    assert page.db_file.isReadOnly() and page.db_file.text() == env.db.display_path
    page.server.setText("https://sync.dip.go.th")
    page.language.setCurrentIndex(page.language.findData("en"))
    page.interval.setValue(30)
    assert page.save()
    saved = Settings.load()
    assert (saved.server_url, saved.language, saved.sync_interval_minutes) == (
        "https://sync.dip.go.th",
        "en",
        30,
    )
    assert "เริ่มโปรแกรมใหม่" in page.saved_label.text()


def test_refuses_a_server_address_that_is_not_http(page: SettingsPage) -> None:
    page.server.setText("dip.go.th")
    assert not page.save()
    assert page.server_error.isVisibleTo(page)
    assert Settings.load().server_url == ""


def test_theme_applies_live(page: SettingsPage) -> None:
    from dipdesk.ui import theme

    page.theme.setCurrentIndex(page.theme.findData("dark"))
    assert theme.current_theme() == "dark"
    assert Settings.load().theme == "dark"
