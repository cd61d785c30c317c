"""A balance claimed to have grown (or fallen) to a figure that matches was borne out whichever way it had moved:
"CoreWeave backlog fell to $99.4bn at end of Q1 2026" although it rose from $66.8bn. A matching balance that moved
the other way from the quarter before refutes the claim's move."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "want"), [
    ("CoreWeave backlog grew to $99.4bn at end of Q1 2026", "supported"),
    ("CoreWeave backlog fell to $99.4bn at end of Q1 2026", "contradicted"),
])
def test_verdicts(store: Store, claim: str, want: str) -> None:
    assert check(store, claim, "2026-06-20")["verdict"] == want
