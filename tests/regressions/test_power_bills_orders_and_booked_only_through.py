"""Power and permitting claims that the stored events decide: "Texas SB 6 sets a 100 MW threshold for large loads"
(the bill's name was not read, so the event was not found; SB 6 sets 75 MW), "FERC orders PJM to write rules for
data centers co-located with power plants" (an order was not read as the regulator's deed), and "GE Vernova's
gas-turbine slots are booked only through 2028" (booked "only" through a year is that year, not a later one)."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    ("Texas SB 6 sets a 100 MW threshold for large loads", "2025-06-21", "contradicted"),
    ("Texas SB 6 sets a 75 MW threshold for large loads", "2025-06-21", "supported"),
    ("FERC orders PJM to write rules for data centers co-located with power plants", "2025-12-19", "supported"),
    ("FERC blocks PJM co-location rules for data centers", "2025-12-19", "contradicted"),
    ("GE Vernova's gas-turbine slots are booked only through 2028", "2025-12-12", "supported"),
    ("GE Vernova's gas-turbine slots are booked only through 2028", "2026-06-29", "contradicted"),  # through 2029
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
