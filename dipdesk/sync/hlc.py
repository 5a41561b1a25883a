"""Hybrid logical clock (Kulkarni et al.): wall time in ms plus a logical counter, plus the device id.

Stamps are text that sorts the way the clock orders them: `"{physical_ms:015d}-{counter:05d}-{device}"`.
The device id at the end breaks ties, so two stamps are never equal unless they are the same event, and
"higher stamp wins" is a deterministic rule every replica applies alike.

Clocks lie (SYNC.md #5): `tick()` never goes backwards even if the wall clock does, and `observe()` moves
the clock past every stamp this device has seen, so an edit made after receiving a change is ordered
after it even when the device's clock says 1970 or runs a day behind. A device whose clock runs ahead
wins *concurrent* edits (the rule stays deterministic), which is the accepted price of HLCs.

No input can make a clock unusable (issue 17): a stamp more than `MAX_AHEAD_MS` ahead of now (now being
the later of this machine's clock and the server's, see `trust_time`) is not observed, the server refuses
such stamps in pushes, a stored clock that was pushed out of range before is brought back, and the
clock never issues a stamp its own parser would refuse.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

COUNTER_MAX = 99_999
PHYSICAL_MAX = 10**15 - 1  # 15 digits
MAX_AHEAD_MS = 7 * 86_400_000  # a stamp further ahead of now than this is a forged or broken clock
ZERO_DEVICE = "00000000-0000-0000-0000-000000000000"


def _system_ms() -> int:
    return time.time_ns() // 1_000_000


# Tests replace this to skew a device's clock (±1 day, 1970…).
wall_clock: Callable[[], int] = _system_ms


# The server's clock as last seen (its Date header), as an offset from this machine's clock, so a laptop
# whose clock runs days behind still accepts its colleagues' honest stamps.
_server_offset_ms = 0


def now_ms() -> int:
    return min(PHYSICAL_MAX, max(0, int(wall_clock())))


def trust_time(server_ms: int) -> None:
    """Remember the server's clock (from its Date header): stamps up to MAX_AHEAD_MS after the later of
    the two clocks are plausible."""
    global _server_offset_ms
    _server_offset_ms = max(0, int(server_ms) - int(wall_clock()))


def horizon_ms() -> int:
    """The latest physical time a plausible stamp can carry."""
    return now_ms() + _server_offset_ms + MAX_AHEAD_MS


def plausible(stamp: Stamp) -> bool:
    return stamp.physical <= horizon_ms()


@dataclass(frozen=True, order=True)
class Stamp:
    physical: int
    counter: int
    device: str

    def __str__(self) -> str:
        return f"{self.physical:015d}-{self.counter:05d}-{self.device}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        """Parse a stamp; raises ValueError when it is not one."""
        parts = _parts(text)
        return cls(int(parts[0]), int(parts[1]), parts[2])


def _parts(text: str) -> list[str]:
    parts = text.split("-", 2)
    if len(parts) != 3 or len(parts[0]) != 15 or len(parts[1]) != 5:
        raise ValueError(f"not a clock stamp: {text[:80]!r}")
    if not (parts[0].isdigit() and parts[1].isdigit()) or not parts[2] or len(parts[2]) > 36:
        raise ValueError(f"not a clock stamp: {text[:80]!r}")
    return parts


def physical_of(text: str) -> int:
    """`Stamp.parse(text).physical` without making the Stamp (the server checks every pushed stamp);
    raises ValueError when `text` is not a stamp."""
    return int(_parts(text)[0])


def is_stamp(text: object) -> bool:
    if not isinstance(text, str):
        return False
    try:
        Stamp.parse(text)
    except ValueError:
        return False
    return True


def zero(device: str = ZERO_DEVICE) -> str:
    return str(Stamp(0, 0, device))


def at_ms(physical: int, device: str) -> str:
    """A stamp for an event known only by its wall time (e.g. a row's `updated_at`): `str(Stamp(physical,
    0, device))`, written directly (a first sync's snapshot stamps tens of thousands of rows)."""
    return f"{max(0, physical):015d}-00000-{device}"


class Clock:
    """One device's clock. `last` is the highest stamp issued or observed (persisted by the caller)."""

    def __init__(self, device: str, last: str | None = None) -> None:
        self.device = device
        self._p = 0
        self._c = 0
        if last:
            try:
                s = Stamp.parse(last)
            except ValueError:
                return  # a damaged saved clock: start again from the wall clock (tick() moves past now)
            if plausible(s):  # a clock pushed beyond the horizon before the fix comes back to now
                self._p, self._c = s.physical, s.counter

    @property
    def last(self) -> str:
        return str(Stamp(self._p, self._c, self.device))

    def tick(self) -> str:
        """A new stamp for a local event, greater than every stamp issued or observed before."""
        now = now_ms()
        if now > self._p:
            self._p, self._c = now, 0
        else:
            self._c += 1
            if self._c > COUNTER_MAX:  # 100,000 events in one ms (or a stuck clock): borrow a ms
                self._p, self._c = min(PHYSICAL_MAX, self._p + 1), 0
        return self.last

    def observe(self, remote: str) -> None:
        """Move past a stamp received from elsewhere (so later local events are ordered after it)."""
        try:
            r = Stamp.parse(remote)
        except (ValueError, TypeError, AttributeError):
            return
        if not plausible(r):
            return  # forged or broken: observing it would drag this clock into the future for good
        now = now_ms()
        p = max(self._p, r.physical, now)
        if p == self._p and p == r.physical:
            c = max(self._c, r.counter) + 1
        elif p == self._p:
            c = self._c + 1
        elif p == r.physical:
            c = r.counter + 1
        else:
            c = 0
        if c > COUNTER_MAX:
            p, c = min(PHYSICAL_MAX, p + 1), 0 if p < PHYSICAL_MAX else COUNTER_MAX
        self._p, self._c = p, c
