"""Terminal rendering of the GPU price index: one row per line, with its trend and a sparkline."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from aicycle import rules
from aicycle.gpu import index as gi

BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[float], width: int = 24) -> str:
    """A tiny chart of the last `width` values (flat when they are all equal)."""
    values = values[-width:]
    if not values:
        return ""
    low, high = min(values), max(values)
    span = high - low
    return "".join(BARS[0 if span == 0 else min(7, int((v - low) / span * 8))] for v in values)


def _pct(x: float | None) -> str:
    """+11.5%; a change that rounds to zero reads 0.0% (never "-0.0%")."""
    if x is None:
        return "—"
    return "0.0%" if round(x * 1000) == 0 else f"{x:+.1%}"


FAMILY = {"marketplace": "marketplace", "cloud_list": "cloud list", "index": "index"}
TERM = {"on_demand": "on-demand", "spot": "spot", "reserved": "reserved"}
SPARK_MIN_WIDTH = 110  # the history column only where it fits beside the numbers


def line_summary(line: gi.Line, as_of: dt.date) -> dict[str, Any]:
    """A line with its latest point and the trend of its freshest like-for-like part that has a
    change (else of its freshest part); `stale` when the latest point is older than the freshness limit."""
    trends = gi.line_trends(line, as_of)
    latest = line.points[-1]
    t = next((x for x in trends if x.change is not None), trends[0] if trends else None)
    return {**line.to_dict(), "latest": latest.to_dict(), "trend": t.to_dict() if t else None,
            "trend_sources": list(t.sources) if t else [],
            "stale": (as_of - latest.day).days > rules.GPU_RENTAL_FRESH_DAYS}


def _line_label(s: dict[str, Any]) -> str:
    """cloud list on-demand · computed from 7 quotes; index spot · ewyluda:spot."""
    who = "computed" if s["kind"] == "computed" else s["provider"]
    return f"{FAMILY.get(s['family'], s['family'])} {TERM.get(s['term'], s['term'])} · {who}"


def table(summaries: list[dict[str, Any]], as_of: dt.date, width: int = 80) -> Table:
    """One row per line under a heading row per SKU: the line, its latest day and median, 30/90-day
    change and yearly slope; the sparkline of its history on wide terminals. Fits 80 columns (a long
    line label wraps, never cut); --format csv carries every column."""
    t = Table(title=f"GPU rental prices, $ per GPU-hour, as of {as_of} ({gi.METHOD_VERSION.split(' ')[0]})",
              title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, caption_justify="left",
              caption="* stale: the latest price is older than the freshness limit. 30d, 90d: like-for-like "
                      "change; /yr: annualized log-price slope. Every column: --format csv.")
    t.add_column("GPU and line", overflow="fold")
    t.add_column("latest", no_wrap=True)
    for col in ("$/h", "30d", "90d", "/yr"):
        t.add_column(col, justify="right", no_wrap=True)
    spark = width >= SPARK_MIN_WIDTH
    if spark:
        t.add_column("history", no_wrap=True)
    sku = None
    for s in summaries:
        if s["sku"] != sku:
            sku = s["sku"]
            t.add_row(f"[bold]{sku}[/]", *([""] * (len(t.columns) - 1)))
        p, tr = s["latest"], s["trend"] or {}
        cells = [_line_label(s), p["day"] + ("*" if s["stale"] else ""), f"{p['value']:.2f}",
                 _pct(tr.get("short_change")), _pct(tr.get("change")), _pct(tr.get("slope_annual"))]
        if spark:
            cells.append(sparkline([q["value"] for q in s["points"]]))
        t.add_row(*cells)
    return t


def flat_rows(summaries: list[dict[str, Any]], as_of: dt.date) -> list[dict[str, Any]]:
    """Every column of every line, one row each (csv / parquet)."""
    out = []
    for s in summaries:
        p, tr = s["latest"], s["trend"] or {}
        out.append({"as_of": as_of, "sku": s["sku"], "family": s["family"], "term": s["term"], "kind": s["kind"],
                    "provider": s.get("provider"), "stat": s.get("stat"), "day": dt.date.fromisoformat(p["day"]),
                    "median": p["value"],
                    "q1": p["q1"], "q3": p["q3"], "n_quotes": p["n_quotes"], "n_providers": p["n_providers"],
                    "change_30d": tr.get("short_change"), "change_90d": tr.get("change"),
                    "slope_annual": tr.get("slope_annual"), "stale": s["stale"],
                    "trend_sources": ", ".join(s["trend_sources"])})
    return out


def summaries(lines: list[gi.Line], as_of: dt.date) -> list[dict[str, Any]]:
    """Line summaries by SKU, family and term; computed lines before the published ones."""
    return sorted((line_summary(ln, as_of) for ln in lines),
                  key=lambda x: (x["sku"], x["family"], x["term"], x["kind"] != "computed", x["name"]))


def print_collect(console: Console, summary: dict[str, Any]) -> None:
    """One status line per provider, then the snapshot's count of new rows."""
    for p in summary["providers"]:
        colour = {"ok": "green", "error": "red"}.get(p["status"], "yellow")
        console.print(f"[{colour}]{p['status']:<15}[/] {p['provider']:<10} {p['detail']}", highlight=False)
    console.print(f"snapshot {summary['snapshot_id']}: {summary['rows_inserted']} new price rows")
