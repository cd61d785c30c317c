""""Meta spent $37.3bn on capex in 2024 including finance leases" was supported by the $37.3bn of purchases of property
and equipment, the figure without finance leases (with them: $39.2bn). A claim naming its basis is read on that basis
alone; with no lease-inclusive figure for the period, the cash figure being the claim's refutes it."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "basis"), [
    ("Meta spent $37.3bn on capex in 2024 including finance leases", "leases"),
    ("Microsoft's FY25 capex of $64.6bn includes finance leases", "leases"),
    ("Microsoft's capex excluding finance leases hit $64.6bn in FY25", "cash"),
    ("Microsoft's FY25 capex was $64.6bn", None),
])
def test_basis_read(claim: str, basis: str | None) -> None:
    assert read(parse_claim(claim), dt.date(2025, 8, 5)).basis == basis


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Meta spent $37.3bn on capex in 2024 including finance leases", "2025-02-05", "contradicted"),
    ("Microsoft's FY25 capex of $64.6bn includes finance leases", "2025-08-05", "contradicted"),
    ("Microsoft's FY25 capex was $64.6bn", "2025-08-05", "supported"),
    ("Microsoft's June-qtr capex including finance leases was $41bn", "2026-07-30", "supported"),
])
def test_basis_decides(store: Store, claim: str, as_of: str, verdict: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    if verdict == "contradicted":
        assert "without finance leases" in result["reasoning"]
