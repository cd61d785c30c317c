""""Boise memory maker: FQ3 FY26 revenue tops $40bn" was read as a claim about memory supply: the words that name the
company ("memory maker") were taken for the object. A maker described by what it makes is a name; the claim is
about its revenue."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


def test_the_object_is_revenue() -> None:
    claim = parse_claim("Boise memory maker: FQ3 FY26 revenue tops $40bn")
    assert read(claim, dt.date(2026, 6, 28)).object == "revenue"


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Boise memory maker: FQ3 FY26 revenue tops $40bn", "2026-06-28", "supported"),  # $41.5B
    ("The Boise memory maker says HBM is sold out for 2026", "2026-01-28", "supported"),  # still the HBM claim
])
def test_verdicts(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
