"""One-at-a-time sensitivity (the tornado): each input at its low and high, the others at base."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aicycle.economics import finance
from aicycle.economics.evaluate import net_flows
from aicycle.economics.inputs import SPEC_BY_NAME, Inputs, with_value
from aicycle.economics.montecarlo import Range

# Used when a scenario gives no ranges: relative swings around the base value, clipped to the bounds.
DEFAULT_SWINGS: dict[str, tuple[float, float]] = {
    "price_per_gpu_hour": (0.75, 1.25),
    "utilization": (0.75, 1.25),
    "capex_per_gpu": (0.8, 1.2),
    "opex_per_gpu_hour": (0.75, 1.25),
    "life_years": (0.8, 1.2),
    "discount_rate": (0.7, 1.3),
}


def default_ranges(base: Inputs) -> dict[str, Range]:
    out: dict[str, Range] = {}
    for name, (down, up) in DEFAULT_SWINGS.items():
        spec, value = SPEC_BY_NAME[name], getattr(base, name)
        low, high = value * down, value * up
        if spec.integer:
            low, high = max(round(low), 1), max(round(high), 1)
        if spec.high is not None:
            high = min(high, spec.high)
        if low != high:
            out[name] = Range(float(low), float(high))
    return out


def _outputs(inputs: Inputs) -> dict[str, float | None]:
    cf = net_flows(inputs)
    return {"npv": finance.npv(inputs.discount_rate, cf), "irr": finance.irr(cf),
            "payback_years": finance.payback(cf)}


def tornado(base: Inputs, ranges: Mapping[str, Range]) -> dict[str, Any]:
    """NPV, IRR and payback at each input's low and high, widest NPV swing first."""
    centre = _outputs(base)
    bars: list[dict[str, Any]] = []
    for name, r in ranges.items():
        cast = int if SPEC_BY_NAME[name].integer else float
        low = _outputs(with_value(base, name, cast(r.low)))
        high = _outputs(with_value(base, name, cast(r.high)))
        bars.append({"input": name, "low": r.low, "high": r.high, "at_low": low, "at_high": high,
                     "npv_swing": abs((high["npv"] or 0) - (low["npv"] or 0))})
    bars.sort(key=lambda b: b["npv_swing"], reverse=True)
    return {"base": centre, "bars": bars}
