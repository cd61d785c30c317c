"""Interim loader for the report tests: the real shared facts files into the facts table.

Reads /work/shared/data/facts/ai_capex_backlog_facts.csv (kind curated), capex_guidance_quotes.csv
(statements, and guidance ranges parsed from the quoted sentences) and
derived/quarterly_series_from_companyfacts.csv (kind derived/reported, with the accession numbers).
Metric names are mapped onto the facts-table vocabulary and values scaled to base units (USD, MW).
When the data layer's loaders (`aicycle.sources.curated`, `aicycle.sources.edgar_facts`) are
present, `load_all` uses them instead: the rows are then exactly what the snapshot holds.
"""

from __future__ import annotations

import atexit
import calendar
import csv
import datetime as dt
import re
import shutil
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from aicycle.store import Store, fact_key, open_store
from aicycle.universe import get

FETCHED = dt.datetime(2026, 11, 24)
# Days between a period's end and its (estimated) publication when the file gives no filed date.
PUBLICATION_LAG = 45

# raw metric -> (facts metric, instant?)
METRICS: dict[str, tuple[str, bool]] = {
    "capex_cash_ppe": ("capex", False), "capex_cash_ppe_gross": ("capex", False), "capex": ("capex", False),
    "capex_incl_finance_lease_principal": ("capex_incl_finance_leases", False),
    "capex_incl_finance_leases_mgmt": ("capex_incl_finance_leases_mgmt", False),
    "finance_lease_principal_payments": ("finance_lease_principal", False),
    "rpo_revenue_backlog": ("rpo", True), "rpo": ("rpo", True), "rpo_total": ("rpo", True),
    "rpo_long_term_commitments": ("rpo", True), "rpo_commercial": ("rpo_commercial", True),
    "revenue_backlog": ("backlog", True), "arr": ("arr", True),
    "revenue": ("revenue", False), "operating_income": ("operating_income", False),
    "operating_profit": ("operating_income", False),
    "active_power": ("active_power_mw", True), "contracted_power": ("contracted_power_mw", True),
    "contracted_power_target_ye2026": ("contracted_power_target_mw", True),
    "hbm_tam_2028": ("hbm_tam", False),
}
SCALE = {"USD": (1.0, "USD"), "USD bn": (1e9, "USD"), "USD m": (1e6, "USD"), "MW": (1.0, "MW"),
         "GW": (1000.0, "MW"), "KRW tn": (1e12, "KRW")}
ACCESSION = re.compile(r"\b(\d{10}-\d{2}-\d{6})\b")
ACCESSION_PATH = re.compile(r"/Archives/edgar/data/\d+/(\d{18})/")


def load_all(store: Store, shared: Path) -> dict[str, int]:
    """Fill the store from the shared files, through the data layer's loaders where they exist."""
    try:
        from aicycle.sources import curated
    except ImportError:
        curated = None  # type: ignore[assignment]
    try:
        from aicycle.sources import edgar_facts
    except ImportError:
        edgar_facts = None  # type: ignore[assignment]
    with store.transaction():
        if curated is not None and hasattr(curated, "load_shared"):
            curated.load_shared(store, shared)
        else:
            store.upsert("facts", curated_rows(shared) + quote_rows(shared))
        if edgar_facts is not None and hasattr(edgar_facts, "load_shared"):
            edgar_facts.load_shared(store, shared)
        else:
            store.upsert("facts", derived_rows(shared))
    return {"facts": store.count("facts")}


@cache
def built(shared: Path) -> Path:
    """A store file filled once per test process (loading the full companyfacts takes a while)."""
    folder = Path(tempfile.mkdtemp(prefix="aicycle-report-facts-"))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / "aicycle.duckdb"
    with open_store(path, write=True, seed=False) as store:
        load_all(store, shared)
    return path


def store_copy(shared: Path, dest: Path) -> Path:
    """Copy the filled store to `dest/aicycle.duckdb` (dest is an AICYCLE_HOME) and return dest."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(built(shared), dest / "aicycle.duckdb")
    return dest


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _months_back(end: dt.date, months: int) -> dt.date:
    """First day of the period of `months` months ending on month-end `end`."""
    index = end.year * 12 + end.month - 1 - months + 1
    return dt.date(index // 12, index % 12 + 1, 1)


def _is_month_end(d: dt.date) -> bool:
    return d == _month_end(d.year, d.month)


def _last_quarter_end(ticker: str, before: dt.date) -> dt.date:
    """The last fiscal quarter end (month end) at least ten days before `before`."""
    fye = get(ticker).fiscal_year_end_month
    d = before - dt.timedelta(days=10)
    while True:
        if (d.month - fye) % 3 == 0 and _is_month_end(d):
            return d
        d -= dt.timedelta(days=1)


def _fiscal_year(ticker: str, label: str) -> tuple[dt.date, dt.date]:
    year = int(re.search(r"20\d\d", label).group())  # type: ignore[union-attr]
    fye = 12 if label.startswith("CY") else get(ticker).fiscal_year_end_month
    end = _month_end(year, fye)
    return _months_back(end, 12), end


def _row(**kw: Any) -> dict[str, Any]:
    base = dict(period_start=None, fiscal_period=None, calendar_quarter=None, value=None, text=None,
                method=None, tag=None, url=None, accession=None, form=None, fetched_at=FETCHED,
                flag=None, note=None)
    base.update(kw)
    base["fact_key"] = fact_key(base["ticker"], base["metric"], base["period_start"], base["period_end"],
                                base["filed"], base["source"], base["value"], base["text"])
    return base


def _accession(*texts: str) -> str | None:
    for text in texts:
        if m := ACCESSION.search(text or ""):
            return m.group(1)
        if m := ACCESSION_PATH.search(text or ""):
            a = m.group(1)
            return f"{a[:10]}-{a[10:12]}-{a[12:]}"
    return None


def curated_rows(shared: Path) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    with open(shared / "facts" / "ai_capex_backlog_facts.csv", newline="", encoding="utf-8") as fh:
        for raw in csv.DictReader(fh):
            out.extend(_curated(raw))
    return out


def _curated(raw: dict[str, str]) -> list[dict[str, Any]]:
    ticker, metric, date = raw["ticker"], raw["metric"], dt.date.fromisoformat(raw["date"])
    common = dict(ticker=ticker, kind="curated", source=raw["source_type"], url=raw["source_url"] or None,
                  accession=_accession(raw["source"], raw["source_url"]),
                  method=f"curated: {raw['source_type']}; seen via {raw['seen_via']}",
                  note=" ".join(x for x in (raw["source"], raw["notes"]) if x) or None)
    if raw["unit"] == "text":
        return [_row(metric="statement", period_end=date, filed=date, unit="text",
                     text=f"{raw['value']}: {raw['source']}", **common)]
    if guide := re.match(r"capex_(?:guidance|outlook|plan)_(?:(fy|cy)(\d{4})_?)?(low|high)?", metric):
        return _guidance(raw, guide.group(3), date, common)
    if metric not in METRICS or metric.endswith("_ytd"):
        return []
    name, instant = METRICS[metric]
    scale, unit = SCALE[raw["unit"]]
    if _is_month_end(date):
        end, filed, flag = date, None, None
    else:  # the date is an announcement: the period is the quarter before it
        end, filed, flag = _last_quarter_end(ticker, date), date, None
    if m := re.search(r"filed (\d{4}-\d{2}-\d{2})", raw["source"]):
        filed = dt.date.fromisoformat(m.group(1))
    if filed is None:
        filed, flag = end + dt.timedelta(days=PUBLICATION_LAG), "public_date_estimated"
    start = None if instant else _start(raw["period"], end)
    if start is False:
        return []
    return [_row(metric=name, period_start=start, period_end=end, value=float(raw["value"]) * scale,
                 unit=unit, filed=filed, flag=flag, fiscal_period=raw["period"], **common)]


def _start(period: str, end: dt.date) -> dt.date | None | bool:
    if m := re.search(r"\((\d{4}-\d{2}-\d{2})\.\.", period):
        return dt.date.fromisoformat(m.group(1))
    if "instant" in period:
        return None
    if "YTD" in period:
        return False
    if re.match(r"(FY|CY)\d{4}\b(?! Q)", period):
        return _months_back(end, 12)
    return _months_back(end, 3)


def _guidance(raw: dict[str, str], side: str | None, date: dt.date, common: dict[str, Any]) -> list[dict[str, Any]]:
    ticker = raw["ticker"]
    start, end = _fiscal_year(ticker, raw["period"])
    value = float(raw["value"])
    out = [_row(metric=f"capex_guidance_{side or 'point'}", period_start=start, period_end=end,
                value=value, unit="USD", filed=date, fiscal_period=raw["period"], **common)]
    if side == "low" and (m := re.search(r"high = (\d+(?:\.\d+)?)B", raw["notes"])):
        out.append(_row(metric="capex_guidance_high", period_start=start, period_end=end,
                        value=float(m.group(1)) * 1e9, unit="USD", filed=date,
                        fiscal_period=raw["period"], **common))
    return out


RANGE = re.compile(r"\$(\d+(?:\.\d+)?)(?: billion)?\s*(?:-|to)\s*\$?(\d+(?:\.\d+)?) billion")
GUIDED_YEAR = re.compile(r"(?:in|year|full year) (20\d\d)|(20\d\d) capital expenditures")


def quote_rows(shared: Path) -> list[dict[str, Any]]:
    """Statements for every quote; a guidance range where a quote states one."""
    out: list[dict[str, Any]] = []
    with open(shared / "facts" / "capex_guidance_quotes.csv", newline="", encoding="utf-8") as fh:
        for raw in csv.DictReader(fh):
            date = dt.date.fromisoformat(raw["date"])
            common = dict(ticker=raw["ticker"], kind="curated", source=raw["document"],
                          url=raw["primary_url"] or None, accession=_accession(raw["document"], raw["primary_url"]),
                          method=f"verbatim quote; {raw['verbatim_confidence']}; seen via {raw['seen_via']}",
                          filed=date)
            out.append(_row(metric="statement", period_end=date, unit="text", text=raw["quote"], **common))
            rng, year = RANGE.search(raw["quote"]), GUIDED_YEAR.search(raw["quote"])
            guided = any(w in raw["quote"].lower() for w in ("anticipate", "expect"))
            if rng and year and guided:
                fy = year.group(1) or year.group(2)
                start, end = _fiscal_year(raw["ticker"], f"FY{fy}")
                for side, value in (("low", rng.group(1)), ("high", rng.group(2))):
                    out.append(_row(metric=f"capex_guidance_{side}", period_start=start, period_end=end,
                                    value=float(value) * 1e9, unit="USD", fiscal_period=f"FY{fy}", **common))
    return out


def derived_rows(shared: Path) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    path = shared / "derived" / "quarterly_series_from_companyfacts.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        for raw in csv.DictReader(fh):
            cik = get(raw["ticker"]).cik
            derived = raw["method"].startswith("YTD difference")
            out.append(_row(
                ticker=raw["ticker"], metric=raw["metric"], value=float(raw["value_usd"]), unit="USD",
                period_start=dt.date.fromisoformat(raw["period_start"]) if raw["period_start"] else None,
                period_end=dt.date.fromisoformat(raw["period_end"]), kind="derived" if derived else "reported",
                method=raw["method"], tag=f"us-gaap:{raw['us_gaap_tag']}", source="SEC XBRL companyfacts",
                url=f"https://data.sec.gov/api/xbrl/companyfacts/CIK{cik}.json",
                accession=raw["source_accn"], form=raw["source_form"],
                filed=dt.date.fromisoformat(raw["source_filed"])))
    return out
