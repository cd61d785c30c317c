"""Fill a test store from the real files in shared/data, for the dashboard tests.

Facts come from tests/factsload.py; this adds transcripts as documents and single statements.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

from aicycle.store import Store, fact_key

FETCHED = dt.datetime(2026, 11, 24)


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
