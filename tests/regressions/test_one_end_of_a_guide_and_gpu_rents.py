""""so Meta bumped the TOP end of its 2026 capex range?" had no direction ("bumped" was not read as a raise), and
with one it was judged on the whole revision: in July Meta raised only the low end. "H200 list rents jumped ~30%
m/m" and "H100 1-yr contract prices fell ~40%" named no metric the check knew."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("so Meta bumped the TOP end of its 2026 capex range?", "2026-04-30", "supported"),  # $115-135B -> $125-145B
    ("so Meta bumped the TOP end of its 2026 capex range?", "2026-07-30", "contradicted"),  # -> $130-145B
    ("Meta raised the low end of its 2026 capex range", "2026-07-30", "supported"),
])
def test_one_end_of_the_range(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("H200 list rents jumped ~30% m/m in May 2026", "2026-06-01", "supported"),
    ("H100 1-yr contract prices fell ~40% from the Oct-25 low by March", "2026-04-05", "contradicted"),
])
def test_gpu_rents_and_term_prices(store: Store, claim: str, as_of: str, verdict: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    assert result["reading"]["object"] == "gpu_prices"
