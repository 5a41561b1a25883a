"""Numbers people read, made offline: every one carries this computer's short device tag.

Two laptops of one site work offline and both need "the next" activity code, lab request number, lab
number or certificate serial. A running number per site would give both the same one; the server keeps
the first and refuses the second, and the two laptops never agree again. So every human-visible number
made here is **per device within the site**: ``L2569-IPC1-K7Q2-00017`` (fiscal year, site, device tag,
this device's running number).

The device tag is four Crockford base-32 characters (no I, L, O, U: unambiguous to read aloud or type
off a label) taken from a hash of this installation's device id. The device id is made on the first write
(``dipdesk.sync.outbox.device_id``, kept in ``local_state``) and the server adopts it at enrolment, so the
tag exists before a laptop is ever enrolled and needs no round trip to the server. If the server ever
answers enrolment with another id, numbers from then on carry the new tag; numbers already made keep
theirs, and stay unique because no other device has that tag. Four characters are about a million tags:
the chance that two of a site's ten laptops draw the same one is about 1 in 23,000.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from dipdesk.sync import outbox

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def tag_of(device_id: str) -> str:
    """Four Crockford base-32 characters from a device id: short, unambiguous to read aloud."""
    digest = hashlib.sha256(device_id.encode()).digest()
    n = int.from_bytes(digest[:3], "big") >> 4  # 20 bits
    return "".join(CROCKFORD[(n >> shift) & 31] for shift in (15, 10, 5, 0))


def device_tag(db: Session | Connection) -> str:
    """This computer's tag (its device id is made now if nothing was written here yet)."""
    conn = db.connection() if isinstance(db, Session) else db
    return tag_of(outbox.device_id(conn))


def code_prefix(db: Session | Connection, base: str) -> str:
    """The prefix of codes this computer suggests: ``IPC1-2569-A`` → ``IPC1-2569-A-K7Q2-``."""
    return f"{base}-{device_tag(db)}-"
