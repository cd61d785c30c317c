""""Lam lifts its 2025 WFE view to ~$105bn on AI memory demand" was borne out by Lam's "$105 billion range, up from our
prior view of approximately $100 billion, predominantly due to an uptick in domestic China-related spending", and
"Lam's WFE upgrade ... came from AI-memory spending outside China" was unclear. An equipment maker's market view is
read for the reason it gives as a capex guide is, with China's spending and everyone else's as reasons of their own,
and "came from" as a claim's reason."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.driver import claimed_driver
from aicycle.store import Store


def test_china_and_outside_china_are_different_reasons() -> None:
    assert claimed_driver("Lam's WFE upgrade came from AI-memory spending outside China") == "outside China"
    assert claimed_driver("Lam lifts its WFE view on China spending") == "China"


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Lam lifts its 2025 WFE view to ~$105bn on AI memory demand", "2025-09-15", "contradicted"),
    ("Lam's WFE upgrade to ~$105bn came from AI-memory spending outside China", "2025-09-20", "contradicted"),
    ("Lam lifts its 2025 WFE view to ~$105bn on China spending", "2025-09-15", "supported"),
])
def test_the_reason_lam_gives(store: Store, claim: str, as_of: str, verdict: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    assert any("China-related spending" in e["text"] or "$105 billion range" in e["text"] for e in result["evidence"])
