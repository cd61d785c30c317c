"""Evidence from what the company itself said: curated statement rows and ingested documents.

The stance of a sentence about capex or capacity comes from the language engine
(`aicycle.language.stance.classify`: expand / maintain / moderate / cut / none); other topics (HBM
supply, backlog, prices) use the direction words the headline parser uses, counted over the
sentence. Documents are split with the language engine's splitter; only sentences on the claim's
topic are read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

from aicycle import rules
from aicycle.language.stance import classify
from aicycle.language.text import sentences as split_sentences
from aicycle.rumor import lexicon
from aicycle.rumor.evidence import Item, as_date, freshness, item_from_fact, statements
from aicycle.rumor.parse import cue_direction
from aicycle.store import Store

_MAX_SENTENCES = 80  # per document: enough to read the capex paragraphs of a call
_DOCS = 4  # most recent documents per company
# The language engine reads capex and capacity talk; its labels in the claim's terms.
_LABELS: dict[str, str | None] = {"expand": "up", "maintain": "flat", "moderate": "down", "cut": "down",
                                  "none": None}
_YEARS = re.compile(r"\b(20[2-3]\d)\b")
INDIRECT_TOPICS = ("memory_supply", "gpu_rental_prices", "backlog")
_CAPEX_TALK = re.compile(r"\bcapex\b|capital expenditure|capital spending", re.I)
ENGINE_METRICS = ("capex", "capex_guidance", "ai_investment", "data_center_construction", "power")


def stance(text: str, metric: str = "capex") -> tuple[str | None, str]:
    """(up | down | flat | None, how it was read)."""
    if metric in ENGINE_METRICS:
        try:
            label = str(classify(text).label).lower()
        except Exception:  # noqa: BLE001 - a failing engine must not fail the check
            label = ""
        if label:
            return _LABELS.get(label), f"language engine: {label}"
    direction, cues = cue_direction(text)
    return direction, "direction words: " + (", ".join(cues) if cues else "none")


def statement_items(store: Store, ticker: str, metric: str, as_of: dt.date, year: int | None = None) -> list[Item]:
    topic = re.compile(lexicon.STATEMENT_TOPICS[metric], re.I)
    curated = [i for i in _curated(store, ticker, topic, metric, as_of) if _about_year(i.text, year)]
    return [*curated, *_documents(store, ticker, topic, metric, as_of)]


def _about_year(text: str, year: int | None) -> bool:
    """A claim about 2027 is not answered by a sentence about 2026 only."""
    years = {int(y) for y in _YEARS.findall(text)}
    return year is None or not years or year in years


def _curated(store: Store, ticker: str, topic: re.Pattern[str], metric: str, as_of: dt.date) -> list[Item]:
    items = []
    for row in statements(store, ticker, as_of):
        if as_date(row["filed"]) < as_of - dt.timedelta(days=rules.RUMOR_FRESH_DAYS):  # type: ignore[operator]
            continue  # what a company said more than a few quarters ago is not its stance now
        text = re.sub(r"^[a-z0-9_]+:\s*", "", str(row["text"]).strip())  # no machine label ("capex_commentary:")
        if not topic.search(text):
            continue
        direction, how = stance(text, metric)
        weight = (0.5 if direction else 0.0) * freshness(as_date(row["filed"]), as_of)
        # Restating a plan ("we anticipate $115-135 billion") reads as "maintain": it answers a claim that
        # nothing changed, and says nothing against a claim of a rise or a cut.
        absence = direction == "flat"
        # Spending plans speak to supply and prices only indirectly (a bet on demand, not a measure of it).
        signal = "capex_statement" if metric in INDIRECT_TOPICS and _CAPEX_TALK.search(text) else "statement"
        items.append(item_from_fact(row, signal, f"{ticker} said: \u201c{_short(text)}\u201d",
                                    observed=direction, weight=weight, method=how, absence=absence))
    return items


def _documents(store: Store, ticker: str, topic: re.Pattern[str], metric: str, as_of: dt.date) -> list[Item]:
    docs = store.query(
        "SELECT doc_id, ticker, date, kind, title, source, url, accession, text FROM documents "
        "WHERE ticker = ? AND date <= ? AND date >= ? ORDER BY date DESC LIMIT ?",
        [ticker, as_of, as_of - dt.timedelta(days=rules.RUMOR_FRESH_DAYS), _DOCS],
    )
    return [item for doc in docs if (item := _document_item(doc, topic, metric, as_of))]


def _document_item(doc: dict[str, Any], topic: re.Pattern[str], metric: str, as_of: dt.date) -> Item | None:
    sentences = [s for s in split_sentences(str(doc["text"])) if 20 < len(s) < 600 and topic.search(s)]
    sentences = sentences[:_MAX_SENTENCES]
    if not sentences:
        return None
    read = [(s, *stance(s, metric)) for s in sentences]
    tally = Counter(d for _, d, _ in read if d)
    up, down = tally.get("up", 0), tally.get("down", 0)
    observed = None
    if up + down >= 2 and max(up, down) >= 2 * min(up, down) + 1:
        observed = "up" if up > down else "down"
    quote = next((s for s, d, _ in read if d == observed), sentences[0])
    title = doc.get("title") or f"{doc['kind']} {doc['date']}"
    ticker = doc["ticker"]
    text = (f"{ticker} {title}: {len(sentences)} sentences on {metric.replace('_', ' ')}, {up} read as up, "
            f"{down} as down; e.g. \u201c{_short(quote)}\u201d")
    return Item(signal="statement_document", text=text, date=as_date(doc["date"]), source=doc["source"],
                kind="reported", observed=observed, weight=(0.5 if observed else 0.0) * freshness(
                    as_date(doc["date"]), as_of), url=doc.get("url"), accession=doc.get("accession"),
                ticker=ticker, period=str(doc["date"]), method=read[0][2].split(":")[0])


def _short(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
