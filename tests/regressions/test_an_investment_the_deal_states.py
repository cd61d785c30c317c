""""NVIDIA to invest up to $100B in OpenAI as 10GW of its systems are deployed" came out unclear: the ledger gives
the deal no price, and its value text ("NVIDIA intending to invest up to $100 billion in OpenAI as systems are
deployed") was set aside as if it were an estimate. A claim about an investment is read on the investment the
source states; a price is still not read from it."""

from __future__ import annotations

import datetime as dt

import pytest

from aicycle.rumor import check
from aicycle.rumor.deal_terms import read_deal_terms
from aicycle.store import Store


def test_an_investment_is_read() -> None:
    terms = read_deal_terms("NVIDIA to invest up to $100B in OpenAI as 10GW of its systems are deployed")
    assert terms is not None and terms.invest and terms.usd == (100e9, "at")


@pytest.mark.parametrize(("claim", "verdict"), [
    ("NVIDIA to invest up to $100B in OpenAI as 10GW of its systems are deployed", "supported"),
    ("NVIDIA to invest up to $50B in OpenAI as 10GW of its systems are deployed", "contradicted"),
])
def test_the_stated_investment_decides(store: Store, claim: str, verdict: str) -> None:
    assert check(store, claim, dt.date(2025, 9, 25))["verdict"] == verdict
