"""An equipment maker's view of the industry's wafer-fab equipment spending ("Lam lifts its 2025 WFE forecast to
about $105bn", "Lam expects WFE to fall sharply in the back half of 2025") was not read at all ("no metric
recognized"), or read as the maker's own AI spending; its calls, which state the view, were never consulted.
A restated view near the claim's figure ("we continue to forecast ... the $100 billion range") is not a lift."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "direction"), [
    ("Lam lifts its 2025 WFE forecast to about $105bn", "up"),
    ("Lam sees WFE spending falling in the second half of 2025", "down"),
    ("KLA raises its 2026 wafer fab equipment forecast to $120bn", "up"),
    ("Applied Materials expects semiconductor equipment spending to grow in 2026", "up"),
])
def test_read_as_the_industrys_equipment_spending(claim: str, direction: str) -> None:
    reading = read(parse_claim(claim), dt.date(2025, 9, 15))
    assert (reading.object, reading.direction) == ("wfe", direction)


def test_equipment_spending_of_a_segment_stays_segment_capex() -> None:
    reading = read(parse_claim("Lam expects NAND equipment spending to rise next year"), dt.date(2024, 9, 20))
    assert reading.object == "segment_capex"


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    # LRCX June-2025 quarter call: "we expect wafer fabrication equipment or WFE spending to be in the $105 billion
    # range, up from our prior view of approximately $100 billion"
    ("Lam lifts its 2025 WFE forecast to about $105bn", "2025-09-13", "supported"),
    ("Lam lifts its calendar-2025 WFE view to about $105bn", "2025-09-15", "supported"),
    ("Lam lifts its 2025 wafer fab equipment view to about $105 billion", "2025-09-15", "supported"),
    # before that call: "we continue to forecast calendar year 2025 WFE spending in the $100 billion range"
    ("Lam lifts its 2025 WFE forecast to about $105bn", "2025-06-20", "unclear"),
    # the same call: "we expect WFE in the second half of the calendar year to be roughly flat with the first half"
    ("Lam expects WFE to fall sharply in the back half of 2025", "2025-09-15", "contradicted"),
    ("Lam sees WFE spending falling in the second half of 2025", "2025-09-15", "contradicted"),
    # KLA's latest call in the store is its June-2025 quarter: nothing on 2026
    ("KLA raises its 2026 WFE forecast to $120bn", "2026-03-01", "unclear"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
