"""Which thing is the bottleneck: "IREN says contract signing, not GPU deployment, is the bottleneck", "NVIDIA:
supply, not demand, caps next year's ~70% growth". The company names its bottleneck ("Signing deals is not the
bottleneck in this market, bringing GPUs online is"; "This is a supply-constrained outlook"); its latest sentence
that names one of the claim's two decides."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from aicycle.rumor import vocab
from aicycle.rumor.evidence import Item
from aicycle.rumor.said import latest_said
from aicycle.store import Store

_CAPS = r"(?:is|are|was|remains?|caps?|capp\w*|limits?|limit\w*|constrains?|holds? back|gates?)"
# "X, not Y, is the bottleneck" / "X, not Y, caps its growth"; "the bottleneck is X, not Y"
_CLAIM = re.compile(rf"(?P<x>[\w' -]{{3,40}}?),\s+not\s+(?P<y>[\w' -]{{3,40}}?),\s+{_CAPS}\b", re.I)
_CLAIM_AFTER = re.compile(r"\b(?:bottleneck|constraint|limiting factor)\s+is\s+(?P<x>[\w' -]{3,40}?),\s+not\s+"
                          r"(?P<y>[\w' -]{3,40}?)\s*$", re.I)
_NAME = r"(?P<z>[\w' -]{3,40}?)"
_SAID_IS = re.compile(rf"{_NAME}\s+(?:is|are|was|remains?)\s+(?P<neg>not\s+)?(?:the|a|our)\s+(?:\w+\s+)?"
                      rf"(?:bottleneck|constraint|limiting factor)\b(?:[^,.]*,\s+(?P<w>[\w' -]{{3,40}}?)\s+is\b)?",
                      re.I)
# "maybe the bottleneck is power": the thing named after the noun
_SAID_AFTER = re.compile(r"\b(?:the|our|a)\s+(?:\w+\s+)?(?:bottleneck|constraint|limiting factor)\s+"
                         r"(?:is|was|remains)\s+(?P<neg>not\s+)?(?P<z>[\w' -]{3,40}?)(?=[.,;]|$)", re.I)
_SAID_BOUND = re.compile(r"\b(?P<z>supply|demand|power|compute|capacity)[- ]constrained\b|"
                         r"\blimited by (?P<l>supply|demand|power|compute|capacity)\b", re.I)
_FILLER = {"says", "said", "the", "its", "their", "our", "and", "for", "with", "that", "this", "not", "getting",
           "bringing", "winning", "says:"}


@dataclass(frozen=True)
class Bottleneck:
    named: frozenset[str]  # the claim's bottleneck, by its words' stems
    other: frozenset[str]  # what the claim says is not


def read_bottleneck(text: str) -> Bottleneck | None:
    m = _CLAIM.search(text) or _CLAIM_AFTER.search(text)
    if m is None:
        return None
    said = re.split(r"\bsays\b|\bsaid\b|\bsees\b|:", m.group("x"))[-1]  # "IREN says contract signing"
    x, y = _stems(said), _stems(m.group("y"))
    return Bottleneck(x, y) if x and y else None


def _stems(words: str) -> frozenset[str]:
    found = re.findall(r"[a-z]+", words.lower())
    # the last words name the thing ("IREN says contract signing" is contract signing)
    return frozenset(vocab.stem(w) for w in found[-3:] if w not in _FILLER and len(w) > 2)


def bottleneck_items(store: Store, claim: Bottleneck, ticker: str, as_of: dt.date) -> list[Item]:
    return latest_said(store, ticker, as_of, lambda s: _judge(claim, s), signal="bottleneck",
                       method="the company's latest word on what its bottleneck is")


def _judge(claim: Bottleneck, sentence: str) -> str | None:
    binding: set[str] = set()
    free: set[str] = set()
    for m in _SAID_IS.finditer(sentence):
        (free if m.group("neg") else binding).update(_stems(m.group("z")))
        if m.group("w"):  # "Signing deals is not the bottleneck ..., bringing GPUs online is"
            binding.update(_stems(m.group("w")))
    for m in _SAID_AFTER.finditer(sentence):
        (free if m.group("neg") else binding).update(_stems(m.group("z")))
    for m in _SAID_BOUND.finditer(sentence):
        binding.update(_stems(m.group("z") or m.group("l")))
    if claim.named & binding or claim.other & free:
        return "match"
    if claim.named & free or claim.other & binding:
        return "mismatch"
    return None
