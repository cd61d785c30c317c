"""A level a company states only in its calls, set call against call: "Dell's AI server backlog shrank" is answered
by "leaving us with a backlog of $14.4 billion" in one call and "an ending backlog of $11.7 billion" in the next.
For the companies the store holds no filed series of (the supply chain, the AI hosts), these stated figures are
the only record of the level; a figure the company expects to reach is not one it reports."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from aicycle.rumor import vocab
from aicycle.rumor.evidence import Item, as_date, direction_of, freshness, money, pct, signed
from aicycle.rumor.fundamentals import family_rows
from aicycle.rumor.levels import MEASURES
from aicycle.rumor.observe import FORWARD_WORDS
from aicycle.rumor.reading import Reading
from aicycle.rumor.said import company_sentences, document_label, recent_documents
from aicycle.rumor.scope import segment_ok
from aicycle.store import Store

OBJECTS = ("backlog", "arr")
_NOUNS = {"backlog": re.compile(r"\bbacklog\b", re.I),
          "arr": re.compile(r"\bARR\b|annuali[sz]ed (?:revenue )?run[- ]rate|run[- ]rate revenue", re.I)}


def stated_trend_items(store: Store, reading: Reading, ticker: str, as_of: dt.date) -> list[Item]:
    """The level stated in the latest call against the one stated in the call before, public by `as_of`."""
    if reading.object not in OBJECTS or reading.level or reading.direction not in ("up", "down"):
        return []
    if any(family_rows(store, ticker, family, as_of) for family in MEASURES[reading.object or ""]):
        return []  # a filed or curated series answers it, over whatever span the claim names
    stated: list[tuple[dict[str, Any], float, str]] = []
    for doc in recent_documents(store, ticker, as_of):  # newest first
        found = _stated_level(reading, str(doc["doc_id"]), str(doc["text"]))
        if found is not None:
            stated.append((doc, *found))
        if len(stated) == 2:
            break
    if len(stated) < 2 or not _of_the_quarter(reading, stated[0][0]):
        return []
    (doc, value, sentence), (before, earlier, _) = stated
    day = as_date(doc["date"])
    if day is None or earlier <= 0:
        return []
    change = pct(value, earlier)
    text = (f"{document_label(doc)}: \u201c{sentence.strip()}\u201d ({money(value, 'USD')} against "
            f"{money(earlier, 'USD')} stated in {before['title'] or before['date']}, {signed(change)})")
    return [Item(signal="stated_level_trend", text=text, date=day, source=str(doc["source"]), kind="derived",
                 observed=direction_of(change), weight=0.9 * freshness(day, as_of), value=value, unit="USD",
                 url=doc.get("url"), accession=doc.get("accession"), ticker=ticker, period=str(doc["date"]),
                 change=change, method="derived: the figure the company gives the level in its latest call against "
                                       "the one it gave in the call before")]


_CALL_QUARTER = re.compile(r"\bFY\s?(\d{4})\s?Q([1-4])\b")


def _of_the_quarter(reading: Reading, doc: dict[str, Any]) -> bool:
    """A claim about a named quarter ("shrank in fiscal Q2 2026") is answered only by that quarter's call."""
    if reading.period.quarter is None:
        return True
    m = _CALL_QUARTER.search(str(doc.get("title") or ""))
    return m is not None and (int(m.group(1)), int(m.group(2))) == (reading.period.year, reading.period.quarter)


def _stated_level(reading: Reading, doc_id: str, text: str) -> tuple[float, str] | None:
    """The first figure a call gives the level as it stands ("a backlog of $14.4 billion", "backlog grew to $X",
    "$110 billion backlog"), with its sentence: not a forecast, not the amount it moved by."""
    noun = _NOUNS[reading.object or ""]
    for sentence in company_sentences(doc_id, text):
        if FORWARD_WORDS.search(sentence) or not segment_ok(reading, sentence):
            continue
        for m in noun.finditer(sentence):
            after = _GIVEN_AFTER.match(sentence, m.end())
            before = _GIVEN_BEFORE.search(sentence[max(0, m.start() - 60):m.start()])
            given = after or before
            if given:
                return float(given.group("n").replace(",", "")) * vocab.SCALES[given.group("s").lower()], sentence
    return None


_AMOUNT = (r"(?:a record |an? |approximately |about |roughly |nearly |over |more than |just under |almost )*"
           r"\$\s?(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<s>trillion|billion|million|bn|b|m)\b")
# "backlog of $X", "backlog was / stood at / grew to / hit $X" (a level), not "backlog grew $1 billion" (a move)
_GIVEN_AFTER = re.compile(r"\W+(?:\w+\W+){0,3}?(?:of|was|is|at|to|hit|reached|totall?ed|ended at|ending at)\s+"
                          + _AMOUNT, re.I)
_GIVEN_BEFORE = re.compile(_AMOUNT + r"\s+(?:(?:in|of)\s+)?(?:[\w-]+\s+){0,2}$", re.I)
