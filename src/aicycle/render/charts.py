"""Plotly figure builders: one function per checkpoint, from the reading's `charts` data.

Figures are plain Plotly figure dicts ({"data": [...], "layout": {...}}): Plotly.js draws them as they
are, `plotly.graph_objects.Figure(fig)` accepts them, and building them needs no plotly import (the
report and the web pages stay fast). `figures(reading)` picks the builder for a checkpoint.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from aicycle.checkpoints.base import Reading

Figure = dict[str, Any]
PALETTE = ("#2563eb", "#16a34a", "#f59e0b", "#dc2626", "#7c3aed", "#0891b2", "#db2777", "#65a30d")
COMPANY_COLOURS = {"META": "#2563eb", "MSFT": "#0891b2", "GOOGL": "#16a34a", "AMZN": "#f59e0b",
                   "ORCL": "#dc2626", "CRWV": "#7c3aed", "NBIS": "#db2777", "MU": "#2563eb",
                   "000660.KS": "#dc2626", "005930.KS": "#0891b2"}


def _colour(name: str, i: int) -> str:
    return COMPANY_COLOURS.get(name, PALETTE[i % len(PALETTE)])


def _layout(title: str, y_title: str, **extra: Any) -> dict[str, Any]:
    layout: dict[str, Any] = {
        "title": {"text": title, "font": {"size": 14}, "x": 0.01, "xanchor": "left"},
        "height": 320, "margin": {"l": 60, "r": 20, "t": 40, "b": 40},
        "font": {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif", "size": 12,
                 "color": "#1f2937"},
        "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "rgba(0,0,0,0)",
        "legend": {"orientation": "h", "y": -0.18},
        "yaxis": {"title": {"text": y_title}, "gridcolor": "#e5e7eb", "zerolinecolor": "#d1d5db"},
        "xaxis": {"gridcolor": "#f3f4f6"},
    }
    layout.update(extra)
    return layout


def date_axis(layout: dict[str, Any], xs: list[Any], pad: int = 45) -> None:
    """An x axis of dates read as dates: month ticks ("Jun 2026"), never times of day, and a range
    padded around the points (one point alone would zoom Plotly to sub-millisecond ticks)."""
    days = sorted(str(x)[:10] for x in xs if x)
    if not days:
        return
    span = (dt.date.fromisoformat(days[-1]) - dt.date.fromisoformat(days[0])).days
    pad = max(pad, (300 - span) // 2)  # a year at least: a lone quarter sits in context, ticks don't repeat
    months = (span + 2 * pad) / 30.4
    dtick = "M1" if months <= 8 else "M3" if months <= 40 else "M12"
    layout["xaxis"].update(type="date", tickformat="%Y" if dtick == "M12" else "%b %Y", dtick=dtick,
                           hoverformat="%Y-%m-%d", range=_padded(days, pad))


def is_dates(xs: list[Any]) -> bool:
    return bool(xs) and all(isinstance(x, str) and len(x) >= 10 and x[4] == "-" and x[7] == "-" for x in xs)


LOG_TICKS = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000]


def _billions(v: float | None) -> float | None:
    return None if v is None else round(v / 1e9, 3)


def capex(charts: dict[str, Any]) -> list[Figure]:
    out: list[Figure] = []
    bars = charts.get("capex_by_quarter") or {}
    if bars:
        data = [{"type": "bar", "name": t, "x": [p["x"] for p in pts], "y": [_billions(p["y"]) for p in pts],
                 "marker": {"color": _colour(t, i)}, "hovertemplate": f"{t} %{{x}}: $%{{y:.1f}}B<extra></extra>"}
                for i, (t, pts) in enumerate(bars.items())]
        layout = _layout("Quarterly capex by company", "USD bn", barmode="group")
        layout["xaxis"].update(type="category", categoryorder="category ascending")
        out.append({"data": data, "layout": layout})
    guides = charts.get("guidance") or {}
    if guides:
        data = []
        for i, (t, pts) in enumerate(guides.items()):
            mids = [_billions(p["mid"]) for p in pts]
            plus = [_billions((p["high"] or p["mid"]) - p["mid"]) if p["mid"] is not None else 0 for p in pts]
            minus = [_billions(p["mid"] - (p["low"] or p["mid"])) if p["mid"] is not None else 0 for p in pts]
            data.append({"type": "scatter", "mode": "lines+markers", "name": t,
                         "x": [p["filed"] for p in pts], "y": mids, "line": {"shape": "hv", "color": _colour(t, i)},
                         "text": [f"FY{p['year']} {p['kind'].replace('_', ' ')}" for p in pts],
                         "error_y": {"type": "data", "symmetric": False, "array": plus, "arrayminus": minus,
                                     "thickness": 2, "width": 6},
                         "hovertemplate": f"{t} %{{text}}<br>filed %{{x}}: mid $%{{y:.1f}}B<extra></extra>"})
        layout = _layout("Capex guidance ranges by announcement date (bars = low-high)", "USD bn, full year")
        layout["xaxis"].update(type="date", range=_padded([p["filed"] for pts in guides.values() for p in pts]))
        out.append({"data": data, "layout": layout})
    return out


def _padded(days: list[str], pad: int = 45) -> list[str]:
    """A date range around the points with room on both sides (one point alone is not a zoom to ms)."""
    parsed = sorted(dt.date.fromisoformat(d) for d in days)
    return [(parsed[0] - dt.timedelta(days=pad)).isoformat(), (parsed[-1] + dt.timedelta(days=pad)).isoformat()]


def backlog(charts: dict[str, Any]) -> list[Figure]:
    lines = charts.get("lines") or {}
    if not lines:
        return []
    data: list[dict[str, Any]] = []
    for i, (t, pts) in enumerate(lines.items()):
        symbols = ["diamond-open" if p.get("after_break") else "circle" for p in pts]
        data.append({"type": "scatter", "mode": "lines+markers", "name": t, "x": [p["x"] for p in pts],
                     "y": [_billions(p["y"]) for p in pts], "line": {"color": _colour(t, i)},
                     "marker": {"symbol": symbols, "size": 8},
                     "hovertemplate": f"{t} %{{x}}: $%{{y:.1f}}B<extra></extra>"})
    shapes, notes = [], []
    for b in charts.get("breaks") or []:
        shapes.append({"type": "line", "xref": "x", "yref": "paper", "x0": b["x"], "x1": b["x"], "y0": 0, "y1": 1,
                       "line": {"dash": "dot", "color": "#9ca3af", "width": 1.5}})
        notes.append({"x": b["x"], "y": 1, "xref": "x", "yref": "paper", "showarrow": False, "yanchor": "bottom",
                      "text": f"{b['ticker']} series break", "font": {"size": 11, "color": "#6b7280"}})
    layout = _layout("RPO / backlog / ARR (dotted line = definition change)", "USD bn",
                     shapes=shapes, annotations=notes)
    layout["yaxis"].update(type="log", tickvals=LOG_TICKS, ticktext=[f"{v:g}" for v in LOG_TICKS])
    xs = [x for trace in data for x in trace["x"]]
    if is_dates(xs):
        date_axis(layout, xs)
    return [{"data": data, "layout": layout}]


MEMORY_FIGURES = (("operating_income", "Operating profit"), ("revenue", "Revenue"))
# Each currency in its own panel and its own scale: no exchange rate is applied, so none is mixed.
CURRENCY_SCALE = {"USD": (1e9, "USD bn"), "KRW": (1e12, "KRW tn")}


def memory(charts: dict[str, Any]) -> list[Figure]:
    """Operating profit and revenue of the memory makers, one panel per currency (USD above, KRW below)
    on a shared quarter axis. Samsung's chip division (DS) is dotted; a preliminary figure is an open marker."""
    out = []
    for metric, title in MEMORY_FIGURES:
        series = dict(charts.get(metric) or {})
        if metric == "operating_income":
            series.update({f"{t} DS": pts for t, pts in (charts.get("ds_operating_income") or {}).items()})
        series = {k: v for k, v in series.items() if v}
        if not series:
            continue
        units = sorted({pts[0].get("unit") or "USD" for pts in series.values()}, key=lambda u: u != "USD")
        axis = {u: ("y" if i == 0 else f"y{i + 1}") for i, u in enumerate(units)}
        data = []
        for i, (name, pts) in enumerate(series.items()):
            unit = pts[0].get("unit") or "USD"
            scale, label = CURRENCY_SCALE.get(unit, (1e9, f"{unit} bn"))
            data.append({"type": "scatter", "mode": "lines+markers", "name": f"{name} ({unit})",
                         "x": [p["x"] for p in pts], "y": [None if p["y"] is None else round(p["y"] / scale, 3)
                                                           for p in pts],
                         "yaxis": axis[unit], "line": {"color": _colour(name.split()[0], i),
                                                       "dash": "dot" if name.endswith(" DS") else "solid"},
                         "marker": {"symbol": ["circle-open" if p.get("preliminary") else "circle" for p in pts]},
                         "hovertemplate": f"{name} %{{x}}: %{{y:,.2f}} {label}<extra></extra>"})
        layout = _layout(f"{title} in own currencies (no exchange rate applied)", "", height=240 + 160 * len(units))
        layout["xaxis"].update(type="category", categoryorder="category ascending", anchor=axis[units[-1]])
        categories = {x for trace in data for x in trace["x"]}
        if len(categories) < 3:  # one quarter alone would fill the whole width
            layout["xaxis"]["range"] = [-1.5, len(categories) + 0.5]
        gap, share = 0.08, 1 / len(units)
        for i, unit in enumerate(units):
            key = "yaxis" if i == 0 else f"yaxis{i + 1}"
            top = 1 - i * share
            layout[key] = {**layout["yaxis"], "title": {"text": CURRENCY_SCALE.get(unit, (0, unit))[1]},
                           "domain": [max(0.0, top - share + gap / 2), top - (gap / 2 if i else 0)],
                           "zeroline": True}
        out.append({"data": data, "layout": layout})
    return out


def power(charts: dict[str, Any]) -> list[Figure]:
    data: list[dict[str, Any]] = []
    for i, (t, series) in enumerate((charts.get("lines") or {}).items()):
        for metric, pts in series.items():
            active = metric.startswith("active")
            data.append({"type": "scatter", "mode": "lines+markers", "x": [p["x"] for p in pts],
                         "y": [p["y"] for p in pts], "name": f"{t} {'active' if active else 'contracted'}",
                         "line": {"color": _colour(t, i), "dash": "solid" if active else "dash"},
                         "fill": "tozeroy" if active else "none"})
    for t in charts.get("targets") or []:
        data.append({"type": "scatter", "mode": "markers", "x": [t["x"]], "y": [t["y"]],
                     "name": f"{t['ticker']} contracted target", "marker": {"symbol": "star", "size": 12}})
    out = []
    if data:
        layout = _layout("Contracted vs active power", "MW")
        xs = [x for trace in data for x in trace["x"]]
        if is_dates(xs):
            date_axis(layout, xs)
        out.append({"data": data, "layout": layout})
    return out + _grid_events(charts.get("grid_events") or []) + _grid_levels(charts.get("grid_levels") or {})


def _grid_events(points: list[dict[str, Any]]) -> list[Figure]:
    """Tightening above the axis, easing below, weighted by kind, by quarter of public date."""
    if not points:
        return []
    x = [p["x"] for p in points]
    data = [{"type": "bar", "name": "tightening", "x": x, "y": [p["tightening"] for p in points],
             "marker": {"color": "#dc2626"}},
            {"type": "bar", "name": "easing", "x": x, "y": [-p["easing"] for p in points],
             "marker": {"color": "#16a34a"}}]
    layout = _layout("Grid and permitting events by quarter (weighted by kind)", "weighted events",
                     barmode="relative")
    layout["xaxis"].update(type="category")
    return [{"data": data, "layout": layout}]


def _grid_levels(series: dict[str, list[dict[str, Any]]]) -> list[Figure]:
    """The running series measured in GW (queues, pipelines) on one chart; prices and years are listed."""
    data = [{"type": "scatter", "mode": "lines+markers", "name": name, "x": [p["x"] for p in pts],
             "y": [p["y"] for p in pts], "line": {"color": PALETTE[i % len(PALETTE)]}}
            for i, (name, pts) in enumerate(series.items()) if pts and pts[0].get("unit") == "GW"]
    return [{"data": data, "layout": _layout("Large-load queues and data-center pipelines", "GW")}] if data else []


def generic(charts: dict[str, Any]) -> list[Figure]:
    """Any `name -> [{x, y}, ...]` (or `name -> {sub: [{x, y}]}`) chart data as lines, e.g. GPU prices."""
    data: list[dict[str, Any]] = []

    def add(name: str, pts: Any) -> None:
        if isinstance(pts, list) and pts and isinstance(pts[0], dict) and "x" in pts[0] and "y" in pts[0]:
            data.append({"type": "scatter", "mode": "lines", "name": name, "x": [p["x"] for p in pts],
                         "y": [p["y"] for p in pts]})
        elif isinstance(pts, dict):
            for sub, inner in pts.items():
                add(f"{name} {sub}".strip(), inner)

    for name, pts in charts.items():
        add(name, pts)
    if not data:
        return []
    layout = _layout("", "")
    xs = [x for trace in data for x in trace["x"]]
    if is_dates(xs):
        date_axis(layout, xs)
    return [{"data": data, "layout": layout}]


GPU_LINES_PER_FIGURE = 8


def gpu_rental(charts: dict[str, Any]) -> list[Figure]:
    """One figure per SKU group (H100, H200, B200, ...): computed on-demand lines solid, others dotted.

    Lines are `name -> [{x, y, sku, term, kind, family}, ...]`; without those fields, plain lines.
    """
    groups: dict[str, list[tuple[str, list[dict[str, Any]]]]] = {}
    for name, pts in charts.items():
        if not (isinstance(pts, list) and pts and isinstance(pts[0], dict) and "x" in pts[0]):
            continue
        sku = str(pts[0].get("sku") or name.split()[0])
        groups.setdefault(sku.split("-")[0], []).append((name, pts))
    if not groups:
        return []
    out = []
    for group, lines in sorted(groups.items()):
        lines.sort(key=lambda nl: (nl[1][0].get("kind") != "computed", nl[1][0].get("term") != "on_demand", nl[0]))
        data = []
        for i, (name, pts) in enumerate(lines[:GPU_LINES_PER_FIGURE]):
            main = pts[0].get("kind") == "computed" and pts[0].get("term") == "on_demand"
            data.append({"type": "scatter", "mode": "lines+markers" if len(pts) < 40 else "lines", "name": name,
                         "x": [p["x"] for p in pts], "y": [p["y"] for p in pts],
                         "line": {"color": PALETTE[i % len(PALETTE)], "width": 2.5 if main else 1.2,
                                  "dash": "solid" if main else "dot"},
                         "hovertemplate": f"{name}<br>%{{x}}: $%{{y:.2f}}/GPU-h<extra></extra>"})
        more = len(lines) - GPU_LINES_PER_FIGURE
        title = f"{group} rental price" + (f" ({more} more lines in --json)" if more > 0 else "")
        layout = _layout(title, "USD per GPU-hour")
        xs = [x for trace in data for x in trace["x"]]
        if is_dates(xs):
            date_axis(layout, xs, pad=7)
        out.append({"data": data, "layout": layout})
    return out


BUILDERS: dict[str, Callable[[dict[str, Any]], list[Figure]]] = {
    "capex": capex, "backlog": backlog, "memory": memory, "power": power, "gpu_rental": gpu_rental,
}


def figures(reading: Reading) -> list[Figure]:
    if not reading.charts:
        return []
    return BUILDERS.get(reading.id, generic)(reading.charts)
