""""Dominion contracted data center capacity hits ~51 GW" found the utility's figure in the power ledger but read
no direction in it, so was left unclear. A level with no move is now set against the series' latest figure: near
it bears the claim out; another figure (the level before it is reached, or another measure) bears on nothing.
A verb about a decision ("regulators reject the ~10 GW expansion") is still read on the decision."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Dominion contracted data center capacity hits ~51 GW", "2026-05-03", "supported"),
    ("Dominion contracted data center capacity hits ~51 GW", "2026-04-01", "unclear"),  # 47 GW then
    ("Georgia regulators reject Georgia Power's ~10 GW generation expansion", "2025-12-22", "contradicted"),
])
def test_power_level(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
