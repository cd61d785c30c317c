"""Third-party quarterly figures (data/third_party/eca_yfinance_quarterly.csv) → `facts` of kind `third_party`.

Yahoo Finance's quarterly capex (purchases of property and equipment, excluding finance-lease
principal: not Meta's headline definition), revenue, operating income and operating cash flow for
Meta, Amazon, Microsoft and IREN, as github.com/fredwang00/eca captured them on 2026-03-30. They are
not as filed: every row is flagged `not_as_filed`, and `facts.series` prefers an SEC or a company's
own figure for the same quarter. A row is public on the company's results day for its quarter
(`curated.results`); where the data knows no such day, the quarter's 10-Q/10-K filing day; else an
estimate, flagged.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

from aicycle import universe
from aicycle.curated import results as curated_results
from aicycle.errors import InputError
from aicycle.sec import filing_dates, periods
from aicycle.store import Store, fact_key

FILE = Path("third_party") / "eca_yfinance_quarterly.csv"
COLUMNS = ("ticker", "yfinance_quarter_label", "period_end", "metric", "value_usd", "source")
METRICS = {"capex_ppe_purchases": "capex", "revenue": "revenue", "operating_income": "operating_income",
           "operating_cash_flow": "operating_cash_flow"}
CAPTURED = dt.datetime(2026, 3, 30)  # "fetched_at": "2026-03-30" in the source repository's files
URL = "https://github.com/fredwang00/eca"
NOT_AS_FILED = "not_as_filed"
ESTIMATE_DAYS = 45  # no results day known: the 10-Q deadline, as for curated rows (docs/data.md)


def _public(ticker: str, end: dt.date, calendar: list[curated_results.Results],
            filings: list[filing_dates.Filing]) -> tuple[dt.date, str, bool]:
    """(public date, how, estimated?) of a figure about the quarter ending `end`."""
    found = curated_results.results_for(calendar, ticker, end)
    if found is not None:
        return found.public, f"public date: the company's results day ({found.how})", False
    report = filing_dates.report_filed(filings, ticker, end)
    if report is not None:
        return report.filed, f"public date: SEC {report.form} {report.accession} filed {report.filed}", False
    return (end + dt.timedelta(days=ESTIMATE_DAYS),
            f"public date estimated: quarter end + {ESTIMATE_DAYS} days (no results day in the data)", True)


def row_for(raw: dict[str, str], where: str, calendar: list[curated_results.Results],
            filings: list[filing_dates.Filing]) -> dict[str, Any]:
    try:
        company = universe.get(raw["ticker"])
        end = dt.date.fromisoformat(raw["period_end"])
        value = float(raw["value_usd"])
    except (InputError, ValueError) as exc:
        raise InputError(f"{where}: {exc}") from None
    metric = METRICS.get(raw["metric"])
    if metric is None:
        raise InputError(f"{where}: unknown metric {raw['metric']!r}; known: {', '.join(METRICS)}")
    start = dt.date(end.year, end.month - 2, 1)  # Yahoo's quarters here end with calendar quarters
    filed, how, estimated = _public(company.ticker, end, calendar, filings)
    definition = (" (purchases of property and equipment, excluding finance-lease principal)"
                  if metric == "capex" else "")
    return {
        "fact_key": fact_key(company.ticker, metric, start, end, "third_party", raw["source"], raw["value_usd"]),
        "ticker": company.ticker, "metric": metric, "period_start": start, "period_end": end,
        "fiscal_period": periods.fiscal_period(start, end, company.fiscal_year_end),
        "calendar_quarter": periods.calendar_quarter(start, end), "value": value, "text": None,
        "unit": "USD", "kind": "third_party", "tag": None, "source": f"third_party:{FILE.name}",
        "method": f"Yahoo Finance '{raw['yfinance_quarter_label']}' {raw['metric']}{definition}, "
                  f"captured 2026-03-30; not as filed; {how}",
        "url": URL, "accession": None, "form": None, "filed": filed, "fetched_at": CAPTURED,
        "flag": NOT_AS_FILED + (";public_date_estimated" if estimated else ""),
        "note": f"source: {raw['source']}",
    }


def read(data_dir: Path) -> list[dict[str, Any]]:
    path = data_dir / FILE
    calendar = curated_results.results_calendar(data_dir)
    filings = filing_dates.load(data_dir)
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path}: missing column(s) {', '.join(missing)}")
        return [row_for(raw, f"{path}: row {line}", calendar, filings) for line, raw in enumerate(reader, start=2)]


def load_raw(store: Store, data_dir: Path) -> dict[str, Any]:
    rows = read(data_dir)
    store.upsert("facts", rows)
    return {"rows": len(rows), "estimated_public_dates": sum("estimated" in r["flag"] for r in rows),
            "tickers": sorted({r["ticker"] for r in rows})}
