"""The event study as one self-contained HTML page: CAR paths and an AR bar chart (Plotly, inline)."""

from __future__ import annotations

import json
from typing import Any

import jinja2


def _env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("aicycle", "render/templates"),
                              autoescape=jinja2.select_autoescape(["html", "j2"]), undefined=jinja2.StrictUndefined)


def figures(result: dict[str, Any]) -> dict[str, Any]:
    """Plotly figure specs (data + layout) for the CAR paths and the event-window ARs."""
    paths = [{"type": "scatter", "mode": "lines", "name": s["ticker"],
              "x": [p["day"] for p in s["path"]], "y": [p["car"] for p in s["path"]]}
             for s in result["securities"]]
    bars = []
    days = sorted({a["day"] for s in result["securities"] for a in s["abnormal_returns"]})
    for d in days:
        bars.append({"type": "bar", "name": f"day {d}", "x": [s["ticker"] for s in result["securities"]],
                     "y": [next((a["ar"] for a in s["abnormal_returns"] if a["day"] == d), None)
                           for s in result["securities"]]})
    return {
        "car": {"data": paths, "layout": {"title": {"text": "Cumulative abnormal return from the window's first day"},
                                          "xaxis": {"title": {"text": "trading day relative to day 0"}},
                                          "yaxis": {"tickformat": ".0%"}}},
        "ar": {"data": bars, "layout": {"title": {"text": "Abnormal return per event-window day"},
                                        "barmode": "group", "yaxis": {"tickformat": ".0%"}}},
    }


def render_event(result: dict[str, Any]) -> str:
    from plotly.offline import get_plotlyjs

    figs = figures(result)
    return _env().get_template("event.html.j2").render(
        r=result, plotly_js=jinja2.utils.markupsafe.Markup(get_plotlyjs()),
        car_json=_script_json(figs["car"]), ar_json=_script_json(figs["ar"]))


def _script_json(value: Any) -> str:
    # Inside <script>, "<" must not open a tag: a headline holding "</script>" stays text.
    return json.dumps(value, default=str).replace("<", "\\u003c")
