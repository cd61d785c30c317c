"""Terminal rendering of the GPU price index: one row per line, with its trend and a sparkline."""

from __future__ import annotations

import datetime as dt
from typing import Any

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
    return "—" if x is None else f"{x:+.1%}"


def line_summary(line: gi.Line, as_of: dt.date) -> dict[str, Any]:
    """A line with its latest point and the trend of its freshest like-for-like part that has a
    change (else of its freshest part); `stale` when the latest point is older than the freshness limit."""
    trends = gi.line_trends(line, as_of)
    latest = line.points[-1]
    t = next((x for x in trends if x.change is not None), trends[0] if trends else None)
    return {**line.to_dict(), "latest": latest.to_dict(), "trend": t.to_dict() if t else None,
            "trend_sources": list(t.sources) if t else [],
            "stale": (as_of - latest.day).days > rules.GPU_RENTAL_FRESH_DAYS}


def table(summaries: list[dict[str, Any]], as_of: dt.date) -> Table:
    t = Table(title=f"GPU rental prices, USD per GPU-hour (as of {as_of}; {gi.METHOD_VERSION.split(' ')[0]})",
              title_justify="left")
    for col, just in (("SKU", "left"), ("family", "left"), ("term", "left"), ("line", "left"),
                      ("day", "left"), ("median", "right"), ("IQR", "right"), ("n / prov", "right"),
                      ("30d", "right"), ("90d", "right"), ("slope/yr", "right"), ("history", "left")):
        t.add_column(col, justify=just, no_wrap=col in ("history", "day"))  # type: ignore[arg-type]
    for s in summaries:
        p, tr = s["latest"], s["trend"] or {}
        iqr = f"{p['q1']:.2f}–{p['q3']:.2f}" if p["q1"] is not None else ""
        counts = f"{p['n_quotes'] or ''}/{p['n_providers'] or ''}" if s["kind"] == "computed" else \
            (str(p["n_quotes"]) if p["n_quotes"] else "")
        who = "computed" if s["kind"] == "computed" else f"{s['provider']} ({s['stat']})"
        day = p["day"] + (" (stale)" if s["stale"] else "")
        t.add_row(s["sku"], s["family"], s["term"], who, day, f"{p['value']:.2f}", iqr, counts,
                  _pct(tr.get("short_change")), _pct(tr.get("change")), _pct(tr.get("slope_annual")),
                  sparkline([q["value"] for q in s["points"]]))
    return t


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
