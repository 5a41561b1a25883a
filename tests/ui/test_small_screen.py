"""1280×720 at 125 % scaling (1024×576 logical pixels): every page of the main window and the main
dialogs fit; no page scrolls sideways and no button, label or combo box is cut (issue 11)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QTabWidget, QWidget
from small_screen import LOGICAL, cut_widgets, horizontal_scrollbars, on_small_screen, run_in_child, settled

from dipdesk.ui.dialogs import buttons_inside
from dipdesk.ui.main_window import MainWindow
from dipdesk.ui.pages import VIEW_NAMES

HERE = Path(__file__)
WAIT = 20_000


def _shot(widget: QWidget, name: str) -> None:
    folder = os.environ.get("DIPDESK_SMALL_SCREEN_SHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def test_every_page_fits(qtbot, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if not on_small_screen():
        run_in_child(f"{HERE}::test_every_page_fits", tmp_path)
        return
    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.frameGeometry().width() <= LOGICAL.width() + 4
    problems: dict[str, list[str]] = {}
    for view in VIEW_NAMES:
        page = window.select_view(view)
        qtbot.waitUntil(lambda p=page: p.is_ready, timeout=WAIT)  # type: ignore[misc]
        qtbot.wait(50)
        QApplication.processEvents()
        _shot(window, f"page-{view}")
        found = settled(qtbot, lambda p=page: horizontal_scrollbars(p) + cut_widgets(p))  # type: ignore[misc]
        # and each tab of the page, opened with a click on its tab
        for tabs in [t for t in page.findChildren(QTabWidget) if t.isVisible()]:
            bar = tabs.tabBar()
            for i in range(1, tabs.count()):
                qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(i).center())
                assert tabs.currentIndex() == i
                qtbot.wait(150)  # a tab loads its list in a worker
                QApplication.processEvents()
                _shot(window, f"page-{view}-tab{i}")
                tab_found = settled(qtbot, lambda p=page: horizontal_scrollbars(p) + cut_widgets(p))  # type: ignore[misc]
                found += [f"tab {tabs.tabText(i)!r}: {p}" for p in tab_found]
        if found:
            problems[view] = found
    found = cut_widgets(window.statusBar())
    if found:
        problems["status bar"] = found
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())


def _visible_dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def _check_dialog(qtbot, dialog: QDialog, name: str, problems: dict[str, list[str]]) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitExposed(dialog)
    qtbot.wait(50)
    QApplication.processEvents()
    _shot(dialog, f"dialog-{name}")
    frame = dialog.frameGeometry()
    found = []
    if frame.width() > LOGICAL.width() or frame.height() > LOGICAL.height():
        found.append(f"{frame.width()}×{frame.height()} on a {LOGICAL.width()}×{LOGICAL.height()} screen")
    found += [f"button outside the screen: {b}" for b in buttons_inside(dialog, LOGICAL)]
    found += settled(qtbot, lambda: horizontal_scrollbars(dialog) + cut_widgets(dialog))
    if found:
        problems[name] = found


def _click_for_dialog(qtbot, button: QWidget) -> QDialog:  # type: ignore[no-untyped-def]
    before = set(_visible_dialogs())
    assert button.isVisible() and button.isEnabled(), button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(set(_visible_dialogs()) - before), timeout=WAIT)
    return next(iter(set(_visible_dialogs()) - before))


def _button(page: QWidget, text: str) -> QPushButton:
    found = [b for b in page.findChildren(QPushButton) if b.isVisible() and b.text() == text]
    assert found, f"no visible button {text!r} on {type(page).__name__}"
    return found[0]


def test_main_dialogs_fit(qtbot, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if not on_small_screen():
        run_in_child(f"{HERE}::test_main_dialogs_fit", tmp_path)
        return
    from sqlalchemy import select

    from dipdesk.store.programs import Activity
    from dipdesk.ui.attendance.add_day import AddDayDialog
    from dipdesk.ui.attendance.enroll_dialog import EnrollmentDialog
    from dipdesk.ui.importer.wizard import ImportWizard
    from dipdesk.ui.login import LoginDialog
    from dipdesk.ui.records.dialogs import RecordDialog
    from dipdesk.ui.records.ops import make_ctx_factory
    from dipdesk.ui.records.programs import SESSION_FIELDS

    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    problems: dict[str, list[str]] = {}
    opened: list[str] = []

    def through_page(view: str, text: str, name: str) -> None:
        page = window.select_view(view)
        qtbot.waitUntil(lambda: page.is_ready, timeout=WAIT)
        dialog = _click_for_dialog(qtbot, _button(page, text))
        _check_dialog(qtbot, dialog, name, problems)
        opened.append(name)
        dialog.reject()

    def editor_on_page(view: str, text: str, name: str) -> None:
        """Records open their form in the page itself: it must fit as the pages do."""
        page = window.select_view(view)
        qtbot.waitUntil(lambda: page.is_ready, timeout=WAIT)
        qtbot.mouseClick(_button(page, text), Qt.MouseButton.LeftButton)
        qtbot.wait(100)
        _shot(window, f"form-{name}")
        found = settled(qtbot, lambda: horizontal_scrollbars(page) + cut_widgets(page))
        if found:
            problems[name] = found
        opened.append(name)

    editor_on_page("programs", "เพิ่มโครงการ…", "new-program")
    editor_on_page("people", "เพิ่มผู้ประกอบการ…", "new-person")
    editor_on_page("enterprises", "เพิ่มกิจการ…", "new-enterprise")
    through_page("dashboard", "แก้ไขเป้าหมาย…", "targets")
    through_page("mentoring", "จับคู่ใหม่…", "new-pair")
    through_page("lab", "รับตัวอย่างใหม่…", "lab-receive")

    with env.db.session() as s:
        activity_id = s.scalars(select(Activity.id)).first()
    ctx = make_ctx_factory(env.user)
    direct: list[tuple[str, QDialog]] = [
        ("enroll", EnrollmentDialog(env.db, ctx, activity_id)),
        ("add-day", AddDayDialog(env.db, ctx, activity_id)),
        ("import", ImportWizard(env.db, ctx)),
        ("login", LoginDialog(env.db, env.settings)),
        ("training-day", RecordDialog("วันอบรมใหม่", SESSION_FIELDS, {}, lambda c, v: "", db=env.db,
                                      ctx_factory=ctx, lang="th", fixed={"activity_id": activity_id})),
    ]  # fmt: skip
    for name, dialog in direct:
        qtbot.addWidget(dialog)
        dialog.show()
        _check_dialog(qtbot, dialog, name, problems)
        opened.append(name)
        dialog.reject()
    assert len(opened) == 11
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())
