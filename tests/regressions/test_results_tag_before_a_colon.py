""""Alphabet Q3: 2025 capex guide lifted to $91-93bn" was read as a claim about the third quarter of 2025, and "Meta
Q4 flash: FY26 capex guided to $115-135bn" as one about a fourth quarter of fiscal 2026 ("flash" also read as NAND).
A sell-side flash headline's "Q3:" names the results the news came with; the year after it is what is claimed.
"MU FQ1 revenue" is the company's fiscal first quarter."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim
from aicycle.rumor.periods import read_period
from aicycle.rumor.reading import read
from aicycle.store import Store


def test_the_tag_is_the_occasion() -> None:
    period = read_period("Alphabet Q3: 2025 capex guide lifted to $91-93bn", dt.date(2025, 11, 3))
    assert (period.year, period.quarter) == (2025, None)
    assert period.results_of is not None and period.results_of.quarter == 3
    flash = read_period("Meta Q4 flash: FY26 capex guided to $115-135bn", dt.date(2026, 2, 2))
    assert (flash.year, flash.quarter, flash.results_of.quarter if flash.results_of else None) == (2026, None, 4)


def test_a_tag_with_no_year_after_it_is_the_quarter() -> None:
    period = read_period("Meta Q2: capex up 50% y/y", dt.date(2026, 8, 2))
    assert (period.year, period.quarter, period.results_of) == (2026, 2, None)


def test_fq_is_a_fiscal_quarter() -> None:
    # spelt out with the claim's other shorthand (`shorthand.expand`) before the period is read
    period = read(parse_claim("MU FQ1 revenue $13.6bn"), dt.date(2025, 12, 22)).period
    assert (period.year, period.quarter, period.fiscal) == (2026, 1, True)


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Alphabet Q3: 2025 capex guide lifted to $91-93bn", "2025-11-03", "supported"),
    ("Alphabet Q3: 2025 capex guide lifted to $91-93bn", "2025-10-03", "unclear"),
    ("Meta Q4 flash: FY26 capex guided to $115-135bn incl. finance leases", "2026-02-02", "supported"),
])
def test_verdicts(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
