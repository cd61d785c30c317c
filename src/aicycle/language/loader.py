"""Snapshot loader: the real call transcripts and earnings releases in data as documents.

Transcript files are named `<TICKER>_<FISCAL YEAR>_Q<N>.txt` and carry no date. The public date is
derived conservatively from the fiscal quarter: the end of the quarter's last month plus 45 days
(60 days for a fourth quarter, when annual results take longer), which falls on or after the actual
call for every company here. Such rows carry flag 'public_date_estimated' and say how in `method`.
Release files carry their publication date in the name (`nvda_2025-02-26_…`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from pathlib import Path

from aicycle.language.documents import document_row, read_document
from aicycle.store import Store

TRANSCRIPT_SOURCE = "github.com/lingtouyangLeo/Tariff_Sentiment @ 2596a8de (data/transcripts)"
# The month whose last day is nearest the end of each company's fiscal year (the fiscal year is named by its
# ending year). Broadcom's year ends on the Sunday closest to October 31 (2 November 2025), so its quarters end
# in the first days of February, May, August and November: month 10, not 11, which put them four weeks late.
FISCAL_YEAR_END_MONTH = {
    "AMAT": 10, "AMD": 12, "ANET": 12, "AVGO": 10, "CEG": 12, "CSCO": 7, "DELL": 1, "DLR": 12,
    "EQIX": 12, "ETN": 12, "GEV": 12, "HPE": 10, "INTC": 12, "KLAC": 6, "LRCX": 6, "NEE": 12,
    "QCOM": 9, "SMCI": 6, "STX": 6, "VST": 12, "WDC": 6,
}
_TRANSCRIPT = re.compile(r"^([A-Z]+)_(\d{4})_Q([1-4])\.txt$")
_RELEASE = re.compile(r"^([a-z]+)_(\d{4}-\d{2}-\d{2})_")
RELEASE_SOURCES = {
    "nvda": "nvidianews.nvidia.com release page via github.com/akiraak/ai-financial-analyst @ fa4cda3c",
    "crwv": "investors.coreweave.com news page via github.com/lukepuplett/investment-analysis @ 72cded42",
}


def quarter_end(fiscal_year: int, quarter: int, fy_end_month: int) -> dt.date:
    months_before = 3 * (4 - quarter)
    index = fiscal_year * 12 + (fy_end_month - 1) - months_before
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, calendar.monthrange(year, month + 1)[1])


def estimated_public_date(fiscal_year: int, quarter: int, fy_end_month: int) -> dt.date:
    lag = 60 if quarter == 4 else 45
    return quarter_end(fiscal_year, quarter, fy_end_month) + dt.timedelta(days=lag)


def transcript_rows(folder: Path) -> list[dict[str, object]]:
    rows = []
    for path in sorted(folder.glob("*.txt")):
        match = _TRANSCRIPT.match(path.name)
        if not match or match.group(1) not in FISCAL_YEAR_END_MONTH:
            continue
        ticker, year, quarter = match.group(1), int(match.group(2)), int(match.group(3))
        fy_end = FISCAL_YEAR_END_MONTH[ticker]
        end = quarter_end(year, quarter, fy_end)
        rows.append(document_row(
            read_document(path), ticker, estimated_public_date(year, quarter, fy_end), "transcript",
            title=f"{ticker} FY{year} Q{quarter} earnings call", source=TRANSCRIPT_SOURCE,
            fiscal_period=f"FY{year}Q{quarter}", flag="public_date_estimated",
            method=f"fiscal quarter ended ~{end} (fiscal year ends month {fy_end}) + "
                   f"{60 if quarter == 4 else 45} days",
        ))
    return rows


def release_rows(folder: Path) -> list[dict[str, object]]:
    rows = []
    for path in sorted(p for p in folder.glob("*/*") if p.is_file()):
        match = _RELEASE.match(path.name)
        if not match:
            continue
        company = match.group(1)
        rows.append(document_row(
            read_document(path), company.upper(), dt.date.fromisoformat(match.group(2)), "release",
            title=path.stem, source=RELEASE_SOURCES.get(company, f"data/edgar/earnings_releases/{company}"),
        ))
    return rows


def load_raw(store: Store, data_dir: Path) -> dict[str, object]:
    rows = transcript_rows(data_dir / "transcripts") + release_rows(data_dir / "edgar" / "earnings_releases")
    for row in rows:  # bundled files were not fetched by aicycle (and a build time would make the snapshot differ)
        row["fetched_at"] = None
    inserted, changed = store.upsert("documents", rows)
    tickers = sorted({str(r["ticker"]) for r in rows})
    return {"documents": len(rows), "inserted": inserted, "changed": changed, "tickers": tickers,
            "estimated_dates": sum(1 for r in rows if r["flag"])}
