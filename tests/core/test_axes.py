"""Chart axes read whole numbers (issue 11: "0 1 1 2" on empty data)."""

from __future__ import annotations

import pytest

from dipdesk.core.axes import integer_axis


@pytest.mark.parametrize(
    ("top", "expected"),
    [(0, (1, 2)), (1, (1, 2)), (3, (3, 4)), (5, (5, 6)), (7, (8, 5)), (12, (15, 4)), (100, (100, 6)),
     (1134, (1500, 4)), (237.95, (250, 6))],
)  # fmt: skip
def test_whole_number_steps(top: float, expected: tuple[int, int]) -> None:
    upper, ticks = integer_axis(top)
    assert (upper, ticks) == expected
    step = upper / (ticks - 1)
    assert step == int(step) and step >= 1 and upper >= top
    labels = [f"{i * step:.0f}" for i in range(ticks)]
    assert len(set(labels)) == len(labels), labels  # no label twice
