""""Amazon lifts 2026 capex plan to ~$220bn, blaming memory costs", checked before the July 30 call, was borne out
by an April sentence on Trainium: "capex plan to ~$220bn" was not read as a guide, and "memory costs" made it a
memory claim. "Amazon: even ~$220bn of 2026 spend won't buy enough capacity to meet demand" was read as a deal
("buy ... capacity") at a $220bn level. A plan stated "to" a figure is the guide; "won't buy enough capacity to
meet demand" is a capacity constraint, its dollars context."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    ("Amazon lifts 2026 capex plan to ~$220bn, blaming memory costs", "2026-07-25", "unclear"),
    ("Amazon lifts 2026 capex plan to ~$220bn, blaming memory costs", "2026-08-01", "supported"),
    # "Even at that amount, we will still not have enough capacity to meet all the demand we have in 2026"
    ("Amazon: even ~$220bn of 2026 spend won't buy enough capacity to meet demand", "2026-08-01", "supported"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == want
    assert result["reading"]["object"] in ("guidance", "capacity")
