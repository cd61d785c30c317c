"""One case of the model: yearly cash flows, payback, IRR, NPV and the break-evens."""

from __future__ import annotations

import dataclasses
from typing import Any

from aicycle.economics import finance, model
from aicycle.economics.inputs import Inputs, with_value

PAYBACK_METHOD = ("undiscounted, years from t=0 (the first capex payment) until cumulative cash "
                  "turns non-negative, linear within the year it crosses")
BREAKEVEN_METHOD = ("the value that makes NPV at discount_rate zero, all other inputs unchanged "
                    "(NPV is linear in it)")


def net_flows(inputs: Inputs) -> list[float]:
    return [float(c) for c in model.net_flows(dataclasses.asdict(inputs))]


def npv_of(inputs: Inputs) -> float:
    return finance.npv(inputs.discount_rate, net_flows(inputs))


def _breakeven(inputs: Inputs, name: str) -> float | None:
    """Root of the linear NPV(value): two evaluations give it exactly."""
    at0 = npv_of(with_value(inputs, name, 0.0))
    at1 = npv_of(with_value(inputs, name, 1.0))
    slope = at1 - at0
    if slope <= 0:
        return None     # the input does not raise NPV (e.g. utilization when all capacity is reserved)
    return -at0 / slope


def cash_flow_table(inputs: Inputs) -> list[dict[str, float]]:
    f = model.flows(dataclasses.asdict(inputs))
    rows: list[dict[str, float]] = []
    cumulative = 0.0
    for t in range(len(f.net)):
        net = float(f.net[t])
        cumulative += net
        rows.append({"year": t, "capex": float(f.capex[t]), "revenue": float(f.revenue[t]),
                     "opex": float(f.opex[t]), "tax": float(f.tax[t]), "residual": float(f.residual[t]),
                     "net": net, "cumulative": cumulative})
    return rows


def evaluate(inputs: Inputs) -> dict[str, Any]:
    """The model's outputs for one set of inputs (JSON-ready)."""
    table = cash_flow_table(inputs)
    cf = [row["net"] for row in table]
    roots = finance.irr_roots(cf)
    irr = min(roots, key=abs) if roots else None
    first_year = next((row for row in table if row["revenue"] or row["opex"]), None)
    return {
        "capex_total": float(model.capex_total(dataclasses.asdict(inputs))),
        "opex_per_installed_gpu_hour": float(model.opex_per_installed_hour(dataclasses.asdict(inputs))),
        "first_year_operating_cash_flow": (first_year["revenue"] - first_year["opex"] - first_year["tax"])
        if first_year else 0.0,
        "cash_flows": table,
        "payback_years": finance.payback(cf),
        "payback_method": PAYBACK_METHOD,
        "discounted_payback_years": finance.payback(finance.discounted(cf, inputs.discount_rate)),
        "irr": irr,
        "irr_note": _irr_note(cf, roots),
        "npv": finance.npv(inputs.discount_rate, cf),
        "breakeven_utilization": _breakeven(inputs, "utilization"),
        "breakeven_price_per_gpu_hour": _breakeven(inputs, "price_per_gpu_hour"),
        "breakeven_method": BREAKEVEN_METHOD,
    }


def _irr_note(cf: list[float], roots: list[float]) -> str:
    if not roots:
        return "no IRR: the cash flows never change sign" if finance.sign_changes(cf) == 0 \
            else "no IRR: NPV does not cross zero at any rate above -100%"
    if len(roots) > 1:
        return f"several IRRs ({', '.join(f'{r:.4f}' for r in roots)}); the one closest to zero is reported"
    return "unique IRR"
