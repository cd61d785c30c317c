""""Microsoft's commercial RPO ended December above $600bn", asked on 2026-01-15, was contradicted by the $392B of
an earlier quarter: "ended December" names the December quarter, which Microsoft had not reported yet. "Ended
December" / "ended 2025" now name that quarter's end; "by the end of 2026" (a deadline) does not."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.periods import read_period
from aicycle.store import Store


def test_ended_names_the_quarter() -> None:
    period = read_period("Microsoft's commercial RPO ended December above $600bn", dt.date(2026, 1, 15))
    assert (period.year, period.quarter) == (2025, 4)
    assert read_period("Google Cloud's backlog ended 2025 above $200bn", dt.date(2026, 1, 20)).quarter == 4
    assert read_period("IREN targets $3.4bn of ARR by the end of 2026", dt.date(2026, 2, 6)).quarter is None


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Microsoft's commercial RPO ended December above $600bn", "2026-01-15", "unclear"),
    ("Microsoft's commercial RPO ended December above $600bn", "2026-01-29", "supported"),
    ("Google Cloud's backlog ended 2025 above $200bn", "2026-01-20", "unclear"),
    ("Google Cloud's backlog ended 2025 above $200bn", "2026-02-05", "supported"),
])
def test_not_answered_before_that_quarter_is_reported(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
