""""Meta lifts 2026 capex outlook to $125-145bn, blames memory pricing" was read as a claim about memory prices. After a
comma, "blames", "attributes it to" and "pins it on" give the reason for the move, not what moved."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store

CLAIM = "Meta lifts 2026 capex outlook to $125-145bn, blames memory pricing"


def test_the_object_is_the_guide() -> None:
    assert read(parse_claim(CLAIM), dt.date(2026, 4, 30)).object == "guidance"


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    (CLAIM, "2026-04-22", "unclear"),  # the raise came on 2026-04-29
    (CLAIM, "2026-04-30", "supported"),
    # as the main verb, blame is what is claimed: still read as a claim about the raise
    ("Meta blames new data-center construction for most of its capex raise", "2026-05-01", "supported"),
])
def test_verdicts(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
