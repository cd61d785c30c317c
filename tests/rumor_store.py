"""An in-memory store filled by the project's own loaders from the real files in data."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from aicycle.curated import facts as curated
from aicycle.gpu import captures as gpu_captures
from aicycle.gpu import observations as gpu_curated
from aicycle.gpu import series as gpu_series
from aicycle.language import loader as documents
from aicycle.language.documents import document_row
from aicycle.sec import edgar_facts
from aicycle.store import Store, fact_key, open_store

CALLS_SOURCE = "github.com/fredwang00/eca (data/calls_2025_2026)"


def load_calls(store: Store, data_dir: Path) -> dict[str, object]:
    """The 2025-2026 calls as documents on their call dates, company words only (no site summary).

    Stands in until the snapshot's own loader carries them; skipped for any call already stored.
    """
    folder = data_dir / "calls_2025_2026"
    have = {(r["ticker"], r["date"]) for r in store.query("SELECT ticker, date FROM documents")}
    rows = []
    for entry in csv.DictReader((folder / "index.csv").read_text(encoding="utf-8").splitlines()):
        day = dt.date.fromisoformat(entry["call_date"])
        if (entry["ticker"], day) in have:
            continue
        lines = (folder / entry["file"]).read_text(encoding="utf-8").splitlines()
        body = "\n".join(lines[int(entry["transcript_body_starts_at_line"] or 1) - 1:])
        row = document_row(body, entry["ticker"], day, "transcript", title=f"{entry['ticker']} call {day}",
                           source=f"{CALLS_SOURCE}/{entry['file']}")
        row["fetched_at"] = None
        rows.append(row)
    store.upsert("documents", rows)
    return {"documents": len(rows)}


# --- stand-ins for tables the data layer is adding (compute contracts, power events, memory makers) ----

def _month_end(text: str) -> dt.date:
    if len(text) == 7:  # a month only: public at the month's end
        year, month = int(text[:4]), int(text[5:7])
        return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date.fromisoformat(text)


def _csv_table(store: Store, name: str, path: Path) -> int:
    """A table with the CSV's own columns (all text), unless the store already has one of that name."""
    if store.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = ?", [name])[0]["n"]:
        return 0
    rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
    columns = list(rows[0])
    store.con.execute(f"CREATE TABLE {name} ({', '.join(f'{c} VARCHAR' for c in columns)})")
    store.con.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' for _ in columns)})",
                          [[r[c] for c in columns] for r in rows])
    return len(rows)


def load_records(store: Store, data_dir: Path) -> dict[str, object]:
    return {"compute_contracts": _csv_table(store, "compute_contracts", data_dir / "facts" / "compute_contracts.csv"),
            "power_events": _csv_table(store, "power_events", data_dir / "facts" / "power_permitting_events.csv")}


_MEMORY_METRICS = {"revenue": "revenue", "operating_profit": "operating_income",
                   "ds_division_operating_profit": "chip_operating_income"}


def load_memory_makers(store: Store, data_dir: Path) -> dict[str, object]:
    """SK hynix and Samsung quarters as facts, and their dated HBM and capex statements as statements."""
    have = store.query("SELECT count(*) AS n FROM facts WHERE ticker = '005930.KS'")[0]["n"]
    if have:
        return {"facts": 0}
    rows = []
    path = data_dir / "facts" / "memory_makers_quarterly.csv"
    for r in csv.DictReader(path.read_text(encoding="utf-8").splitlines()):
        filed = _month_end(r["announced_date"])
        end = dt.date.fromisoformat(r["period_end"]) if r["period_end"] else filed
        metric = _MEMORY_METRICS.get(r["metric"])
        is_figure = metric is not None and r["value"] != ""
        row = {"ticker": r["ticker"], "metric": metric if is_figure else "statement",
               "period_start": end.replace(day=1) - dt.timedelta(days=62) if is_figure else None,
               "period_end": end, "fiscal_period": r["quarter"], "calendar_quarter": r["quarter"],
               "value": float(r["value"]) if is_figure else None, "text": None if is_figure else r["quote"],
               "unit": r["unit"] or "text", "kind": "curated", "method": r["source_type"], "tag": r["metric"],
               "source": "curated:memory_makers_quarterly.csv", "url": r["source_url"], "accession": None,
               "form": None, "filed": filed, "fetched_at": None, "flag": None, "note": r["value_text"]}
        if is_figure:
            row["period_start"] = dt.date(end.year, end.month - 2, 1)
        row["fact_key"] = fact_key(r["ticker"], r["metric"], r["quarter"], filed, r["source_url"], r["quote"][:40])
        rows.append(row)
    store.upsert("facts", rows)
    return {"facts": len(rows)}


# The snapshot's loaders for what the rumor check reads: facts, GPU prices, documents.
LOADERS = (edgar_facts.load_raw, curated.load_raw, gpu_series.load_raw, gpu_captures.load_raw,
           gpu_curated.load_raw, documents.load_raw, load_calls,
           load_records, load_memory_makers)


def load(store: Store, data_dir: Path) -> Store:
    with store.transaction():
        for loader in LOADERS:
            loader(store, data_dir)
    return store


def loaded_store(data_dir: Path) -> Store:
    return load(open_store(memory=True, seed=False), data_dir)
