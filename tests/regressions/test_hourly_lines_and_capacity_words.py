"""Claims that could not be read: "the H100 GPU-hour index breaks above $4" (a bare dollar figure is per GPU-hour
for a rental price), "still short of data-center capacity" (a hyphenated word in the gap) and "booked solid
through 2028"."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


def test_a_bare_dollar_line_is_hourly_for_gpu_prices() -> None:
    level = read(parse_claim("H100 GPU-hour index breaks above $4"), dt.date(2026, 10, 5)).level
    assert level is not None and (level.op, level.value, level.unit) == ("above", 4.0, "USD/hour")


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("H100 GPU-hour index breaks above $4", "2026-10-01", "contradicted"),
    ("H100 GPU-hour index breaks above $4", "2026-10-05", "supported"),
    ("Microsoft says it is still short of data-center capacity", "2026-07-30", "supported"),
    ("GE Vernova's gas turbines are booked solid through 2028", "2025-12-10", "supported"),
])
def test_read_and_decided(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
