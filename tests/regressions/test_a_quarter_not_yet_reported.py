""""Micron quarterly revenue tops $40bn", as of 2026-05-20, was contradicted by the quarter that ended in
February ($23.9bn): by then the next quarter was all but over, and the claim may be about it. A quarter's flow
under an "above" line, with no period named, refutes the claim only until the next quarter is near its end."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("as_of", "verdict"), [
    ("2026-04-01", "contradicted"),  # just after the February quarter's report: that quarter is meant
    ("2026-05-20", "unclear"),  # the May quarter ends on the 28th, unreported
    ("2026-06-27", "supported"),  # the 10-Q: $41.5bn
])
def test_quarterly_revenue_over_a_line(store: Store, as_of: str, verdict: str) -> None:
    assert check(store, "Micron quarterly revenue tops $40bn", as_of)["verdict"] == verdict


def test_a_quarter_just_reported_still_refutes(store: Store) -> None:
    assert check(store, "Nebius quarterly capex tops $5bn", "2026-06-15")["verdict"] == "contradicted"
