""""H100 1-yr contract ~$2.35/hr in Mar 2026, ~40% off the low" came out unclear: SemiAnalysis's 1-year contract
levels were stored as two series (their publisher was spelt two ways, "per SemiAnalysis" and "per
SemiAnalysis/Latent Space"), and a claim naming a one-year rate was read on another source's reserved prices.
A publisher's points on one term are one series, and "1-yr", "one-year" name it."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.gpu.observations import _publisher
from aicycle.rumor import check
from aicycle.store import Store


def test_one_publisher_one_series() -> None:
    low = _publisher("market level per SemiAnalysis/Latent Space (as summarized)", "1-year contract, per GPU-hour")
    now = _publisher("market level per SemiAnalysis (as summarized)", "1-year contract, per GPU-hour")
    assert low == now == "SemiAnalysis, 1-year contract"
    assert _publisher("market level per SemiAnalysis (as summarized)", "on-demand SXM") == "SemiAnalysis"


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("H100 1-yr contract ~$2.35/hr in Mar 2026, ~40% off the low", "2026-04-01", "supported"),
    # $1.70 (October 2025) to $2.35 (March 2026): +38%
    ("H100 one-year rental rates rebound nearly 40% from the October 2025 low by March 2026", "2026-04-01",
     "supported"),
    ("H100 one-year rental rates rebound nearly 40% from the October 2025 low by March 2026", "2026-03-10",
     "unclear"),  # March's level is published at the month's end
    # "one-year contract rates" are prices, not a one-year contract
    ("H100 one-year contract rates rebounded ~40% off the Oct-2025 low to about $2.35/hr by March 2026",
     "2026-04-02", "supported"),
])
def test_verdicts(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, dt.date.fromisoformat(as_of))["verdict"] == verdict
