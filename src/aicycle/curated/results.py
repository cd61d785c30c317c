"""The day each quarter's results became public, per company, from the best date the data holds.

Sources, best first: the earnings 8-K's filing date in SEC submissions; the call's own date (the
files of data/calls_2025_2026 open with it); a dated mention of the results release in the curated
CSVs. A call file sometimes states a day earlier than the 8-K (Meta's Q4 2025 call file says
2026-01-27, the release is dated 2026-01-28): the later date is the public one, so a figure is never
dated before it could be read.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from aicycle import universe
from aicycle.curated import periods as curated_periods
from aicycle.errors import InputError
from aicycle.sec import filing_dates, periods

CALLS_DIR = "calls_2025_2026"
# A release mention or 8-K this many days after the call still belongs to the same results.
SAME_RESULTS_DAYS = 3
# The quarter a call reports ended at least this many days before the call.
MIN_REPORT_LAG_DAYS = 10


@dataclass(frozen=True)
class Call:
    file: str
    ticker: str
    call_date: dt.date
    source: str
    body_line: int            # 1-based line where the company's own words begin
    has_summary: bool         # the file opens with a third party's summary


@dataclass(frozen=True)
class Results:
    ticker: str
    period_start: dt.date
    period_end: dt.date       # nominal quarter end (52/53-week companies end a few days earlier)
    fiscal_period: str        # FY2026Q3
    public: dt.date
    how: str


def read_calls(data_dir: Path) -> list[Call]:
    path = data_dir / CALLS_DIR / "index.csv"
    if not path.exists():
        return []
    with open(path, newline="", encoding="utf-8") as fh:
        return [Call(r["file"], r["ticker"], dt.date.fromisoformat(r["call_date"]), r["source"],
                     int(r["transcript_body_starts_at_line"] or 1), r["opens_with_third_party_summary"] == "yes")
                for r in csv.DictReader(fh)]


def reported_quarter(ticker: str, day: dt.date) -> tuple[dt.date, dt.date, str]:
    """(start, end, fiscal label) of the fiscal quarter a results call on `day` reports: the last one
    ending at least MIN_REPORT_LAG_DAYS before it (nominal month ends)."""
    fye = universe.get(ticker).fiscal_year_end
    fy = periods.fiscal_year(day, fye) + 1
    for _ in range(12):
        for q in (4, 3, 2, 1):
            start, end = curated_periods.fiscal_quarter(fy, q, fye)
            if (day - end).days >= MIN_REPORT_LAG_DAYS:
                return start, end, f"FY{fy}Q{q}"
        fy -= 1
    raise ValueError(f"no fiscal quarter before {day}")  # pragma: no cover - unreachable


_RESULTS_WORDS = ("release", "8-k", "ex-99", "earnings call", "10-k", "10-q")


def _quarter_end_day(ticker: str, day: dt.date) -> bool:
    """A date on a fiscal quarter's last day is a period end the CSV used as its date, not a release day."""
    month = universe.get(ticker).fiscal_year_end_month
    return (day + dt.timedelta(days=1)).day == 1 and (day.month - month) % 3 == 0


def release_mentions(data_dir: Path) -> dict[str, list[tuple[dt.date, str]]]:
    """ticker → (day, document) for every row of the curated CSVs dated by a results release, an 8-K,
    a results call or a 10-Q/10-K (rows dated by their period's end are left out)."""
    out: dict[str, list[tuple[dt.date, str]]] = {}
    files = (("ai_capex_backlog_facts.csv", ("source_type",)), ("capex_guidance_quotes.csv", ("document",)))
    for name, columns in files:
        path = data_dir / "facts" / name
        if not path.exists():
            continue
        with open(path, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                text = " ".join(row.get(c) or "" for c in columns)
                dated_by_period = "period end" in (row.get("verbatim_confidence") or "")
                if dated_by_period or not any(w in text.lower() for w in _RESULTS_WORDS):
                    continue
                try:
                    day, ticker = dt.date.fromisoformat(row["date"]), universe.get(row["ticker"]).ticker
                except (ValueError, InputError):
                    continue
                if not _quarter_end_day(ticker, day):
                    out.setdefault(ticker, []).append((day, text.strip()))
    return out


def results_calendar(data_dir: Path, filings: list[filing_dates.Filing] | None = None) -> list[Results]:
    """One entry per (company, quarter) whose results day the data knows: from calls or SEC 8-Ks."""
    filings = filing_dates.load(data_dir) if filings is None else filings
    mentions = release_mentions(data_dir)
    found: dict[tuple[str, dt.date], Results] = {}
    for call in read_calls(data_dir):
        start, end, label = reported_quarter(call.ticker, call.call_date)
        public, how = call.call_date, f"the call's own date ({call.call_date})"
        sec = filing_dates.results_date_for(filings, call.ticker, end)
        later = [d for d, _ in mentions.get(call.ticker, []) if 0 < (d - call.call_date).days <= SAME_RESULTS_DAYS]
        if sec and 0 < (sec - call.call_date).days <= SAME_RESULTS_DAYS:
            public, how = sec, f"SEC earnings 8-K filed {sec}, after the call file's date {call.call_date}"
        elif sec == call.call_date:
            how = "the call's own date, the day of the SEC earnings 8-K"
        elif later:
            public = max(later)
            how = f"results release dated {public} in the curated sources, after the call file's date {call.call_date}"
        found[(call.ticker, end)] = Results(call.ticker, start, end, label, public, how)
    for co in universe.companies():
        for day in filing_dates.results_dates(filings, co.ticker):
            start, end, label = reported_quarter(co.ticker, day)
            found.setdefault((co.ticker, end), Results(co.ticker, start, end, label, day,
                                                       f"SEC earnings 8-K filed {day}"))
    for ticker, day, name in _release_files(data_dir):
        start, end, label = reported_quarter(ticker, day)
        found.setdefault((ticker, end), Results(ticker, start, end, label, day,
                                                f"earnings release dated {day} ({name})"))
    for ticker, days in mentions.items():
        for day, document in sorted(days):
            start, end, label = reported_quarter(ticker, day)
            found.setdefault((ticker, end), Results(ticker, start, end, label, day,
                                                    f"{document} dated {day} in the curated sources"))
    return sorted(found.values(), key=lambda r: (r.ticker, r.period_end))


def _release_files(data_dir: Path) -> list[tuple[str, dt.date, str]]:
    """(ticker, day, file) of the earnings releases in data/edgar/earnings_releases (dated in their names)."""
    out = []
    for path in sorted((data_dir / "edgar" / "earnings_releases").glob("*/*_20*")):
        parts = path.name.split("_")
        try:
            out.append((universe.get(parts[0]).ticker, dt.date.fromisoformat(parts[1]), path.name))
        except (InputError, ValueError, IndexError):
            continue
    return out


def results_for(calendar: list[Results], ticker: str, period_end: dt.date, tolerance_days: int = 10) -> Results | None:
    """The results entry of the quarter ending near `period_end` (52/53-week ends tolerated)."""
    near = [r for r in calendar if r.ticker == ticker and abs((r.period_end - period_end).days) <= tolerance_days]
    return min(near, key=lambda r: abs((r.period_end - period_end).days)) if near else None
