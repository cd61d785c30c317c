"""Terminal views of the store and of one metric's facts (`aicycle store info`, `aicycle facts`)."""

from __future__ import annotations

import csv
from typing import Any, TextIO

from rich import box
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
    units = sorted({r["unit"] for r in rows if r["unit"]})
    table = Table(title=f"{ticker} {metric}, {', '.join(units) or 'no unit'} ({len(rows)} periods)",
                  title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False,
                  caption="est. date: the public date is estimated (docs/data.md)" if any(
                      r["flag"] == "public_date_estimated" for r in rows) else None, caption_justify="left")
    for col in ("period", "end", "value", "kind", "filed", "flag"):
        table.add_column(col, justify="right" if col == "value" else "left",
                         no_wrap=col != "flag", overflow="fold")
    for r in rows:
        value = r["text"] if r["value"] is None else f"{r['value']:,.0f}"
        period = r["fiscal_period"] or ""
        if r["calendar_quarter"] and r["calendar_quarter"] not in period:
            period += f" ({r['calendar_quarter']})"  # the fiscal label and the calendar quarter it falls in
        flag = "est. date" if r["flag"] == "public_date_estimated" else (r["flag"] or "").replace("_", " ")
        table.add_row(period, str(r["period_end"]), value, r["kind"], str(r["filed"] or ""), flag)
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
