"""A figure said to have fallen or risen in a named quarter ("CoreWeave's quarterly capex fell in Q2 2026",
"NVIDIA's RPO dipped in fiscal Q4 2026") was judged year on year; "from Q1" was taken for the quarter the
claim is about; "contracted ARR tops $3 billion" was borne out by the $3.4 billion target; "will have enough
capacity", "more compute than it can use" and "through all of 2026" were not read; a sentence saying "we will
still not have enough capacity" was read as slack; "memory capex" was read as memory supply."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.reading import read
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "in_a_row", "quarter"), [
    ("CoreWeave's quarterly capex fell in Q2 2026", 1, 2),
    ("CoreWeave's Q2 2026 capex fell from Q1", 1, 2),
    ("Microsoft's quarterly capex fell from the December quarter to the March quarter", 1, 1),
    ("NVIDIA's revenue rose in Q2", 0, 2),  # revenue: year on year, as most headlines mean it
])
def test_a_move_in_a_named_quarter_is_against_the_quarter_before(claim: str, in_a_row: int, quarter: int) -> None:
    reading = read(parse_claim(claim), dt.date(2026, 8, 14))
    assert (reading.quarters_in_a_row, reading.period.quarter) == (in_a_row, quarter)


@pytest.mark.parametrize(("claim", "obj", "direction"), [
    ("Amazon says it will have enough AI capacity to meet 2026 demand", "capacity", "unconstrained"),
    ("Meta now has more compute than it can use", "capacity", "unconstrained"),
    ("Samsung plans to cut its 2026 memory capex", "capex", "down"),
])
def test_the_reading(claim: str, obj: str, direction: str) -> None:
    reading = read(parse_claim(claim), dt.date(2026, 8, 2))
    assert (reading.object, reading.direction) == (obj, direction)


@pytest.mark.parametrize(("claim", "as_of", "want"), [
    # PP&E purchases $7.695B in Q1 2026, $6.422B in Q2 2026
    ("CoreWeave's quarterly capex fell in Q2 2026", "2026-08-13", "supported"),
    # RPO $2.5B at 2025-10-26, $2.3B at 2026-01-25
    ("NVIDIA's remaining performance obligations dipped in fiscal Q4 2026", "2026-02-27", "supported"),
    # "Today, we have approximately $2.3 billion of annualized revenue run rate under contract"
    ("IREN's contracted ARR tops $3 billion", "2026-02-06", "contradicted"),
    # "we will still not have enough capacity to meet all the demand we have in 2026"
    ("Amazon says it will have enough AI capacity to meet 2026 demand", "2026-08-02", "contradicted"),
    # before the April 2026 call, only "through the end of our fiscal year" had been said
    ("Microsoft expects to remain capacity constrained through all of 2026", "2026-04-27", "unclear"),
])
def test_verdicts(store: Store, claim: str, as_of: str, want: str) -> None:
    assert check(store, claim, as_of)["verdict"] == want
