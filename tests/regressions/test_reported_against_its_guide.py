""""Microsoft's June-qtr capex lands at $41bn, above its >$40bn guide" was read as a plan (it names the guide)
and answered by the year's outlook; "Azure growth hits 40% in the Sept qtr" was answered by other businesses'
rates because "where we continue to see accelerating demand" read as a look ahead; "Barber Lake rent start
pushed into 2027" was not read as a slip."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "verdict", "quoted"), [
    ("Microsoft's June-qtr capex lands at $41bn, above its >$40bn guide", "2026-08-01", "supported", "$41.0B"),
    ("Azure growth hits 40% in the Sept qtr", "2025-10-31", "supported", "revenue grew 40%"),
    ("Cipher's Barber Lake rent start pushed into 2027", "2026-08-07", "contradicted", "in September"),
])
def test_read(store: Store, claim: str, as_of: str, verdict: str, quoted: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    assert quoted in result["evidence"][0]["text"]
