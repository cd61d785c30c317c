""""PJM's 2027/28 capacity auction clears at the price cap" came out unclear (no direction) although the grid
events hold that auction's result in its own words. An auction claim is now read on the auction for the
delivery year it names (else the latest public): at the cap, a record, or short of the reliability target."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("PJM's 2027/28 capacity auction clears at the price cap", "2025-12-19", "supported"),
    ("PJM's 2027/28 capacity auction clears at the price cap", "2025-12-10", "unclear"),
    ("PJM's capacity auction clears at a record high", "2024-08-05", "supported"),
    ("PJM's latest capacity auction secured enough supply to meet its reliability target", "2025-12-19",
     "contradicted"),
])
def test_the_named_auction_decides(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
