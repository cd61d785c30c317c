""""H100 rate cards hit a new cycle low in Oct 2025" had no direction, and "a record low" was read as a record high.
A new low is the month's point against the lowest point before it in the same series."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.store import Store


@pytest.mark.parametrize("claim", ["H100 rate cards hit a new cycle low in Oct 2025",
                                   "H100 rental prices hit a record low in August 2026"])
def test_direction(claim: str) -> None:
    assert parse_claim(claim).direction == "down"


def test_against_the_lowest_point_before(store: Store) -> None:
    # the index: $3.59 on 2026-08-31, above its low of $2.71 on 2025-09-30
    result = check(store, "H100 rental prices hit a record low in August 2026", "2026-09-05")
    assert result["verdict"] == "contradicted"
    assert any("above its low" in str(e.get("text")) for e in result["evidence"])
