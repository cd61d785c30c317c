"""Fill a test store from the real files in shared/data, for the dashboard tests.

Rows keep their provenance (accession, filed date, method). This stands in for the data-layer
loaders until they are merged; it reads the files as they are and invents nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
from pathlib import Path

from aicycle.store import Store, fact_key

FETCHED = dt.datetime(2026, 11, 24)
COMPANYFACTS = "https://data.sec.gov/api/xbrl/companyfacts/CIK{cik}.json"
CIKS = {"GOOGL": "0001652044", "NVDA": "0001045810", "CRWV": "0001769628"}


def load_derived(store: Store, shared: Path, tickers: tuple[str, ...] = ("GOOGL", "NVDA")) -> int:
    """Quarterly capex / revenue / RPO derived from companyfacts (derived/…csv)."""
    rows = []
    with (shared / "derived" / "quarterly_series_from_companyfacts.csv").open() as fh:
        for r in csv.DictReader(fh):
            if r["ticker"] not in tickers:
                continue
            start = r["period_start"] or None
            derived = r["method"].startswith("YTD difference")
            rows.append({
                "fact_key": fact_key(r["ticker"], r["metric"], start, r["period_end"], r["source_accn"]),
                "ticker": r["ticker"], "metric": r["metric"],
                "period_start": start, "period_end": r["period_end"],
                "value": float(r["value_usd"]), "unit": "USD",
                "kind": "derived" if derived else "reported", "method": r["method"],
                "tag": r["us_gaap_tag"], "source": "SEC companyfacts",
                "url": COMPANYFACTS.format(cik=CIKS[r["ticker"]]), "accession": r["source_accn"],
                "form": r["source_form"], "filed": r["source_filed"], "fetched_at": FETCHED,
            })
    store.upsert("facts", rows)
    return len(rows)


def load_quotes(store: Store, shared: Path, ticker: str = "META") -> int:
    """Verbatim guidance sentences as qualitative `statement` facts."""
    rows = []
    with (shared / "facts" / "capex_guidance_quotes.csv").open() as fh:
        for r in csv.DictReader(fh):
            if r["ticker"] != ticker:
                continue
            rows.append(statement(ticker, dt.date.fromisoformat(r["date"]), r["quote"],
                                  source=f"{r['document']} ({r['verbatim_confidence']})",
                                  url=r["primary_url"] or None))
    store.upsert("facts", rows)
    return len(rows)


def statement(ticker: str, filed: dt.date, text: str, source: str, url: str | None = None) -> dict:
    return {
        "fact_key": fact_key(ticker, "statement", filed, text), "ticker": ticker, "metric": "statement",
        "period_start": None, "period_end": filed, "value": None, "text": text, "unit": "text",
        "kind": "curated", "method": "verbatim quote", "source": source, "url": url, "filed": filed,
        "fetched_at": FETCHED,
    }


def load_transcripts(store: Store, shared: Path, ticker: str) -> int:
    """Transcripts named TICKER_YYYY_QN.txt; dated at the quarter's end (the files carry no date)."""
    rows = []
    for path in sorted((shared / "transcripts").glob(f"{ticker}_*.txt")):
        m = re.fullmatch(rf"{ticker}_(\d{{4}})_Q([1-4])", path.stem)
        if not m:
            continue
        year, q = int(m.group(1)), int(m.group(2))
        text = path.read_text(encoding="utf-8")
        rows.append({
            "doc_id": hashlib.sha256(text.encode()).hexdigest(), "ticker": ticker,
            "date": dt.date(year, 3 * q, 28), "kind": "transcript", "title": f"{ticker} {year} Q{q} call",
            "source": f"shared/data/transcripts/{path.name}", "url": None, "accession": None,
            "fetched_at": FETCHED, "text": text,
        })
    store.upsert("documents", rows)
    return len(rows)
