""""AWS added about 1.2 gigawatts of power in Q4 2025" was unclear although Amazon's call says "We added 1.2
gigawatts of power in Q4": the sentence names no business, and a claim about AWS took only sentences naming
AWS. As with capacity constraints, the company's own words on power speak to its cloud when they name no other
business."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize("claim", ["AWS added about 1.2 gigawatts of power in Q4 2025",
                                   "AWS added more than 1 GW of capacity in Q4 2025"])
def test_amazons_power_added_speaks_to_aws(store: Store, claim: str) -> None:
    result = check(store, claim, "2026-02-08")
    assert result["verdict"] == "supported"
    assert any("gigawatts of power" in e["text"] for e in result["evidence"])
