"""Rows out of the CLI in the machine formats: CSV and Parquet (JSON is printed as it is).

A command hands over a list of flat dicts; nested values (lists, dicts) travel as JSON text so every
format carries the same columns. Parquet is written by DuckDB from an in-memory table, so neither
pandas nor pyarrow is loaded on the command line.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any, BinaryIO, TextIO

from aicycle.errors import InputError


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    parquet = "parquet"


def resolve(fmt: Format | str | None, json_flag: bool = False, default: Format = Format.table) -> Format:
    """`--json` is a shortcut for `--format json`; both with different formats is a usage error."""
    chosen = Format(fmt) if fmt is not None else None
    if json_flag:
        if chosen not in (None, Format.json):
            raise InputError(f"--json and --format {chosen} disagree: give one of them")
        return Format.json
    return chosen or default


def columns(rows: Sequence[dict[str, Any]], order: Sequence[str] | None = None) -> list[str]:
    """The given order first, then any other key in the order it first appears."""
    out = list(order or [])
    for row in rows:
        out.extend(k for k in row if k not in out)
    return out


def _flat(value: Any) -> Any:
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, default=str, ensure_ascii=False)
    return value


def write_csv(out: TextIO, rows: Sequence[dict[str, Any]], order: Sequence[str] | None = None) -> None:
    cols = columns(rows, order)
    writer = csv.DictWriter(out, fieldnames=cols, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: _csv_cell(row.get(c)) for c in cols})


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return _flat(value)


def _sql_type(values: Iterable[Any]) -> str:
    """The narrowest DuckDB type that holds every non-null value of a column."""
    kinds = {type(v) for v in values if v is not None}
    if not kinds:
        return "VARCHAR"
    if kinds <= {bool}:
        return "BOOLEAN"
    if kinds <= {int}:
        return "BIGINT"
    if kinds <= {int, float}:
        return "DOUBLE"
    if kinds <= {dt.datetime}:
        return "TIMESTAMP"
    if kinds <= {dt.date}:
        return "DATE"
    return "VARCHAR"


def load_table(con: Any, rows: Sequence[dict[str, Any]], order: Sequence[str] | None = None,
               name: str = "t") -> None:
    """Create table `name` in DuckDB connection `con` holding `rows`, typed per column (numbers stay
    numbers, dates stay dates); DuckDB then gives Parquet, pandas or Arrow from it."""
    cols = columns(rows, order)
    types = {c: _sql_type(r.get(c) for r in rows) for c in cols}
    ddl = ", ".join(f'"{c}" {types[c]}' for c in cols) or '"empty" VARCHAR'
    con.execute(f'CREATE TABLE "{name}" ({ddl})')
    if rows and cols:
        marks = ", ".join("?" for _ in cols)
        con.executemany(f'INSERT INTO "{name}" VALUES ({marks})',
                        [[_parquet_cell(r.get(c), types[c]) for c in cols] for r in rows])


def parquet_bytes(rows: Sequence[dict[str, Any]], order: Sequence[str] | None = None) -> bytes:
    """One Parquet file holding `rows`."""
    import duckdb

    con = duckdb.connect(":memory:")
    try:
        load_table(con, rows, order)
        fd, name = tempfile.mkstemp(suffix=".parquet")
        os.close(fd)
        try:
            con.execute(f"COPY t TO '{name}' (FORMAT parquet)")
            with open(name, "rb") as fh:
                return fh.read()
        finally:
            os.unlink(name)
    finally:
        con.close()


def _parquet_cell(value: Any, sql_type: str) -> Any:
    if value is None:
        return None
    if sql_type == "VARCHAR":
        return value.isoformat() if isinstance(value, dt.date) else str(_flat(value))
    if sql_type == "DOUBLE":
        return float(value)
    return value


def write_parquet(out: BinaryIO, rows: Sequence[dict[str, Any]], order: Sequence[str] | None = None) -> None:
    if out.isatty():
        raise InputError("--format parquet writes binary data: redirect it to a file (> out.parquet)")
    out.write(parquet_bytes(rows, order))
    out.flush()
