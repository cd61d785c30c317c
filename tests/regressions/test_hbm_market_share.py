"""HBM market-share claims ("Samsung overtakes SK hynix in HBM share in Q3 2025", "SK hynix's HBM share slides
to 57%") came out "no direction recognized" or were read as HBM supply, although the memory makers' file holds
the research firms' shares by quarter. They are now read on those shares: rival against rival in the quarter,
a maker's share against the quarter before, and a level to within a point and a half."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Samsung overtakes SK hynix in HBM revenue share in Q3 2025", "2025-12-20", "contradicted"),
    ("Samsung overtakes SK hynix in HBM revenue share in Q3 2025", "2025-11-20", "unclear"),
    ("SK hynix's HBM revenue share slides to 57% in Q3 2025", "2025-12-20", "supported"),
    ("SK hynix lost HBM market share in Q3 2025", "2025-12-25", "supported"),
    ("SK hynix gains HBM market share", "2026-02-01", "supported"),
])
def test_research_firms_shares_decide(store: Store, claim: str, as_of: str, verdict: str) -> None:
    result = check(store, claim, as_of)
    assert result["reading"]["object"] == "hbm_share"
    assert result["verdict"] == verdict
    assert all(e["date"] is None or str(e["date"]) <= as_of for e in result["evidence"])
