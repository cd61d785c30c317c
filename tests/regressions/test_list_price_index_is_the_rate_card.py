""""H100 list-price index climbs back above $3.50 an hour" was read on the marketplace index (about $2) and
contradicted at every date: a list price is a published rate card, so the claim is answered by the rate-card
series, which stood at $2.99 in May 2026 and $3.54 in August."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.price_window import wanted_sources
from aicycle.store import Store


def test_list_price_names_the_rate_cards_not_the_marketplace_index() -> None:
    assert wanted_sources("H100 list-price index climbs above $3.50") == ("cloud_list",)
    assert wanted_sources("H100 rate-card rental index tops $3") == ("cloud_list",)
    assert wanted_sources("H100 rental index tops $3") == ("index",)


@pytest.mark.parametrize(("as_of", "verdict"), [("2026-05-01", "contradicted"), ("2026-08-05", "supported")])
def test_list_price_level_read_on_rate_cards(store: Store, as_of: str, verdict: str) -> None:
    result = check(store, "H100 list-price index climbs back above $3.50 an hour", as_of)
    assert result["verdict"] == verdict
