"""Issue and print: the user chooses where the PDF files go, and the choice is remembered (issue 11)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from dipdesk.settings import Settings
from dipdesk.ui.attendance import context_factory
from dipdesk.ui.certificates.issue_tab import IssueTab
from dipdesk.ui.printing import print_folder


def test_choose_the_folder_for_printed_pdfs(qtbot, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings.load()
    tab = IssueTab(env.db, context_factory(env.user), env.user.username, settings=settings)
    qtbot.addWidget(tab)
    tab.show()
    assert str(print_folder(settings)) in tab.folder_label.text()  # the data folder's `print` at first
    chosen = tmp_path / "ใบวุฒิบัตร"
    chosen.mkdir()
    qtbot.mouseClick(tab.folder_button, Qt.MouseButton.LeftButton)
    dialog = tab.folder_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    name = next(e for e in dialog.findChildren(QLineEdit) if e.isVisible())
    name.setFocus()
    name.setText(str(chosen))  # (Thai in the path: QTest cannot type it key by key)
    QTest.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: settings.print_folder == str(chosen), timeout=5_000)
    assert str(chosen) in tab.folder_label.text()
    assert Settings.load().print_folder == str(chosen), "remembered for the next start"
    assert tab._out_path("A-001").parent == chosen
