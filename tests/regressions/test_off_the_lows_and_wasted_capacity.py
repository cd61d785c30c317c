""""H100 1-yr contract pricing up ~40% off the lows" was read as a year-on-year move ("off", not "from", the lows),
and "AWS is sitting on a lot of wasted capacity" named no metric ("wasted", not "idle")."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.store import Store


def test_wasted_capacity_is_idle_capacity() -> None:
    claim = parse_claim("Jassy admits AWS is sitting on a lot of wasted capacity")
    assert (claim.metric, claim.direction) == ("ai_investment", "down")


@pytest.mark.parametrize(("claim", "as_of", "verdict", "said"), [
    ("H100 1-yr contract pricing up ~40% off the lows (SemiAnalysis)", "2026-04-05", "supported", "its low of $1.70"),
])
def test_verdicts(store: Store, claim: str, as_of: str, verdict: str, said: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    assert any(said in str(e["text"]) for e in result["evidence"])
