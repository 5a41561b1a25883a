"""When the GUI's background syncer runs its next round: exponential back-off with jitter after a failed
round, and a random spread for the rounds many devices would otherwise start at the same instant.

A department server sees a hundred devices or more. Their rounds come in lock-step when something they
share happens at once: the office network returns after an outage, every office opens at 8:30, and after
such an instant each device's regular timer (15 minutes) would fire together again, forever. A burst of
100 rounds at one instant waits seconds on the server (issue 12: p99 about 5 s on two cores); the same
100 rounds spread over ten seconds take under half a second each. So a round triggered by something
shared starts at a random moment within `SHARED_EVENT_SPREAD_SECONDS`, and the regular timer varies by
`INTERVAL_JITTER` either way. A round the user asks for ("Sync now") is never delayed."""

from __future__ import annotations

import random

BASE_SECONDS = 5.0
CAP_SECONDS = 15 * 60.0
SHARED_EVENT_SPREAD_SECONDS = 10.0  # network back, start-up: within this many seconds of it
INTERVAL_JITTER = 0.1  # the regular timer: its interval times 0.9 to 1.1


def next_delay(
    attempt: int, *, base: float = BASE_SECONDS, cap: float = CAP_SECONDS, rng: random.Random | None = None
) -> float:
    """Seconds to wait before retry number `attempt` (1 = the first retry): between half and all of
    `base · 2^(attempt-1)`, never more than `cap`. Attempt 0 (or less) means "now"."""
    if attempt <= 0:
        return 0.0
    ceiling = min(cap, base * 2.0 ** min(attempt - 1, 30))
    r = (rng or random).random()
    return ceiling / 2 + r * ceiling / 2


def spread(seconds: float = SHARED_EVENT_SPREAD_SECONDS, *, rng: random.Random | None = None) -> float:
    """A uniformly random delay in [0, `seconds`): when to start a round that many devices were given a
    reason to start at the same instant (the network returned, the office opened)."""
    return max(0.0, seconds) * (rng or random).random()


def jittered(seconds: float, *, fraction: float = INTERVAL_JITTER, rng: random.Random | None = None) -> float:
    """The regular interval varied by up to `fraction` either way, so devices that once synced together
    drift apart instead of staying in phase."""
    r = (rng or random).random()
    return seconds * (1.0 - fraction + 2.0 * fraction * r)
