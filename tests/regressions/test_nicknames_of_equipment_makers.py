"""Equipment makers named by town and trade ("Fremont etch leader", "Milpitas process-control house") were not
recognised, so the claims had no company."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "ticker"), [
    ("Fremont etch leader lifts CY25 WFE view to ~$105bn", "LRCX"),
    ("Milpitas process-control house holds 2025 WFE view", "KLAC"),
])
def test_named(claim: str, ticker: str) -> None:
    assert parse_claim(claim).tickers == [ticker]


def test_verdict(store: Store) -> None:
    # Lam: "we expect wafer fabrication equipment or WFE spending to be in the $105 billion range"
    assert check(store, "Milpitas process-control house holds 2025 WFE view: mid-single-digit growth from ~$100bn",
                 "2025-09-20")["verdict"] == "supported"
