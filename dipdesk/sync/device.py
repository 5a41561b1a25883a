"""This device's enrolment with the server: its credential (`device_state`), enrolling with a one-time
code and forgetting the credential again."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, delete

from dipdesk.store.auth import LocalState
from dipdesk.sync import outbox
from dipdesk.sync.rounds import KEY_CURSOR, KEY_SECRET, KEY_SERVER, KEY_SITE, DeviceState
from dipdesk.sync.transport import SyncError, Transport


def device_state(conn: Connection) -> DeviceState | None:
    values = {k: outbox.get_state(conn, k) for k in (outbox.KEY_DEVICE, KEY_SECRET, KEY_SERVER, KEY_SITE)}
    if not all(values.values()):
        return None
    return DeviceState(
        device_id=str(values[outbox.KEY_DEVICE]),
        secret=str(values[KEY_SECRET]),
        server_url=str(values[KEY_SERVER]),
        site_id=str(values[KEY_SITE]),
    )


def require_state(engine: Engine) -> DeviceState:
    with engine.connect() as conn:
        state = device_state(conn)
    if state is None:
        raise SyncError(
            "เครื่องนี้ยังไม่ได้ลงทะเบียนกับเซิร์ฟเวอร์ ใช้ dipdesk sync --server URL --enroll CODE / "
            "this device is not enrolled yet: run dipdesk sync --server URL --enroll CODE"
        )
    return state


def enroll(engine: Engine, server_url: str, code: str, *, label: str = "") -> dict[str, Any]:
    """Enrol this device with a one-time code; stores its credential. Returns the server's site."""
    from sqlalchemy.orm import Session

    from dipdesk.store.reference_data import seed_reference

    with engine.begin() as conn:
        proposed = outbox.device_id(conn)
        local_site = outbox.get_state(conn, "site_id")
    with Transport(server_url) as tx:
        answer = tx.json(
            "POST",
            "/api/v1/enroll",
            {"code": code, "device_id": proposed, "site_id": local_site, "label": label},
        )
    try:
        device_id, secret, site = str(answer["device_id"]), str(answer["secret"]), dict(answer["site"])
    except (KeyError, TypeError, ValueError) as exc:
        raise SyncError("the server's enrolment answer is incomplete") from exc
    with engine.begin() as conn:
        with Session(bind=conn) as session:
            seed_reference(session)  # same deterministic rows as the server; the first pull aligns them
            session.flush()
        outbox.set_state(conn, outbox.KEY_DEVICE, device_id)
        outbox.set_state(conn, KEY_SECRET, secret)
        outbox.set_state(conn, KEY_SERVER, server_url.rstrip("/"))
        outbox.set_state(conn, KEY_SITE, str(site["id"]))
        if not local_site:
            outbox.set_state(conn, "site_id", str(site["id"]))
        if outbox.get_state(conn, KEY_CURSOR) is None:
            outbox.set_state(conn, KEY_CURSOR, "0")
    return site


def forget_credentials(engine: Engine) -> None:
    """Un-enrol (e.g. before enrolling again with a new code); local data and the outbox stay."""
    with engine.begin() as conn:
        conn.execute(delete(LocalState).where(LocalState.key.in_([KEY_SECRET])))
