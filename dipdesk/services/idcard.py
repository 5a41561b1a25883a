"""Reading Thai national ID cards through PC/SC (pyscard): the readers Thai offices already have.

`reader_names()` lists the readers pcscd (Linux, macOS) or the Windows smart-card service knows;
`read_card(reader)` reads the card in one of them with `dipdesk.core.thaicard`. Nothing here raises for
a machine without a reader: `availability()` says in one line why the card reader cannot be used, and
the screens hide the feature with that line. No Qt; the GUI calls this from its own reader thread.
"""

from __future__ import annotations

import contextlib
import importlib.util
import threading
from dataclasses import dataclass

from dipdesk.core.thaicard import CardData, CardError
from dipdesk.core.thaicard import read_card as _read_card


def pyscard_available() -> bool:
    return importlib.util.find_spec("smartcard") is not None


@dataclass(frozen=True)
class Availability:
    """Whether cards can be read here; when not, `reason_th`/`reason_en` say why in one line."""

    ok: bool
    readers: tuple[str, ...] = ()
    reason_th: str = ""
    reason_en: str = ""

    def reason(self, lang: str = "th") -> str:
        return self.reason_en if lang == "en" else self.reason_th


class NoCard(Exception):
    """The reader is empty (or the card was pulled out while being read)."""


def reader_names() -> list[str]:
    """The PC/SC readers; [] without pyscard or without the smart-card service."""
    if not pyscard_available():
        return []
    from smartcard.Exceptions import SmartcardException
    from smartcard.System import readers

    try:
        return [str(r) for r in readers()]
    except SmartcardException:
        return []
    except Exception:
        return []


def availability() -> Availability:
    if not pyscard_available():
        return Availability(
            False,
            reason_th="ยังไม่ได้ติดตั้งโปรแกรมอ่านบัตร (pyscard): กรอกข้อมูลด้วยมือแทน",
            reason_en="The card-reading library (pyscard) is not installed: type the details instead",
        )
    names = reader_names()
    if not names:
        return Availability(
            False,
            reason_th="ไม่พบเครื่องอ่านบัตรประชาชน (หรือบริการ PC/SC ไม่ทำงาน): กรอกข้อมูลด้วยมือแทน",
            reason_en="No ID card reader found (or the PC/SC service is not running): type the details instead",
        )
    return Availability(True, readers=tuple(names))


# One conversation with a card at a time in this process: a read is several APDUs whose answers come
# back with GET RESPONSE, so two threads talking to the same card at once would take each other's data.
_CARD_LOCK = threading.Lock()


def card_present(reader: str) -> bytes | None:
    """The ATR of the card in `reader`, or None when it is empty."""
    with _CARD_LOCK:
        return _card_present(reader)


def _card_present(reader: str) -> bytes | None:
    from smartcard.Exceptions import SmartcardException
    from smartcard.System import readers

    try:
        found = readers()
    except Exception:
        return None
    for r in found:
        if str(r) != reader:
            continue
        conn = r.createConnection()
        try:
            conn.connect()
            return bytes(conn.getATR())
        except SmartcardException:
            return None
        finally:
            with contextlib.suppress(SmartcardException):
                conn.disconnect()
    return None


def read_card(reader: str, *, photo: bool = False) -> CardData:
    """Read the Thai ID card in `reader` (its name as `reader_names` gives it).

    Raises NoCard when there is no card, `CardError` when the card is not a Thai ID card or refuses.
    """
    with _CARD_LOCK:
        return _read(reader, photo=photo)


def _read(reader: str, *, photo: bool) -> CardData:
    from smartcard.Exceptions import SmartcardException
    from smartcard.System import readers

    found = [r for r in readers() if str(r) == reader]
    if not found:
        raise NoCard(f"no reader {reader!r}")
    conn = found[0].createConnection()
    try:
        conn.connect()
    except SmartcardException as exc:
        raise NoCard(str(exc)) from exc
    try:

        def transmit(apdu: list[int]) -> tuple[list[int], int, int]:
            data, sw1, sw2 = conn.transmit(apdu)
            return list(data), sw1, sw2

        try:  # a card pulled out at any moment (even before its ATR is read) is "no card"
            atr = list(conn.getATR())
            return _read_card(transmit, atr, photo=photo)
        except SmartcardException as exc:
            raise NoCard(str(exc)) from exc
    finally:
        with contextlib.suppress(SmartcardException):
            conn.disconnect()


__all__ = [
    "Availability",
    "CardData",
    "CardError",
    "NoCard",
    "availability",
    "card_present",
    "pyscard_available",
    "read_card",
    "reader_names",
]
