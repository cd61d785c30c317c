"""Headlines with no direction read until round 6: "AWS has finally caught up with AI demand" (no longer short
of capacity) and "2026 cash capex will come in below 2025's" (a year set against another, no figure)."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read


@pytest.mark.parametrize(("claim", "direction"), [
    ("Amazon says AWS has finally caught up with AI demand", "unconstrained"),
    ("Amazon says AWS capacity will catch up with demand in 2026", "unconstrained"),
    ("Amazon says 2026 cash capex will come in below 2025's", "down"),
    ("Amazon says 2026 cash capex will come in above last year's", "up"),
])
def test_direction(claim: str, direction: str) -> None:
    assert read(parse_claim(claim), dt.date(2025, 11, 3)).direction == direction


@pytest.mark.parametrize(("claim", "day", "verdict"), [
    # Amazon, 2026-07-30: "we will still not have enough capacity to meet all the demand we have in 2026"
    ("Amazon says AWS capacity will catch up with demand in 2026", "2026-08-01", "contradicted"),
    # Amazon, 2025-10-29: "we expect that amount will increase in 2026"
    ("Amazon says 2026 cash capex will come in below 2025's", "2025-11-03", "contradicted"),
])
def test_verdicts(store, claim: str, day: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    assert check(store, claim, day)["verdict"] == verdict
