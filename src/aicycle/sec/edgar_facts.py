"""companyfacts → rows of the `facts` table, from a local file (snapshot) or a fetched body (refresh)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from aicycle import universe
from aicycle.sec import companyfacts, periods, quarters
from aicycle.sec.companyfacts import CompanyFacts
from aicycle.store import Store, fact_key

# Capture dates of the files in data/edgar (SOURCES.md there); None where not recorded.
CAPTURED = {
    "CIK0001045810.json": dt.datetime(2026, 7, 9, 11, 17, 10),
    "CIK0001652044.json": dt.datetime(2026, 7, 9, 12, 8, 6),
    "CIK0001769628_coreweave_trimmed.json": dt.datetime(2026, 9, 12),
}


def fact_rows(cf: CompanyFacts, ticker: str, *, fetched_at: dt.datetime | None,
              note: str | None = None) -> list[dict[str, Any]]:
    company = universe.get(ticker)
    url = companyfacts.url_for(cf.cik)
    return [_row(v, company, url, fetched_at, note) for v in quarters.company_vintages(cf, company.ticker)]


def _row(v: quarters.Vintage, company: universe.Company, url: str, fetched_at: dt.datetime | None,
         note: str | None) -> dict[str, Any]:
    identity = v.accession if v.kind == "reported" else v.method
    return {
        "fact_key": fact_key(company.ticker, v.metric, v.start, v.end, v.kind, v.tag, identity),
        "ticker": company.ticker,
        "metric": v.metric,
        "period_start": v.start,
        "period_end": v.end,
        "fiscal_period": periods.fiscal_period(v.start, v.end, company.fiscal_year_end),
        "calendar_quarter": periods.calendar_quarter(v.start, v.end),
        "value": v.value,
        "text": None,
        "unit": "USD",
        "kind": v.kind,
        "method": v.method,
        "tag": v.tag,
        "source": companyfacts.SOURCE,
        "url": url,
        "accession": v.accession,
        "form": v.form,
        "filed": v.filed,
        "fetched_at": fetched_at,
        "flag": v.flag,
        "note": note,
    }


def load_file(store: Store, path: Path, ticker: str, note: str | None = None) -> dict[str, Any]:
    """Parse one companyfacts file (checked against the universe CIK) and upsert its rows."""
    company = universe.get(ticker)
    cf = companyfacts.load(path, expected_cik=company.cik)
    rows = fact_rows(cf, company.ticker, fetched_at=CAPTURED.get(path.name), note=note or path.name)
    inserted, changed = store.upsert("facts", rows)
    return {"rows": len(rows), "inserted": inserted, "changed": changed,
            "missing": quarters.missing_concepts(cf, company.ticker)}


def raw_files(data_dir: Path) -> dict[str, Path]:
    """The companyfacts file in data for each SEC filer of the universe (full file preferred)."""
    found: dict[str, Path] = {}
    for company in universe.sec_filers():
        cik = f"CIK{int(company.cik):010d}"  # type: ignore[arg-type]
        full = data_dir / "edgar" / "companyfacts" / f"{cik}.json"
        trimmed = sorted((data_dir / "edgar" / "companyfacts_trimmed").glob(f"{cik}_*.json"))
        if full.exists():
            found[company.ticker] = full
        elif trimmed:
            found[company.ticker] = trimmed[0]
    return found


def load_raw(store: Store, data_dir: Path) -> dict[str, Any]:
    """Snapshot loader: every universe company whose companyfacts file is in data."""
    summary: dict[str, Any] = {}
    for ticker, path in raw_files(data_dir).items():
        note = f"data/{path.relative_to(data_dir)}"
        result = load_file(store, path, ticker, note=note)
        summary[ticker] = {"file": note, "rows": result["rows"], "missing": result["missing"]}
    return summary
