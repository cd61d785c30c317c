"""Terminal output of a rumor check (Rich): the verdict, the reasoning, the evidence table."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

_COLOUR = {"supported": "green", "contradicted": "red", "unclear": "yellow"}
_POINTS = {"supports": "[green]supports[/]", "contradicts": "[red]contradicts[/]", "neutral": "[dim]neutral[/]"}


def print_check(console: Console, result: dict[str, Any]) -> None:
    colour = _COLOUR.get(result["verdict"], "white")
    parsed = result["parsed"]
    console.print(f"[bold]Claim:[/] {escape(result['claim'] or '(empty)')}")
    if result.get("reading_text"):
        console.print(f"[dim]as of {result['as_of']} · read as: {escape(result['reading_text'])}[/]")
    else:
        console.print(f"[dim]as of {result['as_of']} · company {escape(str(parsed['company']))} · "
                      f"metric {parsed['metric']} · direction {parsed['direction']}[/]")
    console.print(f"[bold {colour}]{result['verdict'].upper()}[/] (confidence {result['confidence']:.2f})")
    console.print(escape(result["reasoning"]))
    if not result["evidence"]:
        return
    table = Table(show_lines=False, expand=True)
    for col, kw in (("date", {"no_wrap": True}), ("points", {"no_wrap": True}), ("evidence", {"ratio": 3}),
                    ("source", {"ratio": 1}), ("kind", {"no_wrap": True})):
        table.add_column(col, **kw)
    for e in result["evidence"]:
        source = e["source"] or ""
        if e.get("accession"):
            source += f" {e['accession']}"
        elif e.get("url"):
            source += f" {e['url']}"
        source = source if len(source) <= 80 else source[:79] + "\u2026"
        text = e["text"] + (f" [caveat: {e['caveat']}]" if e.get("caveat") else "")
        table.add_row(e["date"] or "", _POINTS.get(e["points"], e["points"]), escape(text), escape(source),
                      e["kind"])
    console.print(table)
