""""GE Vernova's gas turbine order book is full through 2029" had no direction: "full through <year>" is
sold out through that year, answered by the booked-through year of the power events."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("as_of", "verdict"), [
    ("2025-06-15", "unclear"), ("2025-12-15", "contradicted"), ("2026-06-28", "supported")])
def test_full_through_a_year(store: Store, as_of: str, verdict: str) -> None:
    result = check(store, "GE Vernova's gas turbine order book is full through 2029", as_of)
    assert result["reading"]["direction"] == "sold_out"
    assert result["verdict"] == verdict
