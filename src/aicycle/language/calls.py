"""Snapshot loader: the 2025–2026 earnings calls of data/calls_2025_2026 as documents, with real dates.

Each file opens with the day of the call; the index says where the company's own words begin. Some
files open with a summary, a sentiment label and a guidance digest written by the transcript site:
that part is not the company's and is not stored. The public date is the results day of
`curated.results` (the later of the call's date and the SEC earnings 8-K, when they differ).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from aicycle.curated import results as curated_results
from aicycle.errors import DataError
from aicycle.language.documents import document_row, read_document
from aicycle.store import Store

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_STATED = re.compile(r"\b(" + "|".join(m.title() for m in _MONTHS)
                     + r"|[A-Z][a-z]{2}) (\d{1,2})(?:st|nd|rd|th)?, (\d{4})\b")
HEAD_LINES = 6  # the call date sits in the first lines of a file


def stated_date(text: str) -> dt.date | None:
    """The call date a file states at its top ("April 29th, 2026", "Jul 29, 2026"), if any."""
    for line in text.splitlines()[:HEAD_LINES]:
        if m := _STATED.search(line):
            month = next((i for i, name in enumerate(_MONTHS, 1) if name.startswith(m[1].lower())), None)
            if month:
                return dt.date(int(m[3]), month, int(m[2]))
    return None


def company_words(text: str, body_line: int) -> str:
    """The transcript from its first line of the company's call on (the third party's summary dropped)."""
    return "\n".join(text.splitlines()[body_line - 1:])


def call_rows(data_dir: Path) -> list[dict[str, object]]:
    calendar = curated_results.results_calendar(data_dir)
    rows = []
    for call in curated_results.read_calls(data_dir):
        path = data_dir / curated_results.CALLS_DIR / call.file
        text = read_document(path)
        stated = stated_date(text)
        if stated is not None and stated != call.call_date:
            raise DataError(f"{path}: states {stated}, index.csv says {call.call_date}")
        _, end, label = curated_results.reported_quarter(call.ticker, call.call_date)
        found = curated_results.results_for(calendar, call.ticker, end)
        public, how = ((found.public, found.how) if found
                       else (call.call_date, f"the call's own date ({call.call_date})"))
        skipped = f"; lines 1-{call.body_line - 1} (a third party's summary) not stored" if call.has_summary else ""
        rows.append(document_row(
            company_words(text, call.body_line), call.ticker, public, "transcript",
            title=f"{call.ticker} {label} earnings call ({call.call_date})", source=call.source,
            fiscal_period=label, method=f"public date: {how}{skipped}",
        ))
    return rows


def load_raw(store: Store, data_dir: Path) -> dict[str, object]:
    rows = call_rows(data_dir)
    for row in rows:  # bundled files were not fetched by aicycle (a build time would make the snapshot differ)
        row["fetched_at"] = None
    inserted, changed = store.upsert("documents", rows)
    return {"documents": len(rows), "inserted": inserted, "changed": changed,
            "tickers": sorted({str(r["ticker"]) for r in rows}),
            "third_party_summaries_skipped": sum(1 for c in curated_results.read_calls(data_dir) if c.has_summary)}
