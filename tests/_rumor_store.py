"""A small loader of the real files in shared/data into an in-memory store, for the rumor tests.

Stand-in until the data-layer branch's curated loader lands: it maps the curated CSVs to the facts
vocabulary of the store contract (capex, capex_guidance_low/high/point, rpo, backlog, statement, ...),
and two GPU price files to gpu_prices. The `filed` rule is the contract's: the date a value became
public; where a file gives only a period end, filed = period end + 45 days, flagged as estimated.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path
from typing import Any

from aicycle.store import Store, fact_key

SCALE = {"USD": (1.0, "USD"), "USD bn": (1e9, "USD"), "USD m": (1e6, "USD"), "KRW tn": (1e12, "KRW"),
         "MW": (1.0, "MW"), "GW": (1000.0, "MW"), "text": (1.0, "text")}

METRIC = {
    "capex_cash_ppe": "capex", "capex_cash_ppe_gross": "capex", "capex": "capex",
    "capex_incl_finance_lease_principal": "capex_incl_finance_leases_mgmt",
    "capex_incl_finance_leases_mgmt": "capex_incl_finance_leases_mgmt",
    "finance_lease_principal_payments": "finance_lease_principal",
    "rpo_revenue_backlog": "rpo", "rpo": "rpo", "rpo_total": "rpo", "rpo_long_term_commitments": "rpo",
    "rpo_commercial": "rpo_commercial", "revenue_backlog": "backlog", "arr": "arr",
    "active_power": "active_power_mw", "contracted_power": "contracted_power_mw",
    "contracted_power_target_ye2026": "contracted_power_target_mw",
    "revenue": "revenue", "operating_income": "operating_income", "operating_profit": "operating_income",
    "hbm_tam_2028": "hbm_tam", "hbm_2026_supply_status": "statement", "capex_commentary": "statement",
    "capex_outlook_cy2026": "capex_guidance_point", "capex_guidance_fy2026": "capex_guidance_point",
}
INSTANTS = ("rpo", "rpo_commercial", "backlog", "arr", "active_power_mw", "contracted_power_mw",
            "contracted_power_target_mw")
_GUIDE = re.compile(r"capex_(?:guidance|outlook)_fy(\d{4})_(low|high)")
_FILED = re.compile(r"filed (\d{4}-\d{2}-\d{2})")
_YEAR = re.compile(r"(?:FY|CY)(\d{4})")


def load(store: Store, shared: Path) -> None:
    rows = [*_facts_csv(shared), *_quotes_csv(shared), *_derived_csv(shared)]
    rows.extend(_meta_headline_capex(rows))
    store.upsert("facts", rows)
    store.upsert("gpu_prices", [*_gix(shared), *_observations(shared)])


def _fact(**kw: Any) -> dict[str, Any]:
    row = {"ticker": None, "metric": None, "period_start": None, "period_end": None, "value": None,
           "text": None, "unit": "USD", "kind": "curated", "method": None, "source": None, "url": None,
           "accession": None, "filed": None, "flag": None, "note": None}
    row.update(kw)
    row["fact_key"] = fact_key(row["ticker"], row["metric"], row["period_start"], row["period_end"],
                               row["filed"], row["text"])
    return row


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _year_period(period: str, fallback: dt.date) -> tuple[dt.date | None, dt.date]:
    m = _YEAR.search(period)
    year = int(m.group(1)) if m else fallback.year
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _period(period: str, date: dt.date) -> tuple[dt.date | None, dt.date]:
    """(start, end) from the CSV's period text; instants have no start."""
    m = re.search(r"\((\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})\)", period)
    if m:
        return _date(m.group(1)), _date(m.group(2))
    if "instant" in period:
        return None, date
    if re.match(r"(FY|CY)\d{4}$", period.split(" ")[0]) and "Q" not in period:
        return dt.date(date.year - 1, date.month, date.day) + dt.timedelta(days=1), date
    if re.search(r"Q\d", period):  # calendar-style quarter ending on `date`
        month = date.month - 2
        return (dt.date(date.year, month, 1) if month > 0 else dt.date(date.year - 1, month + 12, 1)), date
    return None, date


def _facts_csv(shared: Path) -> list[dict[str, Any]]:
    out = []
    with open(shared / "facts" / "ai_capex_backlog_facts.csv", newline="") as fh:
        for r in csv.DictReader(fh):
            out.extend(_fact_rows(r))
    return out


def _fact_rows(r: dict[str, str]) -> list[dict[str, Any]]:
    date = _date(r["date"])
    raw = r["metric"]
    guide = _GUIDE.match(raw)
    metric = f"capex_guidance_{guide.group(2)}" if guide else METRIC.get(raw)
    if metric is None:
        return []
    scale, unit = SCALE[r["unit"]]
    text = None
    value: float | None
    if metric == "statement":
        value, text = None, f"{r['value']}: {r['source']}"
    else:
        value = float(r["value"]) * scale
    announced = metric.startswith(("capex_guidance", "statement")) or "report" in r["notes"].lower()
    filed_m = _FILED.search(r["source"])
    flag = None
    if announced:
        filed = date
    elif filed_m:
        filed = _date(filed_m.group(1))
    else:
        filed, flag = date + dt.timedelta(days=45), "public_date_estimated"
    if metric.startswith("capex_guidance") or metric == "statement":
        start, end = _year_period(r["period"], date)
    elif metric in INSTANTS:
        start, end = None, date
    else:
        start, end = _period(r["period"], date)
    common = dict(ticker=r["ticker"], period_start=start, period_end=end, unit=unit,
                  kind="reported" if r["source_type"].startswith("SEC") else "curated",
                  method=r["source_type"], source=r["seen_via"] or r["source_type"],
                  url=r["source_url"] or None, filed=filed, flag=flag,
                  note=" ".join(x for x in (r["source"], r["notes"]) if x))
    rows = [_fact(metric=metric, value=value, text=text, **common)]
    high = re.search(r"high = (\d+)B", r["notes"])
    if guide and high:  # the CSV keeps the top of a range in its notes
        rows.append(_fact(metric="capex_guidance_high", value=float(high.group(1)) * 1e9, **common))
    return rows


def _meta_headline_capex(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Meta's headline capex = PP&E purchases + finance-lease principal (derived, as the contract says)."""
    def pick(metric: str) -> dict[str, Any] | None:
        return next((r for r in rows if r["ticker"] == "META" and r["metric"] == metric
                     and r["period_end"] == dt.date(2024, 12, 31)), None)
    ppe, lease = pick("capex"), pick("finance_lease_principal")
    if not ppe or not lease:
        return []
    return [_fact(ticker="META", metric="capex_incl_finance_leases", period_start=ppe["period_start"],
                  period_end=ppe["period_end"], value=ppe["value"] + lease["value"], kind="derived",
                  method="capex + finance_lease_principal (10-K FY2024)", source=ppe["source"],
                  url=ppe["url"], filed=ppe["filed"])]


def _quotes_csv(shared: Path) -> list[dict[str, Any]]:
    out = []
    with open(shared / "facts" / "capex_guidance_quotes.csv", newline="") as fh:
        for r in csv.DictReader(fh):
            date = _date(r["date"])
            out.append(_fact(ticker=r["ticker"], metric="statement", period_start=None, period_end=date,
                             text=r["quote"], unit="text", kind="curated", method=r["verbatim_confidence"],
                             source=f"{r['document']} ({r['seen_via']})", url=r["primary_url"] or None,
                             filed=date, note=r["document"]))
    return out


def _derived_csv(shared: Path) -> list[dict[str, Any]]:
    out = []
    with open(shared / "derived" / "quarterly_series_from_companyfacts.csv", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["metric"] not in ("capex", "rpo", "revenue"):
                continue
            out.append(_fact(
                ticker=r["ticker"], metric=r["metric"],
                period_start=_date(r["period_start"]) if r["period_start"] else None,
                period_end=_date(r["period_end"]), value=float(r["value_usd"]), unit="USD",
                kind="derived" if "difference" in r["method"] else "reported",
                method=r["method"], source="SEC companyfacts", url=None,
                accession=r["source_accn"], filed=_date(r["source_filed"])))
    return out


def _gix(shared: Path) -> list[dict[str, Any]]:
    path = shared / "gpu_prices" / "series" / "henryzhangpku_gpu_price_index" / "backfill_ratecards.csv"
    out = []
    with open(path, newline="") as fh:
        for r in csv.DictReader(fh):
            if r["status"] != "published" or not r["value"]:
                continue
            year, month = map(int, r["period"].split("-"))
            # A month's rate cards are all public by the month's last day.
            last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
            out.append(_price(last, r["index_code"].replace("GIX-", ""), float(r["value"]),
                              provider="gpu-price-index backfill (rate cards)", family="index",
                              term="index", stat="index_level", n=int(r["provider_count"] or 0),
                              url="https://github.com/henryzhangpku/gpu-price-index"))
    return out


def _observations(shared: Path) -> list[dict[str, Any]]:
    out = []
    with open(shared / "gpu_prices" / "gpu_rental_price_observations.csv", newline="") as fh:
        for r in csv.DictReader(fh):
            if not re.match(r"\d{4}-\d{2}-\d{2}$", r["observed_date"]):
                continue  # undated or month-only: no point in time
            out.append(_price(_date(r["observed_date"]), r["gpu"].split(" ")[0], float(r["price_usd_per_gpu_hour"]),
                              provider=r["provider_or_index"], family="marketplace", term="on_demand",
                              stat="offer", n=None, url=r["source_url"]))
    return out


def _price(day: dt.date, sku: str, price: float, *, provider: str, family: str, term: str, stat: str,
           n: int | None, url: str) -> dict[str, Any]:
    return {"price_key": fact_key(day, sku, provider, term, stat), "observed_at": dt.datetime(day.year, day.month, day.day),
            "observed_on": day, "sku": sku, "raw_name": sku, "term": term, "family": family, "provider": provider,
            "price_usd_per_gpu_hour": price, "stat": stat, "n_offers": n, "snapshot_id": None, "kind": "curated",
            "method": "test loader", "source": provider, "url": url, "filed": day, "fetched_at": None}
