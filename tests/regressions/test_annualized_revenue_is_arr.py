""""IREN targets about $3.4bn annualized revenue run-rate by end-2026" was read as a revenue claim and found
nothing: "annualized revenue run-rate" and "annualized revenue" were not read as ARR, which the calls state."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize("claim", ["IREN targets about $3.4bn annualized revenue run-rate by end-2026",
                                   "IREN targets $3.4 billion of annualized revenue by end-2026"])
def test_irens_arr_target(store: Store, claim: str) -> None:
    result = check(store, claim, "2025-11-10")
    assert result["reading"]["object"] == "arr"
    assert result["verdict"] == "supported"
    assert any("$3.4 billion in ARR" in e["text"] for e in result["evidence"])
