""""Samsung overshot its 2025 facility-investment plan" read "facility" as data-center projects and
"overshot" as no direction; the annual report's "52.7 trillion won, 5 trillion above earlier plan" went
unread. A Korean maker's facility investment is its capex, and spending above or below its own plan says so."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Samsung overshot its 2025 facility-investment plan", "2026-03-12", "supported"),
    ("Samsung overshot its 2025 facility-investment plan", "2026-01-12", "unclear"),
    ("Samsung spent more on facilities in 2025 than it planned", "2026-03-15", "supported"),
    ("Samsung spent less than planned on facilities in 2025", "2026-03-11", "contradicted"),
])
def test_spend_against_plan(store: Store, claim: str, as_of: str, verdict: str) -> None:
    result = check(store, claim, as_of)
    assert result["reading"]["object"] == "capex"
    assert result["verdict"] == verdict
