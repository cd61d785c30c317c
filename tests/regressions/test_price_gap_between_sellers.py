""""Hyperscaler H100 on-demand prices are more than double neocloud rates" was read as a price rise and
contradicted by a year-on-year change; "Hyperscalers charge more than twice neocloud prices to rent H200s" could
not be read at all. The index that splits its median by seller answers both: the two medians' ratio, as the
median of the week's daily ratios."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.price_gap import read_gap
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "high", "low", "multiple", "op"), [
    ("Hyperscaler H100 on-demand prices are more than double neocloud rates", "hyperscaler", "neocloud", 2.0, "above"),
    ("Hyperscalers charge more than twice neocloud prices to rent H200s", "hyperscaler", "neocloud", 2.0, "above"),
    ("Neocloud H100 rates are less than half hyperscaler prices", "neocloud", "hyperscaler", 0.5, "below"),
    ("Hyperscaler prices run at 3x neocloud rates", "hyperscaler", "neocloud", 3.0, "at"),
])
def test_read(claim: str, high: str, low: str, multiple: float, op: str) -> None:
    gap = read_gap(claim)
    assert gap is not None and (gap.high, gap.low, gap.multiple, gap.op) == (high, low, multiple, op)


def test_not_a_gap_claim() -> None:
    assert read_gap("Hyperscaler capex more than doubles") is None


@pytest.mark.parametrize(("claim", "verdict", "sku"), [
    ("Hyperscaler H100 on-demand prices are more than double neocloud rates", "supported", "H100"),
    ("Hyperscaler H100 prices run at more than triple neocloud rates", "supported", "H100"),
    ("Hyperscalers charge more than twice neocloud prices to rent H200s", "supported", "H200"),
    ("Hyperscalers charge more than triple neocloud prices to rent H200s", "contradicted", "H200"),
])
def test_the_weeks_ratio(store: Store, claim: str, verdict: str, sku: str) -> None:
    result = check(store, claim, "2026-10-06")
    assert result["verdict"] == verdict
    assert result["evidence"][0]["text"].startswith(f"{sku} hyperscaler median")


def test_before_the_index_published_both(store: Store) -> None:
    claim = "Hyperscaler H100 prices run at more than triple neocloud rates"
    assert check(store, claim, "2026-06-06")["verdict"] == "unclear"
