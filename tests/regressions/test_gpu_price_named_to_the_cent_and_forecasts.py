"""GPU price claims: "Median H100 SXM marketplace offer rose from ~$1.99 to ~$2.69/hr between Oct 19 and Nov 16"
(the window's end at the claim's figure was shown but counted for nothing: a price named "to" a figure is matched
near it), "B300 rental index crashed ~47% to $4.20 and stayed there" ("to $4.20" was not read as a price; the index
the claim names is back at $8.70), "H100 rental index will be higher at end-2026 than in early October" (a forecast
of prices not yet quoted: the year's rise so far does not answer it). A price named to the cent is refuted only by
the series the claim names: one provider's price is not another's."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.amounts import level
from aicycle.store import Store


def test_to_a_dollar_figure_is_an_hourly_price() -> None:
    found = level("B300 rental index crashed ~47% to $4.20 and stayed there", hourly=True)
    assert found is not None and (found.op, found.value, found.unit) == ("at", 4.2, "USD/hour")


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("Median H100 SXM marketplace offer rose from ~$1.99 to ~$2.69/hr between Oct 19 and Nov 16, 2025",
     "2025-11-17", "supported"),
    ("B300 rental index crashed ~47% to $4.20 and stayed there", "2026-10-05", "contradicted"),
    ("H100 rental index will be higher at end-2026 than in early October", "2026-10-05", "unclear"),
    # another provider's price neither bears it out nor refutes it: SemiAnalysis's 1-year contract level does
    ("H100 one-year rental rates bottomed near $1.70/hr in October 2025", "2026-04-05", "supported"),
])
def test_read_on_the_named_series(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, dt.date.fromisoformat(as_of))["verdict"] == verdict
