"""Compute deals in newswire wording came out "no direction recognized" although the compute-contracts
ledger holds them: "Anthropic commits ~$100bn to AWS", "OpenAI commits an extra $250bn to Azure", "Meta signs
a $2.9 billion GPU capacity order with Nebius", "TeraWulf signs a $3.7 billion AI hosting deal"."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Anthropic commits ~$100bn to AWS for up to 5 GW of compute", "2026-04-25", "supported"),
    ("Anthropic commits ~$100bn to AWS for up to 5 GW of compute", "2026-04-01", "unclear"),
    ("OpenAI commits an extra $250bn to Azure", "2025-10-30", "supported"),
    ("Meta signs a roughly $2.9 billion GPU capacity order with Nebius", "2025-11-13", "supported"),
    ("TeraWulf signs $3.7 billion Google-backed AI hosting deal with Fluidstack", "2025-08-15", "supported"),
])
def test_the_ledger_answers(store: Store, claim: str, as_of: str, verdict: str) -> None:
    result = check(store, claim, as_of)
    assert result["reading"]["object"] == "compute_contracts"
    assert result["verdict"] == verdict
