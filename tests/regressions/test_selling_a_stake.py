""""TeraWulf agrees to sell its stake in the Abernathy joint venture" could not be read (no metric, no
direction). The company's own sentence naming the venture and its sale now decides it, and a price the claim
names must be the one the company gives."""

from __future__ import annotations

import pytest

from aicycle.rumor import check
from aicycle.rumor.stake_sale import read_stake_sale
from aicycle.store import Store


def test_read() -> None:
    sale = read_stake_sale("TeraWulf sells its stake in the Abernathy joint venture for about $530 million",
                           ["Abernathy"])
    assert sale is not None and (sale.venture, sale.price) == ("Abernathy", 530e6)
    assert read_stake_sale("TeraWulf signs a lease at Abernathy", ["Abernathy"]) is None


@pytest.mark.parametrize(("claim", "as_of", "verdict"), [
    ("TeraWulf agrees to sell its stake in the Abernathy joint venture", "2026-08-07", "supported"),
    ("TeraWulf walks away from its Abernathy JV, selling its stake", "2026-08-07", "supported"),
    ("TeraWulf sells its stake in the Abernathy joint venture for about $530 million", "2026-08-10", "supported"),
    ("TeraWulf sells its stake in the Abernathy joint venture for about $900 million", "2026-08-10", "contradicted"),
    # before the call that announced it
    ("TeraWulf agrees to sell its stake in the Abernathy joint venture", "2026-05-10", "unclear"),
])
def test_the_companys_word_on_the_sale(store: Store, claim: str, as_of: str, verdict: str) -> None:
    assert check(store, claim, as_of)["verdict"] == verdict
