"""A virtual Thai national ID card for vsmartcard's virtual reader (vpcd).

vpcd is a PC/SC reader driver loaded by pcscd; it listens on 127.0.0.1:35963 and a "virtual ICC" (this
class) connects to it. While connected the card is in the reader. Messages both ways are a 2-byte
big-endian length and that many bytes: one byte from vpcd is a control code (0 power off, 1 power on,
2 reset, 4 ask for the ATR, answered with the ATR); anything longer is a command APDU, answered with the
response APDU. The card answers like a real one: SELECT of the MOI applet, then `80 B0` reads at fixed
offsets of its file (answered `61 xx`, the bytes fetched with GET RESPONSE).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import socket
import struct
import threading

from dipdesk.core.thaicard import APPLET, card_image
from dipdesk.core.thaiid import make_id

VPCD_HOST = "127.0.0.1"
VPCD_PORT = 35963
ATR = bytes.fromhex("3B 78 18 00 00 54 48 00 01 00 00 00".replace(" ", ""))  # an ATR like the newer cards'
ATR_OLD = bytes.fromhex("3B67000000000000009000")  # older cards: GET RESPONSE with P2 = 01

SW_OK = b"\x90\x00"
SW_NOT_FOUND = b"\x6a\x82"
SW_WRONG_INS = b"\x6d\x00"
SW_NO_SELECT = b"\x69\x85"
SW_WRONG_P = b"\x6b\x00"


class VirtualThaiCard:
    """One card image (`dipdesk.core.thaicard.card_image`) put into the virtual reader by `insert()`
    and taken out by `remove()`. `apdus` records every command it received."""

    def __init__(self, image: bytes, *, atr: bytes = ATR) -> None:
        self.image = image
        self.atr = atr
        self.apdus: list[bytes] = []
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._selected = False
        self._pending = b""

    # --- the card's behaviour ----------------------------------------------------------------------

    def respond(self, apdu: bytes) -> bytes:
        self.apdus.append(apdu)
        if len(apdu) < 4:
            return SW_WRONG_INS
        cla, ins, p1, p2 = apdu[:4]
        if ins == 0xA4:  # SELECT by AID
            self._selected = apdu[5 : 5 + apdu[4]] == APPLET if len(apdu) > 5 else False
            return SW_OK if self._selected else SW_NOT_FOUND
        if ins == 0xB0 and cla == 0x80:  # read at offset: 80 B0 hi lo 02 00 len
            if not self._selected:
                return SW_NO_SELECT
            offset, length = p1 << 8 | p2, apdu[-1] or 256
            if offset + length > len(self.image):
                return SW_WRONG_P
            self._pending = self.image[offset : offset + length]
            return bytes([0x61, len(self._pending) & 0xFF])
        if ins == 0xC0:  # GET RESPONSE
            want_p2 = 0x01 if self.atr[:2] == b"\x3b\x67" else 0x00
            if p2 != want_p2 or not self._pending:
                return SW_WRONG_P
            out, self._pending = self._pending[: apdu[4] or 256], b""
            return out + SW_OK
        return SW_WRONG_INS

    # --- talking to vpcd ---------------------------------------------------------------------------

    def insert(self, timeout: float = 5.0) -> None:
        """Connect to vpcd: the reader now has this card."""
        sock = socket.create_connection((VPCD_HOST, VPCD_PORT), timeout=timeout)
        sock.settimeout(None)
        self._sock = sock
        self._thread = threading.Thread(target=self._serve, args=(sock,), daemon=True)
        self._thread.start()

    def remove(self) -> None:
        """Disconnect: the card leaves the reader."""
        sock, self._sock = self._sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None

    def _serve(self, sock: socket.socket) -> None:
        try:
            while True:
                head = _recv_exact(sock, 2)
                if head is None:
                    return
                (size,) = struct.unpack(">H", head)
                msg = _recv_exact(sock, size)
                if msg is None:
                    return
                if size == 1:
                    code = msg[0]
                    if code in (0, 2):  # power off, reset: the applet must be selected again
                        self._selected, self._pending = False, b""
                    elif code == 4:
                        sock.sendall(struct.pack(">H", len(self.atr)) + self.atr)
                    continue
                reply = self.respond(msg)
                sock.sendall(struct.pack(">H", len(reply)) + reply)
        except OSError:
            return


def _recv_exact(sock: socket.socket, size: int) -> bytes | None:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def sample_image(first12: str = "110370012345", **over: object) -> bytes:
    """A card of นางสาวฤดี ฦๅษา (ฤ/ฦ names), born 4 May 1990 (2533 BE), Chiang Mai."""
    fields: dict[str, object] = dict(
        national_id=make_id(first12),
        name_th="นางสาว#ฤดี##ฦๅษา",
        name_en="Miss#Ruedee##Luesa",
        birth_date="25330504",
        gender="2",
        address="99/1#หมู่ที่ 4####ตำบลบ้านใหม่#อำเภอเมืองเชียงใหม่#จังหวัดเชียงใหม่",
        issuer="อำเภอเมืองเชียงใหม่/เชียงใหม่",
        issued_on="25640101",
        expires_on=f"{dt.date.today().year + 543 + 5}0504",
    )
    fields.update(over)
    return card_image(**fields)  # type: ignore[arg-type]
