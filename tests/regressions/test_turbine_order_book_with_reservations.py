""""GE Vernova firm gas turbine backlog tops 50 GW" was borne out by "building our total backlog in slot
reservation agreements to 55 gigawatts": a turbine maker's order book is stated two ways, the firm orders ("backlog
remaining at 29 gigawatts") and with its slot reservations, and the largest figure of the sentence was taken.
A claim about one is now read only on figures of that one. "Gas backlog plus slot reservations tops 60GW" is an
order book counted in gigawatts (the grid ledger's 62 GW), not a backlog of dollars."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "basis"), [
    ("GE Vernova firm gas turbine backlog tops 50 GW", "firm"),
    ("GE Vernova gas backlog plus slot reservations tops 60GW", "reserved"),
    ("Intel cuts its 2025 net capex outlook", "net"),
    ("Oracle RPO tops $500bn", None),
])
def test_basis(claim: str, basis: str | None) -> None:
    assert read(parse_claim(claim), dt.date(2025, 9, 1)).basis == basis


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("GE Vernova firm gas turbine backlog tops 50 GW", "2025-08-25", "contradicted"),
    ("GE Vernova gas turbine backlog plus slot reservations tops 60 GW", "2025-06-20", "contradicted"),
    ("GE Vernova gas backlog plus slot reservations tops 60GW", "2025-10-25", "supported"),
])
def test_order_book(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
