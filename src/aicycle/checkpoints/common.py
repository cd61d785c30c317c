"""What the checkpoints share: point-in-time reads of the facts table, evidence, number formatting.

Point in time: a row counts for "as of D" only when `filed <= D`; for each period the latest such
vintage wins (a restatement filed later replaces the first report only from its filing date on) -
the rule of `aicycle.facts.series`, applied here to rows fetched once per report (`prefetched`), so
a report costs one facts query instead of one per series.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from aicycle import facts, rules
from aicycle.checkpoints.base import Evidence, Reading, State
from aicycle.store import Store

Row = dict[str, Any]


# Metrics the report reads; `prefetched()` loads them in one query instead of one query per series.
REPORT_METRICS = (
    "capex", "capex_incl_finance_leases", "capex_incl_finance_leases_mgmt", "capex_net_cash",
    "capex_guidance_low", "capex_guidance_high", "capex_guidance_point",
    "rpo", "rpo_commercial", "backlog", "arr", "revenue", "operating_income", "hbm_tam",
    "active_power_mw", "contracted_power_mw", "contracted_power_target_mw", "statement",
    "ds_operating_income", "hbm_share",
)
_PREFETCH: dict[tuple[int, dt.date], dict[tuple[str, str], list[Row]]] = {}


@contextmanager
def prefetched(store: Store, as_of: dt.date) -> Iterator[None]:
    """Within the block, reads for `as_of` come from one query of the facts public by then."""
    key = (id(store), as_of)
    grouped: dict[tuple[str, str], list[Row]] = {}
    for row in store.query("SELECT * FROM facts WHERE filed IS NOT NULL AND filed <= ? "
                           "AND metric IN (SELECT unnest(?)) ORDER BY filed, ticker, metric, period_end",
                           [as_of, list(REPORT_METRICS)]):
        grouped.setdefault((row["ticker"], row["metric"]), []).append(row)
    _PREFETCH[key] = grouped
    try:
        yield
    finally:
        _PREFETCH.pop(key, None)


def _vintages(store: Store, ticker: str, metric: str, as_of: dt.date) -> list[Row]:
    """Every vintage of one metric public by `as_of`, in filed order."""
    cached = _PREFETCH.get((id(store), as_of))
    if cached is not None and metric in REPORT_METRICS:
        return cached.get((ticker, metric), [])
    return store.query("SELECT * FROM facts WHERE ticker = ? AND metric = ? AND filed IS NOT NULL "
                       "AND filed <= ? ORDER BY filed, period_end", [ticker, metric, as_of])


def series(store: Store, ticker: str, metric: str, as_of: dt.date) -> list[Row]:
    """One row per period public by `as_of`, oldest period first, by the data layer's precedence
    (`aicycle.facts.pick`: SEC > company-stated > third party > curated news, then the latest filed),
    each carrying its `tier` and the other sources that `disagreements` with it."""
    return facts.pick([row for row in _vintages(store, ticker, metric, as_of) if row["value"] is not None])


def rows_for(store: Store, tickers: Iterable[str], metrics: Iterable[str], as_of: dt.date) -> list[Row]:
    """Every public vintage (not only the latest) of some metrics, ordered by filed date."""
    rows = [r for t in tickers for m in metrics for r in _vintages(store, t, m, as_of)]
    return sorted(rows, key=lambda r: (r["filed"], r["ticker"], r["metric"], r["period_end"]))


def statements(store: Store, tickers: Iterable[str] | None, as_of: dt.date, since: dt.date) -> list[Row]:
    """Qualitative rows (metric 'statement', text set) public in [since, as_of], newest first."""
    cached = _PREFETCH.get((id(store), as_of))
    if cached is not None:
        wanted = None if tickers is None else set(tickers)
        rows = [r for (t, m), rs in cached.items() if m == "statement" and (wanted is None or t in wanted)
                for r in rs if r["text"] is not None and r["filed"] >= since]
        return sorted(rows, key=lambda r: (r["filed"], r["ticker"]), reverse=True)
    sql = ("SELECT * FROM facts WHERE metric = 'statement' AND text IS NOT NULL "
           "AND filed IS NOT NULL AND filed <= ? AND filed >= ?")
    params: list[Any] = [as_of, since]
    if tickers is not None:
        sql += " AND ticker IN (SELECT unnest(?))"
        params.append(list(tickers))
    return store.query(sql + " ORDER BY filed DESC, ticker", params)


def quarterly(rows: list[Row]) -> list[Row]:
    """Keep rows whose period is one quarter long (a YTD or annual value is never a quarter)."""
    lo, hi = rules.QUARTER_DAYS
    return [r for r in rows if r["period_start"] is not None
            and lo <= (r["period_end"] - r["period_start"]).days + 1 <= hi]


def instants(rows: list[Row]) -> list[Row]:
    return [r for r in rows if r["period_start"] is None]


def calendar_quarter(row: Row) -> str:
    """The calendar quarter holding most of the period (Oracle's Mar-May quarter is 2026Q2)."""
    if row.get("calendar_quarter"):
        return str(row["calendar_quarter"])
    start = row["period_start"] or row["period_end"]
    mid = start + (row["period_end"] - start) / 2
    return f"{mid.year}Q{(mid.month - 1) // 3 + 1}"


def shift_quarter(quarter: str, n: int) -> str:
    year, q = int(quarter[:4]), int(quarter[5])
    index = year * 4 + (q - 1) + n
    return f"{index // 4}Q{index % 4 + 1}"


def period_label(row: Row) -> str:
    """2026Q2; "FQ3 2026 = CY2026Q2" where a fiscal quarter is not the calendar one; FY2026; at D."""
    if row["period_start"] is None:
        return f"at {row['period_end'].isoformat()}"
    days = (row["period_end"] - row["period_start"]).days + 1
    if days > rules.QUARTER_DAYS[1]:
        return row.get("fiscal_period") or f"{row['period_start']}..{row['period_end']}"
    if row.get("ticker") and row.get("fiscal_period"):
        return facts.quarter_label({**row, "calendar_quarter": calendar_quarter(row)})
    return calendar_quarter(row)


def growth(new: float | None, old: float | None) -> float | None:
    if new is None or old is None or old <= 0:
        return None
    return new / old - 1.0


def find_before(rows: list[Row], target: dt.date, tolerance_days: int) -> Row | None:
    """The row whose period_end is closest to `target`, within the tolerance."""
    near = [r for r in rows if abs((r["period_end"] - target).days) <= tolerance_days]
    return min(near, key=lambda r: abs((r["period_end"] - target).days)) if near else None


def evidence(row: Row, text: str) -> Evidence:
    """An evidence item carrying the facts row's provenance unchanged, its precedence tier, and the
    other sources that disagree with it by more than rules.SOURCE_DISAGREEMENT."""
    return Evidence(
        text=text, value=row.get("value"), unit=row.get("unit"), period=period_label(row),
        source=row.get("source") or "unknown", url=row.get("url"), accession=row.get("accession"),
        filed=row.get("filed"), kind=row.get("kind") or "curated", ticker=row.get("ticker"),
        metric=row.get("metric"), method=row.get("method"), flag=row.get("flag"),
        tier=row.get("tier") or facts.tier(row), disagreements=tuple(disagreement_texts(row)),
    )


def disagreement_texts(row: Row) -> list[str]:
    """'third party says $30.1B (-2.9%), 2026-03-30' for each other tier more than 0.5% apart."""
    return [f"{facts.TIER_LABELS[d['tier']]} says {usd(d['value'], row.get('unit'))} ({d['gap']:+.1%}), "
            f"{d['source']}, public {d['filed']}" for d in row.get("disagreements") or []]


def clip(x: float, lo: float = -1.0, hi: float = 1.0) -> float:
    return max(lo, min(hi, x))


def state_for(score: float | None) -> State:
    """Map a standardized score (-1..+1) to a state with the shared cut-offs in rules.py."""
    if score is None:
        return "insufficient_data"
    if score >= rules.EXPANDING_AT:
        return "expanding"
    if score > rules.SLOWING_BELOW:
        return "steady"
    if score > rules.CONTRACTING_BELOW:
        return "slowing"
    return "contracting"


def weighted(parts: Sequence[tuple[float | None, float]]) -> float | None:
    """Weighted mean of the parts that exist; None when none does."""
    have = [(s, w) for s, w in parts if s is not None and w > 0]
    total = sum(w for _, w in have)
    return round(sum(s * w for s, w in have) / total, 3) if total else None


def empty(id_: str, title: str, why: str) -> Reading:
    return Reading(id=id_, title=title, state="insufficient_data", headline=why, score=None,
                   reasoning=[why])


def usd(value: float | None, unit: str | None = "USD") -> str:
    """$35.7B, $510.6M; other currencies keep their code (KRW 19.2T)."""
    if value is None:
        return "n/a"
    sign = "-" if value < 0 else ""
    v = abs(value)
    for scale, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if v >= scale:
            body = f"{v / scale:,.1f}{suffix}"
            break
    else:
        body = f"{v:,.0f}"
    if unit in (None, "USD"):
        return f"{sign}${body}"
    return f"{sign}{unit} {body}"


def pct(x: float | None, signed: bool = True) -> str:
    """+14%, -3%; a change that rounds to zero reads 0% (never "-0%")."""
    if x is None:
        return "n/a"
    if round(x * 100) == 0:
        return "0%"
    return f"{x * 100:+.0f}%" if signed else f"{x * 100:.0f}%"


def mw(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value / 1000:,.1f} GW" if value >= 1000 else f"{value:,.0f} MW"
