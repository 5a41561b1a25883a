"""The certificates page: class list by the rule, issue and print in a worker, verify, template editor."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import func, select

from dipdesk.services import certificates as svc
from dipdesk.services import records
from dipdesk.services.context import system_context
from dipdesk.services.enrollment import record_attendance
from dipdesk.store.certificates import Certificate
from dipdesk.store.enrollment import Enrollment
from dipdesk.store.programs import Activity, ActivitySession
from dipdesk.ui.pages.certificates import CertificatesPage

WAIT = 30_000


@pytest.fixture
def page(qtbot, env):  # type: ignore[no-untyped-def]
    """The seeded database plus templates and a class whose attendance was taken: สมศรี attended all 18
    hours, วิชัย 6 of them."""
    with env.db.session() as s, s.begin():
        ctx = system_context(s)
        # the two default templates come with first-run set-up (reference data), nothing to add
        assert {t.kind for t in svc.list_templates(s)} == {"completion", "participation"}
        activity = s.scalars(select(Activity).where(Activity.code == "A-001")).one()
        sessions = [
            records.create(
                ctx,
                ActivitySession,
                activity_id=activity.id,
                seq=i + 1,
                day=activity.start_date + dt.timedelta(days=i),
                hours=6,
            )
            for i in range(3)
        ]
        marks = {}
        for e in s.scalars(select(Enrollment).where(Enrollment.activity_id == activity.id)):
            for i, sess in enumerate(sessions):
                marks[(e.id, sess.id)] = e.status == "completed" or i == 0
        record_attendance(ctx, activity.id, marks)
    p = CertificatesPage(env, "วุฒิบัตร")
    qtbot.addWidget(p)
    p.resize(1200, 900)
    p.show()
    p.ensure_loaded()
    qtbot.waitUntil(lambda: p.is_ready, timeout=WAIT)
    assert p.load_error is None
    return p


def _count(env, *where) -> int:  # type: ignore[no-untyped-def]
    with env.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Certificate).where(*where)) or 0)


def test_class_list_issue_print_and_reprint(qtbot, page, env, tmp_path) -> None:  # type: ignore[no-untyped-def]
    tab = page.issue_tab
    assert tab.data is not None and tab.data.activity_code == "A-001" and tab.data.kind == "completion"
    names = [e.name for e in tab.model.entries]
    assert names == ["นายวิชัย มั่นคง", "นางสมศรี รักไทย"]  # Thai dictionary order: ว before ส
    assert tab.model.data(tab.model.index(1, 2)) == "มีสิทธิ์ รอออก"
    assert "ไม่ได้รับการบันทึกว่าผ่านการอบรม" in tab.model.data(tab.model.index(0, 3))
    assert "มีสิทธิ์ตามเกณฑ์ 1 คน" in tab.summary.text()
    qtbot.waitUntil(lambda: bool(tab.preview.path), timeout=WAIT)  # a preview before anything is issued
    assert _count(env) == 0

    task = tab.issue_and_print()
    assert task is not None
    qtbot.waitUntil(lambda: tab.task is None, timeout=WAIT)
    assert "ออกใหม่ 1 ฉบับ" in tab.message.text(), tab.message.text()
    assert tab.preview.path.endswith(".pdf") and tab.preview.pages == 1
    # the message says where the PDF went, in the folder shown beside the button (issue 11)
    assert tab.last_pdf and Path(tab.last_pdf).is_file()
    assert tab.last_pdf in tab.message.text()
    assert str(Path(tab.last_pdf).parent) in tab.folder_label.text()
    assert _count(env) == 1
    qtbot.waitUntil(lambda: tab.model.entries and tab.model.entries[1].certificate is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: page.cards["issued"].value_label.text() == "1", timeout=WAIT)

    # Print…: Qt's print dialog opens (it raised a TypeError before, issue 11); with no printer
    # installed it offers "print to file (PDF)" in the print folder; Enter prints, in a worker
    qtbot.mouseClick(tab.preview.print_button, Qt.MouseButton.LeftButton)
    dialog = tab.preview.print_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    file_box = next(e for e in dialog.findChildren(QLineEdit) if e.text().endswith(".pdf"))
    file_box.setFocus()
    file_box.selectAll()
    qtbot.keyClicks(file_box, str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(tab.preview.printed, timeout=WAIT) as sent:
        QTest.keyClick(file_box, Qt.Key.Key_Return)
    assert sent.args == [1] and (tmp_path / "printed.pdf").stat().st_size > 1000
    assert str(tmp_path / "printed.pdf") in tab.preview.status.text(), "the message says where it went"

    tab.table.selectRow(1)
    assert tab.reprint_button.isEnabled() and not tab.override_button.isEnabled()
    tab.reprint_selected()
    qtbot.waitUntil(lambda: tab.task is None, timeout=WAIT)
    assert "พิมพ์ซ้ำ" in tab.message.text()

    # the code on what was printed verifies; a damaged one does not
    with env.db.session() as s:
        qr_text = s.scalars(select(Certificate.printed_data)).one()["qr"]
    v = page.verify_tab
    v.code.setText(qr_text)
    v.verify()
    qtbot.waitUntil(lambda: v.result is not None, timeout=WAIT)
    assert v.result.ok and "ของแท้" in v.verdict.text() and "นางสมศรี รักไทย" in v.verdict.text()
    v.result = None
    v.code.setText(qr_text[:-4] + ("AAAA" if not qr_text.endswith("AAAA") else "BBBB"))
    v.verify()
    qtbot.waitUntil(lambda: v.result is not None, timeout=WAIT)
    assert not v.result.ok and "ไม่ผ่านการตรวจสอบ" in v.verdict.text()

    # override, then revoke, with their reasons
    tab.table.selectRow(0)  # วิชัย: not eligible
    assert tab.override_button.isEnabled()
    tab.override_selected("เข้าอบรมชดเชยครบแล้ว")
    qtbot.waitUntil(lambda: tab.task is None, timeout=WAIT)
    assert _count(env, Certificate.override_reason == "เข้าอบรมชดเชยครบแล้ว") == 1
    qtbot.waitUntil(lambda: tab.model.entries[0].certificate is not None, timeout=WAIT)
    assert "กรณีพิเศษ" in tab.model.data(tab.model.index(0, 2))

    tab.table.selectRow(0)
    tab.revoke_selected("ออกผิดรุ่น")
    qtbot.waitUntil(lambda: tab.task is None, timeout=WAIT)
    assert _count(env, Certificate.state == "revoked") == 1

    # a batch cancelled at once changes nothing (one transaction)
    tab.issue_and_print()
    tab.cancel()
    qtbot.waitUntil(lambda: tab.task is None, timeout=WAIT)
    assert "ยกเลิก" in tab.message.text()
    assert _count(env) == 2


def test_template_editor_previews_and_saves_a_copy(qtbot, page, env) -> None:  # type: ignore[no-untyped-def]
    t = page.templates_tab
    assert t.current is not None and t.current.code == "CERT-COMPLETION" and not t.current.own
    t.element_list.setCurrentRow(0)  # the title
    t.text.setText("วุฒิบัตรทดลอง")
    t.text.textEdited.emit("วุฒิบัตรทดลอง")
    t.y_box.setValue(40)
    assert t.elements[0]["text"] == "วุฒิบัตรทดลอง" and t.elements[0]["y_mm"] == 40
    task = t.render_preview()
    assert task is not None
    qtbot.waitUntil(lambda: t.preview_task is None and bool(t.preview.path), timeout=WAIT)
    t.save()
    qtbot.waitUntil(lambda: "CERT-COMPLETION-IPC1" in t.status.text(), timeout=WAIT)
    with env.db.session() as s:
        copy = svc.template_by_code(s, "CERT-COMPLETION-IPC1")
        assert copy.elements[0]["text"] == "วุฒิบัตรทดลอง"
        assert svc.template_by_code(s, "CERT-COMPLETION").elements[0]["text"] == "วุฒิบัตร"


def test_template_editor_page_setup_and_adding_removing_elements(qtbot, page, env) -> None:  # type: ignore[no-untyped-def]
    t = page.templates_tab
    assert t.current is not None and t.page == ("A4", "landscape")
    n = len(t.elements)
    t.orientation.setCurrentIndex(t.orientation.findData("portrait"))
    t.page_size.setCurrentIndex(t.page_size.findData("A5"))
    assert t.page == ("A5", "portrait")
    w, h = t.layout_now().size
    assert w < h  # portrait
    assert abs(t.elements[0]["x_mm"] - 74) < 0.3  # the centred title moved with the page: still centred
    added = t.add_element("text")
    assert added is not None and len(t.elements) == n + 1 and t.element_list.currentRow() == n
    assert added["x_mm"] == round(148 / 2, 1)  # the middle of an A5 portrait page
    t.text.setText("ข้อความใหม่ {name}")
    t.text.textEdited.emit("ข้อความใหม่ {name}")
    assert t.elements[-1]["text"] == "ข้อความใหม่ {name}"
    t.add_element("qr")
    assert len(t.elements) == n + 2
    t.remove_element()  # the selected one: the QR code just added
    assert len(t.elements) == n + 1 and t.elements[-1]["type"] == "text"
    assert t.remove_button.isEnabled()
    t.render_preview()
    qtbot.waitUntil(lambda: t.preview_task is None and bool(t.preview.path), timeout=WAIT)
    import subprocess

    info = subprocess.run(["pdfinfo", t.preview.path], capture_output=True, text=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    assert (
        size is not None and float(size[1]) < float(size[2]) and round(float(size[1])) == 420
    )  # A5 portrait
    t.save()
    qtbot.waitUntil(lambda: "CERT-COMPLETION-IPC1" in t.status.text(), timeout=WAIT)
    with env.db.session() as s:
        copy = svc.template_by_code(s, "CERT-COMPLETION-IPC1")
        assert (copy.page_size, copy.orientation) == ("A5", "portrait")
        assert copy.elements[-1]["text"] == "ข้อความใหม่ {name}" and len(copy.elements) == n + 1


def test_a_forged_codes_claims_are_not_shown_as_facts(qtbot, page, env) -> None:  # type: ignore[no-untyped-def]
    from dipdesk.services import signing

    tab = page.issue_tab
    tab.issue_and_print()
    qtbot.waitUntil(lambda: tab.task is None, timeout=WAIT)
    with env.db.session() as s:
        qr_text = s.scalars(select(Certificate.printed_data)).first()["qr"]
    payload, _body, sig = signing.parse_qr_text(qr_text)
    forged = signing.pack(signing.Payload(payload.serial, "นายปลอม ใจร้าย", "หลักสูตรปลอม", payload.issued_on))
    v = page.verify_tab
    v.code.setText(signing.PREFIX + signing.b45encode(forged + sig))
    v.verify()
    qtbot.waitUntil(lambda: v.result is not None, timeout=WAIT)
    text = v.verdict.text()
    assert not v.result.ok and "ไม่ผ่านการตรวจสอบ" in text
    label = "ข้อมูลตามที่รหัสอ้าง (ยังไม่ได้ยืนยัน)"
    assert label in text and text.index("นายปลอม ใจร้าย") > text.index(label)
    assert "<b>ผู้ได้รับ</b>" not in text  # not in the table of facts a genuine code gets


def test_template_preview_file_is_always_whole(qtbot, page, env) -> None:  # type: ignore[no-untyped-def]
    """The preview PDF is replaced in one step: a reader (the viewer showing the last run's page) finds a
    whole PDF or none, never a file being written; no part-files are left behind."""
    import threading

    t = page.templates_tab
    t.render_preview()
    qtbot.waitUntil(lambda: t.preview_task is None and bool(t.preview.path), timeout=WAIT)
    folder = Path(t.preview.path).parent
    seen: list[str] = []
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            for f in folder.glob("preview-*.pdf"):
                try:
                    data = f.read_bytes()
                except FileNotFoundError:
                    continue
                if not (data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")):
                    seen.append(f"{f.name}: {len(data)} bytes")

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for y in range(30, 46, 2):
            t.element_list.setCurrentRow(0)
            t.y_box.setValue(y)
            t.render_preview()
            qtbot.waitUntil(lambda: t.preview_task is None, timeout=WAIT)
    finally:
        stop.set()
        watcher.join()
    assert seen == []
    assert not list(folder.glob("*.part"))


def test_pickers_show_their_thai_texts_whole(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    """The template picker showed "ตามประเภทบริการของกิ▾" and the search hint "ค้นหาด้วยรหัสหรือชื่..."."""
    tab = page.issue_tab
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    combo = tab.template
    metrics = combo.fontMetrics()
    widest = max(metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
    assert combo.count() >= 2 and combo.width() >= widest + 24, (combo.width(), widest)
    search = tab.search
    assert search.width() >= search.fontMetrics().horizontalAdvance(search.placeholderText()) + 20


def test_preview_shows_the_whole_certificate_width_at_1366x768(qtbot, page, env, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """In the main window on a 1366×768 screen the preview beside the class list got 233 pixels and drew
    the page 240 wide inside them: the certificate's right part was cut off, with no way to scroll to it.
    Now the page is zoomed to the preview's width (a good share of the page), or a scroll bar is offered."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QScrollArea
    from small_screen import on_office_screen, run_in_child

    from dipdesk.ui.main_window import MainWindow

    if not on_office_screen():
        run_in_child(
            f"{Path(__file__)}::test_preview_shows_the_whole_certificate_width_at_1366x768",
            tmp_path,
            width=1366,
            height=768,
            scale=1.0,
        )
        return
    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    certificates = window.select_view("certificates")
    qtbot.waitUntil(lambda: certificates.is_ready, timeout=WAIT)
    preview = certificates.issue_tab.preview
    qtbot.waitUntil(lambda: bool(getattr(preview, "page_labels", [])), timeout=WAIT)
    qtbot.wait(100)
    split_width = preview.parentWidget().width()
    assert preview.width() >= split_width // 3, (preview.width(), split_width)  # not its bare minimum
    # the preview lies inside the visible width of the page …
    outer = certificates.findChild(QScrollArea)
    left = preview.mapTo(outer.viewport(), QPoint(0, 0)).x()
    assert left >= 0 and left + preview.width() <= outer.viewport().width()
    # … and each page inside the preview's own view, or the view can scroll to the rest
    view = preview.view
    for label in preview.page_labels:
        x = label.mapTo(view.viewport(), QPoint(0, 0)).x()
        whole = x >= 0 and x + label.width() <= view.viewport().width()
        scrollable = view.horizontalScrollBar().isVisible() and view.horizontalScrollBar().maximum() > 0
        assert whole or scrollable, (x, label.width(), view.viewport().width())
        assert label.pixmap().width() >= 300, "zoomed to fit the preview, a readable page"
