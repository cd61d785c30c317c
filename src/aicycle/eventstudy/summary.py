"""The event study for a reader who is not an econometrician: the result in plain words, a one-line
glossary for each statistic shown, and what the fundamentals said next as a short list of material
changes (guidance revisions read the same way as the report, backlog, capex, GPU prices by SKU family).
"""

from __future__ import annotations

import datetime as dt
import statistics
from typing import Any

from aicycle import guidance
from aicycle.gpu.skus import GROUPS, in_group
from aicycle.render.numbers import fmt
from aicycle.store import Store

# One line per statistic, wherever it is shown (terminal footnote, HTML tooltip).
GLOSSARY: dict[str, str] = {
    "AR": "abnormal return: the day's return minus what the market model expected from the market's move",
    "CAR": "cumulative abnormal return: the abnormal returns added up over the event window",
    "CAAR": "the average CAR across the stocks studied (an equal-weight portfolio)",
    "beta": "how much the stock moves per 1% move of the market, fitted on the estimation window",
    "t": "the CAR divided by its standard error: beyond about ±2 is unusual",
    "p": "the chance of a move at least this large if the news had no effect (below 0.05: unusual)",
    "cross_sectional_t": "t-test of the average CAR against the spread of CARs across stocks",
    "patell": "Patell test: each stock's CAR scaled by its own volatility before averaging",
    "bmp": "Boehmer–Musumeci–Poulsen test: Patell, robust to volatility that rises on the event",
    "bmp_kp": "BMP with the Kolari–Pynnönen adjustment for stocks that move together (the headline test)",
    "portfolio": "t-test of the equal-weight portfolio's CAR against its own past volatility",
    "generalized_sign": "sign test: more negative (or positive) CARs than usual, whatever their size",
    "corrado_rank": "rank test: how extreme the event days rank among all days, robust to outliers",
}
TIMING = {"during": "during trading", "before_open": "before the open", "after_close": "after the close",
          "weekend": "over a weekend"}
UNUSUAL_P = 0.05
BORDERLINE_P = 0.10
# A revised figure that moves less than this is a restatement, not news.
MATERIAL_CHANGE = 0.01
FACT_LABELS = {"backlog": "backlog", "rpo": "RPO", "rpo_commercial": "commercial RPO", "capex": "capex",
               "capex_incl_finance_leases": "capex incl. finance leases",
               "capex_incl_finance_leases_mgmt": "capex incl. finance leases",
               "contracted_power_mw": "contracted power", "hbm_tam": "HBM market size"}


def pct(x: float | None, digits: int = 1) -> str:
    if x is None:
        return "—"
    return f"{0:.{digits}f}%" if round(x * 100, digits) == 0 else f"{x * 100:+.{digits}f}%"


def _how_unusual(p: float | None) -> str:
    if p is None:
        return "its significance cannot be tested"
    if p < UNUSUAL_P:
        return f"that is unusual (p = {p:.3f}: unlikely to be chance)"
    if p < BORDERLINE_P:
        return f"that is borderline (p = {p:.3f})"
    return f"that is within ordinary day-to-day noise (p = {p:.2f})"


def _window_return(s: dict[str, Any]) -> float | None:
    total = 1.0
    for a in s["abnormal_returns"]:
        if a["return"] is None:
            return None
        total *= 1 + a["return"]
    return total - 1


def plain_summary(result: dict[str, Any]) -> str:
    """A first paragraph in plain words: what happened, how the stocks moved against what the market
    model expected, whether that is unusual, and where they stood some weeks later."""
    ev, secs, port = result["event"], result["securities"], result["portfolio"]
    a, b = result["event_window"]
    when = TIMING.get(ev.get("timing") or "", ev.get("timing") or "")
    parts = [f"On {ev['date']} ({when}): {ev['headline']}."]
    lead = max(secs, key=lambda s: abs(s["car"]), default=None)
    if lead is not None:
        raw = _window_return(lead)
        moved = "" if raw is None else f"{'rose' if raw >= 0 else 'fell'} {abs(raw) * 100:.1f}% and "
        parts.append(f"The biggest reaction: {lead['ticker']} {moved}did {abs(lead['car']) * 100:.1f}% "
                     f"{'better' if lead['car'] >= 0 else 'worse'} than the market model expected over trading "
                     f"days {a:+d} to {b:+d}; {_how_unusual(lead['tests']['t_car']['p'])}.")
    if port:
        test = port["tests"].get("bmp_kp") or {}
        parts.append(f"Across the {port['n']} stocks studied the average abnormal move was {pct(port['car'])}; "
                     f"{_how_unusual(test.get('p'))} by the test robust to stocks moving together.")
    later = [s["car_after"] for s in secs if s["car_after"]]
    if later:
        day = later[0]["day"]
        mean_after = statistics.fmean(x["car"] for x in later)
        weeks = round(day / 5)
        span = f"{weeks} week{'s' if weeks != 1 else ''}" if weeks else f"{day} trading days"
        parts.append(f"{span.capitalize()} later (trading day {day:+d}) the average abnormal move stood at "
                     f"{pct(mean_after)}.")
    return " ".join(parts)


def glossary(names: list[str]) -> list[tuple[str, str]]:
    return [(n, GLOSSARY[n]) for n in names if n in GLOSSARY]


def material_next(store: Store, news_date: dt.date, through: dt.date,
                  raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What the fundamentals said next, only what matters: guidance revisions (the report's reading),
    backlog, RPO, capex and power figures that are new or moved by 1% or more, and GPU rental prices
    as one line per SKU family (the median change of its price lines)."""
    items = [_guidance_item(r) for r in guidance.revisions_between(store, news_date, through)]
    for f in raw:
        if not f["ticker"] or f["metric"].startswith("capex_guidance") or f["metric"] not in FACT_LABELS:
            continue
        item = _fact_item(f)
        if item is not None:
            items.append(item)
    items.sort(key=lambda i: (i["filed"], i["ticker"] or ""))
    return items + _gpu_items(raw)


def _guidance_item(r: guidance.GuidanceRevision) -> dict[str, Any]:
    reading = r.verb + (", accounting change" if r.reason else "")
    return {"kind": "guidance", "ticker": r.ticker, "what": f"{r.period} capex guidance", "before": r.prior,
            "after": r.guided, "change": r.mid_change, "reading": reading, "filed": r.filed.isoformat(),
            "source": r.row.get("source"), "url": r.row.get("url"), "text": r.text}


def _period(f: dict[str, Any]) -> str:
    start, end = f.get("period_start"), f.get("period_end")
    if not end:
        return ""
    if start:
        months = (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days / 30.4
        span = "quarter" if months <= 4 else ("half year" if months <= 7 else "year")
        return f"{span} to {end}"
    return f"at {end}"


def _fact_item(f: dict[str, Any]) -> dict[str, Any] | None:
    before = f["before"]["value"] if f["before"] else None
    after, unit = f["next"]["value"], f["next"]["unit"]
    change = None if before in (None, 0) else after / before - 1
    if f["direction"] == "unchanged" or (change is not None and abs(change) < MATERIAL_CHANGE):
        return None
    reading = "new figure" if before is None else ("up" if change and change > 0 else "down")
    return {"kind": f["metric"], "ticker": f["ticker"], "what": f"{FACT_LABELS[f['metric']]} {_period(f)}".strip(),
            "before": fmt(before, unit) if before is not None else None, "after": fmt(after, unit),
            "change": change, "reading": reading,
            "filed": f["next"]["filed"], "source": f["next"]["source"], "url": f["next"]["url"]}


def _gpu_items(raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    gpu = [f for f in raw if f["metric"].startswith("gpu_price:") and f["before"]]
    for group in GROUPS:
        lines = [f for f in gpu if in_group(f["metric"].split(":")[1], group)]
        changes = [f["next"]["value"] / f["before"]["value"] - 1 for f in lines if f["before"]["value"]]
        if not changes:
            continue
        med = statistics.median(changes)
        out.append({"kind": "gpu_price", "ticker": None, "what": f"{group} rental price",
                    "before": None, "after": None, "change": med,
                    "reading": f"median {pct(med)} over {len(changes)} price lines",
                    "filed": max(f["next"]["filed"] for f in lines), "source": "gpu_prices", "url": None})
    return out
