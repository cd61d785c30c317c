"""One document's capex language: stance counts, a stance score and the watch terms.

The watch terms are the words the market reacts to ("efficiency", "moderating", "optimization",
"discipline", "digest", "pause", "throttle", …); they are counted over the whole document in one
regex pass, whether or not the sentence around them is about capex, because a reader of the call
hears them all.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from aicycle.errors import InputError
from aicycle.language.candidates import PrefixIndex, Windows
from aicycle.language.labels import LABELS, Stance
from aicycle.language.lexicon import DIRECTION_MATCHER, GATE_STEMS, SUBJECT_MATCHER, TOPICAL
from aicycle.language.matcher import PREFIX, prefixes
from aicycle.language.stance import classify_topical_many
from aicycle.language.text import document_text, sentence_spans

KINDS = ("transcript", "release", "text")
# Direction of each label on a -1 … +1 scale; the document score is their confidence-weighted mean.
LABEL_VALUE = {"expand": 1.0, "maintain": 0.0, "moderate": -0.5, "cut": -1.0}

WATCH_TERMS: dict[str, str] = {
    "efficiency": r"efficien(?:cy|cies|t|tly)",
    "moderate": r"moderat(?:e|es|ed|ing|ion)",
    "optimization": r"optimi[sz](?:e|es|ed|ing|ation|ations)",
    "discipline": r"disciplined?",
    "digest": r"indigest(?:s|ed|ing|ion)?|digest(?:s|ed|ing|ion)?",  # not "(?:in)?": its prefix would be "in"
    "pause": r"paus(?:e|es|ed|ing)",
    "throttle": r"throttl(?:e|es|ed|ing)",
    "slowdown": r"slow(?:down|ing down|er pace)|decelerat(?:e|es|ed|ing|ion)",
    "normalize": r"normali[sz](?:e|es|ed|ing|ation)",
    "overbuild": r"over-?build(?:ing)?|over-?built|overcapacity|excess capacity",
    "pull_back": r"pull(?:ed|ing)? back|scal(?:e|ed|ing) back",
    "capacity_constrained": r"(?:capacity|supply)[- ]constrain(?:ed|ts?)",
}
_WATCH = re.compile("|".join(rf"(?P<{name}>\b(?:{pattern})\b)" for name, pattern in WATCH_TERMS.items()))


@cache
def _index() -> PrefixIndex:
    """One table of first letters for cues, topic keywords and watch terms (built on first scan)."""
    return PrefixIndex({
        "cue": set(SUBJECT_MATCHER.by_prefix) | set(DIRECTION_MATCHER.by_prefix),
        "gate": set(_windows()["gate"].prefixes),
        "watch": set(_windows()["watch"].prefixes),
    })


@cache
def _windows() -> dict[str, Windows]:
    """The gate's and the watch terms' windows (PREFIX characters at a candidate) that can start a match."""
    return {"gate": Windows(tuple(sorted({p for stem in GATE_STEMS for p in prefixes(stem)}))),
            "watch": Windows(tuple(sorted({p for pattern in WATCH_TERMS.values() for p in prefixes(pattern)})))}


@dataclass(frozen=True)
class DocumentSummary:
    """Per-document counts of stances, the stance score (-1 cut … +1 expand) and watch-term hits."""

    kind: str
    sentences: int
    topical: int
    counts: dict[str, int]
    score: float | None
    watch_terms: dict[str, int]
    examples: dict[str, list[tuple[str, Stance]]] = field(default_factory=dict)

    @property
    def labelled(self) -> int:
        return sum(v for k, v in self.counts.items() if k != "none")

    def to_dict(self, examples: int = 0) -> dict[str, object]:
        out: dict[str, object] = {
            "kind": self.kind, "sentences": self.sentences, "topical": self.topical,
            "counts": self.counts, "score": self.score, "watch_terms": self.watch_terms,
        }
        if examples:
            out["examples"] = {
                label: [{"text": text, **stance.to_dict()} for text, stance in pairs[:examples]]
                for label, pairs in self.examples.items()
            }
        return out


def scan_document(text: str, kind: str = "transcript", keep_examples: int = 3) -> DocumentSummary:
    """Split a document into sentences, classify the topical ones and count watch terms."""
    if kind not in KINDS:
        raise InputError(f"document kind {kind!r} is not one of {', '.join(KINDS)}")
    prose = document_text(text, kind)
    lowered = prose.lower()
    if len(lowered) != len(prose):  # a few characters change length when lower-cased: keep offsets
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in prose)
    found = _index().scan_arrays(lowered)
    counts = dict.fromkeys(LABELS, 0)
    examples: dict[str, list[tuple[str, Stance]]] = {k: [] for k in LABELS if k != "none"}
    weighted = weight = 0.0
    spans, total = _topical_spans(prose, lowered, found["gate"].tolist())
    counts["none"] = total - len(spans)
    batch = list(zip([lowered[start:end] for start, end in spans], _relative(found["cue"], spans), strict=True))
    for (start, end), stance in zip(spans, classify_topical_many(batch), strict=True):
        counts[stance.label] += 1
        if stance.label != "none":
            weighted += LABEL_VALUE[stance.label] * stance.confidence
            weight += stance.confidence
            if len(examples[stance.label]) < keep_examples:
                examples[stance.label].append((prose[start:end], stance))
    score = round(weighted / weight, 3) if weight else None
    return DocumentSummary(kind, total, len(spans), counts, score, _watch_counts(lowered, found["watch"].tolist()),
                           examples)


def _relative(cues: np.ndarray, spans: list[tuple[int, int]]) -> list[list[int]]:
    """The cue positions inside each span, from its start: selected and shifted in arrays, so only the
    sentences' own positions (a third of a call's) become Python integers."""
    if not spans:
        return []
    bounds = np.array(spans, dtype=np.int64)
    first = np.searchsorted(cues, bounds[:, 0])
    counts = np.searchsorted(cues, bounds[:, 1]) - first
    edges = np.concatenate(([0], np.cumsum(counts)))
    inside = np.repeat(first - edges[:-1], counts) + np.arange(edges[-1])
    relative = (cues[inside] - np.repeat(bounds[:, 0], counts)).tolist()
    ends = edges.tolist()
    return [relative[a:b] for a, b in zip(ends[:-1], ends[1:], strict=True)]


def _topical_spans(prose: str, lowered: str, gate_candidates: list[int]) -> tuple[list[tuple[int, int]], int]:
    """The sentences holding a topic word (the keyword gate), and how many sentences there are in all.

    Walks the gate's candidate positions rather than the sentences (most sentences have none), and
    stops testing a sentence at its first topic word."""
    spans = sentence_spans(prose)
    starts = [start for start, _ in spans]
    topical: list[int] = []
    for pos in _windows()["gate"].passing(lowered, gate_candidates, PREFIX):
        i = bisect_right(starts, pos) - 1
        if i < 0 or pos >= spans[i][1] or (topical and topical[-1] == i):
            continue
        if TOPICAL.match(lowered, pos):
            topical.append(i)
    return [spans[i] for i in topical], len(spans)


def _watch_counts(lowered: str, positions: list[int]) -> dict[str, int]:
    hits = dict.fromkeys(WATCH_TERMS, 0)
    for pos in _windows()["watch"].passing(lowered, positions, PREFIX):
        match = _WATCH.match(lowered, pos)
        if match:
            hits[match.lastgroup or ""] += 1
    return hits


def watch_terms(text: str) -> dict[str, int]:
    """Watch-term counts of a text by plain regex search (the reference for the fast path)."""
    hits = dict.fromkeys(WATCH_TERMS, 0)
    for match in _WATCH.finditer(text.lower()):
        hits[match.lastgroup or ""] += 1
    return hits
