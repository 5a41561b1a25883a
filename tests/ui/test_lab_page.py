"""The lab page end to end: receive, enter ten results by keyboard, failures highlighted as typed,
a second user verifies, publish, preview and print, amend (the old report kept, marked replaced)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from gui_helpers import print_to_pdf_file
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import select

from dipdesk.services import lab
from dipdesk.services.context import Context, system_context
from dipdesk.services.setup import create_user
from dipdesk.store.lab import LabAnalysis, LabReport
from dipdesk.ui.lab.grid import ResultModel, tint
from dipdesk.ui.pages.lab import LabPage

TESTS = (
    # code, name, unit, decimals, extra
    ("MOIST", "ความชื้น", "%", 2, {"lod": 0.1, "formula": "(wet - dry) / wet * 100",
                                   "interim_fields": "wet:น้ำหนักก่อนอบ:g; dry:น้ำหนักหลังอบ:g"}),
    ("ASH", "เถ้า", "%", 2, {"lod": 0.05}),
    ("PH", "ความเป็นกรด-ด่าง", "", 2, {}),
    ("AW", "ค่าวอเตอร์แอคทิวิตี", "", 3, {}),
    ("PROT", "โปรตีน", "%", 2, {"lod": 0.1}),
    ("FAT", "ไขมัน", "%", 2, {"lod": 0.1}),
    ("PB", "ตะกั่ว", "mg/kg", 3, {"lod": 0.01}),
    ("CD", "แคดเมียม", "mg/kg", 3, {"lod": 0.005}),
    ("BENZ", "กรดเบนโซอิก", "mg/kg", 0, {"lod": 10}),
    ("TPC", "จุลินทรีย์ทั้งหมด", "CFU/g", 0, {"lod": 10, "upper_limit": 3000000}),
)  # fmt: skip
SPECS = (("MOIST", None, 12, None, 10), ("AW", None, 0.85, None, 0.8), ("PB", None, 1, None, 0.8),
         ("PH", 4, 8, 4.5, 7.5), ("TPC", None, 10000, None, 5000))  # fmt: skip
# what the technician types for each row (moisture is calculated from its two readings)
TYPED = {
    ("MOIST", "wet"): "3.0000", ("MOIST", "dry"): "2.6500", ("ASH", ""): "2.1", ("PH", ""): "๑๒.๔",
    ("AW", ""): "0,83", ("PROT", ""): "12.4", ("FAT", ""): "3.2", ("PB", ""): "<0.01", ("CD", ""): "ND",
    ("BENZ", ""): "ไม่พบ", ("TPC", ""): "1.2x10^4",
}  # fmt: skip


@pytest.fixture
def lab_envs(seeded_db):  # type: ignore[no-untyped-def]
    from dipdesk.settings import Settings
    from dipdesk.ui.pages import PageEnv
    from dipdesk.ui.state import current_user_from

    with seeded_db.session() as s, s.begin():
        ctx: Context = system_context(s)
        for code, name, unit, decimals, extra in TESTS:
            lab.create_test(ctx, code=code, name_th=name, unit=unit, decimals=decimals, method="วิธีมาตรฐาน",
                            fee=300, **extra)  # fmt: skip
        for code, lo, hi, wlo, whi in SPECS:
            lab.create_specification(ctx, product_type="food", test_code=code, min_value=lo, max_value=hi,
                                     warn_low=wlo, warn_high=whi, standard="มผช.")  # fmt: skip
        tech = create_user(ctx, "tech", "password-123", full_name="นายประเสริฐ วงศ์สวัสดิ์", role="lab_technician")
        ver = create_user(ctx, "ver", "password-123", full_name="นางสุดารัตน์ รุ่งเรืองกิจ", role="lab_verifier",
                          position="หัวหน้าห้องปฏิบัติการ")  # fmt: skip
        s.flush()
        users = {u.username: current_user_from(s, u) for u in (tech, ver)}
    settings = Settings.load()
    return {name: PageEnv(seeded_db, user, settings, lang="th") for name, user in users.items()}


def _page(qtbot, env) -> LabPage:  # type: ignore[no-untyped-def]
    page = LabPage(env, "ห้องปฏิบัติการทดสอบ")
    qtbot.addWidget(page)
    page.resize(1280, 900)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.is_ready, timeout=10_000)
    assert page.load_error is None
    return page


def _idle(qtbot, page: LabPage) -> None:  # type: ignore[no-untyped-def]
    from dipdesk.ui import workers

    qtbot.waitUntil(lambda: page.ops.pending == 0, timeout=15_000)
    assert workers.drain(10_000)


def _key(qtbot, widget, ch: str) -> None:  # type: ignore[no-untyped-def]
    """One typed character; QTest only knows Latin-1 keys, so Thai characters are sent as text events."""
    if ch.isascii():
        qtbot.keyClick(widget, ch)
        return
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def _type(qtbot, grid, text: str) -> QLineEdit:  # type: ignore[no-untyped-def]
    """Type into the current row as a technician does: the first key opens the editor."""
    index = grid.currentIndex()
    _key(qtbot, grid, text[0])
    editor = grid.indexWidget(index)
    assert isinstance(editor, QLineEdit), f"typing on row {index.row()} did not open the editor"
    for ch in text[1:]:
        _key(qtbot, editor, ch)
    assert editor.text() == text
    return editor


def test_technician_to_amended_report_in_the_gui(qtbot, lab_envs, dialogs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tech_page = _page(qtbot, lab_envs["tech"])
    assert not tech_page.panel.entry.verify_button.isEnabled()

    # -- receive a sample with ten tests ------------------------------------------------------------
    tech_page.receive_new()
    qtbot.waitUntil(lambda: getattr(tech_page, "receive_dialog", None) is not None, timeout=10_000)
    d = tech_page.receive_dialog
    d.customer.setText("วิสาหกิจชุมชนกล้วยตากบ้านนา")
    d.contact.setText("นางสมศรี รักไทย")
    d.description.setText("กล้วยตากอบน้ำผึ้ง")
    d.quantity.setText("3 ถุง")
    d.set_checked([c for c, *_ in TESTS])
    assert len(d.checked_tests()) == 10
    d.accept()
    _idle(qtbot, tech_page)
    qtbot.waitUntil(
        lambda: tech_page.panel.detail is not None and tech_page.panel.detail.state == "received",
        timeout=10_000,
    )
    detail = tech_page.panel.detail
    lab_no = detail.lab_no
    assert "-IPC1-" in lab_no and len(detail.analyses) == 10

    # -- enter ten results by keyboard; failures turn red while typing ----------------------------------
    entry = tech_page.panel.entry
    grid, model = entry.grid, entry.model
    grid.start()
    assert sum(model.editable(r) for r in range(len(model.rows))) == len(TYPED)
    for i in range(len(TYPED)):
        row = grid.currentIndex().row()
        assert model.editable(row), f"value {i} lands on a row that cannot be entered"
        text = TYPED[(model.rows[row].a.code, model.rows[row].key)]
        editor = _type(qtbot, grid, text)
        if text == "2.6500":  # moisture 11.67 %: inside the limit, in the warning band, before Enter
            assert editor.property("verdict") == "warning"
        if text == "๑๒.๔":  # pH 12.4: out of specification, red as typed
            assert editor.property("verdict") == "fail"
            assert model.data(
                model.index(row, ResultModel.VERDICT), Qt.ItemDataRole.BackgroundRole
            ).color() == tint("fail")
            assert model.data(model.index(row, ResultModel.SHOWN)) == "12.40"
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        if i < len(TYPED) - 1:  # Enter keeps the value and moves down to the next result
            qtbot.waitUntil(lambda r=row: grid.currentIndex().row() > r, timeout=2_000)
    _idle(qtbot, tech_page)
    by_code = {a.code: a for a in model.analyses()}
    assert by_code["MOIST"].value == pytest.approx(11.6666667)  # calculated from the readings
    assert model.shown_text(by_code["MOIST"]) == "11.67 %"
    assert model.verdict_of(by_code["MOIST"]) == "warning"
    assert by_code["PH"].value == 12.4 and model.verdict_of(by_code["PH"]) == "fail"
    assert by_code["PB"].flag == "<" and model.shown_text(by_code["PB"]) == "< 0.010 mg/kg"
    assert by_code["TPC"].value == 12000 and model.verdict_of(by_code["TPC"]) == "fail"
    assert all(a.value_text or a.flag or a.value is not None for a in model.analyses())

    # -- submit ---------------------------------------------------------------------------------------
    assert entry.submit_button.isEnabled()
    entry.submit_button.click()
    _idle(qtbot, tech_page)
    qtbot.waitUntil(lambda: all(a.state == "to_be_verified" for a in entry.model.analyses()), timeout=10_000)
    assert not entry.verify_button.isEnabled(), "a technician may not verify"

    # -- a second user verifies, after reviewing the selection -----------------------------------------
    ver_page = _page(qtbot, lab_envs["ver"])
    ver_page.select_sample(lab_no)
    qtbot.waitUntil(
        lambda: ver_page.panel.detail is not None and ver_page.panel.detail.lab_no == lab_no, timeout=10_000
    )
    ventry = ver_page.panel.entry
    ventry.grid.selectAll()
    assert ventry.verify_button.isEnabled()
    ventry.verify_button.click()
    assert any("ตรวจสอบผล" in t or "Verify" in t for t in dialogs), dialogs
    _idle(qtbot, ver_page)
    qtbot.waitUntil(lambda: ver_page.panel.detail.state == "verified", timeout=10_000)

    # -- publish, preview, print -----------------------------------------------------------------------
    panel = ver_page.panel
    assert panel.publish_button.isEnabled()
    panel.publish_button.click()
    _idle(qtbot, ver_page)
    qtbot.waitUntil(lambda: bool(panel.detail.current_report), timeout=10_000)
    first_report = panel.detail.current_report
    panel.report_button.click()
    qtbot.waitUntil(lambda: panel.preview is not None, timeout=20_000)
    preview = panel.preview
    assert preview.pdf.startswith(b"%PDF")
    if shutil.which("pdftoppm"):
        qtbot.waitUntil(lambda: preview.page_count >= 1, timeout=20_000)
        out = tmp_path / "printed.pdf"
        print_to_pdf_file(qtbot, preview, preview.print_button, str(out))
        qtbot.waitUntil(lambda: str(out) in preview.status.text(), timeout=30_000)
        assert out.stat().st_size > 10_000
    preview.close()

    # -- amend: a new number, the old report kept and marked replaced ---------------------------------
    assert panel.amend_button.isEnabled()
    panel.amend_button.click()
    amend = panel.dialog
    amend.reason.setPlainText("ชื่อผู้ขอรับบริการไม่ตรงกับหนังสือรับรอง")
    amend.edits["customer_name"].setText("วิสาหกิจชุมชนกล้วยตากบ้านนาดี")
    amend.accept()
    _idle(qtbot, ver_page)
    qtbot.waitUntil(lambda: panel.detail.current_report not in ("", first_report), timeout=10_000)
    states = {r["report_no"]: r["state"] for r in panel.detail.reports}
    assert states[first_report] == "replaced" and states[panel.detail.current_report] == "published"

    with lab_envs["ver"].db.session() as s:
        old = s.scalars(select(LabReport).where(LabReport.report_no == first_report)).one()
        new = s.scalars(select(LabReport).where(LabReport.report_no == panel.detail.current_report)).one()
        assert new.replaces_id == old.id and "หนังสือรับรอง" in new.amendment_reason
        assert old.content["customer"] == "วิสาหกิจชุมชนกล้วยตากบ้านนา"
        analyses = s.scalars(select(LabAnalysis)).all()
        assert all(a.submitted_by != a.verified_by for a in analyses)


def test_the_submitter_is_not_offered_verification_of_their_own_results(qtbot, lab_envs) -> None:  # type: ignore[no-untyped-def]
    env = lab_envs["ver"]
    with env.db.session() as s, s.begin():
        ctx = lab.lab_context(s, env.user.id)
        req = lab.create_request(
            ctx, customer_name="ร้านทดสอบ", samples=[lab.SampleInput("น้ำพริก", ["PH"], product_type="food")]
        )
        sample = lab.request_samples(s, req.id)[0]
        lab.receive_sample(ctx, sample, condition="ปกติ")
        a = s.scalars(select(LabAnalysis).where(LabAnalysis.sample_id == sample.id)).one()
        lab.set_result(ctx, a, "6.5")
        lab.submit(ctx, [a])
        lab_no = sample.lab_no
    page = _page(qtbot, env)
    page.select_sample(lab_no)
    qtbot.waitUntil(
        lambda: page.panel.detail is not None and page.panel.detail.lab_no == lab_no, timeout=10_000
    )
    entry = page.panel.entry
    entry.grid.selectAll()
    assert not entry.verify_button.isEnabled()
    assert "four-eyes" in entry.verify_button.toolTip() or "หลักสี่ตา" in entry.verify_button.toolTip()


def test_catalog_editor_changes_go_through_the_service(qtbot, lab_envs, env) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, env)  # the administrator may maintain the catalog
    page.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: page._catalog_loaded, timeout=10_000)
    model = page.catalog.tests_model
    from dipdesk.store.lab_defaults import DEFAULT_TESTS  # the catalog every installation ships with

    assert model.editable and len(model.rows) == 10 + len(DEFAULT_TESTS)
    row = next(i for i, r in enumerate(model.rows) if r["code"] == "PH")
    decimals = next(c for c, (k, _) in enumerate(model.columns) if k == "decimals")
    model.setData(model.index(row, decimals), "9")  # refused: decimals must be 0 to 6
    _idle(qtbot, page)
    assert page.last_message[1] is True and model.rows[row]["decimals"] == 2
    model.setData(model.index(row, decimals), "1")
    _idle(qtbot, page)
    assert model.rows[row]["decimals"] == 1
    formula = next(c for c, (k, _) in enumerate(model.columns) if k == "formula")
    model.setData(model.index(row, formula), "__import__('os')")
    _idle(qtbot, page)
    assert page.last_message[1] is True and model.rows[row]["formula"] == ""
    tech_page = _page(qtbot, lab_envs["tech"])
    tech_page.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: tech_page._catalog_loaded, timeout=10_000)
    assert not tech_page.catalog.tests_model.editable


def _row(code: str, **kw) -> lab.AnalysisRow:  # type: ignore[no-untyped-def]
    fields = dict(
        id=f"a-{code}", sample_id="s1", lab_no="L2569-IPC1-00001", product_type="food", test_id=f"t-{code}",
        code=code, name_th=code, name_en="", method="", unit="%", result_type="numeric", choices=(), decimals=2,
        lod=None, upper=None, formula="", interim_fields=(), interim={}, value_text="", value=None, flag="",
        state="registered", spec=None, submitted_by="", submitted_by_id=None, verified_by="", retest=False,
        remarks="",
    )  # fmt: skip
    fields.update(kw)
    return lab.AnalysisRow(**fields)  # type: ignore[arg-type]


def test_a_result_calculated_from_another_result_follows_it_live(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Ash on dry basis uses the moisture result (itself calculated), solids only the moisture result:
    both follow the moisture readings as they are typed, and their rows are redrawn."""
    model = ResultModel()
    moist = _row("MOIST", formula="(wet - dry) / wet * 100",
                 interim_fields=(("wet", "น้ำหนักก่อนอบ", "g"), ("dry", "น้ำหนักหลังอบ", "g")))  # fmt: skip
    ashdb = _row("ASHDB", formula="ash / (100 - MOIST) * 100", interim_fields=(("ash", "เถ้า", "%"),))
    solid = _row("SOLID", formula="100 - MOIST")
    retracted = _row("MOIST", id="a-old", state="retracted", value=50.0, value_text="50")
    model.set_analyses([retracted, moist, ashdb, solid], can_enter=True)
    assert not model.editable(model.row_of(solid.id)), "a calculated result is not typed"
    model.commit(model.row_of(ashdb.id, "ash"), "9")
    model.commit(model.row_of(moist.id, "wet"), "3.0000")
    assert model.shown_text(ashdb) == "" and model.shown_text(solid) == "", "moisture is not known yet"
    redrawn: list[int] = []
    model.dataChanged.connect(lambda top, bottom, *_: redrawn.extend(range(top.row(), bottom.row() + 1)))
    model.commit(model.row_of(moist.id, "dry"), "2.7000")  # 10 %
    assert model.shown_text(ashdb) == "10.00 %" and model.shown_text(solid) == "90.00 %"
    assert {model.row_of(ashdb.id), model.row_of(solid.id)} <= set(redrawn)
    redrawn.clear()
    model.set_preview(model.row_of(moist.id, "dry"), "2.4")  # 20 %, while typing
    assert model.shown_text(ashdb) == "11.25 %" and model.shown_text(solid) == "80.00 %"
    assert model.row_of(solid.id) in redrawn
    model.clear_preview()
    assert model.pending_save(solid.id)[1] == {}, "saved as a calculation, not as typed text"
