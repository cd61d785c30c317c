"""Claims that a project was stopped or delivered came out `unclear`: "Tucson blocks Amazon's Project Blue" and
"Microsoft pulls back on some data center projects, including one in Ohio" are permitting events the store holds
(never read for a project claim); "puts bitcoin mining expansion on hold" named no object; "delivers the first
Microsoft Horizon data hall" had no direction (and "Microsoft Horizon" was dropped as a company name, so no site
narrowed the call's sentences); "data center projects" was read as a verb ("projects") and so as an outlook."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "direction", "places", "modality"), [
    ("Tucson blocks Amazon's $3.6 billion 'Project Blue' data center", "cancel", ["Project Blue"], "fact"),
    ("Microsoft pulls back on some data center projects, including one in Ohio", "pause", ["Ohio"], "fact"),
    ("IREN puts bitcoin mining expansion on hold to focus on AI", "pause", [], "fact"),
    ("IREN delivers the first Microsoft Horizon data hall", "delivered", ["Horizon"], "fact"),
])
def test_the_reading(claim: str, direction: str, places: list[str], modality: str) -> None:
    reading = read(parse_claim(claim), dt.date(2025, 8, 8))
    assert (reading.object, reading.direction, reading.places, reading.modality) == ("projects", direction, places,
                                                                                     modality)


def test_pulling_back_from_deals_is_fewer_deals() -> None:
    reading = read(parse_claim("Meta is pulling back from third-party cloud deals"), dt.date(2026, 5, 1))
    assert (reading.object, reading.direction) == ("compute_contracts", "down")


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    # Tucson City Council, 2025-08-06: "voted unanimously 7-0 to stop negotiations for Project Blue"
    ("Tucson blocks Amazon's $3.6 billion 'Project Blue' data center", "2025-08-08", "supported"),
    ("Microsoft pulls back on some data center projects, including one in Ohio", "2025-06-01", "supported"),
    # "while we have paused meaningful mining expansion"
    ("IREN puts bitcoin mining expansion on hold to focus on AI", "2025-08-29", "supported"),
    # "Horizon 1 was delivered to Microsoft this month"; in May only "progressing to schedule"
    ("IREN delivers the first Microsoft Horizon data hall", "2026-08-29", "supported"),
    ("IREN delivers the first Microsoft Horizon data hall", "2026-05-09", "unclear"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
