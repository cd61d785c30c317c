"""Terminal views of the store and of one metric's facts (`aicycle store info`, `aicycle facts`)."""

from __future__ import annotations

import csv
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

# Every provenance column, in the order --format csv/json print them.
FACT_COLUMNS = ("period_start", "period_end", "fiscal_period", "calendar_quarter", "value", "unit", "kind",
                "method", "tag", "accession", "form", "filed", "source", "url", "flag", "text")


def print_store_info(console: Console, info: dict[str, Any]) -> None:
    console.print(f"store: {info['path']}")
    for table, n in info["tables"].items():
        console.print(f"  {table:<14} {n:>8,} rows")


def write_csv(out: TextIO, rows: list[dict[str, Any]]) -> None:
    writer = csv.DictWriter(out, fieldnames=list(FACT_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else v.isoformat() if hasattr(v, "isoformat") else v)
                         for k, v in row.items()})


def fact_table(ticker: str, metric: str, rows: list[dict[str, Any]]) -> Table:
    """Compact view; --format csv/json carry every provenance column (start, accession, url, method)."""
    table = Table(title=f"{ticker} {metric} ({len(rows)} periods)")
    for col in ("period", "end", "cal.", "value", "unit", "kind", "filed", "flag"):
        table.add_column(col, justify="right" if col == "value" else "left",
                         no_wrap=col in ("period", "end", "value", "filed"))
    for r in rows:
        value = r["text"] if r["value"] is None else f"{r['value']:,.0f}"
        table.add_row(r["fiscal_period"] or "", str(r["period_end"]), r["calendar_quarter"] or "", value,
                      r["unit"], r["kind"], str(r["filed"] or ""), r["flag"] or "")
    return table


def source_lines(rows: list[dict[str, Any]]) -> list[str]:
    """One line a period under the table: where the figure came from (source type, document, URL or
    accession) and why it needs care (its flag), which the table's narrow columns cannot show."""
    out = []
    for r in rows:
        how = (r.get("method") or "").split(";", 1)[0] if r["kind"] == "curated" else r.get("form") or r["kind"]
        where = (f"accession {r['accession']}" if r.get("accession") and r["kind"] != "curated"
                 else r.get("url") or r["source"])
        out.append(f"{r['fiscal_period'] or r['period_end']} (filed {r['filed']}): {how}, {where}"
                   + (f" — {r['flag']}" if r.get("flag") else ""))
    return out
