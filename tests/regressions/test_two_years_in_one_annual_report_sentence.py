""""Amazon's 2024 cash capex came to $77.7bn" was refuted by the gross purchases ($83.0bn): Amazon's 10-K gives its
cash capex, net of proceeds and incentives, only in a sentence naming two years ("Cash capital expenditures were
$48.1 billion, and $77.7 billion in 2023 and 2024"). Each year's figure is now a net cash capex row, public when
the 10-K is, and a claim of Amazon's cash capex reads it."""

from __future__ import annotations

import pytest

from aicycle.curated.derived import years_in_a_quote
from aicycle.rumor import check
from aicycle.store import Store


def test_each_year_its_figure() -> None:
    quote = {"metric": "statement", "ticker": "AMZN", "method": "quote from 10-K FY2024", "text": (
        "Cash capital expenditures were $48.1 billion, and $77.7 billion in 2023 and 2024, which primarily reflect "
        "investments in technology infrastructure")}
    rows = years_in_a_quote([quote])
    assert [(r["fiscal_period"], r["value"], r["metric"]) for r in rows] == [
        ("FY2023", 48.1e9, "capex_net_cash"), ("FY2024", 77.7e9, "capex_net_cash")]


@pytest.mark.parametrize(("claim", "want"), [
    ("Amazon's 2024 cash capex came to $77.7bn", "supported"),
    ("Amazon's 2024 cash capex was $83bn", "contradicted"),  # the gross purchases
    ("Amazon spent $83bn on capex in 2024", "supported"),
])
def test_verdicts(store: Store, claim: str, want: str) -> None:
    assert check(store, claim, "2025-02-10")["verdict"] == want
