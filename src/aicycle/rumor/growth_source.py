"""What a backlog's growth came from: "Oracle's RPO surge comes from AI deals where customers prepay for or supply
the GPUs", "Frontier AI labs drove Microsoft's latest jump in commercial RPO". The company says so in a release or
on its call ("Most of the RPO increase in both Q3 and Q4 were large scale AI contracts where the customer prepaid
Oracle for the purchase of the GPUs"; "All sequential commercial RPO growth was driven by commitments from
customers outside of frontier model companies"); its latest such sentence public by the as-of date decides."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from aicycle.rumor import vocab
from aicycle.rumor.evidence import Item, as_date, freshness, item_from_fact
from aicycle.rumor.said import clean_statement, curated_statements, latest_said
from aicycle.store import Store

_BACKLOG = r"(?:rpo|backlog|remaining performance obligations?)"
_GROWTH = r"(?:growth|jump|surge|gains?|increase|rise|additions?|new)"
# "RPO surge comes from X", "most of the new RPO is X", "X drove ... jump in RPO", "backlog growth is mostly X"
_CLAIM = re.compile(rf"\b(?:{_GROWTH}\s+(?:in\s+)?(?:\w+\s+){{0,2}}{_BACKLOG}|{_BACKLOG}\s+{_GROWTH})\b", re.I)
_LINK = re.compile(r"\b(?:from|drove|drives|driven by|mostly|mainly|largely|primarily|most of|bulk of|majority of)\b",
                   re.I)
_FILLER = {"ai", "deal", "deals", "contract", "contracts", "customer", "customers", "large", "most", "mostly",
           "mainly", "largely", "where", "which", "that", "from", "come", "comes", "came", "drove", "drives", "the",
           "for", "and", "are", "was", "were", "its", "their", "latest", "recent", "says", "said", "growth", "jump",
           "surge", "gains", "increase", "rise", "new", "rpo", "backlog", "commercial", "fund", "funds", "with",
           "this", "than"}
_MOST = re.compile(r"\b(?:mostly|mainly|largely|primarily|most of|bulk of|majority of)\b", re.I)
_OUTSIDE = re.compile(r"\b(?:outside(?: of)?|excluding|other than|not from|rather than|apart from)\s+$", re.I)


@dataclass(frozen=True)
class GrowthSource:
    stems: tuple[str, ...]  # the words that name what the claim says the growth came from
    most: bool = False  # "came mostly from": the claim names the main source, which there is only one of


def read_growth_source(text: str, names: tuple[str, ...]) -> GrowthSource | None:
    """`names`: the company's own names, which say whose backlog, not where its growth came from."""
    if not (_CLAIM.search(text) and _LINK.search(text)):
        return None
    rest = _CLAIM.sub(" ", text)
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z']+", rest)]
    skip = {n.lower() for n in names} | {n.lower() + "'s" for n in names}
    stems = tuple(dict.fromkeys(vocab.stem(w) for w in words
                                if w not in skip and w.removesuffix("'s") not in skip and len(w) > 2
                                and w not in _FILLER))
    return GrowthSource(stems, bool(_MOST.search(text))) if stems else None


def growth_source_items(store: Store, claim: GrowthSource, ticker: str, as_of: dt.date) -> list[Item]:
    """The company's latest sentence on where its backlog's growth came from: "match" when it names the claim's
    source, "mismatch" when it puts the growth outside it."""
    said = latest_said(store, ticker, as_of, lambda s: _judge(claim, s), signal="growth_source",
                       method="the company's latest word on what its backlog's growth came from")
    for row in curated_statements(store, ticker, as_of):
        text = clean_statement(str(row["text"]))
        seen = _judge(claim, text)
        filed = as_date(row["filed"])
        if seen is not None and filed is not None and not (said and said[0].date and said[0].date > filed):
            return [item_from_fact(row, "growth_source", f"{ticker} said: \u201c{text}\u201d", observed=seen,
                                   weight=0.8 * freshness(filed, as_of),
                                   method="the company's latest word on what its backlog's growth came from")]
    return said


def _judge(claim: GrowthSource, sentence: str) -> str | None:
    if not re.search(rf"\b{_BACKLOG}\b", sentence, re.I) or not re.search(
            r"\b(?:increase|growth|grew|jump|added|additions?|rise|rose)\b", sentence, re.I):
        return None
    lowered = sentence.lower()
    hits = [m for m in re.finditer(r"[a-z]+", lowered) if vocab.stem(m.group(0)) in claim.stems]
    found = {vocab.stem(m.group(0)) for m in hits}
    if not found and claim.most and _MOST.search(sentence):
        return "mismatch"  # "mostly from multicloud database deals", where the company names its main source as another
    if len(found) < max(1, math.ceil(len(claim.stems) / 2)):
        return None
    outside = any(_OUTSIDE.search(lowered[max(0, m.start() - 20):m.start()]) for m in hits)
    return "mismatch" if outside else "match"
