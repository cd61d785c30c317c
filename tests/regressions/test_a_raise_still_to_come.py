"""'Alphabet lifts the top of its 2026 capex guidance above $200 billion', checked in mid-July, was contradicted
by the April guide of $180-190bn: a headline about a raise months after the last guide is about an update still
to come, which the claim sets leave open (as "lifts its guide to $195-205bn" already was). A guide at most two
weeks old is the update the headline may be about, and still refutes it."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    ("Alphabet lifts the top of its 2026 capex guidance above $200 billion", "2026-07-15", "unclear"),
    # "$195 billion to $205 billion" (2026-07-22)
    ("Alphabet lifts the top of its 2026 capex guidance above $200 billion", "2026-07-25", "supported"),
    # the July 29 update kept the top at $145bn
    ("Meta lifts 2026 capex ceiling above $145bn", "2026-08-02", "contradicted"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
