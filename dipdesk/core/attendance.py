"""Hours attended and completion (ผ่านเกณฑ์) of an activity, by the activity's own threshold.

An activity sets the share of its hours a participant must attend to complete it (`completion_threshold`,
in percent, 80 by default). Hours come from the sessions (วันอบรม): a participant marked present at a
session attended its hours, unless fewer hours were recorded (left early); never more than the session's.
When an activity has no sessions yet its planned hours are the total, and nobody has attended any.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

DEFAULT_THRESHOLD = 80  # percent of the activity's hours

_ZERO = Decimal(0)
_HUNDRED = Decimal(100)


def _dec(value: Decimal | int | float | str | None) -> Decimal:
    if value is None:
        return _ZERO
    return value if isinstance(value, Decimal) else Decimal(str(value))


@dataclass(frozen=True)
class Mark:
    """One attendance mark: present or not, and (optionally) the hours actually attended."""

    present: bool
    hours: Decimal | None = None  # None: the whole session


def total_hours(session_hours: Iterable[Decimal | int | float | None], planned: Decimal | int = 0) -> Decimal:
    """The hours a participant could attend: the sessions' hours, or the planned hours without sessions."""
    hours = [_dec(h) for h in session_hours]
    return sum(hours, _ZERO) if hours else _dec(planned)


def hours_attended(
    session_hours: Mapping[str, Decimal | int | float | None], marks: Mapping[str, Mark]
) -> Decimal:
    """Hours attended over the activity's sessions (`{session id: hours}`), from `{session id: Mark}`.

    Marks for sessions not in `session_hours` (another activity's, or deleted) do not count. Recorded
    hours above the session's own are capped at the session's: a long day does not make up for another.
    """
    attended = _ZERO
    for sid, hours in session_hours.items():
        mark = marks.get(sid)
        if mark is None or not mark.present:
            continue
        full = _dec(hours)
        got = full if mark.hours is None else min(max(_dec(mark.hours), _ZERO), full)
        attended += got
    return attended


def required_hours(total: Decimal | int, threshold: int = DEFAULT_THRESHOLD) -> Decimal:
    """Hours needed to complete: `threshold` % of `total`."""
    return _dec(total) * Decimal(_check_threshold(threshold)) / _HUNDRED


def _check_threshold(threshold: int | None) -> int:
    t = DEFAULT_THRESHOLD if threshold is None else int(threshold)
    if not 0 <= t <= 100:
        raise ValueError(f"completion threshold must be 0–100 %, not {threshold}")
    return t


def completes(
    attended: Decimal | int, total: Decimal | int, threshold: int | None = DEFAULT_THRESHOLD
) -> bool:
    """True when `attended` is at least `threshold` % of `total` hours.

    An activity with no hours (nothing to attend) completes nobody: a certificate needs attendance.
    """
    t = _check_threshold(threshold)
    total_d, attended_d = _dec(total), _dec(attended)
    if total_d <= 0:
        return False
    # attended / total >= t / 100, without dividing (exact with decimals)
    return attended_d * _HUNDRED >= total_d * t


def share_percent(attended: Decimal | int, total: Decimal | int) -> Decimal:
    """Attended hours as a percentage of the total, one decimal, rounded half up (0 with no hours)."""
    total_d = _dec(total)
    if total_d <= 0:
        return _ZERO
    return (_dec(attended) * _HUNDRED / total_d).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Completion:
    """Where one participant stands: hours attended of the total, the share, and whether they complete."""

    attended: Decimal
    total: Decimal
    required: Decimal
    percent: Decimal
    complete: bool

    @property
    def missing(self) -> Decimal:
        """Hours still needed to complete (0 once complete)."""
        return max(self.required - self.attended, _ZERO)


def completion(
    session_hours: Mapping[str, Decimal | int | float | None],
    marks: Mapping[str, Mark],
    threshold: int | None = DEFAULT_THRESHOLD,
    planned: Decimal | int = 0,
) -> Completion:
    """The completion of one participant of an activity with these sessions, by `threshold` %."""
    t = _check_threshold(threshold)
    total = total_hours(session_hours.values(), planned)
    attended = hours_attended(session_hours, marks)
    return Completion(
        attended=attended,
        total=total,
        required=required_hours(total, t),
        percent=share_percent(attended, total),
        complete=completes(attended, total, t),
    )
