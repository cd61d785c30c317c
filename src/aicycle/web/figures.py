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
    """A figure from named point lists [{x, y}, ...], drawn by the report's own builder
    (render.charts.generic) so dashboard and report charts look alike."""
    from aicycle.render.charts import generic

    clean = {str(name): [{"x": _default(p["x"]), "y": p["y"]} for p in points
                         if p.get("x") is not None and p.get("y") is not None]
             for name, points in series.items()}
    figures = generic({name: pts for name, pts in clean.items() if pts})
    if not figures:
        return {"data": [], "layout": {}}
    fig = figures[0]
    fig["layout"]["title"]["text"] = title
    fig["layout"]["yaxis"]["title"]["text"] = unit or ""
    for trace in fig["data"]:
        trace["type"] = kind
        if kind == "scatter":
            trace["mode"] = "lines+markers"
        else:
            trace.pop("mode", None)
            if fig["layout"]["xaxis"].get("type") == "date":
                trace["width"] = 50 * 86_400_000  # a quarter's bar: 50 days wide on a date axis (ms)
    return fig


def scores_figure(checkpoints: list[dict[str, Any]], colours: dict[str, str]) -> dict[str, Any]:
    """The five checkpoint scores side by side, coloured by state (no score is drawn as 0)."""
    points = [{"x": c.get("title") or c.get("id"), "y": c.get("score") or 0.0} for c in checkpoints]
    fig = line_figure("Checkpoint scores (−1 contracting … +1 expanding)", {"score": points}, "score",
                      kind="bar")
    if fig["data"]:
        fig["data"][0].update(
            marker={"color": [colours.get(str(c.get("state")), "#6b7280") for c in checkpoints]},
            text=[str(c.get("state", "")).replace("_", " ") for c in checkpoints],
            hovertemplate="%{x}: %{y:.2f} (%{text})<extra></extra>", showlegend=False)
        fig["layout"]["yaxis"]["range"] = [-1.05, 1.05]
        fig["layout"]["height"] = 300
    return fig
