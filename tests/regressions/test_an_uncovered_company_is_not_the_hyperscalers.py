""""TSMC raises its 2026 capex budget" was borne out by Meta's and Alphabet's raises: a claim naming no company the
store follows was read as the hyperscalers'. A company the store does not follow is named as such, and the claim is
left unclear."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.store import Store


def test_named_not_covered() -> None:
    claim = parse_claim("TSMC raises its 2026 capex budget")
    assert claim.tickers == [] and claim.problem and claim.problem.startswith("TSMC is not a company aicycle follows")
    assert parse_claim("Capex is rising").tickers  # no company named at all: still the hyperscalers


@pytest.mark.parametrize("claim", ["TSMC raises its 2026 capex budget", "OpenAI raises its 2026 compute spending"])
def test_left_unclear(store: Store, claim: str) -> None:
    assert check(store, claim, "2026-07-20")["verdict"] == "unclear"
