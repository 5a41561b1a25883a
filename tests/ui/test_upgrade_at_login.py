"""Starting dipdesk on a database of an older version: the log-in window says the database is being
updated (step k of n, busy, do not switch off, the copy taken first), in Thai or English; Enter pressed
meanwhile is accepted and the log-in goes on by itself once the upgrade is done."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QDialog

from dipdesk.store.db import current_revision, head_revision, make_engine, pending_steps

OLD = "0009"  # before merges, lab quality, trust, follow-ups, user admin and the evidence recount


def _old_database(template: Path, dest: Path) -> None:
    """A database made at revision OLD holding the seeded records (an administrator, a site, people,
    programs): each table's rows copied from the seeded database, the columns OLD already had."""
    from dipdesk.store.db import open_database

    open_database(dest, revision=OLD).dispose()
    conn = sqlite3.connect(dest, isolation_level=None)
    conn.execute("ATTACH DATABASE ? AS seeded", (str(template),))
    conn.execute("BEGIN")
    tables = [r[0] for r in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")]
    copied = 0
    for table in tables:
        if table in ("alembic_version", "sqlite_sequence") or "_fts" in table:
            continue  # the search index follows the rows by trigger
        old = [r[1] for r in conn.execute(f'PRAGMA main.table_info("{table}")')]
        new = {r[1] for r in conn.execute(f'PRAGMA seeded.table_info("{table}")')}
        cols = ", ".join(f'"{c}"' for c in old if c in new)
        copied += conn.execute(
            f'INSERT OR IGNORE INTO main."{table}" ({cols}) SELECT {cols} FROM seeded."{table}"'
        ).rowcount
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE seeded")
    assert conn.execute("SELECT count(*) FROM users WHERE username = 'admin'").fetchone() == (1,)
    assert conn.execute("SELECT count(*) FROM people").fetchone()[0] > 0
    conn.close()
    assert copied > 10
    engine = make_engine(dest)
    assert current_revision(engine) == OLD
    engine.dispose()


def test_the_upgrade_shows_on_the_login_and_the_login_goes_on_after_it(
    qtbot,
    db_path: Path,
    _templates: dict[str, Path],
    admin_password: str,
    dialogs: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    from dipdesk.ui.app import main
    from dipdesk.ui.login import LoginDialog
    from dipdesk.ui.main_window import MainWindow

    _old_database(_templates["seeded"], db_path)
    n = len(pending_steps(OLD, head_revision()))
    assert n >= 5
    # Another connection holds the write lock: the upgrade waits at its first write (SQLite's busy
    # timeout, 10 s), as a long migration would, so what the window shows meanwhile can be read.
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    seen: dict[str, str] = {}

    def log_in(dialog: LoginDialog) -> int:
        dialog.show()
        notice = dialog.upgrade
        qtbot.waitUntil(lambda: notice.isVisible() and f"ขั้นที่ 1 จาก {n}" in notice.step.text(), timeout=10_000)
        assert notice.title.text() == "กำลังปรับปรุงฐานข้อมูลเป็นรุ่นใหม่"
        assert notice.bar.isVisible() and notice.bar.maximum() == 0, "a busy bar"
        assert "ห้ามปิดเครื่อง" in notice.warning.text() and notice.warning.isVisible()
        assert f"dipdesk.before-{OLD}-" in notice.backup.text(), "the copy taken first is named"
        assert list(db_path.parent.glob(f"dipdesk.before-{OLD}-*.sqlite3"))
        # English on request, live
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        assert notice.title.text() == "Updating the database to the new version"
        assert f"Step 1 of {n}" in notice.step.text()
        dialog.language.setCurrentIndex(dialog.language.findData("th"))
        assert f"ขั้นที่ 1 จาก {n}" in notice.step.text()
        # the user logs in meanwhile: Enter is taken, and the window says it waits for the upgrade
        qtbot.keyClicks(dialog.username, "admin")
        qtbot.keyClicks(dialog.password, admin_password)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        assert dialog.busy
        assert dialog.login_button.text() == "รอปรับปรุงฐานข้อมูล…"
        assert notice.waiting.isVisible() and "เข้าสู่ระบบให้ทันที" in notice.waiting.text()
        qtbot.wait(500)
        assert dialog.user is None and dialog.busy and notice.isVisible(), "still waiting, not dropped"
        seen["during"] = notice.step.text()
        blocker.execute("COMMIT")  # the other program lets go: the upgrade runs to its end
        qtbot.waitUntil(lambda: dialog.user is not None, timeout=30_000)
        seen["after"] = notice.title.text()
        seen["steps"] = notice.step.text()
        return int(QDialog.DialogCode.Accepted)

    def event_loop() -> int:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        assert len(windows) == 1
        seen["user"] = windows[0].user_status.text()
        windows[0].close()
        windows[0].deleteLater()
        return 0

    monkeypatch.setattr(LoginDialog, "exec", log_in)
    monkeypatch.setattr(QApplication, "exec", staticmethod(event_loop))
    try:
        assert main(["dipdesk"], db_path=str(db_path)) == 0
    finally:
        blocker.close()
    assert dialogs == [], "no error"
    assert seen["after"] == "ปรับปรุงฐานข้อมูลเป็นรุ่นใหม่เรียบร้อยแล้ว"
    assert seen["steps"] == f"เสร็จครบทั้ง {n} ขั้นแล้ว"
    assert "นายสมชาย ใจดี" in seen["user"]
    engine = make_engine(db_path)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_quit_during_the_upgrade_waits_for_its_end(
    qtbot, db_path: Path, _templates: dict[str, Path], dialogs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Quit (or the close box) while the database is upgraded does not stop dipdesk half-way through it:
    the window stays, says it closes when the upgrade is done, then closes; the file is at the new version."""
    from dipdesk.ui.app import main
    from dipdesk.ui.login import LoginDialog

    _old_database(_templates["seeded"], db_path)
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    seen: dict[str, object] = {}

    def log_in(dialog: LoginDialog) -> int:
        dialog.show()
        notice = dialog.upgrade
        qtbot.waitUntil(
            lambda: notice.isVisible() and notice.upgrading and notice.step.text() != "", timeout=10_000
        )
        qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
        dialog.close()  # the close box too
        assert dialog.isVisible(), "not closed in the middle of the upgrade"
        assert notice.waiting.isVisible() and "จะปิดเองทันทีที่ปรับปรุงฐานข้อมูลเสร็จ" in notice.waiting.text()
        assert not dialog.quit_button.isEnabled() and not dialog.login_button.isEnabled()
        blocker.execute("COMMIT")
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
        seen["upgrading"] = notice.upgrading
        return int(dialog.result())

    monkeypatch.setattr(LoginDialog, "exec", log_in)
    try:
        assert main(["dipdesk"], db_path=str(db_path)) == 0
    finally:
        blocker.close()
    assert seen["upgrading"] is False
    assert dialogs == []
    engine = make_engine(db_path)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_a_failed_upgrade_closes_the_login_and_says_so(
    qtbot, db_path: Path, _templates: dict[str, Path], dialogs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """An upgrade that fails closes the log-in window, though it was "upgrading", and the user is told
    (here SQLite itself refuses the first step's write: a trigger aborts any change of the version row)."""
    from dipdesk.ui.app import main
    from dipdesk.ui.login import LoginDialog

    _old_database(_templates["seeded"], db_path)
    conn = sqlite3.connect(db_path)
    conn.execute(
        "CREATE TRIGGER refuse_upgrade BEFORE UPDATE ON alembic_version BEGIN "
        "SELECT RAISE(ABORT, 'the upgrade is refused'); END"
    )
    conn.commit()
    conn.close()

    def log_in(dialog: LoginDialog) -> int:
        dialog.show()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
        return int(dialog.result())

    monkeypatch.setattr(LoginDialog, "exec", log_in)
    assert main(["dipdesk"], db_path=str(db_path)) == 1
    assert len(dialogs) == 1 and str(db_path) in dialogs[0]
    assert list(db_path.parent.glob(f"dipdesk.before-{OLD}-*.sqlite3")), "the copy taken first is there"


def test_the_login_with_the_upgrade_notice_fits_a_small_screen(qtbot, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """1280×720 at 125 % (1024×576): the log-in window with the whole notice (the copy's name, the
    "closes when done" line after Esc) stays on the screen with its buttons, nothing cut."""
    from small_screen import LOGICAL, cut_widgets, run_in_child

    from dipdesk.store.db import UpgradeProgress
    from dipdesk.ui.dialogs import buttons_inside
    from dipdesk.ui.login import LoginDialog
    from dipdesk.ui.upgrade_notice import UpgradeRelay

    # 1280×720 at 125 % less a 40-pixel taskbar: 1024×536 logical pixels, the log-in's title bar included
    screen = QRect(0, 0, LOGICAL.width(), LOGICAL.height() - 40)
    if QApplication.primaryScreen().geometry() != screen:
        here = f"{Path(__file__)}::test_the_login_with_the_upgrade_notice_fits_a_small_screen"
        run_in_child(here, tmp_path, height=round(screen.height() * 1.25))
        return
    dialog = LoginDialog(env.db, env.settings)
    qtbot.addWidget(dialog)
    relay = UpgradeRelay()
    dialog.follow_upgrade(relay)
    dialog.show()
    qtbot.waitExposed(dialog)
    backup = tmp_path / "dipdesk.before-0009-20261205-215728.sqlite3"
    relay.report(UpgradeProgress("migrate", 3, 6, "0009", backup))  # as the store reports, from any thread
    qtbot.waitUntil(lambda: dialog.upgrade.isVisible(), timeout=5_000)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # quit asked for: one more line
    assert dialog.isVisible() and dialog.upgrade.waiting.isVisible()
    qtbot.wait(100)
    frame = dialog.frameGeometry()
    assert screen.contains(frame.adjusted(0, -30, 0, 0)), (frame, "with a 30 px title bar, in", screen)
    assert buttons_inside(dialog, screen) == []
    assert cut_widgets(dialog) == []
    relay.report(UpgradeProgress("done", 6, 6, "0009", backup))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)  # the quit goes ahead once it is done
