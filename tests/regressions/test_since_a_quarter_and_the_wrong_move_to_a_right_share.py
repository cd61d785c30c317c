""""CoreWeave revenue has risen every quarter since Q1 2025, to $2.58bn in Q2 2026" was judged on Q1 2025's revenue:
the quarter after "since" was taken as the claim's, with the first year in the text. "SK hynix's HBM share climbed
to 57% in Q3 2025" came out `unclear`: the level was right, but the share fell to it from 62%."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


def test_the_quarter_since_is_not_the_claims() -> None:
    claim = "CoreWeave revenue has risen every quarter since Q1 2025, to $2.58bn in Q2 2026"
    period = read(parse_claim(claim), dt.date(2026, 8, 15)).period
    assert (period.quarter, period.year) == (2, 2026)


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("CoreWeave revenue has risen every quarter since Q1 2025, to $2.58bn in Q2 2026", "2026-08-15", "supported"),
    ("SK hynix's HBM share climbed to 57% in Q3 2025", "2025-12-22", "contradicted"),
    ("SK hynix's HBM share fell to 57% in Q3 2025", "2025-12-22", "supported"),
])
def test_verdicts(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
