"""A quarter's dip in capex read as a cut: "Microsoft cuts capex: March-qtr spend falls to $31.9bn" (the company put
the dip down to "the normal variability from cloud infrastructure buildouts and the timing of delivery of finance
leases"), "Meta Q1 capex drops ... -- the build-out is being scaled back" (the same call raised the year's
forecast). The claim is about a decision to spend less; the company's own word on that quarter decides it."""

from __future__ import annotations

import datetime as dt
import re

from aicycle.rumor import lexicon
from aicycle.rumor.evidence import Item
from aicycle.rumor.said import latest_said
from aicycle.store import Store

# a decision to spend less, not a figure that fell
_CUT = re.compile(r"\b(?:cuts?|cutting|slash\w*|trims?|trimm\w*|scal\w* back|pull\w* back|rein\w* in|retrench\w*|"
                  r"retreat\w*|being scaled back)\b", re.I)
_CAPEX = re.compile(rf"\b(?:{lexicon.CAPEX_WORDS})\b", re.I)
_TIMING = re.compile(r"\b(?:normal variability|variability|timing of (?:\w+ ){0,3}(?:deliver\w*|leases?|payments?)|"
                     r"lumpy|lumpiness|fluctuat\w* quarter to quarter|quarter[- ]to[- ]quarter (?:variability|"
                     r"fluctuations?))\b", re.I)
_RAISED = re.compile(r"\b(?:increas\w*|rais\w*)\b(?:\s+\w+){0,3}?\s+(?:capex|capital expenditures?)"
                     r"\s+(?:forecast|outlook|guidance|expectations?)\b", re.I)


def reads_as_dip(text: str, quarter: int | None) -> bool:
    """A claim that a quarter's lower spend is a cut: a cut word and a named quarter."""
    return quarter is not None and bool(_CUT.search(text)) and bool(_CAPEX.search(text))


def quarter_dip_items(store: Store, ticker: str, ended: dt.date, as_of: dt.date) -> list[Item]:
    """The company's sentence, said after the quarter `ended`, putting its dip down to timing or raising the year's
    capex."""
    return latest_said(store, ticker, as_of, _judge, signal="quarter_dip", speaks=lambda day, _: day > ended,
                       method="stated: the company's word on the quarter's lower spend (timing, or a raised outlook)")


def _judge(sentence: str) -> str | None:
    if _CAPEX.search(sentence) and (_TIMING.search(sentence) or _RAISED.search(sentence)):
        return "mismatch"  # a timing dip or a raised outlook: not a cut
    return None
