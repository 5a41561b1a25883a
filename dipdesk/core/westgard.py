"""Westgard multi-rules on a control chart (Shewhart / Levey-Jennings), for the lab's QC (issue 15).

A control material has a target (mean) and a standard deviation; each control result becomes a z-score
``(value - mean) / sd``. The rules (Westgard, Barry, Hunt, Groth, Clin Chem 1981;27:493-501;
https://westgard.com/westgard-rules.html) look at the newest result together with the ones before it:

- ``1-2s`` one result beyond ±2 SD: a *warning*, the other rules are then checked;
- ``1-3s`` one result beyond ±3 SD: random error, reject;
- ``2-2s`` two consecutive results beyond 2 SD on the same side: systematic error, reject;
- ``R-4s`` within a run, one result beyond +2 SD and the next beyond -2 SD (a range over 4 SD): random
  error, reject;
- ``4-1s`` four consecutive results beyond 1 SD on the same side: systematic error, reject;
- ``10x``  ten consecutive results on the same side of the mean: systematic error, reject.

Pure Python: no Qt, no SQL. A rule "trips" at a point when the point completes the pattern.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WARNING = "1-2s"
REJECTION_RULES = ("1-3s", "2-2s", "R-4s", "4-1s", "10x")
ALL_RULES = (WARNING, *REJECTION_RULES)


@dataclass(frozen=True)
class Point:
    """One control result on the chart and the rules it trips."""

    value: float
    z: float
    rules: tuple[str, ...]

    @property
    def rejected(self) -> bool:
        return any(r in REJECTION_RULES for r in self.rules)

    @property
    def warning(self) -> bool:
        return WARNING in self.rules and not self.rejected

    @property
    def outcome(self) -> str:
        """``fail`` (a rejection rule), ``warn`` (1-2s alone) or ``pass``."""
        return "fail" if self.rejected else "warn" if self.warning else "pass"


def z_scores(values: Sequence[float], mean: float, sd: float) -> list[float]:
    if sd <= 0:
        raise ValueError("the standard deviation of a control material must be positive")
    return [(v - mean) / sd for v in values]


def rules_at(z: Sequence[float], i: int) -> tuple[str, ...]:
    """The rules tripped by point ``i`` of the z-scores ``z`` (using the points before it)."""
    out: list[str] = []
    cur = z[i]
    if abs(cur) > 2:
        out.append("1-2s")
    if abs(cur) > 3:
        out.append("1-3s")
    if i >= 1:
        prev = z[i - 1]
        if (cur > 2 and prev > 2) or (cur < -2 and prev < -2):
            out.append("2-2s")
        if (cur > 2 and prev < -2) or (cur < -2 and prev > 2):
            out.append("R-4s")
    if i >= 3:
        last4 = z[i - 3 : i + 1]
        if all(v > 1 for v in last4) or all(v < -1 for v in last4):
            out.append("4-1s")
    if i >= 9:
        last10 = z[i - 9 : i + 1]
        if all(v > 0 for v in last10) or all(v < 0 for v in last10):
            out.append("10x")
    return tuple(out)


def evaluate(values: Sequence[float], mean: float, sd: float) -> list[Point]:
    """Every point of a control series (oldest first) with the rules it trips."""
    z = z_scores(values, mean, sd)
    return [Point(value=v, z=z[i], rules=rules_at(z, i)) for i, v in enumerate(values)]


def check_latest(values: Sequence[float], mean: float, sd: float) -> Point:
    """The newest point of a series (oldest first) and the rules it trips."""
    if not values:
        raise ValueError("no control results")
    z = z_scores(values, mean, sd)
    return Point(value=values[-1], z=z[-1], rules=rules_at(z, len(z) - 1))


def blank_ok(value: float | None, lod: float | None) -> bool:
    """A reagent blank passes when it reads below the test's detection limit (or zero without one)."""
    if value is None:
        return True  # recorded as not detected
    return value < lod if lod is not None else value <= 0


def relative_percent_difference(a: float, b: float) -> float:
    """RPD of a duplicate pair: |a - b| / mean(a, b) × 100 (0 when both are zero)."""
    mean = (a + b) / 2
    if mean == 0:
        return 0.0 if a == b else float("inf")
    return abs(a - b) / abs(mean) * 100
