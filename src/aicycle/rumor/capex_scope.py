"""What the capex line records: "Meta's Hyperion data center construction will no longer run through its capex",
"Meta to book Hyperion construction costs as capex". A company says on its call when a build's cost leaves the
line ("Going forward, the construction cost of the data center will not be recorded in CapEx ... those will be
recorded as other investing cash flows"); its latest such sentence public by the as-of date decides."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from aicycle.rumor.evidence import Item
from aicycle.rumor.said import latest_said
from aicycle.store import Store

_CAPEX = r"(?:cap-?ex|capital (?:spending|expenditures?))"
_BUILD = r"\b(?:construction|build(?:[- ]?out)?|campus build)\b"
# the claim puts a build's cost in or out of the capex line
_CLAIM = re.compile(rf"{_BUILD}.{{0,80}}?\b(?:through|as|in|into|inside|within|off|out of|outside)\s+"
                    rf"(?:\w+\s+){{0,2}}?{_CAPEX}\b", re.I)
_OUT = re.compile(r"\b(?:no longer|not|n't|off|out of|outside|stops?|leaves?|moves? (?:\w+ ){0,3}out)\b", re.I)
# the company's sentence on recording a build's cost, and its words that the cost is not recorded there
_SAID = re.compile(rf"\b(?:construction|build) costs?\b[^.]{{0,100}}?\b(?:recorded|booked|reported|included|"
                   rf"capitalized)\s+(?:in|as|within)\s+{_CAPEX}\b", re.I)
_SAID_OUT = re.compile(r"\b(?:not|no longer|n't)\s+(?:\w+\s+){0,2}(?:recorded|booked|reported|included|capitalized)\b",
                       re.I)


@dataclass(frozen=True)
class CapexScope:
    counted: bool  # the claim says the build's cost is in the capex line (True) or left out of it (False)


def read_capex_scope(text: str) -> CapexScope | None:
    m = _CLAIM.search(text)
    if m is None:
        return None
    return CapexScope(counted=not _OUT.search(text))


def capex_scope_items(store: Store, claim: CapexScope, ticker: str, as_of: dt.date) -> list[Item]:
    """The company's latest sentence on whether a build's cost is recorded in capex, judged against the claim."""
    def judge(sentence: str) -> str | None:
        m = _SAID.search(sentence)
        if m is None:
            return None
        counted = not _SAID_OUT.search(m.group(0))
        return "match" if counted == claim.counted else "mismatch"
    return latest_said(store, ticker, as_of, judge, signal="capex_scope",
                       method="the company's latest word on what its capex line records")
