"""Qt's own file dialog inside the Thai interface: in Thai, and large enough that its column texts
("โฟลเดอร์", the modified date) are not cut (dipdesk.ui.dialogs.roomy_file_dialog)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QTreeView

from dipdesk.ui.dialogs import available_rect


def test_file_dialog_opens_roomy_with_whole_thai_columns(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "งานอบรม").mkdir()
    (tmp_path / "รายชื่อ.xlsx").write_bytes(b"x" * 2048)
    dialog = QFileDialog(None, "บันทึก", str(tmp_path), "Excel (*.xlsx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    area = available_rect(dialog)
    assert dialog.width() >= min(920, area.width() - 40) - 1 and dialog.width() <= area.width()
    view = next(v for v in dialog.findChildren(QTreeView) if v.isVisible())
    model = view.model()
    qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) == 2, timeout=5_000)
    header = view.header()
    assert [model.headerData(c, header.orientation()) for c in range(1, 4)] == ["ขนาด", "ประเภท", "วันที่แก้ไข"]
    qtbot.wait(50)
    metrics = view.fontMetrics()
    for row in range(2):
        for col in (1, 2, 3):
            text = str(model.index(row, col, view.rootIndex()).data())
            assert header.sectionSize(col) >= metrics.horizontalAdvance(text), (col, text)
    dialog.reject()
