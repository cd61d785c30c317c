""""Microsoft cuts capex: March-qtr spend falls to $31.9bn" was supported by the figure, though Microsoft put the dip
down to "the normal variability from cloud infrastructure buildouts and the timing of delivery of finance leases";
"Meta Q1 capex drops ... -- the build-out is being scaled back" came out `unclear`, though the same call raised the
year's forecast. A claim of a cut on a quarter's dip is read on the company's word on that quarter."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.quarter_dip import reads_as_dip
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "quarter", "dip"), [
    ("Microsoft cuts capex: March-qtr spend falls to $31.9bn", 1, True),
    ("Microsoft's March-qtr capex falls to $31.9bn", 1, False),  # a figure that fell, no decision claimed
    ("Microsoft cuts its 2026 capex plan", None, False),  # no quarter: a plan, read as usual
])
def test_what_reads_as_a_dip(claim: str, quarter: int | None, dip: bool) -> None:
    assert reads_as_dip(claim, quarter) is dip


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Microsoft cuts capex: March-qtr spend falls to $31.9bn", "2026-04-30", "contradicted"),
    ("Meta Q1 capex drops to $19.8bn from $22.1bn in Q4 -- the build-out is being scaled back", "2026-05-01",
     "contradicted"),
    ("Microsoft's March-qtr capex falls to $31.9bn", "2026-04-30", "supported"),
])
def test_the_companys_word_on_the_quarter(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
