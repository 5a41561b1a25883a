"""When to try again after a failed sync round (the GUI's background syncer uses this): exponential
back-off with jitter, so a hundred devices coming back online together do not retry in lock-step."""

from __future__ import annotations

import random

BASE_SECONDS = 5.0
CAP_SECONDS = 15 * 60.0


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
