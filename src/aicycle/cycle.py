"""The cycle report: five checkpoint readings and one verdict, as of a date.

The verdict works like a composite leading index (the Conference Board's method, simplified): each
checkpoint's change is already standardized to -1..+1 by its own rules; the composite is the
weighted mean of those scores (weights in rules.VERDICT_WEIGHTS, renormalized over the checkpoints
that have data), and a diffusion index counts how broad the move is: the share of checkpoints
expanding, with steady ones counting half. docs/method.md spells the rules out.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass, field
from typing import Any

from aicycle import rules
from aicycle.checkpoints import common as c
from aicycle.checkpoints.base import Reading
from aicycle.errors import AicycleError
from aicycle.store import Store

CHECKPOINTS = ("capex", "gpu_rental", "backlog", "memory", "power")
TITLES = {"capex": "Hyperscaler capex and guidance", "gpu_rental": "GPU rental prices",
          "backlog": "Backlog and contracted demand", "memory": "Memory and HBM",
          "power": "Power: contracted vs active"}


@dataclass
class Verdict:
    state: str
    score: float | None
    summary: str
    diffusion: dict[str, Any]
    coverage: float
    reasoning: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"state": self.state, "score": self.score, "summary": self.summary,
                "diffusion": self.diffusion, "coverage": self.coverage, "reasoning": self.reasoning}


@dataclass
class Report:
    as_of: dt.date
    verdict: Verdict
    checkpoints: list[Reading]
    data_through: dt.date | None = None
    latest_event: dict[str, Any] | None = None  # the last event studied by as_of (eventstudy.latest)

    def to_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "data_through": self.data_through.isoformat() if self.data_through else None,
            "verdict": self.verdict.to_dict(),
            "weights": dict(rules.VERDICT_WEIGHTS),
            "checkpoints": [r.to_dict() for r in self.checkpoints],
            "latest_event": self.latest_event,
        }

    def reading(self, id_: str) -> Reading:
        return next(r for r in self.checkpoints if r.id == id_)


def latest_date(store: Store) -> dt.date | None:
    """The newest date anything in the store became public."""
    row = store.query("SELECT max(d) AS d FROM (SELECT max(filed) AS d FROM facts "
                      "UNION ALL SELECT max(observed_on) FROM gpu_prices)")
    value = row[0]["d"] if row else None
    return value if isinstance(value, dt.date) else None


def build_report(store: Store, as_of: dt.date | None = None) -> Report:
    """The report as it could be seen on `as_of` (default: the latest date in the store)."""
    through = latest_date(store)
    as_of = as_of or through or dt.date.today()
    found = readings(store, as_of)
    return Report(as_of=as_of, verdict=verdict(found), checkpoints=found,
                  data_through=min(through, as_of) if through else None, latest_event=_latest_event(store, as_of))


def readings(store: Store, as_of: dt.date) -> list[Reading]:
    """The five checkpoint readings as of a date: the report without its market link (watch/)."""
    with c.prefetched(store, as_of):
        return [_read(cid, store, as_of) for cid in CHECKPOINTS]


def _latest_event(store: Store, as_of: dt.date) -> dict[str, Any] | None:
    """The verdict's link to the market: the latest event studied by as_of (issue 10)."""
    from aicycle.eventstudy.latest import report_link  # numpy-heavy; only the report needs it

    try:
        return report_link(store, as_of)
    except AicycleError:  # missing prices must not sink the report: it is shown without the link
        return None


def _read(cid: str, store: Store, as_of: dt.date) -> Reading:
    module = importlib.import_module(f"aicycle.checkpoints.{cid}")  # lazy: --json never pays for unused imports
    try:
        return module.read(store, as_of)
    except AicycleError as exc:  # one checkpoint's bad data must not sink the whole report
        return c.empty(cid, getattr(module, "TITLE", TITLES[cid]), f"Could not read {cid}: {exc}")


def verdict(readings: list[Reading]) -> Verdict:
    weights = rules.VERDICT_WEIGHTS
    total = sum(weights.get(r.id, 0.0) for r in readings)
    scored = [r for r in readings if r.score is not None and weights.get(r.id, 0.0) > 0]
    have = sum(weights[r.id] for r in scored)
    coverage = round(have / total, 3) if total else 0.0
    reasoning = []
    for r in readings:
        w = weights.get(r.id, 0.0)
        if r.score is None:
            reasoning.append(f"{r.id} (weight {w:.2f}): no score ({r.state}); drops out, weights renormalized.")
        else:
            reasoning.append(f"{r.id} (weight {w:.2f}, {w / have:.2f} renormalized): score {r.score:+.2f} "
                             f"-> contributes {r.score * w / have:+.3f}. {r.headline}")
    parts = [(r.score, weights[r.id]) for r in scored if r.score is not None]
    score = round(sum(s * w for s, w in parts) / have, 3) if have else None
    diffusion = _diffusion(readings)
    if score is None or coverage < rules.VERDICT_MIN_COVERAGE:
        state = "insufficient_data"
        partial = f" (their composite would be {score:+.2f})" if score is not None else ""
        reasoning.append(f"Checkpoints with data carry {coverage:.0%} of the weight "
                         f"(< {rules.VERDICT_MIN_COVERAGE:.0%} needed){partial}: no verdict.")
        score = None
    else:
        state = c.state_for(score)
        reasoning.append(f"Composite {score:+.2f} -> {state} (expanding at >= {rules.EXPANDING_AT}, "
                         f"slowing at <= {rules.SLOWING_BELOW}, contracting at <= {rules.CONTRACTING_BELOW}).")
    reasoning.append(f"Diffusion {diffusion['index']}: {diffusion['expanding']} expanding, "
                     f"{diffusion['steady']} steady, "
                     f"{diffusion['slowing']} slowing, {diffusion['contracting']} contracting "
                     f"({diffusion['insufficient_data']} without data).")
    return Verdict(state=state, score=score, summary=_summary(state, score, scored, coverage, diffusion),
                   diffusion=diffusion, coverage=coverage, reasoning=reasoning)


def _diffusion(readings: list[Reading]) -> dict[str, Any]:
    counts = {s: sum(r.state == s for r in readings) for s in
              ("expanding", "steady", "slowing", "contracting", "insufficient_data")}
    n = len(readings) - counts["insufficient_data"]
    credit = sum(rules.DIFFUSION_CREDIT.get(r.state, 0.0) for r in readings)
    return {**counts, "index": round(100 * credit / n, 1) if n else None, "with_data": n}


def _summary(state: str, score: float | None, scored: list[Reading], coverage: float,
             diffusion: dict[str, Any]) -> str:
    if score is None or state == "insufficient_data":
        return (f"Not enough data for a verdict: {len(scored)} of {len(CHECKPOINTS)} checkpoints scored "
                f"({coverage:.0%} of the weight).")
    lead = {"expanding": "The build-out is expanding", "steady": "The build-out is holding steady",
            "slowing": "The build-out is slowing", "contracting": "The build-out is contracting"}[state]
    return (f"{lead}: composite {score:+.2f} from {len(scored)} of {len(CHECKPOINTS)} checkpoints "
            f"({coverage:.0%} of the weight); {diffusion['expanding']} expanding vs "
            f"{diffusion['slowing'] + diffusion['contracting']} slowing or contracting "
            f"(diffusion {diffusion['index']:.0f}).")
