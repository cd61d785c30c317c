"""`aicycle store check` and `aicycle store repair`: find a damaged store, and rebuild it.

`check(path)` opens the store read-only and reads every row of every table (a truncated file or a
corrupt block fails there, where a row count alone would not), counts the rows, fingerprints each
table, and compares the bundled snapshot's hash with the one the store was built from; it also checks
the journal of the user's imports. `repair(path)` builds a new store from the bundled snapshot,
re-applies the journal (`aicycle.journal`), moves the damaged file aside with a timestamp and puts
the new one in its place, all under the writer lock: a reader sees the old file or the new one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

from aicycle import config, journal, validate
from aicycle.errors import AicycleError, InputError, StoreDamagedError
from aicycle.store import (
    SCHEMA,
    Store,
    create_schema,
    load_snapshot,
    snapshot_dir,
    snapshot_sha256,
    store_lock,
)


def fingerprint(con: duckdb.DuckDBPyConnection, table: str) -> tuple[int, str]:
    """(rows, a hash of every row's content): reading it touches every block of the table."""
    row = con.execute(f"SELECT count(*), coalesce(sum(hash(t)), 0)::VARCHAR FROM {table} AS t").fetchone()
    return (int(row[0]), str(row[1])) if row else (0, "0")


def check(path: Path | None = None) -> dict[str, Any]:
    """What is wrong with the store at `path`, table by table (`problems` empty: healthy)."""
    path = path or config.store_path()
    out: dict[str, Any] = {"path": str(path), "exists": path.exists(), "tables": {}, "problems": []}
    out["snapshot"] = _snapshot()
    out["journal"] = _journal(path)
    out["problems"] += out["snapshot"]["problems"] + out["journal"]["problems"]
    if not path.exists():
        out["status"] = "missing"
        out["advice"] = "no store yet: any command creates it from the bundled snapshot"
        return out
    out["size"] = path.stat().st_size
    try:
        con = _open(path)
    except StoreDamagedError as exc:
        out["problems"].append(str(exc).split("; run")[0])
    else:
        try:
            _tables(con, out)
            _rules(con, out)
        finally:
            con.close()
    damaged = any(not t.get("ok") for t in out["tables"].values()) or not out["tables"]
    out["status"] = "damaged" if damaged else ("warnings" if out["problems"] else "ok")
    out["advice"] = ("run `aicycle store repair`" if damaged
                     else "see the problems above" if out["problems"] else "nothing to do")
    return out


def unreadable(path: Path | None = None) -> list[str]:
    """The tables of the store that cannot be read whole (the quick part of `check`)."""
    out: dict[str, Any] = {"tables": {}, "problems": []}
    con = _open(path or config.store_path())
    try:
        _tables(con, out)
    finally:
        con.close()
    return out["problems"]


def _open(path: Path) -> duckdb.DuckDBPyConnection:
    from aicycle.store import _connect

    return _connect(path, read_only=True)


def _tables(con: duckdb.DuckDBPyConnection, out: dict[str, Any]) -> None:
    present = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    for table in SCHEMA:
        if table not in present:
            out["tables"][table] = {"ok": False, "problem": "missing"}
            out["problems"].append(f"table {table} is missing")
            continue
        try:
            rows, digest = fingerprint(con, table)
        except duckdb.Error as exc:
            reason = " ".join(str(exc).split())[:160]
            out["tables"][table] = {"ok": False, "problem": reason}
            out["problems"].append(f"table {table} cannot be read: {reason}")
            continue
        out["tables"][table] = {"ok": True, "rows": rows, "hash": digest}
    with contextlib.suppress(duckdb.Error):
        row = con.execute("SELECT value FROM meta WHERE key = 'snapshot_sha256'").fetchone()
        out["built_from_snapshot"] = row[0].strip('"') if row else None


def _rules(con: duckdb.DuckDBPyConnection, out: dict[str, Any]) -> None:
    """Rows stored before the validation rules existed (a date in 2099, a NaN) are reported, not lost."""
    store = Store(con, None, False)
    for table, info in out["tables"].items():
        if not info.get("ok"):
            continue
        try:
            validate.check_rows(table, store.query(f"SELECT * FROM {table}"), not_null=store.not_null(table))
        except validate.InvalidRows as exc:
            info["rule_breaks"] = len(exc.problems)
            out["problems"].append(f"{table}: {len(exc.problems)} row(s) break the validation rules, e.g. "
                                   f"{exc.problems[0]}")


def _snapshot() -> dict[str, Any]:
    """The bundled snapshot repair rebuilds from: its hash, and every file readable with its rows."""
    import json

    folder = snapshot_dir()
    info: dict[str, Any] = {"sha256": snapshot_sha256(folder), "problems": []}
    manifest_file = folder / "manifest.json"
    try:
        counts = json.loads(manifest_file.read_text(encoding="utf-8")).get("tables", {})
    except (OSError, ValueError) as exc:
        info["problems"].append(f"bundled snapshot manifest cannot be read ({exc})")
        return info
    con = duckdb.connect(":memory:")
    try:
        for table, expected in counts.items():
            file = folder / f"{table}.parquet"
            try:
                row = con.execute("SELECT count(*) FROM read_parquet(?)", [str(file)]).fetchone()
                rows = int(row[0]) if row else -1
            except duckdb.Error as exc:
                info["problems"].append(f"bundled snapshot {file.name} cannot be read ({exc})")
                continue
            if rows != expected:
                info["problems"].append(f"bundled snapshot {file.name} has {rows} rows, the manifest says {expected}")
    finally:
        con.close()
    return info


def _journal(path: Path) -> dict[str, Any]:
    info: dict[str, Any] = {"entries": 0, "problems": []}
    try:
        found = journal.entries(path)
    except InputError as exc:
        info["problems"].append(str(exc))
        return info
    info["entries"] = len(found)
    for entry in found:
        try:
            journal.files_of(entry, path)
        except InputError as exc:
            info["problems"].append(str(exc))
    return info


def repair(path: Path | None = None, *, force: bool = False) -> dict[str, Any]:
    """Rebuild the store from the bundled snapshot plus the journal; the old file is moved aside."""
    path = path or config.store_path()
    with store_lock(path, timeout=30):
        before = check(path)
        if before["status"] == "ok" and not force:
            return {"path": str(path), "repaired": False, "status": "ok",
                    "message": "the store is healthy; nothing to repair (--force rebuilds it anyway)"}
        tmp = path.with_name(path.name + ".repairing")
        tmp.unlink(missing_ok=True)
        con = duckdb.connect(str(tmp))
        try:
            create_schema(con)
            counts = load_snapshot(con)
            store = Store(con, tmp, True)
            store.set_meta("snapshot_sha256", snapshot_sha256())
            applied, failed = _reapply(store, path)
        finally:
            con.close()
        moved = _move_aside(path) if path.exists() else None
        tmp.replace(path)
    return {"path": str(path), "repaired": True, "status_before": before["status"],
            "problems_before": before["problems"], "moved_to": str(moved) if moved else None,
            "snapshot_rows": counts, "reapplied": applied, "not_reapplied": failed,
            "message": "rebuilt from the bundled snapshot and your imports; data fetched by `aicycle refresh` "
                       "since is not in the journal: run `aicycle refresh` to fetch it again"}


def _move_aside(path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    path.replace(target)
    wal = path.with_name(path.name + ".wal")
    if wal.exists():
        wal.replace(target.with_name(target.name + ".wal"))
    return target


def _reapply(store: Store, path: Path) -> tuple[list[str], dict[str, str]]:
    """Each journal entry in its own transaction: one that fails is reported, the others still apply."""
    applied: list[str] = []
    failed: dict[str, str] = {}
    try:
        entries = journal.entries(path)
    except InputError as exc:
        return applied, {"journal": str(exc)}
    for entry in entries:
        try:
            with store.transaction():
                APPLY[entry["command"]](store, journal.files_of(entry, path), entry.get("options") or {})
            applied.append(f"{entry['command']} {', '.join(f['name'] for f in entry['files'])} ({entry['id']})")
        except (AicycleError, duckdb.Error) as exc:
            failed[entry["id"]] = " ".join(str(exc).split())
    return applied, failed


def _ingest(store: Store, files: list[Path], options: dict[str, Any]) -> None:
    from aicycle.language.documents import ingest

    ingest(store, files, options["company"], options["date"], options.get("kind", "transcript"))


def _load_facts(store: Store, files: list[Path], options: dict[str, Any]) -> None:
    from aicycle.curated.facts import load_file

    for file in files:
        load_file(store, file)


def _gpu_import(store: Store, files: list[Path], options: dict[str, Any]) -> None:
    from aicycle.gpu.index import store_index
    from aicycle.gpu.observations import import_csv

    for file in files:
        import_csv(store, file)
    store_index(store)


APPLY: dict[str, Callable[[Store, list[Path], dict[str, Any]], None]] = {
    "ingest": _ingest, "load-facts": _load_facts, "gpu import": _gpu_import,
}
