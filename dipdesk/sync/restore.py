"""Sync after a restore: a laptop whose database was put back to an older copy syncs on correctly.

The server remembers, per device, the highest device sequence (`seq`) it has applied, and never sends a
device its own changes back. A restored copy is behind on both counts: its outbox counter is back where
it was when the copy was made, and the changes the laptop made after the copy (and uploaded) are no
longer in it. Left alone, its next local changes would reuse seqs the server already holds: the server
would take them for replays and drop them (lost), and the uploaded later changes would never come back.

So a restore leaves a marker (`mark_restored`, written into the restored copy before it replaces the live
database), and the next sync round, before it uploads anything, runs `recover`:

1. it asks the server for the highest seq it holds of this device (an empty upload answers with it);
2. changes made on the restored copy (seq above the copy's counter) are renumbered, in order, to follow
   that seq, so the server takes them as new; changes that were waiting in the copy and that the server
   already has keep their seq and are recognised as replays (never applied twice);
3. the pull of this round, from the copy's cursor, includes this device's own changes (`mine=true`), so
   what the laptop uploaded after the copy was made comes back. The marker goes when that pull is done.

Each step is its own local transaction and the marker says how far it came, so a cut or a kill in the
middle resumes. Changes that never reached the server and are not in the copy cannot come back from
it: the restore keeps the replaced database aside and says how many of them it held.
"""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy import Connection, Engine, select, text, update

from dipdesk.store.sync import OUTBOX
from dipdesk.sync import outbox
from dipdesk.sync.transport import SyncError

KEY_BASE = "sync.restored.base"  # the outbox counter of the restored copy ("" when nothing to do)
KEY_RENUMBERED = "sync.restored.renumbered"  # "1" once step 2 is done
KEY_PULL = "sync.restored.pull"  # "1" while the pull of own changes (step 3) is still to complete
KEY_RECOVERED = "sync.restored.recovered"  # how many own changes came back from the server
KEY_RENUMBERED_COUNT = "sync.restored.moved"  # how many local changes were renumbered


class _Transport(Protocol):
    def json(self, method: str, path: str, payload: Any = None, **kwargs: Any) -> Any: ...


def outbox_counter(conn: Connection) -> int:
    """The highest device seq ever given out by this database (AUTOINCREMENT: survives pruning)."""
    row = conn.execute(text("SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'")).first()
    top = conn.execute(select(OUTBOX.c.seq).order_by(OUTBOX.c.seq.desc()).limit(1)).scalar()
    return max(int(row[0]) if row else 0, int(top or 0))


def mark_restored(conn: Connection) -> int:
    """Mark this database (the copy about to be restored) so its next sync round recovers. Returns
    the copy's outbox counter."""
    base = outbox_counter(conn)
    outbox.set_state(conn, KEY_BASE, str(base))
    outbox.set_state(conn, KEY_RENUMBERED, "")
    outbox.set_state(conn, KEY_PULL, "1")
    outbox.set_state(conn, KEY_RECOVERED, "0")
    outbox.set_state(conn, KEY_RENUMBERED_COUNT, "0")
    return base


def pending(conn: Connection) -> bool:
    """Is a recovery after a restore still to run (or to finish)?"""
    return bool(outbox.get_state(conn, KEY_BASE)) and (
        outbox.get_state(conn, KEY_RENUMBERED) != "1" or outbox.get_state(conn, KEY_PULL) == "1"
    )


def pulling_own(conn: Connection) -> bool:
    """Should this round's pull include the device's own changes (step 3)?"""
    return bool(outbox.get_state(conn, KEY_BASE)) and outbox.get_state(conn, KEY_PULL) == "1"


def server_last_seq(tx: _Transport) -> int:
    """The highest seq of this device the server has applied: an empty upload answers with it."""
    answer = tx.json("POST", "/api/v1/push", {"changes": [], "acked_before": 2**62})
    try:
        return int(answer["acked"])
    except (KeyError, TypeError, ValueError) as exc:
        raise SyncError("the server's push answer is incomplete") from exc


def renumber_after(conn: Connection, base: int, server_last: int) -> int:
    """Give the changes made after the copy (seq > `base`) the seqs that follow what the server has,
    in order and without a gap; the outbox counter follows. Returns how many moved."""
    o = OUTBOX.c
    seqs = [int(s) for s in conn.execute(select(o.seq).where(o.seq > base).order_by(o.seq)).scalars()]
    start = max(server_last, base) + 1
    moved = 0
    if seqs and seqs[0] != start:
        # two steps through negative numbers: no seq meets another on the way
        for i, seq in enumerate(seqs):
            conn.execute(update(OUTBOX).where(o.seq == seq).values(seq=-(start + i)))
        conn.execute(update(OUTBOX).where(o.seq < 0).values(seq=-o.seq))
        moved = len(seqs)
    top = max(start - 1 + len(seqs), outbox_counter(conn))
    if conn.execute(text("SELECT 1 FROM sqlite_sequence WHERE name = 'sync_outbox'")).first():
        conn.execute(text("UPDATE sqlite_sequence SET seq = :s WHERE name = 'sync_outbox'"), {"s": top})
    else:
        conn.execute(text("INSERT INTO sqlite_sequence (name, seq) VALUES ('sync_outbox', :s)"), {"s": top})
    return moved


def recover_before_push(engine: Engine, tx: _Transport) -> int | None:
    """Steps 1 and 2 (once); None when there is nothing to do. Returns how many local changes moved."""
    with engine.connect() as conn:
        base_text = outbox.get_state(conn, KEY_BASE)
        done = outbox.get_state(conn, KEY_RENUMBERED) == "1"
    if not base_text or done:
        return None
    last = server_last_seq(tx)
    with engine.begin() as conn:
        moved = renumber_after(conn, int(base_text), last)
        outbox.set_state(conn, KEY_RENUMBERED, "1")
        outbox.set_state(conn, KEY_RENUMBERED_COUNT, str(moved))
    return moved


def count_recovered(conn: Connection, n: int) -> None:
    """Add `n` own changes pulled back (inside the transaction that applied them)."""
    if n:
        before = int(outbox.get_state(conn, KEY_RECOVERED) or 0)
        outbox.set_state(conn, KEY_RECOVERED, str(before + n))


def finish_pull(conn: Connection) -> None:
    """The pull that includes own changes reached the end of the server's log: recovery is complete."""
    if outbox.get_state(conn, KEY_BASE):
        outbox.set_state(conn, KEY_PULL, "")


def recovered(conn: Connection) -> int:
    return int(outbox.get_state(conn, KEY_RECOVERED) or 0)
