"""The DuckDB store: every number with its provenance.

One file in the aicycle home (`aicycle.duckdb`). Readers open it read-only; writers take a file lock
first (`store.lock`), so two refreshes cannot interleave, and write inside one transaction, so a
failure leaves what was stored before untouched. A new store is seeded from the snapshot bundled in
the package (`aicycle/snapshot/*.parquet`).

Every table carries provenance columns: source, url, accession (where there is one), filed (the date
the number became public), fetched_at, kind (reported | derived | stated | third_party | curated) and
method (how a derived, stated or curated value was obtained).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import filelock

from aicycle import config, store_damage, validate
from aicycle.errors import StoreBusyError

KINDS = ("reported", "derived", "stated", "third_party", "curated")

# Each domain owns one section; keep the provenance columns in every table that holds numbers.
SCHEMA: dict[str, str] = {
    # --- financial facts (sources/companyfacts.py, sources/curated.py) ---
    "facts": """
        CREATE TABLE IF NOT EXISTS facts (
            fact_key VARCHAR PRIMARY KEY,   -- hash of the identity columns: makes writes idempotent
            ticker VARCHAR NOT NULL,
            metric VARCHAR NOT NULL,        -- capex, capex_incl_finance_leases, revenue, rpo, ...
            period_start DATE,              -- NULL for instants (RPO, backlog, power)
            period_end DATE NOT NULL,
            fiscal_period VARCHAR,          -- FY2026Q1, FY2025, ...
            calendar_quarter VARCHAR,       -- 2026Q1 (quarter holding most of the period)
            value DOUBLE,
            text VARCHAR,                   -- for qualitative curated facts (value NULL)
            unit VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,          -- reported | derived | stated | third_party | curated
            method VARCHAR,                 -- how derived; the sentence stated; the curated source type
            tag VARCHAR,                    -- us-gaap concept
            source VARCHAR NOT NULL,
            url VARCHAR,
            accession VARCHAR,
            form VARCHAR,
            filed DATE,                     -- date the value became public
            fetched_at TIMESTAMP,
            flag VARCHAR,                   -- NULL = clean; else why it needs review
            note VARCHAR
        )""",
    # --- documents: transcripts and releases (language/) ---
    "documents": """
        CREATE TABLE IF NOT EXISTS documents (
            doc_id VARCHAR PRIMARY KEY,     -- sha256 of the text
            ticker VARCHAR NOT NULL,
            date DATE NOT NULL,             -- date the document became public
            kind VARCHAR NOT NULL,          -- transcript | release
            title VARCHAR,
            source VARCHAR NOT NULL,
            url VARCHAR,
            accession VARCHAR,
            fetched_at TIMESTAMP,
            text VARCHAR NOT NULL,
            fiscal_period VARCHAR,          -- FY2024Q1 when known (transcripts named by fiscal quarter)
            flag VARCHAR,                   -- NULL = clean; 'public_date_estimated' when `date` is derived
            method VARCHAR                  -- how `date` was derived when it was
        )""",
    # --- GPU rental prices (sources/gpu_*.py, gpu_index.py; docs/gpu_index.md) ---
    "gpu_prices": """
        CREATE TABLE IF NOT EXISTS gpu_prices (
            price_key VARCHAR PRIMARY KEY,
            observed_at TIMESTAMP NOT NULL,
            observed_on DATE NOT NULL,      -- undated observations are never stored
            sku VARCHAR NOT NULL,           -- normalized: H100-SXM, H100-PCIE, H200, B200, ... or UNKNOWN
            raw_name VARCHAR,               -- the name as the source wrote it
            term VARCHAR NOT NULL,          -- on_demand | spot | reserved
            family VARCHAR NOT NULL,        -- marketplace | cloud_list | index (never blended)
            provider VARCHAR NOT NULL,      -- who sets the price (vast.ai host market, lambda, ...)
            price_usd_per_gpu_hour DOUBLE NOT NULL,
            stat VARCHAR NOT NULL,          -- quote: offer | provider_min | provider_rate | from_price;
                                            -- level: published_median | segment_median | index_level | ...
            n_offers INTEGER,               -- offers behind a level, or GPUs in one offer's machine
            gpu_count INTEGER,              -- GPUs in the priced machine (offers), for the /GPU division
            offer_id VARCHAR,
            region VARCHAR,
            snapshot_id VARCHAR,            -- the collection run (gpu_snapshots) or the imported file
            kind VARCHAR NOT NULL,          -- reported | derived | curated
            method VARCHAR,
            source VARCHAR NOT NULL,        -- the dataset (repo@commit, API endpoint, CSV)
            url VARCHAR,
            filed DATE,                     -- date public (= observed_on for collected offers)
            fetched_at TIMESTAMP,
            flag VARCHAR                    -- NULL = clean; else why the row needs care
        )""",
    "gpu_snapshots": """
        CREATE TABLE IF NOT EXISTS gpu_snapshots (
            snapshot_id VARCHAR NOT NULL,
            provider VARCHAR NOT NULL,
            fetched_at TIMESTAMP NOT NULL,
            status VARCHAR NOT NULL,        -- ok | error | skipped-no-key
            detail VARCHAR,
            url VARCHAR,
            n_offers INTEGER,
            raw JSON,                       -- the provider's response as received (ok runs)
            PRIMARY KEY (snapshot_id, provider)
        )""",
    "gpu_index": """
        CREATE TABLE IF NOT EXISTS gpu_index (
            family VARCHAR NOT NULL,
            sku VARCHAR NOT NULL,
            term VARCHAR NOT NULL,
            day DATE NOT NULL,
            median DOUBLE NOT NULL,
            q1 DOUBLE,
            q3 DOUBLE,
            n_quotes INTEGER NOT NULL,      -- after outlier filtering
            n_providers INTEGER NOT NULL,
            n_dropped INTEGER NOT NULL,     -- quotes outside the Tukey fences
            sources VARCHAR NOT NULL,       -- datasets behind the point, '; '-joined
            method_version VARCHAR NOT NULL,
            PRIMARY KEY (family, sku, term, day, method_version)
        )""",
    # --- daily stock prices (sources/prices.py) ---
    "stock_prices": """
        CREATE TABLE IF NOT EXISTS stock_prices (
            ticker VARCHAR NOT NULL,
            date DATE NOT NULL,
            series VARCHAR NOT NULL,        -- one source per series: never splice two in a return
            open DOUBLE, high DOUBLE, low DOUBLE, close DOUBLE,   -- raw quotes (NULL if only adjusted)
            adj_close DOUBLE,               -- adjusted for splits and dividends by this series' source
            volume DOUBLE,
            source VARCHAR NOT NULL,        -- source of open..close
            adj_source VARCHAR,             -- the one source of adj_close in this series
            url VARCHAR,
            kind VARCHAR NOT NULL,          -- reported | derived (adj_close computed from raw + dividends)
            method VARCHAR,
            fetched_at TIMESTAMP,
            flag VARCHAR,                   -- gap:N | stale | jump:+x% (';'-joined), NULL = clean
            PRIMARY KEY (ticker, date, series)
        )""",
    # --- dated market events (events.py) ---
    "events": """
        CREATE TABLE IF NOT EXISTS events (
            event_id VARCHAR PRIMARY KEY,
            news_date DATE NOT NULL,
            timing VARCHAR NOT NULL,        -- before_open | during_us_session | after_us_close | weekend
            company VARCHAR,
            kind VARCHAR,
            headline VARCHAR NOT NULL,
            description VARCHAR,
            observed VARCHAR,
            source VARCHAR NOT NULL,
            url VARCHAR,
            second_url VARCHAR
        )""",
    # --- grid and permitting events (curated/power_events.py, grid.py) ---
    "power_events": """
        CREATE TABLE IF NOT EXISTS power_events (
            event_key VARCHAR PRIMARY KEY,  -- hash of the row: makes loads idempotent
            day DATE NOT NULL,              -- the day the row is about (month only: the month's last day)
            day_precision VARCHAR NOT NULL, -- day | month
            region VARCHAR,
            actor VARCHAR NOT NULL,
            event_kind VARCHAR NOT NULL,    -- load_pipeline | capacity_price | queue | moratorium | permit |
                                            -- turbine_backlog | transformer | ppa | other
            direction VARCHAR NOT NULL,     -- tightening | easing | neutral
            value DOUBLE,
            unit VARCHAR,
            value_text VARCHAR NOT NULL,
            quote VARCHAR NOT NULL,         -- verbatim from the source
            source_type VARCHAR NOT NULL,   -- primary:... | secondary:...
            until DATE,                     -- a moratorium's stated end (NULL: none stated)
            kind VARCHAR NOT NULL,          -- curated
            method VARCHAR,                 -- how the public date was set
            source VARCHAR NOT NULL,
            url VARCHAR,
            filed DATE NOT NULL,            -- date public
            fetched_at TIMESTAMP,
            flag VARCHAR                    -- NULL = clean; else why it needs care (';'-joined)
        )""",
    # --- compute and capacity contracts (curated/contracts.py, contracts.py) ---
    "contracts": """
        CREATE TABLE IF NOT EXISTS contracts (
            contract_key VARCHAR PRIMARY KEY,
            announced_on DATE NOT NULL,     -- public date: the day, or a month's last day when only
                                            -- the month is known (announced_text keeps the source's)
            announced_text VARCHAR NOT NULL,
            buyer VARCHAR NOT NULL,         -- as the source names it ("Meta (lessee)")
            buyer_ticker VARCHAR,           -- universe ticker when the buyer is a followed company
            seller VARCHAR NOT NULL,
            seller_ticker VARCHAR,
            value_usd DOUBLE,               -- firm or base figure; NULL when the source gives no total
            value_text VARCHAR,             -- the source's words ("up to", "approximately" kept)
            term_years DOUBLE,
            capacity_text VARCHAR,
            kind VARCHAR NOT NULL,          -- compute_lease | cloud_services | chips | other
            source_type VARCHAR NOT NULL,   -- sec_filing | press_release | other | news
            url VARCHAR,
            quote VARCHAR,                  -- verbatim, <= 30 words
            overlap_group VARCHAR,          -- rows describing (part of) the same commitment: never summed
            overlap VARCHAR,                -- how the group's rows relate (compute_contracts_NOTES.md)
            source VARCHAR NOT NULL,
            filed DATE NOT NULL,            -- = announced_on
            fetched_at TIMESTAMP,
            flag VARCHAR                    -- date_derived | month_only (NULL = stated in full)
        )""",
    # --- bookkeeping ---
    "meta": """
        CREATE TABLE IF NOT EXISTS meta (
            key VARCHAR PRIMARY KEY,
            value VARCHAR
        )""",
}

# Caches: values derived from the tables above, rebuilt on demand, never in the snapshot.
CACHES: dict[str, str] = {
    # --- one document's stance summary (language/documents.py), so a page never rescans a long text ---
    "document_scans": """
        CREATE TABLE IF NOT EXISTS document_scans (
            doc_id VARCHAR NOT NULL,
            version VARCHAR NOT NULL,       -- hash of the scanner's code: a changed scanner rescans
            summary JSON NOT NULL,          -- counts, score, watch terms (DocumentSummary.to_dict)
            chars BIGINT,                   -- length of the text: a page never reads a long text for it
            PRIMARY KEY (doc_id, version)
        )""",
}


def fact_key(*parts: object) -> str:
    """Stable identity of a row: the same inputs always give the same key."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode()).hexdigest()[:32]


class Store:
    """A connection to the aicycle store. Use `open_store()` to get one."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path | None, writable: bool) -> None:
        self.con = con
        self.path = path
        self.writable = writable
        self._keys: dict[str, tuple[str, ...]] = {}
        self._not_null: dict[str, tuple[str, ...]] = {}

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def query(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params or [])
        cols = [d[0] for d in cur.description or []]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    def count(self, table: str) -> int:
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def upsert(self, table: str, rows: Iterable[Mapping[str, Any]],
               where: str | Sequence[str] | None = None) -> tuple[int, int]:
        """Insert rows, replacing rows with the same primary key. Returns (inserted, changed).

        Every row is checked first (`aicycle.validate`); one bad row refuses the whole batch with
        InvalidRows naming `where` (a file, or one location per row). Rows identical to what is
        stored count as neither, so a second identical refresh reports no change.
        """
        rows = list(rows)
        if not rows:
            return (0, 0)
        validate.check_rows(table, rows, where, not_null=self.not_null(table))
        cols = list(rows[0].keys())
        key = self.primary_key(table)
        before = self._existing(table, key, cols, rows)
        inserted = changed = 0
        data = []
        for row in rows:
            values = tuple(row[c] for c in cols)
            old = before.get(tuple(row[c] for c in key))
            if old is None:
                inserted += 1
            elif _differs(old, values, cols, key):
                changed += 1
            else:
                continue
            data.append(values)
        self._insert(table, cols, data)
        return (inserted, changed)

    def _insert(self, table: str, cols: list[str], data: list[tuple], chunk: int = 500) -> None:
        # DuckDB's executemany runs one statement per row; multi-row VALUES is ~50x faster.
        one = "(" + ", ".join("?" for _ in cols) + ")"
        for k in range(0, len(data), chunk):
            part = data[k:k + chunk]
            self.con.execute(
                f"INSERT OR REPLACE INTO {table} ({', '.join(cols)}) VALUES " + ", ".join(one for _ in part),
                [v for r in part for v in r],
            )

    def _existing(self, table: str, key: tuple[str, ...], cols: list[str],
                  rows: list[Mapping[str, Any]]) -> dict[tuple, tuple]:
        first = key[0]
        wanted = list({r[first] for r in rows})
        found = self.con.execute(
            f"SELECT {', '.join(key)}, {', '.join(cols)} FROM {table} WHERE {first} IN (SELECT unnest(?))",
            [wanted],
        ).fetchall()
        n = len(key)
        return {tuple(r[:n]): tuple(r[n:]) for r in found}

    def not_null(self, table: str) -> tuple[str, ...]:
        """The columns of `table` declared NOT NULL (primary-key columns included)."""
        if table not in self._not_null:
            found = self.con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = ? AND NOT is_nullable "
                "ORDER BY column_index", [table]).fetchall()
            self._not_null[table] = tuple(r[0] for r in found)
        return self._not_null[table]

    def primary_key(self, table: str) -> tuple[str, ...]:
        if table not in self._keys:
            row = self.con.execute(
                "SELECT constraint_column_names FROM duckdb_constraints() "
                "WHERE table_name = ? AND constraint_type = 'PRIMARY KEY'", [table]).fetchone()
            if not row:
                raise ValueError(f"table {table} has no primary key")
            self._keys[table] = tuple(row[0])
        return self._keys[table]

    def set_meta(self, key: str, value: object) -> None:
        self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, json.dumps(value)])

    def get_meta(self, key: str) -> Any:
        row = self.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else None


# Bookkeeping, not data: fetched_at changes on every refresh, and `note` says how a row was first
# loaded ("CIK….json" from the snapshot, "live refresh" later); the same value is not a change.
BOOKKEEPING = ("fetched_at", "note")


def _differs(old: tuple, new: tuple, cols: list[str], key: tuple[str, ...]) -> bool:
    for c, a, b in zip(cols, old, new, strict=False):
        if c in key or c in BOOKKEEPING:
            continue
        if _norm(a) != _norm(b):
            return True
    return False


def _norm(v: object) -> object:
    if hasattr(v, "isoformat"):
        return v.isoformat()[:10] if len(v.isoformat()) <= 10 else v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def data_date(store: Store) -> dt.date | None:
    """The store's data date: the newest day anything in it became public (facts, GPU prices, documents,
    contracts). Every command's default as-of."""
    row = store.con.execute(
        "SELECT max(d) FROM (SELECT max(filed) AS d FROM facts UNION ALL SELECT max(observed_on) FROM gpu_prices "
        "UNION ALL SELECT max(date) FROM documents UNION ALL SELECT max(announced_on) FROM contracts)").fetchone()
    value = row[0] if row else None
    return value if isinstance(value, dt.date) else None


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    for ddl in (*SCHEMA.values(), *CACHES.values()):
        con.execute(ddl)


def snapshot_dir() -> Path:
    return Path(str(resources.files("aicycle").joinpath("snapshot")))


def snapshot_sha256(directory: Path | None = None) -> str:
    """One hash of the bundled snapshot's files (table parquet files and manifest, by name)."""
    directory = directory or snapshot_dir()
    digest = hashlib.sha256()
    for file in sorted(directory.glob("*.parquet")) + [directory / "manifest.json"]:
        if file.exists():
            digest.update(file.name.encode() + b"\0" + hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def load_snapshot(con: duckdb.DuckDBPyConnection, directory: Path | None = None) -> dict[str, int]:
    """Seed an empty store from the bundled parquet snapshot. Returns rows per table."""
    directory = directory or snapshot_dir()
    counts: dict[str, int] = {}
    for table in SCHEMA:
        file = directory / f"{table}.parquet"
        if not file.exists():
            continue
        con.execute(f"INSERT OR REPLACE INTO {table} BY NAME SELECT * FROM read_parquet(?)", [str(file)])
        counts[table] = int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[index]
    return counts


def open_store(path: Path | None = None, *, write: bool = False, memory: bool = False,
               seed: bool = True) -> Store:
    """Open the store; create and seed it from the bundled snapshot when it does not exist yet.

    `memory=True` gives an in-memory store (tests); `seed=False` leaves a new store empty.
    """
    if memory:
        con = duckdb.connect(":memory:")
        create_schema(con)
        if seed:
            load_snapshot(con)
        return Store(con, None, True)
    path = path or config.store_path()
    if not path.exists():
        _create(path, seed)
    con = _connect(path, read_only=not write)
    if _missing_tables(con):  # a store made by an older version: add the new tables, seeded
        con.close()
        _add_tables(path)
        con = _connect(path, read_only=not write)
    return Store(con, path, write)


def _missing_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    have = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    return [t for t in SCHEMA if t not in have]


def _add_tables(path: Path) -> None:
    """Create the tables an older store lacks and fill them from the bundled snapshot (nothing else changes)."""
    with store_lock(path):
        con = duckdb.connect(str(path))
        try:
            missing = _missing_tables(con)
            create_schema(con)
            for table in missing:
                file = snapshot_dir() / f"{table}.parquet"
                if file.exists():
                    con.execute(f"INSERT OR REPLACE INTO {table} BY NAME SELECT * FROM read_parquet(?)", [str(file)])
        finally:
            con.close()


def _create(path: Path, seed: bool) -> None:
    with store_lock(path):
        if path.exists():
            return
        tmp = path.with_suffix(".creating")
        tmp.unlink(missing_ok=True)
        con = duckdb.connect(str(tmp))
        try:
            create_schema(con)
            if seed:
                load_snapshot(con)
                Store(con, tmp, True).set_meta("snapshot_sha256", snapshot_sha256())
        finally:
            con.close()
        tmp.replace(path)  # atomic: a reader never sees a half-built store


def _connect(path: Path, read_only: bool, attempts: int = 50) -> duckdb.DuckDBPyConnection:
    # DuckDB allows one writing process; a reader may briefly meet a writer's lock. Only a lock
    # conflict is retried and reported as "in use"; a broken file is said to be broken at once.
    last: Exception | None = None
    for _ in range(attempts):
        try:
            con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            if not store_damage.is_lock_conflict(exc):
                raise store_damage.damaged(path, exc) from None
            last = exc
            time.sleep(0.1)
            continue
        try:
            if short := store_damage.truncated(con, path):
                raise store_damage.damaged(path, short)
            if not read_only:
                create_schema(con)  # stores made by older versions get new tables
        except duckdb.Error as exc:
            con.close()
            raise store_damage.damaged(path, exc) from None
        except BaseException:
            con.close()
            raise
        return con
    raise StoreBusyError(f"the store at {path} is in use by another process: {last}")


@contextmanager
def store_lock(path: Path | None = None, timeout: float = 600) -> Iterator[None]:
    path = path or config.store_path()
    lock = filelock.FileLock(str(path.with_suffix(".lock")))
    try:
        lock.acquire(timeout=timeout)
    except filelock.Timeout as exc:
        raise StoreBusyError(f"another aicycle process holds {lock.lock_file}") from exc
    try:
        yield
    finally:
        lock.release()


@contextmanager
def writing(path: Path | None = None) -> Iterator[Store]:
    """Lock the store, open it for writing, run the body in one transaction."""
    path = path or config.store_path()
    if not path.exists():
        _create(path, seed=True)
    with store_lock(path):
        store = Store(_connect(path, read_only=False), path, True)
        try:
            with store.transaction():
                yield store
        finally:
            store.close()
