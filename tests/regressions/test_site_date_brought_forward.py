""""Constellation pulls Crane (TMI-1) restart forward to 2H 2027" had no reading: a date brought forward, or a
site "targeted for" a period, was not a schedule claim, and the site was taken to be its alias in brackets. The
call says "We announced that we were bringing the restart of the Crane Clean Energy Center forward into the second
half of 2027"."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Constellation pulls Crane (TMI-1) restart forward to 2H 2027", "2025-09-15", "supported"),
    ("Constellation pulls forward the Crane (Three Mile Island) restart to 2027", "2025-09-15", "supported"),
    ("Constellation pulls forward the Crane (Three Mile Island) restart to 2027", "2025-06-01", "unclear"),
])
def test_brought_forward(store: Store, claim: str, as_of: str, verdict: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    if verdict == "supported":
        assert "Crane Clean Energy Center forward" in result["reasoning"]
