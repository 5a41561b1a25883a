"""Enrolled devices: enrolment with a one-time code, listing and revoking (issue 17).

A code is used by exactly one enrolment even when many arrive at once on several workers: it is taken by
a conditional UPDATE (`… WHERE used_at IS NULL`), and only the request whose update changed the row goes
on. Codes expire `CODE_TTL` after they were made. A device enrolling again (after a revocation, or with a
fresh code after losing its credential) keeps its id and the sequence of its uploads, with a new secret.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from dipdesk.store.base import utcnow
from dipdesk.store.reference import Site
from dipdesk.store.sync import DEVICES, ENROL_CODES
from dipdesk.sync.server.db import ServerDB, hash_secret, normalise_code

CODE_TTL = dt.timedelta(hours=72)


class EnrolRefused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


REFUSED_CODE = "รหัสลงทะเบียนไม่ถูกต้อง หมดอายุ หรือถูกใช้ไปแล้ว / unknown, expired or already used enrolment code"


@dataclass
class Enrolled:
    device_id: str
    secret: str
    site: dict[str, Any]


def _naive(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC).replace(tzinfo=None) if value.tzinfo else value


def enrol(conn: Connection, code: str, device_id: str | None, site_id: str | None, label: str) -> Enrolled:
    """Use `code` (inside the caller's write transaction) to enrol a device; raises EnrolRefused."""
    ct, dt_ = ENROL_CODES, DEVICES
    code_hash = hash_secret(normalise_code(code))
    row = conn.execute(select(ct).where(ct.c.code_hash == code_hash)).mappings().first()
    now = utcnow()
    if row is None or row["used_at"] is not None or _naive(row["created_at"]) + CODE_TTL < _naive(now):
        raise EnrolRefused(403, REFUSED_CODE)
    if site_id and site_id != row["site_id"]:
        theirs = conn.execute(select(Site.code).where(Site.id == row["site_id"])).scalar()
        raise EnrolRefused(
            409,
            f"รหัสนี้เป็นของหน่วยงาน {theirs} แต่ฐานข้อมูลในเครื่องเป็นของหน่วยงานอื่น / "
            f"this code enrols a device of site {theirs}, but this database belongs to another site "
            "(the code was not used)",
        )
    try:
        device_id = str(uuid.UUID(device_id)) if device_id else None
    except ValueError:
        device_id = None
    existing = None
    if device_id is not None:
        existing = conn.execute(select(dt_.c.site_id).where(dt_.c.id == device_id)).first()
        if existing is not None and existing.site_id != row["site_id"]:
            device_id, existing = None, None  # another site's device id: this one gets a new id
    if device_id is None:
        device_id = str(uuid.uuid4())
    # take the code: only one request can change used_at from NULL (the others see rowcount 0)
    taken = conn.execute(
        update(ct)
        .where(ct.c.code_hash == code_hash, ct.c.used_at.is_(None))
        .values(used_at=now, device_id=device_id)
    )
    if taken.rowcount != 1:
        raise EnrolRefused(403, REFUSED_CODE)
    secret = uuid.uuid4().hex + uuid.uuid4().hex
    if existing is not None:  # enrolling again: same id, same upload sequence, new secret
        conn.execute(
            update(dt_)
            .where(dt_.c.id == device_id)
            .values(secret_hash=hash_secret(secret), revoked=False, label=label or dt_.c.label)
        )
    else:
        conn.execute(
            insert(dt_).values(
                id=device_id, site_id=row["site_id"], secret_hash=hash_secret(secret), label=label, last_seq=0
            )
        )
    site = conn.execute(select(Site.id, Site.code, Site.name_th).where(Site.id == row["site_id"])).one()
    return Enrolled(device_id, secret, {"id": site.id, "code": site.code, "name_th": site.name_th})


def list_devices(db: ServerDB, site_code: str | None = None) -> list[dict[str, Any]]:
    d = DEVICES.c
    q = (
        select(d.id, Site.code, d.label, d.enrolled_at, d.last_seen_at, d.last_seq, d.revoked)
        .join(Site, Site.id == d.site_id)
        .order_by(Site.code, d.enrolled_at)
    )
    if site_code:
        q = q.where(Site.code == site_code)
    with db.read.connect() as conn:
        return [dict(r) for r in conn.execute(q).mappings()]


def revoke_device(db: ServerDB, device_id: str) -> bool:
    """Revoke a device (its credential answers 401 from now on). False when no device has that id
    (a unique prefix of at least 8 characters is enough)."""
    d = DEVICES.c
    with db.write.begin() as conn:
        ids = list(conn.execute(select(d.id).where(d.id.startswith(device_id, autoescape=True))).scalars())
        if len(ids) != 1 or (len(device_id) < 8 and ids[0] != device_id):
            return False
        conn.execute(update(DEVICES).where(d.id == ids[0]).values(revoked=True))
    return True
