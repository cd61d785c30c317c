""""The social network trims the top end of its 2026 capex range" was read as all five hyperscalers', "Seattle giant
lifts 2026 capex plan to about $220bn" likewise, and "Microsoft signs $17.4bn GPU capacity deal with the Amsterdam
neocloud" found no deal: headlines name companies by their towns and epithets. The nicknames are in the lexicon,
and the compute-contracts ledger's parties are found under the proper names of the companies a headline names."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.parse import parse_claim, proper_names
from aicycle.store import Store


@pytest.mark.parametrize(("claim", "ticker"), [
    ("The social network trims the top end of its 2026 capex range", "META"),
    ("Seattle giant lifts 2026 capex plan to about $220bn", "AMZN"),
    ("Big Red's shares rocket more than 30%", "ORCL"),
    ("Suwon's memory giant says its HBM4 output is sold out", "005930.KS"),
    ("Round Rock's AI server backlog grows", "DELL"),
    ("The Santa Clara GPU giant pencils in ~70% revenue growth", "NVDA"),
])
def test_a_nickname_names_one_company(claim: str, ticker: str) -> None:
    assert parse_claim(claim).tickers == [ticker]


def test_the_ledger_finds_a_party_named_by_a_nickname(store: Store) -> None:
    assert "Nebius" in proper_names("Microsoft signs $17.4bn GPU capacity deal with the Amsterdam neocloud")
    result = check(store, "Microsoft signs $17.4bn GPU capacity deal with the Amsterdam neocloud", "2025-09-10")
    assert result["verdict"] == "supported"
    assert any("Nebius" in e["text"] and "17.4" in e["text"] for e in result["evidence"])
    sydney = check(store, "The Sydney-born neocloud lands ~$9.7bn AI cloud contract with Microsoft", "2025-11-06")
    assert sydney["verdict"] == "supported"


def test_a_nickname_reading_decides_the_guide(store: Store) -> None:
    # Meta narrowed its range by raising the low end: the top end was not trimmed
    assert check(store, "The social network trims the top end of its 2026 capex range", "2026-07-31")["verdict"] \
        == "contradicted"
