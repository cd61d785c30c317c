"""Telling a damaged store from a busy one, and saying so plainly.

DuckDB reports a truncated file as "Could not read enough bytes", a corrupted block as "Corrupt
database file: computed checksum ... does not match", and a file that is not a database at all as
"not a valid DuckDB database file". A file held by another process says "Could not set lock": only
that one means "in use". `damaged(path, exc)` turns the first kind into StoreDamagedError with what
to run; `truncated(con, path)` catches a short file at open, before a query trips over it.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from aicycle.errors import StoreDamagedError

DAMAGE_SIGNS = ("Corrupt database file", "Could not read enough bytes", "not a valid DuckDB database file",
                "checksum", "Failed to read database header", "database file is too small",
                "Invalid block", "Invalid Input Error: File is not", "No more data remaining")
LOCK_SIGNS = ("Could not set lock", "Conflicting lock")
HEADER_BYTES = 3 * 4096  # the main header and two database headers precede the first block
REPAIR = ("run `aicycle store repair` to move it aside and rebuild it from the bundled snapshot "
          "and your imports (`aicycle store check` shows what is wrong)")


def is_lock_conflict(exc: BaseException) -> bool:
    return any(sign in str(exc) for sign in LOCK_SIGNS)


def is_damage(exc: BaseException) -> bool:
    """A DuckDB error that means the file itself is broken (never a lock conflict)."""
    module = type(exc).__module__ or ""
    if not (module.startswith("duckdb") or module.startswith("_duckdb")) or is_lock_conflict(exc):
        return False
    return any(sign in str(exc) for sign in DAMAGE_SIGNS)


def damaged(path: Path | None, exc: BaseException | str) -> StoreDamagedError:
    detail = " ".join(str(exc).split())
    if len(detail) > 160:
        detail = detail[:157] + "..."
    return StoreDamagedError(f"the store at {path or 'memory'} is damaged ({detail}); {REPAIR}")


def truncated(con: duckdb.DuckDBPyConnection, path: Path) -> str | None:
    """Why the file cannot hold the blocks in use, or None (also None with a WAL, whose blocks are not
    in the file yet). Free blocks at the end may be cut off by DuckDB itself: only used ones count;
    a shorter cut is caught when a read meets it ("Could not read enough bytes")."""
    if path.with_name(path.name + ".wal").exists():
        return None
    row = con.execute("SELECT block_size, used_blocks FROM pragma_database_size()").fetchone()
    if not row:
        return None
    expected = HEADER_BYTES + int(row[0]) * int(row[1])
    size = path.stat().st_size
    if size < expected:
        return f"the file has {size:,} bytes, too few for the {int(row[1])} blocks it holds: it was truncated"
    return None
