""""The Boise chipmaker trims its fiscal 2026 capex budget" (2025-12-19) was unclear: Micron's ~$20bn guide of
2025-12-17 is the first the store holds for fiscal 2026, so no earlier range could show the move. Its source
describes it: "raised by ~2B to ~20B". A guide with no earlier range on record whose source says how it moved is
read that way, at a third-party source's weight."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("The Boise chipmaker trims its fiscal 2026 capex budget", "2025-12-19", "contradicted"),
    ("Micron raises its fiscal 2026 capex plan", "2025-12-19", "supported"),
    ("Micron raises its fiscal 2026 capex plan", "2025-12-10", "unclear"),  # before the guide
])
def test_the_source_says_raised(store: Store, claim: str, as_of: str, verdict: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    if verdict != "unclear":
        assert any("raised by ~2B to ~20B" in e["text"] for e in result["evidence"])
