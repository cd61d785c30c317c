"""A company selling what it owns in a venture or site: "TeraWulf agrees to sell its stake in the Abernathy joint
venture", "walks away from its Abernathy JV, selling its stake". The company says so when it signs ("we entered
into an agreement to sell our entire interest in the Abernathy joint venture for approximately $530 million");
its own sentence naming the venture and the sale decides, and a price the claim names must be the one it gives."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from aicycle.rumor.evidence import Item, _as_date, freshness
from aicycle.rumor.said import company_sentences, document_label, recent_documents
from aicycle.store import Store

_SELL = re.compile(r"\b(?:sells?|selling|sold|sale|divest\w*|offload\w*|exits?|exiting|walks? away from|"
                   r"cash(?:es)? out of)\b", re.I)
_OWNED = re.compile(r"\b(?:stakes?|interests?|holdings?|JV|joint venture|ownership)\b", re.I)
_SAID_SOLD = re.compile(r"\b(?:sell|sale|sold|divest\w*|dispos\w*)\b", re.I)
_MONEY = re.compile(r"\$\s?(\d+(?:\.\d+)?)\s*(billion|bn|b|million|mn|m)\b", re.I)
_SCALE = {"b": 1e9, "bn": 1e9, "billion": 1e9, "m": 1e6, "mn": 1e6, "million": 1e6}


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
    return [float(m.group(1)) * _SCALE[m.group(2).lower()] for m in _MONEY.finditer(text)]


def stake_sale_items(store: Store, sale: StakeSale, ticker: str, as_of: dt.date) -> list[Item]:
    """The company's latest sentence, public by `as_of`, that names the venture and its sale."""
    named = re.compile(rf"\b{re.escape(sale.venture)}\b", re.I)
    for doc in recent_documents(store, ticker, as_of):
        day = _as_date(doc["date"])
        if day is None:
            continue
        for sentence in company_sentences(str(doc["doc_id"]), str(doc["text"])):
            if not (named.search(sentence) and _SAID_SOLD.search(sentence) and _OWNED.search(sentence)):
                continue
            prices = _amounts(sentence)
            observed = "match"
            if sale.price is not None and prices and not any(abs(p - sale.price) <= 0.1 * sale.price for p in prices):
                observed = "mismatch"
            return [Item(signal="stake_sale", text=f"{document_label(doc)}: \u201c{sentence.strip()}\u201d",
                         date=day, source=doc["source"], kind="reported", observed=observed,
                         weight=0.8 * freshness(day, as_of), url=doc.get("url"), accession=doc.get("accession"),
                         ticker=doc["ticker"], period=str(doc["date"]),
                         method=f"the company's own word on selling its stake in {sale.venture}")]
    return []
