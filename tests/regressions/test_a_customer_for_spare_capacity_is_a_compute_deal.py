""""Meta Compute signs first external customer for its spare AI capacity" (2026-07-10) came out contradicted by Meta's
raised capex guide: "spare capacity" made it a claim that AI spending falls. A customer for a company's capacity is a
sale of compute, which only a recorded deal decides; none was public by then."""

from __future__ import annotations

import datetime as dt

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store

CLAIM = "Meta Compute signs first external customer for its spare AI capacity"


def test_read_as_a_compute_sale() -> None:
    reading = read(parse_claim(CLAIM), dt.date(2026, 7, 10))
    assert reading.object == "compute_contracts" and reading.selling


def test_unclear_without_a_recorded_deal(store: Store) -> None:
    assert check(store, CLAIM, "2026-07-10")["verdict"] == "unclear"


def test_an_outside_customer_in_the_singular_is_a_sale(store: Store) -> None:
    # Meta's calls speak of Meta Compute and of offers, not of a customer signed: "announced" a venture is no sale
    claim = "Meta Compute signs its first outside customer for surplus capacity"
    assert read(parse_claim(claim), dt.date(2026, 8, 15)).selling
    assert check(store, claim, "2026-08-15")["verdict"] == "unclear"
