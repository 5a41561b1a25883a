"""Log-in: the right password lets the user in; a wrong one is refused with a message, in Thai."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dipdesk.ui.login import LoginDialog


def _login(qtbot, db, username: str, password: str) -> LoginDialog:  # type: ignore[no-untyped-def]
    from dipdesk.settings import Settings

    dialog = LoginDialog(db, Settings.load())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    return dialog


def test_right_password_logs_in(qtbot, seeded_db, admin_password: str) -> None:  # type: ignore[no-untyped-def]
    dialog = _login(qtbot, seeded_db, "admin", admin_password)
    assert dialog.user is not None
    assert dialog.user.username == "admin" and dialog.user.role == "admin"
    assert dialog.user.site_code == "IPC1"
    assert dialog.result() == LoginDialog.DialogCode.Accepted


def test_wrong_password_is_refused_with_a_thai_message(qtbot, seeded_db) -> None:  # type: ignore[no-untyped-def]
    dialog = _login(qtbot, seeded_db, "admin", "not the password")
    assert dialog.user is None
    assert dialog.error_label.isVisibleTo(dialog)
    assert dialog.error_label.text() == "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง"
    assert dialog.password.text() == "", "the wrong password is cleared"


def test_language_switch_rewords_the_dialog(qtbot, seeded_db) -> None:  # type: ignore[no-untyped-def]
    from dipdesk.settings import Settings

    dialog = _login(qtbot, seeded_db, "admin", "wrong")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.login_button.text() == "Log in"
    assert dialog.error_label.text() == "The username or password is not correct."
    assert Settings.load().language == "en"


def test_main_window_is_built_while_the_password_is_checked_and_used_only_if_right(  # type: ignore[no-untyped-def]
    qtbot, seeded_db, admin_password: str
) -> None:
    """dipdesk.ui.app.Prebuild: while argon2 runs, the main window is built for the user named, hidden and
    reading nothing; a wrong password leaves it unused (never shown), the right one takes it."""
    from dipdesk.settings import Settings
    from dipdesk.ui.app import Prebuild

    settings = Settings.load()
    prebuild = Prebuild(seeded_db, settings)
    dialog = LoginDialog(seeded_db, settings)
    dialog.checking.connect(prebuild.start)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, "not the password")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert dialog.user is None
    qtbot.waitUntil(lambda: prebuild.window is not None, timeout=10_000)
    built = prebuild.window
    assert not built.isVisible()
    dashboard = built.pages["dashboard"]
    assert not dashboard._started and not built.is_ready  # nothing read for a wrong password

    qtbot.keyClicks(dialog.password, admin_password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.user is not None, timeout=10_000)
    assert prebuild.window is built  # the same user named again: the window built before is kept
    window = prebuild.take(dialog.user)
    assert window is built
    qtbot.addWidget(window)
    window.start_loading()
    window.show()
    qtbot.waitUntil(lambda: dashboard.is_ready and window.is_ready, timeout=10_000)
    assert dashboard.load_error is None
    prebuild.start("admin")  # after `take` nothing more is built
    assert prebuild.window is None


def test_prebuilt_window_of_another_user_is_not_used(qtbot, seeded_db) -> None:  # type: ignore[no-untyped-def]
    from dipdesk.settings import Settings
    from dipdesk.ui.app import Prebuild
    from dipdesk.ui.state import current_user_from, first_admin

    prebuild = Prebuild(seeded_db, Settings.load())
    prebuild.start("admin")
    qtbot.waitUntil(lambda: prebuild.window is not None, timeout=10_000)
    built = prebuild.window
    with seeded_db.session() as s:
        admin = current_user_from(s, first_admin(s))
    other = type(admin)(**{**admin.__dict__, "role": "staff"})
    assert prebuild.take(other) is None  # someone else (here: the same name, another role) logged in
    qtbot.waitUntil(lambda: _deleted(built), timeout=5_000)


def _deleted(widget) -> bool:  # type: ignore[no-untyped-def]
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return not shiboken6.isValid(widget)


def test_main_window_is_built_while_the_password_is_typed(qtbot, seeded_db, admin_password: str) -> None:  # type: ignore[no-untyped-def]
    """Typing the password (`LoginDialog.preparing`) starts the build: by the time Enter is pressed the
    hidden window is built and laid out, reading nothing; a change of user name throws it away."""
    from dipdesk.settings import Settings
    from dipdesk.ui.app import Prebuild

    settings = Settings.load()
    prebuild = Prebuild(seeded_db, settings)
    dialog = LoginDialog(seeded_db, settings)
    dialog.preparing.connect(prebuild.start)
    dialog.checking.connect(prebuild.start)
    qtbot.addWidget(dialog)
    dialog.show()
    asked: list[str] = []
    dialog.preparing.connect(asked.append)
    qtbot.keyClicks(dialog.username, "admin")
    assert asked == []  # no password yet: nothing to prepare
    qtbot.keyClicks(dialog.password, admin_password[:3])
    assert asked and set(asked) == {"admin"}
    qtbot.waitUntil(lambda: prebuild.window is not None, timeout=10_000)
    built = prebuild.window
    # laid out off screen (a page not laid out yet has Qt's default 640×480 geometry)
    qtbot.waitUntil(lambda: built.centralWidget().width() == built.width(), timeout=5_000)
    assert not built.isVisible() and not built.pages["dashboard"]._started and not built.is_ready

    dialog.username.setText("nobody")  # another name: the window built for "admin" is not kept
    qtbot.keyClicks(dialog.password, "x")
    qtbot.waitUntil(lambda: _deleted(built), timeout=5_000)
    assert prebuild.window is None

    dialog.username.setText("admin")
    dialog.password.setText(admin_password)
    qtbot.waitUntil(lambda: prebuild.window is not None, timeout=10_000)
    rebuilt = prebuild.window
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.user is not None, timeout=10_000)
    assert prebuild.window is rebuilt  # Enter did not build a second one
    window = prebuild.take(dialog.user)
    assert window is rebuilt
    qtbot.addWidget(window)


def test_after_first_paint_runs_once_when_painted(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from dipdesk.ui.first_paint import after_first_paint

    label = QLabel("ภาพรวม")
    qtbot.addWidget(label)
    calls: list[bool] = []
    after_first_paint(label, lambda: calls.append(label.isVisible()))
    qtbot.wait(50)
    assert calls == []  # not before it is shown and painted
    label.show()
    qtbot.waitUntil(lambda: calls == [True], timeout=900)  # before the one-second fallback
    label.update()
    qtbot.wait(1200)
    assert calls == [True]  # once


def test_a_failed_warm_up_is_not_a_database_error(qtbot, seeded_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The start-up check imports the main window's modules ahead (a head start only): its failure (here
    an exception; a broken pipe on a print once did it) must not end in "the database could not be
    opened"."""
    from dipdesk.ui import app

    def broken() -> None:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(app, "_warm_up", broken)
    check = app.StartupCheck(seeded_db)
    check.start()
    qtbot.waitUntil(lambda: check.answered, timeout=10_000)
    assert check.error is None and check.needs_first_run is False
