""""NVDA guides 3Q FY27 revenue $108bn", asked before the Q2 call, was contradicted by the Q2 guide ($91bn): "3Q FY27"
was read as all of fiscal 2027, so a guide for another quarter answered it."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.shorthand import expand
from aicycle.store import Store


def test_quarter_of_a_fiscal_year() -> None:
    assert expand("NVDA guides 3Q FY27 revenue $108bn") == "NVDA guides Q3 FY27 revenue $108bn"
    assert expand("2Q26 capex") == "Q2 2026 capex"  # calendar shorthand unchanged


@pytest.mark.parametrize(("as_of", "verdict"), [("2026-08-20", "unclear"), ("2026-08-27", "supported")])
def test_the_guide_for_that_quarter(store: Store, as_of: str, verdict: str) -> None:
    assert check(store, "NVDA guides 3Q FY27 revenue $108bn", as_of)["verdict"] == verdict
