""""Meta's 2025 capex came in around $72bn, at the high end of guidance", checked on 2026-01-20, came out supported
on the October guide of $70-72B: the end of the range made the claim a guidance claim and the word "guidance" made
it an expectation. Capex that "came in" is money spent; where it landed in the guide says how it compares. Before
the year's results it is unclear; after them the reported figure answers it."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store

CLAIM = "Meta's 2025 capex came in around $72bn, at the high end of guidance"


def test_read_as_money_spent() -> None:
    reading = read(parse_claim(CLAIM), dt.date(2026, 1, 20))
    assert (reading.object, reading.modality, reading.actual) == ("capex", "fact", True)


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    (CLAIM, "2026-01-20", "unclear"),  # the year's results came on 2026-01-28
    (CLAIM, "2026-02-20", "supported"),  # $72.2B reported
    ("Meta's 2025 capex came in around $80bn, at the high end of guidance", "2026-02-20", "contradicted"),
    ("Meta lifts the top end of its 2026 capex range", "2026-05-01", "supported"),  # a guide's end, still a guide
])
def test_verdicts(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
