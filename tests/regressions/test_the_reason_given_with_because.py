"""Reasons the check did not read: "Google bumped its 2026 capex guide in April because AI server demand surged"
("because" with no "of"; Alphabet's raise folded in the Intersect acquisition), "MSFT sees March-qtr capex dipping
q/q as AI demand softens" (Microsoft's outlook put the dip down to build-out variability and the timing of finance
leases). A reason the company gives too is left to the usual reading: the right reason does not bear out the
claim's figure."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.driver import claimed_driver
from aicycle.store import Store


def test_because_names_a_reason() -> None:
    assert claimed_driver("Google bumped its 2026 capex guide in April because AI server demand surged") == "demand"
    assert claimed_driver("Amazon hikes capex because of memory costs") == "costs"


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Google bumped its 2026 capex guide in April because AI server demand surged", "2026-05-01", "contradicted"),
    ("MSFT sees March-qtr capex dipping q/q as AI demand softens", "2026-01-29", "contradicted"),
    ("Amazon hikes capex to $220B because AI demand is outrunning capacity", "2026-07-31", "contradicted"),
    # the company's own reason: the usual reading of the figure decides
    ("Amazon hikes capex to $220B because of memory costs", "2026-07-31", "supported"),
])
def test_the_stated_reason_decides(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, dt.date.fromisoformat(as_of))["verdict"] == verdict
