"""Evidence items and the point-in-time reads every provider shares.

An `Item` is one number or statement, with its provenance and the direction it shows (`observed`:
up | down | flat, or None for context). Which way it points for a given claim (supports /
contradicts / neutral) is decided later, in verdict.py, so providers never need the claim's wording.

Every read here takes `as_of` and keeps only rows public on or before it (`filed <= as_of`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from aicycle import facts, rules
from aicycle.errors import InputError
from aicycle.store import Store


@dataclass
class Item:
    signal: str  # capex_trend | guidance_revision | guidance_level | backlog_trend | gpu_price_trend | ...
    text: str
    date: dt.date | None  # filed / published: the day it became public
    source: str
    kind: str  # reported | derived | curated
    observed: str | None = None  # up | down | flat | None (context only)
    weight: float = 0.0
    value: float | None = None
    unit: str | None = None
    period: str | None = None
    url: str | None = None
    accession: str | None = None
    ticker: str | None = None
    change: float | None = None  # fractional change behind `observed`
    method: str | None = None
    caveat: str | None = None
    absence: bool = False  # "no revision yet": says the claim has not happened, not that it is false
    points: str = "neutral"  # set by the verdict: supports | contradicts | neutral

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "value": self.value, "unit": self.unit, "period": self.period,
            "date": self.date.isoformat() if self.date else None, "source": self.source,
            "url": self.url, "accession": self.accession, "kind": self.kind, "signal": self.signal,
            "ticker": self.ticker, "observed": self.observed, "change": _round(self.change),
            "weight": round(self.weight, 2), "points": self.points, "method": self.method,
            "caveat": self.caveat,
        }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def direction_of(change: float | None, band: float = rules.RUMOR_TREND_BAND) -> str | None:
    if change is None:
        return None
    if change > band:
        return "up"
    if change < -band:
        return "down"
    return "flat"


def pct(new: float | None, old: float | None) -> float | None:
    if new is None or old is None or old == 0:
        return None
    return (new - old) / abs(old)


def freshness(filed: dt.date | None, as_of: dt.date) -> float:
    """Weight factor for age: fresh evidence counts in full, older evidence less."""
    if filed is None:
        return rules.RUMOR_STALE_WEIGHT
    age = (as_of - filed).days
    return 1.0 if age <= rules.RUMOR_FRESH_DAYS else rules.RUMOR_STALE_WEIGHT


def earliest(as_of: dt.date) -> dt.date:
    return as_of - dt.timedelta(days=rules.RUMOR_LOOKBACK_DAYS)


# --- point-in-time reads of the facts table -----------------------------------------------------

def series(store: Store, ticker: str, metric: str, as_of: dt.date) -> list[dict[str, Any]]:
    """One row per period (quarters, years and instants), the latest vintage public by as_of."""
    try:
        rows = facts.series(store, ticker, metric, as_of=as_of, freq="any")
    except InputError:  # a metric or ticker the data layer does not know: nothing to read
        return []
    return [r for r in rows if r.get("value") is not None]


def vintages(store: Store, ticker: str, metrics: tuple[str, ...], as_of: dt.date) -> list[dict[str, Any]]:
    """Every version of the given metrics public by as_of (guidance revisions live here)."""
    marks = ", ".join("?" for _ in metrics)
    return store.query(
        f"SELECT * FROM facts WHERE ticker = ? AND metric IN ({marks}) AND filed IS NOT NULL "
        "AND filed <= ? ORDER BY filed, metric",
        [ticker, *metrics, as_of],
    )


def statements(store: Store, ticker: str, as_of: dt.date) -> list[dict[str, Any]]:
    """Qualitative curated rows (value NULL, text set) public in the look-back window."""
    return store.query(
        "SELECT * FROM facts WHERE ticker = ? AND text IS NOT NULL AND filed IS NOT NULL "
        "AND filed <= ? AND filed >= ? ORDER BY filed DESC",
        [ticker, as_of, earliest(as_of)],
    )


def item_from_fact(row: dict[str, Any], signal: str, text: str, **kw: Any) -> Item:
    """An Item carrying a facts row's provenance."""
    fields: dict[str, Any] = {
        "date": as_date(row.get("filed")), "source": row.get("source") or "",
        "kind": row.get("kind") or "reported", "value": row.get("value"), "unit": row.get("unit"),
        "period": period_label(row), "url": row.get("url"), "accession": row.get("accession"),
        "ticker": row.get("ticker"), "method": row.get("method"),
    }
    fields.update(kw)
    return Item(signal=signal, text=text, **fields)


def as_date(value: Any) -> dt.date | None:
    """A stored date, datetime or ISO string as a date (None when empty)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        return dt.date.fromisoformat(value[:10])
    return None


def period_label(row: dict[str, Any]) -> str | None:
    if row.get("fiscal_period"):
        return str(row["fiscal_period"])
    start, end = as_date(row.get("period_start")), as_date(row.get("period_end"))
    if end is None:
        return None
    if start is None:
        return f"at {end.isoformat()}"
    return f"{start.isoformat()}..{end.isoformat()}"


def days(row: dict[str, Any]) -> int | None:
    start, end = as_date(row.get("period_start")), as_date(row.get("period_end"))
    if start is None or end is None:
        return None
    return (end - start).days + 1


def money(value: float | None, unit: str | None = "USD") -> str:
    if value is None:
        return "n/a"
    if unit in (None, "USD"):
        if abs(value) >= 1e9:
            return f"${value / 1e9:,.1f}B"
        if abs(value) >= 1e6:
            return f"${value / 1e6:,.0f}M"
        return f"${value:,.2f}"
    if unit == "MW":
        return f"{value:,.0f} MW"
    if abs(value) >= 1e12:
        return f"{value / 1e12:,.1f}tn {unit}"
    if abs(value) >= 1e9:
        return f"{value / 1e9:,.1f}B {unit}"
    return f"{value:,.2f} {unit}"


def signed(change: float | None) -> str:
    return "n/a" if change is None else f"{change * 100:+.0f}%"
