""""Micron spends over $20bn on capex in first nine months of FY26" was read as the whole of 2026 and left
unclear; "fiscal-2026" was not read as a fiscal year. The quarters of the year so far are now summed against
the claim's level ($19.6bn: just under)."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.ytd import SoFar, read_so_far
from aicycle.store import Store


def test_read() -> None:
    assert read_so_far("Micron fiscal-2026 capex already above $20bn after nine months") == SoFar(2026, None, 3)
    assert read_so_far("Micron's capex in the first nine months of FY26 already exceeds all of FY25") \
        == SoFar(2026, 2025, 3)
    assert read_so_far("Micron capex tops $20bn") is None


@pytest.mark.parametrize(("claim", "verdict"), [
    ("Micron fiscal-2026 capex already above $20bn after nine months", "contradicted"),
    ("Micron spends over $20bn on capex in first nine months of FY26", "contradicted"),
    ("Micron capex for first nine months of FY26 tops $19bn", "supported"),
])
def test_the_sum_so_far(store: Store, claim: str, verdict: str) -> None:
    result = check(store, claim, "2026-06-29")
    assert result["verdict"] == verdict
    assert "MU capex FY2026Q1–Q3 sums to $19.60B" in result["evidence"][0]["text"]
