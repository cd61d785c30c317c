"""A maker's shipment figures ("Dell lifts its fiscal 2026 AI server shipment outlook to $20 billion") were not read
("no metric recognized"). Read as shipments, they met no sentence: Dell's call said "raising our AI server shipment
guidance $5 billion to $20 billion, with shipments slightly weighted to the third quarter", and the quarter named as
where the year's shipments fall made it a quarter's figure; and a call in September 2025, naming no year, was not
taken to speak of Dell's fiscal 2026, which had begun in February."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


@pytest.mark.parametrize("claim", [
    "Dell lifts its fiscal 2026 AI server shipment outlook to $20 billion",
    "Dell ups its FY26 AI server shipment target to $20bn",
    "Supermicro cuts its GPU server shipments forecast",
])
def test_read_as_shipments(claim: str) -> None:
    assert read(parse_claim(claim), dt.date(2025, 10, 20)).object == "shipments"


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    # DELL FY2026 Q2 call: "We are raising our AI server shipment guidance $5 billion to $20 billion"
    ("Dell lifts its fiscal 2026 AI server shipment outlook to $20 billion", "2025-10-20", "supported"),
    ("Dell ups its FY26 AI server shipment target to $20bn", "2025-10-20", "supported"),
    ("Dell lifts fiscal 2026 AI server shipment target to $20bn", "2025-10-20", "supported"),
    # before it, the FY2026 Q1 call: "driven by over $15 billion in AI server shipments"
    ("Dell lifts its fiscal 2026 AI server shipment outlook to $20 billion", "2025-07-20", "unclear"),
    ("Dell ups its FY26 AI server shipment target to $20bn", "2025-07-31", "unclear"),
    ("Dell expects more than $15 billion of AI server shipments in fiscal 2026", "2025-07-20", "supported"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
