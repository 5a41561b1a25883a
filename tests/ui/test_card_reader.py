"""The Thai ID card in the enroll dialog and the attendance grid, through pcscd and the virtual reader."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hardware"))

from thaicard_vicc import VirtualThaiCard, sample_image
from vpcd import virtual_reader

from dipdesk.core.thaiid import make_id
from dipdesk.services import records
from dipdesk.services.context import system_context
from dipdesk.store.enrollment import Attendance, Enrollment
from dipdesk.store.people import Person
from dipdesk.store.programs import Activity, ActivitySession
from dipdesk.ui.attendance import AttendanceGrid, EnrollmentDialog, context_factory
from dipdesk.ui.attendance.card_reader import CardReaderBar

# screenshots for docs/screenshots when DIPDESK_SCREENSHOTS names that folder; else a temporary one
SHOTS = Path(os.environ.get("DIPDESK_SCREENSHOTS") or tempfile.mkdtemp(prefix="shots-"))


@pytest.fixture
def card_slot():  # type: ignore[no-untyped-def]
    virtual_reader()
    cards: list[VirtualThaiCard] = []

    def put(image: bytes) -> VirtualThaiCard:
        card = VirtualThaiCard(image)
        card.insert()
        cards.append(card)
        return card

    yield put
    for card in cards:
        card.remove()


def _wait_ready(qtbot, bar: CardReaderBar) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: bar.last_code == "ready", timeout=10_000)


def test_the_enroll_dialog_reads_a_card(qtbot, env, card_slot) -> None:  # type: ignore[no-untyped-def]
    with env.db.session() as s:
        activity_id = s.scalars(select(Activity.id).where(Activity.code == "A-001")).one()
    dialog = EnrollmentDialog(env.db, context_factory(env.user), activity_id)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    _wait_ready(qtbot, dialog.card_bar)
    assert "พร้อม" in dialog.card_bar.label.text()
    card_slot(sample_image())
    qtbot.waitUntil(lambda: dialog.first.text() == "ฤดี", timeout=10_000)
    assert dialog.prefix.currentText() == "นางสาว" and dialog.last.text() == "ฦๅษา"
    assert dialog.national_id.text() == make_id("110370012345")
    assert dialog.card_details.isVisibleTo(dialog) and "Ruedee" in dialog.card_details.text()
    assert "4 พ.ค. 2533" in dialog.card_details.text() or "2533" in dialog.card_details.text()
    assert dialog.create_button.isEnabled()
    dialog.scroll.ensureWidgetVisible(dialog.card_details)
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "enroll_card.png"))
    with qtbot.waitSignal(dialog.enrolled, timeout=10_000):
        dialog.create_button.click()
    with env.db.session() as s:
        person = s.scalars(select(Person).where(Person.national_id == make_id("110370012345"))).one()
        assert (person.first_name_en, person.last_name_en) == ("Ruedee", "Luesa")
        assert person.birth_date == dt.date(1990, 5, 4) and person.gender == "F"
        assert "จังหวัดเชียงใหม่" in person.address
        assert (
            s.scalars(select(Enrollment).where(Enrollment.person_id == person.id)).one().activity_id
            == activity_id
        )
    dialog.card_bar.stop()


def _activity_today(db) -> str:  # type: ignore[no-untyped-def]
    today = dt.date.today()
    with db.session() as s:
        ctx = system_context(s)
        activity = s.scalars(select(Activity).where(Activity.code == "A-001")).one()
        records.update(ctx, activity, start_date=today - dt.timedelta(days=1), end_date=today)
        for seq, day in ((1, today - dt.timedelta(days=1)), (2, today)):
            records.create(ctx, ActivitySession, activity_id=activity.id, seq=seq, day=day, hours=6)
        s.commit()
        return activity.id


def test_a_tap_at_the_grid_ticks_today_once(qtbot, env, card_slot) -> None:  # type: ignore[no-untyped-def]
    activity_id = _activity_today(env.db)
    grid = AttendanceGrid(env.db, context_factory(env.user), activity_id)
    qtbot.addWidget(grid)
    grid.resize(1366, 768)
    grid.show()
    qtbot.waitUntil(lambda: grid.is_ready, timeout=5000)
    _wait_ready(qtbot, grid.card_bar)
    # an unsaved mark on yesterday's column survives the refresh a tap makes
    grid.model.set_present(1, grid.model.sessions[0].id, True)
    somsri = sample_image("110170012345", name_th="นาง#สมศรี##รักไทย", name_en="")
    card = card_slot(somsri)
    qtbot.waitUntil(lambda: len(grid.card_taps) == 1, timeout=10_000)
    assert not grid.card_taps[0].already and not grid.card_taps[0].new_enrollment
    assert grid.card_bar.label.text() == "นางสมศรี รักไทย ลงเวลาเข้าอบรมวันนี้แล้ว"
    qtbot.waitUntil(lambda: any(r.marks for r in grid.model.rows), timeout=5000)
    assert len(grid.model.pending) == 1, "the unsaved mark is kept"
    card.remove()
    time.sleep(0.6)  # the reader sees the card go, then come back: a second tap
    card_slot(somsri)
    qtbot.waitUntil(lambda: len(grid.card_taps) == 2, timeout=10_000)
    assert grid.card_taps[1].already
    assert grid.card_bar.label.text() == "นางสมศรี รักไทย ลงเวลาวันนี้ไปแล้ว"
    SHOTS.mkdir(parents=True, exist_ok=True)
    grid.grab().save(str(SHOTS / "attendance_card_tap.png"))
    with env.db.session() as s:
        marks = s.scalars(
            select(Attendance).join(Enrollment, Enrollment.id == Attendance.enrollment_id)
            .where(Enrollment.activity_id == activity_id)
        ).all()  # fmt: skip
        assert [(m.present, m.hours) for m in marks] == [(True, 6)]
    grid.card_bar.stop()


def test_without_pcsc_the_reader_hides_behind_one_line(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("smartcard")
    import smartcard.System
    from smartcard.pcsc.PCSCExceptions import EstablishContextException

    def no_service() -> list[object]:
        raise EstablishContextException(0x8010001D)  # SCARD_E_NO_SERVICE: pcscd is not running

    monkeypatch.setattr(smartcard.System, "readers", no_service)
    bar = CardReaderBar()
    qtbot.addWidget(bar)
    bar.show()  # a bar polls only while on screen
    qtbot.waitUntil(lambda: bar.last_code == "unavailable", timeout=5000)
    assert not bar.available
    assert bar.label.text().startswith("ไม่พบเครื่องอ่านบัตรประชาชน") and "\n" not in bar.label.text()
    bar.stop()
