"""Coverage rules a checkpoint's confidence: how many of its companies its score rests on, and how fresh.

A checkpoint with data for fewer than COVERAGE_MIN_SHARE of its companies carries a reduced confidence
(have / (share × of), stated); one whose score rests on a single company scores at most
ONE_COMPANY_MAX_SCORE from zero; one whose newest figure is older than COVERAGE_STALE_DAYS at the
as-of date has no score (insufficient_data). Checkpoints that do not state their coverage have it
inferred from their evidence: the companies behind the numbers, the newest public date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from aicycle import rules
from aicycle.checkpoints.base import Reading
from aicycle.checkpoints.common import state_for
from aicycle.universe import by_role

# The companies each checkpoint is about (capex and backlog say theirs; the rest are inferred against these).
UNIVERSE: dict[str, tuple[str, ...]] = {
    "capex": ("META", "MSFT", "GOOGL", "AMZN", "ORCL"),
    "backlog": ("CRWV", "ORCL", "MSFT", "GOOGL", "AMZN", "NBIS"),
    "memory": tuple(c.ticker for c in by_role("memory")),
    "power": tuple(c.ticker for c in by_role("neocloud")),
}


@dataclass(frozen=True)
class Coverage:
    have: tuple[str, ...]       # companies (or SKU groups) whose figures enter the score
    of: tuple[str, ...]         # the checkpoint's companies (or groups)
    newest: dt.date | None      # the newest figure's date (period end, or public date when inferred)
    unit: str = "companies"
    inferred: bool = False

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["have"], out["of"] = list(self.have), list(self.of)
        out["newest"] = self.newest.isoformat() if self.newest else None
        return out

    def text(self) -> str:
        return f"{len(self.have)} of {len(self.of)} {self.unit}" + (f" ({', '.join(self.have)})" if self.have else "")


GRID = "grid"  # the power checkpoint's grid and permitting signal counts as one source beside the neo-clouds


def inferred(reading: Reading) -> Coverage:
    """Companies behind a reading's numbers (evidence with a value), and its newest public date. The power
    checkpoint also rests on the grid signal when it is readable (a `grid_signal_net` metric with a value)."""
    of = UNIVERSE.get(reading.id, ())
    numbers = [e for e in reading.evidence if e.value is not None and e.ticker]
    have = tuple(t for t in of if any(e.ticker == t for e in numbers))
    newest = max((e.filed for e in numbers if e.filed), default=None)
    if reading.id == "power":
        grid = any(m.name == "grid_signal_net" and m.value is not None for m in reading.metrics)
        events = [e.filed for e in reading.evidence if not e.ticker and e.filed]
        newest = max([d for d in (newest, *events) if d is not None], default=None)
        return Coverage(have + ((GRID,) if grid else ()), (*of, GRID), newest, unit="sources", inferred=True)
    return Coverage(have, of, newest, inferred=True)


def confidence(cov: Coverage) -> float:
    if not cov.of:
        return 1.0
    return round(min(1.0, len(cov.have) / (rules.COVERAGE_MIN_SHARE * len(cov.of))), 3)


def label(value: float | None) -> str:
    if value is None:
        return "none"
    return next(name for floor, name in rules.CONFIDENCE_LABELS if value >= floor)


def apply(reading: Reading, as_of: dt.date, cov: Coverage | None = None) -> Reading:
    """Set the reading's coverage and confidence; clip or drop its score where coverage says so."""
    cov = cov or inferred(reading)
    reading.coverage = {**cov.to_dict(), "text": cov.text()}
    if reading.score is None:
        reading.confidence = 0.0
        return reading
    stale = cov.newest is None or (as_of - cov.newest).days > rules.COVERAGE_STALE_DAYS
    if stale:
        why = (f"Coverage: newest figure {cov.newest or 'none'} is older than {rules.COVERAGE_STALE_DAYS} days "
               f"(two quarters) at {as_of}: no score (was {reading.score:+.2f}).")
        reading.reasoning.append(why)
        reading.score, reading.state, reading.confidence = None, "insufficient_data", 0.0
        reading.headline = f"Insufficient data: newest figure {cov.newest or 'none'}. " + reading.headline
        return reading
    reading.confidence = confidence(cov)
    if cov.unit == "companies" and len(cov.have) <= 1 and abs(reading.score) > rules.ONE_COMPANY_MAX_SCORE:
        clipped = rules.ONE_COMPANY_MAX_SCORE if reading.score > 0 else -rules.ONE_COMPANY_MAX_SCORE
        reading.reasoning.append(f"Coverage: the score rests on one company ({', '.join(cov.have) or 'none'}): "
                                 f"{reading.score:+.2f} clipped to {clipped:+.2f}.")
        reading.score = clipped
        reading.state = state_for(clipped)
    if reading.confidence < 1.0:
        reading.reasoning.append(f"Coverage: {cov.text()}; confidence {reading.confidence:.2f} "
                                 f"({label(reading.confidence)}; full at {rules.COVERAGE_MIN_SHARE:.0%} of them).")
        reading.headline += f" [{label(reading.confidence)} confidence: {cov.text()}]"
    return reading
