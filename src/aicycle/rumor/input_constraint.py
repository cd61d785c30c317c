"""A buyer held back by an input: "Amazon says memory shortages are leaving AWS capacity constrained", "Amazon
says it cannot get enough memory chips for its AWS build-out". The company answers on its call, in an answer that
opens on the input ("On memory and storage and the supply chain, ... we have done a good job in making sure that
we are not capacity constrained there"): its latest word on being held back by that input decides, not its words
on the industry's shortage or on its own capacity in general."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from aicycle.language.text import sentences as split_sentences
from aicycle.rumor.evidence import Item, as_date
from aicycle.rumor.said import company_sentences, recent_documents, sentence_item
from aicycle.store import Store

_INPUT = r"(?:memory|dram|hbm|nand)"
_CLAIM = re.compile(rf"\b{_INPUT}\s+(?:chips?\s+)?(?:shortages?|scarcity|crunch|constraints?|supply)\b[^.]{{0,60}}?"
                    rf"\b(?:constrain\w*|short)|\b(?:can'?t|cannot|unable to|struggl\w* to)\s+(?:get|secure|source|buy)"
                    rf"\s+enough\s+{_INPUT}|\bconstrained by\s+(?:\w+\s+)?{_INPUT}", re.I)
# the company's word that the input does not hold it back, and that it does
_NOT_HELD = re.compile(r"\b(?:not|n't)\s+(?:\w+\s+){0,2}(?:capacity[- ])?constrained\b|\b(?:made sure|secured|"
                       r"locked in)\b", re.I)
_HELD = re.compile(rf"\b(?:constrained by|short of|not (?:able to )?get enough|can'?t get enough)\s+(?:\w+\s+)?"
                   rf"{_INPUT}\b", re.I)


@dataclass(frozen=True)
class InputConstraint:
    held: bool  # the claim says the input holds the company back


def read_input_constraint(text: str) -> InputConstraint | None:
    m = _CLAIM.search(text)
    if m is None:
        return None
    return InputConstraint(held=not re.search(r"\b(?:no longer|not|n't|never)\b", text[:m.start()], re.I))


def input_constraint_items(store: Store, claim: InputConstraint, ticker: str, as_of: dt.date) -> list[Item]:
    """The company's latest word on being held back by the input: in a sentence naming it, or in an answer that
    opened on it."""
    for doc in recent_documents(store, ticker, as_of):
        day = as_date(doc["date"])
        if day is None:
            continue
        said = [(s, seen) for s, seen in _read(str(doc["doc_id"]), str(doc["text"])) if seen is not None]
        # "not enough capacity for the amount of demand" of the industry gives way to "we are not constrained there"
        pick = next((p for p in said if p[1] is False), None) or next(iter(said), None)
        if pick is not None:
            observed = "match" if pick[1] == claim.held else "mismatch"
            return [sentence_item(doc, pick[0], signal="input_constraint", observed=observed, as_of=as_of,
                                  method="the company's latest word on being held back by the input")]
    return []


_REACH = 8  # sentences: how far an answer that opened on the input speaks of it ("... not constrained there")


def _read(doc_id: str, text: str) -> list[tuple[str, bool | None]]:
    """Each of the company's sentences: held back (True), not held back (False), or neither (None). A sentence
    counts when it names the input, or follows one that did within the same answer."""
    own = set(company_sentences(doc_id, text))
    out: list[tuple[str, bool | None]] = []
    last = -_REACH - 1
    for i, sentence in enumerate(split_sentences(text)):
        if re.search(rf"\b{_INPUT}\b", sentence, re.I):
            last = i
        if sentence not in own:
            continue
        if _HELD.search(sentence):
            out.append((sentence, True))
        elif i - last <= _REACH and _NOT_HELD.search(sentence) and re.search(r"\b(?:we|our|us)\b", sentence, re.I):
            out.append((sentence, False))
    return out
