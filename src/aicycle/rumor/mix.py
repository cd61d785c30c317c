"""Evidence for a claim about a share of a whole ("most of its 2026 capex goes to AWS"): the shares a company
states in its own calls, set against the claim's. A stated share of another part answers it too, when the two
parts split the whole between them (short- and long-lived assets) or cannot both hold most of it."""

from __future__ import annotations

import datetime as dt
import re

from aicycle.rumor.evidence import Item, as_date, freshness
from aicycle.rumor.reading import Reading
from aicycle.rumor.said import company_sentences, document_label, recent_documents
from aicycle.rumor.scope import results_call_of, year_ok
from aicycle.rumor.shares import WHOLES, Share, disjoint, stated_shares
from aicycle.store import Store

_COMPLEMENTS = {"short-lived assets": "long-lived assets", "long-lived assets": "short-lived assets"}


def share_items(store: Store, reading: Reading, ticker: str, as_of: dt.date) -> list[Item]:
    """The latest stated share of `ticker`, public by `as_of`, that bears on the claim's: a split is a state,
    and an older quarter's ("roughly half") does not argue with the latest ("roughly two-thirds")."""
    share = reading.share
    assert share is not None
    for doc in recent_documents(store, ticker, as_of):
        day = as_date(doc["date"])
        if day is None or not results_call_of(reading, day):
            continue
        for sentence in company_sentences(str(doc["doc_id"]), str(doc["text"])):
            seen = _against(share, sentence) if year_ok(reading, sentence, day) else None
            if seen is not None:
                return [Item(signal="said_share", text=f"{document_label(doc)}: \u201c{sentence.strip()}\u201d",
                             date=day, source=doc["source"], kind="reported", observed=seen,
                             weight=0.8 * freshness(day, as_of), url=doc.get("url"),
                             accession=doc.get("accession"), ticker=doc["ticker"], period=str(doc["date"]),
                             method=f"stated share against the claim's {share.text!r}")]
    return []


def _against(share: Share, sentence: str) -> str | None:
    """'match' / 'mismatch' when the sentence states a share that decides the claim's, else None."""
    if not re.search(WHOLES[share.whole], sentence, re.I):
        return None
    stated = stated_shares(sentence)
    own = [(v, op) for v, op, part in stated if part.lower() == share.part.lower()]
    other = _COMPLEMENTS.get(share.part)
    own += [(1 - v, op) for v, op, part in stated if part == other and op == "at" and not own]
    if own:
        return _compare(share, *own[0])
    if share.op == "above" and share.value >= 0.5 and any(
            disjoint(part, share.part) and (v > 0.5 or v == 0.5 and op == "above") for v, op, part in stated):
        return "mismatch"  # another part holds most of it
    return None


def _compare(share: Share, value: float, op: str) -> str | None:
    if share.op == "at":
        return ("match" if abs(value - share.value) <= 0.08 else "mismatch") if op == "at" else None
    if share.op == "above":
        if value > share.value or value == share.value and op == "above":
            return "match"
        return "mismatch" if op != "above" else None
    if value < share.value and op != "above":
        return "match"
    return "mismatch" if value > share.value or op == "above" else None
