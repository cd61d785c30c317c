"""What the watcher announces: one `Event` per material change, with its evidence and sources.

An event's id is a hash of its kind and of what happened (the filing's accession, the guidance
vintage, the checkpoint's new state on a day): finding the same change twice gives the same id, so
it can never be stored, or sent, twice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

# kind -> the words a person reads (terminal, feed titles, chat messages)
KINDS: dict[str, str] = {
    "filing": "new filing",
    "news": "news",
    "guidance_raised": "guidance raised",
    "guidance_cut": "guidance cut",
    "guidance_narrowed": "guidance narrowed",
    "guidance_widened": "guidance widened",
    "guidance_initial": "first guide for a year",
    "checkpoint_changed": "checkpoint changed",
    "verdict_changed": "verdict changed",
    "tone_shift": "tone shift",
    "gpu_move": "GPU price move",
    "contract": "new compute contract",
    "source_failing": "source failing",
    "source_recovered": "source recovered",
}


@dataclass
class Event:
    kind: str
    day: dt.date                      # the day it became public (the watcher's day for state changes)
    identity: str                     # what happened, stable across runs: the id is made from it
    title: str
    detail: str = ""
    ticker: str | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)  # text, source, url, accession, filed, kind
    data: dict[str, Any] = field(default_factory=dict)            # old/new range, states, levels, ...
    verdict: dict[str, Any] | None = None                         # {state, score} on `day`
    event_id: str = ""

    def __post_init__(self) -> None:
        if not self.event_id:
            self.event_id = hashlib.sha256(f"{self.kind}\x1f{self.identity}".encode()).hexdigest()[:20]

    @property
    def label(self) -> str:
        return KINDS.get(self.kind, self.kind.replace("_", " "))

    @property
    def sources(self) -> list[str]:
        """Where the evidence comes from: URLs first, else the source names, without repeats."""
        out: list[str] = []
        for item in self.evidence:
            where = item.get("url") or item.get("source")
            if where and where not in out:
                out.append(str(where))
        return out

    def line(self) -> str:
        """One line for a person: day, what, the verdict then."""
        verdict = ""
        if self.verdict and self.verdict.get("state"):
            score = self.verdict.get("score")
            verdict = f" · verdict {self.verdict['state'].replace('_', ' ')}" + \
                (f" {score:+.2f}" if isinstance(score, int | float) else "")
        return f"{self.day} {self.label}: {self.title}{verdict}"

    def to_dict(self) -> dict[str, Any]:
        return {"event_id": self.event_id, "kind": self.kind, "label": self.label, "day": self.day.isoformat(),
                "ticker": self.ticker, "title": self.title, "detail": self.detail, "evidence": self.evidence,
                "sources": self.sources, "data": self.data, "verdict": self.verdict}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(kind=d["kind"], day=dt.date.fromisoformat(d["day"]), identity="", title=d["title"],
                   detail=d.get("detail") or "", ticker=d.get("ticker"), evidence=list(d.get("evidence") or []),
                   data=dict(d.get("data") or {}), verdict=d.get("verdict"), event_id=d["event_id"])


def evidence(text: str, *, source: str | None, url: str | None = None, accession: str | None = None,
             filed: dt.date | str | None = None, kind: str | None = None) -> dict[str, Any]:
    day = filed.isoformat() if isinstance(filed, dt.date) else filed
    return {"text": text, "source": source, "url": url, "accession": accession, "filed": day, "kind": kind}
