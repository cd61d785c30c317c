""""H100 rental rates are below year-ago levels (August 2026)" had no direction: "below" before "year-ago levels" was
read as a threshold with no figure. Below or above year-ago levels is a move against the same time a year before,
and with a year named it is still that year-on-year move, not the year so far."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "direction"), [
    ("H100 rental rates are below year-ago levels (August 2026)", "down"),
    ("H100 rental rates are above year-ago levels", "up"),
    ("A100 rents are below last year's levels", "down"),
])
def test_direction(claim: str, direction: str) -> None:
    assert parse_claim(claim).direction == direction


@pytest.mark.parametrize(("claim", "verdict"), [
    # the published median: $3.79 on 2026-08-31 against $2.88 a year earlier
    ("H100 rental rates are below year-ago levels (August 2026)", "contradicted"),
    ("H100 rental rates are above year-ago levels in 2026", "supported"),
])
def test_verdicts(store: Store, claim: str, verdict: str) -> None:
    result = check(store, claim, "2026-09-02")
    assert result["verdict"] == verdict
    assert any("a year earlier" in str(e.get("text")) for e in result["evidence"])
