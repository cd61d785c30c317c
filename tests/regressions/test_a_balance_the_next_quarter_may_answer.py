"""'Google Cloud backlog tops half a trillion dollars', checked on 2026-07-10, was refuted by the March
quarter's $462bn although the June quarter had ended and its figure was not yet public: a balance claim naming
no period may be about that quarter. A balance under the line (or off a named figure) stops refuting the claim
once the quarter after its own has ended (rules.RUMOR_BALANCE_NEXT_QUARTER_DAYS); a call's balance likewise,
some 55 days after the call (rules.RUMOR_STALE_CALL_DAYS). Before then the latest figure still answers."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    ("Google Cloud backlog tops half a trillion dollars", "2026-07-10", "unclear"),
    # "Google Cloud backlog ... $514 billion" on the July 22 call
    ("Google Cloud backlog tops half a trillion dollars", "2026-07-30", "supported"),
    ("CoreWeave revenue backlog tops $50bn", "2025-11-01", "unclear"),  # Q3 ended, its release not yet out
    ("AWS backlog up ~40% y/y to $244bn", "2026-01-28", "unclear"),  # the December quarter not yet reported
    # the March quarter's $99.4bn, public 2026-06-14, while the June quarter was still under way
    ("CoreWeave revenue backlog tops $100B", "2026-06-20", "contradicted"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
