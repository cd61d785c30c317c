"""Curated GPU price points: the bundled observations file and any user CSV (`aicycle gpu import`).

User CSV columns: `date, sku, price, term, source, url` (an optional `family`, default `index`, and
`stat`, default `curated_point`). Every row is checked before anything is stored; a bad row raises
InputError naming the file, the line and the field, and nothing is written.

The bundled `gpu_rental_price_observations.csv` has rows whose date is "undated (...)": they are
**skipped** (counted in the coverage), never given a made-up date. A month-only date ("2026-03") is
dated at the month's last day and flagged `month_only_date`.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import re
from pathlib import Path
from typing import Any

from aicycle import textfile, validate
from aicycle.errors import InputError
from aicycle.gpu.providers.base import FAMILIES, TERMS, price_row
from aicycle.gpu.skus import UNKNOWN, Normalizer, normalize, skus
from aicycle.store import Store

OBSERVATIONS = Path("gpu_prices/gpu_rental_price_observations.csv")
REQUIRED = ("date", "sku", "price", "term", "source", "url")
# provider_or_index prefix → (family, stat); the term comes from price_basis.
OBSERVED_KINDS = (
    ("Silicon Data", ("index", "index_level")),
    ("market level", ("index", "market_level")),
    ("SF Compute", ("marketplace", "from_price")),
    ("TensorDock", ("marketplace", "from_price")),
    ("Vast.ai", ("marketplace", "from_price")),
)


def observation_date(text: str) -> tuple[dt.datetime, str | None] | None:
    """(date, flag) of an observation, or None when it is undated."""
    text = text.strip()
    try:
        return dt.datetime.fromisoformat(text), None
    except ValueError:
        pass
    parts = text.split("-")
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        year, month = int(parts[0]), int(parts[1])
        return dt.datetime(year, month, calendar.monthrange(year, month)[1]), "month_only_date"
    return None


def _observation_term(basis: str) -> str:
    b = basis.lower()
    return "reserved" if "contract" in b else "on_demand"


def _publisher(who: str, basis: str) -> str:
    """One name per publisher and contract term, so that its points form one series: "market level per
    SemiAnalysis (as summarized)" and "... per SemiAnalysis/Latent Space (as summarized)" are SemiAnalysis's
    1-year contract level."""
    m = re.match(r"market level per ([\w.-]+(?: [\w.-]+)?)", who)
    if not m:
        return who
    term = re.search(r"\b\d+-year contract\b", basis)
    return m.group(1) + (f", {term.group(0)}" if term else "")


def observation_rows(file: Path, norm: Normalizer) -> tuple[list[dict[str, Any]], int]:
    rows, undated = [], 0
    with open(file, newline="") as fh:
        for rec in csv.DictReader(fh):
            when = observation_date(rec["observed_date"])
            if when is None:
                undated += 1
                continue
            family, stat = next(v for k, v in OBSERVED_KINDS if rec["provider_or_index"].startswith(k))
            sfc = rec["provider_or_index"].startswith("SF Compute")
            stat = "market_average" if sfc and "average" in rec["price_basis"] else stat
            rows.append(price_row(
                observed_at=when[0], sku=norm(rec["gpu"]), raw_name=rec["gpu"],
                # SF Compute sells blocks of time bought ahead: reserved, like its captured prices.
                term="reserved" if sfc else _observation_term(rec["price_basis"]), family=family,
                provider=_publisher(rec["provider_or_index"], rec["price_basis"]),
                price=float(rec["price_usd_per_gpu_hour"]), stat=stat,
                source=f"gpu_rental_price_observations.csv ({rec['seen_via']})", url=rec["source_url"],
                kind="curated", flag=when[1], snapshot_id="curated:gpu_rental_price_observations",
                method=f"{rec['price_basis']}; {rec['notes']}"))
    return rows, undated


def load_raw(store: Store, data_dir: Path) -> dict[str, object]:
    norm = Normalizer()
    rows, undated = observation_rows(data_dir / OBSERVATIONS, norm)
    store.upsert("gpu_prices", rows)
    return {"rows": len(rows), "undated_skipped": undated, "unknown_gpu_names": dict(norm.unknown)}


# --- user CSV ----------------------------------------------------------------------------------------

def _sku(value: str) -> str:
    return value if value in skus() else normalize(value)


def _parse_user_row(rec: dict[str, str], where: str) -> dict[str, Any]:
    def fail(field: str, why: str) -> InputError:
        return InputError(f"{where}: {field} {rec.get(field)!r} {why}")

    try:
        day = dt.date.fromisoformat((rec["date"] or "").strip())
    except ValueError:
        raise fail("date", "is not a date (YYYY-MM-DD); undated points cannot be imported") from None
    if problem := validate.day_problem(day):
        raise fail("date", problem)
    sku = _sku((rec["sku"] or "").strip())
    if sku == UNKNOWN:
        raise fail("sku", "is not a known GPU (see the alias table, aicycle/data/gpu_aliases.csv in the package)")
    try:
        price = float(rec["price"])
    except (TypeError, ValueError):
        raise fail("price", "is not a number") from None
    if not price > 0 or price == float("inf"):
        raise fail("price", "must be a positive USD per GPU-hour")
    term = (rec["term"] or "").strip()
    if term not in TERMS:
        raise fail("term", f"must be one of {', '.join(TERMS)}")
    family = (rec.get("family") or "index").strip()
    if family not in FAMILIES:
        raise fail("family", f"must be one of {', '.join(FAMILIES)}")
    source = (rec["source"] or "").strip()
    if not source:
        raise fail("source", "is empty: every point needs its source")
    row = price_row(observed_at=dt.datetime.combine(day, dt.time()), sku=sku, raw_name=rec["sku"].strip(),
                    term=term, family=family, provider=source, price=price,
                    stat=(rec.get("stat") or "curated_point").strip(), source=source,
                    url=(rec["url"] or "").strip() or None, kind="curated",
                    method="imported from a curated CSV", snapshot_id="curated:user_csv")
    validate.check_row("gpu_prices", row, where)
    return row


def read_user_csv(path: Path) -> list[dict[str, Any]]:
    """All rows of a curated CSV, checked; raises InputError on the first bad row."""
    rows = [_parse_user_row(rec, f"{path}:{n}") for n, rec in textfile.csv_records(path, REQUIRED)]
    if not rows:
        raise InputError(f"{path}: no rows")
    return rows


def import_csv(store: Store, path: Path) -> dict[str, Any]:
    rows = read_user_csv(path)
    inserted, changed = store.upsert("gpu_prices", rows)
    return {"file": str(path), "rows": len(rows), "inserted": inserted, "changed": changed}
