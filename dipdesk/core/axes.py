"""Axis scales for the charts: whole-number steps, so a count axis never reads "0 1 1 2"."""

from __future__ import annotations

import math


def integer_axis(top: float, max_ticks: int = 6) -> tuple[int, int]:
    """(upper bound, number of ticks) of an axis from 0 that shows ``top`` with whole-number steps of
    1, 2 or 5 × 10ⁿ, at most ``max_ticks`` ticks. Empty data (top 0) gives 0–1."""
    top = max(float(top), 1.0)
    raw = top / max(1, max_ticks - 1)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(1, int(step))
    upper = step * math.ceil(top / step)
    return upper, upper // step + 1
