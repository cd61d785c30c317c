"""Claims that a year's spending so far already exceeds a whole earlier year ("Micron's capex in the first nine
months of FY26 already exceeds all of FY25") came out `unclear` until round 6: no direction was read, and no
stored figure is that sum. The quarters reported so far are now summed and set against the earlier year."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.ytd import SoFar, read_so_far


@pytest.mark.parametrize(("claim", "so_far"), [
    ("Micron's capex in the first nine months of FY26 already exceeds all of FY25", SoFar(2026, 2025, 3)),
    ("Micron has already out-spent its whole FY25 capex in the first nine months of FY26", SoFar(2026, 2025, 3)),
    ("CoreWeave's first-half 2026 capex already exceeds all of 2025", SoFar(2026, 2025, 2)),
    ("Meta raises its 2026 capex guidance", None),
])
def test_reading(claim: str, so_far: SoFar | None) -> None:
    assert read_so_far(claim) == so_far


@pytest.mark.parametrize(("claim", "day", "verdict"), [
    # Micron 10-Qs: FY26 Q1-Q3 $5.389B + $6.387B + $7.826B = $19.6B against FY25's $15.857B (10-K)
    ("Micron's capex in the first nine months of FY26 already exceeds all of FY25", "2026-06-26", "supported"),
    ("Micron's capex in the first nine months of FY26 already exceeds all of FY25", "2026-04-01", "unclear"),
    # CoreWeave: Q1 $7.695B + Q2 $6.422B = $14.1B against 2025's $10.309B; Q2 was filed 2026-08-12
    ("CoreWeave's first-half 2026 capex already exceeds all of 2025", "2026-08-13", "supported"),
    ("CoreWeave's first-half 2026 capex already exceeds all of 2025", "2026-07-13", "unclear"),
])
def test_verdicts(store, claim: str, day: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    result = check(store, claim, day)
    assert result["verdict"] == verdict
    assert all(e["date"] <= day for e in result["evidence"])
