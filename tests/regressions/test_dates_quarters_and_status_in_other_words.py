"""Held-out 29's misses in other words for things already read: a day written day-first ("on 10 September 2025"); a
fiscal quarter named by its month and year ("the April 2026 quarter", NVIDIA's fiscal first quarter of 2027); spend
that "landed" above its guide (money spent, answered by the year's figure); a low named with a possessive ("from
last autumn's low"); and ARR that has "already reached" or is "running at" a figure, which a contracted figure of
that size does not bear out."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.periods import read_period
from aicycle.store import Store


def test_a_month_and_year_quarter_is_the_fiscal_quarter_ending_then() -> None:
    period = read_period("data center revenue topped $80bn in the April 2026 quarter", dt.date(2026, 5, 22), 1)
    assert (period.year, period.quarter, period.fiscal) == (2027, 1, True)


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Oracle shares jumped more than 30% on 10 September 2025", "2025-09-11", "supported"),
    ("Nvidia's data center revenue topped $80bn in the April 2026 quarter", "2026-05-22", "contradicted"),
    ("Meta's 2025 capex landed above the top of its $70-72bn guide", "2026-01-20", "unclear"),  # not reported yet
    ("Meta's 2025 capex landed above the top of its $70-72bn guide", "2026-02-01", "supported"),  # $72.2B
    ("One-year H100 contract prices have rebounded about 40% from last autumn's low", "2026-04-05", "supported"),
    ("IREN's ARR has already reached $4bn", "2026-08-30", "contradicted"),  # $4bn contracted, $1bn operating
    ("IREN has $4bn of ARR under contract", "2026-08-30", "supported"),
])
def test_verdicts(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
