"""Regression: a file that is not a database was reported as "in use by another process", after six
seconds of retries. "In use" is said only when another process really holds DuckDB's lock."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from aicycle.errors import StoreBusyError, StoreDamagedError
from aicycle.store import open_store


def test_a_broken_file_is_damaged_not_busy(tmp_path: Path) -> None:
    path = tmp_path / "aicycle.duckdb"
    path.write_bytes(b"not a database" * 1000)
    started = time.monotonic()
    with pytest.raises(StoreDamagedError, match="is damaged"):
        open_store(path)
    assert time.monotonic() - started < 2


def test_a_held_lock_is_busy(tmp_path: Path) -> None:
    path = tmp_path / "aicycle.duckdb"
    open_store(path).close()
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time\n"
                               f"con = duckdb.connect({str(path)!r})\nprint('held', flush=True)\ntime.sleep(30)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreBusyError, match="in use by another process"):
            from aicycle import store as store_module

            store_module._connect(path, read_only=True, attempts=3)
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
