"""Small screens (issue 11): the main window and the dialogs fit the screen's available area.

The offscreen test screen is 800×600, smaller than the 1366×768 office screen and about the 1024×576
logical pixels of 1280×720 at 125 %, so what fits here fits there.
"""

from __future__ import annotations

from sqlalchemy import select

from dipdesk.store.programs import Activity
from dipdesk.ui.attendance.enroll_dialog import EnrollmentDialog
from dipdesk.ui.dialogs import available_rect, buttons_inside
from dipdesk.ui.main_window import MainWindow
from dipdesk.ui.records.ops import make_ctx_factory


def test_main_window_fits_the_available_screen(qtbot, env) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    area = available_rect(window)
    assert area.width() < 1280, "the test screen is smaller than the window's old fixed 1280×800"
    # (the offscreen platform draws no frame but offsets the window by a 2-pixel one: compare sizes)
    assert window.width() <= area.width() and window.height() <= area.height(), (window.geometry(), area)
    assert window.minimumSizeHint().width() <= area.width()
    bar = window.statusBar()
    assert bar.isVisible() and bar.geometry().bottom() < window.height(), "the status bar is on screen"
    # the status texts shrink with "…" rather than widen the window; the whole text stays readable
    assert window.user_status.text().startswith("ผู้ใช้:")
    assert window.user_status.toolTip() == window.user_status.text()


def test_enroll_dialog_buttons_are_on_screen(qtbot, env) -> None:  # type: ignore[no-untyped-def]
    with env.db.session() as s:
        activity_id = s.scalars(select(Activity.id)).first()
    dialog = EnrollmentDialog(env.db, make_ctx_factory(env.user), activity_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    area = available_rect(dialog)
    assert dialog.height() <= area.height() and dialog.width() <= area.width()
    assert buttons_inside(dialog, area) == []
    close = [b for b in dialog.findChildren(type(dialog.create_button)) if b.text() == "ปิด"]
    assert close and close[0].isVisible() and close[0].visibleRegion().isEmpty() is False
