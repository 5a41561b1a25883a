"""The import wizard: file → mapping → preview → dry run → import (worker, progress, cancel) → result."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import func, select

from dipdesk.services import imports as im
from dipdesk.store.enrollment import Enrollment
from dipdesk.store.people import Person
from dipdesk.store.programs import Activity
from dipdesk.ui.attendance import context_factory
from dipdesk.ui.importer import ImportWizard

DATA = Path(__file__).resolve().parents[1] / "data"


def _people(db) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Person)) or 0)


def _wizard(qtbot, env, **kw) -> ImportWizard:  # type: ignore[no-untyped-def]
    wizard = ImportWizard(env.db, context_factory(env.user), **kw)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_the_whole_wizard(qtbot, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with env.db.session() as s:
        activity = s.scalars(select(Activity).where(Activity.code == "A-001")).one()
    wizard = _wizard(qtbot, env, activity_id=activity.id)
    page = wizard.file_page
    page.load(str(DATA / "class_list_cp874.csv"))
    qtbot.waitUntil(page.isComplete, timeout=5000)
    assert "9 แถว" in page.info.text() and "cp874" in page.info.text()
    qtbot.waitUntil(lambda: page.activity.currentData() == activity.id, timeout=5000)

    wizard.next()
    mapping = wizard.mapping_page
    assert wizard.currentPage() is mapping and mapping.isComplete()
    assert [c.currentData() for c in mapping.combos][:3] == ["", "prefix", "full_name"]
    mapping.set_field(2, "")  # no name column: the page says so and will not go on
    assert not mapping.isComplete() and "ชื่อ" in mapping.problems.text()
    mapping.set_field(2, "full_name")
    assert mapping.isComplete()

    wizard.next()
    preview = wizard.preview_page
    qtbot.waitUntil(preview.isComplete, timeout=5000)
    assert "ถูกต้อง 4 แถว" in preview.counts.text()
    assert preview.grid.item(3, 1).text().startswith("เลขประจำตัวประชาชน")  # the bad check digit, explained
    assert "xxxxx" in preview.grid.item(0, 5).text()  # IDs masked on screen (PDPA)

    wizard.next()
    dry = wizard.dry_run_page
    qtbot.waitUntil(lambda: dry.done, timeout=10000)
    assert dry.outcome is not None and dry.outcome.imported == 4 and _people(env.db) == 2
    assert "ยังไม่บันทึก" in dry.status.text() and dry.view.isVisibleTo(dry)

    with qtbot.waitSignal(wizard.imported, timeout=15000) as imported:
        wizard.next()
    result = imported.args[0]
    assert (result.imported, len(result.rejected), result.enrolled) == (4, 5, 4)
    final = wizard.import_page
    assert final.isComplete() and "เพิ่มใหม่ 4 ราย" in final.status.text()
    assert final.rejected.rowCount() == 5
    assert _people(env.db) == 6
    sheet = tmp_path / "to-fix.xlsx"
    assert wizard.save_error_sheet(str(sheet), result) == 5 and sheet.is_file()
    with env.db.session() as s:
        assert (
            s.scalar(
                select(func.count()).select_from(Enrollment).where(Enrollment.activity_id == activity.id)
            )
            == 6
        )
        # the column choices were remembered for the next file with these headers
        table = im.read_table(DATA / "class_list_cp874.csv")
        assert im.suggest_mapping(s, "people", table.headers)[2] == "full_name"


def test_an_unreadable_file_is_explained(qtbot, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "list.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0old excel")
    wizard = _wizard(qtbot, env)
    wizard.file_page.load(str(bad))
    qtbot.waitUntil(lambda: "อ่านไฟล์นี้ไม่ได้" in wizard.file_page.info.text(), timeout=5000)
    assert ".xlsx" in wizard.file_page.info.text() and not wizard.file_page.isComplete()


def test_stop_during_the_import_keeps_nothing(qtbot, env, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot, env, path=str(DATA / "class_list_messy.xlsx"))
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=5000)
    wizard.next()
    wizard.next()
    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=5000)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.dry_run_page.done, timeout=10000)

    gate = threading.Event()
    real = im.check_rows

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        gate.wait(5)  # the import waits here until the user has pressed Stop
        return real(*args, **kwargs)

    monkeypatch.setattr(im, "check_rows", held)
    wizard.next()
    page = wizard.import_page
    assert page.cancel_button.isVisible()
    page.cancel_button.click()
    gate.set()
    qtbot.waitUntil(page.isComplete, timeout=10000)
    assert "ยกเลิกแล้ว" in page.status.text()
    assert _people(env.db) == 2 and wizard.result is None
