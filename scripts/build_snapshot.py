"""Build the offline snapshot bundled in the package from the real files in data/ (see data/SOURCES.md).

    python scripts/build_snapshot.py [--data data] [--out src/aicycle/snapshot]

Each loader reads real captured files and writes rows, with provenance, into a fresh in-memory store;
every table is then exported as parquet and `manifest.json` records what the snapshot covers.
Re-running it on the same files gives the same snapshot.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from aicycle.store import SCHEMA, Store, open_store

Loader = Callable[[Store, Path], dict[str, object]]


def loaders() -> list[tuple[str, Loader]]:
    out: list[tuple[str, Loader]] = []
    # --- data layer ---
    out.append(("sec_companyfacts", _companyfacts))
    out.append(("curated_facts", _curated))
    # --- memory makers and grid events ---
    from aicycle.curated import memory_makers, power_events

    out += [("memory_makers", memory_makers.load_raw), ("power_events", power_events.load_raw)]
    from aicycle.curated import contracts as curated_contracts
    from aicycle.curated import third_party

    out.append(("third_party", third_party.load_raw))
    out.append(("compute_contracts", curated_contracts.load_raw))
    # --- gpu ---
    from aicycle.gpu import captures as gpu_captures
    from aicycle.gpu import index as gpu_index
    from aicycle.gpu import observations as gpu_curated
    from aicycle.gpu import series as gpu_series

    out += [("gpu_series", gpu_series.load_raw), ("gpu_captures", gpu_captures.load_raw),
            ("gpu_observations", gpu_curated.load_raw),
            ("gpu_index", lambda store, data_dir: gpu_index.store_index(store))]  # after the prices
    # --- language ---
    from aicycle.language import calls, stated
    from aicycle.language.loader import load_raw as load_documents
    out.append(("documents", load_documents))
    out.append(("calls_2025_2026", calls.load_raw))
    out.append(("stated_facts", stated.load_raw))  # after the documents it reads
    # --- prices and events ---
    from aicycle.market import events, prices

    out.append(("stock_prices", prices.load_raw))
    out.append(("events", events.load_raw))
    return out


# --- data layer ---
def _companyfacts(store: Store, data_dir: Path) -> dict[str, object]:
    from aicycle.facts import coverage
    from aicycle.sec.edgar_facts import load_raw

    files = load_raw(store, data_dir)
    return {"files": files, "coverage": coverage(store, "sec_companyfacts")}


def _curated(store: Store, data_dir: Path) -> dict[str, object]:
    from aicycle.curated.facts import load_raw
    from aicycle.facts import coverage

    summary = load_raw(store, data_dir)
    return {**summary, "coverage": coverage(store, "curated:%")}


def build(data_dir: Path, out: Path) -> dict[str, object]:
    store = open_store(memory=True, seed=False)
    coverage: dict[str, object] = {}
    with store.transaction():
        for name, load in loaders():
            coverage[name] = load(store, data_dir)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in SCHEMA:
        target = out / f"{table}.parquet"
        order = "ORDER BY ALL"
        store.con.execute(f"COPY (SELECT * FROM {table} {order}) TO '{target}' (FORMAT parquet, COMPRESSION zstd)")
        counts[table] = store.count(table)
    manifest = {
        "built_from": "data/ (real captured files; see data/SOURCES.md)",
        "data_through": _data_through(store),
        "tables": counts,
        "coverage": coverage,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, default=str) + "\n")
    return manifest


def _data_through(store: Store) -> str | None:
    row = store.con.execute(
        "SELECT max(d) FROM (SELECT max(filed) d FROM facts UNION ALL SELECT max(observed_on) FROM gpu_prices "
        "UNION ALL SELECT max(date) FROM stock_prices)"
    ).fetchone()
    value = row[0] if row else None
    return value.isoformat() if isinstance(value, dt.date) else None


def main() -> None:
    here = Path(__file__).resolve().parents[1]
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=here / "data")
    parser.add_argument("--out", type=Path, default=here / "src" / "aicycle" / "snapshot")
    args = parser.parse_args()
    manifest = build(args.data, args.out)
    print(json.dumps(manifest["tables"], indent=2))


if __name__ == "__main__":
    main()
