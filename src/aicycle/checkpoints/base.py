"""What every checkpoint returns: a state, a headline with numbers, metrics and evidence.

A checkpoint module exposes `ID`, `TITLE` and `read(store, as_of) -> Reading`; `as_of` is a date and
the module must use only rows public on or before it (`filed <= as_of`, `observed_on <= as_of`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

State = Literal["expanding", "steady", "slowing", "contracting", "insufficient_data"]
STATES: tuple[str, ...] = ("expanding", "steady", "slowing", "contracting", "insufficient_data")
# Signed direction of each state, used by the diffusion count and the composite.
DIRECTION: dict[str, int] = {"expanding": 1, "steady": 0, "slowing": -1, "contracting": -1,
                             "insufficient_data": 0}


@dataclass(frozen=True)
class Evidence:
    """One number (or statement) behind a reading, with where it came from."""

    text: str
    value: float | None
    unit: str | None
    period: str | None
    source: str
    url: str | None
    accession: str | None
    filed: dt.date | None
    kind: str  # reported | derived | curated
    ticker: str | None = None
    metric: str | None = None
    method: str | None = None
    flag: str | None = None
    # Where the number sits in the one precedence (facts.PRECEDENCE) and what other tiers said about it.
    tier: str | None = None
    disagreements: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["filed"] = self.filed.isoformat() if self.filed else None
        out["disagreements"] = list(self.disagreements)
        return out


@dataclass(frozen=True)
class Metric:
    name: str
    value: float | None
    unit: str | None
    label: str
    period: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Reading:
    id: str
    title: str
    state: State
    headline: str
    # The checkpoint's change, standardized to roughly -1..+1 (see rules.py); None = no data.
    score: float | None
    metrics: list[Metric] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    reasoning: list[str] = field(default_factory=list)
    # Series for charts: name -> list of {x, y, ...} points (rendering decides how to draw them).
    charts: dict[str, Any] = field(default_factory=dict)
    # What the score rests on (checkpoints/coverage.py): companies with data of the checkpoint's, the
    # newest figure, and the confidence that follows (1 = full coverage).
    coverage: dict[str, Any] | None = None
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "state": self.state, "headline": self.headline,
            "score": self.score, "confidence": self.confidence, "coverage": self.coverage,
            "reasoning": self.reasoning,
            "metrics": [m.to_dict() for m in self.metrics],
            "evidence": [e.to_dict() for e in self.evidence],
            "charts": self.charts,
        }
