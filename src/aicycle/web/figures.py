"""Charts as data: plotly figure JSON embedded in a non-executing <script type="application/json">.

The page scripts are static files (static/charts.js draws every embedded figure), so the
Content-Security-Policy can allow scripts from 'self' only: no inline script, no hash, no nonce.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

# Characters that could end the data block or open markup; JSON allows them as \u escapes.
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_for_script(data: Any) -> Markup:
    """JSON safe to place inside <script type="application/json">, whatever strings it holds."""
    text = json.dumps(data, default=_default, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in _ESCAPES.items():
        text = text.replace(raw, escaped)
    return Markup(text)  # noqa: S704 - every markup-significant character is escaped above


def _default(value: Any) -> Any:
    if hasattr(value, "to_plotly_json"):
        return value.to_plotly_json()
    if hasattr(value, "tolist"):
        return value.tolist()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def figure_dict(figure: Any) -> dict[str, Any]:
    """A plotly Figure (from render/charts.py) or an already-built dict, as plain JSON data."""
    if hasattr(figure, "to_plotly_json"):
        # Round-trip through plotly's encoder: numpy arrays and dates become plain JSON.
        from plotly.io import to_json

        return json.loads(to_json(figure, validate=False))
    return dict(figure)


def line_figure(title: str, series: dict[str, list[dict[str, Any]]], unit: str | None = None,
                kind: str = "scatter") -> dict[str, Any]:
    """A small figure from named point lists [{x, y}, ...] (the shape Reading.charts uses)."""
    traces = []
    for name, points in series.items():
        pts = [p for p in points if isinstance(p, dict) and p.get("y") is not None]
        if not pts:
            continue
        trace: dict[str, Any] = {"type": kind, "name": str(name),
                                 "x": [_default(p.get("x")) if p.get("x") is not None else None for p in pts],
                                 "y": [p["y"] for p in pts]}
        if kind == "scatter":
            trace["mode"] = "lines+markers"
        traces.append(trace)
    return {
        "data": traces,
        "layout": {"title": {"text": title}, "height": 320, "margin": {"l": 60, "r": 20, "t": 40, "b": 40},
                   "yaxis": {"title": {"text": unit or ""}}, "legend": {"orientation": "h"}},
    }


def scores_figure(checkpoints: list[dict[str, Any]], colours: dict[str, str]) -> dict[str, Any]:
    """The five checkpoint scores side by side, coloured by state."""
    scored = list(checkpoints)
    return {
        "data": [{
            "type": "bar",
            "x": [c.get("title") or c.get("id") for c in scored],
            "y": [c.get("score") if c.get("score") is not None else 0 for c in scored],
            "marker": {"color": [colours.get(str(c.get("state")), "#6b7280") for c in scored]},
            "text": [str(c.get("state", "")).replace("_", " ") for c in scored],
            "hovertemplate": "%{x}: %{y:.2f} (%{text})<extra></extra>",
        }],
        "layout": {"title": {"text": "Checkpoint scores (−1 contracting … +1 expanding)"}, "height": 300,
                   "margin": {"l": 50, "r": 20, "t": 40, "b": 60}, "yaxis": {"range": [-1.05, 1.05]}},
    }
