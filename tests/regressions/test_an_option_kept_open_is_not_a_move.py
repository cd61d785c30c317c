""""MSFT CFO: if demand turns, we just slow the GPU/CPU buys — data-center timing is flexible" was contradicted by
Microsoft's rising capex, and "Intel CEO: new fab capex only in lockstep with customer commitments" had no
direction. Both claim words, an option kept open, not a move: figures do not decide them, the company's own words
of that kind do ("think about that infrastructure as being pretty fungible"; "deploy CapEx lockstep with the
tangible milestones"), and with none the claim is unclear."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.hedged import is_hedged
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "hedged"), [
    ("Meta CFO: if we overbuild we can just bring capacity online slower", True),
    ("Intel CEO: new fab capex only in lockstep with customer commitments", True),
    ("Microsoft says it can slow GPU purchases if demand turns", True),
    ("Meta says it cannot slow its build-out", False),
    ("Meta is slowing its build-out", False),
])
def test_read_as_an_option(claim: str, hedged: bool) -> None:
    assert is_hedged(claim) is hedged


@pytest.mark.parametrize(("claim", "as_of"), [
    ("MSFT CFO: if demand turns, we just slow the GPU/CPU buys — data-center timing is flexible", "2026-08-01"),
    ("Intel CEO: new fab capex only in lockstep with customer commitments", "2025-09-15"),
])
def test_borne_out_by_the_companys_words(store: Store, claim: str, as_of: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == "supported"
    assert all(e["points"] == "supports" and e.get("date") and str(e["date"]) <= as_of for e in result["evidence"])


def test_unclear_without_such_words(store: Store) -> None:
    # before any of Microsoft's calls in the store
    assert check(store, "MSFT CFO: if demand turns, we just slow the GPU buys", "2020-01-01")["verdict"] == "unclear"
