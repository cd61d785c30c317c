"""Terminal views of the store and of one metric's facts (`aicycle store info`, `aicycle facts`)."""

from __future__ import annotations

import csv
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

# Every provenance column, in the order --format csv/json print them.
FACT_COLUMNS = ("period_start", "period_end", "fiscal_period", "calendar_quarter", "value", "unit", "kind",
                "method", "tag", "accession", "form", "filed", "source", "url", "flag", "text",
                # added later, so scripts reading the first columns keep working
                "quarter", "tier", "definition", "disagreements")


def print_store_info(console: Console, info: dict[str, Any]) -> None:
    console.print(f"store: {info['path']}", highlight=False, overflow="fold")
    console.print(f"data through {info.get('data_date')} (every command's default as-of)", highlight=False)
    for table, n in info["tables"].items():
        console.print(f"  {table:<14} {n:>8,} rows", highlight=False)
    covers = info.get("covers") or {}
    if covers.get("capex"):
        console.print("headline capex, quarters held (the 8 quarters to each company's newest):", highlight=False)
        for ticker, c in covers["capex"].items():
            missing = ", ".join(c["missing"]) or "none"
            ppe = f"; {c['pp_e_only']} PP&E-only" if c.get("pp_e_only") else ""
            console.print(f"  {ticker:<6} {c['quarters']:>3} quarters, {c['first']} → {c['last']}{ppe}; "
                          f"missing: {missing}", highlight=False)
        console.print("  (a live `aicycle refresh` fills missing quarters from SEC companyfacts)", highlight=False)
    for kind, d in (covers.get("documents") or {}).items():
        console.print(f"{kind}s: {d['n']} from {d['companies']} companies, {d['first']} → {d['last']}",
                      highlight=False)
    if covers.get("facts_by_kind"):
        parts = ", ".join(f"{k} {v['n']:,}" for k, v in covers["facts_by_kind"].items())
        console.print(f"facts by kind: {parts}", highlight=False)
    deals = covers.get("contracts") or {}
    if deals.get("n") not in (None, "0"):
        console.print(f"compute contracts: {deals['n']}, {deals['first']} → {deals['last']}", highlight=False)


def write_csv(out: TextIO, rows: list[dict[str, Any]]) -> None:
    writer = csv.DictWriter(out, fieldnames=list(FACT_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else v.isoformat() if hasattr(v, "isoformat") else v)
                         for k, v in row.items()})


def fact_table(ticker: str, metric: str, rows: list[dict[str, Any]], caption: str | None = None) -> Table:
    """Compact view; --format csv/json carry every provenance column (start, accession, url, method)."""
    unit = rows[0]["unit"] if rows else ""
    table = Table(title=f"{ticker} {metric} ({len(rows)} periods{', ' + unit if unit else ''})", caption=caption,
                  caption_justify="left")
    for col in ("quarter", "value", "source", "filed"):
        table.add_column(col, justify="right" if col == "value" else "left", overflow="fold",
                         no_wrap=col in ("value", "filed"))
    for r in rows:
        value = r["text"] if r["value"] is None else f"{r['value']:,.0f}"
        table.add_row(r.get("quarter") or r["fiscal_period"] or "", value, _source(r), str(r["filed"] or ""))
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


def _source(row: dict[str, Any]) -> str:
    """Where the row came from, in a few words: its tier, source, and anything to know about it."""
    parts = [str(row.get("tier") or row["kind"]).replace("_", " "), str(row["source"]).split(":", 1)[-1][:40]]
    if row.get("definition") and "only" in row["definition"]:
        parts.append("PP&E only")
    if row.get("flag"):
        parts.append(str(row["flag"]).replace("_", " "))
    for d in row.get("disagreements") or []:
        parts.append(f"{d['tier'].replace('_', ' ')} says {d['value']:,.0f} ({d['gap']:+.1%})")
    return "; ".join(parts)


def definition_caption(metric: str, words: str, rows: list[dict[str, Any]]) -> str:
    fallback = sum(1 for r in rows if "only" in (r.get("definition") or ""))
    tail = f"; {fallback} quarter(s) without it show PP&E purchases only (marked)" if fallback else ""
    return f"capex = {words} ({metric}){tail}."
