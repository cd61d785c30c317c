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

from aicycle import facts, rules
from aicycle.checkpoints import common as c
from aicycle.checkpoints import coverage
from aicycle.checkpoints.base import Reading
from aicycle.errors import AicycleError
from aicycle.store import Store, data_date

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
    confidence: float = 0.0   # weighted mean of the checkpoints' confidences over all the weights
    confidence_label: str = "none"

    def to_dict(self) -> dict[str, Any]:
        return {"state": self.state, "score": self.score, "summary": self.summary,
                "confidence": self.confidence, "confidence_label": self.confidence_label,
                "diffusion": self.diffusion, "coverage": self.coverage, "reasoning": self.reasoning}


@dataclass
class Report:
    as_of: dt.date
    verdict: Verdict
    checkpoints: list[Reading]
    data_through: dt.date | None = None
    latest_event: dict[str, Any] | None = None  # the last event studied by as_of (eventstudy.latest)
    data_date: dt.date | None = None  # the store's data date (the default as-of)

    @property
    def beyond_data(self) -> str | None:
        """The note every command gives when --as-of is later than the data."""
        if self.data_date and self.as_of > self.data_date:
            return f"{self.as_of} is beyond the data (through {self.data_date})"
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "data_through": self.data_through.isoformat() if self.data_through else None,
            "beyond_data": self.beyond_data,
            "precedence": [facts.TIER_LABELS[t] for t in facts.PRECEDENCE],
            "verdict": self.verdict.to_dict(),
            "weights": dict(rules.VERDICT_WEIGHTS),
            "checkpoints": [r.to_dict() for r in self.checkpoints],
            "latest_event": self.latest_event,
        }

    def reading(self, id_: str) -> Reading:
        return next(r for r in self.checkpoints if r.id == id_)


def latest_date(store: Store) -> dt.date | None:
    """The newest date anything in the store became public (the store's data date)."""
    return data_date(store)


def build_report(store: Store, as_of: dt.date | None = None) -> Report:
    """The report as it could be seen on `as_of` (default: the latest date in the store)."""
    through = latest_date(store)
    as_of = as_of or through or dt.date.today()
    found = readings(store, as_of)
    return Report(as_of=as_of, verdict=verdict(found), checkpoints=found,
                  data_through=min(through, as_of) if through else None, latest_event=_latest_event(store, as_of),
                  data_date=through)


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
        reading = module.read(store, as_of)
    except AicycleError as exc:  # one checkpoint's bad data must not sink the whole report
        reading = c.empty(cid, getattr(module, "TITLE", TITLES[cid]), f"Could not read {cid}: {exc}")
    if reading.coverage is None:  # the checkpoint did not state it: inferred from its evidence
        reading = coverage.apply(reading, as_of)
    return reading


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
    confidence = _confidence(readings, total, reasoning)
    if score is not None and coverage >= rules.VERDICT_MIN_COVERAGE and confidence < rules.VERDICT_MIN_CONFIDENCE:
        reasoning.append(f"Confidence {confidence:.2f} < {rules.VERDICT_MIN_CONFIDENCE}: the checkpoints rest on "
                         f"too few companies for a verdict (their composite would be {score:+.2f}).")
        return _verdict("insufficient_data", None, scored, coverage, diffusion, confidence, reasoning)
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
    return _verdict(state, score, scored, coverage, diffusion, confidence, reasoning)


def _confidence(readings: list[Reading], total: float, reasoning: list[str]) -> float:
    weights = rules.VERDICT_WEIGHTS
    # a reading built without coverage (a test's, a plug-in's) counts in full when it has a score
    conf = [r.confidence if r.confidence is not None else float(r.score is not None) for r in readings]
    weighted = sum(weights.get(r.id, 0.0) * x for r, x in zip(readings, conf, strict=True))
    value = round(weighted / total, 3) if total else 0.0
    reasoning.append(f"Confidence {value:.2f} ({c_label(value)}): each checkpoint's confidence (its coverage of "
                     f"its companies) weighted, over all the weight.")
    return value


def _verdict(state: str, score: float | None, scored: list[Reading], coverage: float, diffusion: dict[str, Any],
             confidence: float, reasoning: list[str]) -> Verdict:
    return Verdict(state=state, score=score, summary=_summary(state, score, scored, coverage, diffusion, confidence),
                   diffusion=diffusion, coverage=coverage, reasoning=reasoning, confidence=confidence,
                   confidence_label=c_label(confidence))


c_label = coverage.label


def _diffusion(readings: list[Reading]) -> dict[str, Any]:
    counts = {s: sum(r.state == s for r in readings) for s in
              ("expanding", "steady", "slowing", "contracting", "insufficient_data")}
    n = len(readings) - counts["insufficient_data"]
    credit = sum(rules.DIFFUSION_CREDIT.get(r.state, 0.0) for r in readings)
    return {**counts, "index": round(100 * credit / n, 1) if n else None, "with_data": n}


def _summary(state: str, score: float | None, scored: list[Reading], coverage: float,
             diffusion: dict[str, Any], confidence: float = 1.0) -> str:
    if score is None or state == "insufficient_data":
        return (f"Not enough data for a verdict: {len(scored)} of {len(CHECKPOINTS)} checkpoints scored "
                f"({coverage:.0%} of the weight), confidence {confidence:.2f} ({c_label(confidence)}).")
    lead = {"expanding": "The build-out is expanding", "steady": "The build-out is holding steady",
            "slowing": "The build-out is slowing", "contracting": "The build-out is contracting"}[state]
    return (f"{lead}: composite {score:+.2f} from {len(scored)} of {len(CHECKPOINTS)} checkpoints "
            f"({coverage:.0%} of the weight); {diffusion['expanding']} expanding vs "
            f"{diffusion['slowing'] + diffusion['contracting']} slowing or contracting "
            f"(diffusion {diffusion['index']:.0f}); confidence {confidence:.2f} ({c_label(confidence)}).")
