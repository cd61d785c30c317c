"""Idle capacity: lease it out, or spend to use more of it internally? And what inference earns.

Lease vs idle compares, per year and as an NPV over the GPUs' life at discount_rate, four choices for
an operator whose internal demand fills `internal_share` of its GPUs (opex is sunk either way, so only
the *extra* value counts):

  idle      0
  lease     idle hours x lease_fill x [price_k x (1 - lease_discount) x (1 - preemption_haircut)
                                        - lease_cost_per_gpu_hour]
  optimize  extra internal hours x internal_value_per_gpu_hour, minus optimize_capex at t = 0
  both      optimize, then lease what is still idle

with idle hours = gpus x 8760 x (1 - busy), busy = max(internal_share, utilization) (hours the model
already sells are not idle), and price_k the market price path of the model.
"""

from __future__ import annotations

from typing import Any

from aicycle.economics import finance
from aicycle.economics.inputs import HOURS_PER_YEAR, Inputs


def _lease_margin(i: Inputs, year: int) -> float:
    price = i.price_per_gpu_hour * (1 + i.price_growth) ** (year - 1)
    return price * (1 - i.lease_discount) * (1 - i.preemption_haircut) - i.lease_cost_per_gpu_hour


def _option(i: Inputs, internal_gain: float, leased_share: float, spend: float) -> dict[str, Any]:
    hours = i.gpus * HOURS_PER_YEAR
    yearly = [hours * (internal_gain * i.internal_value_per_gpu_hour
                       + leased_share * i.lease_fill * _lease_margin(i, k))
              for k in range(1, i.life_years + 1)]
    flows = [-spend, *yearly]
    return {"first_year_value": yearly[0], "npv": finance.npv(i.discount_rate, flows)}


def busy_share(i: Inputs) -> float:
    """The share of capacity in use: internal demand, and never less than the hours the model sells
    (`utilization`): the idle share can't exceed what utilization leaves idle (docs/economics.md)."""
    return max(i.internal_share, i.utilization)


def lease_vs_idle(i: Inputs) -> dict[str, Any]:
    busy = busy_share(i)
    target = max(i.optimize_target_share, busy)
    gain = target - busy
    options = {
        "idle": {"first_year_value": 0.0, "npv": 0.0},
        "lease": _option(i, 0.0, 1 - busy, 0.0),
        "optimize": _option(i, gain, 0.0, i.optimize_capex),
        "both": _option(i, gain, 1 - target, i.optimize_capex),
    }
    best = max(options, key=lambda name: options[name]["npv"])
    margin = _lease_margin(i, 1)
    return {
        "internal_share": i.internal_share,
        "busy_share": busy,
        "idle_share": 1 - busy,
        "idle_gpu_hours_per_year": i.gpus * HOURS_PER_YEAR * (1 - busy),
        "lease_margin_per_gpu_hour": margin,
        "options": options,
        "best": best,
        # Internal use beats leasing an hour when it is worth more than the lease nets after fill.
        "internal_value_that_beats_leasing": margin * i.lease_fill,
    }


def inference(i: Inputs) -> dict[str, Any]:
    """Revenue per dollar of inference compute, priced at the market GPU-hour (its opportunity cost)."""
    revenue = i.tokens_per_gpu_hour / 1e6 * i.price_per_million_tokens
    cost = i.price_per_gpu_hour
    ratio = revenue / cost if cost > 0 else None
    return {
        "revenue_per_gpu_hour": revenue,
        "compute_cost_per_gpu_hour": cost,
        "revenue_per_compute_dollar": ratio,
        "gross_margin": (1 - cost / revenue) if revenue > 0 else None,
        "target_ratio": i.inference_target_ratio,
        "target_gross_margin": 1 - 1 / i.inference_target_ratio,
        # What the target ratio needs, holding the other two fixed.
        "tokens_per_gpu_hour_for_target": i.inference_target_ratio * cost / i.price_per_million_tokens * 1e6
        if i.price_per_million_tokens > 0 else None,
        "price_per_million_tokens_for_target": i.inference_target_ratio * cost / i.tokens_per_gpu_hour * 1e6
        if i.tokens_per_gpu_hour > 0 else None,
    }
