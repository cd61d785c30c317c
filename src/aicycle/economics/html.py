"""A self-contained HTML page for one scenario run: Plotly inlined once, all text escaped."""

from __future__ import annotations

from typing import Any

import jinja2

_ENV = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>aicycle economics: {{ s.title }}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0}
td,th{padding:.25em .8em;border-bottom:1px solid #ddd;text-align:right}
th:first-child,td:first-child{text-align:left}
.label{background:#fff3cd;padding:.1em .5em;border-radius:4px}
blockquote{border-left:4px solid #ccc;margin:1em 0;padding:.2em 1em;color:#444}
.ok{color:#176f2c}.no{color:#a11}
</style>
<script>{{ plotly_js | safe }}</script>
</head><body>
<h1>{{ s.title }}</h1>
<p><span class="label">{{ s.label }}</span> scenario <code>{{ s.name }}</code></p>
{% if s.source.get('quote') %}<blockquote>{{ s.source.quote }}<br>
<small>{{ s.source.get('section', '') }}</small></blockquote>{% endif %}
{% if s.assumptions %}<h3>Assumptions (not from the source)</h3>
<ul>{% for a in s.assumptions %}<li>{{ a }}</li>{% endfor %}</ul>{% endif %}
<h2>Outputs</h2>
<table>{% for k, v in headline %}<tr><td>{{ k }}</td><td>{{ v }}</td></tr>{% endfor %}</table>
{% if check %}<p>Claim check: {{ check.output }} claimed {{ check.low }}&ndash;{{ check.high }},
model {{ fmt(check.model) }}:
<b class="{{ 'ok' if check.within else 'no' }}">{{ 'within' if check.within else 'outside' }}</b></p>{% endif %}
<p><small>Payback: {{ r.payback_method }}. Break-evens: {{ r.breakeven_method }}.</small></p>
{% for fig in figures %}{{ fig | safe }}{% endfor %}
<h2>Cash flows (USD)</h2>
<table><tr>{% for c in cols %}<th>{{ c }}</th>{% endfor %}</tr>
{% for row in r.cash_flows %}<tr>{% for c in cols %}<td>{{ fmt(row[c]) }}</td>{% endfor %}</tr>{% endfor %}</table>
<h2>Inputs</h2>
<table>{% for k, v in r.inputs.items() %}<tr><td>{{ k }}</td><td>{{ v }}</td></tr>{% endfor %}</table>
</body></html>
"""


def fmt(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.4g}"
    return str(value)


def _pct(value: float | None) -> str:
    return "none" if value is None else f"{value:.1%}"


def headline(r: dict[str, Any]) -> list[tuple[str, str]]:
    inf, li = r["inference"], r["lease_vs_idle"]
    options = li["options"]
    return [
        ("Total capex (USD)", fmt(r["capex_total"])),
        ("Payback (years)", fmt(r["payback_years"])),
        ("Discounted payback (years)", fmt(r["discounted_payback_years"])),
        ("IRR", _pct(r["irr"]) + f" ({r['irr_note']})"),
        ("NPV (USD)", fmt(r["npv"])),
        ("Break-even utilization", _pct(r["breakeven_utilization"])),
        ("Break-even price (USD/GPU-hour)", fmt(r["breakeven_price_per_gpu_hour"])),
        ("Idle capacity: NPV of lease / optimize / both (USD)",
         " / ".join(fmt(o["npv"]) for k, o in options.items() if k != "idle") + f"; best: {li['best']}"),
        ("Inference revenue per compute dollar", fmt(inf["revenue_per_compute_dollar"])),
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
    return [f.to_html(full_html=False, include_plotlyjs=False) for f in figs]


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
    template = _ENV.from_string(PAGE)
    # get_plotlyjs() is trusted library code; "</script" cannot occur in it unescaped, checked in tests.
    return template.render(s=r["scenario"], r=r, headline=headline(r), check=r.get("claim_check"),
                           figures=_figures(r), cols=cols, fmt=fmt, plotly_js=get_plotlyjs())
