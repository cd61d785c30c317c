"""Published GPU-price series in data/gpu_prices/series, loaded with their provenance.

What each series is (SOURCES.md) decides its family:
- tugot17: ~30-minute snapshots of the Prime Intellect aggregated marketplace → marketplace.
  Stored per UTC day: each provider's cheapest listed price (median over the day's snapshots) as a
  quote, and the source's own median as a published level.
- henryzhangpku: monthly medians reconstructed from archived public rate cards ("list prices, not
  transactions; not the index") → cloud_list. Each provider's rate is a quote; the published median,
  and the spot / reserved medians, are levels. Rows the source marks `withheld` (too few providers)
  are not loaded at all, only counted. A month's values are dated at the month's last day: the rate
  cards behind them were public during that month.
- ewyluda: one week of daily levels per series: `index` and `spot` → index; `hyperscaler` and
  `neocloud` → cloud_list; `marketplace` → marketplace (segment medians, levels only).
- toolshedlabs: one snapshot of each provider's cheapest on-demand price per GPU → quotes;
  vastai → marketplace, the clouds → cloud_list.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import gzip
import json
import statistics
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, TypedDict

from aicycle.gpu.providers.base import price_row
from aicycle.gpu.skus import Normalizer
from aicycle.store import Store

SERIES = Path("gpu_prices/series")
TUGOT = ("tugot17/gpu-price-tracker@718a831c data/summary (Prime Intellect marketplace API)",
         "https://github.com/tugot17/gpu-price-tracker/tree/718a831c495f202f8c290d290b1f652aa7ed70d9/data/summary")
HENRY = ("henryzhangpku/gpu-price-index@f741b56d series/backfill_ratecards.csv",
         "https://github.com/henryzhangpku/gpu-price-index/blob/f741b56d6f8615757008a24372d340cc13f9d2f4/"
         "series/backfill_ratecards.csv")
EWYLUDA = ("ewyluda/gpu-price-index@0b49da20 site/data/index-history.csv",
           "https://github.com/ewyluda/gpu-price-index/blob/0b49da203f7cc6de2f09017cce4b4f458ecc3994/"
           "site/data/index-history.csv")
TOOLSHED = ("toolshedlabs-hash/gpu-price-feed@3371c7ba data/history/v2/2026-10.jsonl",
            "https://github.com/toolshedlabs-hash/gpu-price-feed/blob/3371c7ba426bdd2d5fba5c3cd1f128f1718d0dd9/"
            "data/history/v2/2026-10.jsonl")
EWYLUDA_FAMILY = {"index": ("index", "on_demand", "index_level"), "spot": ("index", "spot", "index_level"),
                  "hyperscaler": ("cloud_list", "on_demand", "segment_median"),
                  "neocloud": ("cloud_list", "on_demand", "segment_median"),
                  "marketplace": ("marketplace", "on_demand", "segment_median")}


def _utc(ts: str) -> dt.datetime:
    return dt.datetime.fromisoformat(ts).astimezone(dt.UTC).replace(tzinfo=None)


# --- tugot17 ---------------------------------------------------------------------------------------

def tugot17_rows(folder: Path, norm: Normalizer) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for file in sorted(folder.glob("*.jsonl.gz")):
        by_day: dict[dt.date, list[dict[str, Any]]] = defaultdict(list)
        with gzip.open(file, "rt") as fh:
            for line in fh:
                snap = json.loads(line)
                by_day[_utc(snap["timestamp"]).date()].append(snap)
        for day, snaps in sorted(by_day.items()):
            rows += _tugot17_day(file.name, day, snaps, norm)
    return rows


class _TugotCommon(TypedDict):
    """The price_row arguments every row of one tugot17 day shares."""
    observed_at: dt.datetime
    sku: str
    raw_name: str
    term: str
    family: str
    source: str
    url: str
    snapshot_id: str


class _HenryCommon(TypedDict):
    """The price_row arguments every row of one henryzhangpku month shares."""
    observed_at: dt.datetime
    sku: str
    raw_name: str
    family: str
    source: str
    url: str
    kind: str
    snapshot_id: str


def _tugot17_day(file: str, day: dt.date, snaps: list[dict[str, Any]], norm: Normalizer) -> list[dict[str, Any]]:
    first = snaps[0]
    raw = " ".join(x for x in (first["gpu_type"], first["socket_type"]) if x)
    sku = norm(raw)
    last = max(_utc(s["timestamp"]) for s in snaps)
    common: _TugotCommon = {"observed_at": last, "sku": sku, "raw_name": raw, "term": "on_demand",
                            "family": "marketplace", "source": TUGOT[0], "url": TUGOT[1],
                            "snapshot_id": f"tugot17:{file}"}
    out = [price_row(**common, provider="prime-intellect", stat="published_median", kind="derived",
                     price=statistics.median(s["price_stats"]["median"] for s in snaps),
                     n_offers=round(statistics.median(s["availability"]["total"] for s in snaps)),
                     method=f"median over the day's {len(snaps)} snapshots of price_stats.median")]
    per_provider: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for s in snaps:
        for provider, stats in s["by_provider"].items():
            per_provider[provider].append((stats["min"], stats["count"]))
    for provider, values in sorted(per_provider.items()):
        out.append(price_row(
            **common, provider=provider, stat="provider_min", kind="derived",
            price=statistics.median(v for v, _ in values), n_offers=max(c for _, c in values),
            method=f"median over the day's {len(values)} snapshots of by_provider.{provider}.min "
                   "(the provider's cheapest listed price per GPU-hour)"))
    return out


# --- henryzhangpku ---------------------------------------------------------------------------------

def henry_rows(file: Path, norm: Normalizer) -> tuple[list[dict[str, Any]], int]:
    rows: list[dict[str, Any]] = []
    withheld = 0
    with open(file, newline="") as fh:
        for rec in csv.DictReader(fh):
            if rec["status"] != "published":
                withheld += 1  # the source withholds months with too few providers: so do we
                continue
            rows += _henry_month(rec, norm)
    return rows, withheld


def _month_end(period: str) -> dt.datetime:
    year, month = (int(x) for x in period.split("-"))
    return dt.datetime(year, month, calendar.monthrange(year, month)[1])


def _henry_month(rec: dict[str, str], norm: Normalizer) -> list[dict[str, Any]]:
    when = _month_end(rec["period"])
    label = f"{rec['label']}; methodology {rec['methodology_version']}; month {rec['period']} dated at its end"
    common: _HenryCommon = {"observed_at": when, "sku": norm(rec["index_code"]), "raw_name": rec["index_code"],
                            "family": "cloud_list", "source": HENRY[0], "url": HENRY[1], "kind": "reported",
                            "snapshot_id": "henryzhangpku:backfill_ratecards"}
    flag = rec["flags"] or None  # e.g. dispersion above the source's ceiling: the whole month needs care
    out = [price_row(**common, term="on_demand", provider="henryzhangpku-gix", stat="published_median",
                     price=float(rec["value"]), n_offers=int(rec["provider_count"]), flag=flag,
                     method=f"value column (median of provider rates); {label}")]
    for term, col, count in (("spot", "spot_raw_median", "spot_providers"),
                             ("reserved", "reserved_raw_median", "reserved_providers")):
        if rec[col]:
            out.append(price_row(**common, term=term, provider="henryzhangpku-gix", stat="published_median",
                                 price=float(rec[col]), n_offers=int(rec[count] or 0),
                                 method=f"{col} column; {label}"))
    for part in filter(None, rec["providers"].split(";")):
        provider, value = part.split("=")
        out.append(price_row(**common, term="on_demand", provider=provider, stat="provider_rate", flag=flag,
                             price=float(value), method=f"providers column ({provider}={value}); {label}"))
    return out


# --- ewyluda ---------------------------------------------------------------------------------------

def ewyluda_rows(file: Path, norm: Normalizer) -> list[dict[str, Any]]:
    rows = []
    with open(file, newline="") as fh:
        for rec in csv.DictReader(fh):
            family, term, stat = EWYLUDA_FAMILY[rec["series"]]
            rows.append(price_row(
                observed_at=dt.datetime.fromisoformat(rec["date"]), sku=norm(rec["gpu_model"]),
                raw_name=rec["gpu_model"], term=term, family=family, provider=f"ewyluda:{rec['series']}",
                price=float(rec["usd_per_gpu_hour"]), stat=stat, source=EWYLUDA[0], url=EWYLUDA[1],
                kind="reported", snapshot_id="ewyluda:index-history",
                method=f"usd_per_gpu_hour of series '{rec['series']}' as published (provider mix changes "
                       "day to day)"))
    return rows


# --- toolshedlabs ----------------------------------------------------------------------------------

def toolshed_rows(file: Path, norm: Normalizer) -> list[dict[str, Any]]:
    rows = []
    for line in file.read_text().splitlines():
        snap = json.loads(line)
        when = _utc(snap["collected_at"])
        for provider, prices in sorted(snap["cheapest"].items()):
            for name, price in sorted(prices.items()):
                rows.append(price_row(
                    observed_at=when, sku=norm(name), raw_name=name, term="on_demand",
                    family="marketplace" if provider == "vastai" else "cloud_list", provider=provider,
                    price=float(price), stat="provider_min", source=TOOLSHED[0], url=TOOLSHED[1],
                    kind="reported", fetched_at=when, snapshot_id=f"toolshedlabs:{snap['collected_at']}",
                    method="the provider's cheapest on-demand USD per GPU-hour, as collected"))
    return rows


def load_raw(store: Store, data_dir: Path) -> dict[str, object]:
    """Snapshot loader: every published series, with a coverage summary."""
    norm = Normalizer()
    base = data_dir / SERIES
    tugot = tugot17_rows(base / "tugot17_gpu_price_tracker", norm)
    henry, withheld = henry_rows(base / "henryzhangpku_gpu_price_index/backfill_ratecards.csv", norm)
    ewy = ewyluda_rows(base / "ewyluda_gpu_price_index/index-history.csv", norm)
    tool = toolshed_rows(base / "toolshedlabs_gpu_price_feed/v2_2026-10.jsonl", norm)
    coverage: dict[str, object] = {}
    for name, rows in (("tugot17", tugot), ("henryzhangpku", henry), ("ewyluda", ewy), ("toolshedlabs", tool)):
        store.upsert("gpu_prices", rows)
        days = [r["observed_on"] for r in rows]
        coverage[name] = {"rows": len(rows), "from": min(days).isoformat(), "to": max(days).isoformat()}
    coverage["henryzhangpku_withheld_skipped"] = withheld
    coverage["unknown_gpu_names"] = dict(Counter(norm.unknown).most_common())
    return coverage
