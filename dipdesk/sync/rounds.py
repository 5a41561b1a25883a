"""What every part of a sync round shares: the device's state keys, the round's report, and how a
round is asked to stop (`RoundStopped`, raised at a batch boundary)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from dipdesk.sync.transport import SyncError

KEY_SECRET = "sync.secret"
KEY_SERVER = "sync.server_url"
KEY_SITE = "sync.site_id"
KEY_CURSOR = "sync.cursor"
KEY_SCOPE = "sync.shared_scope"  # the `protocol.SHARED_SCOPE_VERSION` the pulled log is complete for
KEY_SCOPE_CURSOR = "sync.shared_cursor"  # how far the catch-up of a wider scope has come
KEY_LAST_OK = "sync.last_success"

# What `sync_history.error` says of a round asked to stop (the program was closing): not a failure.
ROUND_STOPPED = "หยุดระหว่างซิงค์เพราะปิดโปรแกรม / stopped between batches: the program was closing"


class RoundStopped(SyncError):
    """The caller asked the round to stop (`sync_once(should_stop=…)`); raised at a batch boundary."""

    def __init__(self) -> None:
        super().__init__(ROUND_STOPPED)


StopCheck = Callable[[], bool]


def check_stop(should_stop: StopCheck | None) -> None:
    if should_stop is not None and should_stop():
        raise RoundStopped()


@dataclass
class Rejection:
    seq: int
    table: str
    record_id: str
    reason: str


@dataclass
class RoundReport:
    pushed: int = 0
    pulled: int = 0
    rejected: int = 0
    conflicts: int = 0  # new open conflicts this device learnt of
    snapshot: int = 0
    parked: int = 0
    bytes_up: int = 0
    bytes_down: int = 0
    round_trips: int = 0
    seconds: float = 0.0
    error: str = ""
    rejections: list[Rejection] = field(default_factory=list)
    stopped: bool = False  # asked to stop (see `RoundStopped`): what was done is kept, the rest waits
    # after a restore from a backup (`dipdesk.sync.restore`): local changes renumbered after the server's
    # last seq of this device, and this device's own later changes that came back from the server
    restored_moved: int = 0
    restored_back: int = 0

    @property
    def ok(self) -> bool:
        return not self.error


@dataclass
class DeviceState:
    device_id: str
    secret: str
    server_url: str
    site_id: str
