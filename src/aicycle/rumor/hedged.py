"""A claim that an executive keeps an option open: "Meta CFO: if we overbuild we can just bring capacity online
slower", "MSFT CFO: if demand turns, we just slow the GPU/CPU buys", "Intel CEO: new fab capex only in lockstep with
customer commitments". It claims words, not a move: capex that keeps rising does not refute it (the option is kept,
not used), and only the company's own words of the same kind bear it out (STANCE_LABELS.md's moderate row: "hedges
('we can throttle', 'we keep flexibility'), limits forward commitments"). With none, it is unclear."""

from __future__ import annotations

import datetime as dt
import re

from aicycle.rumor.evidence import Item
from aicycle.rumor.said import recent_documents, sentence_item, split_document
from aicycle.rumor.verdict import Verdict, calibrated
from aicycle.store import Store

# the claim: an if-clause with what could then be done, a capability to slow, flexibility, commitments paced
_CLAIMED = re.compile(
    r"\bif\b[^.;:]{0,60}?\b(?:we|they|it)(?:'ll)?\s+(?:can|could|would|will|just|might)\b|"
    r"\bif\b[^.;:]{0,40}?,\s*(?:we|they|it)\s+(?:\w+\s+)?(?:slow|pause|cut|pull|dial|adjust|shift|bring)\w*|"
    r"\b(?:can|could)\s+(?:just\s+|always\s+|easily\s+)?(?:slow|pause|throttle|dial|pull back|adjust|shift|"
    r"repurpose|redeploy|bring\b[^.;]{0,30}\bslower)\w*|"
    r"\b(?:is|are|stays?|remains?)\s+flexible\b|\bin lockstep with\b|\bonly (?:when|once|as) (?:customers?|we|there)\b",
    re.I)
# the company's words of that kind, about its capacity or spending
_SAID = re.compile(
    r"\b(?:flexib\w*|fungib\w*|throttl\w*|lockstep|optionality|"
    r"(?:can|could)\s+(?:\w+\s+){0,2}(?:slow|pause|adjust|pull back|dial|shift|repurpose|redeploy|pace)\w*|"
    r"if (?:demand|needed|necessary|we (?:need|see|overbuild|have))|"
    r"only (?:when|once|as) (?:we|customers?|there|demand)|in line with (?:demand|customer (?:demand|commitments))|"
    r"pac(?:e|ing) (?:our|the|of) (?:\w+ )?(?:investment|spend\w*|build\w*|capacity|capex))", re.I)
_TOPIC = re.compile(r"\b(?:capacity|cap-?ex|capital|data cent\w+|gpus?|cpus?|servers?|fleet|build\w*|"
                    r"infrastructure|spend\w*|invest\w*|fabs?|leases?|compute)\b", re.I)
# "says it cannot slow the build-out": an option denied, which the general reading weighs
_DENIED = re.compile(r"\b(?:cannot|can't|can not|couldn't|could not|no (?:flexibility|option)|not flexible|"
                     r"inflexible|won't|will not)\b", re.I)
_PER_COMPANY = 2


def is_hedged(text: str) -> bool:
    """Whether the claim is that the company keeps an option open rather than that something moved."""
    return _CLAIMED.search(text) is not None and _DENIED.search(text) is None


def hedge_items(store: Store, tickers: list[str], as_of: dt.date) -> list[Item]:
    """The company's own sentences, public by `as_of`, that keep such an option open (newest documents first)."""
    items: list[Item] = []
    for ticker in tickers:
        found = 0
        for doc in recent_documents(store, ticker, as_of):
            for sentence in split_document(str(doc["doc_id"]), str(doc["text"])):
                if found < _PER_COMPANY and _SAID.search(sentence) and _TOPIC.search(sentence):
                    items.append(sentence_item(doc, sentence, signal="said_hedge", observed="hedge", as_of=as_of,
                                               method="the company's own words keeping the option open"))
                    found += 1
    return items


def verdict(items: list[Item]) -> Verdict:
    """An option the company keeps open: borne out by its own words of that kind; figures do not decide it."""
    for item in items:
        item.points = "supports"
    if items:
        return Verdict("supported", calibrated("supported", 0.6),
                       ["The company's own words keep that option open (what it could do, not what it did)."])
    return Verdict("unclear", calibrated("unclear", 0.3),
                   ["Nothing the company said by the as-of date keeps that option open; its spending rising or "
                    "falling does not decide what it could do. What would decide it: the company's own words on "
                    "the flexibility it keeps."])
