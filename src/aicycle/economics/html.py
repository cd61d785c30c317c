"""A self-contained HTML page for one scenario run: Plotly inlined once, all text escaped."""

from __future__ import annotations

from typing import Any

import jinja2

_ENV = jinja2.Environment(loader=jinja2.PackageLoader("aicycle.render", "templates"), autoescape=True,
                          undefined=jinja2.StrictUndefined)



def fmt(value: Any) -> str:
    """A table cell: whole numbers with separators, small ones to 3 significant digits."""
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}"
    return str(value)


def money(value: float | None) -> str:
    """$50.0M, -$1.2M, $2.38 (a per-hour price keeps its cents)."""
    if value is None:
        return "n/a"
    if value == 0:
        return "$0"
    sign, v = ("-" if value < 0 else ""), abs(value)
    for scale, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if v >= scale:
            return f"{sign}${v / scale:,.1f}{suffix}"
    return f"{sign}${v:,.2f}"


def years(value: float | None) -> str:
    return "never within the GPUs' life" if value is None else f"{value:.1f} years"


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def claim_value(check: dict[str, Any]) -> str:
    """The model's figure for a checked claim, rounded like the claim (never 3.3496259137779494)."""
    value = check.get("model")
    if value is None:
        return "n/a (the model gives no value for it)"
    return f"{value:.2f}" if abs(value) < 100 else f"{value:,.0f}"


def payback_vs_npv(r: dict[str, Any]) -> str | None:
    """One line on why a positive median payback sits beside mostly negative NPVs."""
    mc = r.get("monte_carlo")
    if not mc:
        return None
    p50, loss = mc["payback_years"]["percentiles"].get("p50"), mc["probability_npv_negative"]
    if p50 is None or loss <= 0.5:
        return None
    rate = r["inputs"]["discount_rate"]
    return (f"Why a median payback of {p50:.1f} years and P(NPV < 0) = {loss:.0%} both hold: payback "
            f"counts cash undiscounted until the outlay is back; NPV discounts every year at {rate:.0%} and "
            f"counts only the GPUs' {r['inputs']['life_years']}-year life, so getting the money back is not "
            f"earning the {rate:.0%} the capital costs.")


def headline(r: dict[str, Any]) -> list[tuple[str, str]]:
    inf, li = r["inference"], r["lease_vs_idle"]
    options = li["options"]
    ratio = inf["revenue_per_compute_dollar"]
    return [
        ("Total capex", money(r["capex_total"])),
        ("Payback", years(r["payback_years"])),
        ("Discounted payback", years(r["discounted_payback_years"])),
        ("IRR", _pct(r["irr"]) + f" ({r['irr_note']})"),
        (f"NPV at {r['inputs']['discount_rate']:.0%}", money(r["npv"])),
        ("Break-even utilization", _pct(r["breakeven_utilization"])),
        ("Break-even price per GPU-hour", money(r["breakeven_price_per_gpu_hour"])),
        (f"Idle {li['idle_share']:.0%} of capacity: NPV of lease / optimize / both",
         " / ".join(money(o["npv"]) for k, o in options.items() if k != "idle") + f"; best: {li['best']}"),
        ("Inference revenue per compute dollar", "n/a" if ratio is None else f"{ratio:.2f}"),
        ("Inference gross margin", _pct(inf["gross_margin"])),
        (f"Tokens per GPU-hour for {inf['target_ratio']:g}x", fmt(inf["tokens_per_gpu_hour_for_target"])),
    ]


def _figures(r: dict[str, Any]) -> list[str]:
    import plotly.graph_objects as go

    figs = [_cash_flow_figure(go, r), _tornado_figure(go, r), _lease_figure(go, r)]
    mc = r.get("monte_carlo")
    if mc:
        figs.append(_histogram_figure(go, mc["irr"]["histogram"], "IRR", f"IRR over {mc['draws']:,} draws"))
        figs.append(_histogram_figure(go, mc["payback_years"]["histogram"], "payback (years)",
                                      f"Payback over {mc['draws']:,} draws (draws that never pay back left out)"))
    return [f.to_html(full_html=False, include_plotlyjs=False, default_width="100%",
                      config={"responsive": True, "displaylogo": False}) for f in figs]


def _cash_flow_figure(go: Any, r: dict[str, Any]) -> Any:
    years = [row["year"] for row in r["cash_flows"]]
    fig = go.Figure()
    fig.add_bar(x=years, y=[row["net"] for row in r["cash_flows"]], name="net cash flow")
    fig.add_scatter(x=years, y=[row["cumulative"] for row in r["cash_flows"]], name="cumulative")
    fig.update_layout(title="Yearly cash flows (USD)", xaxis_title="year", height=380)
    return fig


def _tornado_figure(go: Any, r: dict[str, Any]) -> Any:
    bars = list(reversed(r["sensitivity"]["bars"]))
    base = r["sensitivity"]["base"]["npv"]
    names = [b["input"] for b in bars]
    fig = go.Figure()
    fig.add_bar(y=names, x=[b["at_low"]["npv"] - base for b in bars], base=base, orientation="h", name="input low",
                customdata=[b["low"] for b in bars], hovertemplate="%{y} = %{customdata}: NPV %{x:,.0f}")
    fig.add_bar(y=names, x=[b["at_high"]["npv"] - base for b in bars], base=base, orientation="h",
                name="input high", customdata=[b["high"] for b in bars],
                hovertemplate="%{y} = %{customdata}: NPV %{x:,.0f}")
    fig.add_vline(x=base, line_dash="dot")
    fig.update_layout(title="Sensitivity of NPV: each input at its low and high, the others at base (tornado)",
                      barmode="overlay", xaxis_title="NPV (USD)", height=220 + 50 * len(bars),
                      margin={"l": 180}, legend={"orientation": "h", "y": -0.35})
    return fig


def _lease_figure(go: Any, r: dict[str, Any]) -> Any:
    options = r["lease_vs_idle"]["options"]
    fig = go.Figure(go.Bar(x=list(options), y=[o["npv"] for o in options.values()]))
    fig.update_layout(title="Idle capacity: NPV of each choice (USD)", height=340)
    return fig


def _histogram_figure(go: Any, hist: dict[str, Any], axis: str, title: str) -> Any:
    edges, counts = hist["edges"], hist["counts"]
    centres = [(a + b) / 2 for a, b in zip(edges, edges[1:], strict=False)]
    widths = [b - a for a, b in zip(edges, edges[1:], strict=False)]
    fig = go.Figure(go.Bar(x=centres, y=counts, width=widths))
    fig.update_layout(title=title, xaxis_title=axis, yaxis_title="draws", height=340, bargap=0)
    return fig


def render(r: dict[str, Any]) -> str:
    from plotly.offline import get_plotlyjs

    cols = ["year", "capex", "revenue", "opex", "tax", "residual", "net", "cumulative"]
    template = _ENV.get_template("economics.html.j2")
    # get_plotlyjs() is trusted library code; "</script" cannot occur in it unescaped, checked in tests.
    return template.render(s=r["scenario"], r=r, headline=headline(r), check=r.get("claim_check"),
                           figures=_figures(r), cols=cols, fmt=fmt, claim_value=claim_value,
                           overrides=r.get("overrides") or {},
                           why=payback_vs_npv(r), plotly_js=get_plotlyjs())
