""""Meta's Hyperion data center construction will no longer run through its capex" and the six other ways the
claim sets put the Blue Owl JV were read as capex going up or down, or as a project, and mostly left unclear. They
are about what the capex line records, which the CFO said on the call: "Going forward, the construction cost of
the data center will not be recorded in CapEx"."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.capex_scope import read_capex_scope
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "counted"), [
    ("Meta's Hyperion data center construction will no longer run through its capex", False),
    ("Meta will keep booking Hyperion construction costs as capex after the Blue Owl JV", True),
    ("Meta's Louisiana Hyperion campus build will sit fully in Meta capex", True),
    ("Meta moves Hyperion data-center construction costs into its capex", True),
])
def test_claim_read(claim: str, counted: bool) -> None:
    scope = read_capex_scope(claim)
    assert scope is not None and scope.counted is counted


@pytest.mark.parametrize("claim", ["Meta halts construction at its Hyperion campus in Louisiana",
                                   "Meta raises 2026 capex to build more data centers"])
def test_other_claims_not_taken(claim: str) -> None:
    assert read_capex_scope(claim) is None


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Meta: Hyperion construction costs will no longer run through capex after the Blue Owl JV", "2025-10-31",
     "supported"),
    ("Meta keeps Hyperion construction costs inside its capex line", "2025-11-01", "contradicted"),
    ("Meta keeps Hyperion construction costs inside its capex line", "2025-10-01", "unclear"),  # before the call
])
def test_read_on_the_call(store: Store, claim: str, as_of: str, verdict: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    if verdict != "unclear":
        assert "will not be recorded in CapEx" in result["reasoning"]
