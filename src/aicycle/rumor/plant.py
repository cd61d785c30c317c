"""A maker adding manufacturing capacity: "Seagate ramps drive-unit capacity to meet AI storage demand", "Western
Digital adds HDD manufacturing capacity to chase AI demand". The drive makers say on their calls whether they add
units or grow by density ("We will leverage technology transitions to support Exabyte growth, rather than adding
new head and media unit capacity"; "we don't anticipate any capacity investments in those areas for the near
term"); the latest such sentence public by the as-of date decides."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from aicycle.rumor.evidence import Item
from aicycle.rumor.said import latest_said
from aicycle.store import Store

_UNITS = r"(?:manufacturing|production|unit|drive[- ]unit|head and media|hdd|drive|factory|fab|cleanroom|wafer)"
_CLAIM = re.compile(rf"\b(?:add\w*|ramp\w*|buy\w*|expand\w*|build\w*|invest\w* in|boost\w*)\s+(?:new\s+)?"
                    rf"(?:[\w-]+\s+){{0,3}}?{_UNITS}\s+capacity\b|\bbuy\w* capacity to (?:build|make) more\b", re.I)
_NEGATED = re.compile(r"\b(?:won'?t|will not|not|no|never|stops?|halts?|pauses?)\b", re.I)
# a company's own sentence on adding units, and the words that say it is not adding them
_SAID = re.compile(rf"\b(?:add\w*|invest\w*)\s+(?:new\s+|more\s+|gross\s+)?(?:[\w-]+\s+){{0,3}}?"
                   rf"(?:{_UNITS}\s+)?capacity\b|\bcapacity (?:investments?|additions?|expansions?)\b", re.I)
_NOT_ADDING = re.compile(r"\b(?:rather than|instead of|without|not (?:really )?(?:trying to|planning to|going to)|"
                         r"(?:don'?t|do not|doesn'?t|won'?t|will not) (?:\w+ ){0,2}(?:anticipate|plan|expect|need|add)|"
                         r"no (?:plans?|need) to|not add\w*|"
                         r"(?:careful|cautious|disciplined) (?:\w+ ){0,2}(?:with|about|in) add\w*)\b", re.I)


@dataclass(frozen=True)
class PlantClaim:
    adds: bool  # the claim says the maker adds capacity (True) or does not (False)


def read_plant(text: str) -> PlantClaim | None:
    m = _CLAIM.search(text)
    if m is None:
        return None
    return PlantClaim(adds=not _NEGATED.search(text[:m.start()]))


def plant_items(store: Store, claim: PlantClaim, ticker: str, as_of: dt.date) -> list[Item]:
    """The company's latest sentence on adding manufacturing capacity, judged against the claim."""
    def judge(sentence: str) -> str | None:
        m = _SAID.search(sentence)
        if m is None or re.search(r"\byou(?:r|'re)?\b|\bexabyte", sentence, re.I):
            return None  # an analyst's remark; exabytes grown by density are not units added
        adds = not _NOT_ADDING.search(sentence[:m.end()])
        return "match" if adds == claim.adds else "mismatch"
    return latest_said(store, ticker, as_of, judge, signal="plant_capacity",
                       method="the company's latest word on adding manufacturing capacity")
