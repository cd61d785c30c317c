"""What a figure counts: "NVIDIA builds China data center sales into its outlook", "AWS's backlog includes the
Anthropic deal". The company says so in its own words when it counts something in or leaves it out ("we are not
assuming any data center compute revenue from China in our outlook", "That does not include the recent deal that
we announced with Anthropic"). Its latest call that speaks to the thing decides: an outlook is a state, and a
later call may put back what an earlier one left out."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from aicycle.rumor.evidence import Item
from aicycle.rumor.said import latest_said
from aicycle.store import Store

_FIGURES = r"outlook|guidance|guide|forecast|backlog|rpo|remaining performance obligations?"
_IN = (r"\b(?P<verb>builds?|built|puts?|bakes?|baked|factors?|factored|folds?|folded|counts?|counted|includes?|"
       r"included|adds?|added|keeps?|kept|leaves?|left)\s+(?P<thing>.+?)\s+(?P<back>back\s+)?"
       r"(?P<prep>in|into|in to|out of|from)\s+(?:its|the|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:" + _FIGURES + r")\b")
_HOLDS = (r"\b(?:" + _FIGURES + r")\b[^,;]{0,40}?\b(?P<verb>includes?|included|excludes?|excluded|counts?|leaves out|"
          r"assumes?|assumed)"
          r"\s+(?P<thing>.+)$")
_CLAIM_IN = re.compile(_IN, re.I)
_CLAIM_HOLDS = re.compile(_HOLDS, re.I)
_OUT = re.compile(r"\bexclud\w*|\bleaves? out|\bleft out|\bout of\b|\bfrom\b|\bkeeps?\b|\bkept\b", re.I)
# A sentence that leaves the thing out, and one that counts it in.
_SAID_OUT = re.compile(r"\b(?:not|n't|no longer)\s+(?:\w+\s+){0,2}(?:assum\w*|includ\w*|reflect\w*|incorporat\w*|"
                       r"count\w*|factor\w*|built in)|\bexclud\w*|\bthere is no\b|\bno\s+(?:\w+\s+){0,5}in our\b|"
                       r"\bzero\b", re.I)
_SAID_IN = re.compile(r"\b(?:includ\w*|assum\w*|reflect\w*|incorporat\w*|built in|factored in)\b", re.I)
_FIGURE = re.compile(r"\b(?:" + _FIGURES + r")\b", re.I)
_LEFT_OUT = re.compile(r"\b(?:not|n't)\s+include\b|\bexclud\w*", re.I)
_DENIED = re.compile(r"\b(?:not|n't|never|no longer)\s+(?:\w+\s+)?$", re.I)
_NOT_NAMES = {"the", "a", "an", "its", "their", "all", "any", "some", "data", "new", "recent"}


@dataclass(frozen=True)
class Inclusion:
    thing: str  # the word a company's sentence must name: "China", "Anthropic"
    counted: bool  # the claim says it is counted in (True) or left out (False)
    text: str

    @property
    def direction(self) -> str:
        return "counted_in" if self.counted else "left_out"


def read_inclusion(text: str) -> Inclusion | None:
    """The thing a claim says a figure counts in or leaves out; None when the claim is not of that shape."""
    m = _CLAIM_IN.search(text)
    holds = m is None
    m = m or _CLAIM_HOLDS.search(text)
    if m is None:
        return None
    thing = _key(m.group("thing"))
    if thing is None:
        return None
    out = bool(_OUT.search(m.group("verb") + " " + ("" if holds else m.group("prep"))))
    denied = bool(_DENIED.search(text[:m.start("verb")]))  # "does not build China into its outlook"
    return Inclusion(thing=thing, counted=out == denied, text=m.group(0))


def _key(words: str) -> str | None:
    """The name that identifies what is counted: the first capitalized word that is not a filler."""
    for word in re.findall(r"\b[A-Z][\w-]*", words):
        if word.lower() not in _NOT_NAMES:
            return word
    return None


def inclusion_items(store: Store, inclusion: Inclusion, ticker: str, as_of: dt.date) -> list[Item]:
    """The latest sentence of `ticker`'s own, public by `as_of`, that counts the thing in or leaves it out:
    observed "match" when it says what the claim says, "mismatch" when it says the opposite."""
    named = re.compile(rf"\b{re.escape(inclusion.thing)}\b", re.I)

    def judge(sentence: str) -> str | None:
        counted = _counted(sentence) if named.search(sentence) else None
        return None if counted is None else "match" if counted == inclusion.counted else "mismatch"

    return latest_said(store, ticker, as_of, judge, signal="said_included",
                       method=f"what the company says it counts, against the claim's {inclusion.text!r}")


def _counted(sentence: str) -> bool | None:
    """Whether a sentence that names the thing says a figure counts it (True), leaves it out (False), or neither.
    "That does not include the recent deal" needs no figure named; "including those in China" does."""
    figure = bool(_FIGURE.search(sentence))
    if _SAID_OUT.search(sentence) and (figure or _LEFT_OUT.search(sentence)):
        return False
    if figure and _SAID_IN.search(sentence):
        return True
    return None
