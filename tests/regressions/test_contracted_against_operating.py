""""IREN says $4bn of ARR is already up and running" was borne out by "$4 billion of ARR is now contracted for our
2026 capacity and $1 billion of that is operating today"; "IREN has $4bn of ARR under contract", checked in May
2026, came out unclear against "We now have $3.1 billion of ARR under contract". An amount's status (contracted or
operating) is read from its own clause (status.py) and set against the status the claim gives it."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.status import claimed_status, statuses
from aicycle.store import Store


def test_each_amount_its_status() -> None:
    said = ("Revenue, $4 billion of ARR is now contracted for our 2026 capacity and $1 billion of that is operating "
            "today.")
    assert statuses(said, "USD") == [(4e9, "contracted"), (1e9, "operating")]
    assert statuses("So the short version of FY '26, $4 billion of ARR contracted, $1 billion is operating today.",
                    "USD") == [(4e9, "contracted"), (1e9, "operating")]
    assert claimed_status("IREN says $4bn of ARR is already up and running") == "operating"
    assert claimed_status("IREN signed a $9.7bn deal") is None


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    ("IREN says $4bn of ARR is already up and running", "2026-08-29", "contradicted"),
    ("IREN has $4bn of ARR under contract", "2026-05-10", "contradicted"),  # $3.1bn then
    ("IREN's contracted ARR reaches $4 billion", "2026-08-31", "supported"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
