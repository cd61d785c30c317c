"""Build the offline snapshot bundled in the package from the real files in ../shared/data.

    python scripts/build_snapshot.py [--shared ../shared/data] [--out src/aicycle/snapshot]

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
    # --- gpu ---
    from aicycle import gpu_index
    from aicycle.sources import gpu_captures, gpu_curated, gpu_series

    out += [("gpu_series", gpu_series.load_shared), ("gpu_captures", gpu_captures.load_shared),
            ("gpu_observations", gpu_curated.load_shared),
            ("gpu_index", lambda store, shared: gpu_index.store_index(store))]  # after the prices
    # --- language ---
    from aicycle.language.loader import load_shared as load_documents
    out.append(("documents", load_documents))
    # --- prices and events ---
    from aicycle import events
    from aicycle.sources import prices

    out.append(("stock_prices", prices.load_shared))
    out.append(("events", events.load_shared))
    return out


# --- data layer ---
def _companyfacts(store: Store, shared: Path) -> dict[str, object]:
    from aicycle.facts import coverage
    from aicycle.sources.edgar_facts import load_shared

    files = load_shared(store, shared)
    return {"files": files, "coverage": coverage(store, "sec_companyfacts")}


def _curated(store: Store, shared: Path) -> dict[str, object]:
    from aicycle.facts import coverage
    from aicycle.sources.curated import load_shared

    summary = load_shared(store, shared)
    return {**summary, "coverage": coverage(store, "curated:%")}


def build(shared: Path, out: Path) -> dict[str, object]:
    store = open_store(memory=True, seed=False)
    coverage: dict[str, object] = {}
    with store.transaction():
        for name, load in loaders():
            coverage[name] = load(store, shared)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in SCHEMA:
        target = out / f"{table}.parquet"
        order = "ORDER BY ALL"
        store.con.execute(f"COPY (SELECT * FROM {table} {order}) TO '{target}' (FORMAT parquet, COMPRESSION zstd)")
        counts[table] = store.count(table)
    manifest = {
        "built_from": "shared/data (real captured files; see SOURCES.md there)",
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
    parser.add_argument("--shared", type=Path, default=here.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=here / "src" / "aicycle" / "snapshot")
    args = parser.parse_args()
    manifest = build(args.shared, args.out)
    print(json.dumps(manifest["tables"], indent=2))


if __name__ == "__main__":
    main()
