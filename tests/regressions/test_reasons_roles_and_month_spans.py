"""Held-out 24's misses of one shape each: "Google says it is finally out of the supply-constrained environment"
(read as a claim that it is constrained), "Meta's April capex hike was mostly about building more data centers" and
"Amazon's bump to ~$220bn ... is about buying more land and data-center shells" (a reason given with "is about" was
not read), "Cipher Mining to spend $5.5bn renting compute from AWS" (AWS rents from Cipher), and "SK hynix July-Sept
2025 sales top 24tn won" (a quarter named by its months)."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.periods import read_period
from aicycle.store import Store


def test_a_quarter_by_its_months() -> None:
    for text in ("sales in July-Sept 2025", "sales from July to September 2025", "Oct.–Dec. 2025 revenue"):
        period = read_period(text, dt.date(2026, 1, 30), 12)
        assert period.quarter in (3, 4) and period.year == 2025


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    ("Google says it is finally out of the supply-constrained environment", "2026-07-24", "contradicted"),
    ("Meta's April capex hike was mostly about building more data centers", "2026-05-02", "contradicted"),
    ("Amazon's bump to ~$220bn of 2026 capex is about buying more land and data-center shells", "2026-08-01",
     "contradicted"),  # "The higher cost of memory pushing this number up"
    ("Cipher Mining to spend $5.5bn renting compute from AWS", "2025-11-04", "contradicted"),
    ("SK hynix July-Sept 2025 sales top 24tn won", "2025-10-20", "unclear"),
    ("SK hynix July-Sept 2025 sales top 24tn won", "2025-10-30", "supported"),  # 24.45tn won
    # no year: the latest January-March to have ended, a calendar quarter whatever Microsoft's fiscal year
    ("Microsoft capex fell to $31.9bn in Jan-Mar as it pulls back on AI build-out", "2026-05-01", "contradicted"),
    ("Amazon's 2026 capex plan is about $200bn", "2026-08-01", "contradicted"),  # "about $200bn" is no reason
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
