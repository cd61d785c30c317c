""""Amazon's 2025 capex forecast is more than 50% above its 2024 spending" came out unclear: the rise was named
after its size ("50% above"), which was not read as a rise, and for a claim about guidance the guide's level
against last year's spending was context only. When the claim sizes that rise, it is the answer."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.amounts import growth
from aicycle.store import Store


def test_a_rise_named_after_its_size() -> None:
    assert growth("capex forecast is more than 50% above its 2024 spending") == pytest.approx(0.475)
    assert growth("capex 20% higher than last year") == pytest.approx(0.19)
    assert growth("a 50% stake above the rest") is None


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    # ~$125bn guided on 2025-10-30 against 2024's $83.0bn: +51%
    ("Amazon's 2025 capex forecast is more than 50% above its 2024 spending", "2025-10-31", "supported"),
    ("Amazon's 2025 capex forecast is more than 60% above its 2024 spending", "2025-10-31", "contradicted"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
