"""What a company said about exactly what the claim is about, read sentence by sentence.

For a reading (object, segment, direction) the sentences of the company's documents (calls,
releases) and curated statements public by the as-of date are kept when they speak to the same
object (a NAND claim meets NAND sentences, a lease claim lease sentences) and read for what the claim
turns on: constrained or not, sold out, paused or on track, growth slower or faster, up or down.
The stance of capex sentences comes from the language package's public `classify`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from aicycle import rules
from aicycle.language.lexicon import ASKED
from aicycle.language.text import sentences as split_sentences
from aicycle.rumor import vocab
from aicycle.rumor.evidence import Item, as_date, freshness, item_from_fact
from aicycle.rumor.observe import ENGINE_OBJECTS, VS_PLAN, observe
from aicycle.rumor.reading import Reading
from aicycle.rumor.scope import FORWARD, PAST_SPEND, outlook_matches, quarter_ok, segment_ok, year_ok
from aicycle.rumor.timing import outdated, premature
from aicycle.rumor.verdict import RELATION
from aicycle.store import Store

_CAPEX = (r"cap-?ex|capital expenditures?|capital spending|capital investments?|capital intensity|"
          r"(?:total|capital|infrastructure) spend\b|facilit(?:y|ies)[- ]investments?")
TOPICS: dict[str, str] = {
    "capex": _CAPEX,
    "ai_spend": _CAPEX + r"|infrastructure|invest",
    "guidance": _CAPEX,
    "segment_capex": r"invest|spend|equipment|wafer|capacity|cap-?ex|capital|fab|tools?|wfe",
    "projects": r"data cent|campus|\bsites?\b|facilit|\bfabs?\b|\bplants?\b|construction|energiz|expansion|"
                r"mining|joint venture",
    "leases": r"(?<!finance )(?<!operating )leases?\b|leasing|lease agreements?|hpc signings?|signings?",
    "capacity": r"constrain|shortage|short of|supply|capacity|demand exceed|subscribed|sold out|spoken for",
    "demand_supply": r"demand|supply|constrain",
    "memory_supply": r"sold out|sold-out|supply|booked|allocat|shortage|tight|demand|contract|subscri|deliver|ship|"
                     r"delay|qualif|mass production|share|negotiat",
    "memory_prices": r"pric",
    "gpu_prices": r"pric",
    "power": r"power|grid|electric|interconnect|transformer|turbine|megawatt|gigawatt|\bmw\b|\bgw\b|energ",
    # not the company measured against the market ("mid-30s percent of WFE", "outperform overall WFE growth")
    "wfe": r"(?<!of )(?<!than )(?<!total )(?<!overall )(?<!against )\b(?:wfe|wafer fab\w* equipment)\b",
    "revenue": r"revenue|sales|grew|growth",
    "shipments": r"\bship(?:ments?|ped|ping)?\b",
    "orders": r"\borders\b",
    "profit": r"operating (?:profit|income)|margin|profit",
    "backlog": r"backlog|remaining performance|\brpo\b|bookings|orders?",
    "arr": r"\barr\b|annuali[sz]ed|run-?rate",
    "compute_contracts": r"contract|agreement|deal|customer|capacity|cloud|api|sell|compute",
}
# Objects whose sentences are read with the capex stance engine when the claim is up / down / flat.
_CONTRACTED = re.compile(r"\bcontract\w*|\bsigned\b", re.I)
# Money already spent is not a plan: "we spent", "capital expenditures were", "in 2024 we invested".
_DOCS = 6
_MAX_PER_DOC = 3
# The quarter an outlook sentence is about may be named a few sentences before it: "Let me turn to the outlook
# for the first quarter. [two sentences] Total revenue is expected to be $78 billion".
_OUTLOOK_REACH = 4


# A deal claim with no counterparty named ("pulling back from third-party cloud deals") is answered by
# sentences about such deals in so many words.
_DEAL_WORDS = (r"(?:cloud|compute|capacity|infrastructure|gpu|ai) (?:deals?|contracts?|agreements?)|"
               r"third-party capacity|api service|(?:sell|offer)\w* (?:\w+ ){0,3}(?:compute|capacity)")


class _Both:  # noqa: B903 - a matcher, not a record
    """Two patterns a sentence must both match (cheaper than one pattern of two look-aheads)."""

    def __init__(self, first: re.Pattern[str], second: re.Pattern[str] | _Both) -> None:
        self.first, self.second = first, second

    def search(self, text: str) -> re.Match[str] | None:
        return self.second.search(text) if self.first.search(text) else None


Topic = re.Pattern[str] | _Both


def said_items(store: Store, reading: Reading, ticker: str, as_of: dt.date,
               parties: tuple[str, ...] = (), focus: tuple[str, ...] = (), must: str | None = None) -> list[Item]:
    """Statements of `ticker` on the reading's object, each read for the reading's direction.

    `parties`: the other companies and places a deal claim names; a deal sentence must name one.
    `focus`: other companies the claim names ("can't get enough NVIDIA GPUs"): where a call's sentences
    on the object name one, those answer the claim, not the call's other sentences on the object.
    `must`: a pattern every answering sentence matches (the claim's narrower subject, such as lead times).
    """
    topic: Topic = re.compile(TOPICS.get(reading.object or "", r"$^"), re.I)
    if reading.object in ("compute_contracts", "leases"):
        named = [*parties, *reading.places]
        if named or reading.object == "compute_contracts":
            must = "|".join(map(re.escape, named)) if named else _DEAL_WORDS
            topic = _Both(re.compile(must, re.I), topic)
    if reading.object == "projects" and reading.places:
        # "Sweetwater 1 slips": only sentences naming the place answer it, not other sites' schedules.
        topic = _Both(re.compile("|".join(map(re.escape, _place_names(reading.places))), re.I), topic)
    if must:  # "shorter lead times": only sentences on lead times answer it, not other talk of constraints
        topic = _Both(re.compile(must, re.I), topic)
    focused = re.compile("|".join(map(re.escape, focus)), re.I) if focus else None
    items = [*_curated(store, reading, ticker, topic, as_of),
             *_documents(store, reading, ticker, topic, as_of, focused)]
    if reading.modality in ("plan", "expectation") and reading.period.year is None and items \
            and reading.object == "revenue" and reading.direction in ("up", "down"):
        # "guides lower", no period named: the latest outlook is the company's guide now, not earlier ones
        newest = max(i.date for i in items if i.date is not None)
        items = [i for i in items if i.date == newest]
    return items


_PART = re.compile(r"\s+((?:Phase|Unit|Building|Hall|Block)\s+\w+)$")


def _place_names(places: list[str]) -> list[str]:
    """A site and its part ("Barber Lake Phase 1"): calls name either ("Phase 1 remains on track")."""
    names = []
    for place in places:
        names.append(place)
        part = _PART.search(place)
        if part:
            names.extend([place[:part.start()], part.group(1)])
    return names


def clean_statement(text: str) -> str:
    """A curated row's words without its machine label ("capex_commentary: ...")."""
    return re.sub(r"^[a-z0-9_]+:\s*", "", text.strip())


def curated_statements(store: Store, ticker: str, as_of: dt.date) -> list[dict[str, Any]]:
    """The company's curated statements (facts rows with a text) public by `as_of` and young enough to speak for
    it, newest first."""
    return store.query(
        "SELECT * FROM facts WHERE ticker = ? AND text IS NOT NULL AND filed IS NOT NULL AND filed <= ? "
        "AND filed >= ? ORDER BY filed DESC",
        [ticker, as_of, as_of - dt.timedelta(days=rules.RUMOR_SAID_DAYS)])


def _curated(store: Store, reading: Reading, ticker: str, topic: Topic, as_of: dt.date) -> list[Item]:
    items = []
    for row in curated_statements(store, ticker, as_of):
        text = clean_statement(str(row["text"]))
        filed = as_date(row["filed"])
        if not (topic.search(text) and segment_ok(reading, text) and year_ok(reading, text, filed)  # type: ignore[arg-type]
                and quarter_ok(reading, text, said_on=filed)):
            continue
        if reading.object == "guidance" and PAST_SPEND.search(text) and not FORWARD.search(text):
            continue  # money already spent is not guidance
        if reading.actual and FORWARD.search(text) and not PAST_SPEND.search(text) and not VS_PLAN.search(text):
            continue  # nor is a guide money spent
        if not outlook_matches(reading, text):
            continue
        seen, how = observe(reading, text)
        items.append(item_from_fact(row, "said", f"{ticker} said: \u201c{_short(text)}\u201d", observed=seen,
                                    weight=(0.7 if seen else 0.0) * freshness(filed, as_of), method=how,
                                    kind="curated" if row.get("kind") == "curated" else "reported",
                                    absence=_restates(reading, seen)))
    return items




# The safe-harbor paragraph ("may be materially affected by ... supply constraints") says nothing of the quarter.
_BOILERPLATE = re.compile(r"inherently unpredictable|forward-looking statements?|materially affected by|"
                          r"risk factors|safe harbor|statements include, but are not limited to", re.I)
# "Let us say we sign a Stingray lease ...": a supposition, not a statement of what happened
_SUPPOSED = re.compile(r"^\W*(?:(?:and|so|but|now)\W+)?(?:let(?:'s| us) say|say we|suppose|supposing|assume|"
                       r"assuming|imagine|hypothetically|if we were to)\b", re.I)


def company_sentences(doc_id: str, text: str) -> tuple[str, ...]:
    """The company's own sentences of a document (no boilerplate, no analysts' questions)."""
    return tuple(s for _, _, s in _sentences(doc_id, text))


def sentences_with_context(doc_id: str, text: str) -> tuple[tuple[str, str], ...]:
    """(the two sentences before, the sentence) for the company's own sentences of a document."""
    return tuple((before, s) for before, _, s in _sentences(doc_id, text))


@lru_cache(maxsize=256)
def _sentences(doc_id: str, text: str) -> tuple[tuple[str, str, str], ...]:
    """(the two sentences before, the few before, the sentence) for the company's own sentences of a document."""
    whole = list(split_sentences(text))
    return tuple((" ".join(whole[max(0, i - 2):i]), " ".join(whole[max(0, i - _OUTLOOK_REACH):i]), s)
                 for i, s in enumerate(whole) if not _BOILERPLATE.search(s) and not _SUPPOSED.search(s)
                 if 20 < len(s) < 700 and not ASKED.search(s))


def split_document(doc_id: str, text: str) -> list[str]:
    """The company's own sentences of a document (no boilerplate, no analysts' questions)."""
    return [sentence for _, _, sentence in _sentences(doc_id, text)]


# A sentence with no subject of its own ("It grew 36% ...", "Even at that amount, we will ...") is about
# what the sentence before it was about: that sentence is its context for what it speaks to.
_NO_SUBJECT = re.compile(r"^\W*(?:it|its|this|that|these|those|they|which|such|and|but|so|even|also|both|"
                         r"here|there|the same|the latter|the former|at that|as a result|therefore|first(?=,)|"
                         r"second(?=,)|then)\b", re.I)


def _speaks_to(reading: Reading, topic: Topic, before: str, sentence: str, day: dt.date, outlook: str = "") -> bool:
    """Whether a sentence is about the claim's object (and segment, and year). A sentence with no subject of
    its own reads with the two sentences before it; so does one naming no business at all when the claim
    is about one ("I'll start with AWS ... Revenue growth of 36.7%, accelerating")."""
    if not year_ok(reading, sentence, day) or not quarter_ok(reading, sentence, outlook or before, day):
        return False
    if reading.contracted and reading.object in ("arr", "backlog") and not _CONTRACTED.search(sentence):
        return False
    if topic.search(sentence) and segment_ok(reading, sentence):
        return True
    if topic.search(sentence) and reading.object in ("capacity", "demand_supply", "power") \
            and reading.segment in vocab.UNIT_NAMES and not _names_a_business(sentence):
        return True  # "Azure capacity constraints", "AWS added 1 GW": the company's own words speak to its cloud
    if not before:
        return False
    context = f"{before} {sentence}"
    if _NO_SUBJECT.search(sentence):
        return bool(topic.search(context)) and segment_ok(reading, context)
    return (bool(topic.search(sentence)) and reading.segment not in (None, "Data Center", "AI")
            and not _names_a_business(sentence) and segment_ok(reading, context))


def _names_a_business(text: str) -> bool:
    return any(re.search(rf"(?<!\w)(?:{p})(?!\w)", text, re.I) for name, p in vocab.SEGMENTS if name != "AI")


def recent_documents(store: Store, ticker: str, as_of: dt.date) -> list[dict[str, Any]]:
    """The company's latest documents public by `as_of` and young enough to speak for it, newest first."""
    return store.query(
        "SELECT doc_id, ticker, date, kind, title, source, url, accession, text FROM documents "
        "WHERE ticker = ? AND date <= ? AND date >= ? ORDER BY date DESC LIMIT ?",
        [ticker, as_of, as_of - dt.timedelta(days=rules.RUMOR_SAID_DAYS), _DOCS])


def sentence_item(doc: dict[str, Any], sentence: str, *, signal: str, observed: str | None, as_of: dt.date,
                  method: str) -> Item:
    """One sentence of a company's document as evidence, with the document's provenance."""
    day = as_date(doc["date"])
    return Item(signal=signal, text=f"{document_label(doc)}: \u201c{sentence.strip()}\u201d", date=day,
                source=doc["source"], kind="reported", observed=observed,
                weight=0.8 * freshness(day, as_of) if day else 0.0, url=doc.get("url"),
                accession=doc.get("accession"), ticker=doc["ticker"], period=str(doc["date"]), method=method)


def latest_said(store: Store, ticker: str, as_of: dt.date, judge: Callable[[str], str | None], *, signal: str,
                method: str, speaks: Callable[[dt.date, str], bool] | None = None) -> list[Item]:
    """The company's latest sentence, public by `as_of`, that `judge` reads ("match", "mismatch"), as evidence;
    `speaks(date, text)` keeps only the documents that can answer (a quarter's results call, one naming a change)."""
    for doc in recent_documents(store, ticker, as_of):
        day = as_date(doc["date"])
        if day is None or speaks is not None and not speaks(day, str(doc["text"])):
            continue
        for sentence in company_sentences(str(doc["doc_id"]), str(doc["text"])):
            observed = judge(sentence)
            if observed is not None:
                return [sentence_item(doc, sentence, signal=signal, observed=observed, as_of=as_of, method=method)]
    return []


def document_label(doc: dict[str, Any]) -> str:
    """'MSFT (MSFT FY2026Q2 earnings call)': whose document, and which."""
    title = doc.get("title") or f"{doc['kind']} {doc['date']}"
    return f"{doc['ticker']} ({title})"


def _documents(store: Store, reading: Reading, ticker: str, topic: Topic, as_of: dt.date,
               focus: re.Pattern[str] | None = None) -> list[Item]:
    items: list[Item] = []
    for doc in recent_documents(store, ticker, as_of):
        items.extend(_document_items(doc, reading, topic, as_of, focus))
    if reading.quarters_in_a_row and reading.modality in ("plan", "expectation") and reading.period.year is None:
        return items[:1]  # "expects capex to fall sequentially this quarter": the latest call's outlook, not the last
    return items


def _document_items(doc: dict[str, Any], reading: Reading, topic: Topic, as_of: dt.date,
                    focus: re.Pattern[str] | None = None) -> list[Item]:
    day = as_date(doc["date"])
    if day is None:
        return []
    found = []
    for before, outlook, sentence in _sentences(str(doc["doc_id"]), str(doc["text"])):
        if not _speaks_to(reading, topic, before, sentence, day, outlook):
            continue
        if reading.object == "guidance" and PAST_SPEND.search(sentence) and not FORWARD.search(sentence):
            continue
        if (reading.actual or reading.contracted and reading.level is not None) \
                and FORWARD.search(sentence) and not PAST_SPEND.search(sentence):
            continue  # "came in above $90B", "contracted ARR tops $3B": not answered by a guide or a target
        if premature(reading, sentence, day):
            continue  # a quarter's spend for a year under way; lease talks for a lease signed
        if not outlook_matches(reading, sentence) or _other_comparison(reading, sentence):
            continue
        seen, how = observe(reading, sentence)
        if outdated(reading, sentence, seen, day, as_of):
            continue  # an old guide against a raise still to come; a balance the next quarter's may replace
        if seen and _bears_on(reading, seen):
            found.append((sentence, seen, how, before))
    if not found:
        return []
    if focus is not None:
        found = [f for f in found if focus.search(f[0]) or focus.search(f[3])] or found  # or just before
    if reading.modality in ("plan", "expectation") and reading.period.year is None \
            and (reading.object == "revenue" or reading.quarters_in_a_row):
        # "guides lower", "expects capex to fall sequentially": the call's outlook for the next quarter ("we expect
        # capital expenditures to decrease on a sequential basis"), before its other forward words, before what it
        # says of the quarters behind it
        ahead = [f for f in found if FORWARD.search(f[0])]
        found = [f for f in ahead if _SEQUENTIAL_SAID.search(f[0])] or ahead or found
    if reading.level is not None and reading.level.unit == "pct" and reading.segment:
        # a growth rate: the sentences naming the business before those that read it from context
        found = [f for f in found if segment_ok(reading, f[0]) and _names_a_business(f[0])] or found
    if reading.modality == "fact" and reading.level is None and reading.period.quarter is not None:
        # a reported quarter's move: the sentences that state it with a figure ("data center revenue decreased
        # 12%") before the talk around it ("both sides are growing")
        found = [f for f in found if _A_CHANGE.search(f[0])] or found
    if reading.level is not None and reading.level.unit == "USD" and reading.segment is None \
            and reading.modality == "fact" and reading.period.quarter is not None:
        # "June-quarter revenue tops $6B": the quarter's result as the call states it ("revenues were $5.8
        # billion"), not the run-rates and hopes around it ("better than $8 billion a quarter")
        found = [f for f in found if _RESULT_STATED.search(f[0])] or found
    if reading.level is not None:
        # A level: a sentence with a figure past the line is the company saying so; below-line figures
        # in the same call are usually other quantities.
        past = [f for f in found if f[1] in ("above", "match")]
        found = past or found
    # One vote per document: the direction most of its sentences show; the quotes say which.
    tally: dict[str, int] = {}
    for _, seen, _, _ in found:
        tally[seen] = tally.get(seen, 0) + 1
    top = max(tally, key=lambda k: tally[k])
    if len(tally) > 1 and tally[top] < 2 * (sum(tally.values()) - tally[top]):
        return []  # a call that says both is no answer
    quotes = [s for s, seen, _, _ in found if seen == top][:_MAX_PER_DOC]
    how = next(h for _, seen, h, _ in found if seen == top)
    text = f"{document_label(doc)}: " + " / ".join(f"\u201c{_short(q)}\u201d" for q in quotes)
    return [Item(signal="said_document", text=text, date=day, source=doc["source"], kind="reported",
                 observed=top, absence=_restates(reading, top),
                 weight=min(0.9, 0.5 + 0.1 * tally[top]) * freshness(day, as_of),
                 url=doc.get("url"), accession=doc.get("accession"), ticker=doc["ticker"],
                 period=str(doc["date"]), method=how)]


# "decreased 12%", "down from the March quarter level of $288 million": a move stated with its figures
_A_CHANGE = re.compile(r"\d(?:\.\d+)?\s?(?:%|percent)|\b(?:up|down) from\b[^.;]{0,40}\$\s?\d", re.I)
# "revenues were $5.8 billion", "net sales of $5.8 billion": a quarter's result as its call states it
_RESULT_STATED = re.compile(r"\b(?:revenues?|net sales|sales|income|profit)\s+(?:was|were|of|came in at|totaled|"
                            r"totalled|reached)\s+(?:a record\s+)?(?:\$|approximately \$|about \$)", re.I)
_SEQUENTIAL_SAID = re.compile(r"\bsequential\w*|quarter[- ](?:over|on)[- ]quarter|\bq/q\b", re.I)
_YEAR_ON_YEAR_SAID = re.compile(r"year[- ]?(?:over|on)[- ]?year|(?<!\w)-(?:over|on)-year\b|\byoy\b|\by/y\b|"
                                r"a year (?:ago|earlier)", re.I)


def _other_comparison(reading: Reading, sentence: str) -> bool:
    """A quarter's move set against a year earlier is not answered by a sentence comparing it only with the quarter
    before ("on a sequential basis, data center revenue decreased 12%"), nor a sequential move by a year-on-year one."""
    if reading.period.quarter is None or reading.object not in ("revenue", "capex", "profit") \
            or reading.level is not None or reading.modality != "fact" or reading.direction not in ("up", "down"):
        return False  # a level has no comparison; a guide's "sequentially lower" is what "guides lower" means
    sequential, yearly = bool(_SEQUENTIAL_SAID.search(sentence)), bool(_YEAR_ON_YEAR_SAID.search(sentence))
    return sequential != yearly and sequential != bool(reading.quarters_in_a_row)


def _bears_on(reading: Reading, seen: str) -> bool:
    """A sentence counts in its document's vote only if what it shows bears on the claim either way
    ("revenue added" says nothing on "growth is slowing")."""
    said = reading.level.op if reading.level is not None and seen in ("above", "below", "match", "mismatch") \
        else reading.direction
    pro, con = RELATION.get(said or "", (frozenset(), frozenset()))
    return seen in pro or seen in con or not pro


def _restates(reading: Reading, seen: str | None) -> bool:
    """Restating a plan ("we anticipate $60-65 billion") answers "unchanged"; it says nothing against a
    raise or a cut that had not been published yet."""
    return seen == "flat" and reading.object in ENGINE_OBJECTS


def _short(text: str, limit: int = 260) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
