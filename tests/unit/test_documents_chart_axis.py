"""A chart's value axis ends at the first round tick at or above its tallest bar, not 60 % above it."""

from __future__ import annotations

import pytest

from complaints_desk.documents.charts import _axis


@pytest.mark.parametrize("tallest", [1, 6, 7, 11, 23, 61, 99, 230, 455, 1840, 99_999])
def test_the_axis_top_is_within_one_round_step_of_the_tallest_bar(tallest: int) -> None:
    top, step = _axis(tallest)
    assert top >= tallest and top % step == 0 and top // step <= 6
    assert step in {f * 10**k for f in (1, 2, 5) for k in range(6)}
    assert top - tallest < step or tallest <= 5
    assert top <= max(5, tallest * 1.35)  # 6 → 6, not 10; 23 → 25, not 50
