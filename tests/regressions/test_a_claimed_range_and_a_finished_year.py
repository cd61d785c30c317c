""""Meta sees 2025 capex of $64-72bn", as of February 2025, was supported by "approximately $60 billion to $65
billion": the claimed range's low end fell in the stated range and its high end was never compared. And
"Alphabet's 2025 capex finishes above $90bn", as of November 2025, was supported by the year's guide: "finishes
above" claims the year's outcome, which no outlook bears out before the year ends."""

from __future__ import annotations

from aicycle.rumor import check
from aicycle.store import Store


def test_both_ends_of_a_claimed_range(store: Store) -> None:
    claim = "Meta sees 2025 capex of $64-72bn"
    assert check(store, claim, "2025-02-03")["verdict"] != "supported"
    assert check(store, claim, "2025-05-05")["verdict"] == "supported"  # the April range was $64-72bn


def test_a_year_finishing_above_a_line_is_an_outcome(store: Store) -> None:
    assert check(store, "Alphabet's 2025 capex finishes above $90bn", "2025-11-01")["verdict"] == "unclear"
