""""H200 list rates fell more than 10% m/m in April 2026" was borne out by an 8.5% fall: the size of a fall was
not read. A fall smaller than a floor the claim names, or far from the size it names, points against it."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.amounts import decline
from aicycle.store import Store


def test_decline_read() -> None:
    assert decline("H200 list rates fell more than 10% m/m") == (0.10, True)
    assert decline("prices dropped about 8% in April") == (0.08, False)
    assert decline("prices rose 8%") is None


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    ("H200 list rates fell more than 10% m/m in April 2026", "2026-05-01", "contradicted"),  # $3.52 to $3.22
    ("H200 list rates fell more than 5% m/m in April 2026", "2026-05-01", "supported"),
    ("H200 list rates fell about 8% in April 2026", "2026-05-01", "supported"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
