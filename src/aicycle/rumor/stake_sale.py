"""A company selling what it owns in a venture or site: "TeraWulf agrees to sell its stake in the Abernathy joint
venture", "walks away from its Abernathy JV, selling its stake". The company says so when it signs ("we entered
into an agreement to sell our entire interest in the Abernathy joint venture for approximately $530 million");
its own sentence naming the venture and the sale decides, and a price the claim names must be the one it gives."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from aicycle.rumor import vocab
from aicycle.rumor.evidence import Item
from aicycle.rumor.said import latest_said
from aicycle.store import Store

_SELL = re.compile(r"\b(?:sells?|selling|sold|sale|divest\w*|offload\w*|exits?|exiting|walks? away from|"
                   r"cash(?:es)? out of)\b", re.I)
_OWNED = re.compile(r"\b(?:stakes?|interests?|holdings?|JV|joint venture|ownership)\b", re.I)
# "$530 million", "$530m" (observe.figures reads no "m" suffix; a claim writes it)
_MONEY = re.compile(r"\$\s?(\d+(?:\.\d+)?)\s*(billion|bn|b|million|mn|m)\b", re.I)
_SAID_SOLD = re.compile(r"\b(?:sell|sale|sold|divest\w*|dispos\w*)\b", re.I)


@dataclass(frozen=True)
class StakeSale:
    venture: str  # the name a company's sentence must carry: "Abernathy"
    price: float | None  # dollars, when the claim names what it sells for


def read_stake_sale(text: str, places: list[str]) -> StakeSale | None:
    """The venture a claim says the company sells its stake in; None when the claim is not of that shape."""
    if not places or not _SELL.search(text) or not _OWNED.search(text):
        return None
    venture = places[0].split()[0]
    prices = _amounts(text)
    return StakeSale(venture=venture, price=prices[0] if prices else None)


def _amounts(text: str) -> list[float]:
    return [float(m.group(1)) * vocab.SCALES[m.group(2).lower()] for m in _MONEY.finditer(text)]


def stake_sale_items(store: Store, sale: StakeSale, ticker: str, as_of: dt.date) -> list[Item]:
    """The company's latest sentence, public by `as_of`, that names the venture and its sale."""
    named = re.compile(rf"\b{re.escape(sale.venture)}\b", re.I)

    def judge(sentence: str) -> str | None:
        if not (named.search(sentence) and _SAID_SOLD.search(sentence) and _OWNED.search(sentence)):
            return None
        prices = _amounts(sentence)
        if sale.price is not None and prices and not any(abs(p - sale.price) <= 0.1 * sale.price for p in prices):
            return "mismatch"
        return "match"

    return latest_said(store, ticker, as_of, judge, signal="stake_sale",
                       method=f"the company's own word on selling its stake in {sale.venture}")
