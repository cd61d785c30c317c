"""Real filing dates from SEC submissions: when a company's results and reports became public.

data.sec.gov/submissions/CIK##########.json lists every recent filing with its `filingDate`,
`reportDate` (the period a 10-Q or 10-K covers) and `items` (an earnings 8-K carries Item 2.02).
From them: the day each quarter's results were released (the earnings 8-K) and the day its report
was filed (the 10-Q or 10-K). Loaders use these to date what a company said or reported about a
quarter; an estimate is used only where these files say nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aicycle import universe

EARNINGS_ITEM = "2.02"  # Results of Operations and Financial Condition
REPORT_FORMS = ("10-Q", "10-K", "10-Q/A", "10-K/A", "20-F", "40-F")
# An earnings release comes at most this many days after the quarter it reports.
RESULTS_LAG_DAYS = (1, 80)


@dataclass(frozen=True)
class Filing:
    ticker: str
    accession: str
    form: str
    filed: dt.date
    report_date: dt.date | None
    items: str


def _recent(data: dict[str, Any]) -> dict[str, list[Any]]:
    recent = data.get("filings", {}).get("recent") if isinstance(data.get("filings"), dict) else None
    return recent if isinstance(recent, dict) else {}


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def parse(data: dict[str, Any], ticker: str) -> list[Filing]:
    """The filings listed in one submissions response (filings.recent), oldest first."""
    recent = _recent(data)
    columns = [recent.get(k, []) for k in ("accessionNumber", "form", "filingDate", "reportDate", "items")]
    n = len(columns[0])
    out = []
    for i in range(n):
        accession, form, filed, report, items = (col[i] if i < len(col) else None for col in columns)
        day = _date(filed)
        if accession and day:
            out.append(Filing(ticker, accession, form or "", day, _date(report), items or ""))
    return sorted(out, key=lambda f: (f.filed, f.accession))


def load(data_dir: Path) -> list[Filing]:
    """Every filing in data/edgar/submissions/*.json whose CIK is a company of the universe."""
    by_cik = {c.cik_int: c.ticker for c in universe.companies() if c.cik_int}
    out: list[Filing] = []
    folder = data_dir / "edgar" / "submissions"
    for path in sorted(folder.glob("*.json")) if folder.exists() else []:
        data = json.loads(path.read_bytes())
        cik = data.get("cik") if isinstance(data, dict) else None
        ticker = by_cik.get(int(cik)) if cik not in (None, "") else None
        if ticker:
            out += parse(data, ticker)
    return out


def results_dates(filings: list[Filing], ticker: str) -> list[dt.date]:
    """Days the company filed an earnings release (8-K Item 2.02), oldest first."""
    return sorted({f.filed for f in filings if f.ticker == ticker and f.form.startswith("8-K")
                   and EARNINGS_ITEM in {i.strip() for i in f.items.split(",")}})


def results_date_for(filings: list[Filing], ticker: str, period_end: dt.date) -> dt.date | None:
    """The earnings release of the quarter ending `period_end`: the first one after it, within the lag."""
    lo, hi = RESULTS_LAG_DAYS
    found = [d for d in results_dates(filings, ticker) if lo <= (d - period_end).days <= hi]
    return found[0] if found else None


def report_filed(filings: list[Filing], ticker: str, period_end: dt.date, tolerance_days: int = 7) -> Filing | None:
    """The first 10-Q/10-K (or 20-F) covering the period that ends `period_end` (52/53-week ends tolerated)."""
    found = [f for f in filings if f.ticker == ticker and f.form in REPORT_FORMS and f.report_date
             and abs((f.report_date - period_end).days) <= tolerance_days]
    return min(found, key=lambda f: f.filed) if found else None


def by_accession(filings: list[Filing]) -> dict[str, dt.date]:
    return {f.accession: f.filed for f in filings}
