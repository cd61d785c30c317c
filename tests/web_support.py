"""Fill a test store from the real files in data, for the dashboard tests.

Facts come from tests/factsload.py and documents from aicycle.language.loader; this adds single
statements (e.g. a hostile string, to check that the pages escape it).
"""

from __future__ import annotations

import datetime as dt

from aicycle.store import fact_key

FETCHED = dt.datetime(2026, 11, 24)


def statement(ticker: str, filed: dt.date, text: str, source: str, url: str | None = None) -> dict:
    return {
        "fact_key": fact_key(ticker, "statement", filed, text), "ticker": ticker, "metric": "statement",
        "period_start": None, "period_end": filed, "value": None, "text": text, "unit": "text",
        "kind": "curated", "method": "verbatim quote", "source": source, "url": url, "filed": filed,
        "fetched_at": FETCHED,
    }
