""""TSMC ADRs sank ~7% on Meta Compute report", "SK hynix shares rose after Meta Compute report" had no reading
(no metric). A stock's move on a dated piece of news is read on the stored market event (its date and hour) and
the stored daily closes: the first session that could react against the close before it. A figure that moved
("Micron revenue rose on HBM demand") is not a stock."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.reaction import read_reaction
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "tickers", "up"), [
    ("TSMC ADRs sank ~7% on Meta Compute report", ("TSM",), False),
    ("SK hynix shares rose after Meta Compute report", ("000660.KS",), True),
    ("Meta's stock fell 9% after it raised capex", ("META",), False),
])
def test_claim_read(claim: str, tickers: tuple[str, ...], up: bool) -> None:
    found = read_reaction(claim)
    assert found is not None and found.tickers == tickers and found.up is up


@pytest.mark.parametrize("claim", ["Micron revenue rose on HBM demand", "Nvidia capex jumped after the report"])
def test_figures_are_not_stocks(claim: str) -> None:
    assert read_reaction(claim) is None


@pytest.mark.parametrize(("claim", "as_of", "verdict", "said"), [
    ("TSMC ADRs sank ~7% on Meta Compute report", "2026-07-02", "supported", "TSM closed -6.98% on 2026-07-01"),
    ("SK hynix shares rose after Meta Compute report", "2026-07-03", "contradicted", "on 2026-07-02"),  # Seoul
    ("Meta shares rallied after it raised 2026 capex guidance in April", "2026-05-01", "contradicted",
     "META closed -8.55% on 2026-04-30"),
    ("TSMC ADRs sank ~7% on Meta Compute report", "2026-06-20", "unclear", ""),  # before the report
    ("TSMC ADRs sank ~20% on Meta Compute report", "2026-07-02", "contradicted", "-6.98%"),  # not that size
])
def test_move_read_on_prices(store: Store, claim: str, as_of: str, verdict: str, said: str) -> None:
    result = check(store, claim, as_of)
    assert result["verdict"] == verdict
    assert said in result["reasoning"]


def test_the_move_carries_its_prices_provenance(store: Store) -> None:
    result = check(store, "TSMC ADRs sank ~7% on Meta Compute report", "2026-07-02")
    item = result["evidence"][0]
    assert item["kind"] == "derived" and item["source"].startswith("daily closes (")
    assert "news dated by" in item["source"]
    assert "headline reports a plan" not in result["reasoning"]  # "on a report" names the news, it hedges nothing
