"""A level claim about a group ("Hyperscaler 2026 capex estimates approach $700 billion") was judged member
by member against the whole line (Alphabet's $175–185B is "not $700B"); "demand is what limits its growth",
"outlook is limited by demand", "was operating-profitable in 2025" and a range that "reaches past $200
billion" were not read, and a year's profit was judged on its latest quarter."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "obj", "direction"), [
    ("IREN says customer demand is what limits its growth", "capacity", "unconstrained"),
    ("NVIDIA's fiscal 2028 outlook is limited by demand", "capacity", "unconstrained"),
    ("Nebius was operating-profitable in 2025", "profit", "up"),
])
def test_the_reading(claim: str, obj: str, direction: str) -> None:
    reading = read(parse_claim(claim), dt.date(2026, 5, 1))
    assert (reading.object, reading.direction) == (obj, direction)


def test_a_range_that_reaches_past_a_line_is_its_high_end() -> None:
    reading = read(parse_claim("Alphabet's 2026 capex range now reaches past $200 billion"), dt.date(2026, 5, 1))
    assert reading.range_end == "high" and reading.level is not None and reading.level.op == "above"


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    # NVIDIA: analyst expectations for the top five "approaching $700 billion"
    ("Hyperscaler 2026 capex estimates approach $700 billion", "2026-02-27", "supported"),
    # FY2025 operating income -$611.7M
    ("Nebius was operating-profitable in 2025", "2026-05-01", "contradicted"),
    # $180-190B, updated from $175-185B on 2026-04-29
    ("Alphabet's 2026 capex range now reaches past $200 billion", "2026-05-01", "contradicted"),
    ("IREN says customer demand is what limits its growth", "2026-02-06", "contradicted"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want


def test_the_group_sum_is_shown_with_its_members(store: Store) -> None:
    result = check(store, "Hyperscalers' 2026 capex guides top $400 billion", "2026-08-10")
    assert result["verdict"] == "supported"
    summed = [e for e in result["evidence"] if "guides summed" in e["text"]]
    assert summed and "no guide from ORCL" in summed[0]["text"]
