"""The cash-flow model of a GPU data center, year by year.

Timing (end-of-year flows, t = 0 is the decision): capex is paid in equal parts at t = 0 .. b-1 for
a build of b years (all at t = 0 when b = 0); operating year k = 1 .. L lands at t = b + k, and the
residual value comes back with the last operating year.

One operating year k:
  on-demand price   p_k = price_per_gpu_hour x (1 + price_growth)^(k-1)
  revenue           = gpus x 8760 x [reserved_share x p_1 x (1 - reserved_discount)
                                     + (1 - reserved_share) x utilization x p_k]
  opex              = gpus x 8760 x (opex_per_gpu_hour + kw_per_gpu x pue x power_price_per_kwh)
                      x (1 + opex_growth)^(k-1)          (per *installed* GPU-hour: idle GPUs cost too)
  tax               = tax_rate x (revenue - opex - (capex - residual) / L)
  cash flow         = revenue - opex - tax

The same code runs on floats (one case) and numpy arrays (the Monte Carlo's draws): every input may
be a scalar or an array of draws, and the model returns one array per year.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from aicycle.economics.inputs import HOURS_PER_YEAR

Value = Any  # float or np.ndarray of draws; kept loose so one function serves both


def capex_total(p: Mapping[str, Value]) -> Value:
    it_mw = p["gpus"] * p["kw_per_gpu"] / 1000.0
    return p["gpus"] * (p["capex_per_gpu"] + p["network_capex_per_gpu"]) + it_mw * p["facility_capex_per_mw"]


def opex_per_installed_hour(p: Mapping[str, Value]) -> Value:
    return p["opex_per_gpu_hour"] + p["kw_per_gpu"] * p["pue"] * p["power_price_per_kwh"]


@dataclass
class Flows:
    """Yearly components (one entry per t = 0 .. horizon) and the net cash flow."""

    capex: list[Value]
    revenue: list[Value]
    opex: list[Value]
    tax: list[Value]
    residual: list[Value]
    net: list[Value]


def horizon(p: Mapping[str, Value]) -> int:
    return int(np.max(p["build_years"]) + np.max(p["life_years"])) + 1


def _when(condition: Value, value: Value) -> Value:
    """`value` where the condition holds, else 0; plain branching when the condition is one bool."""
    if np.ndim(condition) == 0:
        return value if condition else 0.0
    return np.where(condition, value, 0.0)


def _grown(base: Value, rate: Value, years: Value) -> Value:
    """base x (1 + rate)^years, skipping the power when the rate is a plain zero (the neutral default)."""
    if np.ndim(rate) == 0 and rate == 0:
        return base
    return base * (1.0 + rate) ** years


@dataclass(frozen=True)
class _Terms:
    """What every year's cash flow is built from (scalars, or arrays of draws)."""

    capex: Value
    build: Value
    life: Value
    tranche: Value
    reserved: Value
    on_demand: Value
    opex_1: Value
    residual: Value


def _terms(p: Mapping[str, Value]) -> _Terms:
    hours = p["gpus"] * HOURS_PER_YEAR
    capex = capex_total(p)
    build = p["build_years"]
    return _Terms(
        capex=capex, build=build, life=p["life_years"], tranche=capex / np.maximum(build, 1),
        reserved=hours * p["reserved_share"] * p["price_per_gpu_hour"] * (1.0 - p["reserved_discount"]),
        on_demand=hours * (1.0 - p["reserved_share"]) * p["utilization"] * p["price_per_gpu_hour"],
        opex_1=hours * opex_per_installed_hour(p), residual=p["residual_value"] * capex,
    )


def flows(p: Mapping[str, Value]) -> Flows:
    """Yearly cash flows; works element-wise when inputs are arrays of draws."""
    terms = _terms(p)
    capex, build, life, tranche = terms.capex, terms.build, terms.life, terms.tranche
    reserved, on_demand, opex_1, residual = terms.reserved, terms.on_demand, terms.opex_1, terms.residual
    taxed = not (np.ndim(p["tax_rate"]) == 0 and p["tax_rate"] == 0)
    depreciation = (capex - residual) / life
    out = Flows([], [], [], [], [], [])
    for t in range(horizon(p)):
        k = t - build
        running = (k >= 1) & (k <= life)
        growth_k = np.maximum(k - 1, 0)
        revenue = _when(running, reserved + _grown(on_demand, p["price_growth"], growth_k))
        opex = _when(running, _grown(opex_1, p["opex_growth"], growth_k))
        tax = _when(running, p["tax_rate"] * (revenue - opex - depreciation)) if taxed else 0.0
        spend = _when(t < np.maximum(build, 1), tranche)
        back = _when(k == life, residual)
        out.capex.append(spend)
        out.revenue.append(revenue)
        out.opex.append(opex)
        out.tax.append(tax)
        out.residual.append(back)
        out.net.append(revenue - opex - tax + back - spend)
    return out


def _is_zero(value: Value) -> bool:
    return np.ndim(value) == 0 and value == 0


def net_flows(p: Mapping[str, Value]) -> list[Value]:
    """Only the net cash flow per year: the Monte Carlo's fast path.

    Same arithmetic as `flows` (tests hold the two equal draw by draw), folded so that each year
    masks once and terms that are a plain zero (no tax, no residual) cost nothing.
    """
    terms = _terms(p)
    capex, build, life, tranche = terms.capex, terms.build, terms.life, terms.tranche
    reserved, on_demand, opex_1, residual = terms.reserved, terms.on_demand, terms.opex_1, terms.residual
    tax_rate = p["tax_rate"]
    shield = 0.0 if _is_zero(tax_rate) else tax_rate * (capex - residual) / life
    net: list[Value] = []
    for t in range(horizon(p)):
        k = t - build
        growth_k = np.maximum(k - 1, 0)
        operating = reserved + _grown(on_demand, p["price_growth"], growth_k) \
            - _grown(opex_1, p["opex_growth"], growth_k)
        if not _is_zero(tax_rate):
            operating = operating * (1.0 - tax_rate) + shield
        cash = _when((k >= 1) & (k <= life), operating) - _when(t < np.maximum(build, 1), tranche)
        if not _is_zero(residual):
            cash = cash + _when(k == life, residual)
        net.append(cash)
    return net
