"""SK hynix and Samsung quarterly results, HBM shares and HBM statements
(data/facts/memory_makers_quarterly.csv) → `facts`.

Public date = the announcement date (a month-only date takes the month's last day and is flagged
`date_month_only`). Samsung publishes twice a quarter: the PRELIMINARY earnings guidance early in the
month (operating profit only, the midpoint of the guided range) and the FINAL results at month end.
Both are stored for the same period, so the usual point-in-time rule (the latest public vintage wins)
shows the preliminary figure until the final one's date and the final one after it. Rows the notes call
weak are loaded and flagged; the source type (primary or secondary) stays on every row.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from aicycle import universe
from aicycle.curated import sourced
from aicycle.errors import InputError
from aicycle.sec import periods
from aicycle.store import Store, fact_key

FILE = "memory_makers_quarterly.csv"
SOURCE = f"curated:{FILE}"
COLUMNS = ("company", "ticker", "quarter", "period_end", "announced_date", "metric", "value", "unit",
           "value_text", "source_url", "source_type", "quote")
# CSV metric → store metric; statements keep their CSV name as the tag.
METRICS = {"revenue": "revenue", "operating_profit": "operating_income",
           "ds_division_operating_profit": "ds_operating_income", "hbm_share": "hbm_share",
           "capex_plan": "statement", "hbm_statement": "statement"}
RESULTS = ("revenue", "operating_profit", "ds_division_operating_profit")
UNITS = ("KRW", "USD", "pct")
_QUARTER = re.compile(r"^(\d{4})Q([1-4])$")
_BASIS = (("shipments", "basis: shipments"), ("revenue", "basis: revenue"))


def _quarter(label: str, end: str, where: str) -> tuple[dt.date, dt.date]:
    m = _QUARTER.match(label)
    if not m:
        raise InputError(f"{where}: quarter {label!r} is not YYYYQn")
    year, q = int(m[1]), int(m[2])
    start, last = dt.date(year, 3 * q - 2, 1), sourced.month_end(year, 3 * q)
    if end != last.isoformat():
        raise InputError(f"{where}: period_end {end!r} is not the end of {label} ({last})")
    return start, last


def _release(value_text: str) -> str | None:
    """Samsung's two releases a quarter, as the file labels them."""
    head = value_text.lstrip().upper()
    return next((label.lower() for label in ("PRELIMINARY", "FINAL") if head.startswith(label)), None)


def row_to_fact(row: dict[str, str], where: str) -> dict[str, Any]:
    """Validate one row and turn it into a `facts` row (InputError names the row on any problem)."""
    sourced.require(row, where, "ticker", "quarter", "metric", "value_text", "source_url", "source_type", "quote")
    try:
        company = universe.get(row["ticker"])
    except InputError:
        raise InputError(f"{where}: unknown ticker {row['ticker']!r}") from None
    if company.role != "memory":
        raise InputError(f"{where}: {company.ticker} is not a memory maker in the universe")
    if row["metric"] not in METRICS:
        raise InputError(f"{where}: unknown metric {row['metric']!r}; known: {', '.join(METRICS)}")
    start, end = _quarter(row["quarter"], row["period_end"], where)
    filed, month_only = sourced.day(row["announced_date"], where, "announced_date")
    klass = sourced.source_class(row["source_type"], where)
    csv_metric, metric = row["metric"], METRICS[row["metric"]]
    is_result = csv_metric in RESULTS
    value = sourced.number(row["value"], where, required=is_result or csv_metric == "hbm_share")
    if value is not None and row["unit"] not in UNITS:
        raise InputError(f"{where}: unit {row['unit']!r} is not one of {', '.join(UNITS)}")
    if is_result and filed <= end:
        raise InputError(f"{where}: results for {row['quarter']} announced {filed}, not after the quarter")
    release = _release(row["value_text"]) if company.ticker == "005930.KS" and is_result else None
    reasons = sourced.weak_reasons(row["source_type"], row["value_text"])
    if csv_metric == "hbm_share":
        reasons += [label for word, label in _BASIS if f"hbm {word}" in row["value_text"].lower()] \
            or ["basis: not stated"]
    how = ("public date: the announcement month's last day (day not stated)" if month_only
           else "public date: the announcement date")
    out: dict[str, Any] = {
        "ticker": company.ticker, "metric": metric, "value": None, "text": None, "unit": row["unit"] or "text",
        "kind": "curated", "tag": release or (csv_metric if metric == "statement" else None),
        "source": SOURCE, "url": row["source_url"], "accession": None, "form": None, "filed": filed,
        "fetched_at": None, "method": f"{row['source_type']}; {how}",
        "flag": sourced.flags(sourced.MONTH_ONLY if month_only else None,
                              "preliminary" if release == "preliminary" else None, *reasons),
        "note": f"{klass} source; quote: \"{row['quote']}\"",
    }
    if metric == "statement":  # dated on its announcement, like every quote
        out.update(period_start=None, period_end=filed, fiscal_period=row["quarter"], calendar_quarter=None,
                   text=row["value_text"], unit="text")
    else:
        out.update(period_start=start, period_end=end, calendar_quarter=periods.calendar_quarter(start, end),
                   fiscal_period=periods.fiscal_period(start, end, company.fiscal_year_end),
                   value=value / 100 if value is not None and row["unit"] == "pct" else value,
                   unit="share" if row["unit"] == "pct" else row["unit"])
        out["note"] = f"{row['value_text']}; {out['note']}"
    out["fact_key"] = fact_key(company.ticker, metric, out["period_start"], out["period_end"], "curated",
                               filed, csv_metric, row["value"], row["source_url"], row["value_text"])
    return out


def read(path: Path) -> list[dict[str, Any]]:
    """Every row validated first: one bad row raises InputError and nothing is returned."""
    out = [row_to_fact(row, where) for where, row in sourced.rows(path, COLUMNS)]
    keys = [r["fact_key"] for r in out]
    if len(set(keys)) != len(keys):
        raise InputError(f"{path.name}: the same row appears twice")
    return out


def load_raw(store: Store, data_dir: Path) -> dict[str, Any]:
    """Snapshot loader: the memory makers' file of data/facts."""
    rows = read(data_dir / "facts" / FILE)
    store.upsert("facts", rows)
    by_metric: dict[str, int] = {}
    for r in rows:
        name = r["tag"] if r["metric"] == "statement" else r["metric"]
        by_metric[name] = by_metric.get(name, 0) + 1
    return {"rows": len(rows), "flagged": sum(1 for r in rows if r["flag"]),
            "primary": sum(1 for r in rows if r["method"].startswith("primary:")),
            "by_metric": dict(sorted(by_metric.items()))}
