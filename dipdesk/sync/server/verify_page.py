"""The public certificate check, `GET /verify/SERIAL?p=…`, the address inside a certificate's QR code.

It names the holder and the activity only when `p` (the signed record the QR code carries) is genuine:
signed by the issuing site's key and about this serial; then the names shown are the signed ones. Without
`p` the page says only whether the serial is valid or revoked, so guessing serials learns no names; a
tampered `p` is called what it is. One address may ask `RATE_LIMIT` times a minute (then 429).
"""

from __future__ import annotations

import base64
import binascii
import html
from typing import Annotated, Any

from fastapi import FastAPI, Path, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from dipdesk.core import certcode
from dipdesk.store.certificates import Certificate
from dipdesk.store.reference import Site
from dipdesk.sync.server.db import ServerDB
from dipdesk.sync.server.ratelimit import RateLimit

RATE_LIMIT = 30  # requests a minute from one address

_STATES = {
    "valid": ("ใบรับรองนี้ถูกต้อง", "#1b7f3b", "กรมส่งเสริมอุตสาหกรรมออกใบรับรองฉบับนี้ และยังมีผลอยู่"),
    "revoked": ("ใบรับรองนี้ถูกเพิกถอนแล้ว", "#b3261e", "ใบรับรองฉบับนี้เคยออกโดยกรมส่งเสริมอุตสาหกรรม แต่ถูกเพิกถอนแล้ว"),
    "unknown": ("ไม่พบใบรับรองเลขที่นี้", "#6b6b6b", "ไม่มีใบรับรองเลขที่นี้ในระบบของกรมส่งเสริมอุตสาหกรรม"),
    "forged": (
        "ข้อมูลในรหัสไม่ถูกต้อง",
        "#b3261e",
        "ลายมือชื่อดิจิทัลไม่ตรง: ข้อมูลในรหัสถูกแก้ไข หรือไม่ได้ออกโดยกรมส่งเสริมอุตสาหกรรม",
    ),
    "pending": (
        "ลายมือชื่อถูกต้อง แต่ยังไม่มีบันทึกการออกในระบบกลาง",
        "#8a6d00",
        "หน่วยงานผู้ออกยังไม่ได้ซิงก์ข้อมูล: ตรวจการเพิกถอนยังไม่ได้ โปรดลองใหม่ภายหลัง",
    ),
    "busy": (
        "ตรวจสอบถี่เกินไป",
        "#6b6b6b",
        "โปรดรอสักครู่แล้วลองใหม่ / too many checks from this address, try again shortly",
    ),
}
_NO_NAMES = "สแกนคิวอาร์โค้ดบนใบรับรองเพื่อดูชื่อผู้ได้รับและกิจกรรม"


def page(serial: str, state: str, name: str = "", activity: str = "") -> str:
    title, colour, text = _STATES[state]
    esc = html.escape
    details = ""
    if name or activity:
        details = (
            f"<dl><dt>ชื่อผู้ได้รับ</dt><dd>{esc(name)}</dd><dt>กิจกรรม / หลักสูตร</dt><dd>{esc(activity)}</dd></dl>"
        )
    elif state in ("valid", "revoked"):
        details = f"<p>{esc(_NO_NAMES)}</p>"
    return (
        '<!doctype html><html lang="th"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>ตรวจสอบใบรับรอง {esc(serial)}</title>"
        "<style>body{font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em}"
        f"h1{{color:{colour}}}dt{{font-weight:bold;margin-top:.8em}}</style></head><body>"
        f"<p>กรมส่งเสริมอุตสาหกรรม · ตรวจสอบใบรับรอง</p><h1>{esc(title)}</h1>"
        f"<p>เลขที่ <strong>{esc(serial)}</strong></p><p>{esc(text)}</p>{details}</body></html>"
    )


def _record(token: str) -> tuple[certcode.Payload, bytes, bytes] | None:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (binascii.Error, ValueError):
        return None
    if len(raw) <= certcode._SIG_LEN:
        return None
    body, signature = raw[: -certcode._SIG_LEN], raw[-certcode._SIG_LEN :]
    try:
        return certcode.unpack(body), body, signature
    except (certcode.PayloadError, ValueError, OverflowError):
        return None


def add_verify_route(app: FastAPI, db: ServerDB) -> None:
    limit = RateLimit(RATE_LIMIT, 60.0)
    app.state.verify_limit = limit

    @app.get("/verify/{serial}", response_class=HTMLResponse)
    def verify_certificate(
        request: Request,
        serial: Annotated[str, Path(max_length=60)],
        p: Annotated[str | None, Query(max_length=4000)] = None,
    ) -> HTMLResponse:
        serial = serial.replace("\x00", "")
        client = request.client.host if request.client else "?"
        if not limit.allow(client):
            return HTMLResponse(
                page(serial, "busy"), status_code=429, headers={"Retry-After": str(limit.retry_after(client))}
            )
        with db.read.connect() as conn:
            state = conn.execute(
                select(Certificate.state).where(Certificate.serial == serial, Certificate.deleted.is_(False))
            ).scalar()
            signed: Any = None
            if p is not None:
                record = _record(p)
                if record is not None and record[0].serial == serial:
                    key = conn.execute(
                        select(Site.public_key).where(
                            Site.code == record[0].site_code, Site.deleted.is_(False)
                        )
                    ).scalar()
                    if key and certcode.signature_valid(key, record[1], record[2]):
                        signed = record[0]
        if p is not None and signed is None:
            return HTMLResponse(page(serial, "forged"), status_code=400)
        if state is None:
            if signed is not None:
                return HTMLResponse(page(serial, "pending", signed.holder, signed.activity))
            return HTMLResponse(page(serial, "unknown"), status_code=404)
        shown = "valid" if state == "issued" else "revoked"
        if signed is None:
            return HTMLResponse(page(serial, shown))
        return HTMLResponse(page(serial, shown, signed.holder, signed.activity))
