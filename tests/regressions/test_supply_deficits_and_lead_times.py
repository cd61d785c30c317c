"""Transformer claims ("supply runs 30% short of demand", "a 30% supply deficit", "lead times stretch to four
years") had no direction; they are tightness, and the grid events answer them. "Shorter lead times" is the
opposite, and only sentences on lead times answer a claim about them (not "our constrained period of time")."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("US power transformer supply runs about 30% short of demand in 2025", "2025-08-16", "supported"),
    ("Wood Mackenzie sees a 30% US power transformer supply deficit in 2025", "2025-08-17", "supported"),
    ("Lead times for big US power transformers stretch to as long as four years", "2026-05-13", "supported"),
])
def test_tightness_words(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict


def test_lead_time_claims_need_lead_time_sentences(store: Store) -> None:
    result = check(store, "Eaton is now able to offer shorter lead times", "2025-09-15")
    assert result["reading"]["direction"] == "unconstrained"
    assert result["verdict"] != "contradicted"
    assert all("lead time" in str(e["text"]).lower() for e in result["evidence"])
