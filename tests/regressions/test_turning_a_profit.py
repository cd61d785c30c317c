""""Nebius turns an operating profit for 2025" had no direction ("turns a profit" is to make one), and
"Samsung chip division swings to big Q2 2025 profit" had none either (words between "swings to" and "profit").
Both are a claim of profit, read on the sign of the period's operating income; a swing to profit after a larger
profit the quarter before is no swing."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "verdict", "said"), [
    ("Nebius turns an operating profit for 2025", "2026-05-04", "contradicted", "still a loss"),
    ("Samsung chip division swings to big Q2 2025 profit", "2025-08-02", "contradicted", "not a swing to profit"),
    ("Samsung's chip unit swings back to profit in Q1 2024", "2024-05-01", "supported", "a profit"),
])
def test_profit_claims(store: Store, claim: str, as_of: str, verdict: str, said: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    assert said in result["reasoning"]
