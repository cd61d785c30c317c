""""SK hynix to raise capex, mostly for HBM tools" was read as a claim about HBM supply and answered by a
revenue trend: the clause saying where the money goes named the segment. The claim is about the company's
capex; "mostly for HBM" says what it buys. Its CFO's "capex to increase vs previous plan, mostly HBM equipment"
answers it."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize("claim", ["SK hynix to raise capex, mostly for HBM tools",
                                   "SK hynix raises its 2025 capex, mainly for HBM equipment",
                                   "SK hynix to spend more than planned on 2025 capex, mostly on HBM equipment"])
def test_capex_raised_mostly_for_hbm(store: Store, claim: str) -> None:
    result = check(store, claim, "2025-07-25")
    assert result["reading"]["object"] == "capex" and result["reading"]["segment"] is None
    assert result["verdict"] == "supported"
    assert any("HBM equipment" in e["text"] for e in result["evidence"])


def test_segment_capex_still_read_as_segment(store: Store) -> None:
    assert check(store, "SK hynix raises HBM capex", "2025-07-25")["reading"]["object"] == "segment_capex"
