"""The Thai ID card reader in the enroll dialog and the attendance grid (อ่านบัตรประชาชน).

A `CardReaderBar` watches the PC/SC readers from its own thread (pyscard calls block, so they never run
on the GUI thread) and emits `card_read(CardData)` each time a card is put in. Without pyscard, pcscd or
a reader it shows one muted line saying why and does nothing else; a reader plugged in later is found by
the next poll.

`attach_to_grid(grid)` puts a bar on the attendance grid: a tap enrolls the holder if needed and ticks
today's training day (`dipdesk.services.checkin`), a second tap the same day is ignored.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from dipdesk.core.thaicard import CardData, CardError
from dipdesk.services import checkin, idcard
from dipdesk.services.errors import ServiceError
from dipdesk.ui import theme, workers
from dipdesk.ui.attendance.signin_box import refresh_keeping_marks
from dipdesk.ui.i18n import current_language

POLL_SECONDS = 0.4


class _Bridge(QObject):
    """Carries the reader thread's news to the GUI thread (queued signals)."""

    state = Signal(str, str)  # code, detail
    card = Signal(object)


class CardReaderBar(QWidget):
    """A one-line status of the card reader; `card_read` carries each card read."""

    card_read = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, poll: float = POLL_SECONDS) -> None:
        super().__init__(parent)
        self.setObjectName("cardReaderBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self.tr("Looking for an ID card reader…"))
        self.label.setObjectName("muted")
        self.label.setWordWrap(True)
        row.addWidget(self.label, 1)
        self.available = False
        self.reader = ""
        self.last_code = ""
        self._bridge = _Bridge()
        self._bridge.state.connect(self._on_state)
        self._bridge.card.connect(self._on_card)
        self._stop = threading.Event()
        self._shown = threading.Event()  # poll only while on screen: a hidden dialog takes no taps
        self._thread = threading.Thread(target=self._watch, args=(poll,), name="card-reader", daemon=True)
        self._thread.start()
        self.destroyed.connect(lambda *_a, ev=self._stop: ev.set())

    # --- the reader thread -------------------------------------------------------------------------

    def _emit(self, signal: Any, *args: Any) -> bool:
        if self._stop.is_set() or not shiboken6.isValid(self._bridge):
            return False
        try:
            signal.emit(*args)
        except RuntimeError:  # the bar was deleted between the check and the emit
            return False
        return True

    def _watch(self, poll: float) -> None:
        """Poll until stopped; a PC/SC failure (pcscd restarting, a reader pulled out) never ends it."""
        while not self._stop.is_set():
            try:
                self._poll_loop(poll)
                return
            except Exception as exc:
                self._emit(self._bridge.state, "error", str(exc))
                self._stop.wait(poll)

    def _poll_loop(self, poll: float) -> None:
        last_state: tuple[str, str] | None = None
        inserted: dict[str, bytes] = {}
        while not self._stop.is_set():
            if not self._shown.is_set():
                inserted.clear()  # shown again: a card already in the reader is read once
                self._shown.wait(poll)
                continue
            avail = idcard.availability()
            if not avail.ok:
                state = ("unavailable", avail.reason(current_language()))
                inserted.clear()
            else:
                state = ("ready", avail.readers[0])
                for reader in avail.readers:
                    atr = idcard.card_present(reader)
                    if atr is None:
                        inserted.pop(reader, None)
                        continue
                    if inserted.get(reader) == atr:
                        continue  # the same card still in: read once per insertion
                    inserted[reader] = atr
                    self._emit(self._bridge.state, "reading", reader)
                    try:
                        card = idcard.read_card(reader)
                    except idcard.NoCard:
                        inserted.pop(reader, None)
                        continue
                    except CardError as exc:
                        msg = exc.message_en if current_language() == "en" else exc.message_th
                        self._emit(self._bridge.state, "error", msg)
                        last_state = None
                        continue
                    if not self._emit(self._bridge.card, card):
                        return
                    last_state = state  # the card's result stays on the line until the next change
            if state != last_state:
                if not self._emit(self._bridge.state, *state):
                    return
                last_state = state
            self._stop.wait(poll)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._shown.set()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._shown.clear()

    def stop(self) -> None:
        """Stop watching (the thread ends within one poll)."""
        self._stop.set()
        self._thread.join(5)

    # --- on the GUI thread -------------------------------------------------------------------------

    def _on_state(self, code: str, detail: str) -> None:
        self.last_code = code
        self.available = code != "unavailable"
        if code == "unavailable":
            self.label.setObjectName("muted")
            self.label.setText(detail)
        elif code == "ready":
            self.reader = detail
            self.label.setObjectName("")
            self.label.setText(self.tr("ID card reader ready: put a Thai ID card in to read it (%1)")
                               .replace("%1", detail))  # fmt: skip
        elif code == "reading":
            self.label.setText(self.tr("Reading the card…"))
        else:
            self.label.setText(self.tr("The card could not be read: %1").replace("%1", detail))
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)

    def _on_card(self, card: CardData) -> None:
        self.label.setText(self.tr("Card read: %1").replace("%1", card_holder(card)))
        self.card_read.emit(card)

    def show_result(self, text: str, *, error: bool = False) -> None:
        c = theme.colors(theme.current_theme())
        self.label.setStyleSheet(f"color: {c['danger'] if error else c['success']}")
        self.label.setText(text)


def card_holder(card: CardData) -> str:
    n = card.name_th if card.name_th.first else card.name_en
    return " ".join(x for x in (n.prefix + n.first, n.middle, n.last) if x)


def attach_to_grid(grid: Any, index: int = 2) -> CardReaderBar:
    """Put a card reader bar on the attendance grid (below its title and rule): each card tapped is
    checked in for today's training day and the grid refreshes, keeping its unsaved marks. (`grid` is
    the `AttendanceGrid`; not imported here, which imports this module.)"""
    bar = CardReaderBar(grid)
    layout = grid.layout()
    if hasattr(layout, "insertWidget"):
        layout.insertWidget(index, bar)
    taps: list[checkin.CheckIn] = []
    grid.card_taps = taps

    def tapped(card: CardData) -> None:
        today = dt.date.today()

        def write(task: workers.Task) -> checkin.CheckIn:
            with grid.db.session() as s:
                result = checkin.check_in_card(grid.ctx_factory(s), grid.activity_id, card, today)
                s.commit()
                return result

        workers.run_task(write, on_done=done, on_error=failed, owner=grid)

    def done(result: checkin.CheckIn) -> None:
        taps.append(result)
        name = result.name
        if result.already:
            text = QCoreApplication.translate("CardReaderBar", "%1 was already checked in today.").replace(
                "%1", name
            )
        elif result.new_enrollment:
            text = QCoreApplication.translate(
                "CardReaderBar", "%1 enrolled and checked in for today."
            ).replace("%1", name)
        else:
            text = QCoreApplication.translate("CardReaderBar", "%1 checked in for today.").replace("%1", name)
        bar.show_result(text)
        if not result.already:
            refresh_keeping_marks(grid)

    def failed(exc: BaseException) -> None:
        text = exc.message(current_language()) if isinstance(exc, ServiceError) else str(exc)
        bar.show_result(text, error=True)

    bar.card_read.connect(tapped)
    return bar
