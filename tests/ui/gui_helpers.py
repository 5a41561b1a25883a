"""Helpers for tests that drive the real window with key and mouse events."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget

SCREEN = QRect(0, 0, 1366, 768)  # the office screen every dialog must fit


def activate(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Show ``widget``'s window and make it the active one, so keys go where a user's would."""
    window = widget.window()
    if not window.isVisible():
        window.show()
    qtbot.waitExposed(window)
    handle = window.windowHandle()
    if handle is not None:
        handle.requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3_000)


def print_to_pdf_file(qtbot, owner, print_button: QWidget, out: str, timeout: int = 30_000) -> None:  # type: ignore[no-untyped-def]
    """Click Print…, type ``out`` as the PDF file in Qt's print dialog (there is no real printer
    here, so it offers "print to file"), press Enter, and wait until the file is written."""
    from pathlib import Path

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    qtbot.mouseClick(print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(owner, "print_dialog", None) is not None, timeout=timeout)
    dialog = owner.print_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=timeout)
    file_box = next(e for e in dialog.findChildren(QLineEdit) if e.text().endswith(".pdf"))
    file_box.setFocus()
    file_box.selectAll()
    qtbot.keyClicks(file_box, out)
    QTest.keyClick(file_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: Path(out).exists() and Path(out).stat().st_size > 1000, timeout=timeout)
