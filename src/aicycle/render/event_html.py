"""The event study as one self-contained HTML page: CAR paths and an AR bar chart (Plotly, inline)."""

from __future__ import annotations

import json
from typing import Any

import jinja2


def _env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("aicycle", "render/templates"),
                              autoescape=jinja2.select_autoescape(["html", "j2"]), undefined=jinja2.StrictUndefined)


HIGHLIGHT = 5  # the stocks with the largest CARs are drawn in colour; the rest stay grey behind them
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif"


def figures(result: dict[str, Any]) -> dict[str, Any]:
    """Plotly figure specs (data + layout) for the CAR paths and the event-window ARs. The CAR chart
    draws the portfolio's average bold, the five largest moves in colour and the others in grey, so
    sixteen lines read as a picture rather than spaghetti."""
    secs = result["securities"]
    top = {s["ticker"] for s in sorted(secs, key=lambda s: -abs(s["car"]))[:HIGHLIGHT]}
    paths = []
    for s in sorted(secs, key=lambda s: s["ticker"] in top):
        main = s["ticker"] in top
        paths.append({"type": "scatter", "mode": "lines", "name": s["ticker"], "showlegend": main,
                      "x": [p["day"] for p in s["path"]], "y": [p["car"] for p in s["path"]],
                      "line": {"width": 2 if main else 1, **({} if main else {"color": "#cbd5e1"})},
                      "hovertemplate": f"{s['ticker']} day %{{x}}: %{{y:.1%}}<extra></extra>"})
    days = sorted({p["day"] for s in secs for p in s["path"]})
    if days:
        mean = [sum(p["car"] for s in secs for p in s["path"] if p["day"] == d) /
                max(1, sum(1 for s in secs for p in s["path"] if p["day"] == d)) for d in days]
        paths.append({"type": "scatter", "mode": "lines", "name": "average", "x": days, "y": mean,
                      "line": {"width": 4, "color": "#111827"},
                      "hovertemplate": "average day %{x}: %{y:.1%}<extra></extra>"})
    bars = []
    days = sorted({a["day"] for s in result["securities"] for a in s["abnormal_returns"]})
    for d in days:
        bars.append({"type": "bar", "name": f"day {d}", "x": [s["ticker"] for s in result["securities"]],
                     "y": [next((a["ar"] for a in s["abnormal_returns"] if a["day"] == d), None)
                           for s in result["securities"]]})
    base = {"font": {"family": FONT, "size": 12}, "margin": {"l": 50, "r": 10, "t": 40, "b": 40},
            "paper_bgcolor": "rgba(0,0,0,0)", "legend": {"orientation": "h", "y": -0.2}, "height": 380}
    return {
        "car": {"data": paths, "layout": {**base, "title": {"text": "Cumulative abnormal return (average bold)"},
                                          "xaxis": {"title": {"text": "trading day relative to day 0"}},
                                          "yaxis": {"tickformat": ".0%"}}},
        "ar": {"data": bars, "layout": {**base, "title": {"text": "Abnormal return per event-window day"},
                                        "barmode": "group", "yaxis": {"tickformat": ".0%"}}},
    }


def render_event(result: dict[str, Any]) -> str:
    from plotly.offline import get_plotlyjs

    figs = figures(result)
    from aicycle.eventstudy.summary import GLOSSARY, pct

    return _env().get_template("event.html.j2").render(
        r={"summary": "", "fundamentals_material": [], **result}, g=GLOSSARY, pct=pct,
        plotly_js=jinja2.utils.markupsafe.Markup(get_plotlyjs()),
        car_json=_script_json(figs["car"]), ar_json=_script_json(figs["ar"]))


def _script_json(value: Any) -> str:
    # Inside <script>, "<" must not open a tag: a headline holding "</script>" stays text.
    return json.dumps(value, default=str).replace("<", "\\u003c")
