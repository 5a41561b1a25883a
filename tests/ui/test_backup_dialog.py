"""The backup dialog (File → สำรองและกู้คืนข้อมูล), offscreen with real widgets, a real database file and the
real worker pool: back up now, a second folder, check, restore (administrators only), the automatic
daily backup, and a Thai screenshot at 1366x768."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dipdesk.services import backup as svc
from dipdesk.settings import Settings
from dipdesk.ui import workers
from dipdesk.ui.backup import AutoBackup, BackupDialog
from dipdesk.ui.main_window import MainWindow


def _phones(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [str(r[0]) for r in conn.execute("SELECT coalesce(phone, '') FROM people ORDER BY id")]
    finally:
        conn.close()


def _edit_a_phone(env, phone: str) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from dipdesk.services import records
    from dipdesk.services.context import system_context
    from dipdesk.store.people import Person

    with env.db.session() as s, s.begin():
        ctx = system_context(s)
        person = s.scalars(select(Person).order_by(Person.id)).first()
        records.update(ctx, person, phone=phone)


def _wait(qtbot, dialog: BackupDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)


@pytest.fixture
def dialog(qtbot, env, tmp_path: Path) -> BackupDialog:  # type: ignore[no-untyped-def]
    d = BackupDialog(env.db.path, env.settings, is_admin=True, lang="th")
    qtbot.addWidget(d)
    d.resize(1366 * 2 // 3, 600)
    d.show()
    return d


def test_back_up_now_lists_a_checked_backup_and_copies_to_the_second_folder(  # type: ignore[no-untyped-def]
    qtbot, dialog: BackupDialog, env, tmp_path: Path
) -> None:
    assert dialog.windowTitle() == "สำรองและกู้คืนข้อมูล"
    assert dialog.backup_button.text() == "สำรองข้อมูลเดี๋ยวนี้"
    assert dialog.table.rowCount() == 0 and not dialog.restore_button.isEnabled()
    usb = tmp_path / "แฟลชไดรฟ์"
    dialog.second.setText(str(usb))
    dialog.auto.setChecked(False)
    assert dialog.save_settings()
    saved = Settings.load()
    assert saved.backup_second_folder == str(usb) and saved.backup_auto is False and saved.backup_folder == ""

    dialog.backup_button.click()
    assert dialog.busy and dialog.progress.isVisibleTo(dialog)  # the work runs in a worker
    _wait(qtbot, dialog)
    assert dialog.table.rowCount() == 1
    assert "สำรองและตรวจสอบแล้ว" in dialog.status.text(), dialog.status.text()
    assert dialog.table.item(0, 1).text() == "สั่งเอง"
    assert "พ.ศ." not in dialog.table.item(0, 0).text() and "25" in dialog.table.item(0, 0).text()  # BE year
    made = svc.list_backups(svc.default_folder(env.db.path), env.db.path)[0].path
    assert (usb / made.name).exists()

    dialog.table.selectRow(0)
    assert dialog.check_button.isEnabled() and dialog.restore_button.isEnabled()
    dialog.check_button.click()
    _wait(qtbot, dialog)
    assert "สำเนาสมบูรณ์" in dialog.status.text(), dialog.status.text()

    dialog.resize(1000, 640)  # inside 1366x768 with room for the main window's frame
    shot = tmp_path / "screenshot-backup.png"  # docs/screenshot-backup.png is one of these
    assert dialog.grab().save(str(shot)) and shot.stat().st_size > 10_000


def test_restore_from_the_dialog_brings_the_backup_back_and_keeps_the_current_one(  # type: ignore[no-untyped-def]
    qtbot, dialog: BackupDialog, env, dialogs: list[str]
) -> None:
    db: Path = env.db.path
    dialog.back_up_now()
    _wait(qtbot, dialog)
    before = _phones(db)
    _edit_a_phone(env, "0812345678")
    assert _phones(db) != before
    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.restored, timeout=30_000) as got:
        dialog.restore_button.click()  # the confirmation (patched in tests) answers "restore"
    assert any("สำรองไว้" in t or "กู้คืน" in t for t in dialogs), dialogs
    result = got.args[0]
    assert _phones(db) == before
    assert result.kept_aside is not None and result.kept_aside.exists()
    assert "0812345678" in _phones(result.kept_aside)
    assert "ยังไม่เคยซิงค์" in dialog.status.text(), dialog.status.text()  # the unsynced edit is named


def test_a_damaged_file_is_refused_in_thai_and_nothing_changes(  # type: ignore[no-untyped-def]
    qtbot, dialog: BackupDialog, env, tmp_path: Path
) -> None:
    bad = tmp_path / "เสีย.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x01" * 8000)
    before = _phones(env.db.path)
    dialog.restore_file(bad)
    _wait(qtbot, dialog)
    assert "กู้คืนไม่ได้" in dialog.status.text(), dialog.status.text()
    assert _phones(env.db.path) == before


def test_only_an_administrator_may_restore(qtbot, env) -> None:  # type: ignore[no-untyped-def]
    d = BackupDialog(env.db.path, env.settings, is_admin=False, lang="th")
    qtbot.addWidget(d)
    d.back_up_now()
    _wait(qtbot, d)
    d.table.selectRow(0)
    assert d.backup_button.isEnabled() and d.check_button.isEnabled()
    assert not d.restore_button.isEnabled() and not d.restore_file_button.isEnabled()
    before = _phones(env.db.path)
    _edit_a_phone(env, "0899999999")
    d.restore_file(d.backups[0].path)
    workers.drain()
    assert _phones(env.db.path) != before


def test_the_file_menu_backs_up_and_the_daily_backup_runs_once_a_day(qtbot, env) -> None:  # type: ignore[no-untyped-def]
    w = MainWindow(env)
    qtbot.addWidget(w)
    w.show()
    file_menu = w.menuBar().actions()[0].menu()
    assert (
        w.backup_actions["now"] in file_menu.actions() and w.backup_actions["dialog"] in file_menu.actions()
    )
    assert w.backup_actions["now"].text() == "สำรองข้อมูลเดี๋ยวนี้"
    assert w.backup_actions["dialog"].text() == "สำรองและกู้คืนข้อมูล…"
    w.backup_actions["now"].trigger()
    qtbot.waitUntil(lambda: not w.backup_dialog.busy, timeout=30_000)
    assert w.backup_dialog.table.rowCount() == 1
    w.backup_dialog.close()

    auto = AutoBackup(env.db.path, env.settings)
    with qtbot.waitSignal(auto.done, timeout=30_000):
        auto.check()
    auto.check()  # a day has not passed: nothing
    workers.drain()
    kinds = sorted(b.kind for b in svc.list_backups(svc.default_folder(env.db.path), env.db.path))
    assert kinds == ["auto", "manual"]
    assert auto.timer.isActive()  # looks again in an hour
    auto.stop()
    w.close()


def test_a_backup_of_another_computer_is_restored_only_after_a_second_question(  # type: ignore[no-untyped-def]
    qtbot, dialog: BackupDialog, env, dialogs: list[str]
) -> None:
    db: Path = env.db.path
    dialog.back_up_now()
    _wait(qtbot, dialog)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            "INSERT OR REPLACE INTO local_state (key, value) VALUES ('sync.device_id', 'this-laptop')"
        )
    conn.close()
    src = sqlite3.connect(dialog.backups[0].path)
    with src:
        src.execute("INSERT OR REPLACE INTO local_state (key, value) VALUES ('sync.device_id', 'old-laptop')")
    src.close()
    with qtbot.waitSignal(dialog.restored, timeout=30_000):
        dialog.restore_file(dialog.backups[0].path)
    assert any("เครื่องอื่น" in t for t in dialogs), dialogs
    conn = sqlite3.connect(db)
    assert (
        conn.execute("SELECT value FROM local_state WHERE key = 'sync.device_id'").fetchone()[0]
        == "old-laptop"
    )
    conn.close()


def test_a_restore_from_the_main_window_stops_sync_and_closes_the_program(  # type: ignore[no-untyped-def]
    qtbot, env, dialogs: list[str]
) -> None:
    w = MainWindow(env)
    qtbot.addWidget(w)
    w.show()
    d = w.open_backup(start=True)
    assert d is not None
    qtbot.waitUntil(lambda: not d.busy, timeout=30_000)
    before = _phones(env.db.path)
    _edit_a_phone(env, "0855555555")
    d.table.selectRow(0)
    d.restore_button.click()
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=30_000)
    assert _phones(env.db.path) == before
    assert w.background._stopped  # no sync round may start on the replaced database
    assert any("เปิดโปรแกรมอีกครั้ง" in t for t in dialogs), dialogs


def test_a_refused_restore_lets_sync_run_again(qtbot, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = MainWindow(env)
    qtbot.addWidget(w)
    w.show()
    d = w.open_backup()
    assert d is not None
    bad = tmp_path / "เสีย.sqlite3"
    bad.write_text("not a database")
    with qtbot.waitSignal(d.restore_failed, timeout=30_000):
        d.restore_file(bad)
    assert "กู้คืนไม่ได้" in d.status.text()
    assert not w.background._stopped and not w.background._closing  # sync runs on
    assert w.isVisible()
    w.background.shutdown()
