"""Claims about one quarter's outlook or one business's figures were missed or misjudged: NVIDIA's revenue
outlook ("Total revenue is expected to be $78 billion") names its quarter three sentences earlier and a fiscal
year that runs a year ahead of the calendar; Microsoft's guide for a sequential capex decrease was read by the
stance engine as a plan kept and outvoted by the previous call's guide for another quarter; "ran an operating
loss" and "stayed profitable" were not read as the sign of profit; "data center revenue" was read as
data-center construction; a claim that revenue beat its outlook was read as an outlook."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "obj", "segment", "direction", "modality"), [
    ("CoreWeave ran an operating loss in Q3 2025", "profit", None, "down", "fact"),
    ("CoreWeave is profitable", "profit", None, "up", "fact"),
    ("NVIDIA's data center revenue shrank sequentially in fiscal Q2 2027", "revenue", "Data Center", "down", "fact"),
    ("NVIDIA's fiscal Q4 2026 revenue beats its $65 billion outlook", "revenue", None, None, "fact"),
    ("Amazon pulls back on data center leases", "leases", None, "down", "fact"),
])
def test_the_reading(claim: str, obj: str, segment: str | None, direction: str | None, modality: str) -> None:
    reading = read(parse_claim(claim), dt.date(2026, 8, 28))
    assert (reading.object, reading.segment, reading.direction, reading.modality) == (obj, segment, direction,
                                                                                        modality)


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    # "Let me turn to the outlook for the first quarter. ... Total revenue is expected to be $78 billion, ±2%."
    ("NVIDIA guides fiscal Q1 2027 revenue below $75 billion", "2026-02-26", "contradicted"),
    ("NVIDIA guides fiscal Q3 2027 revenue to $108 billion", "2026-08-27", "supported"),
    # "we expect capital expenditures to decrease on a sequential basis" (2026-01-27)
    ("Microsoft guides capex higher sequentially for its March quarter", "2026-01-28", "contradicted"),
    # operating income +$51.85M for the quarter to 2025-09-30
    ("CoreWeave ran an operating loss in Q3 2025", "2025-11-14", "contradicted"),
    # "Q2 data center revenue increased 18% quarter-over-quarter to $89 billion"
    ("NVIDIA's data center revenue shrank sequentially in fiscal Q2 2027", "2026-08-27", "contradicted"),
    # the quarter had not been reported yet
    ("NVIDIA's fiscal Q4 2026 revenue beats its $65 billion outlook", "2026-02-20", "unclear"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
