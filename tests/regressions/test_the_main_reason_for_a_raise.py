""""Meta's April capex hike was driven mainly by new data-center sites for future capacity" was read as a claim
about data-center projects and borne out by the raise itself. Meta gave "higher component pricing this year and, to
a lesser extent, additional data center costs to support future-year capacity": a reason the company names only to
a lesser extent is not the main one the claim names."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.driver import chief, claimed_driver
from aicycle.store import Store

_CLAIM = "Meta's April capex hike was driven mainly by new data-center sites for future capacity"


def test_the_reason_read() -> None:
    assert claimed_driver(_CLAIM) == "sites" and chief(_CLAIM)


@pytest.mark.parametrize(("claim", "want"), [
    (_CLAIM, "contradicted"),
    ("Meta's April capex hike was driven mainly by higher component pricing", "supported"),
])
def test_verdicts(store: Store, claim: str, want: str) -> None:
    result = check(store, claim, "2026-05-01")
    assert result["verdict"] == want and result["reading"]["object"] != "projects"
