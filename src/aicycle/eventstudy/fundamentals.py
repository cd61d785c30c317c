"""What the fundamentals said next: each hard datum's last reading public before an event and the
next one made public after it (guidance revisions, capex, backlog, RPO, GPU rental prices).

Point in time: "before" uses rows with `filed` on or before the news date, "next" the first rows filed
after it (within `horizon_days`). Read from the facts and gpu_prices tables directly, so the cycle
report can later replace or enrich this with its checkpoint readings.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from aicycle.store import Store

METRICS = ("capex_guidance_low", "capex_guidance_high", "capex_guidance_point", "capex",
           "capex_incl_finance_leases", "capex_incl_finance_leases_mgmt", "backlog", "rpo",
           "rpo_commercial", "contracted_power_mw", "hbm_tam")


def fundamentals_next(store: Store, news_date: dt.date, horizon_days: int = 120,
                      tickers: list[str] | None = None) -> list[dict[str, Any]]:
    """One row per (ticker, metric, period) revised within the horizon, with before/next values."""
    end = news_date + dt.timedelta(days=horizon_days)
    marks = ", ".join("?" for _ in METRICS)
    rows = store.query(
        f"SELECT ticker, metric, period_start, period_end, value, unit, kind, source, url, accession, filed, flag "
        f"FROM facts WHERE metric IN ({marks}) AND value IS NOT NULL AND filed IS NOT NULL AND filed <= ? "
        f"ORDER BY ticker, metric, period_end, filed, kind", [*METRICS, end])
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for r in rows:
        if tickers and r["ticker"] not in tickers:
            continue
        groups.setdefault((r["ticker"], r["metric"], r["period_start"], r["period_end"]), []).append(r)
    out = []
    for (ticker, metric, start, period_end), vintages in groups.items():
        before = [v for v in vintages if v["filed"] <= news_date]
        after = [v for v in vintages if v["filed"] > news_date]
        if not after:
            continue
        prev, nxt = (before[-1] if before else None), after[0]
        out.append({
            "ticker": ticker, "metric": metric, "period_start": _iso(start), "period_end": _iso(period_end),
            "before": _reading(prev), "next": _reading(nxt),
            "change": (nxt["value"] - prev["value"]) if prev else None,
            "direction": _direction(prev, nxt),
        })
    out.sort(key=lambda r: (r["next"]["filed"], r["ticker"], r["metric"]))
    return out + gpu_prices_next(store, news_date, end)


def gpu_prices_next(store: Store, news_date: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """GPU rental prices: the last observation on or before the event and the first after it."""
    rows = store.query(
        "SELECT sku, provider, term, stat, observed_on AS filed, price_usd_per_gpu_hour AS value, "
        "source, url, kind FROM gpu_prices WHERE observed_on <= ? ORDER BY sku, provider, term, stat, observed_at",
        [end])
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault((r["sku"], r["provider"], r["term"], r["stat"]), []).append(r)
    out = []
    for (sku, provider, term, stat), obs in groups.items():
        before = [o for o in obs if o["filed"] <= news_date]
        after = [o for o in obs if o["filed"] > news_date]
        if not before or not after:
            continue
        prev, nxt = before[-1], after[0]
        out.append({"ticker": None, "metric": f"gpu_price:{sku}:{provider}:{term}:{stat}", "period_start": None,
                    "period_end": None, "before": _reading(prev | {"unit": "USD/GPU-hour"}),
                    "next": _reading(nxt | {"unit": "USD/GPU-hour"}), "change": nxt["value"] - prev["value"],
                    "direction": _direction(prev, nxt)})
    return out


def _reading(r: dict[str, Any] | None) -> dict[str, Any] | None:
    if r is None:
        return None
    return {"value": r["value"], "unit": r.get("unit"), "filed": _iso(r["filed"]), "kind": r.get("kind"),
            "source": r.get("source"), "url": r.get("url"), "flag": r.get("flag")}


def _direction(prev: dict[str, Any] | None, nxt: dict[str, Any]) -> str:
    if prev is None:
        return "new"
    if nxt["value"] > prev["value"]:
        return "up"
    return "down" if nxt["value"] < prev["value"] else "unchanged"


def _iso(d: Any) -> str | None:
    return d.isoformat() if d is not None else None
